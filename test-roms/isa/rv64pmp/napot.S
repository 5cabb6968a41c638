# PMP NAPOT entries (priv spec 3.7.1): pmpaddr = (base >> 2) | (size / 8 - 1), from
# the smallest (8 bytes, no trailing ones) up; R/W/X checked for S- and U-mode loads,
# stores and fetches; an access outside every entry fails for S/U (entries exist);
# pmpaddr and pmpcfg read back as written (granularity 4 bytes, so G = 0). See pmp.h.
#include "pmp.h"

RVTEST_CODE_BEGIN

  PMP_INIT
  # Test data at TA (written by M-mode, which PMP does not restrict here).
  li a1, TA
  li t0, 0x1111111111111111
  sd t0, 0(a1)
  li t0, 0x2222222222222222
  sd t0, 0x18(a1)
  li t2, 0xff8
  add t2, t2, a1
  li t0, 0x3333333333333333
  sd t0, 0(t2)
  # A function at TA + 0x10100 (copied from pmp_fn), for the fetch cases.
  li a2, TA + 0x10100
  la t1, pmp_fn
  ld t0, 0(t1)
  sd t0, 0(a2)
  fence.i

  /* ---- 4 KiB at TA, R only ---- */
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(TA, 0x1000))
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_R)
  PMP_SYNC

  # Case 2: pmpaddr0 and pmpcfg0's byte 0 read back as written.
  TEST_CASE(2, a0, VM_PMP_NAPOT_ADDR(TA, 0x1000), csrr a0, pmpaddr0)
  PMP_READ_CFG(0)
  VM_CHECK_EQ(t1, VM_PMP_NAPOT | VM_PMP_R)

  # Case 3-4: S-mode loads at the first and the last doubleword work.
  PMP_TEST_OK(3, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, 0x1111111111111111)
  li a3, TA + 0xff8
  PMP_TEST_OK(4, VM_MPP_S, ld a0, 0(a3))
  VM_CHECK_EQ(a0, 0x3333333333333333)

  # Case 5: the doubleword just past the region matches no entry: load access fault.
  PMP_TEST_FAULT(5, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA + 0x1000, ld a0, 8(a3))

  # Case 6: store (no W): store access fault.
  PMP_TEST_FAULT(6, VM_MPP_S, VM_CAUSE_STORE_ACCESS, TA + 0x10, sd a0, 0x10(a1))

  # Case 7: fetch (no X): instruction access fault, mepc = mtval = the target.
  addi a3, a1, 0x20
  VM_TEST_FETCH_TRAP(7, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a3)

  # Case 8-9: U-mode: the same rules (load works, store faults).
  PMP_TEST_OK(8, VM_MPP_U, ld a0, 0(a1))
  VM_CHECK_EQ(a0, 0x1111111111111111)
  PMP_TEST_FAULT(9, VM_MPP_U, VM_CAUSE_STORE_ACCESS, TA + 8, sw a0, 8(a1))

  # Case 10: an AMO needs W: store access fault, memory unchanged.
  PMP_TEST_FAULT(10, VM_MPP_S, VM_CAUSE_STORE_ACCESS, TA, amoadd.d a0, a1, (a1))
  ld t0, 0(a1)
  VM_CHECK_EQ(t0, 0x1111111111111111)

  /* ---- 8 bytes at TA + 0x18 (the smallest NAPOT), RW ---- */
  PMP_ADDR(0, (TA + 0x18) >> 2)
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RW)
  PMP_SYNC

  # Case 11-12: doubleword and upper-word loads inside work.
  PMP_TEST_OK(11, VM_MPP_S, ld a0, 0x18(a1))
  VM_CHECK_EQ(a0, 0x2222222222222222)
  PMP_TEST_OK(12, VM_MPP_S, lw a0, 0x1c(a1))
  VM_CHECK_EQ(a0, 0x22222222)

  # Case 13-14: the doublewords on either side fail.
  PMP_TEST_FAULT(13, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA + 0x20, ld a0, 0x20(a1))
  PMP_TEST_FAULT(14, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA + 0x10, ld a0, 0x10(a1))

  # Case 15: a store inside works.
  li a2, 0x4444444444444444
  PMP_TEST_OK(15, VM_MPP_S, sd a2, 0x18(a1))
  ld t0, 0x18(a1)
  VM_CHECK_EQ(t0, 0x4444444444444444)

  /* ---- 64 KiB at TA + 0x10000, RWX, then RW ---- */
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(TA + 0x10000, 0x10000))
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RWX)
  PMP_SYNC

  # Case 16: S-mode runs the function at TA + 0x10100.
  li a2, TA + 0x10100
  li a0, 0
  PMP_TEST_OK(16, VM_MPP_S, jalr ra, 0(a2))
  VM_CHECK_EQ(a0, 0x42)

  # Case 17: the last doubleword of the region is reachable, the next is not.
  li a3, TA + 0x1fff8
  PMP_TEST_OK(17, VM_MPP_S, sd a3, 0(a3))
  PMP_TEST_FAULT(18, VM_MPP_S, VM_CAUSE_STORE_ACCESS, TA + 0x20000, sd a3, 8(a3))

  # Case 19: without X the fetch is an instruction access fault.
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RW)
  PMP_SYNC
  VM_TEST_FETCH_TRAP(19, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a2)

  /* ---- 1 MiB at TA, R ---- */
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(TA, 0x100000))
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_R)
  PMP_SYNC

  # Case 20: a load near the end of the region works.
  li a3, TA + 0xffff8
  PMP_TEST_OK(20, VM_MPP_S, ld a0, 0(a3))

  # Case 21: entry 0 OFF: nothing matches TA any more.
  PMP_CFG(0, VM_PMP_OFF)
  PMP_SYNC
  PMP_TEST_FAULT(21, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, TA, ld a0, 0(a1))

  TEST_PASSFAIL

  .balign 8
pmp_fn:
  li a0, 0x42
  ret
  nop

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
