# Priority of simultaneous interrupts taken by M-mode (priv spec 3.1.9): MEI > MSI >
# MTI > SEI > SSI > STI. Several sources are made pending with MIE = 0, then MIE is
# set; the handler disables each interrupt (mie bit) as it takes it and returns,
# so the next one is taken right away: the log shows the order.
# Sources: MSIP (CLINT msip), MTIP (CLINT mtimecmp = 0), SEIP, SSIP, STIP (mip writes
# by M-mode). MEIP cannot be raised by software (no interrupt controller on the
# board), so MEI is not covered. mideleg = 0 throughout.
#
# QEMU 7.2 (without AIA) takes the pending interrupt with the LOWEST NUMBER first
# (SSI 1, MSI 3, STI 5, MTI 7, SEI 9), which is not the spec's order. The default
# build accepts either order (each interrupt still taken exactly once); the
# -DSTRICT_SPEC build (rv64mi-irq_priority_strict) requires the spec's order.
#include "riscv_test.h"

#define SSI (PRIV_INTR | PRIV_IRQ_SSI)
#define MSI (PRIV_INTR | PRIV_IRQ_MSI)
#define STI (PRIV_INTR | PRIV_IRQ_STI)
#define MTI (PRIV_INTR | PRIV_IRQ_MTI)
#define SEI (PRIV_INTR | PRIV_IRQ_SEI)

/* Make the sources in `bits` pending: the S ones through mip, MSIP and MTIP through
   the CLINT; then wait until mip shows them all. Uses t0, t1, a0. */
#define RAISE(bits)                                                     \
  li t0, (bits) & (PRIV_MIP_SSIP | PRIV_MIP_STIP | PRIV_MIP_SEIP);      \
  csrs mip, t0;                                                         \
  .if ((bits) & PRIV_MIP_MSIP);                                         \
  li t0, PRIV_CLINT_MSIP; li t1, 1; sw t1, 0(t0);                       \
  .endif;                                                               \
  .if ((bits) & PRIV_MIP_MTIP);                                         \
  li t0, PRIV_CLINT_MTIMECMP; sd zero, 0(t0);                           \
  .endif;                                                               \
  li t1, 10000000;                                                      \
1: csrr a0, mip;                                                        \
  li t0, bits;                                                          \
  and a0, a0, t0;                                                       \
  beq a0, t0, 2f;                                                       \
  addi t1, t1, -1;                                                      \
  bnez t1, 1b;                                                          \
2:

/* Remove every source. */
#define LOWER_ALL                                                       \
  csrw mip, zero;                                                       \
  li t0, PRIV_CLINT_MSIP; sw zero, 0(t0);                               \
  li t0, PRIV_CLINT_MTIMECMP; li t1, -1; sd t1, 0(t0)

/* Raise `bits`, enable them in mie, set MIE: all are taken. */
#define RUN(testnum, bits)                                              \
  PRIV_CASE(testnum)                                                    \
  PRIV_LOG_CLEAR                                                        \
  csrci mstatus, PRIV_MSTATUS_MIE;                                      \
  RAISE(bits)                                                           \
  li t0, bits; csrw mie, t0;                                            \
  csrsi mstatus, PRIV_MSTATUS_MIE;                                      \
  nop;                                                                  \
  csrci mstatus, PRIV_MSTATUS_MIE;                                      \
  LOWER_ALL

/* The log must match the table `spec` (the spec's order) or, except with
   -DSTRICT_SPEC, the table `alt` (QEMU 7.2's order). Tables: .dword n, causes. */
#define CHECK_ORDER(spec, alt)                                          \
  la a0, spec; la a1, alt; jal check_order

