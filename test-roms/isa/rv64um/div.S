# DIV: signed 64-bit division, rounding toward zero.
# x/0 = -1 (all ones); INT64_MIN / -1 = INT64_MIN (overflow, no trap).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, div, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, div, 0xfffffffffffffffd, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, div, 0xfffffffffffffffd, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, div, 0x0000000000000003, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, div, 0x8000000000000000, 0x8000000000000000, 0x0000000000000001)
  # Overflow: INT64_MIN / -1 = INT64_MIN (host division would trap here).
  TEST_RR_OP( 7, div, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
  # Division by zero: quotient is all ones, whatever the dividend.
  TEST_RR_OP( 8, div, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000000)
  TEST_RR_OP( 9, div, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
  TEST_RR_OP(10, div, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP(11, div, 0xffffffffffffffff, 0xfffffffffffffffb, 0x0000000000000000)
  TEST_RR_OP(12, div, 0x8000000000000001, 0x7fffffffffffffff, 0xffffffffffffffff)
  # Must be a signed division (0x8000.. >> 1 arithmetic), not unsigned.
  TEST_RR_OP(13, div, 0xc000000000000000, 0x8000000000000000, 0x0000000000000002)
  # Rounds toward zero: -7 / 2 = -3, not -4 (floor division bug).
  TEST_RR_OP(14, div, 0xfffffffffffffffd, 0xfffffffffffffff9, 0x0000000000000002)
  # All 64 bits take part (not a 32-bit W division).
  TEST_RR_OP(15, div, 0x0000000080000000, 0x0000000100000000, 0x0000000000000002)
  TEST_RR_OP(16, div, 0x0000000000000000, 0x7fffffffffffffff, 0x8000000000000000)

  TEST_RR_SRC1_EQ_DEST(17, div, 2, 13, 6)
  TEST_RR_SRC2_EQ_DEST(18, div, 3, 20, 6)
  TEST_CASE(19, x1, 1, li x1, -13; div x1, x1, x1)
  TEST_RR_ZERODEST(20, div, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
