# PTE A and D bits under Sv39 (priv spec 4.3.1, 4.3.2 step 7; Svade / Svadu).
#
# menvcfg.ADUE (bit 61) is probed first: if it can be set, the hart has Svadu.
#   - ADUE = 1 (only with Svadu, cases 10-19): the hart sets A on any access and D on a
#     store, atomically with the walk; the PTE write is itself PMP-checked (a denied
#     write is an access fault of the original access type).
#   - ADUE = 0 (cases 2-9): Svade behaviour: a missing A, or a missing D on a store
#     (also AMOs), raises a page fault and leaves the PTE unchanged.
# Harts without the ADUE bit (QEMU 7.2, the oracle, which always updates A/D in
# hardware) predate the split; older specs allowed either scheme, so the default build
# accepts a hardware update there (checking the PTE then has exactly the right bits
# set: A, plus D only for stores). A hart with Svadu must fault with ADUE = 0.
# -DSTRICT_SPEC (the rv64vm-ad_strict ROM) requires the Svade faults whenever ADUE = 0:
# QEMU 7.2 fails that build at case 2.
#include "riscv_test.h"
#include "v/vm_test.h"

#define VA_D 0x3000             /* -> pdata, V R W (+ A/D per case) */
#define VA_X 0x4000             /* -> xpage, V R X (+ A/D per case) */
#define VA_RO 0x5000            /* -> pdata, V R (+ A/D per case) */
#define D0 0x0123456789abcdef
#define DATA_RW (VM_PTE_V | VM_PTE_R | VM_PTE_W)
#define CODE_RX (VM_PTE_V | VM_PTE_R | VM_PTE_X)
#define DATA_RO (VM_PTE_V | VM_PTE_R)
#define A VM_PTE_A
#define D VM_PTE_D

/* Rewrite the leaf at `ptereg` to map `label` with the low PTE bits `bits`. */
#define SET_PTE(ptereg, label, bits)                                    \
        la t0, label;                                                   \
        srli t0, t0, 12;                                                \
        slli t0, t0, 10;                                                \
        ori t0, t0, bits;                                               \
        sd t0, 0(ptereg);                                               \
        sfence.vma;

/* t1 = the low 8 bits of the PTE at `ptereg`. */
#define PTE_FLAGS(ptereg)                                               \
        ld t1, 0(ptereg);                                               \
        andi t1, t1, 0xff;

/* Where a hardware A/D update is acceptable although ADUE = 0 (see above). */
#ifdef STRICT_SPEC
#define ALLOW_HW_UPDATE j fail
#else
#define ALLOW_HW_UPDATE la t0, has_svadu; ld t0, 0(t0); bnez t0, fail
#endif

/* mepc of the expected fault: the access (label 8 of VM_RUN_OFF) or the fetch target
 * (a1). */
#define EPC_ACCESS la x7, 8b
#define EPC_TARGET mv x7, a1

/* ADUE = 0 case: with the PTE at `ptereg` (mapping `label`) set to `bits`, `code` in
 * S-mode must raise `cause` (mepc by `epc`, mtval = a1 + `off`) and leave the PTE as it
 * was, or (ALLOW_HW_UPDATE) run through with the PTE's low bits now `after`. */
#define AD_SVADE(testnum, ptereg, label, bits, cause, epc, off, after, code...) \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        SET_PTE(ptereg, label, bits)                                    \
        VM_RUN_OFF(VM_MPP_S, 0, code)                                   \
        PTE_FLAGS(ptereg)                                               \
        li x7, cause;                                                   \
        bne s2, x7, 1f;                                                 \
        epc;                                                            \
        bne s3, x7, fail;                                               \
        addi x7, a1, off;                                               \
        bne s4, x7, fail;                                               \
        li x7, bits;                                                    \
        bne t1, x7, fail;                                               \
        j 2f;                                                           \
1:      ALLOW_HW_UPDATE;                                                \
        li x7, VM_CAUSE_SCALL;                                          \
        bne s2, x7, fail;                                               \
        li x7, after;                                                   \
        bne t1, x7, fail;                                               \
2:

/* Case: `code` runs through in S-mode and the PTE's low bits become `after`. */
#define AD_OK(testnum, ptereg, label, bits, after, code...)             \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        SET_PTE(ptereg, label, bits)                                    \
        VM_RUN_OFF(VM_MPP_S, 0, code)                                   \
        li x7, VM_CAUSE_SCALL;                                          \
        bne s2, x7, fail;                                               \
        PTE_FLAGS(ptereg)                                               \
        li x7, after;                                                   \
        bne t1, x7, fail;

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_PAGING_ON(3)
  VM_MAP_LABEL(VA_X, xpage, 0, CODE_RX | A)
  mv s1, a0                       /* s1 = VA_X's leaf PTE */
  VM_MAP_LABEL(VA_RO, pdata, 0, DATA_RO | A)
  la t0, pte_ro
  sd a0, 0(t0)                    /* VA_RO's leaf PTE, for case 15 */
  VM_MAP_LABEL(VA_D, pdata, 0, DATA_RW | A | D)
  mv s0, a0                       /* s0 = VA_D's leaf PTE */
  sfence.vma

  # Probe Svadu: can menvcfg.ADUE be set?
  li t0, VM_MENVCFG_ADUE
  csrs menvcfg, t0
  csrr t1, menvcfg
  srli t1, t1, 61
  andi t1, t1, 1
  la t0, has_svadu
  sd t1, 0(t0)
  li t0, VM_MENVCFG_ADUE
  csrc menvcfg, t0
  csrr t1, menvcfg
  and t1, t1, t0
  bnez t1, fail                   /* ADUE must clear again */

  /* ---- ADUE = 0: Svade ---- */

  # Case 2: load, A = 0 (D = 1): load page fault.
  li a1, VA_D
  AD_SVADE(2, s0, pdata, DATA_RW | D, VM_CAUSE_LOAD_PAGE, EPC_ACCESS, 8, DATA_RW | A | D, ld a0, 8(a1))

  # Case 3: store, A = 1, D = 0: store page fault.
  AD_SVADE(3, s0, pdata, DATA_RW | A, VM_CAUSE_STORE_PAGE, EPC_ACCESS, 0x10, DATA_RW | A | D, sd a0, 0x10(a1))

  # Case 4: store, A = 0, D = 0: store page fault.
  AD_SVADE(4, s0, pdata, DATA_RW, VM_CAUSE_STORE_PAGE, EPC_ACCESS, 0x18, DATA_RW | A | D, sw a0, 0x18(a1))

  # Case 5: store, A = 0, D = 1: store page fault.
  AD_SVADE(5, s0, pdata, DATA_RW | D, VM_CAUSE_STORE_PAGE, EPC_ACCESS, 0x1c, DATA_RW | A | D, sh a0, 0x1c(a1))

  # Case 6: AMO, A = 1, D = 0: store page fault.
  li a2, 0
  AD_SVADE(6, s0, pdata, DATA_RW | A, VM_CAUSE_STORE_PAGE, EPC_ACCESS, 0, DATA_RW | A | D, amoor.d a0, a2, (a1))

  # Case 7: fetch, A = 0: instruction page fault at the target (a hardware update
  # sets A only).
  li a1, VA_X
  AD_SVADE(7, s1, xpage, CODE_RX, VM_CAUSE_FETCH_PAGE, EPC_TARGET, 0, CODE_RX | A, jalr ra, 0(a1))

  # Case 8: load, A = 1, D = 0: no fault, and D stays clear (loads never need D).
  li a1, VA_D
  li a0, 0
  AD_OK(8, s0, pdata, DATA_RW | A, DATA_RW | A, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)

  # Case 9: load, A = 0, D = 0: load page fault (a hardware update sets A only).
  AD_SVADE(9, s0, pdata, DATA_RW, VM_CAUSE_LOAD_PAGE, EPC_ACCESS, 0x20, DATA_RW | A, ld a0, 0x20(a1))

  /* ---- ADUE = 1: Svadu (skipped without it) ---- */
  la t0, has_svadu
  ld t0, 0(t0)
  beqz t0, no_svadu
  li t0, VM_MENVCFG_ADUE
  csrs menvcfg, t0

  # Case 10: load, A = 0, D = 0: works, sets A only.
  li a1, VA_D
  li a0, 0
  AD_OK(10, s0, pdata, DATA_RW, DATA_RW | A, ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0)

  # Case 11: store, A = 1, D = 0: works, sets D.
  li a2, 0x1122334455667788
  AD_OK(11, s0, pdata, DATA_RW | A, DATA_RW | A | D, sd a2, 0x28(a1))
  la t0, pdata
  ld t0, 0x28(t0)
  VM_CHECK_EQ(t0, 0x1122334455667788)

  # Case 12: store, A = 0, D = 0: works, sets A and D.
  AD_OK(12, s0, pdata, DATA_RW, DATA_RW | A | D, sb a2, 0x30(a1))

  # Case 13: AMO, A = 0, D = 0: works, sets A and D.
  li a2, 1
  AD_OK(13, s0, pdata, DATA_RW, DATA_RW | A | D, amoadd.d a0, a2, (a1))
  VM_CHECK_EQ(a0, D0)

  # Case 14: fetch, A = 0: works, sets A only.
  li a1, VA_X
  li a0, 0
  AD_OK(14, s1, xpage, CODE_RX, CODE_RX | A, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 0x99)

  # Case 15: a store to a page without W (A = 0): store page fault, D not set.
  li a1, VA_RO
