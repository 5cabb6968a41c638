# REM: signed 64-bit remainder (sign of the dividend).
# x%0 = x; INT64_MIN % -1 = 0.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, rem, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, rem, 0xfffffffffffffffe, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, rem, 0x0000000000000002, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, rem, 0xfffffffffffffffe, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, rem, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001)
  # Overflow: INT64_MIN % -1 = 0 (host remainder would trap here).
  TEST_RR_OP( 7, rem, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
  # Division by zero: the remainder is the dividend.
  TEST_RR_OP( 8, rem, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)
  TEST_RR_OP( 9, rem, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
  TEST_RR_OP(10, rem, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP(11, rem, 0xfffffffffffffffb, 0xfffffffffffffffb, 0x0000000000000000)
  # -7 % 2 = -1 (truncating), not +1 (floor/euclidean modulo bug).
  TEST_RR_OP(12, rem, 0xffffffffffffffff, 0xfffffffffffffff9, 0x0000000000000002)
  TEST_RR_OP(13, rem, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_RR_OP(14, rem, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
  # All 64 bits take part (not REMW).
  TEST_RR_OP(15, rem, 0x0000000000000005, 0x0000000100000005, 0x0000000100000000)
  TEST_RR_OP(16, rem, 0x0000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff)

  TEST_RR_SRC1_EQ_DEST(17, rem, 1, 13, 6)
  TEST_RR_SRC2_EQ_DEST(18, rem, 2, 20, 6)
  TEST_CASE(19, x1, 0, li x1, -13; rem x1, x1, x1)
  TEST_RR_ZERODEST(20, rem, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
