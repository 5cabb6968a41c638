# DIVU: unsigned 64-bit division. x/0 = 2^64-1.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, divu, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, divu, 0x2aaaaaaaaaaaaaa7, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, divu, 0x0000000000000000, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, divu, 0x0000000000000000, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, divu, 0x8000000000000000, 0x8000000000000000, 0x0000000000000001)
  # The signed overflow pair is an ordinary unsigned division: 2^63 / (2^64-1) = 0.
  TEST_RR_OP( 7, divu, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
  # Division by zero: all ones.
  TEST_RR_OP( 8, divu, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000000)
  TEST_RR_OP( 9, divu, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
  TEST_RR_OP(10, divu, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP(11, divu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
  TEST_RR_OP(12, divu, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_RR_OP(13, divu, 0x7fffffffffffffff, 0xffffffffffffffff, 0x0000000000000002)
  # Logical, not arithmetic: 2^63 / 2 = 2^62 (signed div would give 0xc000..).
  TEST_RR_OP(14, divu, 0x4000000000000000, 0x8000000000000000, 0x0000000000000002)
  TEST_RR_OP(15, divu, 0x0000000080000000, 0x0000000100000000, 0x0000000000000002)

  TEST_RR_SRC1_EQ_DEST(16, divu, 2, 13, 6)
  TEST_RR_SRC2_EQ_DEST(17, divu, 3, 20, 6)
  TEST_CASE(18, x1, 1, li x1, -13; divu x1, x1, x1)
  TEST_RR_ZERODEST(19, divu, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
