# LR/SC and AMO stress on every hart of the virt board (issue 10: the JIT's atomics
# must keep the A extension's rules across harts). Run with any -smp: each hart
# counts the harts in the device tree (a1 at entry: nodes named cpu@N), hart 0
# publishes the count, then every hart
#   phase 1, ITERS times: amoadd.d and amoadd.w +1 on shared counters (summing the
#     old values amoadd.d returned), amoor.d of its own bit, amomaxu.d of
#     hartid * ITERS + i, and +1 through lr.d/sc.d and lr.w/sc.w retry loops
#     (summing the old values of the successful lr.d/sc.d); the lr.d/sc.d pair has
#     a taken forward branch between them (allowed in a constrained LR/SC loop:
#     unpriv spec, A extension, "Eventual Success of Store-Conditional
#     Instructions"), so that an emulator that switches harts at block boundaries
#     can switch between them (so can the lock's lr.w/sc.w);
#   phase 2, LOCKS times: takes a ticket (amoadd.w.aq on even rounds, an
#     lr.w.aq/sc.w loop on odd ones), waits for its turn, and in the critical section
#     checks and bumps two plain counters that must stay equal (ld/sd, no atomics);
#     releases with fence rw,w and a plain store of the next ticket;
# then adds its sums to shared totals and bumps `done` with amoadd.d.aqrl; the last
# hart checks everything:
#   case 2-3: amoadd.d / amoadd.w counters = harts * ITERS;
#   case 4: the amoor.d mask has one bit per hart; case 5: amomaxu.d = the largest;
#   case 6-7: lr.d/sc.d and lr.w/sc.w counters = harts * ITERS;
#   case 8-9: the old values returned by amoadd.d, and those of the successful
#           lr.d/sc.d pairs, were each counter value exactly once (their sums are
#           0 + 1 + ... + harts * ITERS - 1);
#   case 10-11: the lock's counters = harts * LOCKS, both tickets too;
#   case 12: a hart waited too long for its turn (lock broken); case 13: two harts
#           were in the critical section at once; case 14: no go from hart 0;
#   case 15: the device tree has no cpu@ nodes, more than 8, or not this hart.
# Ends through the sifive_test device (build with -DPRIV_QEMU_VIRT): pass 0x5555,
# fail (case << 16) | 0x3333. Harts that are not last wait in wfi.
#include "riscv_test.h"
#include "smp.h"

#define ITERS 3000
#define LOCKS 300
#define WAIT_BOUND (1 << 27)

/* Fails case n unless reg == expect. */
#define CHECK_REG(n, reg, expect)                                       \
        li TESTNUM, n;                                                  \
        bne reg, expect, fail;

        .section .text.init
        .align 6
        .globl _start
_start:
        csrr s0, mhartid
        mv s1, a1                       /* the device tree */
        la t0, trap_vector
        csrw mtvec, t0
        li TESTNUM, 0
        bnez s0, 2f
        /* hart 0: count the harts, publish, go */
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
        li TESTNUM, 14
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
        li TESTNUM, 0

        /* Phase 1: AMOs and LR/SC. s3 = i, s5 = sum of amoadd.d old values,
         * s6 = sum of successful lr.d old values. */
        li s3, 0
        li s5, 0
        li s6, 0
        li s4, ITERS
        li t1, 1
        sll s7, t1, s0                  /* this hart's bit */
        mul s8, s0, s4                  /* hartid * ITERS */
10:
        li t1, 1
        la t0, cnt_amo_d
        amoadd.d t2, t1, (t0)
        add s5, s5, t2
        la t0, cnt_amo_w
        amoadd.w t2, t1, (t0)
        la t0, or_mask
        amoor.d zero, s7, (t0)
        la t0, max_val
        add t3, s8, s3
        amomaxu.d zero, t3, (t0)
        la t0, cnt_lrsc_d
11:
        lr.d t2, (t0)
        bgez t2, 13f                    /* a taken forward branch: ends a block */
13:
        addi t3, t2, 1
        sc.d t4, t3, (t0)
        bnez t4, 11b
        add s6, s6, t2
        la t0, cnt_lrsc_w
12:
        lr.w.aq t2, (t0)
        addiw t3, t2, 1
        sc.w.rl t4, t3, (t0)
        bnez t4, 12b
        addi s3, s3, 1
        bne s3, s4, 10b

        /* Phase 2: the ticket lock. */
        li s3, 0
        li s4, LOCKS
