# Switching between address spaces that map the same virtual code to different
# physical pages (issue 10: translations must be keyed so that they are never reused
# under another translation context). Two Sv39 trees map CODE_VA to code_a or code_b
# (the same instructions with a different immediate, a small loop) and DATA_VA to
# data_a or data_b; S-mode calls CODE_VA in a hot loop (ITERS calls), switching the
# translation before every call, and checks each result: code_a returns
# 8 * 1 + 0x100, code_b 8 * 2 + 0x200.
#
#   case 2: satp alternates between the two trees (ASID 0), sfence.vma after each
#           write;
#   case 3: the trees carry ASIDs 1 and 2 and satp alternates without any
#           sfence.vma (priv spec 4.2.1: both ASIDs' tables were fenced once after
#           they were written); skipped if satp keeps fewer than 2 ASID bits;
#   case 4: one tree, satp unchanged: the leaf PTEs of CODE_VA and DATA_VA are
#           rewritten to the other pages before every call, sfence.vma with the
#           address;
#   case 5: satp alternates between the Sv39 tree of code_a and an Sv48 tree that
#           maps CODE_VA to code_b, sfence.vma after each write.
#   case 6-9: the running sums of cases 2-5 (ITERS / 2 calls of each);
#   case 10-11: code that crosses a page boundary: CODE2_VA's first page maps the
#           same physical page x_common in both trees, its second page x2a or x2b;
#           the called loop starts 12 bytes before the boundary and branches back
#           across it (x2a adds 3 + 1 per round, x2b 3 + 2; 4 rounds). Case 10
#           switches satp (sfence.vma), case 11 rewrites only the second page's PTE
#           (sfence.vma for that page): code compiled for the first page must not
#           carry a stale second page along.
#include "riscv_test.h"
#include "v/vm_test.h"

#define CODE_VA 0x40000000
#define DATA_VA 0x40001000
#define ITERS 2000
#define RES_A (8 * 1 + 0x100)
#define RES_B (8 * 2 + 0x200)
#define SUM ((ITERS / 2) * (RES_A + RES_B))
#define CODE2_VA 0x40200000       /* x_common, then x2a / x2b */
#define ENTRY2 (CODE2_VA + 4096 - 12)
#define RES2_A (4 * (3 + 1))
#define RES2_B (4 * (3 + 2))

/* reg = satp for `levels` and the root in s10, with ASID `asid`. Uses t6. */
#define SATP_ASID(reg, levels, asid)                                    \
        VM_SATP_VALUE(reg, levels)                                      \
        li t6, asid;                                                    \
        slli t6, t6, 44;                                                \
        or reg, reg, t6;

/* A tree with `levels` levels mapping CODE_VA and DATA_VA to `code` and `data`,
 * and CODE2_VA to x_common and `x2`; its satp (ASID `asid`) goes to `var`. */
#define TREE(levels, code, data, x2, asid, var)                         \
        VM_NEW_TABLES(levels)                                           \
        VM_MAP_LABEL(CODE_VA, code, VM_LEVEL_4K, VM_LEAF(VM_PTE_R | VM_PTE_X)) \
        VM_MAP_LABEL(DATA_VA, data, VM_LEVEL_4K, VM_LEAF(VM_PTE_R))     \
        VM_MAP_LABEL(CODE2_VA, x_common, VM_LEVEL_4K, VM_LEAF(VM_PTE_R | VM_PTE_X)) \
        VM_MAP_LABEL(CODE2_VA + 4096, x2, VM_LEVEL_4K, VM_LEAF(VM_PTE_R | VM_PTE_X)) \
        SATP_ASID(t0, levels, asid)                                     \
        la t1, var;                                                     \
        sd t0, 0(t1);

