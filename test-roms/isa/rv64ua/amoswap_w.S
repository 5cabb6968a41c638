# AMOSWAP.W: rd = sext(M32[rs1]); M32[rs1] = rs2[31:0].
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  # old value 0x80000000 is sign-extended into rd
  TEST_AMO_W( 2, amoswap.w, 0xffffffff80000000, 0x000000007fffffff, 0x80000000, 0x7fffffff)
  # only rs2[31:0] is stored (upper garbage must not reach the next word)
  TEST_AMO_W( 3, amoswap.w, 0x000000007fffffff, 0xffffffff80000000, 0x7fffffff, 0xdeadbeef80000000)
  TEST_AMO_W( 4, amoswap.w, 0xffffffffffffffff, 0x0000000000000000, 0xffffffff, 0x0000000000000000)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 5, amoswap.w, lw, sw, x0, 0, 0x0000000044444444, 0x1111111122222222, 0x3333333344444444, 0, 4, AMO_GUARD_W)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 6, amoswap.w, lw, sw, x12, 0x0000000022222222, 0x0000000044444444, 0x1111111122222222, 0x3333333344444444, 0, 4, AMO_GUARD_W)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 7, amoswap.w, lw, sw, x13, 0x0000000022222222, 0x0000000044444444, 0x1111111122222222, 0x3333333344444444, 0, 4, AMO_GUARD_W)
  # Upper word of a doubleword (offset 4) and second doubleword (offset 12).
  TEST_AMO_GEN( 8, amoswap.w, lw, sw, x14, 0x0000000022222222, 0x0000000044444444, 0x1111111122222222, 0x3333333344444444, 4, 0, AMO_GUARD_W)
  TEST_AMO_GEN( 9, amoswap.w, lw, sw, x14, 0x0000000022222222, 0x0000000044444444, 0x1111111122222222, 0x3333333344444444, 12, 8, AMO_GUARD_W)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
