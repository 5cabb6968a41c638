# PMP on page-table walks (priv spec 3.7.1, 4.3.2 step 2): the walk's PTE reads are
# implicit S-mode loads checked by PMP; a denied PTE read raises an access fault of the
# original access type (load 5, store 7, fetch 1) with mtval = the virtual address,
# not a page fault. The final access is checked at its physical address, faulting
# with the virtual address in mtval. Walks done for an M-mode access under MPRV
# (MPP = S) are checked as S-mode accesses too, although M-mode itself ignores the
# unlocked entries.
#
# Sv39: the RAM gigabyte identity-mapped (a 1 GiB leaf in the root), VA_D = 0x3000 ->
# pdata (RW) and VA_X = 0x4000 -> xpage (X) through one level-1 and one level-0
# table. PMP entry 0 (NAPOT 4 KiB) is put over one table page or over pdata with the
# permissions a case needs; entry 1 opens everything else (NAPOT, all memory, RWX).
#include "pmp.h"

#define VA_D 0x3000
#define VA_X 0x4000
#define D0 0x0123456789abcdef

/* Entry 0 = NAPOT 4 KiB over the page at `reg` with `perm`; entry 1 = all, RWX. */
#define GUARD_PAGE(reg, perm)                                           \
        srli t0, reg, 12;                                               \
        slli t0, t0, 10;                                                \
        ori t0, t0, 0x1ff;                                              \
        csrw pmpaddr0, t0;                                              \
        li t0, -1;                                                      \
        csrw pmpaddr1, t0;                                              \
        li t0, ((VM_PMP_NAPOT | VM_PMP_RWX) << 8) | VM_PMP_NAPOT | (perm); \
        csrw pmpcfg0, t0;                                               \
        sfence.vma;

RVTEST_CODE_BEGIN

  VM_INIT
  csrw pmpcfg2, zero
  VM_PMP_ALLOW_ALL
  VM_PAGING_ON(3)
  VM_MAP_LABEL(VA_D, pdata, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_X, xpage, 0, VM_LEAF(VM_PTE_X))
  srli s0, a0, 12                 /* s0 = the level-0 table */
  slli s0, s0, 12
  ld t0, 0(s10)                   /* root[0] -> the level-1 table */
  slli s1, t0, 10
  srli s1, s1, 20
  slli s1, s1, 12                 /* s1 = the level-1 table */
  sfence.vma
  li a1, VA_D
  li a2, VA_X

  # Case 2: everything open: load, store and fetch work.
  li a0, 0
  li a3, 0
  VM_TEST_OK(2, VM_MPP_S, ld a3, 0(a1); sd a3, 8(a1); jalr ra, 0(a2))
  VM_CHECK_EQ(a3, D0)
  VM_CHECK_EQ(a0, 0x99)

  /* ---- The level-0 table without R ---- */
  GUARD_PAGE(s0, 0)

  # Case 3-5: load, store and fetch: access faults of their own type, mtval = VA.
  li a0, 0x5a
  VM_TEST_TRAP(3, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, ld a0, 0x10(a1))
  VM_CHECK_TVAL(s4, VA_D + 0x10)
  VM_CHECK_EQ(a0, 0x5a)
  VM_TEST_TRAP(4, VM_MPP_S, VM_CAUSE_STORE_ACCESS, sd a0, 0x18(a1))
  VM_CHECK_TVAL(s4, VA_D + 0x18)
  VM_TEST_FETCH_TRAP(5, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a2)

  # Case 6: U-mode code is not involved here, but the walk is S-mode's all the same:
  # an M-mode load with MPRV = 1, MPP = S walks the tables and faults (load access).
test_6:
  li TESTNUM, 6
  li s2, -1
  la s6, 9f
  li s7, VM_MPP_M
  li t0, VM_MSTATUS_MPP
  csrc mstatus, t0
  li t0, VM_MPP_S | VM_MSTATUS_MPRV
  csrs mstatus, t0
8:ld a0, 0(a1)
  li t0, VM_MSTATUS_MPRV
  csrc mstatus, t0
  j fail
9:VM_CHECK_EQ(s2, VM_CAUSE_LOAD_ACCESS)
  la t0, 8b
  bne s3, t0, fail
  VM_CHECK_TVAL(s4, VA_D)

  # Case 7: M-mode itself (MPRV = 0) reads the table page: the entry is unlocked.
  TEST_CASE(7, a0, VM_PTE_V, ld a0, 0x18(s0); andi a0, a0, VM_PTE_V)

  /* ---- The level-0 table read-only: a walk only reads ---- */
  GUARD_PAGE(s0, VM_PMP_R)

  # Case 8: load, store and fetch all work (A and D are already set).
  li a0, 0
  li a3, 0
  li a4, 0x77
  VM_TEST_OK(8, VM_MPP_S, sd a4, 0x20(a1); ld a3, 0x20(a1); jalr ra, 0(a2))
  VM_CHECK_EQ(a3, 0x77)
  VM_CHECK_EQ(a0, 0x99)

  /* ---- The level-1 table without R ---- */
  GUARD_PAGE(s1, VM_PMP_X)

  # Case 9: a load faults at the level-1 read.
  VM_TEST_TRAP(9, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, lw a0, 4(a1))
  VM_CHECK_TVAL(s4, VA_D + 4)

  # Case 10: so does a fetch.
  VM_TEST_FETCH_TRAP(10, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a2)

  /* ---- The root without R: even the S-mode code cannot be fetched ---- */
  GUARD_PAGE(s10, 0)

  # Case 11: the first S-mode instruction is an instruction access fault: mepc =
  # mtval = its address.
test_11:
  li TESTNUM, 11
  VM_RUN_OFF(VM_MPP_S, 0, nop)
  VM_CHECK_EQ(s2, VM_CAUSE_FETCH_ACCESS)
  la t0, 8b
  bne s3, t0, fail
  bne s4, t0, fail

  /* ---- The final access: pdata without W (tables open) ---- */
  la t1, pdata
  GUARD_PAGE(t1, VM_PMP_R)

  # Case 12: a store through VA_D: store access fault, mtval = the virtual address.
  VM_TEST_TRAP(12, VM_MPP_S, VM_CAUSE_STORE_ACCESS, sh a0, 0x2a(a1))
  VM_CHECK_TVAL(s4, VA_D + 0x2a)

  # Case 13: a load works.
  VM_TEST_OK(13, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)

  # Case 14: pdata execute-only: the load is a load access fault at the virtual
  # address.
  la t1, pdata
  GUARD_PAGE(t1, VM_PMP_X)
  VM_TEST_TRAP(14, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, ld a0, 0x30(a1))
  VM_CHECK_TVAL(s4, VA_D + 0x30)

  # Case 15: a page fault comes before PMP: an invalid leaf whose page PMP denies is
  # a page fault.
  ld t0, 0x18(s0)
  andi t0, t0, -2                 /* V = 0 */
  sd t0, 0x18(s0)
  sfence.vma
  VM_TEST_TRAP(15, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_D)

  TEST_PASSFAIL

  .balign 4096
xpage:
  li a0, 0x99
  ret
  .balign 4096

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 4096
pdata:
  .dword D0
  .balign 4096
RVTEST_DATA_END
