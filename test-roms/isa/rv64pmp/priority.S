# PMP priority and matching (priv spec 3.7.1): the lowest-numbered entry that matches
# any byte of an access decides, whatever the higher entries say; it must match every
# byte, or the access fails irrespective of L, R, W, X and privilege (even in M-mode
# with unlocked entries); so an access straddling two adjacent entries fails although
# both would allow it. With no matching entry, S and U accesses fail and M accesses
# succeed. See pmp.h.
#include "pmp.h"

RVTEST_CODE_BEGIN

  PMP_INIT
  li a1, TA
  # Entry 0: NA4 at TA + 0x200, R. Entry 1: NAPOT 4 KiB at TA, RW.
  PMP_ADDR(0, (TA + 0x200) >> 2)
  PMP_ADDR(1, VM_PMP_NAPOT_ADDR(TA, 0x1000))
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_R)
  PMP_CFG(1, VM_PMP_NAPOT | VM_PMP_RW)
  PMP_SYNC

  # Case 2: a store to the NA4 word: entry 0 decides (R only): fails.
  PMP_TEST_FAULT(2, VM_MPP_S, VM_CAUSE_STORE_ACCESS, TA + 0x200, sw a0, 0x200(a1))

  # Case 3: a load from it works.
  PMP_TEST_OK(3, VM_MPP_S, lw a0, 0x200(a1))

  # Case 4: the next word is entry 1's: a store works.
  PMP_TEST_OK(4, VM_MPP_S, sw a0, 0x204(a1))

  # Case 5: a doubleword load over the NA4 word and the next: entry 0 matches only
  # part of it, so it fails although entry 1 would allow all of it.
  PMP_TEST_FAULT(5, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA + 0x200, ld a0, 0x200(a1))

  # Case 6: U-mode, the same.
  PMP_TEST_FAULT(6, VM_MPP_U, VM_CAUSE_LOAD_ACCESS, TA + 0x200, ld a0, 0x200(a1))

  # Case 7: swapped: entry 0 NAPOT 4 KiB RW, entry 1 NA4 with no permissions: the
  # store works (entry 0 decides).
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(TA, 0x1000))
  PMP_ADDR(1, (TA + 0x200) >> 2)
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RW)
  PMP_CFG(1, VM_PMP_NA4)
  PMP_SYNC
  PMP_TEST_OK(7, VM_MPP_S, sw a0, 0x200(a1); ld a0, 0x200(a1))

  # Adjacent entries, both RW: entry 0 NA4 at TA + 0x300, entry 1 NA4 at TA + 0x304.
  PMP_ADDR(0, (TA + 0x300) >> 2)
  PMP_ADDR(1, (TA + 0x304) >> 2)
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_RW)
  PMP_CFG(1, VM_PMP_NA4 | VM_PMP_RW)
  PMP_SYNC

  # Case 8: each word on its own works.
  PMP_TEST_OK(8, VM_MPP_S, sw a0, 0x300(a1); sw a0, 0x304(a1); lw a2, 0x300(a1))

  # Case 9: a doubleword over both fails (load and store).
  PMP_TEST_FAULT(9, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA + 0x300, ld a0, 0x300(a1))
  PMP_TEST_FAULT(10, VM_MPP_S, VM_CAUSE_STORE_ACCESS, TA + 0x300, sd a0, 0x300(a1))

  # Case 11: also in M-mode: the entries are unlocked, but a partial match fails
  # irrespective of privilege.
test_11:
  li TESTNUM, 11
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
8:ld a0, 0x300(a1)
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_LOAD_ACCESS)
  la t0, 8b
  bne s3, t0, fail
  VM_CHECK_TVAL(s4, TA + 0x300)

  # Case 12: M-mode, words inside each entry: the entries do not apply (unlocked).
  TEST_CASE(12, zero, 0, sw a0, 0x300(a1); lw a2, 0x304(a1))

  # Case 13-15: nothing matches TA + 0x2000: S load, U store and S fetch fail.
  li a2, TA + 0x2000
  PMP_TEST_FAULT(13, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA + 0x2000, ld a0, 0(a2))
  PMP_TEST_FAULT(14, VM_MPP_U, VM_CAUSE_STORE_ACCESS, TA + 0x2008, sd a0, 8(a2))
  VM_TEST_FETCH_TRAP(15, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a2)

  # Case 16: ... but M-mode accesses there succeed.
  TEST_CASE(16, a0, 0x6c6c6c6c6c6c6c6c, li t0, 0x6c6c6c6c6c6c6c6c; sd t0, 0(a2); ld a0, 0(a2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
