# FSQRT.S (single precision): exact and inexact roots, every rounding mode,
# sqrt(-0) = -0, negative inputs (NV, canonical NaN), infinities, NaNs, subnormals.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_S_OP1( 2, fsqrt.s, rne, 0, 0x40000000, 0x40800000)  # sqrt(4) = 2
  FP_TEST_S_OP1( 3, fsqrt.s, rne, 0, 0x3fc00000, 0x40100000)  # sqrt(2.25) = 1.5
  FP_TEST_S_OP1( 4, fsqrt.s, rne, FP_NX, 0x3fe2dfc5, 0x40490fdb)  # sqrt(3.1415927) = 1.7724539
  FP_TEST_S_OP1( 5, fsqrt.s, rne, 0, 0x42c80000, 0x461c4000)  # sqrt(10000) = 100
  FP_TEST_S_OP1( 6, fsqrt.s, rne, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  FP_TEST_S_OP1( 7, fsqrt.s, rtz, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  FP_TEST_S_OP1( 8, fsqrt.s, rdn, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  FP_TEST_S_OP1( 9, fsqrt.s, rup, FP_NX, 0x3fb504f4, 0x40000000)  # sqrt(2) = 1.4142137
  FP_TEST_S_OP1(10, fsqrt.s, rmm, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  FP_TEST_S_OP1(11, fsqrt.s, rne, FP_NX, 0x3fddb3d7, 0x40400000)  # sqrt(3) = 1.7320508
  FP_TEST_S_OP1(12, fsqrt.s, rtz, FP_NX, 0x3fddb3d7, 0x40400000)  # sqrt(3) = 1.7320508
  FP_TEST_S_OP1(13, fsqrt.s, rdn, FP_NX, 0x3fddb3d7, 0x40400000)  # sqrt(3) = 1.7320508
  FP_TEST_S_OP1(14, fsqrt.s, rup, FP_NX, 0x3fddb3d8, 0x40400000)  # sqrt(3) = 1.7320509
  FP_TEST_S_OP1(15, fsqrt.s, rmm, FP_NX, 0x3fddb3d7, 0x40400000)  # sqrt(3) = 1.7320508
  fsrmi 0                           # frm = RNE for case 16 (rm = dyn)
  FP_TEST_S_OP1(16, fsqrt.s, dyn, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 17 (rm = dyn)
  FP_TEST_S_OP1(17, fsqrt.s, dyn, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 18 (rm = dyn)
  FP_TEST_S_OP1(18, fsqrt.s, dyn, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 19 (rm = dyn)
  FP_TEST_S_OP1(19, fsqrt.s, dyn, FP_NX, 0x3fb504f4, 0x40000000)  # sqrt(2) = 1.4142137
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 20 (rm = dyn)
  FP_TEST_S_OP1(20, fsqrt.s, dyn, FP_NX, 0x3fb504f3, 0x40000000)  # sqrt(2) = 1.4142135
  fsrmi 0
  FP_TEST_S_OP1(21, fsqrt.s, rne, FP_NV, 0x7fc00000, 0xbf800000)  # sqrt(-1) = qNaN
  FP_TEST_S_OP1(22, fsqrt.s, rne, 0, 0x80000000, 0x80000000)  # sqrt(-0) = -0
  FP_TEST_S_OP1(23, fsqrt.s, rne, 0, 0x00000000, 0x00000000)  # sqrt(0) = 0
  FP_TEST_S_OP1(24, fsqrt.s, rne, 0, 0x7f800000, 0x7f800000)  # sqrt(inf) = inf
  FP_TEST_S_OP1(25, fsqrt.s, rne, FP_NV, 0x7fc00000, 0xff800000)  # sqrt(-inf) = qNaN
  FP_TEST_S_OP1(26, fsqrt.s, rne, FP_NV, 0x7fc00000, 0x80000001)  # sqrt(-1e-45) = qNaN
  FP_TEST_S_OP1(27, fsqrt.s, rne, 0, 0x7fc00000, 0x7fc00000)  # sqrt(qNaN) = qNaN
  FP_TEST_S_OP1(28, fsqrt.s, rne, 0, 0x7fc00000, 0xffc00123)  # sqrt(-qNaN(0xffc00123)) = qNaN
  FP_TEST_S_OP1(29, fsqrt.s, rne, FP_NV, 0x7fc00000, 0x7f800001)  # sqrt(sNaN(0x7f800001)) = qNaN
  FP_TEST_S_OP1(30, fsqrt.s, rne, FP_NX, 0x1a3504f3, 0x00000001)  # sqrt(1e-45) = 3.743392e-23
  FP_TEST_S_OP1(31, fsqrt.s, rup, FP_NX, 0x1fffffff, 0x007fffff)  # sqrt(1.1754942e-38) = 1.0842021e-19
  FP_TEST_S_OP1(32, fsqrt.s, rne, FP_NX, 0x5f7fffff, 0x7f7fffff)  # sqrt(3.4028235e+38) = 1.8446743e+19

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
