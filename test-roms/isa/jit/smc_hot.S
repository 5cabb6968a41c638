# Self-modifying code inside hot loops (issue 10: compiled code must be invalidated
# when its guest code changes). Each case runs a loop of N iterations many times
# (ROUNDS), rewriting one of the loop's own instructions with a store between or
# during the runs, so that compiled code is dropped and compiled again; the new
# instruction's effect must show from its next execution on.
#
#   case 2: between runs, the loop's `addi t2, t2, imm` gets a new immediate (sw,
#           fence.i); each run's sum is N * imm;
#   case 3: the same without fence.i (a store to code is seen by the next execution:
#           QEMU and gasang's interpreter both do this, the spec requires fence.i);
#   case 4: during a run, at iteration P, the loop rewrites its own `addi` (which came
#           earlier in the body) and runs fence.i: iterations after P see the new
#           immediate;
#   case 5: the same without fence.i;
#   case 6: the rewritten `addi` comes after the store and the fence.i in the same
#           iteration: iteration P already sees it;
#   case 7: a nop in the loop is rewritten into a jump over the next instruction
#           (control flow inside the region changes), fence.i;
#   case 8: a 2-byte c.addi rewritten with a 16-bit store (sh), fence.i, between runs;
#   case 9: the loop stores data into its own code page every iteration (a word next
#           to the code, no instruction changes): the sum and the word are right.
# The patched instructions are restored at the start of each round.
#include "riscv_test.h"

#define N 2000
#define ROUNDS 8
/* Case 9 is shorter: a JIT that drops a page's code on every store to the page
 * compiles its loop again each iteration (correct, but slow with threshold 1). */
#define N_H 250
#define ROUNDS_H 4
#define NOP 0x00000013
#define J_PLUS_8 0x0080006f       /* jal x0, .+8 */
#define CADDI_T2 0x0381           /* c.addi t2, imm: imm[4:0] at bits 6:2 */

/* a0 = address of an I-type instruction, a1 = new 12-bit immediate: rewrites it in
 * place (sw). Uses t0, t1. */
#define PATCH_IMM                                                       \
        lw t0, 0(a0);                                                   \
        li t1, 0xfffff;                                                 \
        and t0, t0, t1;                                                 \
        slli t1, a1, 20;                                                \
        or t0, t0, t1;                                                  \
        sw t0, 0(a0);

/* An addi immediate for round s0: 3 * s0 + 2. */
#define ROUND_IMM(reg)                                                  \
        slli reg, s0, 1;                                                \
        add reg, reg, s0;                                               \
        addi reg, reg, 2;

/* The patch point for round s0: N / 2 + 37 * s0 - 150. */
#define ROUND_P(reg)                                                    \
        li reg, 37;                                                     \
        mul reg, reg, s0;                                               \
        addi reg, reg, N / 2 - 150;

RVTEST_CODE_BEGIN

  # Case 2: new immediate between runs, fence.i.
  li TESTNUM, 2
  li s0, 0
10:
  ROUND_IMM(s1)
  la a0, smc_a
  mv a1, s1
  PATCH_IMM
  fence.i
  la a0, smc_a_loop
  jalr a0
  li t0, N
  mul t0, t0, s1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 3: new immediate between runs, no fence.i.
  li TESTNUM, 3
  li s0, 0
10:
  ROUND_IMM(s1)
  la a0, smc_b
  mv a1, s1
  PATCH_IMM
  la a0, smc_b_loop
  jalr a0
  li t0, N
  mul t0, t0, s1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 4: the loop rewrites an earlier instruction of its body at iteration P,
  # fence.i. Sum = (P + 1) * 1 + (N - P - 1) * imm.
  li TESTNUM, 4
  li s0, 0
10:
  la a0, smc_c
  li a1, 1
  PATCH_IMM
  fence.i
  ROUND_IMM(s1)
  la a0, smc_c
  mv a1, s1
  lw t0, 0(a0)                    /* a0 = the new instruction word */
  li t1, 0xfffff
  and t0, t0, t1
  slli t1, a1, 20
  or a0, t0, t1
  ROUND_P(a1)
  la t0, smc_c_loop
  jalr t0
  ROUND_P(a1)
  addi t0, a1, 1
  li t1, N - 1
  sub t1, t1, a1
  mul t1, t1, s1
  add t0, t0, t1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 5: the same without fence.i.
  li TESTNUM, 5
  li s0, 0
10:
  la a0, smc_d
  li a1, 1
  PATCH_IMM
  ROUND_IMM(s1)
  la a0, smc_d
  mv a1, s1
  lw t0, 0(a0)
  li t1, 0xfffff
  and t0, t0, t1
  slli t1, a1, 20
  or a0, t0, t1
  ROUND_P(a1)
  la t0, smc_d_loop
  jalr t0
  ROUND_P(a1)
  addi t0, a1, 1
  li t1, N - 1
  sub t1, t1, a1
  mul t1, t1, s1
  add t0, t0, t1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 6: the rewritten addi follows the store and fence.i in the same iteration.
  # Sum = P * 1 + (N - P) * imm.
  li TESTNUM, 6
  li s0, 0
