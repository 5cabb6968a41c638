// rv64ui srli: 64-bit shift right logical by a 6-bit immediate.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, srli, 0x8000000000000000, 0x8000000000000000, 0)
  TEST_IMM_OP( 3, srli, 0x4000000000000000, 0x8000000000000000, 1)
  TEST_IMM_OP( 4, srli, 0x0100000000000000, 0x8000000000000000, 7)
  TEST_IMM_OP( 5, srli, 0x0002000000000000, 0x8000000000000000, 14)
  TEST_IMM_OP( 6, srli, 0x0000000100000000, 0x8000000000000000, 31)
  // shamt[5] is part of the shift amount on RV64
  TEST_IMM_OP( 7, srli, 0x0000000080000000, 0x8000000000000000, 32)
  TEST_IMM_OP( 8, srli, 0x0000000000000001, 0x8000000000000000, 63)
  TEST_IMM_OP( 9, srli, 0xffffffffffffffff, 0xffffffffffffffff, 0)
  TEST_IMM_OP(10, srli, 0x7fffffffffffffff, 0xffffffffffffffff, 1)
  TEST_IMM_OP(11, srli, 0x01ffffffffffffff, 0xffffffffffffffff, 7)
  TEST_IMM_OP(12, srli, 0x00000001ffffffff, 0xffffffffffffffff, 31)
  TEST_IMM_OP(13, srli, 0x00000000ffffffff, 0xffffffffffffffff, 32)
  TEST_IMM_OP(14, srli, 0x0000000000000001, 0xffffffffffffffff, 63)
  // results with bit 31 set are not sign-extended
  TEST_IMM_OP(15, srli, 0x7fffffffc0000000, 0xffffffff80000000, 1)
  TEST_IMM_OP(16, srli, 0x0000000080000000, 0x0000000100000000, 1)
  TEST_IMM_OP(17, srli, 0x0000000021212121, 0x2121212100000000, 32)
  TEST_IMM_OP(18, srli, 0x0000000040000000, 0x8000000000000000, 33)
  // srli must not be decoded as srai (funct6 bit 30 clear)
  TEST_IMM_OP(19, srli, 0x0000000000ffffff, 0xffffffff00000000, 40)

  TEST_IMM_SRC1_EQ_DEST(20, srli, 0x0100000000000000, 0x8000000000000000, 7)
  UI_TEST_IMM_ZEROSRC1(21, srli, 0, 4)
  TEST_IMM_ZERODEST(22, srli, 33, 10)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
