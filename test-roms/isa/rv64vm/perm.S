# PTE permission checks under Sv39 (priv spec 4.3.1, 4.3.2 steps 3 and 5): V = 0,
# the reserved W-without-R encodings, missing R/W/X, U pages from S-mode (SUM), U-page
# fetch from S-mode, S pages from U-mode, MXR, reserved high PTE bits (63:54: N, PBMT
# and reserved; none implemented) in leaves and in a pointer PTE, an unmapped address,
# AMO and LR permission. Faults are taken in M-mode (mcause, mepc, mtval) in cases
# 2-39 and delegated to S-mode (scause, sepc, stval, sstatus.SPP) in cases 40-45.
#
# Every 4 KiB test page maps either pdata (data) or xpage (code: `li a0, 0x99; ret`),
# with A = D = 1. U-mode code runs from a U alias of the code gigabyte at
# 0x1_8000_0000 (UOFF = 0x1_0000_0000 above the identity mapping).
#include "riscv_test.h"
#include "v/vm_test.h"

#define UOFF      0x100000000
#define VA_UALIAS 0x180000000

#define P_INV  0x10000      /* V = 0 (RWX) -> pdata */
#define P_WO   0x11000      /* W only (reserved) -> pdata */
#define P_WX   0x12000      /* W + X, no R (reserved) -> xpage */
#define P_XO   0x13000      /* X only -> xpage */
#define P_RO   0x14000      /* R only -> pdata */
#define P_RW   0x15000      /* R + W, no X -> xpage */
#define P_RX   0x16000      /* R + X, no W -> pdata */
#define P_URW  0x17000      /* U, R + W -> pdata */
#define P_UX   0x18000      /* U, RWX -> xpage */
#define P_SX   0x19000      /* S, RWX -> xpage */
#define P_UXO  0x1a000      /* U, X only -> xpage */
#define P_R54  0x1b000      /* RWX + bit 54 (reserved) -> pdata */
#define P_R61  0x1c000      /* RWX + bit 61 (PBMT = 1; no Svpbmt) -> pdata */
#define P_R63  0x1d000      /* RWX + bit 63 (N; no Svnapot) -> pdata */
#define P_SRW  0x1e000      /* S, R + W -> pdata */
#define P_R60  0x1f000      /* RWX + bit 60 (reserved) -> pdata */
#define VA_RSVPTR 0x40200000  /* 4 KiB RWX leaf under a level-1 pointer with bit 54 */
#define VA_UNMAPPED 0x200000000

