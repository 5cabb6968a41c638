# Sstc: the supervisor timer compare register stimecmp (CSR 0x14d). With
# menvcfg.STCE = 1, mip.STIP is (time >= stimecmp) and no longer writable by software;
# S-mode may access stimecmp only with menvcfg.STCE = 1 and mcounteren.TM = 1 (else
# illegal instruction). S-mode arms the timer and takes the supervisor timer
# interrupt (delegated in mideleg) itself; WFI wakes up for it.
#
# On QEMU 7.2 menvcfg.STCE sticks, but QEMU's spike board has no `time` CSR and then
# makes stimecmp illegal even in M-mode. The default build therefore probes (case 2)
# and skips the test when stimecmp, time or STCE is missing; the -DSTRICT_SPEC build
# (rv64si-sstc_strict, for gasang; QEMU's spike board fails its case 2) and the
# -DPRIV_QEMU_VIRT build (rv64si-sstc_virt, run on QEMU's virt board, which has time
# and Sstc) require them.
#include "riscv_test.h"

#if defined(STRICT_SPEC) || defined(PRIV_QEMU_VIRT)
#define REQUIRE_SSTC 1
#endif

#define STI (PRIV_INTR | PRIV_IRQ_STI)
#define TM 2

/* stimecmp = time + delta (in the current mode). Uses t0, t1. */
#define STIMER_IN(delta)                                                \
  rdtime t0; li t1, delta; add t0, t0, t1; csrw PRIV_CSR_STIMECMP, t0
#define STIMER_OFF li t0, -1; csrw PRIV_CSR_STIMECMP, t0

/* Poll sip until (sip & mask) == val, at most about 10M times; a0 = last sip. */
#define POLL_SIP(mask, val)                                             \
  li t1, 10000000;                                                      \
1: csrr a0, sip;                                                        \
  andi t0, a0, mask;                                                    \
  addi t0, t0, -(val);                                                  \
  beqz t0, 2f;                                                          \
  addi t1, t1, -1;                                                      \
  bnez t1, 1b;                                                          \
2:

RVTEST_CODE_BEGIN

  PRIV_IRQ_INIT
  csrci mstatus, PRIV_MSTATUS_MIE

  # Case 2: probe: time and stimecmp readable in M-mode, menvcfg.STCE sticks.
test_2:
  li TESTNUM, 2
  li s0, 0
  la s6, 1f
  rdtime a0
  csrr a0, PRIV_CSR_STIMECMP
  li s6, 0
  li t0, PRIV_MENVCFG_STCE
  csrs menvcfg, t0
  csrr a0, menvcfg
  bgez a0, 1f                   # STCE is bit 63
  li s0, 1
1:
#ifdef REQUIRE_SSTC
  beqz s0, fail
#else
  beqz s0, skip_all
#endif

  # Case 3: STCE = 1, stimecmp = -1: STIP is 0, and csrs mip cannot set it.
test_3:
  li TESTNUM, 3
  li t0, TM
  csrw mcounteren, t0
  STIMER_OFF
  li t0, PRIV_MIP_STIP
  csrs mip, t0
  csrr a0, mip
  PRIV_CHECK_FIELD(a0, PRIV_MIP_STIP, 0)

  # Case 4: stimecmp = 0 <= time: STIP is 1, and csrc mip cannot clear it.
test_4:
  li TESTNUM, 4
  csrw PRIV_CSR_STIMECMP, zero
  li t1, 10000000
1:
  csrr a0, mip
  andi a0, a0, PRIV_MIP_STIP
  bnez a0, 2f
  addi t1, t1, -1
  bnez t1, 1b
2:
  li t0, PRIV_MIP_STIP
  csrc mip, t0
  csrr a0, mip
  PRIV_CHECK_FIELD(a0, PRIV_MIP_STIP, PRIV_MIP_STIP)

  # Case 5: stimecmp back to -1: STIP clears.
test_5:
  li TESTNUM, 5
  STIMER_OFF
  li t1, 10000000
1:
  csrr a0, mip
  andi a0, a0, PRIV_MIP_STIP
  beqz a0, 2f
  addi t1, t1, -1
  bnez t1, 1b
