# sfence.vma after page-table changes (priv spec 4.2.1), Sv39. Each case first uses
# a mapping (so a TLB may hold it), then changes the PTE in memory, runs sfence.vma and
# uses the address again: the new PTE must be in effect and the old mapping gone.
# (What happens before the sfence.vma is not checked: the spec allows either.)
# Cases cover sfence.vma with an address (also one inside a superpage, or not the
# first byte of the page), with an address and an ASID register, with x0/x0 after a
# non-leaf change, global leaves, invalidation, permission changes in both directions,
# instruction fetch (the same virtual page re-pointed to other code), and sfence.vma
# run in M-mode for S-mode's translations.
#include "riscv_test.h"
#include "v/vm_test.h"

#define VA_T  0x3000            /* 4 KiB leaf, re-pointed and re-permissioned */
#define VA_G  0x4000            /* 4 KiB global leaf */
#define VA_C  0x5000            /* 4 KiB code leaf: xpage1 / xpage2 */
#define VA_N  0x40003000        /* under root[1], replaced as a whole subtree */
#define VA_2M 0x200000          /* 2 MiB leaf */
#define PA_2M_B 0x80200000      /* a second 2 MiB RAM region, beyond the image */

#define VALA 0xaaaaaaaaaaaaaaaa
#define VALB 0xbbbbbbbbbbbbbbbb
#define VALC 0xcccccccccccccccc
#define VAL2M 0x2222222222222222

/* t0 = leaf PTE for `label` with bits `bits`. */
#define MKPTE(reg, label, bits)                                         \
        la reg, label;                                                  \
        srli reg, reg, 12;                                              \
        slli reg, reg, 10;                                              \
        ori reg, reg, bits;

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_PAGING_ON(3)
  VM_MAP_LABEL(VA_T, pa_a, 0, VM_LEAF(VM_RW))
  mv s0, a0                       /* s0 = VA_T's leaf PTE */
  VM_MAP_LABEL(VA_G, pa_a, 0, VM_LEAF(VM_RW | VM_PTE_G))
  mv s1, a0                       /* s1 = VA_G's leaf PTE */
  VM_MAP_LABEL(VA_C, xpage1, 0, VM_LEAF(VM_PTE_X))
  la t0, pte_c
  sd a0, 0(t0)
  VM_MAP(VA_2M, 0x80000000, VM_LEVEL_2M, VM_LEAF(VM_RW))
  la t0, pte_2m
  sd a0, 0(t0)
  VM_MAP_LABEL(VA_N, pa_a, 0, VM_LEAF(VM_RW))
  /* A second subtree for root[1] that maps VA_N to pa_c: built under a scratch root. */
  mv a4, s10
  call vm_alloc
  mv s10, a0
  VM_MAP_LABEL(VA_N, pa_c, 0, VM_LEAF(VM_RW))
  ld t0, 8(s10)
  la t1, alt_root1
  sd t0, 0(t1)                    /* the pointer PTE to swap into the real root[1] */
  mv s10, a4
  sfence.vma
  li a1, VA_T

  # Case 2: VA_T reads pa_a.
  VM_TEST_OK(2, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, VALA)

  # Case 3: S-mode re-points VA_T to pa_b, sfence.vma VA_T: reads pa_b.
  MKPTE(a2, pa_b, VM_LEAF(VM_RW))
  VM_TEST_OK(3, VM_MPP_S, ld a3, 0(a1); sd a2, 0(s0); sfence.vma a1, x0; ld a0, 0(a1))
  VM_CHECK_EQ(a3, VALA)
  VM_CHECK_EQ(a0, VALB)

  # Case 4: the old mapping is gone: a store through VA_T changes pa_b, not pa_a.
  li a2, 0x1234
  VM_TEST_OK(4, VM_MPP_S, sd a2, 8(a1))
  la t0, pa_a
  ld t1, 8(t0)
  bnez t1, fail
  la t0, pa_b
  ld t1, 8(t0)
  VM_CHECK_EQ(t1, 0x1234)

  # Case 5: back to pa_a with sfence.vma on an address inside the page (not its first
  # byte): reads pa_a.
  MKPTE(a2, pa_a, VM_LEAF(VM_RW))
  addi a3, a1, 0x567
  VM_TEST_OK(5, VM_MPP_S, ld a0, 0(a1); sd a2, 0(s0); sfence.vma a3, x0; ld a0, 0(a1))
  VM_CHECK_EQ(a0, VALA)

  # Case 6: invalidate the leaf (V = 0), sfence.vma VA_T: the next load is a page
  # fault at that load (mepc), mtval = VA_T.
  MKPTE(a2, pa_a, VM_PTE_AD | VM_RW)
test_6:
  li TESTNUM, 6
  VM_RUN_OFF(VM_MPP_S, 0, ld a0, 0(a1); sd a2, 0(s0); sfence.vma a1, x0; case6_ld: ld a0, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_LOAD_PAGE)
  la t0, case6_ld
  bne s3, t0, fail
  VM_CHECK_TVAL(s4, VA_T)

  # Case 7: valid again but read-only (downgrade), sfence.vma: a store faults.
  MKPTE(a2, pa_a, VM_LEAF(VM_PTE_R))
  li a3, 0
