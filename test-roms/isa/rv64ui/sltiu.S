// rv64ui sltiu: set if rs1 < sign-extended immediate, compared as unsigned 64-bit values.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, sltiu, 0, 0x0000000000000000, 0x000)
  TEST_IMM_OP( 3, sltiu, 0, 0x0000000000000001, 0x001)
  TEST_IMM_OP( 4, sltiu, 1, 0x0000000000000003, 0x007)
  TEST_IMM_OP( 5, sltiu, 0, 0x0000000000000007, 0x003)
  // the immediate is sign-extended first, then compared unsigned:
  // 0x800 becomes 0xfffffffffffff800 (bug: zero-extending the immediate)
  TEST_IMM_OP( 6, sltiu, 1, 0x0000000000001000, 0x800)
  TEST_IMM_OP( 7, sltiu, 1, 0x0000000000000000, 0x800)
  TEST_IMM_OP( 8, sltiu, 1, 0x8000000000000000, 0x800)
  TEST_IMM_OP( 9, sltiu, 0, 0x8000000000000000, 0x7ff)
  TEST_IMM_OP(10, sltiu, 1, 0x7fffffffffffffff, 0x800)
  TEST_IMM_OP(11, sltiu, 0, 0xffffffffffffffff, 0xfff)
  TEST_IMM_OP(12, sltiu, 1, 0xfffffffffffffffe, 0xfff)
  TEST_IMM_OP(13, sltiu, 0, 0xfffffffffffff800, 0x800)
  TEST_IMM_OP(14, sltiu, 1, 0xfffffffffffff7ff, 0x800)
  // sltiu rd, rs, 1 is seqz
  TEST_IMM_OP(15, sltiu, 1, 0x0000000000000000, 0x001)
  TEST_IMM_OP(16, sltiu, 0, 0x0000000100000000, 0x001)
  TEST_IMM_OP(17, sltiu, 0, 0x0000000080000000, 0x7ff)

  TEST_IMM_SRC1_EQ_DEST(18, sltiu, 1, 11, 13)
  UI_TEST_IMM_ZEROSRC1(19, sltiu, 1, 0xfff)
  UI_TEST_IMM_ZEROSRC1(20, sltiu, 0, 0x000)
  TEST_IMM_ZERODEST(21, sltiu, 0, 0x7ff)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
