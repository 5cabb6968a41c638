/* gasang test-ROM environment: riscv-tests conventions, our own macros.
 *
 * A test program is:
 *     #include "riscv_test.h"
 *     RVTEST_CODE_BEGIN
 *       TEST_xxx(...) cases; each sets TESTNUM (gp) to its number first
 *     RVTEST_CODE_END
 *     RVTEST_DATA_BEGIN ... RVTEST_DATA_END
 *
 * Pass writes 1 to `tohost`; fail writes (TESTNUM << 1) | 1, so the host sees the number
 * of the failing case. Cases are numbered from 2; a failure outside any case (TESTNUM
 * still 0) reports case 1. An unexpected trap fails with the current TESTNUM, unless the
 * program defines `mtvec_handler`, which is then called first: it either handles the trap
 * (and returns with mret itself) or falls through (ret) to the failure path.
 */
#ifndef GASANG_RISCV_TEST_H
#define GASANG_RISCV_TEST_H

#define TESTNUM gp

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
        li TESTNUM, 0;                                                  \
        j test_main;                                                    \
        .text;                                                          \
        .globl test_main;                                               \
test_main:

#define RVTEST_CODE_END                                                 \
        j pass;                                                         \
pass:                                                                   \
        fence;                                                          \
        li t0, 1;                                                       \
        la t1, tohost;                                                  \
        sd t0, 0(t1);                                                   \
1:      j 1b;                                                           \
fail:                                                                   \
        fence;                                                          \
        bnez TESTNUM, 2f;                                               \
        li TESTNUM, 1;                                                  \
2:                                                                      \
        slli t0, TESTNUM, 1;                                            \
        ori t0, t0, 1;                                                  \
        la t1, tohost;                                                  \
        sd t0, 0(t1);                                                   \
1:      j 1b;

#define RVTEST_DATA_BEGIN                                               \
        .pushsection .tohost, "aw", @progbits;                          \
        .align 6; .globl tohost; tohost: .dword 0; .size tohost, 8;     \
        .align 6; .globl fromhost; fromhost: .dword 0; .size fromhost, 8; \
        .popsection;                                                    \
        .data;                                                          \
        .align 4;

#define RVTEST_DATA_END

/* ---- Test-case helpers (riscv-tests shapes, our own definitions) ---- */

#define MASK_XLEN(x) ((x) & 0xffffffffffffffff)
#define SEXT_IMM(x) ((x) | (-(((x) >> 11) & 1) << 11))

/* Run `code`, then compare `testreg` with `correctval`. */
#define TEST_CASE(testnum, testreg, correctval, code...)                \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        code;                                                           \
        li x7, MASK_XLEN(correctval);                                   \
        bne testreg, x7, fail;

#define TEST_IMM_OP(testnum, inst, result, val1, imm)                   \
        TEST_CASE(testnum, x14, result,                                 \
          li x1, MASK_XLEN(val1);                                       \
          inst x14, x1, SEXT_IMM(imm))

#define TEST_IMM_SRC1_EQ_DEST(testnum, inst, result, val1, imm)         \
        TEST_CASE(testnum, x1, result,                                  \
          li x1, MASK_XLEN(val1);                                       \
          inst x1, x1, SEXT_IMM(imm))

#define TEST_IMM_ZERODEST(testnum, inst, val1, imm)                     \
        TEST_CASE(testnum, x0, 0,                                       \
          li x1, MASK_XLEN(val1);                                       \
          inst x0, x1, SEXT_IMM(imm))

#define TEST_RR_OP(testnum, inst, result, val1, val2)                   \
        TEST_CASE(testnum, x14, result,                                 \
          li x1, MASK_XLEN(val1);                                       \
          li x2, MASK_XLEN(val2);                                       \
          inst x14, x1, x2)

#define TEST_RR_SRC1_EQ_DEST(testnum, inst, result, val1, val2)         \
        TEST_CASE(testnum, x1, result,                                  \
          li x1, MASK_XLEN(val1);                                       \
          li x2, MASK_XLEN(val2);                                       \
          inst x1, x1, x2)

#define TEST_RR_SRC2_EQ_DEST(testnum, inst, result, val1, val2)         \
        TEST_CASE(testnum, x2, result,                                  \
          li x1, MASK_XLEN(val1);                                       \
          li x2, MASK_XLEN(val2);                                       \
          inst x2, x1, x2)

#define TEST_RR_ZERODEST(testnum, inst, val1, val2)                     \
        TEST_CASE(testnum, x0, 0,                                       \
          li x1, MASK_XLEN(val1);                                       \
          li x2, MASK_XLEN(val2);                                       \
          inst x0, x1, x2)

/* Load `inst` from `base + offset` and expect `result`. */
#define TEST_LD_OP(testnum, inst, result, offset, base)                 \
        TEST_CASE(testnum, x14, result,                                 \
          li x15, result;                                               \
          la x2, base;                                                  \
          inst x14, offset(x2))

/* Store `result` with `store_inst` and read it back with `load_inst`. */
#define TEST_ST_OP(testnum, load_inst, store_inst, result, offset, base) \
        TEST_CASE(testnum, x14, result,                                 \
          la x2, base;                                                  \
          li x1, result;                                                \
          store_inst x1, offset(x2);                                    \
          load_inst x14, offset(x2))

/* Branch taken/not-taken: `inst` must (not) branch for val1, val2. */
#define TEST_BR2_OP_TAKEN(testnum, inst, val1, val2)                    \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x1, val1;                                                    \
        li x2, val2;                                                    \
        inst x1, x2, 2f;                                                \
        bne x0, TESTNUM, fail;                                          \
1:      bne x0, TESTNUM, 3f;                                            \
2:      inst x1, x2, 1b;                                                \
        bne x0, TESTNUM, fail;                                          \
3:

