// rv64ui srai: 64-bit shift right arithmetic by a 6-bit immediate.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, srai, 0x8000000000000000, 0x8000000000000000, 0)
  TEST_IMM_OP( 3, srai, 0xc000000000000000, 0x8000000000000000, 1)
  TEST_IMM_OP( 4, srai, 0xff00000000000000, 0x8000000000000000, 7)
  TEST_IMM_OP( 5, srai, 0xfffe000000000000, 0x8000000000000000, 14)
  TEST_IMM_OP( 6, srai, 0xffffffff00000000, 0x8000000000000000, 31)
  // shamt[5] is part of the shift amount on RV64
  TEST_IMM_OP( 7, srai, 0xffffffff80000000, 0x8000000000000000, 32)
  TEST_IMM_OP( 8, srai, 0xffffffffffffffff, 0x8000000000000000, 63)
  TEST_IMM_OP( 9, srai, 0x7fffffffffffffff, 0x7fffffffffffffff, 0)
  TEST_IMM_OP(10, srai, 0x3fffffffffffffff, 0x7fffffffffffffff, 1)
  TEST_IMM_OP(11, srai, 0x00ffffffffffffff, 0x7fffffffffffffff, 7)
  TEST_IMM_OP(12, srai, 0x00000000ffffffff, 0x7fffffffffffffff, 31)
  TEST_IMM_OP(13, srai, 0x000000007fffffff, 0x7fffffffffffffff, 32)
  TEST_IMM_OP(14, srai, 0x0000000000000000, 0x7fffffffffffffff, 63)
  // the sign is bit 63, not bit 31
  TEST_IMM_OP(15, srai, 0x0000000040000000, 0x0000000080000000, 1)
  TEST_IMM_OP(16, srai, 0x0000000000000001, 0x0000000080000000, 31)
  TEST_IMM_OP(17, srai, 0xc0c0c0c0c0c0c0c0, 0x8181818181818181, 1)
  TEST_IMM_OP(18, srai, 0xff03030303030303, 0x8181818181818181, 7)
  TEST_IMM_OP(19, srai, 0xffffffff81818181, 0x8181818181818181, 32)
  TEST_IMM_OP(20, srai, 0xffffffffc0000000, 0x8000000000000000, 33)
  // the funct6 bit that selects srai must not leak into the shift amount
  TEST_IMM_OP(21, srai, 0xffffffffffffff00, 0xffffffff00000000, 24)

  TEST_IMM_SRC1_EQ_DEST(22, srai, 0xff00000000000000, 0x8000000000000000, 7)
  UI_TEST_IMM_ZEROSRC1(23, srai, 0, 4)
  TEST_IMM_ZERODEST(24, srai, 33, 10)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
