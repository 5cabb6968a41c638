# The single-letter extensions as misa reports them, each checked for what it means:
# with C, jump and branch targets at 2 mod 4 and 16-bit instructions run, and mepc
# keeps bit 1; without C (IALIGN = 32), a jump or taken branch to such a target raises
# instruction-address-misaligned on the jump (mtval = target, rd not written), an
# untaken one does not, a 16-bit encoding is illegal and mepc[1] reads 0. Without F,
# mstatus.FS stays Off and F instructions and fcsr are illegal; without D, D
# instructions are; without M or A, theirs are. With every extension on (the default)
# this checks the positive side; tests/cli.rs also runs it with -cpu rv64,c=off,...
# on gasang and on QEMU. Assembled without compressed instructions, F and D by encoding.
# -DSTRICT_SPEC requires mtval = the target of a misaligned jump (case 3) and mepc[1]
# masked (case 7) where QEMU 7.2 writes the jump's address and keeps the bit, and AMOs
# to be illegal without A (case 15; QEMU 7.2's a=off clears misa.A but runs them).
#include "riscv_test.h"

  .option norvc
  .option norelax

#define MISA_A (1 << 0)
#define MISA_C (1 << 2)
#define MISA_D (1 << 3)
#define MISA_F (1 << 5)
#define MISA_M (1 << 12)
#define MSTATUS_FS 0x6000
#define CAUSE_MISALIGNED_FETCH 0

/* Instruction encodings the assembler will not take without F and D. */
#define FLW_F0_A1  .word 0x0005a007   /* flw f0, 0(a1) */
#define FLD_F0_A1  .word 0x0005b007   /* fld f0, 0(a1) */
#define FADD_D     .word 0x02007053   /* fadd.d f0, f0, f0 */
#define C_NOP_PAIR .word 0x00010001   /* c.nop; c.nop */

/* mtval of a jump to a misaligned target: the target (priv spec 3.1.16: the faulting
 * address); QEMU 7.2 writes the jump's own address, which the default build accepts
 * too. -DSTRICT_SPEC requires the target. */
#ifdef STRICT_SPEC
#define CHECK_MIS_TVAL PRIV_CHECK_LABEL(s4, mis_target)
#else
#define CHECK_MIS_TVAL                                                  \
        la t0, mis_target;                                              \
        beq s4, t0, 5f;                                                 \
        PRIV_CHECK_LABEL(s4, 8b)                                        \
5:
#endif

RVTEST_CODE_BEGIN

  PRIV_INIT
  csrr s0, misa
  la a1, data

  # Case 2: misa says RV64 with I, S and U whatever the configuration.
  li TESTNUM, 2
  srli a0, s0, 62
  PRIV_CHECK_EQ(a0, 2)
  PRIV_CHECK_FIELD(s0, (1 << 8) | (1 << 18) | (1 << 20), (1 << 8) | (1 << 18) | (1 << 20))

  andi t0, s0, MISA_C
  beqz t0, no_c

  # Cases 3-6 (C): jal, jalr and a taken branch to a 2-mod-4 target run (it returns
  # through a5); mepc[1] holds.
  li TESTNUM, 3
  jal a5, mis_target
back_3:
  la t0, back_3
  bne a5, t0, fail
  li TESTNUM, 4
  la a4, mis_target
  jalr a5, 0(a4)
  li TESTNUM, 5
  la a5, back_5
  beq zero, zero, mis_target
  j fail
back_5:
  li TESTNUM, 6
  li t0, 0x80000002
  csrw mepc, t0
  csrr a0, mepc
  PRIV_CHECK_EQ(a0, 0x80000002)
  # Case 7: 16-bit instructions run.
  li TESTNUM, 7
  C_NOP_PAIR
  j c_done

