# FCLASS.D (double precision): one-hot result; bit 0 -inf, 1 negative normal,
# 2 negative subnormal, 3 -0, 4 +0, 5 positive subnormal, 6 positive normal, 7 +inf,
# 8 signaling NaN, 9 quiet NaN. Never sets flags.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_D_CLASS( 2, 0x001, 0xfff0000000000000)  # fclass(-inf) = bit 0
  FP_TEST_D_CLASS( 3, 0x002, 0xbff0000000000000)  # fclass(-1) = bit 1
  FP_TEST_D_CLASS( 4, 0x002, 0xffefffffffffffff)  # fclass(-1.7976931348623157e+308) = bit 1
  FP_TEST_D_CLASS( 5, 0x004, 0x8000000000000001)  # fclass(-5e-324) = bit 2
  FP_TEST_D_CLASS( 6, 0x004, 0x800fffffffffffff)  # fclass(-2.225073858507201e-308) = bit 2
  FP_TEST_D_CLASS( 7, 0x008, 0x8000000000000000)  # fclass(-0) = bit 3
  FP_TEST_D_CLASS( 8, 0x010, 0x0000000000000000)  # fclass(0) = bit 4
  FP_TEST_D_CLASS( 9, 0x020, 0x0000000000000001)  # fclass(5e-324) = bit 5
  FP_TEST_D_CLASS(10, 0x020, 0x000fffffffffffff)  # fclass(2.225073858507201e-308) = bit 5
  FP_TEST_D_CLASS(11, 0x040, 0x0010000000000000)  # fclass(2.2250738585072014e-308) = bit 6
  FP_TEST_D_CLASS(12, 0x040, 0x3ff0000000000000)  # fclass(1) = bit 6
  FP_TEST_D_CLASS(13, 0x040, 0x7fefffffffffffff)  # fclass(1.7976931348623157e+308) = bit 6
  FP_TEST_D_CLASS(14, 0x080, 0x7ff0000000000000)  # fclass(inf) = bit 7
  FP_TEST_D_CLASS(15, 0x100, 0x7ff0000000000001)  # fclass(sNaN(0x7ff0000000000001)) = bit 8
  FP_TEST_D_CLASS(16, 0x100, 0xfff7ffffffffffff)  # fclass(-sNaN(0xfff7ffffffffffff)) = bit 8
  FP_TEST_D_CLASS(17, 0x200, 0x7ff8000000000000)  # fclass(qNaN) = bit 9
  FP_TEST_D_CLASS(18, 0x200, 0xfff8000000000123)  # fclass(-qNaN(0xfff8000000000123)) = bit 9
  FP_TEST_D_CLASS(19, 0x200, 0x7fffffffffffffff)  # fclass(qNaN(0x7fffffffffffffff)) = bit 9
  # A NaN-boxed single is a negative quiet NaN as a double
  FP_TEST_D_CLASS(20, 0x200, 0xffffffff3f800000)  # fclass(-qNaN(0xffffffff3f800000)) = bit 9

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
