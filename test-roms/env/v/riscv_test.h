/* gasang test-ROM environment, virtual-memory variant (riscv-tests "-v" style).
 *
 * The same RVTEST_* / TEST_* interface as ../riscv_test.h (included below; only
 * RVTEST_CODE_BEGIN is replaced), but the test body runs in S-mode with Sv39 paging on:
 *
 *   reset (M-mode): clear the registers, sp = _stack_top, mtvec = trap_vector;
 *     PMP entry 0 = NAPOT over the whole address space, RWX (S-mode may use memory);
 *     a Sv39 root table (vm_env_root, in .bss, zeroed here) with one 1 GiB leaf that
 *     identity-maps 0x8000_0000-0xbfff_ffff (V R W X A D, U = 0, G = 0): all of RAM,
 *     so the test's code, data, stack and `tohost` keep their addresses;
 *     satp = Sv39 | root, sfence.vma; medeleg = mideleg = mie = 0; menvcfg untouched;
 *     mstatus.MPP = S, mepc = test_main, mret.
 *   test_main ... RVTEST_CODE_END: S-mode, translated. Pass/fail write `tohost` from
 *     S-mode through the identity mapping, exactly as in the M-mode environment.
 *   Traps: nothing is delegated, so any trap in the body goes to the M-mode
 *     trap_vector, which calls the test's `mtvec_handler` if it defines one and else
 *     fails with the current TESTNUM (as in the M-mode environment).
 *
 * Build with -I env/v before -I env so that `#include "riscv_test.h"` finds this file.
 */
#ifndef GASANG_RISCV_TEST_V_H
#define GASANG_RISCV_TEST_V_H

#include "../riscv_test.h"

#undef RVTEST_CODE_BEGIN

/* The 1 GiB identity leaf for 0x8000_0000: PPN 0x80000, V R W X A D. */
#define VM_ENV_GIGA_PTE (((0x80000000 >> 12) << 10) | 0xcf)

#define RVTEST_CODE_BEGIN                                               \
        .section .text.init;                                            \
        .align  6;                                                      \
        .weak mtvec_handler;                                            \
        .globl _start;                                                  \
_start:                                                                 \
        j reset_vector;                                                 \
        .align 2;                                                       \
trap_vector:                                                            \
        la t5, mtvec_handler;                                           \
        beqz t5, 1f;                                                    \
        jalr t5;                                                        \
1:      j fail;                                                         \
reset_vector:                                                           \
        li x1, 0; li x2, 0; li x3, 0; li x4, 0; li x5, 0; li x6, 0;     \
        li x7, 0; li x8, 0; li x9, 0; li x10, 0; li x11, 0; li x12, 0;  \
        li x13, 0; li x14, 0; li x15, 0; li x16, 0; li x17, 0;          \
        li x18, 0; li x19, 0; li x20, 0; li x21, 0; li x22, 0;          \
        li x23, 0; li x24, 0; li x25, 0; li x26, 0; li x27, 0;          \
        li x28, 0; li x29, 0; li x30, 0; li x31, 0;                     \
        la sp, _stack_top;                                              \
        la t0, trap_vector;                                             \
        csrw mtvec, t0;                                                 \
        li t0, -1;                                                      \
        csrw pmpaddr0, t0;                                              \
        li t0, 0x1f;                                                    \
        csrw pmpcfg0, t0;                                               \
        la t0, vm_env_root;                                             \
        li t1, 4096;                                                    \
        add t1, t1, t0;                                                 \
2:      sd zero, 0(t0);                                                 \
        addi t0, t0, 8;                                                 \
        bltu t0, t1, 2b;                                                \
        la t0, vm_env_root;                                             \
        li t1, VM_ENV_GIGA_PTE;                                         \
        sd t1, 16(t0);                                                  \
        srli t0, t0, 12;                                                \
        li t1, 8;                                                       \
        slli t1, t1, 60;                                                \
        or t0, t0, t1;                                                  \
        csrw satp, t0;                                                  \
        sfence.vma;                                                     \
        csrw medeleg, zero;                                             \
        csrw mideleg, zero;                                             \
        csrw mie, zero;                                                 \
        li t0, 0x1800;                                                  \
        csrc mstatus, t0;                                               \
        li t0, 0x0800;                                                  \
        csrs mstatus, t0;                                               \
        la t0, test_main;                                               \
        csrw mepc, t0;                                                  \
        li t0, 0;                                                       \
        li t1, 0;                                                       \
        li TESTNUM, 0;                                                  \
        mret;                                                           \
        .pushsection .bss.vm_env, "aw", @nobits;                        \
        .balign 4096;                                                   \
vm_env_root:                                                            \
        .skip 4096;                                                     \
        .popsection;                                                    \
        .text;                                                          \
        .globl test_main;                                               \
test_main:

#endif
