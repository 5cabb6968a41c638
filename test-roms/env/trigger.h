/* Helpers for the debug trigger (Sdtrig) ROMs, on top of riscv_test.h's PRIV_ macros
 * (include this after it; PRIV_INIT first).
 *
 * Conventions: tp = 1 when tcontrol exists (TRIG_INIT finds out: QEMU 7.2 has none,
 * and fires M-mode triggers without it). Trap records as PRIV_ (s2 = mcause,
 * s3 = mepc, s4 = mtval). The macros use t0 and t1 and local label 5.
 *
 * QEMU 7.2 ignores writes of 0 to tdata1, so triggers are disabled here by writing an
 * mcontrol (type 2) with no mode bits, which matches nothing on every implementation.
 */
#ifndef GASANG_TRIGGER_H
#define GASANG_TRIGGER_H

#define CSR_TSELECT  0x7a0
#define CSR_TDATA1   0x7a1
#define CSR_TDATA2   0x7a2
#define CSR_TDATA3   0x7a3
#define CSR_TINFO    0x7a4
#define CSR_TCONTROL 0x7a5

#define TRIG_TYPE(t) ((t) << 60)
#define MC     TRIG_TYPE(2)           /* mcontrol */
#define MC6    TRIG_TYPE(6)           /* mcontrol6 */
#define ICOUNT TRIG_TYPE(3)
#define MC_LOAD    0x1
#define MC_STORE   0x2
#define MC_EXEC    0x4
#define MC_U       0x8
#define MC_S       0x10
#define MC_M       0x40
#define MC_MATCH(m) ((m) << 7)
#define MC_CHAIN   0x800
#define MC6_SIZE(s) ((s) << 16)
#define IC_U       0x40
#define IC_S       0x80
#define IC_PENDING 0x100
#define IC_M       0x200
#define IC_COUNT(n) ((n) << 10)
#define TCONTROL_MTE  0x8
#define TCONTROL_MPTE 0x80

/* tp = 1 if tcontrol exists (a write to it does not trap), else 0; tcontrol = 0. */
#define TRIG_INIT                                                       \
        li tp, 0;                                                       \
        li s2, -1;                                                      \
        la s6, 5f;                                                      \
        csrw CSR_TCONTROL, zero;                                        \
        li tp, 1;                                                       \
        li s6, 0;                                                       \
5:      li s2, 0;

/* tcontrol = `v` where it exists. */
#define TRIG_TCONTROL(v)                                                \
        beqz tp, 5f;                                                    \
        li t0, v;                                                       \
        csrw CSR_TCONTROL, t0;                                          \
5:

/* Disable trigger `i` (an mcontrol without mode bits matches nothing). */
#define TRIG_OFF(i)                                                     \
        li t0, i;                                                       \
        csrw CSR_TSELECT, t0;                                           \
        li t0, MC;                                                      \
        csrw CSR_TDATA1, t0;

/* Set trigger `i` to tdata1 = `ctl`, tdata2 = the address of `label` plus `off`
 * (disabled while tdata2 changes, so it never matches a stale address). */
#define TRIG_SET(i, ctl, label, off)                                    \
        TRIG_OFF(i)                                                     \
        la t0, label;                                                   \
        addi t0, t0, off;                                               \
        csrw CSR_TDATA2, t0;                                            \
        li t0, ctl;                                                     \
        csrw CSR_TDATA1, t0;

/* Set trigger `i` to tdata1 = `ctl`, tdata2 = `value`. */
#define TRIG_SET_VALUE(i, ctl, value)                                   \
        TRIG_OFF(i)                                                     \
        li t0, value;                                                   \
        csrw CSR_TDATA2, t0;                                            \
        li t0, ctl;                                                     \
        csrw CSR_TDATA1, t0;

/* Reads tdata1 of the selected trigger into t1: it must be `ctl`, else the feature is
 * missing: go to `skip` (or, in the STRICT_SPEC build, fail). */
#ifdef STRICT_SPEC
#define TRIG_REQUIRE(ctl, skip)                                         \
        csrr t1, CSR_TDATA1;                                            \
        li t0, ctl;                                                     \
        bne t0, t1, fail;
#else
#define TRIG_REQUIRE(ctl, skip)                                         \
        csrr t1, CSR_TDATA1;                                            \
        li t0, ctl;                                                     \
        bne t0, t1, skip;
#endif

/* The trap value of a trigger's breakpoint: the matched address (label + off), or 0,
 * which the privileged spec also allows (QEMU 7.2 writes 0); STRICT_SPEC builds require
 * the address. */
#ifdef STRICT_SPEC
#define TRIG_CHECK_TVAL(reg, label, off)                                \
        la t0, label;                                                   \
        addi t0, t0, off;                                               \
        bne reg, t0, fail;
#else
#define TRIG_CHECK_TVAL(reg, label, off)                                \
        beqz reg, 5f;                                                   \
        la t0, label;                                                   \
        addi t0, t0, off;                                               \
        bne reg, t0, fail;                                              \
5:
#endif

/* Case `testnum`: `code` run in `mode` (PRIV_M too) must raise the breakpoint exception
 * at its first instruction (label 8), trapping to M. */
#define TRIG_EXPECT_BP(testnum, mode, code...)                          \
        PRIV_EXPECT_MTRAP(testnum, mode, PRIV_CAUSE_BREAKPOINT, code)

/* Like TRIG_EXPECT_BP, but the breakpoint is at `where` (code jumps there). */
#define TRIG_EXPECT_BP_AT(testnum, mode, where, code...)                \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li s2, -1;                                                      \
        li s3, -1;                                                      \
        li s4, -1;                                                      \
        li s7, 0;                                                       \
        la s6, 9f;                                                      \
        PRIV_MRET_TO(mode, 8f)                                          \
8:      code;                                                           \
        j fail;                                                         \
9:      PRIV_CHECK_EQ(s2, PRIV_CAUSE_BREAKPOINT)                        \
        PRIV_CHECK_LABEL(s3, where)                                     \
        PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, (mode) << 11)

/* Case `testnum`: `code` run in `mode` must complete without a trap; then back in M
 * (by ecall from S/U, by a jump in M). */
#define TRIG_EXPECT_NONE(testnum, mode, code...)                        \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li s6, 0;                                                       \
        li s7, 0;                                                       \
        PRIV_MRET_TO(mode, 8f)                                          \
8:      code;                                                           \
        li t0, PRIV_M;                                                  \
        li t1, mode;                                                    \
        beq t0, t1, 9f;                                                 \
        PRIV_GOTO_M(9f);                                                \
        j fail;                                                         \
9:

#endif
