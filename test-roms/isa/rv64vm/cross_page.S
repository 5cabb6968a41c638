# Accesses that cross a 4 KiB page boundary under Sv39: each page is translated on its
# own (the two halves may map to unrelated physical pages), and a fault in either page
# faults the whole access.
#
# Misaligned loads and stores (both QEMU and gasang perform them in hardware) that run
# into an unmapped or read-only page raise a page fault with mepc = the instruction,
# rd unchanged. mtval: the spec (priv 3.1.16) asks for "the virtual address of the
# portion of the access that caused the fault"; some read that as the first byte in the
# faulting page, others as the original address, so both are accepted (when the first
# page faults, both are the original address). Memory after a faulting misaligned
# store is not checked (the spec lets it be partly written).
#
# 32-bit instructions straddling a page boundary (first halfword at offset 0xffe)
# whose second page is unmapped or not executable raise an instruction page fault with
# mepc = the instruction's address and mtval = the address of the second page (the
# portion that faulted; priv 3.1.16, required exactly).
#
#   VA_P  0x3000 -> pdata (RW); VA_P + 0x1000 unmapped
#   VA_Q  0x10000 -> pdata (RW); VA_Q + 0x1000 -> pdata2 (RW; not pdata's successor)
#   VA_R  0x12000 -> pdata (RW); VA_R + 0x1000 -> pdata2, read-only
#   VA_F  0x14000 unmapped; VA_F + 0x1000 -> pdata
#   VA_C  0x20000 -> xcross (X); VA_C + 0x1000 unmapped
#   VA_CN 0x22000 -> xcross (X); VA_CN + 0x1000 -> xcross_next (X; its successor)
#   VA_CA 0x24000 -> xcross (X); VA_CA + 0x1000 -> xhalf2 (X; another page)
#   VA_CR 0x26000 -> xcross (X); VA_CR + 0x1000 -> xcross_next, R only (no X)
#   VA_CC 0x28000 -> xcnop (X; c.nop at 0xffe); VA_CC + 0x1000 unmapped
#include "riscv_test.h"
#include "v/vm_test.h"

#define VA_P  0x3000
#define VA_Q  0x10000
#define VA_R  0x12000
#define VA_F  0x14000
#define VA_C  0x20000
#define VA_CN 0x22000
#define VA_CA 0x24000
#define VA_CR 0x26000
#define VA_CC 0x28000
#define SENT 0x5a5a5a5a5a5a5a5a

/* s4 (mtval) must be `first` or `page2` (see above). */
#define CHECK_TVAL_EITHER(first, page2)                                 \
        li x7, first;                                                   \
        beq s4, x7, 7f;                                                 \
        li x7, page2;                                                   \
        bne s4, x7, fail;                                               \
