// rv64ui sltu: set if rs1 < rs2, unsigned 64-bit compare.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, sltu, 0, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, sltu, 0, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, sltu, 1, 0x0000000000000003, 0x0000000000000007)
  TEST_RR_OP( 5, sltu, 0, 0x0000000000000007, 0x0000000000000003)
  TEST_RR_OP( 6, sltu, 1, 0x0000000000000000, 0xffffffffffff8000)
  TEST_RR_OP( 7, sltu, 0, 0x8000000000000000, 0x0000000000000000)
  TEST_RR_OP( 8, sltu, 0, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_RR_OP( 9, sltu, 1, 0x7fffffffffffffff, 0x8000000000000000)
  // -1 is the largest unsigned value
  TEST_RR_OP(10, sltu, 0, 0xffffffffffffffff, 0x0000000000000000)
  TEST_RR_OP(11, sltu, 1, 0x0000000000000000, 0xffffffffffffffff)
  TEST_RR_OP(12, sltu, 1, 0x0000000000000001, 0xffffffffffffffff)
  TEST_RR_OP(13, sltu, 1, 0xfffffffffffffffe, 0xffffffffffffffff)
  TEST_RR_OP(14, sltu, 0, 0xffffffffffffffff, 0xffffffffffffffff)
  // 64-bit compare (bug: comparing only the low 32 bits)
  TEST_RR_OP(15, sltu, 1, 0x00000000ffffffff, 0x0000000100000000)
  TEST_RR_OP(16, sltu, 0, 0x0000000100000000, 0x00000000ffffffff)
  TEST_RR_OP(17, sltu, 1, 0x0000000080000000, 0xffffffff00000000)

  TEST_RR_SRC1_EQ_DEST(18, sltu, 0, 14, 13)
  TEST_RR_SRC2_EQ_DEST(19, sltu, 1, 11, 13)
  UI_TEST_RR_SRC12_EQ_DEST(20, sltu, 0, 0xffffffffffffffff)

  // sltu rd, x0, rs2 is snez
  UI_TEST_RR_ZEROSRC1(21, sltu, 1, 0x8000000000000000)
  UI_TEST_RR_ZEROSRC1(22, sltu, 0, 0)
  UI_TEST_RR_ZEROSRC2(23, sltu, 0, 0xffffffffffffffff)
  UI_TEST_RR_ZEROSRC12(24, sltu, 0)
  TEST_RR_ZERODEST(25, sltu, 16, 30)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
