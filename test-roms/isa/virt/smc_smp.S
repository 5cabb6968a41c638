# Cross-hart code modification (issue 10: with -smp N every hart has compiled code;
# a store by one hart to code that others have compiled must reach them). Run with
# any -smp (harts counted from the device tree, as in amo_smp). The code under
# change is `patched`: `addi a0, zero, IMM; ret`. In each of ROUNDS rounds:
#   hart 0 waits until every other hart has finished the previous round (acks),
#     rewrites IMM to the round's value (sw), runs fence.i and publishes the round
#     number (fence rw,w; sd);
#   every other hart waits for that round number, runs fence.i (unpriv spec, Zifencei:
#     a hart sees another hart's code stores after its own fence.i), and acks when
#     done;
#   every hart, hart 0 included, calls `patched` CALLS times in a hot loop and checks
#     each result (case 2: a hart ran the old instruction).
# Before round 1 every hart calls it CALLS times with the original IMM (case 3), so
# that the code is hot everywhere when it first changes, and acks that too.
#   case 4: a hart waited too long for a round or for the acks; case 15: the device
#   tree has no cpu@ nodes, more than 8, or not this hart.
# Ends through the sifive_test device (build with -DPRIV_QEMU_VIRT).
#include "riscv_test.h"
#include "smp.h"

#define ROUNDS 12
#define CALLS 500
#define IMM0 7
#define WAIT_BOUND (1 << 27)

/* reg = the immediate of round s3: 100 + 3 * s3. */
#define ROUND_IMM(reg)                                                  \
        slli reg, s3, 1;                                                \
        add reg, reg, s3;                                               \
        addi reg, reg, 100;

/* CALLS calls of `patched`, each must return `expect` (a register); else fail
 * case 2. Uses t0, t1, a0, ra. */
#define CALL_LOOP(expect)                                               \
        li t1, CALLS;                                                   \
1:      la t0, patched;                                                 \
        jalr t0;                                                        \
        li TESTNUM, 2;                                                  \
        bne a0, expect, fail;                                           \
        addi t1, t1, -1;                                                \
        bnez t1, 1b;

        .section .text.init
        .align 6
        .globl _start
_start:
        csrr s0, mhartid
        mv s1, a1
        la t0, trap_vector
        csrw mtvec, t0
        li TESTNUM, 0
        bnez s0, 2f
        li TESTNUM, 15
        mv a1, s1
        call count_cpus
        beqz a0, fail
        li t0, 8
        bgtu a0, t0, fail
        la t0, nharts
        sd a0, 0(t0)
        fence rw, rw
        la t0, go
        li t1, 1
        sd t1, 0(t0)
2:
        li TESTNUM, 4
        la t0, go
        li t2, WAIT_BOUND
3:
        ld t1, 0(t0)
        bnez t1, 4f
        addi t2, t2, -1
        bnez t2, 3b
        j fail
4:
        fence r, rw
        la t0, nharts
        ld s2, 0(t0)                    /* s2 = harts */
        li TESTNUM, 15
        bgeu s0, s2, fail

        /* warm-up with the original immediate */
        li s4, IMM0
        CALL_LOOP(s4)
        li TESTNUM, 3
        bne a0, s4, fail
        beqz s0, 5f
        fence rw, w                     /* the warm-up is round 0's ack */
        la t0, acks
        li t1, 1
        amoadd.d zero, t1, (t0)
5:

        li s3, 1                        /* round */
10:
        ROUND_IMM(s4)
        bnez s0, 20f
        /* hart 0: wait until every other hart is done with the last round (the
         * warm-up counts as round 0): (harts - 1) * round acks */
        addi t2, s2, -1
        mul t2, t2, s3
        la t0, acks
        li t3, WAIT_BOUND
11:
        ld t1, 0(t0)
        beq t1, t2, 12f
        addi t3, t3, -1
        bnez t3, 11b
        li TESTNUM, 4
        j fail
12:
        fence r, rw
        la t0, patched                  /* rewrite IMM */
        lw t1, 0(t0)
        li t2, 0xfffff
        and t1, t1, t2
        slli t2, s4, 20
        or t1, t1, t2
        sw t1, 0(t0)
        fence.i
        fence rw, w
        la t0, round
        sd s3, 0(t0)
        j 30f
20:
        /* other harts: wait for the round, fence.i */
        la t0, round
        li t3, WAIT_BOUND
21:
        ld t1, 0(t0)
        beq t1, s3, 22f
        addi t3, t3, -1
        bnez t3, 21b
        li TESTNUM, 4
        j fail
22:
        fence r, rw
        fence.i
30:
        CALL_LOOP(s4)
        beqz s0, 31f
        fence rw, w
        la t0, acks
        li t1, 1
        amoadd.d zero, t1, (t0)
31:
        addi s3, s3, 1
        li t0, ROUNDS + 1
        bne s3, t0, 10b

        la t0, done
        li t1, 1
        amoadd.d.aqrl t2, t1, (t0)
        addi t2, t2, 1
        bne t2, s2, park
        j pass

park:
        wfi
        j park

SMP_COUNT_CPUS_ROUTINE

        .align 2
trap_vector:
        j fail

        .option push
        .option norvc
        .align 2
patched:
        addi a0, zero, IMM0
        ret
        .option pop

PRIV_CODE_END

        .data
        .align 6
nharts: .dword 0
        .align 6
go:     .dword 0
        .align 6
round:  .dword 0
        .align 6
acks:   .dword 0
        .align 6
done:   .dword 0