#define TEST_BR2_OP_NOTTAKEN(testnum, inst, val1, val2)                 \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x1, val1;                                                    \
        li x2, val2;                                                    \
        inst x1, x2, 1f;                                                \
        bne x0, TESTNUM, 2f;                                            \
1:      bne x0, TESTNUM, fail;                                          \
2:      inst x1, x2, 1b;                                                \
3:

#define TEST_PASSFAIL                                                   \
        bne x0, TESTNUM, pass;                                          \
fail_ ## __LINE__: j fail;

/* ---- AMO helpers (rv64ua; added with the rv64um/ua/mi tests) ----
 * The test defines a 16-byte, 8-byte-aligned scratch area `amo_buf` in its data
 * section. TEST_AMO_GEN fills amo_buf with AMO_GUARD_D, stores `init` (with `store`)
 * at amo_buf+off, runs `inst rd, x12, (x13)` with x12 = operand and x13 = amo_buf+off,
 * then checks rd == result_rd (the old value; sign-extended for .w), the memory at
 * amo_buf+off == result_mem (read back with `load`), and that the neighbouring
 * word/dword at amo_buf+goff still holds `guard` (the AMO wrote only its own width).
 * rd may be x0 (result_rd then 0), x12 (rd == rs2) or x13 (rd == rs1). Uses x7, x10-x15. */
#define AMO_GUARD_D 0x5ac3a55a5ac3a55a
#define AMO_GUARD_W 0x5ac3a55a

#define TEST_AMO_GEN(testnum, inst, load, store, rd, result_rd, result_mem, init, operand, off, goff, guard) \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        la x10, amo_buf;                                                \
        li x11, AMO_GUARD_D;                                            \
        sd x11, 0(x10);                                                 \
        sd x11, 8(x10);                                                 \
        li x11, MASK_XLEN(init);                                        \
        store x11, off(x10);                                            \
        li x12, MASK_XLEN(operand);                                     \
        addi x13, x10, off;                                             \
        inst rd, x12, (x13);                                            \
        li x7, MASK_XLEN(result_rd);                                    \
        bne rd, x7, fail;                                               \
        load x15, off(x10);                                             \
        li x7, MASK_XLEN(result_mem);                                   \
        bne x15, x7, fail;                                              \
        load x15, goff(x10);                                            \
        li x7, guard;                                                   \
        bne x15, x7, fail;

/* 64-bit AMO on amo_buf+0; rd = x14. */
#define TEST_AMO_D(testnum, inst, result_rd, result_mem, init, operand) \
        TEST_AMO_GEN(testnum, inst, ld, sd, x14, result_rd, result_mem, init, operand, 0, 8, AMO_GUARD_D)

/* 32-bit AMO on amo_buf+0; rd = x14; result_rd and result_mem are the
 * sign-extended 64-bit values. */
#define TEST_AMO_W(testnum, inst, result_rd, result_mem, init, operand) \
        TEST_AMO_GEN(testnum, inst, lw, sw, x14, result_rd, result_mem, init, operand, 0, 4, AMO_GUARD_W)

/* ---- rv64ui / rv64uc helpers (prefixes UI_ and UC_) ---- */

/* Preloaded into a destination so that an instruction that fails to write rd is caught. */
#define UI_SENTINEL 0x5a5a5a5a5a5a5a5a

/* rd == rs1 == rs2. */
#define UI_TEST_RR_SRC12_EQ_DEST(testnum, inst, result, val1)           \
        TEST_CASE(testnum, x1, result,                                  \
          li x1, MASK_XLEN(val1);                                       \
          inst x1, x1, x1)

/* x0 as a source operand must read as 0. */
#define UI_TEST_RR_ZEROSRC1(testnum, inst, result, val)                 \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, UI_SENTINEL;                                          \
          li x2, MASK_XLEN(val);                                        \
          inst x14, x0, x2)

#define UI_TEST_RR_ZEROSRC2(testnum, inst, result, val)                 \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, UI_SENTINEL;                                          \
          li x1, MASK_XLEN(val);                                        \
          inst x14, x1, x0)

#define UI_TEST_RR_ZEROSRC12(testnum, inst, result)                     \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, UI_SENTINEL;                                          \
          inst x14, x0, x0)

#define UI_TEST_IMM_ZEROSRC1(testnum, inst, result, imm)                \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, UI_SENTINEL;                                          \
          inst x14, x0, SEXT_IMM(imm))

/* Compressed two-register op (CA/CR format) on x8, x9: x8 = x8 op x9. */
#define UC_TEST_CR_OP(testnum, inst, result, val1, val2)                \
        TEST_CASE(testnum, x8, result,                                  \
          li x8, MASK_XLEN(val1);                                       \
          li x9, MASK_XLEN(val2);                                       \
          inst x8, x9)

/* Compressed register-immediate op (CI/CB format) on x8: x8 = x8 op imm. */
#define UC_TEST_CI_OP(testnum, inst, result, val1, imm)                 \
        TEST_CASE(testnum, x8, result,                                  \
          li x8, MASK_XLEN(val1);                                       \
          inst x8, imm)

/* ---- Trap helpers (rv64mi; added with the rv64um/ua/mi tests) ----
 * MI_TRAP_HANDLER defines mtvec_handler (place it after RVTEST_CODE_END). On a trap
 * it records mcause in s2, mepc in s3, mtval in s4, mstatus (as seen by the handler)
 * in s8, increments the trap counter s5, sets mstatus.MPP = M and resumes at the
 * address in s6, clearing s6. With s6 == 0 the trap was unexpected: it returns to the
 * environment's failure path. Note that the environment's trap vector clobbers t5 and
 * ra; the handler also clobbers s9. */
#define MI_TRAP_HANDLER                                                 \
        .text;                                                          \
        .align 2;                                                       \
        .globl mtvec_handler;                                           \