#define D0 0x0123456789abcdef
#define D1 0xfedcba9876543210
#define SENT 0x5a5a5a5a5a5a5a5a

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_PAGING_ON(3)
  VM_MAP(VA_UALIAS, 0x80000000, VM_LEVEL_1G, VM_LEAF(VM_RWX | VM_PTE_U))
  VM_MAP_LABEL(P_INV, pdata, 0, VM_PTE_AD | VM_RWX)
  VM_MAP_LABEL(P_WO,  pdata, 0, VM_LEAF(VM_PTE_W))
  VM_MAP_LABEL(P_WX,  xpage, 0, VM_LEAF(VM_PTE_W | VM_PTE_X))
  VM_MAP_LABEL(P_XO,  xpage, 0, VM_LEAF(VM_PTE_X))
  VM_MAP_LABEL(P_RO,  pdata, 0, VM_LEAF(VM_PTE_R))
  VM_MAP_LABEL(P_RW,  xpage, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(P_RX,  pdata, 0, VM_LEAF(VM_PTE_R | VM_PTE_X))
  VM_MAP_LABEL(P_URW, pdata, 0, VM_LEAF(VM_RW | VM_PTE_U))
  VM_MAP_LABEL(P_UX,  xpage, 0, VM_LEAF(VM_RWX | VM_PTE_U))
  VM_MAP_LABEL(P_SX,  xpage, 0, VM_LEAF(VM_RWX))
  VM_MAP_LABEL(P_UXO, xpage, 0, VM_LEAF(VM_PTE_X | VM_PTE_U))
  VM_MAP_LABEL(P_R54, pdata, 0, VM_LEAF(VM_RWX) | (1 << 54))
  VM_MAP_LABEL(P_R61, pdata, 0, VM_LEAF(VM_RWX) | (1 << 61))
  VM_MAP_LABEL(P_R63, pdata, 0, VM_LEAF(VM_RWX) | (1 << 63))
  VM_MAP_LABEL(P_SRW, pdata, 0, VM_LEAF(VM_RW))
  VM_MAP_LABEL(P_R60, pdata, 0, VM_LEAF(VM_RWX) | (1 << 60))
  VM_MAP_LABEL(VA_RSVPTR, pdata, 0, VM_LEAF(VM_RWX))
  # Set bit 54 in the level-1 pointer PTE above VA_RSVPTR: root[1] -> L1 table, L1[1].
  ld t0, 8(s10)
  slli t0, t0, 10
  srli t0, t0, 20
  slli t0, t0, 12
  ld t1, 8(t0)
  andi t2, t1, 0xf
  li t3, VM_PTE_V
  bne t2, t3, fail        /* must be a pointer */
  li t2, 1
  slli t2, t2, 54
  or t1, t1, t2
  sd t1, 8(t0)
  sfence.vma
  la s0, pdata
  la s1, xpage

  /* ---- V = 0 ---- */

  # Case 2-4: an invalid leaf: load, store and fetch page faults (mtval = the address,
  # rd unchanged).
  li a1, P_INV
  li a0, SENT
  VM_TEST_TRAP(2, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0x18(a1))
  VM_CHECK_TVAL(s4, P_INV + 0x18)
  VM_CHECK_EQ(a0, SENT)
  VM_TEST_TRAP(3, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0x20(a1))
  VM_CHECK_TVAL(s4, P_INV + 0x20)
  VM_TEST_FETCH_TRAP(4, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  /* ---- W without R: reserved ---- */

  # Case 5-6: W only: load and (despite W) store page faults.
  li a1, P_WO
  VM_TEST_TRAP(5, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lw a0, 0x8(a1))
  VM_CHECK_TVAL(s4, P_WO + 0x8)
  VM_TEST_TRAP(6, VM_MPP_S, VM_CAUSE_STORE_PAGE, sw a0, 0xc(a1))
  VM_CHECK_TVAL(s4, P_WO + 0xc)

  # Case 7: W + X without R: fetch page fault (despite X).
  li a1, P_WX
  VM_TEST_FETCH_TRAP(7, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  /* ---- Missing R, W, X; MXR ---- */

  # Case 8: X only, MXR = 0: load page fault.
  li a1, P_XO
  VM_TEST_TRAP(8, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, P_XO)

  # Case 9: X only: fetch works.
  li a0, 0
  VM_TEST_OK(9, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x99)

  # Case 10: X only, MXR = 1: the load works and reads the code bytes.
  li t0, VM_MSTATUS_MXR
  csrs mstatus, t0
  li a0, 0
  VM_TEST_OK(10, VM_MPP_S, ld a0, 0(a1))
  ld t1, 0(s1)
  bne a0, t1, fail

  # Case 11: X only, MXR = 1: a store still faults (MXR only adds read permission).
  VM_TEST_TRAP(11, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0(a1))
  VM_CHECK_TVAL(s4, P_XO)
  li t0, VM_MSTATUS_MXR
  csrc mstatus, t0

  # Case 12: R only: store page fault.
  li a1, P_RO
  VM_TEST_TRAP(12, VM_MPP_S, VM_CAUSE_STORE_PAGE, sh a0, 0x2e(a1))
  VM_CHECK_TVAL(s4, P_RO + 0x2e)

  # Case 13: R only: fetch page fault.
  VM_TEST_FETCH_TRAP(13, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  # Case 14: R only: the load works.
  li a0, 0
  VM_TEST_OK(14, VM_MPP_S, ld a0, 8(a1))
  VM_CHECK_EQ(a0, D1)

  # Case 15: R + W without X over a code page: fetch page fault.
  li a1, P_RW
  VM_TEST_FETCH_TRAP(15, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  # Case 16: R + X without W: store page fault.
  li a1, P_RX
  VM_TEST_TRAP(16, VM_MPP_S, VM_CAUSE_STORE_PAGE, sb a0, 0x7ff(a1))
  VM_CHECK_TVAL(s4, P_RX + 0x7ff)

  # Case 17: an AMO to an R-only page is a store page fault; rd and memory unchanged.
  li a1, P_RO
  li a0, SENT
  li a2, 1
  VM_TEST_TRAP(17, VM_MPP_S, VM_CAUSE_STORE_PAGE, amoadd.d a0, a2, (a1))
  VM_CHECK_TVAL(s4, P_RO)
  VM_CHECK_EQ(a0, SENT)
  ld t0, 0(s0)
  VM_CHECK_EQ(t0, D0)

  # Case 18: LR from an X-only page (MXR = 0) is a load page fault.
  li a1, P_XO
  VM_TEST_TRAP(18, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lr.d a0, (a1))
  VM_CHECK_TVAL(s4, P_XO)

  /* ---- U pages from S-mode (SUM) ---- */

  # Case 19-20: SUM = 0: S-mode load and store to a U page fault.
  li a1, P_URW
  VM_TEST_TRAP(19, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0x10(a1))
  VM_CHECK_TVAL(s4, P_URW + 0x10)
  VM_TEST_TRAP(20, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0x10(a1))
  VM_CHECK_TVAL(s4, P_URW + 0x10)

  # Case 21-22: SUM = 1: both work.
  li t0, VM_MSTATUS_SUM
  csrs mstatus, t0
  li a0, 0
  VM_TEST_OK(21, VM_MPP_S, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)
  li a2, 0x1234567812345678
  VM_TEST_OK(22, VM_MPP_S, sd a2, 0x10(a1))
  ld t0, 0x10(s0)
  VM_CHECK_EQ(t0, 0x1234567812345678)

  # Case 23: SUM = 1: S-mode still cannot execute from a U page.
  li a1, P_UX
  VM_TEST_FETCH_TRAP(23, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)
  li t0, VM_MSTATUS_SUM
  csrc mstatus, t0

  # Case 24: SUM = 0: nor without it.
  VM_TEST_FETCH_TRAP(24, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  /* ---- S pages from U-mode (code at the U alias) ---- */

  # Case 25-27: U-mode load, store and fetch on S pages fault; mepc is the U alias
  # address of the instruction.
  li a1, P_SRW
  VM_TEST_TRAP_OFF(25, VM_MPP_U, UOFF, VM_CAUSE_LOAD_PAGE, ld a0, 0x8(a1))
  VM_CHECK_TVAL(s4, P_SRW + 0x8)
  VM_TEST_TRAP_OFF(26, VM_MPP_U, UOFF, VM_CAUSE_STORE_PAGE, sd a0, 0x8(a1))
  VM_CHECK_TVAL(s4, P_SRW + 0x8)
  li a1, P_SX
  VM_TEST_FETCH_TRAP_OFF(27, VM_MPP_U, UOFF, VM_CAUSE_FETCH_PAGE, a1)

  # Case 28: SUM does not open S pages to U-mode.
  li t0, VM_MSTATUS_SUM
  csrs mstatus, t0
  li a1, P_SRW
  VM_TEST_TRAP_OFF(28, VM_MPP_U, UOFF, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, P_SRW)
  li t0, VM_MSTATUS_SUM
  csrc mstatus, t0

  # Case 29: U-mode load and store on a U page work.
  li a1, P_URW
  li a2, 0x0badc0de0badc0de
  li a0, 0
  VM_TEST_OK_OFF(29, VM_MPP_U, UOFF, sd a2, 0x18(a1); ld a0, 8(a1))
  VM_CHECK_EQ(a0, D1)
  ld t0, 0x18(s0)
  VM_CHECK_EQ(t0, 0x0badc0de0badc0de)

  # Case 30: U-mode fetch from a U page works.
  li a1, P_UX
  li a0, 0
  VM_TEST_OK_OFF(30, VM_MPP_U, UOFF, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x99)

  # Case 31-32: U-mode, X-only U page: load faults with MXR = 0, works with MXR = 1.
  li a1, P_UXO
  VM_TEST_TRAP_OFF(31, VM_MPP_U, UOFF, VM_CAUSE_LOAD_PAGE, lw a0, 4(a1))
  VM_CHECK_TVAL(s4, P_UXO + 4)
  li t0, VM_MSTATUS_MXR
  csrs mstatus, t0
  li a0, 0
  VM_TEST_OK_OFF(32, VM_MPP_U, UOFF, lw a0, 4(a1))
  lw t1, 4(s1)
  bne a0, t1, fail
  li t0, VM_MSTATUS_MXR
  csrc mstatus, t0

  /* ---- Reserved PTE bits, unmapped addresses ---- */

  # Case 33-36: a leaf with bit 54 (reserved), bit 60 (reserved), bit 61 (PBMT, no
  # Svpbmt) or bit 63 (N, no Svnapot) set: load page fault.
  li a1, P_R54
  VM_TEST_TRAP(33, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, P_R54)
  li a1, P_R60
  VM_TEST_TRAP(34, VM_MPP_S, VM_CAUSE_STORE_PAGE, sd a0, 0(a1))
  VM_CHECK_TVAL(s4, P_R60)
  li a1, P_R61
  VM_TEST_TRAP(35, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, P_R61)
  li a1, P_R63
  VM_TEST_FETCH_TRAP(36, VM_MPP_S, VM_CAUSE_FETCH_PAGE, a1)

  # Case 37: bit 54 set in a pointer PTE (level 1): page fault although the leaf is
  # fine.
  li a1, VA_RSVPTR + 0x10
  VM_TEST_TRAP(37, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_RSVPTR + 0x10)

  # Case 38: an address whose root entry is empty (V = 0 at the top level).
  li a1, VA_UNMAPPED + 0x123
  VM_TEST_TRAP(38, VM_MPP_S, VM_CAUSE_LOAD_PAGE, lbu a0, 0(a1))
  VM_CHECK_TVAL(s4, VA_UNMAPPED + 0x123)

  # Case 39: none of the faults above changed memory.
  ld t0, 0x20(s0)
  TEST_CASE(39, t0, 0, nop)

  /* ---- Delegated page faults (medeleg 12, 13, 15): the S-mode handler ---- */
  li t0, VM_DELEG_PAGE_FAULTS
  csrw medeleg, t0

  # Case 40: S-mode load page fault taken in S-mode: scause 13, sepc, stval, SPP = S.
  li a1, P_INV
  VM_TEST_STRAP(40, VM_MPP_S, VM_CAUSE_LOAD_PAGE, ld a0, 0x30(a1))
  VM_CHECK_TVAL(a7, P_INV + 0x30)
  andi t0, a4, VM_MSTATUS_SPP
  beqz t0, fail

  # Case 41: S-mode store page fault in S-mode.
  li a1, P_RO
  VM_TEST_STRAP(41, VM_MPP_S, VM_CAUSE_STORE_PAGE, sw a0, 0x44(a1))
  VM_CHECK_TVAL(a7, P_RO + 0x44)

  # Case 42: S-mode fetch page fault in S-mode: sepc = stval = the target.
test_42:
  li TESTNUM, 42
  li a1, P_RW + 0x40
  VM_RUN_OFF(VM_MPP_S, 0, jalr ra, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_SCALL)
  VM_CHECK_EQ(a5, VM_CAUSE_FETCH_PAGE)
  bne a6, a1, fail
  bne a7, a1, fail

  # Case 43: U-mode load page fault in S-mode: sepc = the U alias address, SPP = U.
  li a1, P_SRW
  VM_TEST_STRAP_OFF(43, VM_MPP_U, UOFF, VM_CAUSE_LOAD_PAGE, lh a0, 0x22(a1))
  VM_CHECK_TVAL(a7, P_SRW + 0x22)
  andi t0, a4, VM_MSTATUS_SPP
  bnez t0, fail

  # Case 44: U-mode store page fault in S-mode.
  VM_TEST_STRAP_OFF(44, VM_MPP_U, UOFF, VM_CAUSE_STORE_PAGE, sd a0, 0x28(a1))
  VM_CHECK_TVAL(a7, P_SRW + 0x28)

  # Case 45: the delegated faults did not write mcause/mtval: the last M-level trap
  # (the S handler's ecall) left mcause = 9 and mtval = 0.
test_45:
  li TESTNUM, 45
  csrw medeleg, zero
  csrr t0, mcause
  VM_CHECK_EQ(t0, VM_CAUSE_SCALL)
  csrr t0, mtval
  bnez t0, fail

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
  .dword D1
  .dword 0
  .dword 0
  .dword 0
  .balign 4096
RVTEST_DATA_END
