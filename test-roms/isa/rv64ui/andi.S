// rv64ui andi: 64-bit AND with a sign-extended 12-bit immediate.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, andi, 0x00000000ff00ff00, 0x00000000ff00ff00, 0xf0f)
  TEST_IMM_OP( 3, andi, 0x00000000000000f0, 0x000000000ff00ff0, 0x0f0)
  TEST_IMM_OP( 4, andi, 0x000000000000000f, 0x0000000000ff00ff, 0x70f)
  TEST_IMM_OP( 5, andi, 0x0000000000000000, 0x00000000f00ff00f, 0x0f0)
  // negative immediates are sign-extended to 64 bits (bug: zero-extending the immediate)
  TEST_IMM_OP( 6, andi, 0x123456789abcd800, 0x123456789abcdef0, 0x800)
  TEST_IMM_OP( 7, andi, 0xffffffffffffffff, 0xffffffffffffffff, 0xfff)
  TEST_IMM_OP( 8, andi, 0x00000000000007ff, 0xffffffffffffffff, 0x7ff)
  TEST_IMM_OP( 9, andi, 0x8000000000000000, 0x8000000000000000, 0x800)
  TEST_IMM_OP(10, andi, 0x0000000000000000, 0xffffffffffffffff, 0x000)

  TEST_IMM_SRC1_EQ_DEST(11, andi, 0x00000000, 0xff00ff00, 0x0f0)
  UI_TEST_IMM_ZEROSRC1(12, andi, 0, 0x0f0)
  TEST_IMM_ZERODEST(13, andi, 0x00ff00ff, 0x70f)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