mtvec_handler:                                                          \
        beqz s6, 1f;                                                    \
        csrr s2, mcause;                                                \
        csrr s3, mepc;                                                  \
        csrr s4, mtval;                                                 \
        csrr s8, mstatus;                                               \
        addi s5, s5, 1;                                                 \
        li s9, 0x1800;                                                  \
        csrs mstatus, s9;                                               \
        csrw mepc, s6;                                                  \
        li s6, 0;                                                       \
        mret;                                                           \
1:      ret;

/* Case `testnum`: the first instruction of `code` (label 8) must trap with mcause
 * `cause` and mepc == its address; execution resumes after `code` (label 9). If
 * `code` runs to its end without trapping, the case fails. Needs MI_TRAP_HANDLER.
 * mtval is left in s4 for the test to check. Do not use labels 8/9 in `code`. */
#define TEST_EXPECT_TRAP(testnum, cause, code...)                       \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li s2, -1;                                                      \
        li s3, -1;                                                      \
        li s4, -1;                                                      \
        la s6, 9f;                                                      \
8:      code;                                                           \
        j fail;                                                         \
9:      li x7, cause;                                                   \
        bne s2, x7, fail;                                               \
        la x7, 8b;                                                      \
        bne s3, x7, fail;

/* Like TEST_EXPECT_TRAP, but mcause may be either `cause_a` or `cause_b` (for cases
 * where QEMU, the oracle, deviates from the spec). */
#define TEST_EXPECT_TRAP_EITHER(testnum, cause_a, cause_b, code...)     \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li s2, -1;                                                      \
        li s3, -1;                                                      \
        li s4, -1;                                                      \
        la s6, 9f;                                                      \
8:      code;                                                           \
        j fail;                                                         \
9:      la x7, 8b;                                                      \
        bne s3, x7, fail;                                               \
        li x7, cause_a;                                                 \
        beq s2, x7, 7f;                                                 \
        li x7, cause_b;                                                 \
        bne s2, x7, fail;                                               \
7:

/* s4 (mtval) must be 0 or the zero-extended 32-bit instruction at `label`
 * (read as two halfwords, so the label may be only 2-byte aligned). Uses x7, t6. */
#define CHECK_MTVAL_INSN32(label)                                       \
        beqz s4, 7f;                                                    \
        la x7, label;                                                   \
        lhu t6, 2(x7);                                                  \
        lhu x7, 0(x7);                                                  \
        slli t6, t6, 16;                                                \
        or x7, x7, t6;                                                  \
        bne s4, x7, fail;                                               \
7:

/* s4 (mtval) must be 0 or the zero-extended 16-bit instruction at `label`. */
#define CHECK_MTVAL_INSN16(label)                                       \
        beqz s4, 7f;                                                    \
        la x7, label;                                                   \
        lhu x7, 0(x7);                                                  \
        bne s4, x7, fail;                                               \
7:

/* ---- Floating-point helpers (rv64uf / rv64ud; prefix FP_) ----
 * FP_ENABLE sets mstatus.FS = Initial (FP instructions trap while FS = Off) and clears
 * fcsr (fflags = 0, frm = RNE). The FP_TEST_* cases clear fflags, run their code and
 * then check the result and the accrued flags (exactly: a missing or a spurious flag
 * fails). Inputs: integer bit patterns in a1, a2, a3, moved into f11, f12, f13 with
 * fmv.w.x (single: NaN-boxes) or fmv.d.x (double). Results: f10 (compared as the full
 * 64-bit register image with fmv.x.d, so a single result must be NaN-boxed) or a0.
 * f10 / a0 are preloaded with a sentinel so that a missing write is caught.
 * Uses t0, t1, x7, a0-a3, f10-f13. `rm` is a rounding-mode operand (rne, rtz, rdn,
 * rup, rmm or dyn). */
#define FP_NV 0x10
#define FP_DZ 0x08
#define FP_OF 0x04
#define FP_UF 0x02
#define FP_NX 0x01
#define FP_SENTINEL 0x5a5a5a5a5a5a5a5a
/* A single-precision bit pattern as a NaN-boxed 64-bit register image. */
#define FP_BOX_S(x) (0xffffffff00000000 | (x))

#define FP_ENABLE                                                       \
        li t0, (1 << 13);                                               \
        csrs mstatus, t0;                                               \
        csrwi fcsr, 0

/* Run `code`; f10 must hold the 64-bit image `result` and fflags must be `flags`. */
#define FP_TEST_FREG(testnum, flags, result, code...)                   \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li t0, FP_SENTINEL;                                             \
        fmv.d.x f10, t0;                                                \
        fsflags x0;                                                     \
        code;                                                           \
        frflags t1;                                                     \
        fmv.x.d t0, f10;                                                \
        li x7, MASK_XLEN(result);                                       \
        bne t0, x7, fail;                                               \
        li x7, flags;                                                   \
        bne t1, x7, fail;

/* Run `code`; a0 must hold `result` (64-bit) and fflags must be `flags`. */
#define FP_TEST_XREG(testnum, flags, result, code...)                   \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li a0, FP_SENTINEL;                                             \
        fsflags x0;                                                     \
        code;                                                           \
        frflags t1;                                                     \
        li x7, MASK_XLEN(result);                                       \
        bne a0, x7, fail;                                               \
        li x7, flags;                                                   \
        bne t1, x7, fail;

/* Generic shapes; `mv` is fmv.w.x or fmv.d.x, `result` a 64-bit image. */
#define FP_TEST_OP1(testnum, inst, rm, flags, result, mv, val1)         \
        FP_TEST_FREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          inst f10, f11, rm)
#define FP_TEST_OP2(testnum, inst, rm, flags, result, mv, val1, val2)   \
        FP_TEST_FREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          li a2, MASK_XLEN(val2); mv f12, a2;                           \
          inst f10, f11, f12, rm)
#define FP_TEST_OP2_NORM(testnum, inst, flags, result, mv, val1, val2)  \
        FP_TEST_FREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          li a2, MASK_XLEN(val2); mv f12, a2;                           \
          inst f10, f11, f12)
