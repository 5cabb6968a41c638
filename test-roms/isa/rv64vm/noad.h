/* Page tables without A and D bits, as xv6-riscv and many small kernels build them,
 * shared by noad_sv39.S and noad_sv48.S (which define LEVELS 3 or 4 first).
 *
 * These kernels rely on the hart setting A and D itself (Svadu with menvcfg.ADUE = 1,
 * QEMU's default): no test here touches menvcfg, so the reset value must be the one
 * that makes the code run. M-mode maps
 *   0x8000_0000  1 GiB leaf  -> 0x8000_0000  R W X, A = D = 0  (code, stack, tohost)
 *   VA_DATA      4 KiB leaf  -> pdata        R W,   A = D = 0
 * then runs S-mode code through them: the fetch must set A on the 1 GiB leaf, a load
 * A on the data leaf, a store D as well. Under Svade (-cpu rv64,svade=on) case 2 takes
 * an instruction page fault instead, the failure these kernels saw.
 *
 * s0 = address of the 1 GiB leaf PTE, s1 = address of the data leaf PTE.
 */
#include "riscv_test.h"
#include "v/vm_test.h"

#define VA_DATA 0x40000000
#define VAL 0x1122334455667788

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  li s11, LEVELS
  call vm_alloc
  mv s10, a0
  VM_MAP(0x80000000, 0x80000000, VM_LEVEL_1G, VM_PTE_V | VM_RWX)
  mv s0, a0
  VM_MAP_LABEL(VA_DATA, pdata, VM_LEVEL_4K, VM_PTE_V | VM_RW)
  mv s1, a0
  VM_SATP_VALUE(t0, LEVELS)
  csrw satp, t0
  sfence.vma

  # Case 2: S-mode runs code and loads data through leaves with A = 0.
  li a1, VA_DATA
  VM_TEST_OK(2, VM_MPP_S, ld a2, 0(a1))
  la t0, pdata
  ld t1, 0(t0)
  VM_CHECK_REG(a2, t1)

  # Case 3: the fetch set A on the code leaf; nothing wrote through it, so D is clear.
test_3:
  li TESTNUM, 3
  ld t0, 0(s0)
  andi t1, t0, VM_PTE_A
  beqz t1, fail
  andi t1, t0, VM_PTE_D
  bnez t1, fail

  # Case 4: the load set A on the data leaf, not D.
test_4:
  li TESTNUM, 4
  ld t0, 0(s1)
  andi t1, t0, VM_PTE_AD
  li t2, VM_PTE_A
  bne t1, t2, fail

  # Case 5: a store through the data leaf works and sets D.
  li a1, VA_DATA
  li a2, VAL
  VM_TEST_OK(5, VM_MPP_S, sd a2, 8(a1))
  la t0, pdata
  ld t1, 8(t0)
  VM_CHECK_EQ(t1, VAL)
test_6:
  li TESTNUM, 6
  ld t0, 0(s1)
  andi t1, t0, VM_PTE_AD
  li t2, VM_PTE_AD
  bne t1, t2, fail

  # Case 7: the rest of each PTE is untouched (PPN and permissions as written).
test_7:
  li TESTNUM, 7
  ld t0, 0(s1)
  andi t0, t0, ~VM_PTE_AD
  la t1, pdata
  srli t1, t1, 12
  slli t1, t1, 10
  ori t1, t1, VM_PTE_V | VM_RW
  bne t0, t1, fail

  # Case 8: S-mode code that stores to the code gigabyte sets D there too.
  la a1, pdata
  VM_TEST_OK(8, VM_MPP_S, sd zero, 16(a1))
  ld t0, 0(s0)
  andi t1, t0, VM_PTE_D
  beqz t1, fail

  csrw satp, zero
  sfence.vma

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .align 12
pdata:
  .dword 0x0badc0de0badc0de
  .dword 0
  .dword 0
  .align 12
RVTEST_DATA_END
