# A machine timer interrupt (CLINT mtimecmp) must arrive while the hart spins in a
# tight loop, however the loop is run (issue 10: compiled loops must check for
# interrupts at their back edges). Each wait arms mtimecmp = mtime + DELAY and spins;
# the handler (mtvec, direct) checks mcause, that mtime >= mtimecmp (never early),
# turns the timer off and either redirects mepc past the loop or sets a flag the loop
# polls. Every wait is repeated REPS times, so that the later ones run compiled code.
#
#   case 2: `1: j 1b` (c.j) in M-mode, the handler redirects: mepc = the spin;
#   case 3: the same with a 4-byte jal x0 (no RVC);
#   case 4: `1: j 1b` in S-mode (an M interrupt is always enabled below M), the
#           handler redirects to M-mode;
#   case 5: `1: ld; beqz 1b` polling a flag the handler sets; mepc inside the loop;
#   case 6: a hot arithmetic loop (mul, shifts, xor) that polls the flag: it must see
#           it within BOUND iterations, and its state at that point (x after i
#           steps) must match a recomputation with the timer off;
#   case 7: a register-only arithmetic loop (no memory access), the handler
#           redirects: within BOUND iterations, mepc inside the loop;
#   case 8: `1: wfi; j 1b`, redirected;
#   case 9: with the timer already pending (mip.MTIP seen set) and mie.MTIE = 1 but
#           mstatus.MIE = 0, a hot loop sets MIE with csrsi: the interrupt must be
#           taken right there (mepc = the next instruction), every round;
#   case 10: the same with MIE = 1, unmasked by `csrs mie` (MTIE);
#   case 11: the timer forwarded to S-mode as OpenSBI does it: `1: j 1b` in S-mode
#           with sstatus.SIE = 1 and STI delegated; the M handler sets mip.STIP and
#           returns to the spin, where the S interrupt must be taken at once
#           (sepc = the spin); the S handler's ecall clears STIP and resumes in M;
#   case 20-21 (from the handler): an unexpected trap; the interrupt came before
#           mtime >= mtimecmp.
# With -DGASANG_TIME (jit-timer_spin_exact): gasang's bare machine has deterministic
# time (mtime advances one tick per 10 retired instructions, and time and interrupt
# lines are brought up to date at least every 4096 instructions: QUANTUM in
# src/bare.rs), so the handler also checks minstret (cases 2-7 and 11; in wfi time
# skips ahead, in 9-10 it is due at once): the interrupt arrives between
# DELAY*10 - SLACK and DELAY*10 + SLACK instructions after arming (case 22: too early,
# 23: too late); and case 12: minstret read in a hot loop advances by exactly the
# loop's length. Not for QEMU, whose mtime follows the host clock and whose minstret
# counts host ticks.
#include "riscv_test.h"

#define MTI_CAUSE (PRIV_INTR | PRIV_IRQ_MTI)
#define DELAY 2000                /* ticks: 20,000 instructions on gasang, 200 us on QEMU */
#define REPS 16
#define BOUND 20000000            /* iterations a waiting loop may run */
#define SLACK 5000                /* instructions, GASANG_TIME only */
#define SEED 0x243F6A8885A308D3
#define MULT 6364136223846793005

/* mtimecmp = mtime + DELAY, s7 = minstret, mie.MTIE = 1. Clobbers t0, t1. */
#define ARM                                                             \
        li t0, PRIV_CLINT_MTIME;                                        \
        ld t1, 0(t0);                                                   \
        li t0, DELAY;                                                   \
        add t1, t1, t0;                                                 \
        li t0, PRIV_CLINT_MTIMECMP;                                     \
        sd t1, 0(t0);                                                   \
        csrr s7, minstret;                                              \
        li t0, PRIV_MIP_MTIP;                                           \
        csrs mie, t0;

/* One step of the arithmetic loops: x = x * MULT + i; x ^= x >> 29. Uses t4. */
#define STEP(x, i, mult)                                                \
        mul x, x, mult;                                                 \
        add x, x, i;                                                    \
        srli t4, x, 29;                                                 \
        xor x, x, t4;

RVTEST_CODE_BEGIN

  la t0, tm_handler
  csrw mtvec, t0
  li t0, -1                       /* PMP entry 0: all memory, RWX (for case 4) */
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  csrw medeleg, zero
  csrw mideleg, zero
  csrw satp, zero
  li t0, PRIV_CLINT_MTIMECMP
  li t1, -1
  sd t1, 0(t0)
  csrw mie, zero
  li s5, 0                        /* interrupts taken */
  li s6, 0                        /* where the handler resumes (0: at mepc) */
  li s11, 0                       /* 1: forward the timer to S-mode (case 11) */
  csrsi mstatus, PRIV_MSTATUS_MIE

  # Case 2: c.j spin, redirected.
  li TESTNUM, 2
  li s0, REPS
10:
  li s5, 0
  la s6, 11f
  ARM
12:
  j 12b
