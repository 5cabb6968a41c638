// rv64ui xori: 64-bit XOR with a sign-extended 12-bit immediate.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, xori, 0xffffffffff00f00f, 0x0000000000ff0f00, 0xf0f)
  TEST_IMM_OP( 3, xori, 0x000000000ff00f00, 0x000000000ff00ff0, 0x0f0)
  TEST_IMM_OP( 4, xori, 0x0000000000ff0ff0, 0x0000000000ff08ff, 0x70f)
  TEST_IMM_OP( 5, xori, 0x00000000f00ff0ff, 0x00000000f00ff00f, 0x0f0)
  // negative immediates are sign-extended to 64 bits; xori rd, rs, -1 is NOT
  TEST_IMM_OP( 6, xori, 0xfffffffffffffffa, 0x0000000000000005, 0xfff)
  TEST_IMM_OP( 7, xori, 0x0000000000000000, 0xffffffffffffffff, 0xfff)
  TEST_IMM_OP( 8, xori, 0x7ffffffffffff800, 0x8000000000000000, 0x800)
  TEST_IMM_OP( 9, xori, 0x00000000800007ff, 0x0000000080000000, 0x7ff)
  TEST_IMM_OP(10, xori, 0xedcba98765432100, 0x123456789abcdeff, 0xfff)

  TEST_IMM_SRC1_EQ_DEST(11, xori, 0xff00f00f, 0xff00f0ff, 0x0f0)
  UI_TEST_IMM_ZEROSRC1(12, xori, 0x0f0, 0x0f0)
  UI_TEST_IMM_ZEROSRC1(13, xori, 0xffffffffffffffff, 0xfff)
  TEST_IMM_ZERODEST(14, xori, 0x00ff00ff, 0x70f)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
