// rv64ui or: 64-bit bitwise OR.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, or, 0x00000000ff0fff0f, 0x00000000ff00ff00, 0x000000000f0f0f0f)
  TEST_RR_OP( 3, or, 0x00000000fff0fff0, 0x000000000ff00ff0, 0x00000000f0f0f0f0)
  TEST_RR_OP( 4, or, 0x000000000fff0fff, 0x0000000000ff00ff, 0x000000000f0f0f0f)
  TEST_RR_OP( 5, or, 0x00000000f0fff0ff, 0x00000000f00ff00f, 0x00000000f0f0f0f0)
  // all 64 bits take part (bug: 32-bit operation or sign extension of bit 31)
  TEST_RR_OP( 6, or, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
  TEST_RR_OP( 7, or, 0xffffffffffffffff, 0xffffffff00000000, 0x00000000ffffffff)
  TEST_RR_OP( 8, or, 0x8000000000000001, 0x8000000000000000, 0x0000000000000001)
  TEST_RR_OP( 9, or, 0x0000000080000001, 0x0000000080000000, 0x0000000000000001)

  TEST_RR_SRC1_EQ_DEST(10, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_SRC2_EQ_DEST(11, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0)
  UI_TEST_RR_SRC12_EQ_DEST(12, or, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00)

  UI_TEST_RR_ZEROSRC1(13, or, 0xff00ff00, 0xff00ff00)
  UI_TEST_RR_ZEROSRC2(14, or, 0x00ff00ff, 0x00ff00ff)
  UI_TEST_RR_ZEROSRC12(15, or, 0)
  TEST_RR_ZERODEST(16, or, 0x11111111, 0x22222222)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