2:
  PRIV_CHECK_FIELD(a0, PRIV_MIP_STIP, 0)

  # Case 6: STCE = 1 but mcounteren.TM = 0: stimecmp is illegal in S-mode.
  csrw mcounteren, zero
  PRIV_EXPECT_MTRAP(6, PRIV_S, PRIV_CAUSE_ILLEGAL, csrr a0, PRIV_CSR_STIMECMP)

  # Case 7: TM = 1 but STCE = 0: illegal in S-mode too ...
  li t0, TM
  csrw mcounteren, t0
  li t0, PRIV_MENVCFG_STCE
  csrc menvcfg, t0
  PRIV_EXPECT_MTRAP(7, PRIV_S, PRIV_CAUSE_ILLEGAL, csrw PRIV_CSR_STIMECMP, zero)

  # Case 8: ... and with STCE = 0 mip.STIP is software-writable again.
test_8:
  li TESTNUM, 8
  li t0, PRIV_MIP_STIP
  csrs mip, t0
  csrr a0, mip
  csrc mip, t0
  csrr a1, mip
  PRIV_CHECK_FIELD(a0, PRIV_MIP_STIP, PRIV_MIP_STIP)
  PRIV_CHECK_FIELD(a1, PRIV_MIP_STIP, 0)

  # Case 9: STCE = 1, TM = 1: S-mode reads back what it writes to stimecmp.
  li t0, PRIV_MENVCFG_STCE
  csrs menvcfg, t0
test_9:
  li TESTNUM, 9
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, 0x123456789abc
  csrw PRIV_CSR_STIMECMP, t0
  csrr a0, PRIV_CSR_STIMECMP
  STIMER_OFF
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 0x123456789abc)

  # Case 10: S-mode arms stimecmp = time + 1000 with STI delegated, STIE and SIE
  # set, and waits: S takes the supervisor timer interrupt (scause = interrupt | 5,
  # SPP = S). Then stimecmp = -1 clears sip.STIP.
test_10:
  li TESTNUM, 10
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_STIP
  csrw mideleg, t0
  csrw mie, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  STIMER_IN(1000)
  csrsi sstatus, PRIV_MSTATUS_SIE
  PRIV_WAIT_LOG(1)
  csrci sstatus, PRIV_MSTATUS_SIE
  mv a3, a7
  STIMER_OFF
  POLL_SIP(PRIV_MIP_STIP, 0)
  mv a2, a0
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, STI + PRIV_SLOG)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE)
  PRIV_CHECK_FIELD(a2, PRIV_MIP_STIP, 0)

  # Case 11: WFI in S-mode (TW = 0) with SIE = 0 wakes up when the S timer fires,
  # without a trap; STIP is then pending; setting SIE takes it at once.
test_11:
  li TESTNUM, 11
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_STIP
  csrw mie, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrci sstatus, PRIV_MSTATUS_SIE
  STIMER_IN(1000)
  wfi
  POLL_SIP(PRIV_MIP_STIP, PRIV_MIP_STIP)
  mv a2, a0
  PRIV_LOG_COUNT(a3)
  li s11, -1
  csrsi sstatus, PRIV_MSTATUS_SIE
3:
  csrci sstatus, PRIV_MSTATUS_SIE
  STIMER_OFF
  mv a4, s11
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_FIELD(a2, PRIV_MIP_STIP, PRIV_MIP_STIP)
  PRIV_CHECK_EQ(a3, 0)
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, STI + PRIV_SLOG)
  PRIV_CHECK_LABEL(a4, 3b)

  # Case 12: the S timer (armed by M-mode) fires while in U-mode: taken by S with
  # SPP = U.
test_12:
  li TESTNUM, 12
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_STIP
  csrw mie, t0
  STIMER_IN(1000)
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  PRIV_WAIT_LOG(1)
  mv a3, a7
  PRIV_EXPECT_MODE(PRIV_U)
  STIMER_OFF
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, STI + PRIV_SLOG)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_SPP, 0)

  # Case 13: not delegated (mideleg = 0), the Sstc timer interrupt goes to M, also
  # from S-mode.
test_13:
  li TESTNUM, 13
  PRIV_LOG_CLEAR
  csrw mideleg, zero
  li t0, PRIV_MIP_STIP
  csrw mie, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  STIMER_IN(1000)
  PRIV_WAIT_LOG(1)
  mv a3, s8
  PRIV_EXPECT_MODE(PRIV_S)
  STIMER_OFF
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, STI)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_MPP, PRIV_S << 11)

  csrw mie, zero
  li t0, PRIV_MENVCFG_STCE
  csrc menvcfg, t0
skip_all:
  TEST_PASSFAIL

PRIV_CODE_END

PRIV_IRQ_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
