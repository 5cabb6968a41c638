// rv64ui and: 64-bit bitwise AND.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, and, 0x000000000f000f00, 0x00000000ff00ff00, 0x000000000f0f0f0f)
  TEST_RR_OP( 3, and, 0x0000000000f000f0, 0x000000000ff00ff0, 0x00000000f0f0f0f0)
  TEST_RR_OP( 4, and, 0x00000000000f000f, 0x0000000000ff00ff, 0x000000000f0f0f0f)
  TEST_RR_OP( 5, and, 0x00000000f000f000, 0x00000000f00ff00f, 0x00000000f0f0f0f0)
  // all 64 bits take part (bug: 32-bit operation or sign extension of bit 31)
  TEST_RR_OP( 6, and, 0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
  TEST_RR_OP( 7, and, 0x0000000000000000, 0xffffffff00000000, 0x00000000ffffffff)
  TEST_RR_OP( 8, and, 0x8000000000000001, 0xffffffffffffffff, 0x8000000000000001)
  TEST_RR_OP( 9, and, 0x0000000080000000, 0x00000000ffffffff, 0xffffffff80000000)

  TEST_RR_SRC1_EQ_DEST(10, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_SRC2_EQ_DEST(11, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0)
  UI_TEST_RR_SRC12_EQ_DEST(12, and, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00)

  UI_TEST_RR_ZEROSRC1(13, and, 0, 0xff00ff00)
  UI_TEST_RR_ZEROSRC2(14, and, 0, 0x00ff00ff)
  UI_TEST_RR_ZEROSRC12(15, and, 0)
  TEST_RR_ZERODEST(16, and, 0x11111111, 0x22222222)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
