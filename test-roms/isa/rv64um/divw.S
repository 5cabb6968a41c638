# DIVW: signed division of rs1[31:0] by rs2[31:0], 32-bit result sign-extended.
# x/0 = -1; INT32_MIN / -1 = INT32_MIN (sign-extended: 0xffffffff80000000).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, divw, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, divw, 0xfffffffffffffffd, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, divw, 0xfffffffffffffffd, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, divw, 0x0000000000000003, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, divw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000001)
  # Overflow INT32_MIN / -1 = INT32_MIN, sign-extended.
  TEST_RR_OP( 7, divw, 0xffffffff80000000, 0xffffffff80000000, 0xffffffffffffffff)
  # Same, with operands whose upper halves are zero: only bits 31:0 count.
  TEST_RR_OP( 8, divw, 0xffffffff80000000, 0x0000000080000000, 0x00000000ffffffff)
  # Division by zero: -1.
  TEST_RR_OP( 9, divw, 0xffffffffffffffff, 0x0000000080000000, 0x0000000000000000)
  TEST_RR_OP(10, divw, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
  # Divisor 0x1_0000_0000 has low word 0: this IS a division by zero for DIVW.
  TEST_RR_OP(11, divw, 0xffffffffffffffff, 0x0000000100000000, 0x0000000100000000)
  # Garbage upper halves are ignored.
  TEST_RR_OP(12, divw, 0x0000000000000003, 0xdeadbeef00000014, 0x1234567800000006)
  # Low word 0xfffffff0 is -16: -16 / 4 = -4 (a 64-bit division gives 0x3ffffffc).
  TEST_RR_OP(13, divw, 0xfffffffffffffffc, 0x00000000fffffff0, 0x0000000000000004)
  TEST_RR_OP(14, divw, 0xffffffff80000001, 0x000000007fffffff, 0xffffffffffffffff)
  TEST_RR_OP(15, divw, 0x000000007fffffff, 0x000000007fffffff, 0x0000000000000001)
  TEST_RR_OP(16, divw, 0xfffffffffffffffd, 0xfffffffffffffff9, 0x0000000000000002)
  TEST_RR_OP(17, divw, 0x0000000000000000, 0x000000007fffffff, 0x0000000080000000)

  TEST_RR_SRC1_EQ_DEST(18, divw, 2, 13, 6)
  TEST_RR_SRC2_EQ_DEST(19, divw, 3, 20, 6)
  TEST_CASE(20, x1, 1, li x1, 0x55555555fffffff3; divw x1, x1, x1)
  TEST_RR_ZERODEST(21, divw, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
