/* Page walks for Sv39 / Sv48 / Sv57 (priv spec 4.3-4.6), shared by sv39.S, sv48.S and
 * sv57.S, which define LEVELS (3, 4, 5) before including this file.
 *
 * M-mode builds the tables (vm_map) and runs each access in S-mode (VM_RUN_OFF); the
 * test's code and data are identity-mapped by a 1 GiB leaf at 0x8000_0000. All leaves
 * have A = D = 1, so the A/D scheme (Svade or Svadu) does not matter here. Faults are
 * taken in M-mode: mcause, mepc and mtval (= the faulting virtual address) are checked.
 *
 * Virtual addresses (canonical in every mode unless said otherwise):
 *   VA_4K     0x0000_3000            4 KiB leaf -> pdata
 *   VA_4KX    0x0000_7000            4 KiB leaf -> xpage (code)
 *   VA_PTR0   0x0000_5000            a V-only "pointer" PTE at level 0 -> page fault
 *   VA_2M     0x0020_0000            2 MiB leaf -> 0x8000_0000
 *   VA_MIS2M  0x0040_0000            2 MiB leaf with PPN 0x80001 (misaligned)
 *   VA_1G     0x4000_0000            1 GiB leaf -> 0x8000_0000
 *   VA_MIS1G  0x1_0000_0000          1 GiB leaf with PPN 0x80200 (misaligned)
 *   VA_HI     0xffff_ffff_c000_0000  1 GiB leaf -> 0x8000_0000 (top of the upper half)
 *   VA_512G   0x80_0000_0000         512 GiB leaf -> 0 (Sv48, Sv57)
 *   VA_MIS512G 0x100_0000_0000       512 GiB leaf with PPN 0x80000 (misaligned)
 *   VA_256T   0x1_0000_0000_0000     256 TiB leaf -> 0 (Sv57)
 *   VA_MIS256T 0x2_0000_0000_0000    256 TiB leaf with PPN 0x80000 (misaligned)
 * Non-canonical addresses: VA_1G + off with bit VA_BITS set, with bits 63:VA_BITS all
 * set (but bit VA_BITS-1 clear), and with only bit 63 set: the low VA_BITS bits are a
 * valid mapping, so an emulator that ignores the upper bits would succeed.
 *
 * s0 = physical address of pdata, s1 = s0 - 0x8000_0000 (its offset in the gigabyte).
 */
#include "riscv_test.h"
#include "v/vm_test.h"

#define VA_BITS (12 + 9 * LEVELS)

#define VA_4K      0x3000
#define VA_PTR0    0x5000
#define VA_4KX     0x7000
#define VA_2M      0x200000
#define VA_MIS2M   0x400000
#define VA_1G      0x40000000
#define VA_MIS1G   0x100000000
#define VA_HI      0xffffffffc0000000
#define VA_512G    0x8000000000
#define VA_MIS512G 0x10000000000
#define VA_256T    0x1000000000000
#define VA_MIS256T 0x2000000000000

#define D0 0x0123456789abcdef
#define D1 0xfedcba9876543210
#define D2 0x5555aaaa3333cccc
#define SENT 0x5a5a5a5a5a5a5a5a

/* Every case makes exactly one trap (its fault, or the closing ecall). */
#if LEVELS == 3
#define EXPECTED_TRAPS 22
#elif LEVELS == 4
#define EXPECTED_TRAPS 27
#else
#define EXPECTED_TRAPS 32
#endif

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_PAGING_ON(LEVELS)
  VM_MAP_LABEL(VA_4K, pdata, VM_LEVEL_4K, VM_LEAF(VM_RWX))
  VM_MAP_LABEL(VA_4KX, xpage, VM_LEVEL_4K, VM_LEAF(VM_RWX))
  VM_MAP_LABEL(VA_PTR0, pdata, VM_LEVEL_4K, VM_PTE_V)
  VM_MAP(VA_2M, 0x80000000, VM_LEVEL_2M, VM_LEAF(VM_RWX))
  VM_MAP(VA_MIS2M, 0x80001000, VM_LEVEL_2M, VM_LEAF(VM_RWX))
  VM_MAP(VA_1G, 0x80000000, VM_LEVEL_1G, VM_LEAF(VM_RWX))
  VM_MAP(VA_MIS1G, 0x80200000, VM_LEVEL_1G, VM_LEAF(VM_RWX))
  VM_MAP(VA_HI, 0x80000000, VM_LEVEL_1G, VM_LEAF(VM_RWX))
#if LEVELS >= 4
  VM_MAP(VA_512G, 0, VM_LEVEL_512G, VM_LEAF(VM_RWX))
  VM_MAP(VA_MIS512G, 0x80000000, VM_LEVEL_512G, VM_LEAF(VM_RWX))