11:
  li x7, 1
  bne s5, x7, fail
  la x7, 12b
  bne s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 3: 4-byte jal spin, redirected.
  li TESTNUM, 3
  li s0, REPS
10:
  li s5, 0
  la s6, 11f
  ARM
  .option push
  .option norvc
12:
  jal x0, 12b
  .option pop
11:
  li x7, 1
  bne s5, x7, fail
  la x7, 12b
  bne s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 4: c.j spin in S-mode, redirected back to M-mode.
  li TESTNUM, 4
  li s0, REPS
10:
  li s5, 0
  la s6, 11f
  ARM
  li t0, PRIV_MSTATUS_MPP         /* mret to S-mode at 12f */
  csrc mstatus, t0
  li t0, PRIV_S << 11
  csrs mstatus, t0
  la t0, 12f
  csrw mepc, t0
  mret
12:
  j 12b
11:
  li x7, 1
  bne s5, x7, fail
  la x7, 12b
  bne s3, x7, fail
  srli t0, s8, 11                 /* the trap came from S-mode */
  andi t0, t0, 3
  li x7, PRIV_S
  bne t0, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 5: polling a flag the handler sets; it returns into the loop.
  li TESTNUM, 5
  li s0, REPS
  la a1, tm_flag
10:
  li s5, 0
  sd zero, 0(a1)
  ARM
12:
  ld t0, 0(a1)
  beqz t0, 12b
13:
  li x7, 1
  bne s5, x7, fail
  la x7, 12b
  bltu s3, x7, fail
  la x7, 13b
  bgeu s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 6: hot arithmetic loop polling the flag; state consistent when it stops.
  li TESTNUM, 6
  li s0, REPS
  la a1, tm_flag
  li t3, MULT
10:
  li s5, 0
  sd zero, 0(a1)
  ARM
  li t1, 0                        /* i */
  li a5, SEED                     /* x */
  li a2, BOUND
12:
  ld t0, 0(a1)
  bnez t0, 13f
  STEP(a5, t1, t3)
  addi t1, t1, 1
  bltu t1, a2, 12b
  j fail                          /* no interrupt within BOUND iterations */
13:
  li x7, 1
  bne s5, x7, fail
  /* recompute x after t1 steps with the timer off */
  li a3, 0
  li a4, SEED
  beqz t1, 15f
14:
  STEP(a4, a3, t3)
  addi a3, a3, 1
  bltu a3, t1, 14b
15:
  bne a4, a5, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 7: register-only arithmetic loop, redirected.
  li TESTNUM, 7
  li s0, REPS
  li t3, MULT
10:
  li s5, 0
  la s6, 11f
  ARM
  li t1, 0
  li t2, SEED
  li a2, BOUND
12:
  STEP(t2, t1, t3)
  addi t1, t1, 1
  bltu t1, a2, 12b
13:
  j fail                          /* no interrupt within BOUND iterations */
11:
  li x7, 1
  bne s5, x7, fail
  la x7, 12b
  bltu s3, x7, fail
  la x7, 13b
  bgeu s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 8: wfi spin, redirected.
  li TESTNUM, 8
  li s0, REPS
10:
  li s5, 0
  la s6, 11f
  ARM
  li s7, 0                        /* no minstret check: time skips in wfi */
12:
  wfi
  j 12b
13:
  j fail
11:
  li x7, 1
  bne s5, x7, fail
  la x7, 12b
  bltu s3, x7, fail
  la x7, 13b
  bgeu s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 9: a pending timer taken right after the csrsi that sets MIE.
  li TESTNUM, 9
  csrci mstatus, PRIV_MSTATUS_MIE
  li s0, REPS
  li t3, MULT
  li s7, 0                        /* no minstret check */
10:
  li s5, 0
  li t0, PRIV_CLINT_MTIMECMP
  sd zero, 0(t0)
  li t1, BOUND
12:
  csrr t0, mip
  andi t0, t0, PRIV_MIP_MTIP
  bnez t0, 13f
  addi t1, t1, -1
  bnez t1, 12b
  j fail
13:
  li t0, PRIV_MIP_MTIP
  csrs mie, t0
  li t2, SEED
  STEP(t2, s0, t3)
  STEP(t2, s0, t3)
  csrsi mstatus, PRIV_MSTATUS_MIE
14:
  STEP(t2, s0, t3)
  csrci mstatus, PRIV_MSTATUS_MIE
  li x7, 1
  bne s5, x7, fail
  la x7, 14b
  bne s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 10: the same, unmasked by csrs mie with MIE = 1.
  li TESTNUM, 10
  csrw mie, zero
  csrsi mstatus, PRIV_MSTATUS_MIE
  li s0, REPS
10:
  li s5, 0
  li t0, PRIV_CLINT_MTIMECMP
  sd zero, 0(t0)
  li t1, BOUND
12:
  csrr t0, mip
  andi t0, t0, PRIV_MIP_MTIP
  bnez t0, 13f
  addi t1, t1, -1
  bnez t1, 12b
  j fail
