# AMOMIN.W: rd = sext(M32[rs1]); M32[rs1] = signed min of the 32-bit values.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_W( 2, amomin.w, 0xffffffff80000000, 0xffffffff80000000, 0x80000000, 0x000000007fffffff)
  TEST_AMO_W( 3, amomin.w, 0x000000007fffffff, 0xffffffff80000000, 0x7fffffff, 0x0000000080000000)
  TEST_AMO_W( 4, amomin.w, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffff, 0x0000000000000000)
  # rs2 = 0x00000000ffffffff is -1 as a word (a 64-bit compare keeps 0)
  TEST_AMO_W( 5, amomin.w, 0x0000000000000000, 0xffffffffffffffff, 0x00000000, 0x00000000ffffffff)
  # rs2 = 0xffffffff00000002 is +2 as a word (a 64-bit compare stores 2)
  TEST_AMO_W( 6, amomin.w, 0x0000000000000001, 0x0000000000000001, 0x00000001, 0xffffffff00000002)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 7, amomin.w, lw, sw, x0, 0, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 4, AMO_GUARD_W)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 8, amomin.w, lw, sw, x12, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 4, AMO_GUARD_W)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 9, amomin.w, lw, sw, x13, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 4, AMO_GUARD_W)
  # Upper word of a doubleword (offset 4) and second doubleword (offset 12).
  TEST_AMO_GEN(10, amomin.w, lw, sw, x14, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 4, 0, AMO_GUARD_W)
  TEST_AMO_GEN(11, amomin.w, lw, sw, x14, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 12, 8, AMO_GUARD_W)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