#define FP_TEST_OP3(testnum, inst, rm, flags, result, mv, val1, val2, val3) \
        FP_TEST_FREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          li a2, MASK_XLEN(val2); mv f12, a2;                           \
          li a3, MASK_XLEN(val3); mv f13, a3;                           \
          inst f10, f11, f12, f13, rm)
/* Comparisons (a0 = inst f11, f12). */
#define FP_TEST_CMP(testnum, inst, flags, result, mv, val1, val2)       \
        FP_TEST_XREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          li a2, MASK_XLEN(val2); mv f12, a2;                           \
          inst a0, f11, f12)
/* fclass (a0 = inst f11; never sets flags). */
#define FP_TEST_CLASS(testnum, inst, result, mv, val1)                  \
        FP_TEST_XREG(testnum, 0, result,                                \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          inst a0, f11)
/* FP -> integer conversion (a0 = inst f11, rm). */
#define FP_TEST_CVT_X(testnum, inst, rm, flags, result, mv, val1)       \
        FP_TEST_XREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1); mv f11, a1;                           \
          inst a0, f11, rm)
/* Integer -> FP conversion (f10 = inst a1, rm). */
#define FP_TEST_CVT_F(testnum, inst, rm, flags, result, val1)           \
        FP_TEST_FREG(testnum, flags, result,                            \
          li a1, MASK_XLEN(val1);                                       \
          inst f10, a1, rm)

/* Single precision: operands and results are 32-bit patterns. */
#define FP_TEST_S_OP1(n, inst, rm, flags, result, v1)                   \
        FP_TEST_OP1(n, inst, rm, flags, FP_BOX_S(result), fmv.w.x, v1)
#define FP_TEST_S_OP2(n, inst, rm, flags, result, v1, v2)               \
        FP_TEST_OP2(n, inst, rm, flags, FP_BOX_S(result), fmv.w.x, v1, v2)
#define FP_TEST_S_OP2_NORM(n, inst, flags, result, v1, v2)              \
        FP_TEST_OP2_NORM(n, inst, flags, FP_BOX_S(result), fmv.w.x, v1, v2)
#define FP_TEST_S_OP3(n, inst, rm, flags, result, v1, v2, v3)           \
        FP_TEST_OP3(n, inst, rm, flags, FP_BOX_S(result), fmv.w.x, v1, v2, v3)
#define FP_TEST_S_CMP(n, inst, flags, result, v1, v2)                   \
        FP_TEST_CMP(n, inst, flags, result, fmv.w.x, v1, v2)
#define FP_TEST_S_CLASS(n, result, v1)                                  \
        FP_TEST_CLASS(n, fclass.s, result, fmv.w.x, v1)
#define FP_TEST_S_CVT_X(n, inst, rm, flags, result, v1)                 \
        FP_TEST_CVT_X(n, inst, rm, flags, result, fmv.w.x, v1)
#define FP_TEST_S_CVT_F(n, inst, rm, flags, result, v1)                 \
        FP_TEST_CVT_F(n, inst, rm, flags, FP_BOX_S(result), v1)

/* Double precision: operands and results are 64-bit patterns. */
#define FP_TEST_D_OP1(n, inst, rm, flags, result, v1)                   \
        FP_TEST_OP1(n, inst, rm, flags, result, fmv.d.x, v1)
#define FP_TEST_D_OP2(n, inst, rm, flags, result, v1, v2)               \
        FP_TEST_OP2(n, inst, rm, flags, result, fmv.d.x, v1, v2)
#define FP_TEST_D_OP2_NORM(n, inst, flags, result, v1, v2)              \
        FP_TEST_OP2_NORM(n, inst, flags, result, fmv.d.x, v1, v2)
#define FP_TEST_D_OP3(n, inst, rm, flags, result, v1, v2, v3)           \
        FP_TEST_OP3(n, inst, rm, flags, result, fmv.d.x, v1, v2, v3)
#define FP_TEST_D_CMP(n, inst, flags, result, v1, v2)                   \
        FP_TEST_CMP(n, inst, flags, result, fmv.d.x, v1, v2)
#define FP_TEST_D_CLASS(n, result, v1)                                  \
        FP_TEST_CLASS(n, fclass.d, result, fmv.d.x, v1)
#define FP_TEST_D_CVT_X(n, inst, rm, flags, result, v1)                 \
        FP_TEST_CVT_X(n, inst, rm, flags, result, fmv.d.x, v1)
#define FP_TEST_D_CVT_F(n, inst, rm, flags, result, v1)                 \
        FP_TEST_CVT_F(n, inst, rm, flags, result, v1)

/* Dynamic rounding: run `code` (which uses rm = dyn) with frm = `frm`, then restore
 * frm = RNE. Use inside a case's code: FP_DYN(2, fadd.s f10, f11, f12, dyn). */
#define FP_DYN(frm, code...)                                            \
        fsrmi frm;                                                      \
        code;                                                           \
        fsrmi 0

/* ---- Privilege-mode helpers (prefix PRIV_; added with the rv64si and rv64mi
 * priv_* / irq_* tests) ----
 * PRIV_INIT (run first, in M-mode) installs the two recording trap handlers defined by
 * PRIV_TRAP_HANDLERS (place that after RVTEST_CODE_END), opens all memory to S/U with
 * PMP entry 0 (NAPOT, RWX), clears medeleg, mideleg, mie, mip and satp, and zeroes the
 * trap counters. Register conventions (tests must not keep data in these):
 *   M-level trap (priv_mtrap, in mtvec, direct mode): s2 = mcause, s3 = mepc,
 *     s4 = mtval, s8 = mstatus at handler entry, s5 += 1; then continues IN M-MODE at
 *     the address in s6, clearing s6. It does not mret: mstatus (MPP, MPIE, MIE) and
 *     mepc stay as the trap left them. s6 == 0: the trap was unexpected, fail.
 *   S-level trap (priv_strap, in stvec, direct mode): s10 = scause, s11 = sepc,
 *     a6 = stval, a7 = sstatus at handler entry, s1 += 1; then continues IN S-MODE at
 *     the address in s7, clearing s7. s7 == 0: unexpected, fail.
 *   Both handlers use s9 as scratch; the check macros use x7 (t2) and t6; the mode
 *   switch macros use t0. Numeric labels 6-9 are used by the macros. */
