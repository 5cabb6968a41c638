# FSQRT.D (double precision): exact and inexact roots, every rounding mode,
# sqrt(-0) = -0, negative inputs (NV, canonical NaN), infinities, NaNs, subnormals.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_D_OP1( 2, fsqrt.d, rne, 0, 0x4000000000000000, 0x4010000000000000)  # sqrt(4) = 2
  FP_TEST_D_OP1( 3, fsqrt.d, rne, 0, 0x3ff8000000000000, 0x4002000000000000)  # sqrt(2.25) = 1.5
  FP_TEST_D_OP1( 4, fsqrt.d, rne, FP_NX, 0x3ffc5bf8916f587b, 0x400921fb53c8d4f1)  # sqrt(3.14159265) = 1.7724538498928541
  FP_TEST_D_OP1( 5, fsqrt.d, rne, 0, 0x4059000000000000, 0x40c3880000000000)  # sqrt(10000) = 100
  FP_TEST_D_OP1( 6, fsqrt.d, rne, FP_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  # sqrt(2) = 1.4142135623730951
  FP_TEST_D_OP1( 7, fsqrt.d, rtz, FP_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  # sqrt(2) = 1.414213562373095
  FP_TEST_D_OP1( 8, fsqrt.d, rdn, FP_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  # sqrt(2) = 1.414213562373095
  FP_TEST_D_OP1( 9, fsqrt.d, rup, FP_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  # sqrt(2) = 1.4142135623730951
  FP_TEST_D_OP1(10, fsqrt.d, rmm, FP_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  # sqrt(2) = 1.4142135623730951
  FP_TEST_D_OP1(11, fsqrt.d, rne, FP_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  # sqrt(3) = 1.7320508075688772
  FP_TEST_D_OP1(12, fsqrt.d, rtz, FP_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  # sqrt(3) = 1.7320508075688772
  FP_TEST_D_OP1(13, fsqrt.d, rdn, FP_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  # sqrt(3) = 1.7320508075688772
  FP_TEST_D_OP1(14, fsqrt.d, rup, FP_NX, 0x3ffbb67ae8584cab, 0x4008000000000000)  # sqrt(3) = 1.7320508075688774
  FP_TEST_D_OP1(15, fsqrt.d, rmm, FP_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  # sqrt(3) = 1.7320508075688772
  fsrmi 0                           # frm = RNE for case 16 (rm = dyn)
  FP_TEST_D_OP1(16, fsqrt.d, dyn, FP_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  # sqrt(2) = 1.4142135623730951
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 17 (rm = dyn)
  FP_TEST_D_OP1(17, fsqrt.d, dyn, FP_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  # sqrt(2) = 1.414213562373095
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 18 (rm = dyn)
  FP_TEST_D_OP1(18, fsqrt.d, dyn, FP_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  # sqrt(2) = 1.414213562373095
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 19 (rm = dyn)
  FP_TEST_D_OP1(19, fsqrt.d, dyn, FP_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  # sqrt(2) = 1.4142135623730951
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 20 (rm = dyn)
  FP_TEST_D_OP1(20, fsqrt.d, dyn, FP_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  # sqrt(2) = 1.4142135623730951
  fsrmi 0
  FP_TEST_D_OP1(21, fsqrt.d, rne, FP_NV, 0x7ff8000000000000, 0xbff0000000000000)  # sqrt(-1) = qNaN
  FP_TEST_D_OP1(22, fsqrt.d, rne, 0, 0x8000000000000000, 0x8000000000000000)  # sqrt(-0) = -0
  FP_TEST_D_OP1(23, fsqrt.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  # sqrt(0) = 0
  FP_TEST_D_OP1(24, fsqrt.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000)  # sqrt(inf) = inf
  FP_TEST_D_OP1(25, fsqrt.d, rne, FP_NV, 0x7ff8000000000000, 0xfff0000000000000)  # sqrt(-inf) = qNaN
  FP_TEST_D_OP1(26, fsqrt.d, rne, FP_NV, 0x7ff8000000000000, 0x8000000000000001)  # sqrt(-5e-324) = qNaN
  FP_TEST_D_OP1(27, fsqrt.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000)  # sqrt(qNaN) = qNaN
  FP_TEST_D_OP1(28, fsqrt.d, rne, 0, 0x7ff8000000000000, 0xfff8000000000123)  # sqrt(-qNaN(0xfff8000000000123)) = qNaN
  FP_TEST_D_OP1(29, fsqrt.d, rne, FP_NV, 0x7ff8000000000000, 0x7ff0000000000001)  # sqrt(sNaN(0x7ff0000000000001)) = qNaN
  FP_TEST_D_OP1(30, fsqrt.d, rne, 0, 0x1e60000000000000, 0x0000000000000001)  # sqrt(5e-324) = 2.2227587494850775e-162
  FP_TEST_D_OP1(31, fsqrt.d, rup, FP_NX, 0x1fffffffffffffff, 0x000fffffffffffff)  # sqrt(2.225073858507201e-308) = 1.4916681462400412e-154
  FP_TEST_D_OP1(32, fsqrt.d, rne, FP_NX, 0x5fefffffffffffff, 0x7fefffffffffffff)  # sqrt(1.7976931348623157e+308) = 1.3407807929942596e+154

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
