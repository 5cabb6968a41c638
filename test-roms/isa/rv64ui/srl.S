// rv64ui srl: 64-bit shift right logical by rs2[5:0].
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, srl, 0x8000000000000000, 0x8000000000000000, 0)
  TEST_RR_OP( 3, srl, 0x4000000000000000, 0x8000000000000000, 1)
  TEST_RR_OP( 4, srl, 0x0100000000000000, 0x8000000000000000, 7)
  TEST_RR_OP( 5, srl, 0x0002000000000000, 0x8000000000000000, 14)
  TEST_RR_OP( 6, srl, 0x0000000100000000, 0x8000000000000000, 31)
  TEST_RR_OP( 7, srl, 0x0000000080000000, 0x8000000000000000, 32)
  TEST_RR_OP( 8, srl, 0x0000000000000001, 0x8000000000000000, 63)
  // zeros are shifted in, never copies of the sign bit
  TEST_RR_OP( 9, srl, 0xffffffffffffffff, 0xffffffffffffffff, 0)
  TEST_RR_OP(10, srl, 0x7fffffffffffffff, 0xffffffffffffffff, 1)
  TEST_RR_OP(11, srl, 0x01ffffffffffffff, 0xffffffffffffffff, 7)
  TEST_RR_OP(12, srl, 0x00000001ffffffff, 0xffffffffffffffff, 31)
  TEST_RR_OP(13, srl, 0x00000000ffffffff, 0xffffffffffffffff, 32)
  TEST_RR_OP(14, srl, 0x0000000000000001, 0xffffffffffffffff, 63)
  // results with bit 31 set are not sign-extended (bug: W-op path)
  TEST_RR_OP(15, srl, 0x7fffffffc0000000, 0xffffffff80000000, 1)
  TEST_RR_OP(16, srl, 0x0000000080000000, 0x0000000100000000, 1)
  TEST_RR_OP(17, srl, 0x0000000021212121, 0x2121212100000000, 32)
  // only rs2[5:0] is used
  TEST_RR_OP(18, srl, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffc0)
  TEST_RR_OP(19, srl, 0x7fffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffc1)
  TEST_RR_OP(20, srl, 0xffffffffffffffff, 0xffffffffffffffff, 64)
  TEST_RR_OP(21, srl, 0x0000000000000001, 0x8000000000000000, 0x000000000000007f)
  TEST_RR_OP(22, srl, 0x0000000000000001, 0x8000000000000000, 0xffffffffffffffff)
  TEST_RR_OP(23, srl, 0x0000000040000000, 0x8000000000000000, 33)

  TEST_RR_SRC1_EQ_DEST(24, srl, 0x0100000000000000, 0x8000000000000000, 7)
  TEST_RR_SRC2_EQ_DEST(25, srl, 0x0002000000000000, 0x8000000000000000, 14)
  UI_TEST_RR_SRC12_EQ_DEST(26, srl, 0, 7)

  UI_TEST_RR_ZEROSRC1(27, srl, 0, 15)
  UI_TEST_RR_ZEROSRC2(28, srl, 32, 32)
  UI_TEST_RR_ZEROSRC12(29, srl, 0)
  TEST_RR_ZERODEST(30, srl, 1024, 2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
