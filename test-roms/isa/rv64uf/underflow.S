# Subnormal results and the underflow flag (single precision). UF is raised when the
# result is tiny and inexact; an exact subnormal result raises nothing. RISC-V detects
# tininess AFTER rounding (with an unbounded exponent): a result that is below the
# smallest normal before rounding but rounds to it at full precision is not tiny.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # Exact subnormal results: no flags
  FP_TEST_S_OP2( 2, fmul.s, rne, 0, 0x00400000, 0x00800000, 0x3f000000)  # 1.1754944e-38 * 0.5 = 5.877472e-39
  FP_TEST_S_OP2( 3, fmul.s, rne, 0, 0x007fffff, 0x007fffff, 0x3f800000)  # 1.1754942e-38 * 1 = 1.1754942e-38
  FP_TEST_S_OP2( 4, fsub.s, rne, 0, 0x007fffff, 0x00800000, 0x00000001)  # 1.1754944e-38 - 1e-45 = 1.1754942e-38
  FP_TEST_S_OP2( 5, fadd.s, rne, 0, 0x00000002, 0x00000001, 0x00000001)  # 1e-45 + 1e-45 = 3e-45
  FP_TEST_S_OP2( 6, fdiv.s, rne, 0, 0x00000001, 0x00800000, 0x4b000000)  # 1.1754944e-38 / 8388608 = 1e-45
  # Inexact subnormal results: UF|NX
  FP_TEST_S_OP2( 7, fmul.s, rne, FP_UF|FP_NX, 0x00400000, 0x007fffff, 0x3f000000)  # 1.1754942e-38 * 0.5 = 5.877472e-39
  FP_TEST_S_OP2( 8, fdiv.s, rne, FP_UF|FP_NX, 0x002aaaab, 0x00800000, 0x40400000)  # 1.1754944e-38 / 3 = 3.918315e-39
  FP_TEST_S_OP2( 9, fdiv.s, rne, FP_UF|FP_NX, 0x00200000, 0x3f800000, 0x7f7fffff)  # 1 / 3.4028235e+38 = 2.938736e-39
  FP_TEST_S_OP2(10, fdiv.s, rtz, FP_UF|FP_NX, 0x00200000, 0x3f800000, 0x7f7fffff)  # 1 / 3.4028235e+38 = 2.938736e-39
  FP_TEST_S_OP2(11, fdiv.s, rdn, FP_UF|FP_NX, 0x00200000, 0x3f800000, 0x7f7fffff)  # 1 / 3.4028235e+38 = 2.938736e-39
  FP_TEST_S_OP2(12, fdiv.s, rup, FP_UF|FP_NX, 0x00200001, 0x3f800000, 0x7f7fffff)  # 1 / 3.4028235e+38 = 2.938737e-39
  FP_TEST_S_OP2(13, fdiv.s, rmm, FP_UF|FP_NX, 0x00200000, 0x3f800000, 0x7f7fffff)  # 1 / 3.4028235e+38 = 2.938736e-39
  # minsub / 2 is a tie between 0 and minsub; -minsub / 2 likewise
  FP_TEST_S_OP2(14, fmul.s, rne, FP_UF|FP_NX, 0x00000000, 0x00000001, 0x3f000000)  # 1e-45 * 0.5 = 0
  FP_TEST_S_OP2(15, fmul.s, rtz, FP_UF|FP_NX, 0x00000000, 0x00000001, 0x3f000000)  # 1e-45 * 0.5 = 0
  FP_TEST_S_OP2(16, fmul.s, rdn, FP_UF|FP_NX, 0x00000000, 0x00000001, 0x3f000000)  # 1e-45 * 0.5 = 0
  FP_TEST_S_OP2(17, fmul.s, rup, FP_UF|FP_NX, 0x00000001, 0x00000001, 0x3f000000)  # 1e-45 * 0.5 = 1e-45
  FP_TEST_S_OP2(18, fmul.s, rmm, FP_UF|FP_NX, 0x00000001, 0x00000001, 0x3f000000)  # 1e-45 * 0.5 = 1e-45
  FP_TEST_S_OP2(19, fmul.s, rne, FP_UF|FP_NX, 0x80000000, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -0
  FP_TEST_S_OP2(20, fmul.s, rtz, FP_UF|FP_NX, 0x80000000, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -0
  FP_TEST_S_OP2(21, fmul.s, rdn, FP_UF|FP_NX, 0x80000001, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -1e-45
  FP_TEST_S_OP2(22, fmul.s, rup, FP_UF|FP_NX, 0x80000000, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -0
  FP_TEST_S_OP2(23, fmul.s, rmm, FP_UF|FP_NX, 0x80000001, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -1e-45
  fsrmi 0                           # frm = RNE for case 24 (rm = dyn)
  FP_TEST_S_OP2(24, fmul.s, dyn, FP_UF|FP_NX, 0x80000000, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -0
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 25 (rm = dyn)
  FP_TEST_S_OP2(25, fmul.s, dyn, FP_UF|FP_NX, 0x80000000, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -0
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 26 (rm = dyn)
  FP_TEST_S_OP2(26, fmul.s, dyn, FP_UF|FP_NX, 0x80000001, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -1e-45
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 27 (rm = dyn)
  FP_TEST_S_OP2(27, fmul.s, dyn, FP_UF|FP_NX, 0x80000000, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -0
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 28 (rm = dyn)
  FP_TEST_S_OP2(28, fmul.s, dyn, FP_UF|FP_NX, 0x80000001, 0x80000001, 0x3f000000)  # -1e-45 * 0.5 = -1e-45
  fsrmi 0
  FP_TEST_S_OP2(29, fmul.s, rmm, FP_UF|FP_NX, 0x00000000, 0x00000001, 0x3e800000)  # 1e-45 * 0.25 = 0
  FP_TEST_S_OP2(30, fmul.s, rne, FP_UF|FP_NX, 0x00000000, 0x00800000, 0x00800000)  # 1.1754944e-38 * 1.1754944e-38 = 0
  FP_TEST_S_OP2(31, fmul.s, rup, FP_UF|FP_NX, 0x00000001, 0x00800000, 0x00800000)  # 1.1754944e-38 * 1.1754944e-38 = 1e-45
  # Tininess after rounding: minnorm - 2^-151 rounds (RNE) to minnorm at full precision: not tiny
  FP_TEST_S_OP3(32, fmadd.s, rne, FP_NX, 0x00800000, 0x99800000, 0x1a000000, 0x00800000)  # -1.323489e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754944e-38
  FP_TEST_S_OP3(33, fmadd.s, rtz, FP_UF|FP_NX, 0x007fffff, 0x99800000, 0x1a000000, 0x00800000)  # -1.323489e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754942e-38
  FP_TEST_S_OP3(34, fmadd.s, rdn, FP_UF|FP_NX, 0x007fffff, 0x99800000, 0x1a000000, 0x00800000)  # -1.323489e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754942e-38
  FP_TEST_S_OP3(35, fmadd.s, rup, FP_NX, 0x00800000, 0x99800000, 0x1a000000, 0x00800000)  # -1.323489e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754944e-38
  FP_TEST_S_OP3(36, fmadd.s, rmm, FP_NX, 0x00800000, 0x99800000, 0x1a000000, 0x00800000)  # -1.323489e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754944e-38
  # minnorm - 2^-150 is exact at full precision (so tiny), rounds to minnorm in the subnormal grid
  FP_TEST_S_OP3(37, fmadd.s, rne, FP_UF|FP_NX, 0x00800000, 0x9a000000, 0x1a000000, 0x00800000)  # -2.646978e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754944e-38
  FP_TEST_S_OP3(38, fmadd.s, rtz, FP_UF|FP_NX, 0x007fffff, 0x9a000000, 0x1a000000, 0x00800000)  # -2.646978e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754942e-38
  FP_TEST_S_OP3(39, fmadd.s, rup, FP_UF|FP_NX, 0x00800000, 0x9a000000, 0x1a000000, 0x00800000)  # -2.646978e-23 * 2.646978e-23 + 1.1754944e-38 = 1.1754944e-38

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
