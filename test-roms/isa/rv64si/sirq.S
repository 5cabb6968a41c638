# Supervisor interrupts delegated with mideleg: taken by S-mode (scause = interrupt |
# N, sepc = the next instruction to run, SPP, SPIE = old SIE, SIE = 0) when in S-mode
# with sstatus.SIE = 1, always in U-mode (whatever SIE), never in M-mode; each also
# needs its sie bit. S-mode can raise its own software interrupt through sip.SSIP.
# Interrupts to M come before interrupts to S (decreasing destination privilege).
# stvec in vectored mode sends interrupt N to BASE + 4 * N, exceptions to BASE.
# Among S interrupts the spec's order is SEI > SSI > STI; QEMU 7.2 (no AIA) takes the
# lowest number first (SSI, STI, SEI): the default build accepts either, the
# -DSTRICT_SPEC build requires the spec's (case 10).
#include "riscv_test.h"

#define SSI (PRIV_INTR | PRIV_IRQ_SSI)
#define STI (PRIV_INTR | PRIV_IRQ_STI)
#define SEI (PRIV_INTR | PRIV_IRQ_SEI)
#define MSI (PRIV_INTR | PRIV_IRQ_MSI)
#define S_INTS (PRIV_MIP_SSIP | PRIV_MIP_STIP | PRIV_MIP_SEIP)

#define SPIN(n) li t1, n; 1: addi t1, t1, -1; bnez t1, 1b

RVTEST_CODE_BEGIN

  PRIV_IRQ_INIT
  csrw menvcfg, zero            # Sstc off: mip.STIP is software-writable
  csrci mstatus, PRIV_MSTATUS_MIE
  li t0, S_INTS
  csrw mideleg, t0

  # Case 2: S-mode with SIE = 0: a pending delegated SSI (SSIE = 1) is not taken, and
  # does not go to M either.
test_2:
  li TESTNUM, 2
  PRIV_LOG_CLEAR
  csrci sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrs mip, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  SPIN(1000)
  PRIV_CHECK_LOG_COUNT(0)

  # Case 3: ... until S-mode sets SIE: then S takes it at once (scause = interrupt | 1,
  # sepc = the instruction after the csrsi, SPP = S, SPIE = 1); after the sret SIE is
  # 1 again.
  li TESTNUM, 3
  li s11, -1
  csrsi sstatus, PRIV_MSTATUS_SIE
3:
  csrr a0, sstatus
  csrci sstatus, PRIV_MSTATUS_SIE
  mv a2, s11
  PRIV_EXPECT_MODE(PRIV_S)
  li t0, PRIV_MIP_SSIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SSI + PRIV_SLOG)
  PRIV_CHECK_LABEL(a2, 3b)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE)
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SIE, PRIV_MSTATUS_SIE)

  # Case 4: U-mode with SIE = 0: a delegated STI is taken by S right away (sepc = the
  # first U-mode instruction, SPP = U, SPIE = 0); S returns to U, which goes on.
test_4:
  li TESTNUM, 4
  PRIV_LOG_CLEAR
  csrci sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MIP_STIP
  csrw mie, t0
  csrs mip, t0
  li s11, -1
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  mv a2, s11
  mv a3, a7
  PRIV_EXPECT_MODE(PRIV_U)
  li t0, PRIV_MIP_STIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, STI + PRIV_SLOG)
  PRIV_CHECK_LABEL(a2, 1b)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, 0)

  # Case 5: U-mode with SIE = 1: taken as well, SPIE = 1.
test_5:
  li TESTNUM, 5
  PRIV_LOG_CLEAR
  csrsi sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MIP_SEIP
  csrw mie, t0
  csrs mip, t0
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  mv a3, a7
  PRIV_EXPECT_MODE(PRIV_U)
  li t0, PRIV_MIP_SEIP
  csrc mip, t0
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SEI + PRIV_SLOG)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, PRIV_MSTATUS_SPIE)

  # Case 6: S-mode raises its own software interrupt (csrs sip, SSIP) with SIE = 1:
  # taken right after the csrs.
test_6:
  li TESTNUM, 6
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrw mip, zero
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrsi sstatus, PRIV_MSTATUS_SIE
  li s11, -1
  li t0, PRIV_MIP_SSIP
  csrs sip, t0
3:
  csrci sstatus, PRIV_MSTATUS_SIE
  csrc sip, t0
  mv a2, s11
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SSI + PRIV_SLOG)
  PRIV_CHECK_LABEL(a2, 3b)

  # Case 7: the sie bit still matters: U-mode, SSI pending, SSIE = 0: not taken.
test_7:
  li TESTNUM, 7
  PRIV_LOG_CLEAR
  csrw mie, zero
  li t0, PRIV_MIP_SSIP
  csrs mip, t0
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  SPIN(1000)
  PRIV_EXPECT_MODE(PRIV_U)
  PRIV_CHECK_LOG_COUNT(0)

  # Case 8: M-mode with MIE = 1, SIE = 1, SSIE = 1, SSIP pending: a delegated
  # interrupt is not taken in M-mode; the mret into S-mode then takes it at once
  # (sepc = the mret target).
