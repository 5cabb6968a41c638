# Access to the user counters cycle, time, instret from S- and U-mode: S-mode needs
# the mcounteren bit (CY = 0, TM = 1, IR = 2), U-mode needs both the mcounteren and the
# scounteren bit; otherwise the read is an illegal instruction. M-mode is never
# affected, and the counters stay read-only.
#
# QEMU's spike board has no `time` CSR (reading it is illegal even in M-mode), so the
# default build probes time in M-mode and skips the time cases without it. The
# -DSTRICT_SPEC build (rv64si-counteren_strict, for gasang; QEMU's spike board fails
# its case 2) and the -DPRIV_QEMU_VIRT build (rv64si-counteren_virt, run on QEMU's
# virt board, which has time) require it.
#include "riscv_test.h"

#if defined(STRICT_SPEC) || defined(PRIV_QEMU_VIRT)
#define REQUIRE_TIME 1
#endif

#define CY 1
#define TM 2
#define IR 4

/* Skip to label `to` when the time CSR does not exist (s0 = 0). */
#define IF_NO_TIME_SKIP(to) beqz s0, to

/* `code` runs in S- or U-mode without a trap (then proves the mode with an ecall). */
#define EXPECT_READ(testnum, mode, code...)                             \
  PRIV_CASE(testnum)                                                    \
  li s6, 0;                                                             \
  li s7, 0;                                                             \
  PRIV_MRET_TO(mode, 1f)                                                \
1: code;                                                                \
  PRIV_EXPECT_MODE(mode)

RVTEST_CODE_BEGIN

  PRIV_INIT

  # Case 2: does time exist? (s0 = 1 if M-mode can read it.)
test_2:
  li TESTNUM, 2
  li s0, 0
  la s6, 1f
  csrr a0, time
  li s0, 1
  li s6, 0
1:
#ifdef REQUIRE_TIME
  beqz s0, fail
#endif

  # Case 3: M-mode reads cycle, instret (and time) with mcounteren = scounteren = 0.
test_3:
  li TESTNUM, 3
  csrw mcounteren, zero
  csrw scounteren, zero
  li s6, 0
  rdcycle a0
  rdinstret a1
  beqz a1, fail
  IF_NO_TIME_SKIP(5f)
  rdtime a2
5:

  # Cases 4-6: mcounteren = 0: S-mode reads of cycle, instret, time are illegal.
  PRIV_EXPECT_MTRAP(4, PRIV_S, PRIV_CAUSE_ILLEGAL, rdcycle a0)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)
  PRIV_EXPECT_MTRAP(5, PRIV_S, PRIV_CAUSE_ILLEGAL, rdinstret a0)
  IF_NO_TIME_SKIP(5f)
  PRIV_EXPECT_MTRAP(6, PRIV_S, PRIV_CAUSE_ILLEGAL, rdtime a0)
5:

  # Case 7: mcounteren = CY: S-mode reads cycle; instret (case 8) and time (case 9)
  # stay illegal.
  li t0, CY
  csrw mcounteren, t0
  EXPECT_READ(7, PRIV_S, rdcycle a0)
  PRIV_EXPECT_MTRAP(8, PRIV_S, PRIV_CAUSE_ILLEGAL, rdinstret a0)
  IF_NO_TIME_SKIP(5f)
  PRIV_EXPECT_MTRAP(9, PRIV_S, PRIV_CAUSE_ILLEGAL, rdtime a0)
5:

  # Case 10: mcounteren = IR: instret readable from S-mode (and not 0), cycle not
  # (case 11).
  li t0, IR
  csrw mcounteren, t0
  EXPECT_READ(10, PRIV_S, rdinstret a0; beqz a0, fail)
  PRIV_EXPECT_MTRAP(11, PRIV_S, PRIV_CAUSE_ILLEGAL, rdcycle a0)

  # Case 12: mcounteren = TM: time readable from S-mode, and it is at least the
  # CLINT's mtime read before (the same clock).
  IF_NO_TIME_SKIP(5f)
  li t0, TM
  csrw mcounteren, t0
  li t0, PRIV_CLINT_MTIME
  ld a3, 0(t0)
  EXPECT_READ(12, PRIV_S, rdtime a4)
  bltu a4, a3, fail
  PRIV_EXPECT_MTRAP(13, PRIV_S, PRIV_CAUSE_ILLEGAL, rdinstret a0)
