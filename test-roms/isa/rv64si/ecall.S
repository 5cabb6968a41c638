# ECALL from U- and S-mode, with and without delegation in medeleg (bits 8 and 9):
# undelegated ones trap to M (mcause 8 / 9, MPP = the mode) and leave the S-mode trap
# state (scause, sepc, stval, SPP, SPIE, SIE) alone; delegated ones trap to S (scause,
# sepc, stval = 0, SPP = the mode, SPIE = old SIE, SIE = 0) without any M-level trap.
# ECALL from M is never delegated, whatever medeleg says; medeleg[11] is read-only
# zero (priv spec 3.1.8). QEMU 7.2 lets medeleg[11] be set, so that check (case 11) is
# only in the -DSTRICT_SPEC build.
#include "riscv_test.h"

#define SEPC_SENT  0x0000000080001234
#define STVAL_SENT 0x5a5a5a5a5a5a5a5a
#define SCAUSE_SENT 13

/* Put sentinels in the S-mode trap state: scause, sepc, stval; SPP = 1, SPIE = 0,
   SIE = 1. */
#define SET_S_SENTINELS                                                 \
  li t0, SCAUSE_SENT; csrw scause, t0;                                  \
  li t0, SEPC_SENT; csrw sepc, t0;                                      \
  li t0, STVAL_SENT; csrw stval, t0;                                    \
  li t0, PRIV_MSTATUS_SPIE; csrc sstatus, t0;                           \
  li t0, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SIE; csrs sstatus, t0

/* The S-mode trap state still holds the sentinels. */
#define CHECK_S_SENTINELS                                               \
  csrr a0, scause; PRIV_CHECK_EQ(a0, SCAUSE_SENT)                       \
  csrr a0, sepc; PRIV_CHECK_EQ(a0, SEPC_SENT)                           \
  csrr a0, stval; PRIV_CHECK_EQ(a0, STVAL_SENT)                         \
  csrr a0, sstatus;                                                     \
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SIE)

RVTEST_CODE_BEGIN

  PRIV_INIT

  # Case 2: ecall from U-mode, not delegated: M-mode gets mcause 8, mepc = the ecall,
  # mtval = 0, MPP = U.
  SET_S_SENTINELS
  PRIV_EXPECT_MTRAP(2, PRIV_U, PRIV_CAUSE_UCALL, ecall)
  PRIV_CHECK_EQ(s4, 0)
  # Case 3: ... and the S-mode trap state is untouched.
  li TESTNUM, 3
  CHECK_S_SENTINELS

  # Case 4: ecall from S-mode, not delegated: mcause 9, MPP = S, mtval = 0.
  SET_S_SENTINELS
  PRIV_EXPECT_MTRAP(4, PRIV_S, PRIV_CAUSE_SCALL, ecall)
  PRIV_CHECK_EQ(s4, 0)
  # Case 5: ... S-mode trap state untouched.
  li TESTNUM, 5
  CHECK_S_SENTINELS
  csrci sstatus, PRIV_MSTATUS_SIE

  # Case 6: ecall from U-mode delegated (medeleg[8]): S-mode gets scause 8, sepc = the
  # ecall, stval = 0, SPP = U; SIE was 1, so SPIE = 1 and SIE = 0.
  li t0, 1 << PRIV_CAUSE_UCALL
  csrw medeleg, t0
  csrsi sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MSTATUS_SPP
  csrs sstatus, t0
  li t0, STVAL_SENT
  csrw stval, t0
  mv a5, s5
  PRIV_EXPECT_STRAP(6, PRIV_U, PRIV_CAUSE_UCALL, ecall)
  PRIV_CHECK_EQ(a6, 0)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, PRIV_MSTATUS_SPIE)
  # Case 7: no M-level trap but the ecall from S that came back (s5 + 1), and M-mode
  # sees the same S fields: SPP = U, SPIE = 1, SIE = 0.
  li TESTNUM, 7
  addi a5, a5, 1
  bne a5, s5, fail
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPP, PRIV_MSTATUS_SPIE)

  # Case 8: the same with SIE = 0 at the ecall: SPIE = 0.
  csrci sstatus, PRIV_MSTATUS_SIE
  li t0, PRIV_MSTATUS_SPIE
  csrs sstatus, t0
  PRIV_EXPECT_STRAP(8, PRIV_U, PRIV_CAUSE_UCALL, ecall)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, 0)

  # Case 9: with only medeleg[8], an ecall from S-mode still goes to M (mcause 9).
  PRIV_EXPECT_MTRAP(9, PRIV_S, PRIV_CAUSE_SCALL, ecall)

  # Case 10: ecall from S-mode delegated (medeleg[9]): taken by S-mode itself (scause
  # 9, sepc = the ecall, SPP = S, SPIE = old SIE = 1). The way back to M is an illegal
  # instruction (not delegated).