RVTEST_CODE_BEGIN

  PRIV_IRQ_INIT
  csrw menvcfg, zero            # Sstc off: mip.STIP is software-writable
  csrci mstatus, PRIV_MSTATUS_MIE

  # Case 2: all five at once: MSI, MTI, SEI, SSI, STI in that order.
  RUN(2, PRIV_MIP_MSIP | PRIV_MIP_MTIP | PRIV_MIP_SEIP | PRIV_MIP_SSIP | PRIV_MIP_STIP)
  CHECK_ORDER(all5, all5_alt)

  # Cases 3-8: pairs and a triple.
  RUN(3, PRIV_MIP_SSIP | PRIV_MIP_STIP)
  CHECK_ORDER(ssi_sti, ssi_sti_alt)
  RUN(4, PRIV_MIP_SEIP | PRIV_MIP_SSIP)
  CHECK_ORDER(sei_ssi, sei_ssi_alt)
  RUN(5, PRIV_MIP_SEIP | PRIV_MIP_STIP)
  CHECK_ORDER(sei_sti, sei_sti_alt)
  RUN(6, PRIV_MIP_MTIP | PRIV_MIP_SEIP)
  CHECK_ORDER(mti_sei, mti_sei_alt)
  RUN(7, PRIV_MIP_MSIP | PRIV_MIP_MTIP)
  CHECK_ORDER(msi_mti, msi_mti_alt)
  RUN(8, PRIV_MIP_MTIP | PRIV_MIP_STIP | PRIV_MIP_SSIP)
  CHECK_ORDER(mti_ssi_sti, mti_ssi_sti_alt)

  # Case 9: only the enabled ones count: all five pending, mie = SSIE | STIE.
test_9:
  li TESTNUM, 9
  PRIV_LOG_CLEAR
  RAISE(PRIV_MIP_MSIP | PRIV_MIP_MTIP | PRIV_MIP_SEIP | PRIV_MIP_SSIP | PRIV_MIP_STIP)
  li t0, PRIV_MIP_SSIP | PRIV_MIP_STIP
  csrw mie, t0
  csrsi mstatus, PRIV_MSTATUS_MIE
  nop
  csrci mstatus, PRIV_MSTATUS_MIE
  LOWER_ALL
  CHECK_ORDER(ssi_sti, ssi_sti_alt)

  # Case 10: the same order when the interrupts are taken from U-mode (machine
  # interrupts are enabled there regardless of MIE): MSI, SEI, STI.
test_10:
  li TESTNUM, 10
  PRIV_LOG_CLEAR
  RAISE(PRIV_MIP_MSIP | PRIV_MIP_SEIP | PRIV_MIP_STIP)
  li t0, PRIV_MIP_MSIP | PRIV_MIP_SEIP | PRIV_MIP_STIP
  csrw mie, t0
  li t0, PRIV_MSTATUS_MPIE
  csrc mstatus, t0
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  PRIV_EXPECT_MODE(PRIV_U)
  LOWER_ALL
  CHECK_ORDER(msi_sei_sti, msi_sei_sti_alt)

  TEST_PASSFAIL

  # check_order(a0 = spec table, a1 = alternative table): compare the log with the
  # table at a0; on a mismatch (default build only) with the table at a1; fail if
  # neither matches. Uses t0-t4, a2, a3.
check_order:
  mv a2, a0
  jal t4, 1f
  beqz t3, 3f
#ifndef STRICT_SPEC
  mv a2, a1
  jal t4, 1f
  beqz t3, 3f
#endif
  j fail
3:
  ret
1:                              # t3 = 0 if the log equals the table at a2
  li t3, 1
  la t0, priv_irq_log
  ld t1, 0(t0)
  ld t2, 0(a2)
  bne t1, t2, 2f
4:
  beqz t1, 5f
  addi t0, t0, 8
  addi a2, a2, 8
  ld a3, 0(t0)
  ld t2, 0(a2)
  bne a3, t2, 2f
  addi t1, t1, -1
  j 4b
5:
  li t3, 0
2:
  jr t4

RVTEST_CODE_END

PRIV_IRQ_HANDLERS

  .data
RVTEST_DATA_BEGIN
  .align 3
  # Expected logs: count, causes. <name>: the spec's order; <name>_alt: QEMU 7.2's.
all5:            .dword 5, MSI, MTI, SEI, SSI, STI
all5_alt:        .dword 5, SSI, MSI, STI, MTI, SEI
ssi_sti:         .dword 2, SSI, STI
ssi_sti_alt:     .dword 2, SSI, STI
sei_ssi:         .dword 2, SEI, SSI
sei_ssi_alt:     .dword 2, SSI, SEI
sei_sti:         .dword 2, SEI, STI
sei_sti_alt:     .dword 2, STI, SEI
mti_sei:         .dword 2, MTI, SEI
mti_sei_alt:     .dword 2, MTI, SEI
msi_mti:         .dword 2, MSI, MTI
msi_mti_alt:     .dword 2, MSI, MTI
mti_ssi_sti:     .dword 3, MTI, SSI, STI
mti_ssi_sti_alt: .dword 3, SSI, STI, MTI
msi_sei_sti:     .dword 3, MSI, SEI, STI
msi_sei_sti_alt: .dword 3, MSI, STI, SEI
RVTEST_DATA_END