test_15:
  li TESTNUM, 15
  la a3, pte_ro
  ld a3, 0(a3)
  SET_PTE(a3, pdata, DATA_RO)
  VM_RUN_OFF(VM_MPP_S, 0, sd a0, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_STORE_PAGE)
  VM_CHECK_EQ(s4, VA_RO)
  ld t1, 0(a3)
  andi t1, t1, D
  bnez t1, fail

  # Cases 16-18: the page table holding the test leaves is read-only for S-mode
  # accesses (PMP entry 0, NAPOT 4 KiB, R; entry 1 opens everything else). The walk
  # may read it, but an A/D update must write it: access fault of the original type.
  srli t0, s0, 12
  slli t0, t0, 10
  ori t0, t0, 0x1ff               /* NAPOT 4 KiB: (base >> 2) | 0x1ff */
  csrw pmpaddr0, t0
  li t0, -1
  csrw pmpaddr1, t0
  li t0, ((VM_PMP_NAPOT | VM_PMP_RWX) << 8) | (VM_PMP_NAPOT | VM_PMP_R)
  csrw pmpcfg0, t0
  sfence.vma

  # Case 16: load with A = 0: load access fault, mtval = the address, PTE unchanged.
  li a1, VA_D
test_16:
  li TESTNUM, 16
  SET_PTE(s0, pdata, DATA_RW)
  VM_RUN_OFF(VM_MPP_S, 0, ld a0, 0(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_LOAD_ACCESS)
  VM_CHECK_EQ(s4, VA_D)
  PTE_FLAGS(s0)
  VM_CHECK_EQ(t1, DATA_RW)

  # Case 17: store with A = 1, D = 0: store access fault, PTE unchanged.
test_17:
  li TESTNUM, 17
  SET_PTE(s0, pdata, DATA_RW | A)
  VM_RUN_OFF(VM_MPP_S, 0, sd a0, 8(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_STORE_ACCESS)
  VM_CHECK_EQ(s4, VA_D + 8)
  PTE_FLAGS(s0)
  VM_CHECK_EQ(t1, DATA_RW | A)

  # Case 18: A = D = 1: nothing to write, the load and store work.
  li a2, 0x0f0f0f0f0f0f0f0f
  AD_OK(18, s0, pdata, DATA_RW | A | D, DATA_RW | A | D, sd a2, 0x38(a1); ld a0, 0(a1))
  VM_CHECK_EQ(a0, D0 + 1)

  VM_PMP_ALLOW_ALL
  sfence.vma
  li t0, VM_MENVCFG_ADUE
  csrc menvcfg, t0

  # Case 19: ADUE = 0 again: faults again (the hart went back to Svade).
  li a1, VA_D
  AD_SVADE(19, s0, pdata, DATA_RW, VM_CAUSE_LOAD_PAGE, EPC_ACCESS, 0, DATA_RW | A, ld a0, 0(a1))

no_svadu:
  TEST_PASSFAIL

  .balign 4096
xpage:
  li a0, 0x99
  ret
  .balign 4096

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
has_svadu:
  .dword 0
pte_ro:
  .dword 0
  .balign 4096
pdata:
  .dword D0
  .balign 4096
RVTEST_DATA_END
