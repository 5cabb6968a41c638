# Instruction page faults in the middle of hot code (issue 10: precise traps in
# compiled code that crosses a page boundary). A function starts 8 bytes before the
# end of the mapped page FVA (two instructions: a0 += 5, a1 += 1) and goes on in the
# next page, FVA + 4096, which the caller unmaps (PTE = 0, sfence.vma for the page)
# before every 8th of its ITERS calls. The fetch from the second page then faults
# (cause 12, xepc = xtval = FVA + 4096, after the first page's two instructions
# retired exactly once); the handler maps the page to fx1a (a0 += 7) after even and
# to fx1b (a0 += 9) after odd faults, sfence.vma, and returns to the fetch.
#
#   case 2-5:  S-mode caller, faults delegated to the S-mode handler: the run, then
#              a0 = 8 * (125 * 12 + 125 * 14), a1 = ITERS (no instruction ran twice
#              or was lost), ITERS / 8 faults;
#   case 6-9:  the same with the faults taken in M-mode;
#   case 10-12 (from the handlers): a wrong xtval, a wrong xepc, a fault while the
#              page was mapped (a stale translation or a spurious fault).
#include "riscv_test.h"
#include "v/vm_test.h"

#define FVA 0x40000000
#define PAGE1 (FVA + 4096)
#define ENTRY (FVA + 4096 - 8)
#define ITERS 2000
#define EVERY 8
#define FAULTS (ITERS / EVERY)
#define EXP_A0 (EVERY * ((FAULTS / 2) * (5 + 7) + (FAULTS / 2) * (5 + 9)))

/* Handler body for privilege x (s or m): instruction page faults on PAGE1 map it;
 * anything else goes to `other`. s0 = PAGE1's leaf PTE. Clobbers a4-a7. */
#define FETCH_HANDLER(x, other)                                         \
        csrr a4, x ## cause;                                            \
        li a5, VM_CAUSE_FETCH_PAGE;                                     \
        bne a4, a5, other;                                              \
        li a5, PAGE1;                                                   \
        csrr a4, x ## tval;                                             \
        bne a4, a5, bad_tval;                                           \
        csrr a4, x ## epc;                                              \
        bne a4, a5, bad_epc;                                            \
        ld a6, 0(s0);                                                   \
        bnez a6, bad_mapped;                                            \
        la a6, faults;                                                  \
        ld a7, 0(a6);                                                   \
        addi a7, a7, 1;                                                 \
        sd a7, 0(a6);                                                   \
        andi a7, a7, 1;                                                 \
        la a6, fx1a;                                                    \
        bnez a7, 1f;                                                    \
        la a6, fx1b;                                                    \
1:      srli a6, a6, 12;                                                \
        slli a6, a6, 10;                                                \
        ori a6, a6, VM_LEAF(VM_PTE_R | VM_PTE_X);                       \
        sd a6, 0(s0);                                                   \
        sfence.vma a5, zero;                                            \
        x ## ret;

/* Cases n .. n+3: run the caller at S-mode, check a0, a1 and the fault count. */
#define FETCH_CASES(n)                                                  \
        la t0, faults;                                                  \
        sd zero, 0(t0);                                                 \
        sd zero, 0(s0);                                                 \
        sfence.vma;                                                     \
        VM_TEST_OK(n, VM_MPP_S, call caller)                            \
        li TESTNUM, n + 1;                                              \
        VM_CHECK_EQ(a0, EXP_A0)                                         \
        li TESTNUM, n + 2;                                              \
        VM_CHECK_EQ(a1, ITERS)                                          \
        li TESTNUM, n + 3;                                              \
        la t0, faults;                                                  \
        ld t0, 0(t0);                                                   \
        VM_CHECK_EQ(t0, FAULTS)

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_NEW_TABLES(3)
  VM_MAP_LABEL(FVA, fx0, VM_LEVEL_4K, VM_LEAF(VM_PTE_R | VM_PTE_X))
  VM_MAP(PAGE1, 0, VM_LEVEL_4K, 0)
  mv s0, a0                       /* s0 = PAGE1's leaf PTE */
  VM_SATP_VALUE(t0, 3)
  csrw satp, t0
  sfence.vma

  # Case 2-5: delegated to S-mode.
  li t0, 1 << VM_CAUSE_FETCH_PAGE
  csrw medeleg, t0
  la t0, fetch_shandler
  csrw stvec, t0
  FETCH_CASES(2)

  # Case 6-9: taken in M-mode.
  csrw medeleg, zero
  la t0, fetch_mhandler
  csrw mtvec, t0
  FETCH_CASES(6)
  la t0, trap_vector
  csrw mtvec, t0

  TEST_PASSFAIL

bad_tval:
  li TESTNUM, 10
  j fail
bad_epc:
  li TESTNUM, 11
  j fail
bad_mapped:
  li TESTNUM, 12
  j fail

  .align 2
fetch_shandler:
  FETCH_HANDLER(s, fail)

  .align 2
fetch_mhandler:
  FETCH_HANDLER(m, trap_vector)

/* S-mode: ITERS calls of ENTRY, unmapping PAGE1 before every EVERY-th (from the
 * first). a0, a1 = the sums. Uses t0-t5, a2, ra; s0 = PAGE1's PTE. */
  .align 2
caller:
  mv a2, ra
  li a0, 0
  li a1, 0
  li t3, 0
  li t4, ITERS
  li t2, PAGE1
1:
  andi t5, t3, EVERY - 1
  bnez t5, 2f
  sd zero, 0(s0)
  sfence.vma t2, zero
2:
  li t1, ENTRY
  jalr t1
  addi t3, t3, 1
  bne t3, t4, 1b
  mv ra, a2
  ret

  .option push
  .option norvc
  .balign 4096
fx0:
  .skip 4096 - 8
  addi a0, a0, 5                  /* ENTRY */
  addi a1, a1, 1
  .balign 4096
fx1a:                             /* PAGE1, after even faults */
  addi a0, a0, 7
  ret
  .balign 4096
fx1b:                             /* PAGE1, after odd faults */
  addi a0, a0, 9
  ret
  .option pop

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .align 3
faults: .dword 0
RVTEST_DATA_END