/* Leaf PTE value for `label` with R and `perm`. */
#define LEAF_OF(reg, label, perm)                                       \
        la reg, label;                                                  \
        srli reg, reg, 12;                                              \
        slli reg, reg, 10;                                              \
        ori reg, reg, VM_LEAF(VM_PTE_R | (perm));

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  TREE(3, code_a, data_a, x2a, 0, satp_a)
  TREE(3, code_b, data_b, x2b, 0, satp_b)
  TREE(3, code_a, data_a, x2a, 1, satp_a1)
  TREE(3, code_b, data_b, x2b, 2, satp_b2)
  TREE(4, code_b, data_b, x2b, 0, satp_b48)
  /* The tree whose leaves cases 4 and 11 rewrite: */
  TREE(3, code_a, data_a, x2a, 0, satp_r)
  li a0, CODE_VA
  call pte_addr
  la t0, pte_code
  sd a0, 0(t0)
  li a0, DATA_VA
  call pte_addr
  la t0, pte_data
  sd a0, 0(t0)
  li a0, CODE2_VA + 4096
  call pte_addr
  la t0, pte_x2
  sd a0, 0(t0)
  sfence.vma

  # Case 2: satp a / b (ASID 0), sfence.vma each time.
  la t0, satp_a
  ld s0, 0(t0)
  la t0, satp_b
  ld s1, 0(t0)
  li a3, 1                        /* fence after each switch */
  VM_TEST_OK(2, VM_MPP_S, call switch_loop)
  la t0, sums
  sd a4, 0(t0)

  # Case 3: ASIDs 1 and 2, no sfence.vma.
  la t0, satp_a1
  ld s0, 0(t0)
  la t0, satp_b2
  ld s1, 0(t0)
  csrw satp, s0
  csrr t0, satp
  bne t0, s0, 1f                  /* fewer ASID bits: skip (sum check too) */
  csrw satp, s1
  csrr t0, satp
  bne t0, s1, 1f
  csrw satp, zero
  li a3, 0
  VM_TEST_OK(3, VM_MPP_S, call switch_loop)
  j 2f
1:
  csrw satp, zero
  sfence.vma
  li a4, SUM
2:
  la t0, sums
  sd a4, 8(t0)

  # Case 4: one tree, the PTEs rewritten before each call.
  la t0, satp_r
  ld t0, 0(t0)
  csrw satp, t0
  sfence.vma
  VM_TEST_OK(4, VM_MPP_S, call remap_loop)
  la t0, sums
  sd a4, 16(t0)

  # Case 5: Sv39 (code_a) / Sv48 (code_b).
  la t0, satp_a
  ld s0, 0(t0)
  la t0, satp_b48
  ld s1, 0(t0)
  li a3, 1
  VM_TEST_OK(5, VM_MPP_S, call switch_loop)
  la t0, sums
  sd a4, 24(t0)

  # Case 10: cross-page code, satp a / b.
  la t0, satp_a
  ld s0, 0(t0)
  la t0, satp_b
  ld s1, 0(t0)
  VM_TEST_OK(10, VM_MPP_S, call cross_switch_loop)

  # Case 11: cross-page code, only the second page's PTE rewritten.
  la t0, satp_r
  ld t0, 0(t0)
  csrw satp, t0
  sfence.vma
  VM_TEST_OK(11, VM_MPP_S, call cross_remap_loop)

  # Case 6-9: the sums.
  la t1, sums
  li TESTNUM, 6
  ld t0, 0(t1)
  VM_CHECK_EQ(t0, SUM)
  li TESTNUM, 7
  ld t0, 8(t1)
  VM_CHECK_EQ(t0, SUM)
  li TESTNUM, 8
  ld t0, 16(t1)
  VM_CHECK_EQ(t0, SUM)
  li TESTNUM, 9
  ld t0, 24(t1)
  VM_CHECK_EQ(t0, SUM)

  TEST_PASSFAIL

/* S-mode: ITERS calls of CODE_VA, satp = s0 before even and s1 before odd calls,
 * sfence.vma after each write if a3 != 0. Fails on a wrong result; a4 = the sum.
 * Uses t0-t5, a0, a4, ra (saved in a2). */
  .align 2
switch_loop:
  mv a2, ra
  li t3, 0
  li t4, ITERS
  li a4, 0
1:
  andi t5, t3, 1
  bnez t5, 2f
  csrw satp, s0
  li t2, RES_A
  j 3f
2:
  csrw satp, s1
  li t2, RES_B
3:
  beqz a3, 4f
  sfence.vma
4:
  li t1, CODE_VA
  jalr t1
  bne a0, t2, fail
  add a4, a4, a0
  addi t3, t3, 1
  bne t3, t4, 1b
  mv ra, a2
  ret

/* S-mode: ITERS calls of CODE_VA, its and DATA_VA's leaf PTEs pointing at the a
 * pages before even and at the b pages before odd calls (sfence.vma per address).
 * Fails on a wrong result; a4 = the sum. Uses t0-t5, a0-a2, a4, ra (saved in a2). */
  .align 2
remap_loop:
  mv a2, ra
  li t3, 0
  li t4, ITERS
  li a4, 0
  la t0, pte_code
  ld s0, 0(t0)
  la t0, pte_data
  ld s1, 0(t0)
1:
  andi t5, t3, 1
  bnez t5, 2f
  LEAF_OF(t0, code_a, VM_PTE_X)
  LEAF_OF(t1, data_a, 0)
  li t2, RES_A
  j 3f
2:
  LEAF_OF(t0, code_b, VM_PTE_X)
  LEAF_OF(t1, data_b, 0)
  li t2, RES_B
