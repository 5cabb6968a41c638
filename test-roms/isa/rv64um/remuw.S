# REMUW: unsigned remainder of rs1[31:0] by rs2[31:0]; the 32-bit result is
# SIGN-extended. x%0 = sext(x[31:0]).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, remuw, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
  TEST_RR_OP( 3, remuw, 0x0000000000000002, 0xffffffffffffffec, 0x0000000000000006)
  TEST_RR_OP( 4, remuw, 0x0000000000000014, 0x0000000000000014, 0xfffffffffffffffa)
  # Result 0xffffffec is sign-extended.
  TEST_RR_OP( 5, remuw, 0xffffffffffffffec, 0xffffffffffffffec, 0xfffffffffffffffa)
  TEST_RR_OP( 6, remuw, 0x0000000000000000, 0x0000000080000000, 0x0000000000000001)
  # The signed-overflow pair: 0x80000000 % 0xffffffff = 0x80000000, sign-extended.
  TEST_RR_OP( 7, remuw, 0xffffffff80000000, 0x0000000080000000, 0x00000000ffffffff)
  # Division by zero: dividend's low word, sign-extended.
  TEST_RR_OP( 8, remuw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000)
  TEST_RR_OP( 9, remuw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
  TEST_RR_OP(10, remuw, 0x0000000000000005, 0xdeadbeef00000005, 0x0000000000000000)
  # Divisor low word is 0: division by zero for REMUW.
  TEST_RR_OP(11, remuw, 0xfffffffffffffffb, 0x12345678fffffffb, 0x0000000100000000)
  # 0xffffffff % 10 = 5 (a signed REMW would give -1).
  TEST_RR_OP(12, remuw, 0x0000000000000005, 0x00000000ffffffff, 0x000000000000000a)
  # Garbage upper halves are ignored.
  TEST_RR_OP(13, remuw, 0x0000000000000003, 0x123456780000000f, 0x0000000500000004)
  TEST_RR_OP(14, remuw, 0x000000007fffffff, 0xffffffff7fffffff, 0xffffffff80000000)

  TEST_RR_SRC1_EQ_DEST(15, remuw, 1, 13, 6)
  TEST_RR_SRC2_EQ_DEST(16, remuw, 2, 20, 6)
  TEST_CASE(17, x1, 0, li x1, 0x55555555fffffff3; remuw x1, x1, x1)
  TEST_RR_ZERODEST(18, remuw, 20, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
