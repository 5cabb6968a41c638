// rv64ui addw: 32-bit add, result sign-extended to 64 bits, upper input bits ignored.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, addw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, addw, 0x0000000000000002, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, addw, 0x000000000000000a, 0x0000000000000003, 0x0000000000000007)
  TEST_RR_OP( 5, addw, 0xffffffffffff8000, 0x0000000000000000, 0xffffffffffff8000)
  // bit-31 results must be sign-extended
  TEST_RR_OP( 6, addw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000)
  TEST_RR_OP( 7, addw, 0xffffffff80000000, 0x000000007fffffff, 0x0000000000000001)
  TEST_RR_OP( 8, addw, 0xfffffffffffffffe, 0x000000007fffffff, 0x000000007fffffff)
  TEST_RR_OP( 9, addw, 0x000000007fff8000, 0x0000000080000000, 0xffffffffffff8000)
  TEST_RR_OP(10, addw, 0x000000007fffffff, 0x0000000080000000, 0x00000000ffffffff)
  // 32-bit wrap: the carry out of bit 31 is discarded
  TEST_RR_OP(11, addw, 0x0000000000000000, 0x00000000ffffffff, 0x0000000000000001)
  TEST_RR_OP(12, addw, 0xfffffffffffffffe, 0x00000000ffffffff, 0x00000000ffffffff)
  TEST_RR_OP(13, addw, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001)
  // upper 32 bits of both sources are ignored
  TEST_RR_OP(14, addw, 0x0000000000000003, 0x1234567800000001, 0xabcdef0000000002)
  TEST_RR_OP(15, addw, 0xffffffff80000000, 0x7fffffff7fffffff, 0x7fffffff00000001)
  TEST_RR_OP(16, addw, 0x0000000011111110, 0x0123456789abcdef, 0x0fedcba987654321)

  TEST_RR_SRC1_EQ_DEST(17, addw, 24, 13, 11)
  TEST_RR_SRC2_EQ_DEST(18, addw, 25, 14, 11)
  UI_TEST_RR_SRC12_EQ_DEST(19, addw, 0xffffffff80000000, 0x40000000)

  UI_TEST_RR_ZEROSRC1(20, addw, 0xffffffff80000000, 0x0000000080000000)
  UI_TEST_RR_ZEROSRC2(21, addw, 0x0000000000000020, 0xffffffff00000020)
  UI_TEST_RR_ZEROSRC12(22, addw, 0)
  TEST_RR_ZERODEST(23, addw, 0x7fffffff, 1)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