7:

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_PAGING_ON(3)
  VM_MAP_LABEL(VA_P, pdata, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_Q, pdata, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_Q + 0x1000, pdata2, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_R, pdata, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_R + 0x1000, pdata2, 0, VM_LEAF(VM_PTE_R))
  VM_MAP_LABEL(VA_F + 0x1000, pdata, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_C, xcross, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(VA_CN, xcross, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(VA_CN + 0x1000, xcross_next, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(VA_CA, xcross, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(VA_CA + 0x1000, xhalf2, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(VA_CR, xcross, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(VA_CR + 0x1000, xcross_next, 0, VM_LEAF(VM_PTE_R))
  VM_MAP_LABEL(VA_CC, xcnop, 0, VM_LEAF(VM_PTE_X))
  sfence.vma

  /* ---- Data ---- */

  # Case 2: ld at VA_P + 0xffc (4 bytes in the unmapped page): load page fault, rd
  # unchanged.
  li a1, VA_P + 0xffc
  li a0, SENT
  VM_TEST_TRAP(2, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  CHECK_TVAL_EITHER(VA_P + 0xffc, VA_P + 0x1000)
  VM_CHECK_EQ(a0, SENT)

  # Case 3: lw at VA_P + 0xffe.
  li a1, VA_P + 0xffe
  VM_TEST_TRAP(3, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lw a0, 0(a1))
  CHECK_TVAL_EITHER(VA_P + 0xffe, VA_P + 0x1000)
  VM_CHECK_EQ(a0, SENT)

  # Case 4: lhu at VA_P + 0xfff (one byte on each side).
  li a1, VA_P + 0xfff
  VM_TEST_TRAP(4, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lhu a0, 0(a1))
  CHECK_TVAL_EITHER(VA_P + 0xfff, VA_P + 0x1000)
  VM_CHECK_EQ(a0, SENT)

  # Case 5: sd at VA_P + 0xff9: store page fault.
  li a1, VA_P + 0xff9
  VM_TEST_TRAP(5, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0(a1))
  CHECK_TVAL_EITHER(VA_P + 0xff9, VA_P + 0x1000)

  # Case 6: sw at VA_P + 0xffe.
  li a1, VA_P + 0xffe
  VM_TEST_TRAP(6, VM_MPP_S, VM_CAUSE_STORE_PAGE, sw a0, 0(a1))
  CHECK_TVAL_EITHER(VA_P + 0xffe, VA_P + 0x1000)

  # Case 7: the first page unmapped, the second mapped: ld at VA_F + 0xffa faults with
  # mtval = the original address either way.
  li a1, VA_F + 0xffa
  VM_TEST_TRAP(7, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_F + 0xffa)
  VM_CHECK_EQ(a0, SENT)

  # Case 8: both pages mapped to unrelated physical pages: ld at VA_Q + 0xffc takes
  # its low 4 bytes from the end of pdata and its high 4 bytes from pdata2.
  li a1, VA_Q + 0xffc
  VM_TEST_OK(8, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, 0x44332211ddccbbaa)

  # Case 9: a store across them writes both pages.
  li a1, VA_Q + 0xffe
  li a2, 0x0807060504030201
  VM_TEST_OK(9, VM_MPP_S, sd a2, 0(a1))
  la t0, pdata + 0xffe
  lhu t1, 0(t0)
  VM_CHECK_EQ(t1, 0x0201)
  la t0, pdata2
  ld t1, 0(t0)
  VM_CHECK_EQ(t1, 0x0000080706050403)   /* bytes 6 and 7 of pdata2 untouched */

  # Case 10: the second page is read-only: a crossing load works ...
  li a1, VA_R + 0xffe
  VM_TEST_OK(10, VM_MPP_S, lw a0, 0(a1))
  VM_CHECK_EQ(a0, 0x04030201)

  # Case 11: ... and a crossing store is a store page fault.
  li a1, VA_R + 0xffc
  VM_TEST_TRAP(11, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0(a1))
  CHECK_TVAL_EITHER(VA_R + 0xffc, VA_R + 0x1000)

  /* ---- Instruction fetch ---- */

  # Case 12: a straddling addi whose second page is unmapped: instruction page fault,
  # mepc = the instruction (VA_C + 0xffe), mtval = VA_C + 0x1000.
test_12:
  li TESTNUM, 12
  li a1, VA_C + 0xffe
  VM_RUN_OFF(VM_MPP_S, 0, jalr ra, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_FETCH_PAGE)
  VM_CHECK_EQ(s3, VA_C + 0xffe)
  VM_CHECK_TVAL(s4, VA_C + 0x1000)

  # Case 13: the same with the second page mapped but not executable.
test_13:
  li TESTNUM, 13
  li a1, VA_CR + 0xffe
  VM_RUN_OFF(VM_MPP_S, 0, jalr ra, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_FETCH_PAGE)
  VM_CHECK_EQ(s3, VA_CR + 0xffe)
  VM_CHECK_TVAL(s4, VA_CR + 0x1000)

  # Case 14: both pages mapped to consecutive physical pages: addi a0, a0, 1 runs.
  li a1, VA_CN + 0xffe
  li a0, 10
  VM_TEST_OK(14, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 11)

  # Case 15: the second page maps another physical page, whose first halfword makes
  # the instruction addi a0, a0, 0x123: that is what runs.
  li a1, VA_CA + 0xffe
  li a0, 10
  VM_TEST_OK(15, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 10 + 0x123)

  # Case 16: a c.nop at the end of the page runs, then the fetch from the unmapped
  # next page faults there: mepc = mtval = VA_CC + 0x1000.
test_16:
  li TESTNUM, 16
  li a1, VA_CC + 0xffe
  VM_RUN_OFF(VM_MPP_S, 0, jalr ra, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_FETCH_PAGE)
  VM_CHECK_EQ(s3, VA_CC + 0x1000)
  VM_CHECK_TVAL(s4, VA_CC + 0x1000)

  TEST_PASSFAIL

  /* Code pages: xcross ends with the first half of `addi a0, a0, 1` (0x00150513);
   * xcross_next (its physical successor) holds the second half, then c.jr ra. xhalf2
   * starts with 0x1235, the second half of `addi a0, a0, 0x123`. */
  .balign 4096
xcross:
  .fill 4094, 1, 0
  .half 0x0513
xcross_next:
  .half 0x0015
  c.jr ra
  .balign 4096
xhalf2:
  .half 0x1235
  c.jr ra
  .balign 4096
xcnop:
  .fill 4094, 1, 0
  c.nop
  .balign 4096

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 4096
pdata:
  .fill 4092, 1, 0
  .word 0xddccbbaa
  .balign 4096
  .skip 4096
pdata2:
  .word 0x44332211
  .fill 4092, 1, 0
RVTEST_DATA_END
