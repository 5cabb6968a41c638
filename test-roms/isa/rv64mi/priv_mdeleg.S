# medeleg / mideleg are WARL, and traps raised in M-mode are never delegated: with
# every medeleg bit written 1, exceptions in M-mode still go to mtvec with mcause,
# mepc, mtval, and leave scause / sepc / stval alone (priv spec 3.1.8: "Traps never
# transition from a more-privileged mode to a less-privileged mode").
# Which medeleg / mideleg bits are writable is up to the implementation, except that
# medeleg[11] (ecall from M) is read-only zero. This test expects delegation of every
# exception and interrupt S/U-mode can meet (as on QEMU, Spike and gasang). QEMU 7.2
# lets medeleg[11] be set, so that check is only in the -DSTRICT_SPEC build (case 3).
#include "riscv_test.h"

#define HOLE 0x08000000
#define SENT 0x5a5a5a5a5a5a5a5a
/* Exceptions S/U-mode can raise (with paging): fetch/load/store misaligned, access
   and page faults, illegal instruction, breakpoint, ecall from U and S. */
#define DELEGABLE_EXC 0xb3ff
#define DELEGABLE_INT (PRIV_MIP_SSIP | PRIV_MIP_STIP | PRIV_MIP_SEIP)

/* scause / sepc / stval hold the sentinels (no S-level trap happened). */
#define CHECK_S_UNTOUCHED                                               \
  csrr a0, scause; PRIV_CHECK_EQ(a0, 13)                                \
  csrr a0, sepc; PRIV_CHECK_EQ(a0, 0x80001230)                          \
  csrr a0, stval; PRIV_CHECK_EQ(a0, SENT)

RVTEST_CODE_BEGIN

  PRIV_INIT

  # Case 2: medeleg: the delegable exceptions stick when written with all ones ...
test_2:
  li TESTNUM, 2
  li t0, -1
  csrw medeleg, t0
  csrr a0, medeleg
  PRIV_CHECK_FIELD(a0, DELEGABLE_EXC, DELEGABLE_EXC)

  # Case 3: ... but not ecall from M (bit 11), which is read-only zero.
test_3:
  li TESTNUM, 3
#ifdef STRICT_SPEC
  PRIV_CHECK_FIELD(a0, 1 << PRIV_CAUSE_MCALL, 0)
#endif

  # Case 4: writing 0 clears them all; single bits can be set and cleared.
test_4:
  li TESTNUM, 4
  csrw medeleg, zero
  csrr a0, medeleg
  PRIV_CHECK_EQ(a0, 0)
  li t0, 1 << PRIV_CAUSE_UCALL
  csrs medeleg, t0
  csrr a0, medeleg
  PRIV_CHECK_EQ(a0, 1 << PRIV_CAUSE_UCALL)
  li t0, 1 << PRIV_CAUSE_MCALL
  csrs medeleg, t0
  csrr a0, medeleg
#ifdef STRICT_SPEC
  PRIV_CHECK_EQ(a0, 1 << PRIV_CAUSE_UCALL)
#endif
  li t0, 1 << PRIV_CAUSE_UCALL
  csrc medeleg, t0
  csrr a0, medeleg
  PRIV_CHECK_FIELD(a0, 1 << PRIV_CAUSE_UCALL, 0)

  # Case 5: mideleg: the supervisor interrupts (SSI, STI, SEI) stick ...
test_5:
  li TESTNUM, 5
  li t0, -1
  csrw mideleg, t0
  csrr a0, mideleg
  PRIV_CHECK_FIELD(a0, DELEGABLE_INT, DELEGABLE_INT)

  # Case 6: ... and clear again; single bits are independent.
test_6:
  li TESTNUM, 6
  csrw mideleg, zero
  csrr a0, mideleg
  PRIV_CHECK_FIELD(a0, DELEGABLE_INT, 0)
  li t0, PRIV_MIP_STIP
  csrw mideleg, t0
  csrr a0, mideleg
  PRIV_CHECK_FIELD(a0, DELEGABLE_INT, PRIV_MIP_STIP)
  csrw mideleg, zero

  # Cases 7-14: with medeleg = all ones, exceptions in M-mode are taken by M.
  li t0, -1
  csrw medeleg, t0
  li t0, 13
  csrw scause, t0
  li t0, 0x80001230
  csrw sepc, t0
  li t0, SENT
  csrw stval, t0
  li a2, HOLE
  la a3, mis_buf + 4

  # Case 7: illegal instruction.
  PRIV_EXPECT_MTRAP(7, PRIV_M, PRIV_CAUSE_ILLEGAL, .word 0x00007003)
  PRIV_CHECK_TVAL_ZERO_OR(s4, 0x00007003)

  # Case 8: breakpoint.
  PRIV_EXPECT_MTRAP(8, PRIV_M, PRIV_CAUSE_BREAKPOINT, ebreak)

  # Case 9: ecall from M.
  PRIV_EXPECT_MTRAP(9, PRIV_M, PRIV_CAUSE_MCALL, ecall)
  PRIV_CHECK_EQ(s4, 0)

  # Case 10: load access fault.
  PRIV_EXPECT_MTRAP(10, PRIV_M, PRIV_CAUSE_LOAD_ACCESS, ld a0, 8(a2))
  PRIV_CHECK_TVAL_ZERO_OR(s4, HOLE + 8)

  # Case 11: store access fault.
  PRIV_EXPECT_MTRAP(11, PRIV_M, PRIV_CAUSE_STORE_ACCESS, sw a0, 4(a2))
  PRIV_CHECK_TVAL_ZERO_OR(s4, HOLE + 4)

  # Case 12: misaligned LR (4, or 5 which the spec also allows).
  PRIV_EXPECT_MTRAP_EITHER(12, PRIV_M, PRIV_CAUSE_LOAD_MISALIGN, PRIV_CAUSE_LOAD_ACCESS, lr.d a0, (a3))

  # Case 13: instruction access fault (jump to the hole): mepc = the hole.
test_13:
  li TESTNUM, 13
  li s7, 0
  la s6, 1f
  jr a2
  j fail
1:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_FETCH_ACCESS)
  PRIV_CHECK_EQ(s3, HOLE)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, PRIV_MSTATUS_MPP)

  # Case 14: none of this touched the S-mode trap registers, and stvec never ran
  # (s7 = 0 would have failed the case).
  li TESTNUM, 14
  CHECK_S_UNTOUCHED
  PRIV_CHECK_EQ(s1, 0)

  # Case 15: from U-mode the same exception does go to S (the delegation is really
  # on; ecall from S, the way back, is left undelegated), and from M-mode to M.
  li t0, ~(1 << PRIV_CAUSE_SCALL)
  csrw medeleg, t0
  PRIV_EXPECT_STRAP(15, PRIV_U, PRIV_CAUSE_ILLEGAL, .word 0x00007003)
  PRIV_EXPECT_MTRAP(16, PRIV_M, PRIV_CAUSE_ILLEGAL, .word 0x00007003)

  csrw medeleg, zero
  TEST_PASSFAIL

RVTEST_CODE_END

PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
  .align 3
mis_buf:
  .dword 0, 0
RVTEST_DATA_END
