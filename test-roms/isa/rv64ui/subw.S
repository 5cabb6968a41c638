// rv64ui subw: 32-bit subtract, result sign-extended to 64 bits, upper input bits ignored.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, subw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, subw, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, subw, 0xfffffffffffffffc, 0x0000000000000003, 0x0000000000000007)
  TEST_RR_OP( 5, subw, 0x0000000000008000, 0x0000000000000000, 0xffffffffffff8000)
  TEST_RR_OP( 6, subw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000001)
  // 32-bit signed overflow: 0x80000000 - 1 = 0x7fffffff (positive)
  TEST_RR_OP( 7, subw, 0x000000007fffffff, 0xffffffff80000000, 0x0000000000000001)
  // 0x7fffffff - (-1) = 0x80000000, sign-extended
  TEST_RR_OP( 8, subw, 0xffffffff80000000, 0x000000007fffffff, 0xffffffffffffffff)
  // 0x1_00000000 - 1: only the low 32 bits count, 0 - 1 = -1 (a 64-bit subtract without
  // the final sign extension would give 0x00000000ffffffff)
  TEST_RR_OP( 9, subw, 0xffffffffffffffff, 0x0000000100000000, 0x0000000000000001)
  TEST_RR_OP(10, subw, 0x0000000000000002, 0xffffffff00000005, 0x0000000100000003)
  TEST_RR_OP(11, subw, 0xffffffff80000000, 0x0000000000000000, 0x0000000080000000)
  TEST_RR_OP(12, subw, 0x0000000001000000, 0x0000000080000000, 0x000000007f000000)
  TEST_RR_OP(13, subw, 0xffffffff89abcdef, 0x1111111111111110, 0x0fedcba987654321)

  TEST_RR_SRC1_EQ_DEST(14, subw, 2, 13, 11)
  TEST_RR_SRC2_EQ_DEST(15, subw, 3, 14, 11)
  UI_TEST_RR_SRC12_EQ_DEST(16, subw, 0, 0x80000000)

  UI_TEST_RR_ZEROSRC1(17, subw, 0xfffffffffffffff1, 15)
  UI_TEST_RR_ZEROSRC2(18, subw, 0xffffffff80000020, 0x0000000080000020)
  UI_TEST_RR_ZEROSRC12(19, subw, 0)
  TEST_RR_ZERODEST(20, subw, 16, 30)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