#endif
#if LEVELS >= 5
  VM_MAP(VA_256T, 0, VM_LEVEL_256T, VM_LEAF(VM_RWX))
  VM_MAP(VA_MIS256T, 0x80000000, VM_LEVEL_256T, VM_LEAF(VM_RWX))
#endif
  sfence.vma
  la s0, pdata
  li t0, 0x80000000
  sub s1, s0, t0

  /* ---- 4 KiB pages ---- */

  # Case 2: a load through a 4 KiB leaf reads the mapped page (page offset kept).
  li a1, VA_4K
  VM_TEST_OK(2, VM_MPP_S, ld a0, 8(a1))
  VM_CHECK_EQ(a0, D1)

  # Case 3: a store through it lands in the mapped physical page.
  li a1, VA_4K
  li a2, 0x1111222233334444
  VM_TEST_OK(3, VM_MPP_S, sd a2, 16(a1))
  ld a0, 16(s0)
  VM_CHECK_EQ(a0, 0x1111222233334444)

  # Case 4: an instruction fetch through a 4 KiB leaf runs the mapped code page.
  li a1, VA_4KX
  li a0, 0
  VM_TEST_OK(4, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x99)

  # Case 5: a V-only PTE at level 0 is a pointer where no pointer may be: page fault,
  # mtval = the address, rd unchanged.
  li a1, VA_PTR0
  li a0, SENT
  VM_TEST_TRAP(5, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0x28(a1))
  VM_CHECK_TVAL(s4, VA_PTR0 + 0x28)
  VM_CHECK_EQ(a0, SENT)

  /* ---- 2 MiB pages ---- */

  # Case 6: a load through a 2 MiB leaf: VA bits 20:0 select the byte in the 2 MiB
  # physical region (pdata is not in the region's first page).
  li a1, VA_2M
  add a1, a1, s1
  VM_TEST_OK(6, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)

  # Case 7: a store through the 2 MiB leaf.
  li a1, VA_2M
  add a1, a1, s1
  li a2, 0x2222333344445555
  VM_TEST_OK(7, VM_MPP_S, sw a2, 20(a1))
  lwu a0, 20(s0)
  VM_CHECK_EQ(a0, 0x44445555)

  # Case 8: a fetch through the 2 MiB leaf.
  la a1, alias_fn
  li t0, 0x80000000
  sub a1, a1, t0
  li t0, VA_2M
  add a1, a1, t0
  li a0, 0
  VM_TEST_OK(8, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x77)

  # Case 9-11: a 2 MiB leaf whose PPN is not 2 MiB-aligned (misaligned superpage):
  # load, store and fetch page faults with the exact address.
  li a1, VA_MIS2M + 0x3008
  li a0, SENT
  VM_TEST_TRAP(9, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_MIS2M + 0x3008)
  VM_CHECK_EQ(a0, SENT)
  VM_TEST_TRAP(10, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, -8(a1))
  VM_CHECK_TVAL(s4, VA_MIS2M + 0x3000)
  li a1, VA_MIS2M + 0x100
  VM_TEST_FETCH_TRAP(11, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  /* ---- 1 GiB pages ---- */

  # Case 12: a load through a 1 GiB leaf.
  li a1, VA_1G
  add a1, a1, s1
  VM_TEST_OK(12, VM_MPP_S, ld a0, 8(a1))
  VM_CHECK_EQ(a0, D1)

  # Case 13: a store through it.
  li a1, VA_1G
  add a1, a1, s1
  li a2, 0x3333444455556666
  VM_TEST_OK(13, VM_MPP_S, sd a2, 24(a1))
  ld a0, 24(s0)
  VM_CHECK_EQ(a0, 0x3333444455556666)

  # Case 14: a fetch through it.
  la a1, alias_fn
  li t0, 0x80000000
  sub a1, a1, t0
  li t0, VA_1G
  add a1, a1, t0
  li a0, 0
  VM_TEST_OK(14, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x77)

  # Case 15: a 1 GiB leaf in the upper half (VA 0xffff_ffff_c000_0000 + offset): the
  # root index comes from the sign-extended address.
  li a1, VA_HI
  add a1, a1, s1
  VM_TEST_OK(15, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)

  # Case 16-17: a misaligned 1 GiB leaf (PPN 0x80200): load and store page faults.
  li a1, VA_MIS1G
  add a1, a1, s1
  VM_TEST_TRAP(16, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lw a0, 4(a1))
  addi t1, a1, 4
  bne s4, t1, fail
  VM_TEST_TRAP(17, VM_MPP_S, VM_CAUSE_STORE_PAGE, sb a0, 3(a1))
  addi t1, a1, 3
  bne s4, t1, fail

  /* ---- Non-canonical addresses ---- */

  # Case 18: bit VA_BITS set above a valid address: load page fault, mtval = the full
  # address.
  li a1, VA_1G
  add a1, a1, s1
  li t0, (1 << VA_BITS)
  or a1, a1, t0
  li a0, SENT
  VM_TEST_TRAP(18, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  bne s4, a1, fail
  VM_CHECK_EQ(a0, SENT)

  # Case 19: store to the same address: store page fault.
  VM_TEST_TRAP(19, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0(a1))
  bne s4, a1, fail

  # Case 20: bits 63:VA_BITS all set, bit VA_BITS-1 clear: load page fault.
  li a1, VA_1G
  add a1, a1, s1
  li t0, (-1 << VA_BITS)
  or a1, a1, t0
  VM_TEST_TRAP(20, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lbu a0, 0(a1))
  bne s4, a1, fail

  # Case 21: only bit 63 set: load page fault.
  li a1, VA_1G
  add a1, a1, s1
  li t0, 1
  slli t0, t0, 63
  or a1, a1, t0
  VM_TEST_TRAP(21, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lhu a0, 0(a1))
  bne s4, a1, fail

  # Case 22: a fetch from a non-canonical address (bit VA_BITS set over alias_fn's
  # valid 1 GiB alias): instruction page fault, mepc = mtval = the address.
  la a1, alias_fn
  li t0, 0x80000000
  sub a1, a1, t0
  li t0, VA_1G | (1 << VA_BITS)
  add a1, a1, t0
  VM_TEST_FETCH_TRAP(22, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  # Case 23: two virtual pages of one physical page (a 2 MiB and an upper-half 1 GiB
  # alias): a store through one is seen by a load through the other.
  li a1, VA_2M
  add a1, a1, s1
  li a3, VA_HI
  add a3, a3, s1
  li a2, 0x6666777788889999
  li a0, 0
  VM_TEST_OK(23, VM_MPP_S, sd a2, 0x30(a1); ld a0, 0x30(a3))
  VM_CHECK_EQ(a0, 0x6666777788889999)

#if LEVELS >= 4
  /* ---- 512 GiB pages (Sv48, Sv57) ---- */

  # Case 24: a load through a 512 GiB leaf mapping physical 0: VA_512G + PA.
  li a1, VA_512G
  add a1, a1, s0
  VM_TEST_OK(24, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)

  # Case 25: a store through it.
  li a1, VA_512G
  add a1, a1, s0
  li a2, 0x4444555566667777
  VM_TEST_OK(25, VM_MPP_S, sd a2, 32(a1))
  ld a0, 32(s0)
  VM_CHECK_EQ(a0, 0x4444555566667777)

  # Case 26: a fetch through it.
  la a1, alias_fn
  li t0, VA_512G
  add a1, a1, t0
  li a0, 0
  VM_TEST_OK(26, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x77)

  # Case 27-28: a misaligned 512 GiB leaf (PPN 0x80000): load and fetch page faults.
  li a1, VA_MIS512G
  add a1, a1, s0
  VM_TEST_TRAP(27, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  bne s4, a1, fail
  la a1, alias_fn
  li t0, VA_MIS512G
  add a1, a1, t0
  VM_TEST_FETCH_TRAP(28, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)
#endif

#if LEVELS >= 5
  /* ---- 256 TiB pages (Sv57) ---- */

  # Case 29: a load through a 256 TiB leaf mapping physical 0.
  li a1, VA_256T
  add a1, a1, s0
  VM_TEST_OK(29, VM_MPP_S, ld a0, 8(a1))
  VM_CHECK_EQ(a0, D1)

  # Case 30: a store through it.
  li a1, VA_256T
  add a1, a1, s0
  li a2, 0x5555666677778888
  VM_TEST_OK(30, VM_MPP_S, sd a2, 40(a1))
  ld a0, 40(s0)
  VM_CHECK_EQ(a0, 0x5555666677778888)

  # Case 31: a fetch through it.
  la a1, alias_fn
  li t0, VA_256T
  add a1, a1, t0
  li a0, 0
  VM_TEST_OK(31, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x77)

  # Case 32-33: a misaligned 256 TiB leaf (PPN 0x80000): load and store page faults.
  li a1, VA_MIS256T
  add a1, a1, s0
  VM_TEST_TRAP(32, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  bne s4, a1, fail
  VM_TEST_TRAP(33, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0(a1))
  bne s4, a1, fail
#endif

  # Case 40: every trap above was taken once (no double traps): count them.
  TEST_CASE(40, s5, EXPECTED_TRAPS, nop)

  TEST_PASSFAIL

  /* A function reached through the superpage aliases. */
alias_fn:
  li a0, 0x77
  ret

  /* A code page reached through a 4 KiB leaf. */
  .balign 4096
xpage:
  li a0, 0x99
  ret

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 4096
  .skip 4096 * 2          /* pdata is not in the first pages of the image */
pdata:
  .dword D0
  .dword D1
  .dword D2
  .dword 0
  .dword 0
  .dword 0
  .balign 4096
RVTEST_DATA_END
