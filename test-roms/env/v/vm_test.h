/* gasang virtual-memory and PMP test helpers (rv64vm, rv64pmp; prefix VM_).
 *
 * Include after riscv_test.h, before RVTEST_CODE_BEGIN:
 *     #include "riscv_test.h"
 *     #include "v/vm_test.h"
 * The header emits its routines (the M-mode trap handler `mtvec_handler`, the S-mode
 * trap handler `vm_strap`, the page-table builder `vm_map` and `vm_alloc`) into .text
 * and a pool of page-table pages into .bss.
 *
 * Register conventions (tests must not keep data in these across a trap or a call):
 *   M-level trap (mtvec_handler, entered through the environment's trap vector, which
 *     clobbers ra and t5): s2 = mcause, s3 = mepc, s4 = mtval, s8 = mstatus at the trap,
 *     s5 += 1; clears mstatus.MPRV, sets mstatus.MPP = s7 (VM_MPP_U/S/M) and mrets to
 *     the address in s6, clearing s6. s6 == 0: the trap was unexpected, fail.
 *   S-level trap (vm_strap, installed in stvec by VM_INIT; only reached for causes the
 *     test delegates with medeleg): a5 = scause, a6 = sepc, a7 = stval, a4 = sstatus,
 *     then `ecall` to M-mode (ecall from S is never delegated here), which the M-level
 *     handler records as cause 9 and resumes at s6.
 *   s10 = root page-table page, s11 = number of levels (3 Sv39, 4 Sv48, 5 Sv57), for
 *     vm_map. s9 is the handlers' scratch; x7 (t2) is used by the checks.
 *   Numeric labels 8 and 9 are used by the case macros: `code` must not use them.
 *   Tests that change PMP or PTEs run sfence.vma before relying on the change.
 */
#ifndef GASANG_VM_TEST_H
#define GASANG_VM_TEST_H

/* PTE bits (priv spec 4.4.1). */
#define VM_PTE_V 0x01
#define VM_PTE_R 0x02
#define VM_PTE_W 0x04
#define VM_PTE_X 0x08
#define VM_PTE_U 0x10
#define VM_PTE_G 0x20
#define VM_PTE_A 0x40
#define VM_PTE_D 0x80
#define VM_PTE_AD (VM_PTE_A | VM_PTE_D)
/* The usual leaf: valid, accessed, dirty, plus the permissions given. */
#define VM_LEAF(perm) (VM_PTE_V | VM_PTE_AD | (perm))
#define VM_RWX (VM_PTE_R | VM_PTE_W | VM_PTE_X)
#define VM_RW  (VM_PTE_R | VM_PTE_W)

/* Page sizes per leaf level. */
#define VM_LEVEL_4K   0
#define VM_LEVEL_2M   1
#define VM_LEVEL_1G   2
#define VM_LEVEL_512G 3
#define VM_LEVEL_256T 4

/* satp. */
#define VM_SATP_MODE_SHIFT 60
#define VM_SATP_BARE 0
#define VM_SATP_SV39 (8 << 60)
#define VM_SATP_SV48 (9 << 60)
#define VM_SATP_SV57 (10 << 60)
#define VM_SATP_ASID_MASK (0xffff << 44)
#define VM_SATP_PPN_MASK ((1 << 44) - 1)

/* mstatus / sstatus bits. */
#define VM_MSTATUS_SIE  0x2
#define VM_MSTATUS_SPP  0x100
#define VM_MSTATUS_MPP  0x1800
#define VM_MSTATUS_MPRV 0x20000
#define VM_MSTATUS_SUM  0x40000
#define VM_MSTATUS_MXR  0x80000
/* MPP field values. */
#define VM_MPP_U 0
#define VM_MPP_S 0x800
#define VM_MPP_M 0x1800
/* The ecall cause from the privilege whose MPP value is `mpp` (U 8, S 9, M 11). */
#define VM_ECALL_CAUSE(mpp) (8 + ((mpp) >> 11))

/* menvcfg.ADUE: hardware A/D updating (Svadu). */
#define VM_MENVCFG_ADUE (1 << 61)

