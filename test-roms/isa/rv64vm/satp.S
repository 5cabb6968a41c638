# satp (priv spec 4.1.11): MODE Bare / Sv39 / Sv48 / Sv57 written and read back; a
# write with an unsupported MODE has no effect at all (no field changes); ASID is
# WARL with ASIDLEN low bits implemented (0 to 16); switching modes (with sfence.vma)
# from M-mode and from S-mode changes the translation of the same virtual address;
# mstatus.TVM makes satp and sfence.vma illegal in S-mode.
#
# Three page-table trees, one per mode, each with the RAM gigabyte identity-mapped
# (1 GiB leaf) and VA_T = 0x3000 mapped to a different page (p39, p48, p57); the Sv48
# tree also maps VA_W = 0x80_0000_3000 (canonical for Sv48/Sv57 only) to p48.
#include "riscv_test.h"
#include "v/vm_test.h"

#define VA_T 0x3000
#define VA_W 0x8000003000
#define V39 0x3939393939393939
#define V48 0x4848484848484848
#define V57 0x5757575757575757
#define VBARE 0xbbbbbbbbbbbbbbbb
#define MSTATUS_TVM 0x100000

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_NEW_TABLES(3)
  VM_MAP_LABEL(VA_T, p39, 0, VM_LEAF(VM_RW))
  VM_SATP_VALUE(t0, 3)
  la t1, satp39
  sd t0, 0(t1)
  VM_NEW_TABLES(4)
  VM_MAP_LABEL(VA_T, p48, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(VA_W, p48, 0, VM_LEAF(VM_RW))
  VM_SATP_VALUE(t0, 4)
  la t1, satp48
  sd t0, 0(t1)
  VM_NEW_TABLES(5)
  VM_MAP_LABEL(VA_T, p57, 0, VM_LEAF(VM_RW))
  VM_SATP_VALUE(t0, 5)
  la t1, satp57
  sd t0, 0(t1)
  la t0, satp39
  ld s0, 0(t0)                    /* s0 = Sv39 satp */
  ld s1, 8(t0)                    /* s1 = Sv48 satp */
  ld s10, 16(t0)                  /* s10 = Sv57 satp */

  # Case 2: Bare after reset of the test (VM_INIT wrote 0).
  TEST_CASE(2, a0, 0, csrr a0, satp)

  # Case 3-5: each mode's value reads back exactly (MODE and PPN).
  csrw satp, s0
  csrr a0, satp
  li TESTNUM, 3
  bne a0, s0, fail
  csrw satp, s1
  csrr a0, satp
  li TESTNUM, 4
  bne a0, s1, fail
  csrw satp, s10
  csrr a0, satp
  li TESTNUM, 5
  bne a0, s10, fail

  # Case 6-8: writes with an unsupported MODE (1, 11 = reserved Sv64, 15) change
  # nothing, not even the PPN.
  csrw satp, s0
  li t0, (1 << 60) | 0x12345
  csrw satp, t0
  TEST_CASE(6, a0, 0, csrr a0, satp; sub a0, a0, s0)
  li t0, (11 << 60) | 0x54321
  csrw satp, t0
  TEST_CASE(7, a0, 0, csrr a0, satp; sub a0, a0, s0)
  li t0, (15 << 60) | 0x11111
  csrw satp, t0
  TEST_CASE(8, a0, 0, csrr a0, satp; sub a0, a0, s0)

  # Case 9: ASID all ones: reads back as 2^ASIDLEN - 1 (ASIDLEN 0 to 16), MODE and
  # PPN as written.
test_9:
  li TESTNUM, 9
  li t0, VM_SATP_ASID_MASK
  or t0, t0, s0
  csrw satp, t0
  csrr a0, satp
  li t0, VM_SATP_ASID_MASK
  and t1, a0, t0                  /* t1 = ASID field */
  xor t2, a0, t1
  bne t2, s0, fail                /* the rest is unchanged */
  srli t1, t1, 44
  addi t2, t1, 1
  and t2, t2, t1
  bnez t2, fail                   /* t1 + 1 is a power of two */
  csrw satp, s0
  sfence.vma

  # Case 10-12: M-mode switches modes (sfence.vma each time); S-mode reads VA_T.
  li a1, VA_T
  csrw satp, s0
  sfence.vma
  VM_TEST_OK(10, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, V39)
  csrw satp, s1
  sfence.vma
  VM_TEST_OK(11, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, V48)
  csrw satp, s10
  sfence.vma
  VM_TEST_OK(12, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, V57)

  # Case 13: S-mode switches Sv39 -> Sv48 -> Sv57 -> Bare -> Sv39 itself (its code is
  # identity-mapped in every tree), reading VA_T after each switch; under Bare it reads
  # the physical address of pbare.
  la t5, pbare
  li t4, VA_T
  VM_TEST_OK(13, VM_MPP_S,                                              \
    csrw satp, s0; sfence.vma; ld a0, 0(t4);                            \
    csrw satp, s1; sfence.vma; ld a1, 0(t4);                            \
    csrw satp, s10; sfence.vma; ld a2, 0(t4);                           \
    csrw satp, zero; sfence.vma; ld a3, 0(t5);                          \
    csrw satp, s0; sfence.vma; ld a4, 0(t4))
  VM_CHECK_EQ(a0, V39)
  VM_CHECK_EQ(a1, V48)
  VM_CHECK_EQ(a2, V57)
  VM_CHECK_EQ(a3, VBARE)
  VM_CHECK_EQ(a4, V39)
  csrr t0, satp
  bne t0, s0, fail

  # Case 14: VA_W is mapped in Sv48 ...
  li a1, VA_W
  csrw satp, s1
  sfence.vma
  VM_TEST_OK(14, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, V48)

  # Case 15: ... and not canonical in Sv39: load page fault after the switch.
  csrw satp, s0
  sfence.vma
  VM_TEST_TRAP(15, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_W)

  # Case 16: under Sv57 VA_W has no mapping (a different tree): load page fault.
  csrw satp, s10
  sfence.vma
  VM_TEST_TRAP(16, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_W)

  # Case 17-19: mstatus.TVM = 1: S-mode satp reads and writes and sfence.vma are
  # illegal instructions.
  csrw satp, s0
  sfence.vma
  li t0, MSTATUS_TVM
  csrs mstatus, t0
  VM_TEST_TRAP(17, VM_MPP_S, VM_CAUSE_ILLEGAL, csrr a0, satp)
  VM_TEST_TRAP(18, VM_MPP_S, VM_CAUSE_ILLEGAL, csrw satp, s1)
  VM_TEST_TRAP(19, VM_MPP_S, VM_CAUSE_ILLEGAL, sfence.vma)
  csrr t0, satp
  bne t0, s0, fail
  li t0, MSTATUS_TVM
  csrc mstatus, t0

  # Case 20: TVM = 0 again: S-mode reads satp.
  VM_TEST_OK(20, VM_MPP_S, csrr a0, satp)
  bne a0, s0, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
satp39: .dword 0
satp48: .dword 0
satp57: .dword 0
  .balign 4096
p39: .dword V39
  .balign 4096
p48: .dword V48
  .balign 4096
p57: .dword V57
  .balign 4096
pbare: .dword VBARE
  .balign 4096
RVTEST_DATA_END