test_7:
  li TESTNUM, 7
  VM_RUN_OFF(VM_MPP_S, 0, sd a2, 0(s0); sfence.vma a1, x0; ld a0, 0(a1); case7_sd: sd a3, 0x10(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_STORE_PAGE)
  la t0, case7_sd
  bne s3, t0, fail
  VM_CHECK_TVAL(s4, VA_T + 0x10)
  VM_CHECK_EQ(a0, VALA)

  # Case 8: upgrade to read-write, sfence.vma with an ASID register (ASID 0, the
  # current one; the leaf is not global): the store works.
  MKPTE(a2, pa_a, VM_LEAF(VM_RW))
  li a3, 0x5678
  li a4, 0
  VM_TEST_OK(8, VM_MPP_S, ld a0, 0(a1); sd a2, 0(s0); sfence.vma a1, a4; sd a3, 0x10(a1))
  la t0, pa_a
  ld t1, 0x10(t0)
  VM_CHECK_EQ(t1, 0x5678)

  # Case 9: a global leaf (G = 1) re-pointed, sfence.vma VA, x0 (all address spaces,
  # global ones included): the new page.
  li a1, VA_G
  MKPTE(a2, pa_c, VM_LEAF(VM_RW | VM_PTE_G))
  VM_TEST_OK(9, VM_MPP_S, ld a3, 0(a1); sd a2, 0(s1); sfence.vma a1, x0; ld a0, 0(a1))
  VM_CHECK_EQ(a3, VALA)
  VM_CHECK_EQ(a0, VALC)

  # Case 10: a global leaf re-pointed, sfence.vma x0, x0.
  MKPTE(a2, pa_b, VM_LEAF(VM_RW | VM_PTE_G))
  VM_TEST_OK(10, VM_MPP_S, ld a3, 0(a1); sd a2, 0(s1); sfence.vma; ld a0, 0(a1))
  VM_CHECK_EQ(a3, VALC)
  VM_CHECK_EQ(a0, VALB)

  # Case 11: a non-leaf change (root[1] swapped for another subtree), sfence.vma x0,
  # x0: VA_N now reads pa_c.
  li a1, VA_N
  la t0, alt_root1
  ld a2, 0(t0)
  VM_TEST_OK(11, VM_MPP_S, ld a3, 0(a1); sd a2, 8(s10); sfence.vma; ld a0, 0(a1))
  VM_CHECK_EQ(a3, VALA)
  VM_CHECK_EQ(a0, VALC)

  # Case 12: a 2 MiB leaf re-pointed to another 2 MiB region, sfence.vma with an
  # address in the middle of the superpage: reads the new region.
  li t0, PA_2M_B
  la t1, pa_a
  li t2, 0x80000000
  sub t1, t1, t2                  /* pa_a's offset in the first region */
  add t0, t0, t1
  li t2, VAL2M
  sd t2, 0(t0)                    /* the same offset in the second region */
  li a1, VA_2M
  add a1, a1, t1                  /* VA_2M + offset */
  li a2, (PA_2M_B >> 12 << 10) | VM_LEAF(VM_RW)
  la t0, pte_2m
  ld a4, 0(t0)
  li a3, VA_2M + 0x12345
  VM_TEST_OK(12, VM_MPP_S, ld a5, 0(a1); sd a2, 0(a4); sfence.vma a3, x0; ld a0, 0(a1))
  VM_CHECK_EQ(a0, VAL2M)

  # Case 13: instruction fetch: VA_C runs xpage1, is re-pointed to xpage2, sfence.vma
  # VA_C: it runs xpage2.
  li a1, VA_C
  la t0, pte_c
  ld a4, 0(t0)
  MKPTE(a2, xpage2, VM_LEAF(VM_PTE_X))
  VM_TEST_OK(13, VM_MPP_S, jalr ra, 0(a1); mv a3, a0; sd a2, 0(a4); sfence.vma a1, x0; jalr ra, 0(a1))
  VM_CHECK_EQ(a3, 1)
  VM_CHECK_EQ(a0, 2)

  # Case 14: M-mode changes the leaf and runs sfence.vma VA_T itself: S-mode sees it.
  li a1, VA_T
  VM_TEST_OK(14, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, VALA)
  MKPTE(t0, pa_c, VM_LEAF(VM_RW))
  sd t0, 0(s0)
  sfence.vma a1, x0
  VM_TEST_OK(15, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, VALC)

  TEST_PASSFAIL

  .balign 4096
xpage1:
  li a0, 1
  ret
  .balign 4096
xpage2:
  li a0, 2
  ret
  .balign 4096

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
pte_c: .dword 0
pte_2m: .dword 0
alt_root1: .dword 0
  .balign 4096
pa_a: .dword VALA
  .balign 4096
pa_b: .dword VALB
  .balign 4096
pa_c: .dword VALC
  .balign 4096
RVTEST_DATA_END
