# MULHU: high 64 bits of unsigned(rs1) * unsigned(rs2).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, mulhu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, mulhu, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
  # (2^64-1)^2 = 2^128 - 2^65 + 1 (mulh of the same operands gives 0)
  TEST_RR_OP( 4, mulhu, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_RR_OP( 5, mulhu, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001)
  TEST_RR_OP( 6, mulhu, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000002)
  TEST_RR_OP( 7, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
  TEST_RR_OP( 8, mulhu, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
  TEST_RR_OP( 9, mulhu, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000)
  TEST_RR_OP(10, mulhu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
  TEST_RR_OP(11, mulhu, 0x0000000000000000, 0x00000000ffffffff, 0x00000000ffffffff)
  TEST_RR_OP(12, mulhu, 0x00000000ffffffff, 0xffffffffffffffff, 0x0000000100000000)
  TEST_RR_OP(13, mulhu, 0x0121fa00ad77d742, 0x123456789abcdef0, 0x0fedcba987654321)
  TEST_RR_OP(14, mulhu, 0xef010e8ef9c66c62, 0xf0123456789abcde, 0xfedcba9876543210)

  TEST_RR_SRC1_EQ_DEST(15, mulhu, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_RR_SRC2_EQ_DEST(16, mulhu, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
  TEST_CASE(17, x1, 0xfffffffffffffffe, li x1, -1; mulhu x1, x1, x1)
  TEST_RR_ZERODEST(18, mulhu, 0xffffffffffffffff, 0xffffffffffffffff)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
