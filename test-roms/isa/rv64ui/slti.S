// rv64ui slti: set if rs1 < sign-extended immediate, signed 64-bit compare.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, slti, 0, 0x0000000000000000, 0x000)
  TEST_IMM_OP( 3, slti, 0, 0x0000000000000001, 0x001)
  TEST_IMM_OP( 4, slti, 1, 0x0000000000000003, 0x007)
  TEST_IMM_OP( 5, slti, 0, 0x0000000000000007, 0x003)
  // 0x800 is -2048
  TEST_IMM_OP( 6, slti, 0, 0x0000000000000000, 0x800)
  TEST_IMM_OP( 7, slti, 1, 0x8000000000000000, 0x000)
  TEST_IMM_OP( 8, slti, 1, 0x8000000000000000, 0x7ff)
  TEST_IMM_OP( 9, slti, 0, 0x7fffffffffffffff, 0x800)
  TEST_IMM_OP(10, slti, 0, 0xffffffffffffffff, 0xfff)
  TEST_IMM_OP(11, slti, 1, 0xfffffffffffffffe, 0xfff)
  TEST_IMM_OP(12, slti, 1, 0xfffffffffffff7ff, 0x800)
  TEST_IMM_OP(13, slti, 0, 0xfffffffffffff800, 0x800)
  TEST_IMM_OP(14, slti, 1, 0x00000000000007fe, 0x7ff)
  TEST_IMM_OP(15, slti, 0, 0x00000000000007ff, 0x7ff)
  // 64-bit compare: bit 31 is not a sign bit
  TEST_IMM_OP(16, slti, 0, 0x0000000080000000, 0x000)
  TEST_IMM_OP(17, slti, 0, 0x00000000fffffffe, 0xfff)

  TEST_IMM_SRC1_EQ_DEST(18, slti, 1, 11, 13)
  UI_TEST_IMM_ZEROSRC1(19, slti, 0, 0xfff)
  UI_TEST_IMM_ZEROSRC1(20, slti, 1, 0x001)
  TEST_IMM_ZERODEST(21, slti, 0xffffffffffffffff, 0x7ff)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