test_10:
  li TESTNUM, 10
  li t0, 1 << PRIV_CAUSE_SCALL
  csrw medeleg, t0
  li s10, -1
  li s11, -1
  li a6, -1
  li t0, PRIV_MSTATUS_SPP
  csrc sstatus, t0
  csrsi sstatus, PRIV_MSTATUS_SIE
  la s7, 2f
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  ecall
  j fail
2:
  la s6, 3f
  csrr zero, mscratch           # illegal in S-mode: to M
  j fail
3:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_ILLEGAL)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, PRIV_S << 11)
  PRIV_CHECK_EQ(s10, PRIV_CAUSE_SCALL)
  PRIV_CHECK_LABEL(s11, 1b)
  PRIV_CHECK_EQ(a6, 0)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SIE, PRIV_MSTATUS_SPP | PRIV_MSTATUS_SPIE)

  # Case 11: ecall from M-mode with every medeleg bit written 1: still taken by M
  # (mcause 11, MPP = M), never by S.
  li t0, -1
  csrw medeleg, t0
  mv a5, s1
  PRIV_EXPECT_MTRAP(11, PRIV_M, PRIV_CAUSE_MCALL, ecall)
  PRIV_CHECK_EQ(s4, 0)
  bne a5, s1, fail
#ifdef STRICT_SPEC
  # ... and medeleg[11] reads 0 (QEMU 7.2 keeps it).
  csrr a0, medeleg
  PRIV_CHECK_FIELD(a0, 1 << PRIV_CAUSE_MCALL, 0)
#endif

  # Case 12: a system call round trip, the way an OS does it: U-mode ecall delegated to
  # S; the S handler advances sepc by 4 and srets (SPP = U from the trap); U-mode
  # continues after its ecall, makes a second one (S again), then leaves to M with an
  # illegal instruction. Two S traps, both from U, sepc = each ecall.
test_12:
  li TESTNUM, 12
  li t0, 1 << PRIV_CAUSE_UCALL
  csrw medeleg, t0
  li a0, 0
  li a1, 0
  mv a5, s1
  la s7, u_syscall
  la s6, 3f
  PRIV_MRET_TO(PRIV_U, 1f)
1:
  ecall
  addi a0, a0, 1
2:
  ecall
  addi a0, a0, 1
  csrr zero, sscratch           # illegal in U-mode: to M
  j fail
3:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_ILLEGAL)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, PRIV_U << 11)
  PRIV_CHECK_EQ(a0, 2)
  PRIV_CHECK_EQ(a1, 2)          # the S handler ran twice
  addi a5, a5, 2
  bne a5, s1, fail
  PRIV_CHECK_LABEL(s11, 2b)     # the last S trap was the second ecall
  PRIV_CHECK_EQ(s10, PRIV_CAUSE_UCALL)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPP, 0)
  li s7, 0

  # Case 13: the same from S-mode with medeleg[9]: the handler srets back to S-mode
  # (SPP = S), which continues after its ecall; then an illegal instruction reports
  # MPP = S to M.
test_13:
  li TESTNUM, 13
  li t0, 1 << PRIV_CAUSE_SCALL
  csrw medeleg, t0
  li a0, 0
  li a1, 0
  la s7, u_syscall
  la s6, 3f
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  ecall
  addi a0, a0, 1
  csrr zero, mscratch           # illegal in S-mode: to M
  j fail
3:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_ILLEGAL)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, PRIV_S << 11)
  PRIV_CHECK_EQ(a0, 1)
  PRIV_CHECK_EQ(a1, 1)
  PRIV_CHECK_LABEL(s11, 1b)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPP, PRIV_MSTATUS_SPP)
  li s7, 0

  # Case 14: a chain through all three modes: M -mret-> S -sret-> U -ecall (delegated)->
  # S -ecall (not delegated)-> M. S saw SPP = U, M sees MPP = S.
test_14:
  li TESTNUM, 14
  li t0, 1 << PRIV_CAUSE_UCALL
  csrw medeleg, t0
  li s10, -1
  la s7, 3f
  la s6, 4f
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  PRIV_SRET_TO(PRIV_U, 2f)
2:
  ecall                         # U -> S
  j fail
3:
  ecall                         # S -> M
  j fail
4:
  PRIV_CHECK_EQ(s10, PRIV_CAUSE_UCALL)
  PRIV_CHECK_LABEL(s11, 2b)
  PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPP, 0)
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_SCALL)
  PRIV_CHECK_LABEL(s3, 3b)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, PRIV_S << 11)

  csrw medeleg, zero
  TEST_PASSFAIL

  # S-mode system-call handler for cases 12/13: count in a1, return after the ecall.
u_syscall:
  addi a1, a1, 1
  csrr t0, sepc
  addi t0, t0, 4
  csrw sepc, t0
  la s7, u_syscall
  sret

RVTEST_CODE_END

PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
