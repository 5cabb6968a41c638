# ORN (Zbb): rd = rs1 | ~rs2.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, orn, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, orn, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
  TEST_RR_OP( 4, orn, 0x0000000000000000, 0x0000000000000000, 0xffffffffffffffff)
  TEST_RR_OP( 5, orn, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_RR_OP( 6, orn, 0x0123456789abcdef, 0x0123456789abcdef, 0xfedcba9876543210)
  TEST_RR_OP( 7, orn, 0xffffffffffffffff, 0x0123456789abcdef, 0x0123456789abcdef)
  TEST_RR_OP( 8, orn, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  TEST_RR_OP( 9, orn, 0xffffffffffffffff, 0x8000000000000001, 0x0000000000000001)
  TEST_RR_OP(10, orn, 0x00000000ffffffff, 0x00000000ffffffff, 0xffffffff00000000)
  TEST_RR_SRC1_EQ_DEST(11, orn, 0xf3f3f3f3f3f3f3f3, 0xf0f0f0f0f0f0f0f0, 0xcccccccccccccccc)
  TEST_RR_SRC2_EQ_DEST(12, orn, 0xf3f3f3f3f3f3f3f3, 0xf0f0f0f0f0f0f0f0, 0xcccccccccccccccc)
  UI_TEST_RR_SRC12_EQ_DEST(13, orn, 0xffffffffffffffff, 0xf0f0f0f0f0f0f0f0)
  UI_TEST_RR_ZEROSRC1(14, orn, 0xf0f0f0f0edcba987, 0x0f0f0f0f12345678)
  UI_TEST_RR_ZEROSRC2(15, orn, 0xffffffffffffffff, 0x0f0f0f0f12345678)
  UI_TEST_RR_ZEROSRC12(16, orn, 0xffffffffffffffff)
  TEST_RR_ZERODEST(17, orn, 0x0f0f0f0f12345678, 0x0f0f0f0f1234032d)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
