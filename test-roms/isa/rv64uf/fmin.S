# FMIN.S / FMAX.S (single precision), IEEE 754-2019 minimumNumber/maximumNumber
# semantics (RISC-V F/D 2.2): -0 < +0; one NaN operand: the other operand is returned;
# two NaNs: canonical NaN; a signaling NaN operand raises NV (quiet NaNs do not).
# A non-NaN-boxed operand is the canonical (quiet) NaN.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FMIN
  FP_TEST_S_OP2_NORM( 2, fmin.s, 0, 0x3f800000, 0x3f800000, 0x40000000)  # fmin(1, 2) = 1
  FP_TEST_S_OP2_NORM( 3, fmin.s, 0, 0x3f800000, 0x40000000, 0x3f800000)  # fmin(2, 1) = 1
  FP_TEST_S_OP2_NORM( 4, fmin.s, 0, 0xbf800000, 0xbf800000, 0x40000000)  # fmin(-1, 2) = -1
  FP_TEST_S_OP2_NORM( 5, fmin.s, 0, 0xc0000000, 0xc0000000, 0xbf800000)  # fmin(-2, -1) = -2
  FP_TEST_S_OP2_NORM( 6, fmin.s, 0, 0xff800000, 0xff800000, 0x3f800000)  # fmin(-inf, 1) = -inf
  FP_TEST_S_OP2_NORM( 7, fmin.s, 0, 0x7f7fffff, 0x7f800000, 0x7f7fffff)  # fmin(inf, 3.4028235e+38) = 3.4028235e+38
  FP_TEST_S_OP2_NORM( 8, fmin.s, 0, 0x80000000, 0x00000000, 0x80000000)  # fmin(0, -0) = -0
  FP_TEST_S_OP2_NORM( 9, fmin.s, 0, 0x80000000, 0x80000000, 0x00000000)  # fmin(-0, 0) = -0
  FP_TEST_S_OP2_NORM(10, fmin.s, 0, 0x80000001, 0x00000001, 0x80000001)  # fmin(1e-45, -1e-45) = -1e-45
  FP_TEST_S_OP2_NORM(11, fmin.s, 0, 0x3f800000, 0x7fc00000, 0x3f800000)  # fmin(qNaN, 1) = 1
  FP_TEST_S_OP2_NORM(12, fmin.s, 0, 0x3f800000, 0x3f800000, 0x7fc00000)  # fmin(1, qNaN) = 1
  FP_TEST_S_OP2_NORM(13, fmin.s, 0, 0xff800000, 0xffc00123, 0xff800000)  # fmin(-qNaN(0xffc00123), -inf) = -inf
  FP_TEST_S_OP2_NORM(14, fmin.s, FP_NV, 0x3f800000, 0x7f800001, 0x3f800000)  # fmin(sNaN(0x7f800001), 1) = 1
  FP_TEST_S_OP2_NORM(15, fmin.s, FP_NV, 0x3f800000, 0x3f800000, 0x7f800001)  # fmin(1, sNaN(0x7f800001)) = 1
  FP_TEST_S_OP2_NORM(16, fmin.s, 0, 0x7fc00000, 0x7fc00000, 0x7fc00000)  # fmin(qNaN, qNaN) = qNaN
  FP_TEST_S_OP2_NORM(17, fmin.s, 0, 0x7fc00000, 0xffc00123, 0xffc00123)  # fmin(-qNaN(0xffc00123), -qNaN(0xffc00123)) = qNaN
  FP_TEST_S_OP2_NORM(18, fmin.s, FP_NV, 0x7fc00000, 0x7f800001, 0x7fc00000)  # fmin(sNaN(0x7f800001), qNaN) = qNaN
  FP_TEST_S_OP2_NORM(19, fmin.s, FP_NV, 0x7f800000, 0x7f800000, 0x7f800001)  # fmin(inf, sNaN(0x7f800001)) = inf
  # FMAX
  FP_TEST_S_OP2_NORM(20, fmax.s, 0, 0x40000000, 0x3f800000, 0x40000000)  # fmax(1, 2) = 2
  FP_TEST_S_OP2_NORM(21, fmax.s, 0, 0x40000000, 0x40000000, 0x3f800000)  # fmax(2, 1) = 2
  FP_TEST_S_OP2_NORM(22, fmax.s, 0, 0x40000000, 0xbf800000, 0x40000000)  # fmax(-1, 2) = 2
  FP_TEST_S_OP2_NORM(23, fmax.s, 0, 0xbf800000, 0xc0000000, 0xbf800000)  # fmax(-2, -1) = -1
  FP_TEST_S_OP2_NORM(24, fmax.s, 0, 0x3f800000, 0xff800000, 0x3f800000)  # fmax(-inf, 1) = 1
  FP_TEST_S_OP2_NORM(25, fmax.s, 0, 0x7f800000, 0x7f800000, 0x7f7fffff)  # fmax(inf, 3.4028235e+38) = inf
  FP_TEST_S_OP2_NORM(26, fmax.s, 0, 0x00000000, 0x00000000, 0x80000000)  # fmax(0, -0) = 0
  FP_TEST_S_OP2_NORM(27, fmax.s, 0, 0x00000000, 0x80000000, 0x00000000)  # fmax(-0, 0) = 0
  FP_TEST_S_OP2_NORM(28, fmax.s, 0, 0x00000001, 0x00000001, 0x80000001)  # fmax(1e-45, -1e-45) = 1e-45
  FP_TEST_S_OP2_NORM(29, fmax.s, 0, 0x3f800000, 0x7fc00000, 0x3f800000)  # fmax(qNaN, 1) = 1
  FP_TEST_S_OP2_NORM(30, fmax.s, 0, 0x3f800000, 0x3f800000, 0x7fc00000)  # fmax(1, qNaN) = 1
  FP_TEST_S_OP2_NORM(31, fmax.s, 0, 0xff800000, 0xffc00123, 0xff800000)  # fmax(-qNaN(0xffc00123), -inf) = -inf
  FP_TEST_S_OP2_NORM(32, fmax.s, FP_NV, 0x3f800000, 0x7f800001, 0x3f800000)  # fmax(sNaN(0x7f800001), 1) = 1
  FP_TEST_S_OP2_NORM(33, fmax.s, FP_NV, 0x3f800000, 0x3f800000, 0x7f800001)  # fmax(1, sNaN(0x7f800001)) = 1
  FP_TEST_S_OP2_NORM(34, fmax.s, 0, 0x7fc00000, 0x7fc00000, 0x7fc00000)  # fmax(qNaN, qNaN) = qNaN
  FP_TEST_S_OP2_NORM(35, fmax.s, 0, 0x7fc00000, 0xffc00123, 0xffc00123)  # fmax(-qNaN(0xffc00123), -qNaN(0xffc00123)) = qNaN
  FP_TEST_S_OP2_NORM(36, fmax.s, FP_NV, 0x7fc00000, 0x7f800001, 0x7fc00000)  # fmax(sNaN(0x7f800001), qNaN) = qNaN
  FP_TEST_S_OP2_NORM(37, fmax.s, FP_NV, 0x7f800000, 0x7f800000, 0x7f800001)  # fmax(inf, sNaN(0x7f800001)) = inf
  # Non-NaN-boxed operand (upper bits 0, low bits 1.0): treated as a quiet NaN
  FP_TEST_FREG(38, 0, FP_BOX_S(0x40000000), li a1, 0x000000003f800000; fmv.d.x f11, a1; li a2, 0x40000000; fmv.w.x f12, a2; fmin.s f10, f11, f12)  # -> 2.0
  FP_TEST_FREG(39, 0, FP_BOX_S(0x40000000), li a1, 0x000000003f800000; fmv.d.x f11, a1; li a2, 0x40000000; fmv.w.x f12, a2; fmax.s f10, f12, f11)  # -> 2.0

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