13:
  li t2, SEED
  STEP(t2, s0, t3)
  li t0, PRIV_MIP_MTIP
  csrs mie, t0
14:
  STEP(t2, s0, t3)
  li x7, 1
  bne s5, x7, fail
  la x7, 14b
  bne s3, x7, fail
  addi s0, s0, -1
  bnez s0, 10b

  # Case 11: forwarded to S-mode through mip.STIP.
  li TESTNUM, 11
  csrci mstatus, PRIV_MSTATUS_MIE
  csrw mie, zero
  li t0, PRIV_MIP_STIP
  csrw mideleg, t0
  csrs mie, t0
  la t0, tm_shandler
  csrw stvec, t0
  li s11, 1
  li s0, REPS
10:
  li s5, 0
  li a3, -1
  la s6, 11f
  ARM
  li t0, PRIV_MSTATUS_MPP
  csrc mstatus, t0
  li t0, (PRIV_S << 11) | PRIV_MSTATUS_SIE
  csrs mstatus, t0
  la t0, 12f
  csrw mepc, t0
  mret
12:
  j 12b
11:
  li x7, 1
  bne s5, x7, fail                /* one MTI */
  la x7, 12b
  bne a3, x7, fail                /* the STI, taken in the spin */
  csrr t0, mip
  andi t0, t0, PRIV_MIP_STIP
  bnez t0, fail
  addi s0, s0, -1
  bnez s0, 10b
  li s11, 0
  csrw mideleg, zero
  csrw mie, zero

#ifdef GASANG_TIME
  # Case 12: minstret read in a hot loop advances by exactly the loop's 7
  # instructions per iteration (no timer running).
  li TESTNUM, 12
  csrci mstatus, PRIV_MSTATUS_MIE
  li t3, 5000
  csrr t2, minstret
  addi t2, t2, -5                 /* the first gap is csrr + addi: 2 */
1:
  csrr t0, minstret
  sub t1, t0, t2
  mv t2, t0
  li a5, 7
  bne t1, a5, fail
  addi t3, t3, -1
  bnez t3, 1b
#endif

  TEST_PASSFAIL

/* M-mode trap handler: only the machine timer interrupt is expected (and, in case
 * 11, the S handler's ecall). Records mcause in s2, mepc in s3 and mstatus in s8,
 * s5 += 1; turns the timer off (mtimecmp = -1, mie.MTIE = 0); sets tm_flag; with
 * s11 != 0 sets mip.STIP and returns; else if s6 != 0 resumes there in M-mode
 * (s6 = 0), else at mepc. */
  .align 2
tm_handler:
  csrr s2, mcause
  li s4, PRIV_CAUSE_SCALL
  beq s2, s4, tm_secall
  li s4, MTI_CAUSE
  bne s2, s4, tm_unexpected
  csrr s3, mepc
  csrr s8, mstatus
  li s9, PRIV_CLINT_MTIMECMP
  ld s10, 0(s9)
  li s4, PRIV_CLINT_MTIME
  ld s4, 0(s4)
  bltu s4, s10, tm_early
#ifdef GASANG_TIME
  beqz s7, 2f                     /* cases 8-10: no count to check */
  csrr s4, minstret
  sub s4, s4, s7
  li s10, DELAY * 10 - SLACK
  bltu s4, s10, tm_early_insns
  li s10, DELAY * 10 + SLACK
  bgeu s4, s10, tm_late_insns
2:
#endif
  li s10, -1
  sd s10, 0(s9)
  li s10, PRIV_MIP_MTIP
  csrc mie, s10
  addi s5, s5, 1
  la s9, tm_flag
  li s10, 1
  sd s10, 0(s9)
  bnez s11, 3f
  beqz s6, 1f
  csrw mepc, s6
  li s6, 0
  li s10, PRIV_MSTATUS_MPP
  csrs mstatus, s10
1:
  mret
3:                                /* forward to S-mode */
  li s10, PRIV_MIP_STIP
  csrs mip, s10
  mret
tm_secall:                        /* case 11: the S handler is done */
  beqz s11, tm_unexpected
  beqz s6, tm_unexpected
  li s10, PRIV_MIP_STIP
  csrc mip, s10
  csrw mepc, s6
  li s6, 0
  li s10, PRIV_MSTATUS_MPP
  csrs mstatus, s10
  mret

/* S-mode handler (case 11): only the supervisor timer interrupt; a3 = sepc, then
 * ecall to M-mode. */
  .align 2
tm_shandler:
  csrr a3, scause
  li a4, PRIV_INTR | PRIV_IRQ_STI
  bne a3, a4, tm_unexpected
  csrr a3, sepc
  ecall
tm_unexpected:
  li TESTNUM, 20
  j fail
tm_early:
  li TESTNUM, 21
  j fail
tm_early_insns:
  li TESTNUM, 22
  j fail
tm_late_insns:
  li TESTNUM, 23
  j fail

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .align 3
tm_flag: .dword 0
RVTEST_DATA_END