/* Exception causes. */
#define VM_CAUSE_FETCH_ACCESS 1
#define VM_CAUSE_ILLEGAL      2
#define VM_CAUSE_LOAD_ACCESS  5
#define VM_CAUSE_STORE_ACCESS 7
#define VM_CAUSE_UCALL        8
#define VM_CAUSE_SCALL        9
#define VM_CAUSE_MCALL        11
#define VM_CAUSE_FETCH_PAGE   12
#define VM_CAUSE_LOAD_PAGE    13
#define VM_CAUSE_STORE_PAGE   15
/* medeleg bits for the three page faults. */
#define VM_DELEG_PAGE_FAULTS ((1 << 12) | (1 << 13) | (1 << 15))

/* PMP configuration byte. */
#define VM_PMP_R 0x01
#define VM_PMP_W 0x02
#define VM_PMP_X 0x04
#define VM_PMP_RW  0x03
#define VM_PMP_RWX 0x07
#define VM_PMP_OFF   0x00
#define VM_PMP_TOR   0x08
#define VM_PMP_NA4   0x10
#define VM_PMP_NAPOT 0x18
#define VM_PMP_L 0x80
/* pmpaddr value of a NAPOT region of `size` bytes (a power of two >= 8) at `base`. */
#define VM_PMP_NAPOT_ADDR(base, size) (((base) >> 2) | (((size) >> 3) - 1))

/* Page-table pages available to vm_alloc/vm_map (a test may define its own count). */
#ifndef VM_POOL_PAGES
#define VM_POOL_PAGES 32
#endif

/* ---- Setup ---- */

/* In M-mode, first: installs stvec = vm_strap, clears medeleg/mideleg/mie and satp,
 * zeroes the trap counter and the resume registers. */
#define VM_INIT                                                         \
        la t0, vm_strap;                                                \
        csrw stvec, t0;                                                 \
        csrw medeleg, zero;                                             \
        csrw mideleg, zero;                                             \
        csrw mie, zero;                                                 \
        csrw satp, zero;                                                \
        sfence.vma;                                                     \
        li s5, 0;                                                       \
        li s6, 0;                                                       \
        li s7, VM_MPP_M;

/* PMP entry 0: all memory (NAPOT over the whole address space), RWX, unlocked. */
#define VM_PMP_ALLOW_ALL                                                \
        li t0, -1;                                                      \
        csrw pmpaddr0, t0;                                              \
        li t0, VM_PMP_NAPOT | VM_PMP_RWX;                               \
        csrw pmpcfg0, t0;

/* satp value for `levels` (3/4/5) and the root in s10. */
#define VM_SATP_VALUE(reg, levels)                                      \
        li reg, ((levels) + 5);                                         \
        slli reg, reg, VM_SATP_MODE_SHIFT;                              \
        srli t6, s10, 12;                                               \
        or reg, reg, t6;

/* New page tables with `levels` levels: s11 = levels, s10 = a fresh root, and the RAM
 * gigabyte 0x8000_0000-0xbfff_ffff identity-mapped (1 GiB leaf, RWX, A, D, U = 0), so
 * S-mode code and data run at their physical addresses. Does not touch satp. */
#define VM_NEW_TABLES(levels)                                           \
        li s11, levels;                                                 \
        call vm_alloc;                                                  \
        mv s10, a0;                                                     \
        VM_MAP(0x80000000, 0x80000000, VM_LEVEL_1G, VM_LEAF(VM_RWX))

/* VM_NEW_TABLES, then satp = that root with the matching mode, sfence.vma. */
#define VM_PAGING_ON(levels)                                            \
        VM_NEW_TABLES(levels)                                           \
        VM_SATP_VALUE(t0, levels)                                       \
        csrw satp, t0;                                                  \
        sfence.vma;

/* Map `va` to `pa` with a leaf at `level` and PTE bits `flags` (see vm_map).
 * a0 = the leaf PTE's address afterwards. Clobbers t0-t6, a0-a3. */
#define VM_MAP(va, pa, level, flags)                                    \
        li a0, va;                                                      \
        li a1, pa;                                                      \
        li a2, level;                                                   \
        li a3, flags;                                                   \
        call vm_map;

/* Same, with the physical address of `label` (va + offset = label + offset). */
#define VM_MAP_LABEL(va, label, level, flags)                           \
        li a0, va;                                                      \
        la a1, label;                                                   \
        li a2, level;                                                   \
        li a3, flags;                                                   \
        call vm_map;

