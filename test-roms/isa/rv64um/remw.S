# REMW: signed remainder of rs1[31:0] by rs2[31:0], sign-extended.
# x%0 = sext(x[31:0]); INT32_MIN % -1 = 0.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, remw, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, remw, 0xfffffffffffffffe, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, remw, 0x0000000000000002, 0x0000000000000014, 0xfffffffffffffffa)
  TEST_RR_OP( 5, remw, 0xfffffffffffffffe, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, remw, 0x0000000000000000, 0x0000000080000000, 0x0000000000000001)
  # Overflow: INT32_MIN % -1 = 0, with zero and with all-ones upper halves.
  TEST_RR_OP( 7, remw, 0x0000000000000000, 0x0000000080000000, 0x00000000ffffffff)
  TEST_RR_OP( 8, remw, 0x0000000000000000, 0xffffffff80000000, 0xffffffffffffffff)
  # Division by zero: the remainder is the dividend's low word, sign-extended.
  TEST_RR_OP( 9, remw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000)
  TEST_RR_OP(10, remw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
  # ... not the full 64-bit dividend.
  TEST_RR_OP(11, remw, 0x0000000000000005, 0xdeadbeef00000005, 0x0000000000000000)
  # Divisor 0x1_0000_0000 has low word 0: division by zero for REMW.
  TEST_RR_OP(12, remw, 0xfffffffffffffffb, 0x12345678fffffffb, 0x0000000100000000)
  TEST_RR_OP(13, remw, 0xffffffffffffffff, 0xfffffffffffffff9, 0x0000000000000002)
  # Low word 0xfffffff0 is -16: -16 % 5 = -1 (a 64-bit remainder gives 0).
  TEST_RR_OP(14, remw, 0xffffffffffffffff, 0x00000000fffffff0, 0x0000000000000005)
  TEST_RR_OP(15, remw, 0x0000000000000002, 0xdeadbeef00000014, 0x1234567800000006)
  TEST_RR_OP(16, remw, 0x000000007fffffff, 0x000000007fffffff, 0x0000000080000000)

  TEST_RR_SRC1_EQ_DEST(17, remw, 1, 13, 6)
  TEST_RR_SRC2_EQ_DEST(18, remw, 2, 20, 6)
  TEST_CASE(19, x1, 0, li x1, 0x55555555fffffff3; remw x1, x1, x1)
  TEST_RR_ZERODEST(20, remw, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
