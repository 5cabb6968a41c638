# Code that keeps rewriting itself: ROUNDS times, the loop's `addi t2, t2, imm` gets a
# new immediate (sw, fence.i) and the loop runs 20 times. A JIT drops and compiles the
# loop again every round; its code memory must stay bounded however many rounds run
# (tests/code_memory.rs runs a short and a long build and compares the peak memory).
# Checks the sum of every round.
#include "riscv_test.h"

#ifndef ROUNDS
#define ROUNDS 64
#endif
#define N 20

RVTEST_CODE_BEGIN

  li TESTNUM, 2
  li s0, 0                         # round
  li s1, ROUNDS
round:
  # imm = (round & 0x3ff) + 1
  andi a1, s0, 0x3ff
  addi a1, a1, 1
  la a0, patched
  lw t0, 0(a0)
  li t1, 0xfffff
  and t0, t0, t1
  slli t1, a1, 20
  or t0, t0, t1
  sw t0, 0(a0)
  fence.i
  li t2, 0
  li t3, N
loop:
  .option push
  .option norvc                    # a 4-byte addi: the patch rewrites 32 bits
patched:
  addi t2, t2, 1
  .option pop
  addi t3, t3, -1
  bnez t3, loop
  # t2 must be N * imm
  li t4, N
  mul t4, t4, a1
  bne t2, t4, fail
  addi s0, s0, 1
  blt s0, s1, round

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
