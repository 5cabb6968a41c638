# PMP lock bit (priv spec 3.7.1): M-mode ignores entries without L but obeys locked
# ones (mcause 5/7/1, mtval = the address); writes to a locked entry's pmpcfg byte and
# pmpaddr are ignored (the other bytes of the same pmpcfg register still change); a
# locked TOR entry also locks pmpaddr[i-1] (a locked NAPOT entry does not); locked
# entries apply to S-mode as well. Locks last until reset, so this ROM keeps them.
# See pmp.h.
#include "pmp.h"

#define PB (TA + 0x1000)        /* entry 1: NAPOT 4 KiB, R, locked */
#define PC (TA + 0x3000)        /* entry 3: TOR [PC, PC + 0x1000), R + X, locked */

RVTEST_CODE_BEGIN

  PMP_INIT
  li a1, TA
  li a2, PB
  li a3, PC
  li t0, 0x1111
  sd t0, 0(a1)
  li t0, 0x2222
  sd t0, 0(a2)
  li t0, 0x3333
  sd t0, 0(a3)
  # `ret` at PB + 0x100 and PC + 0x100, for the fetch cases.
  li t0, 0x00008067
  sw t0, 0x100(a2)
  sw t0, 0x100(a3)
  fence.i

  /* ---- Entry 0: NAPOT 4 KiB at TA, no permissions, unlocked ---- */
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(TA, 0x1000))
  PMP_CFG(0, VM_PMP_NAPOT)
  PMP_SYNC

  # Case 2: M-mode ignores it: load and store work.
  TEST_CASE(2, a0, 0x1111, li t0, 0x4444; sd t0, 8(a1); ld a0, 0(a1))

  # Case 3: S-mode is refused.
  PMP_TEST_FAULT(3, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA, ld a0, 0(a1))

  /* ---- Entry 1: NAPOT 4 KiB at PB, R, locked ---- */
  PMP_ADDR(1, VM_PMP_NAPOT_ADDR(PB, 0x1000))
  PMP_CFG(1, VM_PMP_NAPOT | VM_PMP_R | VM_PMP_L)
  PMP_SYNC

  # Case 4: M-mode load works.
  TEST_CASE(4, a0, 0x2222, ld a0, 0(a2))

  # Case 5: M-mode store: store access fault, mtval = the address, memory unchanged.
test_5:
  li TESTNUM, 5
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
  li t1, 0x5555
8:sd t1, 8(a2)
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_STORE_ACCESS)
  la t0, 8b
  bne s3, t0, fail
  VM_CHECK_TVAL(s4, PB + 8)
  ld t0, 8(a2)
  bnez t0, fail

  # Case 6: M-mode fetch (no X): instruction access fault at the target.
test_6:
  li TESTNUM, 6
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
  addi a4, a2, 0x100
  jalr ra, 0(a4)
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_FETCH_ACCESS)
  bne s3, a4, fail
  bne s4, a4, fail

  # Case 7: S-mode is held to it too (store fault, load works).
  PMP_TEST_FAULT(7, VM_MPP_S, VM_CAUSE_STORE_ACCESS, PB, sd a0, 0(a2))
  PMP_TEST_OK(8, VM_MPP_S, ld a0, 0(a2))

  # Case 9: writing pmpcfg0 with byte 1 = RWX without L (and byte 0 = NAPOT R) leaves
  # byte 1 unchanged and changes byte 0.
  li t0, ((VM_PMP_NAPOT | VM_PMP_RWX) << 8) | (VM_PMP_NAPOT | VM_PMP_R)
  csrw pmpcfg0, t0
  PMP_SYNC
  PMP_READ_CFG(1)
  TEST_CASE(9, t1, VM_PMP_NAPOT | VM_PMP_R | VM_PMP_L, nop)
  PMP_READ_CFG(0)
  VM_CHECK_EQ(t1, VM_PMP_NAPOT | VM_PMP_R)

  # Case 10: csrc of the whole register does not clear it either.
  li t0, -1
  csrc pmpcfg0, t0
  PMP_SYNC
  PMP_READ_CFG(1)
  TEST_CASE(10, t1, VM_PMP_NAPOT | VM_PMP_R | VM_PMP_L, nop)
  PMP_READ_CFG(0)
  VM_CHECK_EQ(t1, 0)

  # Case 11: pmpaddr1 is locked: a write is ignored.
  PMP_ADDR(1, VM_PMP_NAPOT_ADDR(TA, 0x100000))
  TEST_CASE(11, a0, VM_PMP_NAPOT_ADDR(PB, 0x1000), csrr a0, pmpaddr1)

  # Case 12: the M-mode store still faults after the attempts.
test_12:
  li TESTNUM, 12
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
8:sd t1, 0x10(a2)
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_STORE_ACCESS)
  VM_CHECK_TVAL(s4, PB + 0x10)

  # Case 13: pmpaddr0 (below a locked NAPOT entry) is still writable.
  PMP_ADDR(0, 0x12345678)
  TEST_CASE(13, a0, 0x12345678, csrr a0, pmpaddr0)

  /* ---- Entry 3: TOR [pmpaddr2, pmpaddr3) = [PC, PC + 0x1000), R + X, locked;
   *      entry 2 OFF and unlocked ---- */
  PMP_ADDR(2, PC >> 2)
  PMP_ADDR(3, (PC + 0x1000) >> 2)
  PMP_CFG(3, VM_PMP_TOR | VM_PMP_R | VM_PMP_X | VM_PMP_L)
  PMP_SYNC

  # Case 14: M-mode store in the range: store access fault.
test_14:
  li TESTNUM, 14
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
  li a4, PC + 0xffc
8:sw t1, 0(a4)
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_STORE_ACCESS)
  VM_CHECK_TVAL(s4, PC + 0xffc)

  # Case 15: M-mode fetch in the range (X): runs.
  addi a4, a3, 0x100
  TEST_CASE(15, a0, 7, li a0, 7; jalr ra, 0(a4))

  # Case 16: pmpaddr2 is locked by the locked TOR entry above it.
  PMP_ADDR(2, (PC + 0x800) >> 2)
  TEST_CASE(16, a0, PC >> 2, csrr a0, pmpaddr2)

  # Case 17: pmpaddr3 is locked.
  PMP_ADDR(3, (PC + 0x2000) >> 2)
  TEST_CASE(17, a0, (PC + 0x1000) >> 2, csrr a0, pmpaddr3)

  # Case 18: entry 2's configuration (unlocked) is still writable.
  PMP_CFG(2, VM_PMP_NA4 | VM_PMP_R)
  PMP_READ_CFG(2)
  TEST_CASE(18, t1, VM_PMP_NA4 | VM_PMP_R, nop)
  PMP_CFG(2, VM_PMP_OFF)
  PMP_READ_CFG(2)
  VM_CHECK_EQ(t1, 0)

  # Case 19: the range still starts at PC: a store just below it works in M-mode, one
  # at its start faults.
  TEST_CASE(19, zero, 0, sw t1, -4(a3))
test_20:
  li TESTNUM, 20
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
8:sw t1, 0(a3)
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_STORE_ACCESS)
  VM_CHECK_TVAL(s4, PC)

  # Case 21: an unlocked entry below a locked one still wins: entry 0 NAPOT at PB
  # with RW (unlocked) makes S-mode stores to PB work and M-mode ignore the lock
  # (entry 0 decides, unlocked).
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(PB, 0x1000))
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RW)
  PMP_SYNC
  PMP_TEST_OK(21, VM_MPP_S, sd a0, 0x18(a2))
  TEST_CASE(22, zero, 0, sd a0, 0x20(a2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