/* ---- Cases ----
 * VM_RUN_OFF runs `code` at privilege `mpp` (VM_MPP_U, VM_MPP_S or VM_MPP_M), entered
 * with mret at label 8 + `off` (off != 0 for a U-mode alias of the code, see the tests),
 * followed by an ecall that brings it back to M-mode. Afterwards (at label 9, in
 * M-mode) s2/s3/s4 hold the record of the first trap: the ecall if `code` ran through,
 * else the trap it raised. Registers set before VM_RUN_OFF reach `code` unchanged,
 * except t0, t6, s2-s4, s6, s7 and a5-a7 (the S-level record, reset to -1). Paging on,
 * U-mode code must run from a U-accessible alias of the code (off). */
#define VM_RUN_OFF(mpp, off, code...)                                   \
        li s2, -1;                                                      \
        li s3, -1;                                                      \
        li s4, -1;                                                      \
        li a5, -1;                                                      \
        li a6, -1;                                                      \
        li a7, -1;                                                      \
        la s6, 9f;                                                      \
        li s7, VM_MPP_M;                                                \
        li t0, VM_MSTATUS_MPP;                                          \
        csrc mstatus, t0;                                               \
        li t0, mpp;                                                     \
        csrs mstatus, t0;                                               \
        la t0, 8f;                                                      \
        li t6, off;                                                     \
        add t0, t0, t6;                                                 \
        csrw mepc, t0;                                                  \
        mret;                                                           \
8:      code;                                                           \
        ecall;                                                          \
        j fail;                                                         \
9:

/* Case: `code` runs through at privilege `mpp` without trapping. */
#define VM_TEST_OK_OFF(testnum, mpp, off, code...)                      \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        VM_RUN_OFF(mpp, off, code)                                      \
        li x7, VM_ECALL_CAUSE(mpp);                                     \
        bne s2, x7, fail;
#define VM_TEST_OK(testnum, mpp, code...)                               \
        VM_TEST_OK_OFF(testnum, mpp, 0, code)

/* Case: the first instruction of `code` traps to M-mode with mcause `cause` and
 * mepc = its address (label 8 + off). mtval is left in s4 for VM_CHECK_TVAL. */
#define VM_TEST_TRAP_OFF(testnum, mpp, off, cause, code...)             \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        VM_RUN_OFF(mpp, off, code)                                      \
        li x7, cause;                                                   \
        bne s2, x7, fail;                                               \
        la x7, 8b;                                                      \
        li t6, off;                                                     \
        add x7, x7, t6;                                                 \
        bne s3, x7, fail;
#define VM_TEST_TRAP(testnum, mpp, cause, code...)                      \
        VM_TEST_TRAP_OFF(testnum, mpp, 0, cause, code)

/* Case: like VM_TEST_TRAP, but the trap is delegated to S-mode: scause `cause`,
 * sepc = label 8 + off, and the S handler's ecall is the only M-level trap. stval is
 * left in a7 (VM_CHECK_TVAL(a7, ...)), sstatus in a4. */
#define VM_TEST_STRAP_OFF(testnum, mpp, off, cause, code...)            \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        VM_RUN_OFF(mpp, off, code)                                      \
        li x7, VM_CAUSE_SCALL;                                          \
        bne s2, x7, fail;                                               \
        li x7, cause;                                                   \
        bne a5, x7, fail;                                               \
        la x7, 8b;                                                      \
        li t6, off;                                                     \
        add x7, x7, t6;                                                 \
        bne a6, x7, fail;
#define VM_TEST_STRAP(testnum, mpp, cause, code...)                     \
        VM_TEST_STRAP_OFF(testnum, mpp, 0, cause, code)

/* Case: an instruction fetch from the address in `reg` (jalr ra, 0(reg) at privilege
 * `mpp`, entered at label 8 + off) traps to M-mode with mcause `cause` and
 * mepc = mtval = reg. */
#define VM_TEST_FETCH_TRAP_OFF(testnum, mpp, off, cause, reg)           \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        VM_RUN_OFF(mpp, off, jalr ra, 0(reg))                           \
        li x7, cause;                                                   \
        bne s2, x7, fail;                                               \
        bne s3, reg, fail;                                              \
        bne s4, reg, fail;
