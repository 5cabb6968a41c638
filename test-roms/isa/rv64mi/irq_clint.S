# Machine software and timer interrupts from the CLINT (msip at +0, mtimecmp at
# +0x4000, mtime at +0xbff8): mip.MSIP follows msip, mip.MTIP follows
# mtime >= mtimecmp, neither is writable through mip; the interrupts are taken in
# M-mode with MIE = 1 and the enable bit in mie (mcause = interrupt | 3 / 7, mepc = the
# next instruction to run); WFI wakes up for a pending, enabled interrupt even with
# MIE = 0, and then resumes without taking it.
# No exact timing is assumed: waits are bounded loops (about 10M iterations) or WFI.
#include "riscv_test.h"

#define MSI_CAUSE (PRIV_INTR | PRIV_IRQ_MSI)
#define MTI_CAUSE (PRIV_INTR | PRIV_IRQ_MTI)

/* mtimecmp = mtime + delta. Uses t0, t1. */
#define TIMER_IN(delta)                                                 \
  li t0, PRIV_CLINT_MTIME; ld t1, 0(t0); li t0, delta; add t1, t1, t0;  \
  li t0, PRIV_CLINT_MTIMECMP; sd t1, 0(t0)
/* mtimecmp = -1: no timer interrupt. */
#define TIMER_OFF                                                       \
  li t0, PRIV_CLINT_MTIMECMP; li t1, -1; sd t1, 0(t0)
#define MSIP_SET(v)                                                     \
  li t0, PRIV_CLINT_MSIP; li t1, v; sw t1, 0(t0)

/* Poll mip until (mip & mask) == val, at most about 10M times; a0 = last mip. */
#define POLL_MIP(mask, val)                                             \
  li t1, 10000000;                                                      \
1: csrr a0, mip;                                                        \
  andi t0, a0, mask;                                                    \
  addi t0, t0, -(val);                                                  \
  beqz t0, 2f;                                                          \
  addi t1, t1, -1;                                                      \
  bnez t1, 1b;                                                          \
2:

RVTEST_CODE_BEGIN

  PRIV_IRQ_INIT
  csrci mstatus, PRIV_MSTATUS_MIE

  # Case 2: msip = 1 makes mip.MSIP 1; msip = 0 clears it.
test_2:
  li TESTNUM, 2
  MSIP_SET(1)
  POLL_MIP(PRIV_MIP_MSIP, PRIV_MIP_MSIP)
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MSIP, PRIV_MIP_MSIP)
  li t0, PRIV_CLINT_MSIP
  lw a1, 0(t0)
  PRIV_CHECK_EQ(a1, 1)
  MSIP_SET(0)
  POLL_MIP(PRIV_MIP_MSIP, 0)
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MSIP, 0)

  # Case 3: mip.MSIP and mip.MTIP are read-only in mip: csrs does not set them
  # (msip = 0, mtimecmp = -1).
test_3:
  li TESTNUM, 3
  li t0, PRIV_MIP_MSIP | PRIV_MIP_MTIP
  csrs mip, t0
  csrr a0, mip
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MSIP | PRIV_MIP_MTIP, 0)

  # Case 4: MSI with MSIE = 1 and MIE = 1: taken once, right after the csrsi that
  # sets MIE (mcause = interrupt | 3, mepc = the next instruction, MPP = M, MPIE = 1:
  # MIE was 1, MIE = 0 in the handler).
test_4:
  li TESTNUM, 4
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MSIP
  csrw mie, t0
  MSIP_SET(1)
  POLL_MIP(PRIV_MIP_MSIP, PRIV_MIP_MSIP)
  li s3, -1
  csrsi mstatus, PRIV_MSTATUS_MIE
3:
  csrci mstatus, PRIV_MSTATUS_MIE
  MSIP_SET(0)
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, MSI_CAUSE)
  PRIV_CHECK_LABEL(s3, 3b)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE | PRIV_MSTATUS_MIE, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE)

  # Case 5: MSI pending and enabled in mie but MIE = 0: not taken.
test_5:
  li TESTNUM, 5
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MSIP
  csrw mie, t0
  MSIP_SET(1)
  POLL_MIP(PRIV_MIP_MSIP, PRIV_MIP_MSIP)
  li t1, 1000
1:
  addi t1, t1, -1
  bnez t1, 1b
  PRIV_CHECK_LOG_COUNT(0)

  # Case 6: MSI pending, MIE = 1 but MSIE = 0: not taken either.
test_6:
  li TESTNUM, 6
  csrw mie, zero
  csrsi mstatus, PRIV_MSTATUS_MIE
  li t1, 1000
1:
  addi t1, t1, -1
  bnez t1, 1b
  csrci mstatus, PRIV_MSTATUS_MIE
  PRIV_CHECK_LOG_COUNT(0)
  MSIP_SET(0)

  # Case 7: mtimecmp = 0 <= mtime: MTIP is set; mtimecmp = -1: it clears.
