/* gasang test-ROM helpers for several harts on the virt board (prefix SMP_).
 *
 * Include after riscv_test.h. SMP_COUNT_CPUS_ROUTINE emits `count_cpus`: a0 = the
 * number of device-tree nodes named cpu@... in the flattened device tree at a1 (which
 * QEMU's and gasang's boot ROMs pass to every hart at the kernel's entry), 0 if a1 is
 * not a device tree. Uses t0-t6 and ra (a leaf routine: call it with `call`).
 */
#ifndef GASANG_SMP_H
#define GASANG_SMP_H

/* rd = the big-endian 32-bit word at off(base). Uses t6. */
#define SMP_LW_BE(rd, base, off)                                        \
        lbu rd, (off)(base);                                            \
        lbu t6, (off) + 1(base);                                        \
        slli rd, rd, 8;                                                 \
        or rd, rd, t6;                                                  \
        lbu t6, (off) + 2(base);                                        \
        slli rd, rd, 8;                                                 \
        or rd, rd, t6;                                                  \
        lbu t6, (off) + 3(base);                                        \
        slli rd, rd, 8;                                                 \
        or rd, rd, t6;

#define SMP_COUNT_CPUS_ROUTINE                                          \
count_cpus:                                                             \
        li a0, 0;                                                       \
        SMP_LW_BE(t0, a1, 0)                                            \
        li t1, 0xd00dfeed;                                              \
        bne t0, t1, 9f;                                                 \
        SMP_LW_BE(t0, a1, 8) /* off_dt_struct */                        \
        add t2, a1, t0;                                                 \
1:                                                                      \
        SMP_LW_BE(t3, t2, 0)                                            \
        addi t2, t2, 4;                                                 \
        li t4, 1; /* FDT_BEGIN_NODE */                                  \
        beq t3, t4, 3f;                                                 \
        li t4, 3; /* FDT_PROP */                                        \
        beq t3, t4, 5f;                                                 \
        li t4, 9; /* FDT_END */                                         \
        beq t3, t4, 9f;                                                 \
        j 1b; /* FDT_END_NODE, FDT_NOP */                               \
3:                                                                      \
        lbu t4, 0(t2);                                                  \
        li t5, 'c';                                                     \
        bne t4, t5, 4f;                                                 \
        lbu t4, 1(t2);                                                  \
        li t5, 'p';                                                     \
        bne t4, t5, 4f;                                                 \
        lbu t4, 2(t2);                                                  \
        li t5, 'u';                                                     \
        bne t4, t5, 4f;                                                 \
        lbu t4, 3(t2);                                                  \
        li t5, '@';                                                     \
        bne t4, t5, 4f;                                                 \
        addi a0, a0, 1;                                                 \
4:                                                                      \
        lbu t4, 0(t2);                                                  \
        addi t2, t2, 1;                                                 \
        bnez t4, 4b;                                                    \
        addi t2, t2, 3;                                                 \
        andi t2, t2, -4;                                                \
        j 1b;                                                           \
5:                                                                      \
        SMP_LW_BE(t3, t2, 0)                                            \
        addi t2, t2, 8; /* its length, nameoff */                       \
        add t2, t2, t3;                                                 \
        addi t2, t2, 3;                                                 \
        andi t2, t2, -4;                                                \
        j 1b;                                                           \
9:                                                                      \
        ret;

#endif
