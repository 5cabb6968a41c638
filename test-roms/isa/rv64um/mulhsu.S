# MULHSU: high 64 bits of signed(rs1) * unsigned(rs2).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, mulhsu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, mulhsu, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
  # -1 * (2^64-1) = -2^64 + 1: high -1 (mulh would give 0, mulhu 0xff..fe)
  TEST_RR_OP( 5, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff)
  # 1 * (2^64-1): rs2 is unsigned, so the product is positive
  TEST_RR_OP( 6, mulhsu, 0x0000000000000000, 0x0000000000000001, 0xffffffffffffffff)
  # min * (2^64-1) = -2^127 + 2^63
  TEST_RR_OP( 7, mulhsu, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
  # max * (2^64-1) = 2^127 - 2^64 - 2^63 + 1
  TEST_RR_OP( 8, mulhsu, 0x7ffffffffffffffe, 0x7fffffffffffffff, 0xffffffffffffffff)
  # min * 2^63 = -2^126 (mulh of the same operands gives +2^62)
  TEST_RR_OP( 9, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000)
  TEST_RR_OP(10, mulhsu, 0xffffffffffffffff, 0xfffffffffffffffe, 0x0000000000000003)
  # 2 * (2^64-2) = 2^65 - 4 (mulh of the same operands gives -1)
  TEST_RR_OP(11, mulhsu, 0x0000000000000001, 0x0000000000000002, 0xfffffffffffffffe)
  TEST_RR_OP(12, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000)
  # max * 2^63 = 2^126 - 2^63
  TEST_RR_OP(13, mulhsu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_RR_OP(14, mulhsu, 0x0121fa00ad77d742, 0x123456789abcdef0, 0x0fedcba987654321)
  TEST_RR_OP(15, mulhsu, 0xf02453f683723a52, 0xf0123456789abcde, 0xfedcba9876543210)

  TEST_RR_SRC1_EQ_DEST(16, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_RR_SRC2_EQ_DEST(17, mulhsu, 0x0000000000000001, 0x0000000000000002, 0xfffffffffffffffe)
  # rs1 == rs2 == -1: signed(-1) * unsigned(2^64-1)
  TEST_CASE(18, x1, 0xffffffffffffffff, li x1, -1; mulhsu x1, x1, x1)
  TEST_RR_ZERODEST(19, mulhsu, 0x8000000000000000, 0xffffffffffffffff)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
