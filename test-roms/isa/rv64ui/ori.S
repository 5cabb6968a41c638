// rv64ui ori: 64-bit OR with a sign-extended 12-bit immediate.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, ori, 0x000000000ff00ff0, 0x000000000ff00ff0, 0x0f0)
  TEST_IMM_OP( 3, ori, 0x0000000000ff07ff, 0x0000000000ff00ff, 0x70f)
  TEST_IMM_OP( 4, ori, 0x00000000f00ff0ff, 0x00000000f00ff00f, 0x0f0)
  // negative immediates are sign-extended to 64 bits (bug: zero-extending the immediate)
  TEST_IMM_OP( 5, ori, 0xffffffffffffff0f, 0x00000000ff00ff00, 0xf0f)
  TEST_IMM_OP( 6, ori, 0xfffffffffffff8ff, 0x00ff00ff00ff00ff, 0x800)
  TEST_IMM_OP( 7, ori, 0x00000000000007ff, 0x0000000000000000, 0x7ff)
  TEST_IMM_OP( 8, ori, 0x8000000000000001, 0x8000000000000000, 0x001)
  TEST_IMM_OP( 9, ori, 0x0000000080000001, 0x0000000080000000, 0x001)
  TEST_IMM_OP(10, ori, 0xffffffffffffffff, 0x0000000000000000, 0xfff)

  TEST_IMM_SRC1_EQ_DEST(11, ori, 0xff00fff0, 0xff00ff00, 0x0f0)
  UI_TEST_IMM_ZEROSRC1(12, ori, 0x0f0, 0x0f0)
  UI_TEST_IMM_ZEROSRC1(13, ori, 0xfffffffffffff800, 0x800)
  TEST_IMM_ZERODEST(14, ori, 0x00ff00ff, 0x70f)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
