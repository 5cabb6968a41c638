# FCLASS.S (single precision): one-hot result; bit 0 -inf, 1 negative normal,
# 2 negative subnormal, 3 -0, 4 +0, 5 positive subnormal, 6 positive normal, 7 +inf,
# 8 signaling NaN, 9 quiet NaN. Never sets flags.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_S_CLASS( 2, 0x001, 0xff800000)  # fclass(-inf) = bit 0
  FP_TEST_S_CLASS( 3, 0x002, 0xbf800000)  # fclass(-1) = bit 1
  FP_TEST_S_CLASS( 4, 0x002, 0xff7fffff)  # fclass(-3.4028235e+38) = bit 1
  FP_TEST_S_CLASS( 5, 0x004, 0x80000001)  # fclass(-1e-45) = bit 2
  FP_TEST_S_CLASS( 6, 0x004, 0x807fffff)  # fclass(-1.1754942e-38) = bit 2
  FP_TEST_S_CLASS( 7, 0x008, 0x80000000)  # fclass(-0) = bit 3
  FP_TEST_S_CLASS( 8, 0x010, 0x00000000)  # fclass(0) = bit 4
  FP_TEST_S_CLASS( 9, 0x020, 0x00000001)  # fclass(1e-45) = bit 5
  FP_TEST_S_CLASS(10, 0x020, 0x007fffff)  # fclass(1.1754942e-38) = bit 5
  FP_TEST_S_CLASS(11, 0x040, 0x00800000)  # fclass(1.1754944e-38) = bit 6
  FP_TEST_S_CLASS(12, 0x040, 0x3f800000)  # fclass(1) = bit 6
  FP_TEST_S_CLASS(13, 0x040, 0x7f7fffff)  # fclass(3.4028235e+38) = bit 6
  FP_TEST_S_CLASS(14, 0x080, 0x7f800000)  # fclass(inf) = bit 7
  FP_TEST_S_CLASS(15, 0x100, 0x7f800001)  # fclass(sNaN(0x7f800001)) = bit 8
  FP_TEST_S_CLASS(16, 0x100, 0xffbfffff)  # fclass(-sNaN(0xffbfffff)) = bit 8
  FP_TEST_S_CLASS(17, 0x200, 0x7fc00000)  # fclass(qNaN) = bit 9
  FP_TEST_S_CLASS(18, 0x200, 0xffc00123)  # fclass(-qNaN(0xffc00123)) = bit 9
  FP_TEST_S_CLASS(19, 0x200, 0x7fffffff)  # fclass(qNaN(0x7fffffff)) = bit 9
  # Not NaN-boxed: the canonical NaN (quiet)
  FP_TEST_XREG(20, 0, 0x200, li a1, 0x000000003f800000; fmv.d.x f11, a1; fclass.s a0, f11)
  FP_TEST_XREG(21, 0, 0x200, li a1, 0xfffffffe7f800001; fmv.d.x f11, a1; fclass.s a0, f11)
  FP_TEST_XREG(22, 0, 0x200, li a1, 0x00000000ff800000; fmv.d.x f11, a1; fclass.s a0, f11)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