10:
  la a0, smc_e
  li a1, 1
  PATCH_IMM
  fence.i
  ROUND_IMM(s1)
  la a0, smc_e
  mv a1, s1
  lw t0, 0(a0)
  li t1, 0xfffff
  and t0, t0, t1
  slli t1, a1, 20
  or a0, t0, t1
  ROUND_P(a1)
  la t0, smc_e_loop
  jalr t0
  ROUND_P(a1)
  li t1, N
  sub t1, t1, a1
  mul t1, t1, s1
  add t0, a1, t1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 7: a nop becomes `j .+8` at iteration P, skipping the addi of 5:
  # sum = 6 * (P + 1) + (N - P - 1).
  li TESTNUM, 7
  li s0, 0
10:
  la t0, smc_f
  li t1, NOP
  sw t1, 0(t0)
  fence.i
  li a0, J_PLUS_8
  ROUND_P(a1)
  la t0, smc_f_loop
  jalr t0
  ROUND_P(a1)
  addi t0, a1, 1
  li t1, 6
  mul t0, t0, t1
  li t1, N - 1
  sub t1, t1, a1
  add t0, t0, t1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 8: c.addi t2, imm (imm = s0 + 1, 1..8) rewritten with sh between runs.
  li TESTNUM, 8
  li s0, 0
10:
  addi s1, s0, 1
  slli t0, s1, 2
  ori t0, t0, CADDI_T2
  la t1, smc_g
  sh t0, 0(t1)
  fence.i
  la a0, smc_g_loop
  jalr a0
  li t0, N
  mul t0, t0, s1
  bne a0, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS
  bne s0, t0, 10b

  # Case 9: data stores into the loop's own code page.
  li TESTNUM, 9
  li s0, 0
10:
  la a0, smc_h_loop
  jalr a0
  li t0, N_H * (N_H - 1) / 2
  bne a0, t0, fail
  la t0, smc_h_word
  lw t1, 0(t0)
  li t0, N_H - 1
  bne t1, t0, fail
  addi s0, s0, 1
  li t0, ROUNDS_H
  bne s0, t0, 10b

  TEST_PASSFAIL

/* The loops. Each returns its sum in a0; a0 (the instruction word to store) and
 * a1 (the iteration P at which to store it) are inputs where used. Uses t2-t4, a2. */
  .option push
  .option norvc
  .balign 4
smc_a_loop:
  li t2, 0
  li t3, N
1:
smc_a:
  addi t2, t2, 0
  addi t3, t3, -1
  bnez t3, 1b
  mv a0, t2
  ret

  .balign 4
smc_b_loop:
  li t2, 0
  li t3, N
1:
smc_b:
  addi t2, t2, 0
  addi t3, t3, -1
  bnez t3, 1b
  mv a0, t2
  ret

  .balign 4
smc_c_loop:
  li t2, 0
  li t3, 0
  li t4, N
  la a2, smc_c
1:
smc_c:
  addi t2, t2, 1
  bne t3, a1, 2f
  sw a0, 0(a2)
  fence.i
2:
  addi t3, t3, 1
  bne t3, t4, 1b
  mv a0, t2
  ret

  .balign 4
smc_d_loop:
  li t2, 0
  li t3, 0
  li t4, N
  la a2, smc_d
1:
smc_d:
  addi t2, t2, 1
  bne t3, a1, 2f
  sw a0, 0(a2)
2:
  addi t3, t3, 1
  bne t3, t4, 1b
  mv a0, t2
  ret

  .balign 4
smc_e_loop:
  li t2, 0
  li t3, 0
  li t4, N
  la a2, smc_e
1:
  bne t3, a1, 2f
  sw a0, 0(a2)
  fence.i
2:
smc_e:
  addi t2, t2, 1
  addi t3, t3, 1
  bne t3, t4, 1b
  mv a0, t2
  ret

  .balign 4
smc_f_loop:
  li t2, 0
  li t3, 0
  li t4, N
  la a2, smc_f
1:
smc_f:
  nop
  addi t2, t2, 5
  addi t2, t2, 1
  bne t3, a1, 2f
  sw a0, 0(a2)
  fence.i
2:
  addi t3, t3, 1
  bne t3, t4, 1b
  mv a0, t2
  ret
  .option pop

  .balign 4
smc_g_loop:
  li t2, 0
  li t3, N
1:
smc_g:
  c.addi t2, 1
  addi t3, t3, -1
  bnez t3, 1b
  mv a0, t2
  ret

  .balign 4
smc_h_loop:
  li t2, 0
  li t3, 0
  li t4, N_H
  la a2, smc_h_word
1:
  sw t3, 0(a2)
  lw t0, 0(a2)
  add t2, t2, t0
  addi t3, t3, 1
  bne t3, t4, 1b
  mv a0, t2
  ret
  .balign 4
smc_h_word:
  .word 0

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