test_8:
  li TESTNUM, 8
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrsi sstatus, PRIV_MSTATUS_SIE
  csrsi mstatus, PRIV_MSTATUS_MIE
  SPIN(1000)
  csrci mstatus, PRIV_MSTATUS_MIE
  PRIV_CHECK_LOG_COUNT(0)
  li s11, -1
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrci sstatus, PRIV_MSTATUS_SIE
  mv a2, s11
  PRIV_EXPECT_MODE(PRIV_S)
  li t0, PRIV_MIP_SSIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SSI + PRIV_SLOG)
  PRIV_CHECK_LABEL(a2, 1b)

  # Case 9: interrupts to M before interrupts to S: in U-mode with a machine software
  # interrupt (CLINT, not delegated) and a delegated SSI pending, M takes MSI first.
test_9:
  li TESTNUM, 9
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_SSIP | PRIV_MIP_MSIP
  csrw mie, t0
  li t0, PRIV_MIP_SSIP
  csrs mip, t0
  li t0, PRIV_CLINT_MSIP
  li t1, 1
  sw t1, 0(t0)
  li t1, 10000000               # wait until mip shows MSIP
1:
  csrr t0, mip
  andi t0, t0, PRIV_MIP_MSIP
  bnez t0, 2f
  addi t1, t1, -1
  bnez t1, 1b
2:
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  PRIV_EXPECT_MODE(PRIV_U)
  li t0, PRIV_CLINT_MSIP
  sw zero, 0(t0)
  li t0, PRIV_MIP_SSIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(2)
  PRIV_CHECK_LOG(1, MSI)
  PRIV_CHECK_LOG(2, SSI + PRIV_SLOG)

  # Case 10: S interrupts among themselves, in U-mode: SEI, SSI, STI (spec); QEMU 7.2:
  # SSI, STI, SEI.
test_10:
  li TESTNUM, 10
  PRIV_LOG_CLEAR
  li t0, S_INTS
  csrw mie, t0
  csrs mip, t0
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  PRIV_EXPECT_MODE(PRIV_U)
  csrw mip, zero
  PRIV_CHECK_LOG_COUNT(3)
#ifndef STRICT_SPEC
  PRIV_LOG_ENTRY(t0, 1)
  li t1, SSI + PRIV_SLOG
  bne t0, t1, 2f                # not QEMU's order: must be the spec's
  PRIV_CHECK_LOG(2, STI + PRIV_SLOG)
  PRIV_CHECK_LOG(3, SEI + PRIV_SLOG)
  j 3f
2:
#endif
  PRIV_CHECK_LOG(1, SEI + PRIV_SLOG)
  PRIV_CHECK_LOG(2, SSI + PRIV_SLOG)
  PRIV_CHECK_LOG(3, STI + PRIV_SLOG)
3:

  # Case 11: in S-mode (SIE = 1) with a delegated SEI and an undelegated SSI pending,
  # the one to M comes first although SEI outranks SSI.
test_11:
  li TESTNUM, 11
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_SEIP
  csrw mideleg, t0
  li t0, PRIV_MIP_SEIP | PRIV_MIP_SSIP
  csrw mie, t0
  csrs mip, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrsi sstatus, PRIV_MSTATUS_SIE
  nop
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_EXPECT_MODE(PRIV_S)
  csrw mip, zero
  PRIV_CHECK_LOG_COUNT(2)
  PRIV_CHECK_LOG(1, SSI)
  PRIV_CHECK_LOG(2, SEI + PRIV_SLOG)
  li t0, S_INTS
  csrw mideleg, t0

  # Cases 12-14: vectored stvec: delegated SSI -> slot 1, STI -> slot 5, SEI -> 9,
  # taken in U-mode.
  la t0, priv_svec + 1
  csrw stvec, t0
test_12:
  li TESTNUM, 12
  csrr a0, stvec
  PRIV_CHECK_LABEL(a0, priv_svec + 1)
  .irp irq, 1, 5, 9
  PRIV_LOG_CLEAR
  li a5, -1
  li t0, 1 << \irq
  csrw mie, t0
  csrs mip, t0
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  PRIV_EXPECT_MODE(PRIV_U)
  csrw mip, zero
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, PRIV_INTR + \irq + PRIV_SLOG)
  PRIV_CHECK_EQ(a5, \irq)
  addi TESTNUM, TESTNUM, 1
  .endr

  # Case 15: a delegated exception with vectored stvec goes to BASE (slot 0):
  # ecall from U with medeleg[8].
  li t0, 1 << PRIV_CAUSE_UCALL
  csrw medeleg, t0
  li a5, -1
  PRIV_EXPECT_STRAP(15, PRIV_U, PRIV_CAUSE_UCALL, ecall)
  PRIV_CHECK_EQ(a5, 0)
  csrw medeleg, zero

  csrw mie, zero
  csrw mideleg, zero
  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_IRQ_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