no_c:
  # Case 3: without C, jal to a 2-mod-4 target: misaligned on the jal, mtval = the
  # target, rd (a5) not written.
  li a5, -1
  PRIV_EXPECT_MTRAP(3, PRIV_M, CAUSE_MISALIGNED_FETCH, jal a5, mis_target)
  CHECK_MIS_TVAL
  PRIV_CHECK_EQ(a5, -1)
  # Case 4: the same for jalr.
  la a4, mis_target
  PRIV_EXPECT_MTRAP(4, PRIV_M, CAUSE_MISALIGNED_FETCH, jalr a5, 0(a4))
  CHECK_MIS_TVAL
  PRIV_CHECK_EQ(a5, -1)
  # Case 5: a taken branch; an untaken one (case 6) does not trap.
  PRIV_EXPECT_MTRAP(5, PRIV_M, CAUSE_MISALIGNED_FETCH, beq zero, zero, mis_target)
  CHECK_MIS_TVAL
  li TESTNUM, 6
  bne zero, zero, mis_target
  # Case 7: mepc[1] reads 0 (priv spec 3.1.14; QEMU 7.2 keeps it, which the default
  # build accepts).
  li TESTNUM, 7
  li t0, 0x80000002
  csrw mepc, t0
  csrr a0, mepc
#ifndef STRICT_SPEC
  beq a0, t0, 1f
#endif
  PRIV_CHECK_EQ(a0, 0x80000000)
1:
  # Case 8: a 16-bit encoding is an illegal instruction.
  PRIV_EXPECT_MTRAP(8, PRIV_M, PRIV_CAUSE_ILLEGAL, C_NOP_PAIR)
c_done:

  andi t0, s0, MISA_F
  beqz t0, no_f
  # Case 9 (F): mstatus.FS is writable; flw runs.
  li TESTNUM, 9
  li t0, MSTATUS_FS
  csrs mstatus, t0
  csrr a0, mstatus
  PRIV_CHECK_FIELD(a0, MSTATUS_FS, MSTATUS_FS)
  FLW_F0_A1
  csrr a0, 0x003               # fcsr
  j f_done
no_f:
  # Case 9: without F, FS stays Off ...
  li TESTNUM, 9
  li t0, MSTATUS_FS
  csrs mstatus, t0
  csrr a0, mstatus
  PRIV_CHECK_FIELD(a0, MSTATUS_FS, 0)
  # Cases 10-11: ... and flw and fcsr are illegal.
  PRIV_EXPECT_MTRAP(10, PRIV_M, PRIV_CAUSE_ILLEGAL, FLW_F0_A1)
  PRIV_EXPECT_MTRAP(11, PRIV_M, PRIV_CAUSE_ILLEGAL, csrr a0, 0x003)
f_done:

  andi t0, s0, MISA_D
  beqz t0, no_d
  # Case 12 (D): fld and fadd.d run.
  li TESTNUM, 12
  FLD_F0_A1
  FADD_D
  j d_done
no_d:
  # Cases 12-13: without D (FS on where F is), fld and fadd.d are illegal.
  li t0, MSTATUS_FS
  csrs mstatus, t0
  PRIV_EXPECT_MTRAP(12, PRIV_M, PRIV_CAUSE_ILLEGAL, FLD_F0_A1)
  PRIV_EXPECT_MTRAP(13, PRIV_M, PRIV_CAUSE_ILLEGAL, FADD_D)
d_done:

  # Case 14: mul runs with M, is illegal without.
  li t0, MISA_M
  and t0, s0, t0
  beqz t0, 1f
  li TESTNUM, 14
  li a2, 6
  li a3, 7
  mul a0, a2, a3
  PRIV_CHECK_EQ(a0, 42)
  j 2f
1:
  PRIV_EXPECT_MTRAP(14, PRIV_M, PRIV_CAUSE_ILLEGAL, mul a0, a2, a3)
2:

  # Case 15: amoadd.d runs with A, is illegal without.
  andi t0, s0, MISA_A
  beqz t0, 1f
  li TESTNUM, 15
  li a2, 5
  amoadd.d a0, a2, (a1)
  ld a0, 0(a1)
  PRIV_CHECK_EQ(a0, 5)
  j 2f
1:
#ifdef STRICT_SPEC
  PRIV_EXPECT_MTRAP(15, PRIV_M, PRIV_CAUSE_ILLEGAL, amoadd.d a0, a2, (a1))
#endif
2:

  TEST_PASSFAIL

  # A 4-byte jump back through a5 at a 2-mod-4 address (reached only with C).
  .balign 4
  .half 0x0001
mis_target:
  jalr x0, 0(a5)
  .half 0x0001

RVTEST_CODE_END

  PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
  .align 3
data: .dword 0
RVTEST_DATA_END
