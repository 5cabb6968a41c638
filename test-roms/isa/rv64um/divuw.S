# DIVUW: unsigned division of rs1[31:0] by rs2[31:0]; the 32-bit quotient is
# SIGN-extended to 64 bits. x/0 = 0xffffffff -> 0xffffffffffffffff.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, divuw, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, divuw, 0x000000002aaaaaa7, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, divuw, 0x0000000000000000, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, divuw, 0x0000000000000000, 0xffffffffffffffec, 0xfffffffffffffffa)
  # Quotient 0x80000000 is sign-extended even though the division is unsigned.
  TEST_RR_OP( 6, divuw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000001)
  # The signed-overflow pair: 0x80000000 / 0xffffffff = 0 unsigned.
  TEST_RR_OP( 7, divuw, 0x0000000000000000, 0xffffffff80000000, 0xffffffffffffffff)
  # Division by zero: 32 ones, sign-extended.
  TEST_RR_OP( 8, divuw, 0xffffffffffffffff, 0x0000000080000000, 0x0000000000000000)
  TEST_RR_OP( 9, divuw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP(10, divuw, 0xffffffffffffffff, 0x00000000ffffffff, 0x0000000000000001)
  TEST_RR_OP(11, divuw, 0x000000007fffffff, 0x00000000ffffffff, 0x0000000000000002)
  # Divisor low word is 0: division by zero for DIVUW.
  TEST_RR_OP(12, divuw, 0xffffffffffffffff, 0x0000000100000000, 0x0000000100000000)
  # Garbage upper halves are ignored (zero-extend the low words, not sign-extend).
  TEST_RR_OP(13, divuw, 0x000000007fffffff, 0xdeadbeeffffffffe, 0x1234567800000002)
  TEST_RR_OP(14, divuw, 0x0000000000000005, 0x123456780000000f, 0x0000000500000003)
  TEST_RR_OP(15, divuw, 0x0000000000000001, 0xffffffff80000000, 0x0000000080000000)

  TEST_RR_SRC1_EQ_DEST(16, divuw, 2, 13, 6)
  TEST_RR_SRC2_EQ_DEST(17, divuw, 3, 20, 6)
  TEST_CASE(18, x1, 1, li x1, 0x55555555fffffff3; divuw x1, x1, x1)
  TEST_RR_ZERODEST(19, divuw, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
