# AMOADD.W: rd = sext(M32[rs1]); M32[rs1] = M32[rs1] + rs2[31:0].
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_W( 2, amoadd.w, 0x0000000000000001, 0x0000000000000003, 0x00000001, 0x0000000000000002)
  # sum 0x80000000 is a negative word
  TEST_AMO_W( 3, amoadd.w, 0x000000007fffffff, 0xffffffff80000000, 0x7fffffff, 0x0000000000000001)
  # carry out of bit 31 must not reach the neighbouring word (guard check)
  TEST_AMO_W( 4, amoadd.w, 0xffffffffffffffff, 0x0000000000000000, 0xffffffff, 0x0000000000000001)
  # rs2 upper garbage ignored: 0x80000000 + 0xffffffff = 0x7fffffff
  TEST_AMO_W( 5, amoadd.w, 0xffffffff80000000, 0x000000007fffffff, 0x80000000, 0x12345678ffffffff)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 6, amoadd.w, lw, sw, x0, 0, 0x0000000000000010, 0x00000000fffffff0, 0x0000000100000020, 0, 4, AMO_GUARD_W)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 7, amoadd.w, lw, sw, x12, 0xfffffffffffffff0, 0x0000000000000010, 0x00000000fffffff0, 0x0000000100000020, 0, 4, AMO_GUARD_W)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 8, amoadd.w, lw, sw, x13, 0xfffffffffffffff0, 0x0000000000000010, 0x00000000fffffff0, 0x0000000100000020, 0, 4, AMO_GUARD_W)
  # Upper word of a doubleword (offset 4) and second doubleword (offset 12).
  TEST_AMO_GEN( 9, amoadd.w, lw, sw, x14, 0xfffffffffffffff0, 0x0000000000000010, 0x00000000fffffff0, 0x0000000100000020, 4, 0, AMO_GUARD_W)
  TEST_AMO_GEN(10, amoadd.w, lw, sw, x14, 0xfffffffffffffff0, 0x0000000000000010, 0x00000000fffffff0, 0x0000000100000020, 12, 8, AMO_GUARD_W)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
