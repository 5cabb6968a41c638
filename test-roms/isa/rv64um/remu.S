# REMU: unsigned 64-bit remainder. x%0 = x.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, remu, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, remu, 0x0000000000000002, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, remu, 0x0000000000000014, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, remu, 0xffffffffffffffec, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, remu, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001)
  # The signed-overflow pair is an ordinary unsigned remainder here.
  TEST_RR_OP( 7, remu, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
  # Division by zero: the remainder is the dividend.
  TEST_RR_OP( 8, remu, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)
  TEST_RR_OP( 9, remu, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
  TEST_RR_OP(10, remu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP(11, remu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
  TEST_RR_OP(12, remu, 0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000)
  # (2^64-1) % 10 = 5 (signed remainder of -1 % 10 would be -1).
  TEST_RR_OP(13, remu, 0x0000000000000005, 0xffffffffffffffff, 0x000000000000000a)
  TEST_RR_OP(14, remu, 0x0000000000000005, 0x0000000100000005, 0x0000000100000000)

  TEST_RR_SRC1_EQ_DEST(15, remu, 1, 13, 6)
  TEST_RR_SRC2_EQ_DEST(16, remu, 2, 20, 6)
  TEST_CASE(17, x1, 0, li x1, -13; remu x1, x1, x1)
  TEST_RR_ZERODEST(18, remu, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
