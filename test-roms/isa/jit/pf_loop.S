# A hot loop taking page faults (issue 10, JIT tests): 3000 iterations of a loop that
# loads, AMO-adds and stores at pseudo-random places in a 64-page window at virtual
# address WIN (Sv39) that starts out unmapped; the trap handler maps each page the
# first time it is touched (writes its leaf PTE, sfence.vma) and returns to the
# faulting instruction, which then runs again. The loop must end with the right
# checksum, the right memory contents and exactly one fault per page, taken by the ld,
# the amoadd.d or the sd (whichever touches the page first) as a Python model of the
# loop predicts (the expected values below; the M-mode reference run recomputes the
# checksum and the memory hash).
#
#   case 2-3:  the loop in M-mode over a physical buffer (no faults): sum and memory
#              hash (checks the loop itself and the constants);
#   case 4-9:  the loop in S-mode over WIN, page faults delegated to S-mode (stvec
#              handler, sret): sum, fault counts of the ld, amoadd.d and sd, memory
#              hash;
#   case 10-15: the same with every PTE cleared again (sfence.vma) and the faults
#              taken in M-mode (mtvec handler, mret): a translation kept from the first
#              run would skip faults and miscount;
#   case 16-18: (reported from the handler) an ld, sd or amoadd.d faulted with the
#              wrong cause.
# The handlers use sfence.vma with the faulting address for odd pages and the global
# form for even ones. A fault on a page whose PTE is already valid (a stale
# translation) or outside the window fails.
#include "riscv_test.h"
#include "v/vm_test.h"

#define WIN 0x40000000
#define NPAGES 64
#define ITERS 3000
#define SEED 0x243F6A8885A308D3
#define MULT 6364136223846793005
#define EXP_SUM 0x812e744d40
#define EXP_HASH 0x3c95e52871c5e7ac
#define EXP_LD_FAULTS 25
#define EXP_AMO_FAULTS 18
#define EXP_SD_FAULTS 21

/* Trap handler body for privilege x (s or m): page faults in the window are mapped,
 * anything else goes to `other`. The faulting instruction (its opcode at xepc) says
 * which counter to bump and which cause is right: ld 13, sd 15, amoadd.d 15 (priv
 * spec 3.7: AMOs raise store/AMO faults; QEMU 7.2 raises a load page fault, accepted
 * unless built with -DSTRICT_SPEC). Clobbers a4-a7 only. */
#ifdef STRICT_SPEC
#define PF_AMO_ALT_CAUSE VM_CAUSE_STORE_PAGE
#else
#define PF_AMO_ALT_CAUSE VM_CAUSE_LOAD_PAGE
#endif
#define PF_HANDLER(x, other)                                            \
        csrr a4, x ## cause;                                            \
        li a5, VM_CAUSE_LOAD_PAGE;                                      \
        beq a4, a5, 1f;                                                 \
        li a5, VM_CAUSE_STORE_PAGE;                                     \
        bne a4, a5, other;                                              \
1:      csrr a5, x ## tval;                                             \
        li a6, WIN;                                                     \
        sub a5, a5, a6;                                                 \
        srli a5, a5, 12;                                                \
        li a6, NPAGES;                                                  \
        bgeu a5, a6, fail;                                              \
        csrr a6, x ## epc;                                              \
        lbu a6, 0(a6);                                                  \
        andi a6, a6, 0x7f;                                              \
        li a7, 0x03;                                                    \
        beq a6, a7, 4f;                                                 \
        li a7, 0x2f;                                                    \
        beq a6, a7, 5f;                                                 \
        li a7, 0x23;                                                    \
        beq a6, a7, 6f;                                                 \
        j fail;                                                         \
4:      li a6, 0;                                                       \
        li a7, VM_CAUSE_LOAD_PAGE;                                      \
        bne a4, a7, pf_bad_ld;                                          \
        j 7f;                                                           \
5:      li a6, 8;                                                       \
        li a7, VM_CAUSE_STORE_PAGE;                                     \
        beq a4, a7, 7f;                                                 \
        li a7, PF_AMO_ALT_CAUSE;                                        \
        bne a4, a7, pf_bad_amo;                                         \
        j 7f;                                                           \
