// rv64ui addi: 64-bit add of a sign-extended 12-bit immediate.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, addi, 0x0000000000000000, 0x0000000000000000, 0x000)
  TEST_IMM_OP( 3, addi, 0x0000000000000002, 0x0000000000000001, 0x001)
  TEST_IMM_OP( 4, addi, 0x000000000000000a, 0x0000000000000003, 0x007)
  // immediate is sign-extended: 0x800 is -2048, 0xfff is -1
  TEST_IMM_OP( 5, addi, 0xfffffffffffff800, 0x0000000000000000, 0x800)
  TEST_IMM_OP( 6, addi, 0xffffffffffffffff, 0x0000000000000000, 0xfff)
  TEST_IMM_OP( 7, addi, 0x00000000000007ff, 0x0000000000000000, 0x7ff)
  TEST_IMM_OP( 8, addi, 0x8000000000000000, 0x8000000000000000, 0x000)
  TEST_IMM_OP( 9, addi, 0x7ffffffffffff800, 0x8000000000000000, 0x800)
  TEST_IMM_OP(10, addi, 0x80000000000007fe, 0x7fffffffffffffff, 0x7ff)
  TEST_IMM_OP(11, addi, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x000)
  TEST_IMM_OP(12, addi, 0x0000000000000000, 0xffffffffffffffff, 0x001)
  TEST_IMM_OP(13, addi, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfff)
  TEST_IMM_OP(14, addi, 0x8000000000000000, 0x7fffffffffffffff, 0x001)
  // no sign extension from bit 31, carry into bit 32 (64-bit add)
  TEST_IMM_OP(15, addi, 0x0000000080000000, 0x000000007fffffff, 0x001)
  TEST_IMM_OP(16, addi, 0x0000000100000000, 0x00000000ffffffff, 0x001)
  TEST_IMM_OP(17, addi, 0x000000007fffffff, 0x0000000080000000, 0xfff)
  TEST_IMM_OP(18, addi, 0x00000000fffff800, 0x0000000100000000, 0x800)
  TEST_IMM_OP(19, addi, 0x123456789abcd5e1, 0x123456789abcd000, 0x5e1)

  TEST_IMM_SRC1_EQ_DEST(20, addi, 24, 13, 11)
  UI_TEST_IMM_ZEROSRC1(21, addi, 32, 32)
  UI_TEST_IMM_ZEROSRC1(22, addi, 0xfffffffffffff800, 0x800)   // li rd, -2048
  TEST_IMM_ZERODEST(23, addi, 33, 50)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
