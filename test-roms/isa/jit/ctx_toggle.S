# Translation context changes inside hot loops (issue 10: compiled loads and stores
# must follow mstatus.MPRV, SUM and MXR as they change, never a translation made
# under the other setting). Each loop runs ITERS iterations and flips the bit before
# every load, checking each result:
#   case 2: M-mode with MPP = S flips MPRV: the same address reads data_a untranslated
#           and data_b through the page table (which maps data_a's address to
#           data_b's page and nothing else);
#   case 3: S-mode flips sstatus.SUM and loads from a U page: the value with SUM = 1,
#           a load page fault (delegated; the handler skips the load) with SUM = 0;
#   case 4: S-mode flips sstatus.MXR and loads from an execute-only page: the value
#           with MXR = 1, a load page fault with MXR = 0;
#   case 5-7: the sums and fault counts of cases 2-4 (ITERS / 2 each).
#include "riscv_test.h"
#include "v/vm_test.h"

#define ITERS 2000
#define UVA 0x40000000            /* data_u, U = 1 */
#define XVA 0x40001000            /* data_x, X only */
#define VAL_A 0x100
#define VAL_B 0x200
#define VAL_U 0x300
#define VAL_X 0x400

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL

  # Case 2: MPRV in M-mode.
  li s11, 3                       /* a tree with only data_a -> data_b */
  call vm_alloc
  mv s10, a0
  la a0, data_a
  la a1, data_b
  li a2, VM_LEVEL_4K
  li a3, VM_LEAF(VM_PTE_R)
  call vm_map
  VM_SATP_VALUE(t0, 3)
  csrw satp, t0
  sfence.vma
  li t0, VM_MSTATUS_MPP
  csrc mstatus, t0
  li t0, VM_MPP_S
  csrs mstatus, t0
  li TESTNUM, 2
  la a1, data_a
  li t3, 0
  li t4, ITERS
  li a4, 0
  li t5, VM_MSTATUS_MPRV
1:
  andi t0, t3, 1
  beqz t0, 2f
  csrs mstatus, t5
  li t2, VAL_B
  j 3f
2:
  csrc mstatus, t5
  li t2, VAL_A
3:
  ld t0, 0(a1)
  bne t0, t2, mprv_fail
  add a4, a4, t0
  addi t3, t3, 1
  bne t3, t4, 1b
  csrc mstatus, t5
  la t0, sums
  sd a4, 0(t0)

  # Cases 3-4 run in S-mode under a tree with the RAM gigabyte identity-mapped.
  csrw satp, zero
  sfence.vma
  VM_NEW_TABLES(3)
  VM_MAP_LABEL(UVA, data_u, VM_LEVEL_4K, VM_LEAF(VM_PTE_R | VM_PTE_U))
  VM_MAP_LABEL(XVA, data_x, VM_LEVEL_4K, VM_LEAF(VM_PTE_X))
  VM_SATP_VALUE(t0, 3)
  csrw satp, t0
  sfence.vma
  li t0, 1 << VM_CAUSE_LOAD_PAGE
  csrw medeleg, t0
  la t0, skip_handler
  csrw stvec, t0

  # Case 3: SUM.
  li s1, 0
  li a1, UVA
  li a3, VAL_U
  li a2, VM_MSTATUS_SUM
  VM_TEST_OK(3, VM_MPP_S, call flip_loop)
  la t0, sums
  sd a4, 8(t0)
  sd s1, 24(t0)

  # Case 4: MXR.
  li s1, 0
  li a1, XVA
  li a3, VAL_X
  li a2, VM_MSTATUS_MXR
  VM_TEST_OK(4, VM_MPP_S, call flip_loop)
  la t0, sums
  sd a4, 16(t0)
  sd s1, 32(t0)

  # Case 5-7: sums and fault counts.
  la t1, sums
  li TESTNUM, 5
  ld t0, 0(t1)
  VM_CHECK_EQ(t0, (ITERS / 2) * (VAL_A + VAL_B))
  li TESTNUM, 6
  ld t0, 8(t1)
  VM_CHECK_EQ(t0, (ITERS / 2) * VAL_U)
  ld t0, 24(t1)
  VM_CHECK_EQ(t0, ITERS / 2)
  li TESTNUM, 7
  ld t0, 16(t1)
  VM_CHECK_EQ(t0, (ITERS / 2) * VAL_X)
  ld t0, 32(t1)
  VM_CHECK_EQ(t0, ITERS / 2)

  TEST_PASSFAIL

mprv_fail:                        /* fail's tohost store must not be translated */
  csrc mstatus, t5
  j fail

/* S-mode: ITERS loads from a1; sstatus bit a2 set before odd and cleared before even
 * ones. With it set the load must give a3 (summed in a4), with it clear it must
 * fault (t6 = 1 from the handler). Uses t0-t6, a4. */
  .align 2
flip_loop:
  li t3, 0
  li t4, ITERS
  li a4, 0
1:
  li t6, 0
  li t0, -1
  andi t5, t3, 1
  beqz t5, 2f
  csrs sstatus, a2
  .option push
  .option norvc
  ld t0, 0(a1)
  .option pop
  bnez t6, fail                   /* faulted with the bit set */
  bne t0, a3, fail
  add a4, a4, t0
  j 3f
2:
  csrc sstatus, a2
  .option push
  .option norvc
  ld t0, 0(a1)
  .option pop
  beqz t6, fail                   /* no fault with the bit clear */
  li t2, -1
  bne t0, t2, fail                /* the faulting load wrote its register */
3:
  addi t3, t3, 1
  bne t3, t4, 1b
  csrc sstatus, a2
  ret

/* S-mode: a load page fault skips the (4-byte) load: t6 = 1, s1 += 1. */
  .align 2
skip_handler:
  csrr a5, scause
  li a6, VM_CAUSE_LOAD_PAGE
  bne a5, a6, fail
  csrr a5, sepc
  addi a5, a5, 4
  csrw sepc, a5
  li t6, 1
  addi s1, s1, 1
  sret

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .align 3
sums: .dword 0, 0, 0, 0, 0
  .balign 4096
data_a: .dword VAL_A
  .balign 4096
data_b: .dword VAL_B
  .balign 4096
data_u: .dword VAL_U
  .balign 4096
data_x: .dword VAL_X
RVTEST_DATA_END