#define PRIV_U 0
#define PRIV_S 1
#define PRIV_M 3

#define PRIV_MSTATUS_SIE   0x2
#define PRIV_MSTATUS_MIE   0x8
#define PRIV_MSTATUS_SPIE  0x20
#define PRIV_MSTATUS_UBE   0x40
#define PRIV_MSTATUS_MPIE  0x80
#define PRIV_MSTATUS_SPP   0x100
#define PRIV_MSTATUS_MPP   0x1800
#define PRIV_MSTATUS_MPRV  0x20000
#define PRIV_MSTATUS_SUM   0x40000
#define PRIV_MSTATUS_MXR   0x80000
#define PRIV_MSTATUS_TVM   0x100000
#define PRIV_MSTATUS_TW    0x200000
#define PRIV_MSTATUS_TSR   0x400000

/* Exception causes. */
#define PRIV_CAUSE_FETCH_ACCESS  1
#define PRIV_CAUSE_ILLEGAL       2
#define PRIV_CAUSE_BREAKPOINT    3
#define PRIV_CAUSE_LOAD_MISALIGN 4
#define PRIV_CAUSE_LOAD_ACCESS   5
#define PRIV_CAUSE_STORE_MISALIGN 6
#define PRIV_CAUSE_STORE_ACCESS  7
#define PRIV_CAUSE_UCALL         8
#define PRIV_CAUSE_SCALL         9
#define PRIV_CAUSE_MCALL         11

/* Interrupt numbers (mip/mie/mideleg bit positions; cause = PRIV_INTR | number). */
#define PRIV_IRQ_SSI 1
#define PRIV_IRQ_MSI 3
#define PRIV_IRQ_STI 5
#define PRIV_IRQ_MTI 7
#define PRIV_IRQ_SEI 9
#define PRIV_IRQ_MEI 11
#define PRIV_INTR 0x8000000000000000
#define PRIV_MIP_SSIP (1 << PRIV_IRQ_SSI)
#define PRIV_MIP_MSIP (1 << PRIV_IRQ_MSI)
#define PRIV_MIP_STIP (1 << PRIV_IRQ_STI)
#define PRIV_MIP_MTIP (1 << PRIV_IRQ_MTI)
#define PRIV_MIP_SEIP (1 << PRIV_IRQ_SEI)
#define PRIV_MIP_MEIP (1 << PRIV_IRQ_MEI)

/* CLINT (QEMU spike/virt layout, also gasang's bare machine), one hart. */
#define PRIV_CLINT_MSIP     0x02000000
#define PRIV_CLINT_MTIMECMP 0x02004000
#define PRIV_CLINT_MTIME    0x0200bff8

#define PRIV_MENVCFG_STCE 0x8000000000000000
#define PRIV_CSR_STIMECMP 0x14d

#define PRIV_INIT                                                       \
        la t0, priv_mtrap;                                              \
        csrw mtvec, t0;                                                 \
        la t0, priv_strap;                                              \
        csrw stvec, t0;                                                 \
        li t0, -1;                                                      \
        csrw pmpaddr0, t0;                                              \
        li t0, 0x1f;                                                    \
        csrw pmpcfg0, t0;                                               \
        csrw medeleg, zero;                                             \
        csrw mideleg, zero;                                             \
        csrw mie, zero;                                                 \
        csrw mip, zero;                                                 \
        csrw satp, zero;                                                \
        li s1, 0;                                                       \
        li s5, 0;                                                       \
        li s6, 0;                                                       \
        li s7, 0;

#define PRIV_TRAP_HANDLERS                                              \
        .text;                                                          \
        .align 2;                                                       \
        .globl priv_mtrap;                                              \
priv_mtrap:                                                             \
        bnez s6, 1f;                                                    \
        j fail;                                                         \
1:      csrr s2, mcause;                                                \
        csrr s3, mepc;                                                  \
        csrr s4, mtval;                                                 \
        csrr s8, mstatus;                                               \
        addi s5, s5, 1;                                                 \
        mv s9, s6;                                                      \
        li s6, 0;                                                       \
        jr s9;                                                          \
        .align 2;                                                       \
        .globl priv_strap;                                              \
priv_strap:                                                             \
        bnez s7, 1f;                                                    \
        j fail;                                                         \
1:      csrr s10, scause;                                               \
        csrr s11, sepc;                                                 \
        csrr a6, stval;                                                 \
        csrr a7, sstatus;                                               \
        addi s1, s1, 1;                                                 \
        mv s9, s7;                                                      \
        li s7, 0;                                                       \
        jr s9;

/* Start case `testnum` (label test_<testnum>). */
#define PRIV_CASE(testnum)                                              \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;

/* Checks; each jumps to fail on mismatch. Use x7 and t6. */
#define PRIV_CHECK_EQ(reg, val)                                         \
        li x7, MASK_XLEN(val);                                          \
        bne reg, x7, fail;
#define PRIV_CHECK_FIELD(reg, mask, val)                                \
        li x7, MASK_XLEN(mask);                                         \
        and x7, reg, x7;                                                \
        li t6, MASK_XLEN(val);                                          \
        bne x7, t6, fail;
#define PRIV_CHECK_LABEL(reg, label)                                    \
        la x7, label;                                                   \
        bne reg, x7, fail;
