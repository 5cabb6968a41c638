# SRET: jumps to sepc (exact), privilege <- SPP, SIE <- SPIE, SPIE <- 1, SPP <- U.
# Legal in S- and M-mode (from M it pops the supervisor stack), illegal in U-mode.
# Build with -DSTRICT_SPEC for the MPRV check (case 12), where QEMU 7.2 deviates.
# No delegation: ecall from S/U, used to prove the mode, traps to M.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  PRIV_INIT

  # Case 2: sret in M-mode with SPP = S enters S-mode at sepc.
test_2:
  li TESTNUM, 2
  li s6, 0
  PRIV_SRET_TO(PRIV_S, 1f)
  j fail
1:
  PRIV_EXPECT_MODE(PRIV_S)

  # Case 3: sret in M-mode with SPP = U enters U-mode.
test_3:
  li TESTNUM, 3
  PRIV_SRET_TO(PRIV_U, 1f)
  j fail
1:
  PRIV_EXPECT_MODE(PRIV_U)

  # Case 4: SIE <- SPIE (1), SPIE <- 1, SPP <- U, seen in S-mode through sstatus.
  # (mideleg = 0: SIE = 1 enables nothing.)
test_4:
  li TESTNUM, 4
  li t0, PRIV_MSTATUS_SPIE
  csrs sstatus, t0
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_SRET_TO(PRIV_S, 1f)
1:
  csrr a0, sstatus
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SPP, PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPIE)
  PRIV_EXPECT_MODE(PRIV_S)

  # Case 5: SPIE = 0, SIE = 1 before sret: SIE = 0 after, SPIE = 1.
test_5:
  li TESTNUM, 5
  li t0, PRIV_MSTATUS_SPIE
  csrc sstatus, t0
  csrsi sstatus, PRIV_MSTATUS_SIE
  PRIV_SRET_TO(PRIV_S, 1f)
1:
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SPP, PRIV_MSTATUS_SPIE)
  PRIV_EXPECT_MODE(PRIV_S)

  # Case 6: sret executed in S-mode with SPP = S stays in S-mode and goes exactly to
  # sepc (not sepc + 4).
test_6:
  li TESTNUM, 6
  li a0, 0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  PRIV_SRET_TO(PRIV_S, 2f)
  j fail
  j fail
2:
  addi a0, a0, 1
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 1)

  # Case 7: sret executed in S-mode with SPP = U enters U-mode.
test_7:
  li TESTNUM, 7
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  PRIV_SRET_TO(PRIV_U, 2f)
  j fail
2:
  PRIV_EXPECT_MODE(PRIV_U)

  # Case 8: sret in S-mode pops SPIE into SIE as well (SPIE = 1 -> SIE = 1), and leaves
  # SPP = U, SPIE = 1.
test_8:
  li TESTNUM, 8
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrci sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MSTATUS_SPIE
  csrs sstatus, t0
  PRIV_SRET_TO(PRIV_S, 2f)
2:
  csrr a0, sstatus
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SPP, PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPIE)
  PRIV_EXPECT_MODE(PRIV_S)

  # Case 9: sret is illegal in U-mode (mcause 2, MPP = U); sstatus is unchanged.
  li t0, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE
  csrs sstatus, t0
  PRIV_EXPECT_MTRAP(9, PRIV_U, PRIV_CAUSE_ILLEGAL, sret)
  PRIV_CHECK_TVAL_INSN32(s4, 8b)
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE)

  # Case 10: sret to an address that is 2 mod 4 (IALIGN = 16 with C).
test_10:
  li TESTNUM, 10
  li a0, 0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  PRIV_SRET_TO(PRIV_S, 2f)
  j fail
  .balign 4
  c.nop
2:
  c.addi a0, 3
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 3)
  la t0, 2b
  andi t0, t0, 3
  PRIV_CHECK_EQ(t0, 2)

  # Case 11: SPP is a one-bit field: sstatus.SPP can hold S (1) and U (0).
test_11:
  li TESTNUM, 11
  li t0, PRIV_MSTATUS_SPP
  csrs sstatus, t0
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SPP, PRIV_MSTATUS_SPP)
  csrc sstatus, t0
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SPP, 0)

  # Case 12: an sret that leaves M-mode also clears MPRV (priv spec 1.12, 3.1.6.3).
  # QEMU 7.2 keeps MPRV, so only -DSTRICT_SPEC checks it. (With MPRV = 1, M-mode
  # loads and stores use the privilege in MPP; all memory is open to S and U.)
test_12:
  li TESTNUM, 12
  li t0, PRIV_MSTATUS_MPRV
  csrs mstatus, t0
  PRIV_SRET_TO(PRIV_S, 1f)
1:
  PRIV_EXPECT_MODE(PRIV_S)
  csrr a0, mstatus
  li t0, PRIV_MSTATUS_MPRV
  csrc mstatus, t0
#ifdef STRICT_SPEC
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPRV, 0)
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_MPRV, 0)
#endif

  # Case 13: sret in M-mode pops the supervisor stack only: MIE (1) is left alone, as
  # the ecall from S-mode then shows (MPIE = the MIE that S-mode ran with = 1).
test_13:
  li TESTNUM, 13
  csrsi mstatus, PRIV_MSTATUS_MIE
  li t0, PRIV_MSTATUS_SPIE          # SPIE = 1 so that sret sets SIE, not MIE
  csrs sstatus, t0
  PRIV_SRET_TO(PRIV_S, 1f)
1:
  PRIV_EXPECT_MODE(PRIV_S)
  csrci mstatus, PRIV_MSTATUS_MIE
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPIE | PRIV_MSTATUS_MIE, PRIV_MSTATUS_MPIE)
  csrci sstatus, PRIV_MSTATUS_SIE

  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