6:      li a6, 16;                                                      \
        li a7, VM_CAUSE_STORE_PAGE;                                     \
        bne a4, a7, pf_bad_sd;                                          \
7:      la a7, pf_counts;                                               \
        add a6, a6, a7;                                                 \
        ld a7, 0(a6);                                                   \
        addi a7, a7, 1;                                                 \
        sd a7, 0(a6);                                                   \
        la a6, pte_base;                                                \
        ld a6, 0(a6);                                                   \
        slli a7, a5, 3;                                                 \
        add a6, a6, a7;                                                 \
        ld a7, 0(a6);                                                   \
        andi a7, a7, VM_PTE_V;                                          \
        bnez a7, fail;                                                  \
        la a7, win_buf;                                                 \
        srli a7, a7, 12;                                                \
        add a7, a7, a5;                                                 \
        slli a7, a7, 10;                                                \
        ori a7, a7, VM_LEAF(VM_RW);                                     \
        sd a7, 0(a6);                                                   \
        andi a5, a5, 1;                                                 \
        csrr a4, x ## tval;                                             \
        beqz a5, 2f;                                                    \
        sfence.vma a4, zero;                                            \
        j 3f;                                                           \
2:      sfence.vma;                                                     \
3:      x ## ret;

/* Checks the results of a run through the window: cases n .. n+4. */
#define PF_CHECK(n)                                                     \
        li TESTNUM, n;                                                  \
        la t0, pf_sum;                                                  \
        ld t1, 0(t0);                                                   \
        VM_CHECK_EQ(t1, EXP_SUM)                                        \
        li TESTNUM, n + 1;                                              \
        la t0, pf_counts;                                               \
        ld t1, 0(t0);                                                   \
        VM_CHECK_EQ(t1, EXP_LD_FAULTS)                                  \
        li TESTNUM, n + 2;                                              \
        ld t1, 8(t0);                                                   \
        VM_CHECK_EQ(t1, EXP_AMO_FAULTS)                                 \
        li TESTNUM, n + 3;                                              \
        ld t1, 16(t0);                                                  \
        VM_CHECK_EQ(t1, EXP_SD_FAULTS)                                  \
        li TESTNUM, n + 4;                                              \
        la a0, win_buf;                                                 \
        call pf_hash;                                                   \
        VM_CHECK_EQ(a0, EXP_HASH)

RVTEST_CODE_BEGIN

  VM_INIT
  VM_PMP_ALLOW_ALL
  VM_NEW_TABLES(3)
  VM_MAP(WIN, 0, VM_LEVEL_4K, 0)  /* an invalid leaf: builds the tables down to L0 */
  la t0, pte_base
  sd a0, 0(t0)                    /* the PTE of page i is at pte_base + 8 * i */
  VM_SATP_VALUE(t0, 3)
  csrw satp, t0
  sfence.vma

  # Case 2-3: reference run in M-mode over ref_buf (physical, no translation).
  li TESTNUM, 2
  la a0, ref_buf
  call pf_loop
  la t0, pf_sum
  ld t1, 0(t0)
  VM_CHECK_EQ(t1, EXP_SUM)
  li TESTNUM, 3
  la a0, ref_buf
  call pf_hash
  VM_CHECK_EQ(a0, EXP_HASH)

  # Case 4-8: S-mode over WIN, faults delegated to the S-mode handler.
  call pf_reset
  li t0, VM_DELEG_PAGE_FAULTS
  csrw medeleg, t0
  la t0, pf_shandler
  csrw stvec, t0
  VM_TEST_OK(4, VM_MPP_S, li a0, WIN; call pf_loop)
  PF_CHECK(5)

  # Case 9-13: again from scratch (PTEs cleared, sfence.vma), faults taken in M-mode.
  call pf_reset
  csrw medeleg, zero
  la t0, pf_mhandler
  csrw mtvec, t0
  VM_TEST_OK(10, VM_MPP_S, li a0, WIN; call pf_loop)
  la t0, trap_vector
  csrw mtvec, t0
  PF_CHECK(11)

  TEST_PASSFAIL

