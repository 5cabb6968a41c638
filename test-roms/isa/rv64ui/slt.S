// rv64ui slt: set if rs1 < rs2, signed 64-bit compare.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, slt, 0, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, slt, 0, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, slt, 1, 0x0000000000000003, 0x0000000000000007)
  TEST_RR_OP( 5, slt, 0, 0x0000000000000007, 0x0000000000000003)
  TEST_RR_OP( 6, slt, 0, 0x0000000000000000, 0xffffffffffff8000)
  TEST_RR_OP( 7, slt, 1, 0x8000000000000000, 0x0000000000000000)
  // INT64_MIN < INT64_MAX, not the other way round
  TEST_RR_OP( 8, slt, 1, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_RR_OP( 9, slt, 0, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_RR_OP(10, slt, 1, 0xffffffffffffffff, 0x0000000000000000)
  TEST_RR_OP(11, slt, 0, 0x0000000000000000, 0xffffffffffffffff)
  TEST_RR_OP(12, slt, 1, 0xffffffffffffffff, 0x0000000000000001)
  TEST_RR_OP(13, slt, 0, 0x0000000000000001, 0xffffffffffffffff)
  TEST_RR_OP(14, slt, 1, 0xfffffffffffffffe, 0xffffffffffffffff)
  // 64-bit compare: bit 31 is not a sign bit (bug: 32-bit compare)
  TEST_RR_OP(15, slt, 0, 0x0000000080000000, 0x0000000000000000)
  TEST_RR_OP(16, slt, 1, 0x00000000ffffffff, 0x0000000100000000)
  TEST_RR_OP(17, slt, 1, 0x0000000000000000, 0x0000000080000000)

  TEST_RR_SRC1_EQ_DEST(18, slt, 0, 14, 13)
  TEST_RR_SRC2_EQ_DEST(19, slt, 1, 11, 13)
  UI_TEST_RR_SRC12_EQ_DEST(20, slt, 0, 0x8000000000000000)

  UI_TEST_RR_ZEROSRC1(21, slt, 1, 31)
  UI_TEST_RR_ZEROSRC1(22, slt, 0, 0xffffffffffffffff)
  UI_TEST_RR_ZEROSRC2(23, slt, 1, 0xffffffffffffffff)
  UI_TEST_RR_ZEROSRC12(24, slt, 0)
  TEST_RR_ZERODEST(25, slt, 16, 30)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