test_7:
  li TESTNUM, 7
  li t0, PRIV_CLINT_MTIMECMP
  sd zero, 0(t0)
  POLL_MIP(PRIV_MIP_MTIP, PRIV_MIP_MTIP)
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MTIP, PRIV_MIP_MTIP)
  TIMER_OFF
  POLL_MIP(PRIV_MIP_MTIP, 0)
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MTIP, 0)

  # Case 8: mtime counts up.
test_8:
  li TESTNUM, 8
  li t0, PRIV_CLINT_MTIME
  ld a0, 0(t0)
  li t1, 10000000
1:
  ld a1, 0(t0)
  bne a1, a0, 2f
  addi t1, t1, -1
  bnez t1, 1b
2:
  bgeu a0, a1, fail

  # Case 9: timer interrupt: mtimecmp = mtime + 100 ticks, MTIE = 1, MIE = 1; wait
  # for it in a loop: mcause = interrupt | 7, MPP = M, taken once.
test_9:
  li TESTNUM, 9
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MTIP
  csrw mie, t0
  TIMER_IN(100)
  csrsi mstatus, PRIV_MSTATUS_MIE
  PRIV_WAIT_LOG(1)
  csrci mstatus, PRIV_MSTATUS_MIE
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, MTI_CAUSE)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE)

  # Case 10: MTIP stays pending until mtimecmp is rewritten (the handler only cleared
  # MTIE); a later mtimecmp clears it.
test_10:
  li TESTNUM, 10
  csrr a0, mip
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MTIP, PRIV_MIP_MTIP)
  TIMER_IN(0x7fffffff)
  POLL_MIP(PRIV_MIP_MTIP, 0)
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MTIP, 0)
  TIMER_OFF

  # Case 11: WFI with MIE = 0 and MTIE = 1 wakes up when the timer fires and resumes
  # after the wfi without taking the interrupt; MTIP is then pending. (WFI may also
  # return early: then MTIP is polled for.)
test_11:
  li TESTNUM, 11
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MTIP
  csrw mie, t0
  TIMER_IN(1000)
  wfi
  POLL_MIP(PRIV_MIP_MTIP, PRIV_MIP_MTIP)
  PRIV_CHECK_FIELD(a0, PRIV_MIP_MTIP, PRIV_MIP_MTIP)
  PRIV_CHECK_LOG_COUNT(0)

  # Case 12: setting MIE now takes the pending timer interrupt at once (mepc = the
  # instruction after the csrsi).
test_12:
  li TESTNUM, 12
  li s3, -1
  csrsi mstatus, PRIV_MSTATUS_MIE
3:
  csrci mstatus, PRIV_MSTATUS_MIE
  TIMER_OFF
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, MTI_CAUSE)
  PRIV_CHECK_LABEL(s3, 3b)

  # Case 13: WFI with MIE = 1: the timer interrupt is taken out of the wait; mepc is
  # in the wfi loop (after the wfi when WFI really waits; the wfi itself if the
  # interrupt came just before it, and the handler then returns past the wfi).
test_13:
  li TESTNUM, 13
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MTIP
  csrw mie, t0
  TIMER_IN(1000)
  li t1, 10000000
  csrsi mstatus, PRIV_MSTATUS_MIE
wfi_loop:
  wfi
  la t0, priv_irq_log
  ld t0, 0(t0)
  bnez t0, 1f
  addi t1, t1, -1
  bnez t1, wfi_loop
1:
wfi_loop_end:
  csrci mstatus, PRIV_MSTATUS_MIE
  TIMER_OFF
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, MTI_CAUSE)
  la t0, wfi_loop
  bltu s3, t0, fail
  la t0, wfi_loop_end
  bgtu s3, t0, fail

  # Case 14: WFI wakes for MSI too (MIE = 0): msip is set before the wfi, so it
  # returns at once, without a trap.
test_14:
  li TESTNUM, 14
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MSIP
  csrw mie, t0
  MSIP_SET(1)
  POLL_MIP(PRIV_MIP_MSIP, PRIV_MIP_MSIP)
  wfi
  MSIP_SET(0)
  csrw mie, zero
  PRIV_CHECK_LOG_COUNT(0)

  # Case 15: a timer interrupt while running in U-mode with MIE = 0 is taken by M
  # (machine interrupts are always enabled below M): MPP = U, mcause = interrupt | 7.
test_15:
  li TESTNUM, 15
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MTIP
  csrw mie, t0
  li t0, PRIV_MSTATUS_MPIE
  csrc mstatus, t0
  TIMER_IN(100)
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  PRIV_WAIT_LOG(1)
  mv a2, s8                     # mstatus at the interrupt
  PRIV_EXPECT_MODE(PRIV_U)      # still in U-mode after the interrupt
  TIMER_OFF
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, MTI_CAUSE)
  PRIV_CHECK_FIELD(a2, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_IRQ_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