pf_bad_ld:                        /* an ld faulted with a cause other than 13 */
  li TESTNUM, 16
  j fail
pf_bad_sd:                        /* an sd faulted with a cause other than 15 */
  li TESTNUM, 17
  j fail
pf_bad_amo:                       /* an amoadd.d faulted with a wrong cause */
  li TESTNUM, 18
  j fail

  .align 2
pf_shandler:
  PF_HANDLER(s, fail)

  .align 2
pf_mhandler:
  PF_HANDLER(m, trap_vector)

/* The hot loop: a0 = base of the 64-page window. Stores the checksum in pf_sum.
 * Uses t0-t6, a1, a2. */
  .align 2
pf_loop:
  li t0, 0                        /* i */
  li t1, SEED                     /* x: an LCG */
  li t2, 0                        /* checksum */
  li t3, MULT
  li t4, ITERS
1:
  mul t1, t1, t3
  addi t1, t1, 1
  /* ld from page (x >> 40) % 64, dword (x >> 20) % 512 */
  srli t5, t1, 40
  andi t5, t5, NPAGES - 1
  slli t5, t5, 12
  srli t6, t1, 20
  andi t6, t6, 0x1ff
  slli t6, t6, 3
  add t5, t5, t6
  add t5, t5, a0
  ld a1, 0(t5)
  add t2, t2, a1
  xor t2, t2, t0
  /* amoadd.d i to page (x >> 52) % 64, dword (x >> 3) % 512 */
  srli t5, t1, 52
  andi t5, t5, NPAGES - 1
  slli t5, t5, 12
  srli t6, t1, 3
  andi t6, t6, 0x1ff
  slli t6, t6, 3
  add t5, t5, t6
  add t5, t5, a0
  amoadd.d a2, t0, (t5)
  add t2, t2, a2
  /* sd the checksum to page (x >> 46) % 64, dword (x >> 8) % 512 */
  srli t5, t1, 46
  andi t5, t5, NPAGES - 1
  slli t5, t5, 12
  srli t6, t1, 8
  andi t6, t6, 0x1ff
  slli t6, t6, 3
  add t5, t5, t6
  add t5, t5, a0
  sd t2, 0(t5)
  addi t0, t0, 1
  bne t0, t4, 1b
  la t5, pf_sum
  sd t2, 0(t5)
  ret

/* a0 = h over the window's dwords w: h = h * 31 + w. Uses t0-t3. */
  .align 2
pf_hash:
  li t0, NPAGES * 4096
  add t0, t0, a0
  li t1, 0
  li t3, 31
1:
  ld t2, 0(a0)
  mul t1, t1, t3
  add t1, t1, t2
  addi a0, a0, 8
  bltu a0, t0, 1b
  mv a0, t1
  ret

/* M-mode: zero win_buf and the fault counters, clear the window's PTEs, sfence.vma.
 * Uses t0, t1. */
  .align 2
pf_reset:
  la t0, win_buf
  li t1, NPAGES * 4096
  add t1, t1, t0
1:
  sd zero, 0(t0)
  addi t0, t0, 8
  bltu t0, t1, 1b
  la t0, pte_base
  ld t0, 0(t0)
  addi t1, t0, NPAGES * 8
1:
  sd zero, 0(t0)
  addi t0, t0, 8
  bltu t0, t1, 1b
  la t0, pf_counts
  sd zero, 0(t0)
  sd zero, 8(t0)
  sd zero, 16(t0)
  sfence.vma
  ret

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .align 3
pte_base:  .dword 0
pf_sum:    .dword 0
pf_counts: .dword 0, 0, 0         /* faults taken by the ld, the amoadd.d, the sd */
RVTEST_DATA_END

  .pushsection .bss.pf, "aw", @nobits
  .balign 4096
ref_buf: .skip NPAGES * 4096
win_buf: .skip NPAGES * 4096
  .popsection