20:
        la t0, next_ticket
        andi t1, s3, 1
        bnez t1, 21f
        li t1, 1
        amoadd.w.aq t2, t1, (t0)
        j 22f
21:
        lr.w.aq t2, (t0)
        bgez t2, 25f
25:
        addiw t3, t2, 1
        sc.w t4, t3, (t0)
        bnez t4, 21b
22:
        la t0, now_serving
        li t5, WAIT_BOUND
23:
        lw t1, 0(t0)
        beq t1, t2, 24f
        addi t5, t5, -1
        bnez t5, 23b
        li TESTNUM, 12
        j fail
24:
        fence r, rw
        la t0, cs_a
        ld t1, 0(t0)
        la t3, cs_b
        ld t4, 0(t3)
        li TESTNUM, 13
        bne t1, t4, fail
        li TESTNUM, 0
        addi t1, t1, 1
        sd t1, 0(t0)
        addi t4, t4, 1
        sd t4, 0(t3)
        fence rw, w
        addiw t2, t2, 1
        la t0, now_serving
        sw t2, 0(t0)
        addi s3, s3, 1
        bne s3, s4, 20b

        /* Done: publish the sums; the last hart checks. */
        la t0, sum_amo
        amoadd.d zero, s5, (t0)
        la t0, sum_lrsc
        amoadd.d zero, s6, (t0)
        la t0, done
        li t1, 1
        amoadd.d.aqrl t2, t1, (t0)
        addi t2, t2, 1
        bne t2, s2, park

        li t0, ITERS
        mul s4, s2, t0                  /* s4 = harts * ITERS */
        la t0, cnt_amo_d
        ld t1, 0(t0)
        CHECK_REG(2, t1, s4)
        la t0, cnt_amo_w
        lw t1, 0(t0)
        CHECK_REG(3, t1, s4)
        li t1, 1
        sll t1, t1, s2
        addi t1, t1, -1
        la t0, or_mask
        ld t2, 0(t0)
        CHECK_REG(4, t2, t1)
        addi t1, s4, -1
        la t0, max_val
        ld t2, 0(t0)
        CHECK_REG(5, t2, t1)
        la t0, cnt_lrsc_d
        ld t1, 0(t0)
        CHECK_REG(6, t1, s4)
        la t0, cnt_lrsc_w
        lw t1, 0(t0)
        CHECK_REG(7, t1, s4)
        addi t1, s4, -1
        mul t1, t1, s4
        srli t1, t1, 1                  /* t1 = (T - 1) * T / 2 */
        la t0, sum_amo
        ld t2, 0(t0)
        CHECK_REG(8, t2, t1)
        la t0, sum_lrsc
        ld t2, 0(t0)
        CHECK_REG(9, t2, t1)
        li t0, LOCKS
        mul t1, s2, t0                  /* t1 = harts * LOCKS */
        la t0, cs_a
        ld t2, 0(t0)
        CHECK_REG(10, t2, t1)
        la t0, cs_b
        ld t2, 0(t0)
        CHECK_REG(10, t2, t1)
        la t0, next_ticket
        lw t2, 0(t0)
        CHECK_REG(11, t2, t1)
        la t0, now_serving
        lw t2, 0(t0)
        CHECK_REG(11, t2, t1)
        j pass

park:
        wfi
        j park

SMP_COUNT_CPUS_ROUTINE

        .align 2
trap_vector:
        j fail

PRIV_CODE_END

        .data
        .align 6
nharts:      .dword 0
        .align 6
go:          .dword 0
        .align 6
cnt_amo_d:   .dword 0
        .align 6
cnt_amo_w:   .word 0, 0
        .align 6
or_mask:     .dword 0
        .align 6
max_val:     .dword 0
        .align 6
cnt_lrsc_d:  .dword 0
        .align 6
cnt_lrsc_w:  .word 0, 0
        .align 6
next_ticket: .word 0, 0
        .align 6
now_serving: .word 0, 0
        .align 6
cs_a:        .dword 0
cs_b:        .dword 0
        .align 6
sum_amo:     .dword 0
        .align 6
sum_lrsc:    .dword 0
        .align 6
done:        .dword 0
