# mstatus.TVM / TSR / TW trap S-mode operations as illegal instructions (to M, as
# medeleg = 0): TVM=1 makes satp accesses and sfence.vma in S-mode illegal, TSR=1
# makes sret in S-mode illegal, TW=1 makes wfi in S-mode illegal (it cannot complete:
# no interrupt is enabled). None of them affects M-mode. wfi in U-mode is illegal
# whatever TW says (priv spec 3.1.6.6; an implementation whose WFI completes at once
# would be allowed to skip that trap, QEMU and gasang trap).
# A wfi that is expected to complete always has an interrupt pending and enabled in
# mie but globally disabled, so it returns at once without a trap.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  PRIV_INIT
  csrw menvcfg, zero

  # Case 2: TVM = 0: S-mode reads and writes satp (MODE = Bare) and runs sfence.vma.
test_2:
  li TESTNUM, 2
  li t0, PRIV_MSTATUS_TVM | PRIV_MSTATUS_TSR | PRIV_MSTATUS_TW
  csrc mstatus, t0
  li a0, -1
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrr a0, satp
  csrw satp, zero
  sfence.vma
  sfence.vma zero, a0
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 0)

  # Cases 3-6: TVM = 1: csrr satp, csrw satp, sfence.vma (both forms) in S-mode are
  # illegal instructions.
  li t0, PRIV_MSTATUS_TVM
  csrs mstatus, t0
  PRIV_EXPECT_MTRAP(3, PRIV_S, PRIV_CAUSE_ILLEGAL, csrr a0, satp)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)
  PRIV_EXPECT_MTRAP(4, PRIV_S, PRIV_CAUSE_ILLEGAL, csrw satp, zero)
  PRIV_EXPECT_MTRAP(5, PRIV_S, PRIV_CAUSE_ILLEGAL, sfence.vma)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)
  li a1, 1
  PRIV_EXPECT_MTRAP(6, PRIV_S, PRIV_CAUSE_ILLEGAL, sfence.vma a1, zero)

  # Case 7: TVM = 1 does not stop other S-mode CSRs (sscratch, sstatus).
test_7:
  li TESTNUM, 7
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, 0x5a
  csrw sscratch, t0
  csrr a0, sscratch
  csrr a1, sstatus
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 0x5a)

  # Case 8: TVM = 1 does not affect M-mode: satp and sfence.vma work there.
test_8:
  li TESTNUM, 8
  li s6, 0                        # any trap fails
  csrw satp, zero
  csrr a0, satp
  sfence.vma
  PRIV_CHECK_EQ(a0, 0)

  # Case 9: in U-mode, sfence.vma is illegal regardless of TVM (here TVM = 0).
  li t0, PRIV_MSTATUS_TVM
  csrc mstatus, t0
  PRIV_EXPECT_MTRAP(9, PRIV_U, PRIV_CAUSE_ILLEGAL, sfence.vma)

  # Case 10: TSR = 1: sret in S-mode is illegal, and changes nothing (sstatus keeps
  # SPP = U, SPIE = 1; SIE stays 0).
  li t0, PRIV_MSTATUS_TSR
  csrs mstatus, t0
  li t0, PRIV_MSTATUS_SPP
  csrc sstatus, t0
  li t0, PRIV_MSTATUS_SPIE
  csrs sstatus, t0
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_EXPECT_MTRAP(10, PRIV_S, PRIV_CAUSE_ILLEGAL, sret)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, PRIV_MSTATUS_SPIE)

  # Case 11: TSR = 1 does not affect M-mode: sret from M enters S-mode.
test_11:
  li TESTNUM, 11
  PRIV_SRET_TO(PRIV_S, 1f)
  j fail
1:
  PRIV_EXPECT_MODE(PRIV_S)

  # Case 12: TSR = 1 does not affect mret either (M-mode), nor S-mode's other
  # instructions; with TSR = 0 again, sret in S-mode works.
test_12:
  li TESTNUM, 12
  PRIV_MRET_TO(PRIV_M, 1f)
1:
  li t0, PRIV_MSTATUS_TSR
  csrc mstatus, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  PRIV_SRET_TO(PRIV_S, 2f)
  j fail
2:
  PRIV_EXPECT_MODE(PRIV_S)

  # Case 13: TW = 1: wfi in S-mode is illegal (no interrupt enabled: it cannot
  # complete).
  li t0, PRIV_MSTATUS_TW
  csrs mstatus, t0
  csrw mie, zero
  PRIV_EXPECT_MTRAP(13, PRIV_S, PRIV_CAUSE_ILLEGAL, wfi)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)

  # Case 14: TW = 1 does not affect M-mode: wfi with SSIP pending and enabled in mie
  # (MIE = 0) completes without a trap.
test_14:
  li TESTNUM, 14
  li s6, 0                        # any trap fails
  csrci mstatus, PRIV_MSTATUS_MIE
  li t0, PRIV_MIP_SSIP
  csrw mie, t0
  csrs mip, t0
  wfi
  csrw mie, zero
  csrw mip, zero

  # Case 15: TW = 0: wfi in S-mode is allowed; SSIP is delegated, pending and enabled
  # in sie, with sstatus.SIE = 0, so it returns at once without a trap.
test_15:
  li TESTNUM, 15
  li t0, PRIV_MSTATUS_TW
  csrc mstatus, t0
  li t0, PRIV_MIP_SSIP
  csrw mideleg, t0
  csrw mie, t0
  csrs mip, t0
  csrci sstatus, PRIV_MSTATUS_SIE
  li a0, 0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  wfi
  li a0, 1
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 1)
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero

  # Case 16: wfi in U-mode is illegal with TW = 0 ...
  PRIV_EXPECT_MTRAP(16, PRIV_U, PRIV_CAUSE_ILLEGAL, wfi)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)

  # Case 17: ... and with TW = 1.
  li t0, PRIV_MSTATUS_TW
  csrs mstatus, t0
  PRIV_EXPECT_MTRAP(17, PRIV_U, PRIV_CAUSE_ILLEGAL, wfi)
  li t0, PRIV_MSTATUS_TW
  csrc mstatus, t0

  # Case 18: TVM, TSR and TW are plain read/write bits of mstatus (they stick), all
  # hidden from sstatus.
test_18:
  li TESTNUM, 18
  li t0, PRIV_MSTATUS_TVM | PRIV_MSTATUS_TSR | PRIV_MSTATUS_TW
  csrs mstatus, t0
  csrr a0, mstatus
  csrr a1, sstatus
  csrc mstatus, t0
  csrr a2, mstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_TVM | PRIV_MSTATUS_TSR | PRIV_MSTATUS_TW, PRIV_MSTATUS_TVM | PRIV_MSTATUS_TSR | PRIV_MSTATUS_TW)
  PRIV_CHECK_FIELD(a1, PRIV_MSTATUS_TVM | PRIV_MSTATUS_TSR | PRIV_MSTATUS_TW, 0)
  PRIV_CHECK_FIELD(a2, PRIV_MSTATUS_TVM | PRIV_MSTATUS_TSR | PRIV_MSTATUS_TW, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