/* A trap value that may be 0 or the zero-extended 32-bit instruction at `label`. */
#define PRIV_CHECK_TVAL_INSN32(reg, label)                              \
        beqz reg, 6f;                                                   \
        la x7, label;                                                   \
        lhu t6, 2(x7);                                                  \
        lhu x7, 0(x7);                                                  \
        slli t6, t6, 16;                                                \
        or x7, x7, t6;                                                  \
        bne reg, x7, fail;                                              \
6:
/* A trap value that may be 0 or the address of `label` (breakpoints). */
#define PRIV_CHECK_TVAL_ZERO_OR_LABEL(reg, label)                       \
        beqz reg, 6f;                                                   \
        la x7, label;                                                   \
        bne reg, x7, fail;                                              \
6:

/* Set mstatus.MPP = `mode`, mepc = `target` and mret. Usable in M-mode only. */
#define PRIV_MRET_TO(mode, target)                                      \
        li t0, PRIV_MSTATUS_MPP;                                        \
        csrc mstatus, t0;                                               \
        li t0, ((mode) << 11);                                          \
        csrs mstatus, t0;                                               \
        la t0, target;                                                  \
        csrw mepc, t0;                                                  \
        mret;

/* Set sstatus.SPP = `mode` (PRIV_U or PRIV_S), sepc = `target` and sret. */
#define PRIV_SRET_TO(mode, target)                                      \
        li t0, PRIV_MSTATUS_SPP;                                        \
        csrc sstatus, t0;                                               \
        li t0, ((mode) << 8);                                           \
        csrs sstatus, t0;                                               \
        la t0, target;                                                  \
        csrw sepc, t0;                                                  \
        sret;

/* From S- or U-mode: ecall to M-mode (ecall must not be delegated for the current
 * mode) and continue in M-mode at `label`. The M record then describes this ecall. */
#define PRIV_GOTO_M(label)                                              \
        la s6, label;                                                   \
        ecall;

/* The current mode must be `mode` (PRIV_U / PRIV_S; not delegated ecall): proves it
 * with an ecall (cause 8 + mode) and continues in M-mode. */
#define PRIV_EXPECT_MODE(mode)                                          \
        PRIV_GOTO_M(6f);                                                \
        j fail;                                                         \
6:      PRIV_CHECK_EQ(s2, PRIV_CAUSE_UCALL + (mode));

/* A trap value that may be 0 or `val` (a constant). */
#define PRIV_CHECK_TVAL_ZERO_OR(reg, val)                               \
        beqz reg, 6f;                                                   \
        li x7, MASK_XLEN(val);                                          \
        bne reg, x7, fail;                                              \
6:

/* Case `testnum`, started in M-mode: run `code` in privilege `mode` (entered with mret;
 * PRIV_M is allowed). Its first instruction (label 8) must trap to M-mode with mcause
 * `cause_a` or `cause_b`, mepc = 8b and mstatus.MPP = `mode`; an S-level trap fails.
 * Continues in M-mode (after label 9) with the M record (s2, s3, s4, s8) for further
 * checks. Labels 6-9 must not be used in `code`. */
#define PRIV_EXPECT_MTRAP_EITHER(testnum, mode, cause_a, cause_b, code...) \
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
9:      li x7, MASK_XLEN(cause_a);                                      \
        beq s2, x7, 7f;                                                 \
        li x7, MASK_XLEN(cause_b);                                      \
        bne s2, x7, fail;                                               \
7:      PRIV_CHECK_LABEL(s3, 8b)                                        \
        PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, (mode) << 11)

#define PRIV_EXPECT_MTRAP(testnum, mode, cause, code...)                \
        PRIV_EXPECT_MTRAP_EITHER(testnum, mode, cause, cause, code)

/* Like PRIV_EXPECT_MTRAP_EITHER, but the trap must be taken by S-mode (mode is PRIV_U
 * or PRIV_S): scause `cause_a` or `cause_b`, sepc = 8b, sstatus.SPP = `mode`; an
 * M-level trap fails. The S handler resumes in S-mode, which returns to M with an
 * ecall (medeleg[9] must be clear). Continues in M-mode with the S record (s10, s11,
 * a6, a7). */
#define PRIV_EXPECT_STRAP_EITHER(testnum, mode, cause_a, cause_b, code...) \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li s10, -1;                                                     \
        li s11, -1;                                                     \
        li a6, -1;                                                      \
        li s6, 0;                                                       \
        la s7, 9f;                                                      \
        PRIV_MRET_TO(mode, 8f)                                          \
8:      code;                                                           \
        j fail;                                                         \
9:      PRIV_EXPECT_MODE(PRIV_S)                                        \
        li x7, MASK_XLEN(cause_a);                                      \
        beq s10, x7, 7f;                                                \
        li x7, MASK_XLEN(cause_b);                                      \
        bne s10, x7, fail;                                              \
7:      PRIV_CHECK_LABEL(s11, 8b)                                       \
        PRIV_CHECK_FIELD(a7, PRIV_MSTATUS_SPP, (mode) << 8)

#define PRIV_EXPECT_STRAP(testnum, mode, cause, code...)                \
        PRIV_EXPECT_STRAP_EITHER(testnum, mode, cause, cause, code)

/* PRIV_CODE_END: RVTEST_CODE_END, or with -DPRIV_QEMU_VIRT a variant for QEMU's virt
 * board (which has no HTIF): pass and fail end through the SiFive test device at
 * 0x100000 (0x5555 = pass, (case << 16) | 0x3333 = fail with exit status `case`).
 * Used by the tests that need the `time` CSR, which QEMU's spike board lacks. */
#define PRIV_VIRT_TEST_DEV 0x100000
#ifdef PRIV_QEMU_VIRT
#define PRIV_CODE_END                                                   \
        j pass;                                                         \
pass:                                                                   \
        fence;                                                          \
        li t0, 0x5555;                                                  \
        li t1, PRIV_VIRT_TEST_DEV;                                      \
        sw t0, 0(t1);                                                   \
