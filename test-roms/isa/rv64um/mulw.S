# MULW: low 32 bits of rs1[31:0] * rs2[31:0], sign-extended to 64 bits.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, mulw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, mulw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, mulw, 0x0000000000000015, 0x0000000000000003, 0x0000000000000007)
  # Result bit 31 set: must be sign-extended (not zero-extended).
  TEST_RR_OP( 5, mulw, 0xfffffffffffffffe, 0x000000007fffffff, 0x0000000000000002)
  TEST_RR_OP( 6, mulw, 0x0000000000000001, 0x00000000ffffffff, 0x00000000ffffffff)
  TEST_RR_OP( 7, mulw, 0xffffffff80000000, 0x0000000080000000, 0x00000000ffffffff)
  # Garbage in the upper 32 bits of the operands is ignored.
  TEST_RR_OP( 8, mulw, 0x000000000000000f, 0x0000000100000003, 0x0000000200000005)
  TEST_RR_OP( 9, mulw, 0x0000000000000015, 0xdeadbeef00000003, 0x1234567800000007)
  # 2^16 * 2^16 = 2^32: the low word is 0 (a 64-bit product would not be).
  TEST_RR_OP(10, mulw, 0x0000000000000000, 0x1234567800010000, 0x9abcdef000010000)
  TEST_RR_OP(11, mulw, 0xffffffff80000000, 0x0000000000008000, 0x0000000000010000)
  TEST_RR_OP(12, mulw, 0xffffffffffffffeb, 0xfffffffffffffff9, 0x0000000000000003)
  TEST_RR_OP(13, mulw, 0xfffffffffffffffb, 0x00000000ffffffff, 0x0000000000000005)
  TEST_RR_OP(14, mulw, 0x0000000000000001, 0x000000007fffffff, 0x000000007fffffff)
  # Upper garbage + sign-extended result at once.
  TEST_RR_OP(15, mulw, 0xffffffffbc614000, 0xa5a5a5a500001000, 0x5a5a5a5a000bc614)

  TEST_RR_SRC1_EQ_DEST(16, mulw, 143, 13, 11)
  TEST_RR_SRC2_EQ_DEST(17, mulw, 154, 14, 11)
  TEST_CASE(18, x1, 0x0000000000000000, li x1, 0xffffffff00010000; mulw x1, x1, x1)
  TEST_RR_ZERODEST(19, mulw, 0x7fffffff, 2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
