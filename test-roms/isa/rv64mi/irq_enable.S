# Global interrupt enables for interrupts taken by M-mode (mideleg = 0): in M-mode
# an interrupt needs mstatus.MIE = 1 and its mie bit; in S- and U-mode interrupts to
# M are always globally enabled, whatever MIE (but still need their mie bit).
# Interrupts delegated to S (mideleg) are never taken in M-mode. The conditions are
# re-evaluated right after a CSR write or an xRET, so a pending interrupt is taken
# before the next instruction: mepc is that instruction.
# Sources: SSIP / STIP / SEIP written in mip by M-mode, MSIP through the CLINT.
#include "riscv_test.h"

#define SSI_CAUSE (PRIV_INTR | PRIV_IRQ_SSI)
#define STI_CAUSE (PRIV_INTR | PRIV_IRQ_STI)
#define SEI_CAUSE (PRIV_INTR | PRIV_IRQ_SEI)
#define MSI_CAUSE (PRIV_INTR | PRIV_IRQ_MSI)

#define SPIN(n) li t1, n; 1: addi t1, t1, -1; bnez t1, 1b

/* In M-mode with MIE = 0: make `bit` pending (mip) and enabled (mie), spin, nothing
   may be taken; then set MIE: the interrupt is taken at once, by M, with `cause`
   and mepc = the instruction after the csrsi. */
#define M_ENABLE_CASE(testnum, bit, cause)                              \
  PRIV_CASE(testnum)                                                    \
  PRIV_LOG_CLEAR                                                        \
  csrci mstatus, PRIV_MSTATUS_MIE;                                      \
  li t0, bit; csrw mie, t0; csrs mip, t0;                               \
  SPIN(1000);                                                           \
  PRIV_CHECK_LOG_COUNT(0)                                               \
  li s3, -1;                                                            \
  csrsi mstatus, PRIV_MSTATUS_MIE;                                      \
3: csrci mstatus, PRIV_MSTATUS_MIE;                                     \
  li t0, bit; csrc mip, t0;                                             \
  PRIV_CHECK_LOG_COUNT(1)                                               \
  PRIV_CHECK_LOG(1, cause)                                              \
  PRIV_CHECK_LABEL(s3, 3b)                                              \
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE)

RVTEST_CODE_BEGIN

  PRIV_IRQ_INIT
  csrw menvcfg, zero            # Sstc off: mip.STIP is software-writable
  csrci mstatus, PRIV_MSTATUS_MIE

  # Cases 2-4: M-mode, undelegated SSI, STI, SEI: held off by MIE = 0, taken by M
  # as soon as MIE = 1.
  M_ENABLE_CASE(2, PRIV_MIP_SSIP, SSI_CAUSE)
  M_ENABLE_CASE(3, PRIV_MIP_STIP, STI_CAUSE)
  M_ENABLE_CASE(4, PRIV_MIP_SEIP, SEI_CAUSE)

  # Case 5: M-mode, MIE = 1, SSIP pending but SSIE = 0: not taken; setting SSIE takes
  # it at once.
test_5:
  li TESTNUM, 5
  PRIV_LOG_CLEAR
  csrw mie, zero
  li t0, PRIV_MIP_SSIP
  csrs mip, t0
  csrsi mstatus, PRIV_MSTATUS_MIE
  SPIN(1000)
  PRIV_CHECK_LOG_COUNT(0)
  li t0, PRIV_MIP_SSIP
  li s3, -1
  csrs mie, t0
3:
  csrci mstatus, PRIV_MSTATUS_MIE
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SSI_CAUSE)
  PRIV_CHECK_LABEL(s3, 3b)

  # Case 6: S-mode with MIE = 0 (MPIE = 0 at the mret): a pending, enabled,
  # undelegated SSI is taken by M before the first S-mode instruction (mepc = the
  # mret target, MPP = S, MPIE = 0). The handler returns to S-mode, which goes on.
test_6:
  li TESTNUM, 6
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrs mip, t0
  li t0, PRIV_MSTATUS_MPIE
  csrc mstatus, t0
  li s3, -1
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  mv a2, s3
  mv a3, s8
  PRIV_EXPECT_MODE(PRIV_S)
  li t0, PRIV_MIP_SSIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SSI_CAUSE)
  PRIV_CHECK_LABEL(a2, 1b)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE | PRIV_MSTATUS_MIE, PRIV_S << 11)

  # Case 7: the same in U-mode (MPP = U).
test_7:
  li TESTNUM, 7
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_STIP
  csrw mie, t0
  csrs mip, t0
  li t0, PRIV_MSTATUS_MPIE
  csrc mstatus, t0
  li s3, -1
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  mv a2, s3
  mv a3, s8
  PRIV_EXPECT_MODE(PRIV_U)
  li t0, PRIV_MIP_STIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, STI_CAUSE)
  PRIV_CHECK_LABEL(a2, 1b)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPIE | PRIV_MSTATUS_MIE, 0)

  # Case 8: machine software interrupt from the CLINT while in S-mode with MIE = 0 and
  # SIE = 0: taken by M.
test_8:
  li TESTNUM, 8
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_MSIP
  csrw mie, t0
  csrci sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MSTATUS_MPIE
  csrc mstatus, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, PRIV_CLINT_MSIP
  li t1, 1
  sw t1, 0(t0)                  # S-mode may store to the CLINT: PMP allows all
  PRIV_WAIT_LOG(1)
  mv a3, s8
  PRIV_EXPECT_MODE(PRIV_S)
  li t0, PRIV_CLINT_MSIP
  sw zero, 0(t0)
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, MSI_CAUSE)
  PRIV_CHECK_FIELD(a3, PRIV_MSTATUS_MPP, PRIV_S << 11)

  # Case 9: in S-mode, a pending undelegated interrupt whose mie bit is 0 is not taken.
test_9:
  li TESTNUM, 9
  PRIV_LOG_CLEAR
  csrw mie, zero
  li t0, PRIV_MIP_SEIP
  csrs mip, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  SPIN(1000)
  PRIV_EXPECT_MODE(PRIV_S)
  li t0, PRIV_MIP_SEIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(0)

  # Case 10: an mret back into M-mode with MPIE = 1 takes a pending, enabled
  # interrupt right after the mret (mepc = the mret target).
test_10:
  li TESTNUM, 10
  PRIV_LOG_CLEAR
  csrci mstatus, PRIV_MSTATUS_MIE
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrs mip, t0
  li t0, PRIV_MSTATUS_MPIE
  csrs mstatus, t0
  li s3, -1
  PRIV_MRET_TO(PRIV_M, 1f)
1:
  csrci mstatus, PRIV_MSTATUS_MIE
  li t0, PRIV_MIP_SSIP
  csrc mip, t0
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, SSI_CAUSE)
  PRIV_CHECK_LABEL(s3, 1b)

  # Case 11: an interrupt delegated to S (mideleg) is never taken in M-mode, even
  # with MIE = 1 and SIE = 1 and its enable bit set.
test_11:
  li TESTNUM, 11
  PRIV_LOG_CLEAR
  li t0, PRIV_MIP_SSIP | PRIV_MIP_STIP | PRIV_MIP_SEIP
  csrw mideleg, t0
  csrw mie, t0
  csrs mip, t0
  csrsi sstatus, PRIV_MSTATUS_SIE
  csrsi mstatus, PRIV_MSTATUS_MIE
  SPIN(1000)
  csrci mstatus, PRIV_MSTATUS_MIE
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_CHECK_LOG_COUNT(0)
  csrw mip, zero
  csrw mie, zero
  csrw mideleg, zero

  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_IRQ_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
