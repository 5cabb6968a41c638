# MULH: high 64 bits of signed(rs1) * signed(rs2).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, mulh, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, mulh, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, mulh, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
  # (-1) * (-1) = +1: high half 0 (an unsigned multiply would give 0xff..fe).
  TEST_RR_OP( 5, mulh, 0x0000000000000000, 0xffffffffffffffff, 0xffffffffffffffff)
  # (-1) * 1 = -1: the high half is all ones (sign of the 128-bit product).
  TEST_RR_OP( 6, mulh, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
  # max * max = 2^126 - 2^64 + 1
  TEST_RR_OP( 7, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
  # min * min = +2^126
  TEST_RR_OP( 8, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
  # min * max = -2^126 + 2^63
  TEST_RR_OP( 9, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
  # min * -1 = +2^63: high half 0 (the low half alone would look negative)
  TEST_RR_OP(10, mulh, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
  TEST_RR_OP(11, mulh, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000001)
  TEST_RR_OP(12, mulh, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000)
  # -2^32 * 2^32 = -2^64: high half exactly -1, low half 0
  TEST_RR_OP(13, mulh, 0xffffffffffffffff, 0xffffffff00000000, 0x0000000100000000)
  TEST_RR_OP(14, mulh, 0x0000000000000001, 0xffffffff00000000, 0xffffffff00000000)
  # -7 * 3 = -21: high half -1
  TEST_RR_OP(15, mulh, 0xffffffffffffffff, 0xfffffffffffffff9, 0x0000000000000003)
  TEST_RR_OP(16, mulh, 0x0121fa00ad77d742, 0x123456789abcdef0, 0x0fedcba987654321)
  TEST_RR_OP(17, mulh, 0xfede05ff528828bd, 0xedcba98765432110, 0x0fedcba987654321)

  TEST_RR_SRC1_EQ_DEST(18, mulh, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000)
  TEST_RR_SRC2_EQ_DEST(19, mulh, 0xffffffffffffffff, 0xffffffff00000000, 0x0000000100000000)
  TEST_CASE(20, x1, 0x4000000000000000, li x1, 0x8000000000000000; mulh x1, x1, x1)
  TEST_RR_ZERODEST(21, mulh, 0x8000000000000000, 0x8000000000000000)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
