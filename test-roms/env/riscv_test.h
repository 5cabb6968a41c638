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

#endif