1:      j 1b;                                                           \
fail:                                                                   \
        fence;                                                          \
        bnez TESTNUM, 2f;                                               \
        li TESTNUM, 1;                                                  \
2:                                                                      \
        slli t0, TESTNUM, 16;                                           \
        li t1, 0x3333;                                                  \
        or t0, t0, t1;                                                  \
        li t1, PRIV_VIRT_TEST_DEV;                                      \
        sw t0, 0(t1);                                                   \
1:      j 1b;
#else
#define PRIV_CODE_END RVTEST_CODE_END
#endif

/* ---- Interrupt handlers (PRIV_IRQ_HANDLERS; place after RVTEST_CODE_END instead of
 * PRIV_TRAP_HANDLERS, and install with PRIV_IRQ_INIT instead of PRIV_INIT) ----
 * priv_mirq (M-level, direct) / priv_sirq (S-level, direct):
 *   interrupt: s2 / s10 = xcause, s3 / s11 = xepc, s8 / a7 = xstatus, s5 / s1 += 1;
 *     appends the cause to priv_irq_log (S-level ones + PRIV_SLOG, so the log tells
 *     which level took it), disables the interrupt by clearing its bit in mie / sie
 *     (the test clears the source), and returns with mret / sret to the interrupted
 *     code; if that is a wfi (the interrupt came just before it), to the instruction
 *     after it, so that the wfi cannot wait for an interrupt already taken (the
 *     recorded xepc is unchanged). More than PRIV_LOG_MAX interrupts (a storm): fail.
 *   exception: like priv_mtrap / priv_strap (record, then continue at s6 / s7).
 * priv_mvec / priv_svec: vector tables (256-byte aligned) for vectored mode
 *   (mtvec = priv_mvec | 1): slot N sets a5 = N and enters priv_mirq / priv_sirq.
 *   Tests set a5 = -1 beforehand; in direct mode a5 is left alone.
 * priv_irq_log: .dword count, then the logged causes.
 * The handlers preserve t0 through mscratch / sscratch and clobber s9 (and a5). */
#define PRIV_SLOG 0x100
#define PRIV_LOG_MAX 14

#define PRIV_IRQ_INIT                                                   \
        PRIV_INIT                                                       \
        la t0, priv_mirq;                                               \
        csrw mtvec, t0;                                                 \
        la t0, priv_sirq;                                               \
        csrw stvec, t0;                                                 \
        li t0, PRIV_CLINT_MSIP;                                         \
        sw zero, 0(t0);                                                 \
        li t0, PRIV_CLINT_MTIMECMP;                                     \
        li t1, -1;                                                      \
        sd t1, 0(t0);                                                   \
        PRIV_LOG_CLEAR

/* Empty the interrupt log. Uses t0. */
#define PRIV_LOG_CLEAR                                                  \
        la t0, priv_irq_log;                                            \
        sd zero, 0(t0);

/* reg = number of logged interrupts / the n-th (from 1) logged cause. */
#define PRIV_LOG_COUNT(reg)                                             \
        la reg, priv_irq_log;                                           \
        ld reg, 0(reg);
#define PRIV_LOG_ENTRY(reg, n)                                          \
        la reg, priv_irq_log;                                           \
        ld reg, (8 * (n))(reg);

/* The log holds exactly `n` entries. Uses x7, t6. */
#define PRIV_CHECK_LOG_COUNT(n)                                         \
        PRIV_LOG_COUNT(t6)                                              \
        li x7, n;                                                       \
        bne t6, x7, fail;
/* Entry n (from 1) of the log is `cause`. Uses x7, t6. */
#define PRIV_CHECK_LOG(n, cause)                                        \
        PRIV_LOG_ENTRY(t6, n)                                           \
        li x7, MASK_XLEN(cause);                                        \
        bne t6, x7, fail;

/* Wait, up to about 10 million iterations, until the log holds at least n entries;
 * falls through either way (check the log afterwards). Uses t0, t1. */
#define PRIV_WAIT_LOG(n)                                                \
        li t1, 10000000;                                                \
6:      la t0, priv_irq_log;                                            \
        ld t0, 0(t0);                                                   \
        addi t0, t0, -(n);                                              \
        bgez t0, 7f;                                                    \
        addi t1, t1, -1;                                                \
        bnez t1, 6b;                                                    \
7:

#define PRIV_IRQ_HANDLER(x, cause, epc, status, rcause, repc, rstatus, count, resume, slog, ret) \
        csrw x ## scratch, t0;                                          \
        csrr s9, cause;                                                 \
        bltz s9, 1f;                                                    \
        csrr t0, x ## scratch;                                          \
        bnez resume, 2f;                                                \
        j fail;                                                         \
2:      mv rcause, s9;                                                  \
        csrr repc, epc;                                                 \
        csrr rstatus, status;                                           \
        addi count, count, 1;                                           \
        mv s9, resume;                                                  \
        li resume, 0;                                                   \
        jr s9;                                                          \
1:      mv rcause, s9;                                                  \
        csrr repc, epc;                                                 \
        csrr rstatus, status;                                           \
        addi count, count, 1;                                           \
        la s9, priv_irq_log;                                            \
        ld t0, 0(s9);                                                   \
        addi t0, t0, 1;                                                 \
        sd t0, 0(s9);                                                   \
        addi t0, t0, -(PRIV_LOG_MAX + 1);                               \
        bltz t0, 3f;                                                    \
        j fail;                                                         \
