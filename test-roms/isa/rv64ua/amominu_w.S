# AMOMINU.W: rd = sext(M32[rs1]); M32[rs1] = unsigned min of the 32-bit values.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  # unsigned: 0 < 0xffffffff
  TEST_AMO_W( 2, amominu.w, 0xffffffffffffffff, 0x0000000000000000, 0xffffffff, 0x0000000000000000)
  # unsigned: 0x7fffffff < 0x80000000
  TEST_AMO_W( 3, amominu.w, 0xffffffff80000000, 0x000000007fffffff, 0x80000000, 0x000000007fffffff)
  # rs2 upper garbage ignored: word 2 < 3 (a 64-bit compare keeps 3)
  TEST_AMO_W( 4, amominu.w, 0x0000000000000003, 0x0000000000000002, 0x00000003, 0x0000000100000002)
  # result 0xfffffffe is sign-extended
  TEST_AMO_W( 5, amominu.w, 0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffff, 0x00000000fffffffe)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 6, amominu.w, lw, sw, x0, 0, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0, 4, AMO_GUARD_W)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 7, amominu.w, lw, sw, x12, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0, 4, AMO_GUARD_W)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 8, amominu.w, lw, sw, x13, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0, 4, AMO_GUARD_W)
  # Upper word of a doubleword (offset 4) and second doubleword (offset 12).
  TEST_AMO_GEN( 9, amominu.w, lw, sw, x14, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 4, 0, AMO_GUARD_W)
  TEST_AMO_GEN(10, amominu.w, lw, sw, x14, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 12, 8, AMO_GUARD_W)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
