# FMUL.S (single precision): exact and inexact products, every rounding mode
# (static and dynamic), signs of zero products, 0 * inf (invalid), NaN inputs
# (canonical NaN result; NV only for a signaling NaN).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_S_OP2( 2, fmul.s, rne, 0, 0x40200000, 0x40200000, 0x3f800000)  # 2.5 * 1 = 2.5
  FP_TEST_S_OP2( 3, fmul.s, rne, FP_NX, 0xc4a9d385, 0xc49a6333, 0x3f8ccccd)  # -1235.1 * 1.1 = -1358.61
  FP_TEST_S_OP2( 4, fmul.s, rne, 0, 0xbfc00000, 0x40400000, 0xbf000000)  # 3 * -0.5 = -1.5
  FP_TEST_S_OP2( 5, fmul.s, rne, 0, 0x40700000, 0xc0400000, 0xbfa00000)  # -3 * -1.25 = 3.75
  # (1+ulp)^2 = 1 + 2ulp + ulp^2: rounds up only under RUP
  FP_TEST_S_OP2( 6, fmul.s, rne, FP_NX, 0x3f800002, 0x3f800001, 0x3f800001)  # 1.0000001 * 1.0000001 = 1.0000002
  FP_TEST_S_OP2( 7, fmul.s, rtz, FP_NX, 0x3f800002, 0x3f800001, 0x3f800001)  # 1.0000001 * 1.0000001 = 1.0000002
  FP_TEST_S_OP2( 8, fmul.s, rdn, FP_NX, 0x3f800002, 0x3f800001, 0x3f800001)  # 1.0000001 * 1.0000001 = 1.0000002
  FP_TEST_S_OP2( 9, fmul.s, rup, FP_NX, 0x3f800003, 0x3f800001, 0x3f800001)  # 1.0000001 * 1.0000001 = 1.0000004
  FP_TEST_S_OP2(10, fmul.s, rmm, FP_NX, 0x3f800002, 0x3f800001, 0x3f800001)  # 1.0000001 * 1.0000001 = 1.0000002
  # -(1+ulp)^2: rounds away from zero only under RDN
  FP_TEST_S_OP2(11, fmul.s, rne, FP_NX, 0xbf800002, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000002
  FP_TEST_S_OP2(12, fmul.s, rtz, FP_NX, 0xbf800002, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000002
  FP_TEST_S_OP2(13, fmul.s, rdn, FP_NX, 0xbf800003, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000004
  FP_TEST_S_OP2(14, fmul.s, rup, FP_NX, 0xbf800002, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000002
  FP_TEST_S_OP2(15, fmul.s, rmm, FP_NX, 0xbf800002, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000002
  # (1+ulp) * 1.5 = 1.5 + 1.5ulp: a tie above an odd significand
  FP_TEST_S_OP2(16, fmul.s, rne, FP_NX, 0x3fc00002, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000002
  FP_TEST_S_OP2(17, fmul.s, rtz, FP_NX, 0x3fc00001, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000001
  FP_TEST_S_OP2(18, fmul.s, rdn, FP_NX, 0x3fc00001, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000001
  FP_TEST_S_OP2(19, fmul.s, rup, FP_NX, 0x3fc00002, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000002
  FP_TEST_S_OP2(20, fmul.s, rmm, FP_NX, 0x3fc00002, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000002
  # Dynamic rounding mode
  fsrmi 0                           # frm = RNE for case 21 (rm = dyn)
  FP_TEST_S_OP2(21, fmul.s, dyn, FP_NX, 0x3fc00002, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000002
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 22 (rm = dyn)
  FP_TEST_S_OP2(22, fmul.s, dyn, FP_NX, 0x3fc00001, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000001
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 23 (rm = dyn)
  FP_TEST_S_OP2(23, fmul.s, dyn, FP_NX, 0x3fc00001, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000001
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 24 (rm = dyn)
  FP_TEST_S_OP2(24, fmul.s, dyn, FP_NX, 0x3fc00002, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000002
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 25 (rm = dyn)
  FP_TEST_S_OP2(25, fmul.s, dyn, FP_NX, 0x3fc00002, 0x3f800001, 0x3fc00000)  # 1.0000001 * 1.5 = 1.5000002
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 26 (rm = dyn)
  FP_TEST_S_OP2(26, fmul.s, dyn, FP_NX, 0xbf800003, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000004
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 27 (rm = dyn)
  FP_TEST_S_OP2(27, fmul.s, dyn, FP_NX, 0xbf800002, 0x3f800001, 0xbf800001)  # 1.0000001 * -1.0000001 = -1.0000002
  fsrmi 0
  # Zeros, infinities, NaNs
  FP_TEST_S_OP2(28, fmul.s, rne, 0, 0x80000000, 0x80000000, 0x40400000)  # -0 * 3 = -0
  FP_TEST_S_OP2(29, fmul.s, rne, 0, 0x80000000, 0x00000000, 0x80000000)  # 0 * -0 = -0
  FP_TEST_S_OP2(30, fmul.s, rne, 0, 0x00000000, 0x80000000, 0x80000000)  # -0 * -0 = 0
  FP_TEST_S_OP2(31, fmul.s, rne, FP_NV, 0x7fc00000, 0x00000000, 0x7f800000)  # 0 * inf = qNaN
  FP_TEST_S_OP2(32, fmul.s, rne, FP_NV, 0x7fc00000, 0xff800000, 0x80000000)  # -inf * -0 = qNaN
  FP_TEST_S_OP2(33, fmul.s, rne, 0, 0xff800000, 0x7f800000, 0xc0000000)  # inf * -2 = -inf
  FP_TEST_S_OP2(34, fmul.s, rne, 0, 0x7f800000, 0xff800000, 0xff800000)  # -inf * -inf = inf
  FP_TEST_S_OP2(35, fmul.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000)  # qNaN * 0 = qNaN
  FP_TEST_S_OP2(36, fmul.s, rne, 0, 0x7fc00000, 0x3f800000, 0xffc00123)  # 1 * -qNaN(0xffc00123) = qNaN
  FP_TEST_S_OP2(37, fmul.s, rne, FP_NV, 0x7fc00000, 0x7f800001, 0x3f800000)  # sNaN(0x7f800001) * 1 = qNaN
  FP_TEST_S_OP2(38, fmul.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0x7f800001)  # inf * sNaN(0x7f800001) = qNaN
  # Subnormal operand, normal result
  FP_TEST_S_OP2(39, fmul.s, rne, 0, 0x06000000, 0x00000001, 0x50800000)  # 1e-45 * 17179869184 = 2.4074124e-35

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