3:      addi t0, t0, PRIV_LOG_MAX + 1;                                  \
        slli t0, t0, 3;                                                 \
        add s9, s9, t0;                                                 \
        li t0, slog;                                                    \
        add t0, t0, rcause;                                             \
        sd t0, 0(s9);                                                   \
        andi s9, rcause, 63;                                            \
        li t0, 1;                                                       \
        sll t0, t0, s9;                                                 \
        csrc x ## ie, t0;                                               \
        lhu t0, 0(repc);                                                \
        addi t0, t0, -0x073;                                            \
        bnez t0, 4f;                                                    \
        lhu t0, 2(repc);                                                \
        li s9, 0x1050;                                                  \
        bne t0, s9, 4f;                                                 \
        addi s9, repc, 4;                                               \
        csrw epc, s9;                                                   \
4:      csrr t0, x ## scratch;                                          \
        ret;

#define PRIV_VEC_SLOT(x, n)                                             \
x ## vec_slot_ ## n:                                                    \
        li a5, n;                                                       \
        j x ## irq;

#define PRIV_IRQ_HANDLERS                                               \
        .text;                                                          \
        .align 2;                                                       \
        .globl priv_mirq;                                               \
priv_mirq:                                                              \
        PRIV_IRQ_HANDLER(m, mcause, mepc, mstatus, s2, s3, s8, s5, s6, 0, mret) \
        .align 2;                                                       \
        .globl priv_sirq;                                               \
priv_sirq:                                                              \
        PRIV_IRQ_HANDLER(s, scause, sepc, sstatus, s10, s11, a7, s1, s7, PRIV_SLOG, sret) \
        .option push;                                                   \
        .option norvc;                                                  \
        .align 8;                                                       \
        .globl priv_mvec;                                               \
priv_mvec:                                                              \
        j priv_mvec_slot_0; j priv_mvec_slot_1; j priv_mvec_slot_2; j priv_mvec_slot_3; \
        j priv_mvec_slot_4; j priv_mvec_slot_5; j priv_mvec_slot_6; j priv_mvec_slot_7; \
        j priv_mvec_slot_8; j priv_mvec_slot_9; j priv_mvec_slot_10; j priv_mvec_slot_11; \
        j priv_mvec_slot_12; j priv_mvec_slot_13; j priv_mvec_slot_14; j priv_mvec_slot_15; \
        .align 8;                                                       \
        .globl priv_svec;                                               \
priv_svec:                                                              \
        j priv_svec_slot_0; j priv_svec_slot_1; j priv_svec_slot_2; j priv_svec_slot_3; \
        j priv_svec_slot_4; j priv_svec_slot_5; j priv_svec_slot_6; j priv_svec_slot_7; \
        j priv_svec_slot_8; j priv_svec_slot_9; j priv_svec_slot_10; j priv_svec_slot_11; \
        j priv_svec_slot_12; j priv_svec_slot_13; j priv_svec_slot_14; j priv_svec_slot_15; \
        .option pop;                                                    \
        PRIV_VEC_SLOT(priv_m, 0) PRIV_VEC_SLOT(priv_m, 1) PRIV_VEC_SLOT(priv_m, 2) PRIV_VEC_SLOT(priv_m, 3) \
        PRIV_VEC_SLOT(priv_m, 4) PRIV_VEC_SLOT(priv_m, 5) PRIV_VEC_SLOT(priv_m, 6) PRIV_VEC_SLOT(priv_m, 7) \
        PRIV_VEC_SLOT(priv_m, 8) PRIV_VEC_SLOT(priv_m, 9) PRIV_VEC_SLOT(priv_m, 10) PRIV_VEC_SLOT(priv_m, 11) \
        PRIV_VEC_SLOT(priv_m, 12) PRIV_VEC_SLOT(priv_m, 13) PRIV_VEC_SLOT(priv_m, 14) PRIV_VEC_SLOT(priv_m, 15) \
        PRIV_VEC_SLOT(priv_s, 0) PRIV_VEC_SLOT(priv_s, 1) PRIV_VEC_SLOT(priv_s, 2) PRIV_VEC_SLOT(priv_s, 3) \
        PRIV_VEC_SLOT(priv_s, 4) PRIV_VEC_SLOT(priv_s, 5) PRIV_VEC_SLOT(priv_s, 6) PRIV_VEC_SLOT(priv_s, 7) \
        PRIV_VEC_SLOT(priv_s, 8) PRIV_VEC_SLOT(priv_s, 9) PRIV_VEC_SLOT(priv_s, 10) PRIV_VEC_SLOT(priv_s, 11) \
        PRIV_VEC_SLOT(priv_s, 12) PRIV_VEC_SLOT(priv_s, 13) PRIV_VEC_SLOT(priv_s, 14) PRIV_VEC_SLOT(priv_s, 15) \
        .pushsection .data;                                             \
        .align 3;                                                       \
        .globl priv_irq_log;                                            \
priv_irq_log:                                                           \
        .dword 0;                                                       \
        .skip 8 * PRIV_LOG_MAX;                                         \
        .popsection;                                                    \
        .globl priv_mtrap;                                              \
        .set priv_mtrap, priv_mirq;                                     \
        .globl priv_strap;                                              \
        .set priv_strap, priv_sirq;

/* ---- Bit-manipulation helpers (rv64uzb; prefix ZB_) ----
 * One-source instructions (clz, cpop, sext.b, rev8, ...): x14 = inst x1. */
#define ZB_TEST_R_OP(testnum, inst, result, val1)                       \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, UI_SENTINEL;                                          \
          li x1, MASK_XLEN(val1);                                       \
          inst x14, x1)

#define ZB_TEST_R_SRC1_EQ_DEST(testnum, inst, result, val1)             \
        TEST_CASE(testnum, x1, result,                                  \
          li x1, MASK_XLEN(val1);                                       \
          inst x1, x1)

#define ZB_TEST_R_ZEROSRC1(testnum, inst, result)                       \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, UI_SENTINEL;                                          \
          inst x14, x0)

#define ZB_TEST_R_ZERODEST(testnum, inst, val1)                         \
        TEST_CASE(testnum, x0, 0,                                       \
          li x1, MASK_XLEN(val1);                                       \
          inst x0, x1)

#endif