3:
  sd t0, 0(s0)
  sd t1, 0(s1)
  li t0, CODE_VA
  sfence.vma t0, zero
  li t0, DATA_VA
  sfence.vma t0, zero
  li t1, CODE_VA
  jalr t1
  bne a0, t2, fail
  add a4, a4, a0
  addi t3, t3, 1
  bne t3, t4, 1b
  mv ra, a2
  ret

/* S-mode: ITERS calls of ENTRY2 (t0 = 4 rounds), satp = s0 before even and s1
 * before odd calls, sfence.vma. Fails on a wrong result. Uses t0-t5, a0, ra. */
  .align 2
cross_switch_loop:
  mv a2, ra
  li t3, 0
  li t4, ITERS
1:
  andi t5, t3, 1
  bnez t5, 2f
  csrw satp, s0
  li t2, RES2_A
  j 3f
2:
  csrw satp, s1
  li t2, RES2_B
3:
  sfence.vma
  li t0, 4
  li t1, ENTRY2
  jalr t1
  bne a0, t2, fail
  addi t3, t3, 1
  bne t3, t4, 1b
  mv ra, a2
  ret

/* S-mode: ITERS calls of ENTRY2, the second page's leaf PTE pointing at x2a before
 * even and at x2b before odd calls (sfence.vma for that page). Uses t0-t5, a0-a2,
 * s0, ra. */
  .align 2
cross_remap_loop:
  mv a2, ra
  li t3, 0
  li t4, ITERS
  la t0, pte_x2
  ld s0, 0(t0)
1:
  andi t5, t3, 1
  bnez t5, 2f
  LEAF_OF(t0, x2a, VM_PTE_X)
  li t2, RES2_A
  j 3f
2:
  LEAF_OF(t0, x2b, VM_PTE_X)
  li t2, RES2_B
3:
  sd t0, 0(s0)
  li t0, CODE2_VA + 4096
  sfence.vma t0, zero
  li t0, 4
  li t1, ENTRY2
  jalr t1
  bne a0, t2, fail
  addi t3, t3, 1
  bne t3, t4, 1b
  mv ra, a2
  ret

/* a0 = address of the leaf PTE of VA a0 (4 KiB leaf, 3 levels) under the root s10.
 * Uses t0, t1, t6. */
  .align 2
pte_addr:
  mv t1, s10
  li t0, 2
1:
  slli t6, t0, 3
  add t6, t6, t0
  addi t6, t6, 12
  srl t6, a0, t6
  andi t6, t6, 511
  slli t6, t6, 3
  add t6, t6, t1
  beqz t0, 2f
  ld t1, 0(t6)
  srli t1, t1, 10
  slli t1, t1, 12
  addi t0, t0, -1
  j 1b
2:
  mv a0, t6
  ret

/* The two code pages: the same instructions, a different immediate. */
  .option push
  .option norvc
  .balign 4096
code_a:
  li a0, 0
  li t0, 8
1:
  addi a0, a0, 1
  addi t0, t0, -1
  bnez t0, 1b
  li t0, DATA_VA
  ld t0, 0(t0)
  add a0, a0, t0
  ret

  .balign 4096
code_b:
  li a0, 0
  li t0, 8
1:
  addi a0, a0, 2
  addi t0, t0, -1
  bnez t0, 1b
  li t0, DATA_VA
  ld t0, 0(t0)
  add a0, a0, t0
  ret

/* Code across a page boundary: the loop starts in x_common (mapped at CODE2_VA in
 * both trees) and goes on in x2a or x2b (at CODE2_VA + 4096), whose branches jump
 * back by virtual distance. t0 = rounds; a0 = rounds * (3 + 1 or 2). */
  .balign 4096
x_common:
  .skip 4096 - 12
  li a0, 0                        /* ENTRY2 */
  addi a0, a0, 3                  /* ENTRY2 + 4: the loop */
  addi t0, t0, -1
x2a:                              /* the next page */
  addi a0, a0, 1
  bnez t0, . - 12
  ret
  .balign 4096
x2b:
  addi a0, a0, 2
  bnez t0, . - 12
  ret
  .option pop

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .align 3
satp_a:   .dword 0
satp_b:   .dword 0
satp_a1:  .dword 0
satp_b2:  .dword 0
satp_b48: .dword 0
satp_r:   .dword 0
pte_code: .dword 0
pte_data: .dword 0
pte_x2:   .dword 0
sums:     .dword 0, 0, 0, 0
  .balign 4096
data_a: .dword 0x100
  .balign 4096
data_b: .dword 0x200
RVTEST_DATA_END