5:

  # Case 14: scounteren does not matter to S-mode: mcounteren = all, scounteren = 0.
  li t0, CY | TM | IR
  csrw mcounteren, t0
  csrw scounteren, zero
  EXPECT_READ(14, PRIV_S, rdcycle a0; rdinstret a1)

  # Cases 15-16: U-mode with mcounteren = all but scounteren = 0: illegal.
  PRIV_EXPECT_MTRAP(15, PRIV_U, PRIV_CAUSE_ILLEGAL, rdcycle a0)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)
  PRIV_EXPECT_MTRAP(16, PRIV_U, PRIV_CAUSE_ILLEGAL, rdinstret a0)

  # Case 17: scounteren = CY: U-mode reads cycle; instret is still illegal (case 18).
  li t0, CY
  csrw scounteren, t0
  EXPECT_READ(17, PRIV_U, rdcycle a0)
  PRIV_EXPECT_MTRAP(18, PRIV_U, PRIV_CAUSE_ILLEGAL, rdinstret a0)

  # Case 19: scounteren = all but mcounteren.CY = 0: U-mode cycle is illegal (both
  # bits are needed), instret (both set) is fine (case 20).
  li t0, CY | TM | IR
  csrw scounteren, t0
  li t0, TM | IR
  csrw mcounteren, t0
  PRIV_EXPECT_MTRAP(19, PRIV_U, PRIV_CAUSE_ILLEGAL, rdcycle a0)
  EXPECT_READ(20, PRIV_U, rdinstret a0)

  # Cases 21-22: U-mode time: illegal with scounteren.TM = 0, readable with both.
  IF_NO_TIME_SKIP(5f)
  li t0, CY | IR
  csrw scounteren, t0
  PRIV_EXPECT_MTRAP(21, PRIV_U, PRIV_CAUSE_ILLEGAL, rdtime a0)
  li t0, CY | TM | IR
  csrw scounteren, t0
  csrw mcounteren, t0
  EXPECT_READ(22, PRIV_U, rdtime a0)
5:

  # Case 23: with everything enabled, U-mode reads all three.
  li t0, CY | TM | IR
  csrw scounteren, t0
  csrw mcounteren, t0
  EXPECT_READ(23, PRIV_U, rdcycle a0; rdinstret a1)

  # Case 24: enabled counters are still read-only: csrw cycle in S-mode is illegal.
  PRIV_EXPECT_MTRAP(24, PRIV_S, PRIV_CAUSE_ILLEGAL, csrw cycle, zero)

  # Case 25: with illegal instruction delegated, U-mode's forbidden counter read is
  # taken by S-mode (scause 2).
  csrw scounteren, zero
  li t0, 1 << PRIV_CAUSE_ILLEGAL
  csrw medeleg, t0
  PRIV_EXPECT_STRAP(25, PRIV_U, PRIV_CAUSE_ILLEGAL, rdinstret a0)
  csrw medeleg, zero

  # Case 26: the low three bits of mcounteren and scounteren are writable.
test_26:
  li TESTNUM, 26
  li t0, CY | TM | IR
  csrw mcounteren, t0
  csrw scounteren, t0
  csrr a0, mcounteren
  csrr a1, scounteren
  PRIV_CHECK_FIELD(a0, 7, 7)
  PRIV_CHECK_FIELD(a1, 7, 7)
  csrw mcounteren, zero
  csrw scounteren, zero
  csrr a0, mcounteren
  csrr a1, scounteren
  PRIV_CHECK_FIELD(a0, 7, 0)
  PRIV_CHECK_FIELD(a1, 7, 0)

  TEST_PASSFAIL

PRIV_CODE_END

PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
