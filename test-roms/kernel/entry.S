# Entry of every hart, in M-mode at 0x80000000 (QEMU's and gasang's reset vector jump
# here with a0 = mhartid, a1 = the device tree), the S-mode trap vector, and the M-mode
# trap vector (nothing should trap to M-mode once the kernel runs in S-mode).

        .equ STACK_SIZE, 8192
        .equ NCPU, 8

        .section .text.entry
        .globl _entry
_entry:
        csrr t0, mhartid
        li t1, NCPU
        bgeu t0, t1, park
        la sp, stacks
        li t1, STACK_SIZE
        addi t2, t0, 1
        mul t1, t1, t2
        add sp, sp, t1
        mv a0, t0
        # a1: the device tree
        call start
park:
        wfi
        j park

# S-mode traps: save the caller-saved registers, handle in C, return (like xv6's
# kernelvec).
        .text
        .globl kernelvec
        .align 4
kernelvec:
        addi sp, sp, -256
        sd ra, 0(sp)
        sd gp, 16(sp)
        sd tp, 24(sp)
        sd t0, 32(sp)
        sd t1, 40(sp)
        sd t2, 48(sp)
        sd a0, 72(sp)
        sd a1, 80(sp)
        sd a2, 88(sp)
        sd a3, 96(sp)
        sd a4, 104(sp)
        sd a5, 112(sp)
        sd a6, 120(sp)
        sd a7, 128(sp)
        sd t3, 216(sp)
        sd t4, 224(sp)
        sd t5, 232(sp)
        sd t6, 240(sp)
        call kerneltrap
        ld ra, 0(sp)
        ld gp, 16(sp)
        ld t0, 32(sp)
        ld t1, 40(sp)
        ld t2, 48(sp)
        ld a0, 72(sp)
        ld a1, 80(sp)
        ld a2, 88(sp)
        ld a3, 96(sp)
        ld a4, 104(sp)
        ld a5, 112(sp)
        ld a6, 120(sp)
        ld a7, 128(sp)
        ld t3, 216(sp)
        ld t4, 224(sp)
        ld t5, 232(sp)
        ld t6, 240(sp)
        addi sp, sp, 256
        sret

# M-mode traps: report and power off with a failure code.
        .globl mtrapvec
        .align 4
mtrapvec:
        csrr t0, mhartid
        la sp, mtrap_stacks
        li t1, 1024
        addi t0, t0, 1
        mul t1, t1, t0
        add sp, sp, t1
        call mtrap

        .bss
        .align 12
        .globl stacks
stacks:
        .space STACK_SIZE * NCPU
mtrap_stacks:
        .space 1024 * NCPU
