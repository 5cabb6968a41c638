# Vectored mtvec (MODE = 1): an interrupt with cause N goes to BASE + 4 * N, every
# exception goes to BASE. The table (priv_mvec) has one `j` per slot; slot N sets
# a5 = N. In direct mode (MODE = 0) everything goes to BASE.
# Sources: SSIP / STIP / SEIP written in mip, MSIP and MTIP through the CLINT.
#include "riscv_test.h"

#define SPIN(n) li t1, n; 1: addi t1, t1, -1; bnez t1, 1b

/* Make `bit` pending and enabled (MIE = 1 in M-mode), take it, and expect slot
   `slot` (a5) and mcause = interrupt | `irq`. `raise` / `lower` set / clear the
   source. */
#define VEC_CASE(testnum, irq, raise, lower)                            \
  PRIV_CASE(testnum)                                                    \
  PRIV_LOG_CLEAR                                                        \
  li a5, -1;                                                            \
  csrci mstatus, PRIV_MSTATUS_MIE;                                      \
  li t0, 1 << (irq); csrw mie, t0;                                      \
  raise;                                                                \
  csrsi mstatus, PRIV_MSTATUS_MIE;                                      \
  PRIV_WAIT_LOG(1)                                                      \
  csrci mstatus, PRIV_MSTATUS_MIE;                                      \
  lower;                                                                \
  PRIV_CHECK_LOG_COUNT(1)                                               \
  PRIV_CHECK_LOG(1, PRIV_INTR | (irq))                                  \
  PRIV_CHECK_EQ(a5, irq)

#define MIP_SET(bit) li t0, bit; csrs mip, t0
#define MIP_CLR(bit) li t0, bit; csrc mip, t0
#define MSIP_SET li t0, PRIV_CLINT_MSIP; li t1, 1; sw t1, 0(t0)
#define MSIP_CLR li t0, PRIV_CLINT_MSIP; sw zero, 0(t0)
#define MTIP_SET li t0, PRIV_CLINT_MTIMECMP; sd zero, 0(t0)
#define MTIP_CLR li t0, PRIV_CLINT_MTIMECMP; li t1, -1; sd t1, 0(t0)

RVTEST_CODE_BEGIN

  PRIV_IRQ_INIT
  csrw menvcfg, zero            # Sstc off: mip.STIP is software-writable
  csrci mstatus, PRIV_MSTATUS_MIE

  # Case 2: mtvec takes MODE = 1 and reads back BASE | 1.
test_2:
  li TESTNUM, 2
  la t0, priv_mvec + 1
  csrw mtvec, t0
  csrr a0, mtvec
  PRIV_CHECK_LABEL(a0, priv_mvec + 1)

  # Cases 3-7: each interrupt lands in its slot.
  VEC_CASE(3, PRIV_IRQ_SSI, MIP_SET(PRIV_MIP_SSIP), MIP_CLR(PRIV_MIP_SSIP))
  VEC_CASE(4, PRIV_IRQ_MSI, MSIP_SET, MSIP_CLR)
  VEC_CASE(5, PRIV_IRQ_STI, MIP_SET(PRIV_MIP_STIP), MIP_CLR(PRIV_MIP_STIP))
  VEC_CASE(6, PRIV_IRQ_MTI, MTIP_SET, MTIP_CLR)
  VEC_CASE(7, PRIV_IRQ_SEI, MIP_SET(PRIV_MIP_SEIP), MIP_CLR(PRIV_MIP_SEIP))

  # Case 8: an exception (ecall from M) goes to BASE (slot 0), mcause 11.
test_8:
  li TESTNUM, 8
  li a5, -1
  la s6, 1f
  ecall
  j fail
1:
  PRIV_CHECK_EQ(a5, 0)
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_MCALL)

  # Case 9: an exception from U-mode (illegal instruction, cause 2) goes to BASE too,
  # not to BASE + 8.
  li a5, -1
  PRIV_EXPECT_MTRAP(9, PRIV_U, PRIV_CAUSE_ILLEGAL, csrr a0, mstatus)
  PRIV_CHECK_EQ(a5, 0)

  # Case 10: an interrupt taken from U-mode uses the table as well (MSI -> slot 3).
test_10:
  li TESTNUM, 10
  PRIV_LOG_CLEAR
  li a5, -1
  li t0, PRIV_MIP_MSIP
  csrw mie, t0
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  li t0, PRIV_CLINT_MSIP
  li t1, 1
  sw t1, 0(t0)
  PRIV_WAIT_LOG(1)
  mv a2, a5
  PRIV_EXPECT_MODE(PRIV_U)
  MSIP_CLR
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_LOG(1, PRIV_INTR | PRIV_IRQ_MSI)
  PRIV_CHECK_EQ(a2, PRIV_IRQ_MSI)

  # Case 11: back to direct mode: an interrupt goes to BASE (priv_mirq itself), no
  # slot is entered (a5 stays -1).
test_11:
  li TESTNUM, 11
  la t0, priv_mirq
  csrw mtvec, t0
  csrr a0, mtvec
  PRIV_CHECK_LABEL(a0, priv_mirq)
  PRIV_LOG_CLEAR
  li a5, -1
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrs mip, t0
  csrsi mstatus, PRIV_MSTATUS_MIE
  nop
  csrci mstatus, PRIV_MSTATUS_MIE
  MIP_CLR(PRIV_MIP_SSIP)
  PRIV_CHECK_LOG_COUNT(1)
  PRIV_CHECK_EQ(a5, -1)

  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_IRQ_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