#define VM_TEST_FETCH_TRAP(testnum, mpp, cause, reg)                    \
        VM_TEST_FETCH_TRAP_OFF(testnum, mpp, 0, cause, reg)

/* Checks (jump to fail on mismatch; use x7). */
#define VM_CHECK_EQ(reg, val)                                           \
        li x7, MASK_XLEN(val);                                          \
        bne reg, x7, fail;
#define VM_CHECK_TVAL(reg, val)  VM_CHECK_EQ(reg, val)
#define VM_CHECK_REG(reg, other)                                        \
        bne reg, other, fail;

/* ---- Routines ---- */

        .pushsection .text.vm_lib, "ax", @progbits
        .align 2

/* M-level trap handler (see the register conventions above). */
        .globl mtvec_handler
mtvec_handler:
        beqz s6, 1f
        csrr s2, mcause
        csrr s3, mepc
        csrr s4, mtval
        csrr s8, mstatus
        addi s5, s5, 1
        li s9, VM_MSTATUS_MPP | VM_MSTATUS_MPRV
        csrc mstatus, s9
        li s9, VM_MSTATUS_MPP
        and s9, s9, s7
        csrs mstatus, s9
        csrw mepc, s6
        li s6, 0
        mret
1:      ret

/* S-level trap handler: records, then returns to M-mode with an ecall. */
        .align 2
        .globl vm_strap
vm_strap:
        csrr a5, scause
        csrr a6, sepc
        csrr a7, stval
        csrr a4, sstatus
        ecall
        j fail

/* vm_alloc: a0 = a fresh, zeroed 4 KiB page from the pool. Clobbers t0-t2.
 * Running out of pages fails the test. */
        .globl vm_alloc
vm_alloc:
        la t0, vm_pool_next
        ld a0, 0(t0)
        li t1, 4096
        add t1, a0, t1
        la t2, vm_pool_end
        bleu t1, t2, 1f
        j fail
1:      sd t1, 0(t0)
        mv t0, a0
2:      sd zero, 0(t0)
        addi t0, t0, 8
        bltu t0, t1, 2b
        ret

/* vm_map: a0 = virtual address, a1 = physical address, a2 = leaf level (0 = 4 KiB,
 * 1 = 2 MiB, 2 = 1 GiB, 3 = 512 GiB, 4 = 256 TiB), a3 = PTE bits ORed into the leaf
 * (V/R/W/X/U/G/A/D and, for fault tests, anything else), in the tables rooted at s10
 * with s11 levels. Missing (or non-pointer) entries above the leaf get fresh tables
 * with pointer PTEs (V only). The leaf is written as ((a1 >> 12) << 10) | a3, whatever
 * was there. Returns a0 = the leaf PTE's address. Clobbers t0-t6, a0; keeps a1-a3.
 * Uses 16 bytes of stack. */
        .globl vm_map
vm_map:
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        mv t3, s10              /* table */
        addi t4, s11, -1        /* its level */
1:      slli t5, t4, 3
        add t5, t5, t4
        addi t5, t5, 12         /* 12 + 9 * level */
        ld a0, 8(sp)
        srl t6, a0, t5
        andi t6, t6, 511
        slli t6, t6, 3
        add t6, t6, t3          /* PTE address */
        beq t4, a2, 3f
        ld t5, 0(t6)
        andi a0, t5, 0xf
        addi a0, a0, -1
        bnez a0, 2f             /* not a pointer (V only): make a new table */
        slli t3, t5, 10
        srli t3, t3, 20
        slli t3, t3, 12
        addi t4, t4, -1
        j 1b
2:      call vm_alloc
        mv t3, a0
        srli t5, a0, 12
        slli t5, t5, 10
        ori t5, t5, VM_PTE_V
        sd t5, 0(t6)
        addi t4, t4, -1
        j 1b
3:      srli t5, a1, 12
        slli t5, t5, 10
        or t5, t5, a3
        sd t5, 0(t6)
        mv a0, t6
        ld ra, 0(sp)
        addi sp, sp, 16
        ret

        .popsection

        .pushsection .data.vm_lib, "aw", @progbits
        .balign 8
vm_pool_next:
        .dword vm_pool
        .popsection

        .pushsection .bss.vm_pool, "aw", @nobits
        .balign 4096
vm_pool:
        .skip VM_POOL_PAGES * 4096
vm_pool_end:
        .popsection

#endif
