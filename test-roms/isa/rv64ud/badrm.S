# Reserved rounding modes with double-precision instructions. With frm = 5, 6 or 7
# every instruction that uses rm = dyn raises an illegal-instruction exception
# (mcause 2) and writes nothing; static rounding modes and instructions without an rm
# field run normally; a static rm of 5 or 6 in the encoding is illegal.
#include "riscv_test.h"

/* Case `testnum`: with frm = frmval, the first instruction of `code` must trap; then
 * f10 and a0 still hold the sentinel, fflags is 0 and frm is still frmval. */
#define BADRM_CASE(testnum, frmval, code...)                            \
        li t0, FP_SENTINEL; fmv.d.x f10, t0; mv a0, t0;                 \
        fsflags x0; fsrmi frmval;                                       \
        TEST_EXPECT_TRAP(testnum, 2, code)                              \
        CHECK_MTVAL_INSN32(8b)                                          \
        li x7, FP_SENTINEL; fmv.x.d t0, f10; bne t0, x7, fail;          \
        bne a0, x7, fail;                                               \
        frflags t1; bnez t1, fail;                                      \
        frrm t1; li x7, frmval; bne t1, x7, fail;

RVTEST_CODE_BEGIN

  li s5, 0
  li s6, 0
  FP_ENABLE
  li a1, 0x3ff0000000000000; fmv.d.x f11, a1       # 1.0
  li a1, 0x4008000000000000; fmv.d.x f12, a1       # 3.0
  li a1, 0x4000000000000000; fmv.d.x f13, a1       # 2.0

  BADRM_CASE( 2, 5, fadd.d f10, f11, f12, dyn)
  BADRM_CASE( 3, 6, fsub.d f10, f11, f12, dyn)
  BADRM_CASE( 4, 7, fmul.d f10, f11, f12, dyn)
  BADRM_CASE( 5, 5, fdiv.d f10, f11, f12, dyn)
  BADRM_CASE( 6, 6, fsqrt.d f10, f12, dyn)
  BADRM_CASE( 7, 7, fmadd.d f10, f11, f12, f13, dyn)
  BADRM_CASE( 8, 5, fnmadd.d f10, f11, f12, f13, dyn)
  BADRM_CASE( 9, 5, fcvt.l.d a0, f12, dyn)
  BADRM_CASE(10, 6, fcvt.wu.d a0, f12, dyn)
  li a1, 7
  BADRM_CASE(11, 7, fcvt.d.l f10, a1, dyn)
  BADRM_CASE(12, 5, fcvt.s.d f10, f12, dyn)

  # frm = 5: static rm and rm-less instructions run normally
  fsrmi 5
  FP_TEST_D_OP2(13, fdiv.d, rup, FP_NX, 0x3fd5555555555556, 0x3ff0000000000000, 0x4008000000000000)
  FP_TEST_D_CVT_X(14, fcvt.l.d, rmm, FP_NX, 2, 0x3ff8000000000000)
  FP_TEST_D_OP2_NORM(15, fsgnjx.d, 0, 0xbff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)
  FP_TEST_D_OP2_NORM(16, fmin.d, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x4008000000000000)
  FP_TEST_D_CMP(17, fle.d, 0, 1, 0x3ff0000000000000, 0x3ff0000000000000)
  FP_TEST_D_CLASS(18, 0x010, 0x0000000000000000)
  FP_TEST_FREG(19, 0, 0x4008000000000000, li a1, 0x4008000000000000; fmv.d.x f12, a1; la a1, fbuf; fsd f12, 0(a1); fld f10, 0(a1))
  FP_TEST_XREG(20, 0, 0x4008000000000000, fmv.x.d a0, f12)
  TEST_CASE(21, s5, 11, nop)

  # Static rm = 5 / 6 (fadd.d: funct7 = 1)
  fsrmi 0
  li a1, 0x3ff0000000000000; fmv.d.x f11, a1       # 1.0
  li a1, 0x4008000000000000; fmv.d.x f12, a1       # 3.0
  BADRM_CASE(22, 0, .insn r 0x53, 5, 1, f10, f11, f12)
  BADRM_CASE(23, 2, .insn r 0x53, 6, 1, f10, f11, f12)
  fsrmi 0
  FP_TEST_FREG(24, 0, 0x4010000000000000, .insn r 0x53, 7, 1, f10, f11, f12)   # rm = dyn: 1 + 3
  TEST_CASE(25, s5, 13, nop)

  TEST_PASSFAIL

RVTEST_CODE_END

MI_TRAP_HANDLER

  .data
RVTEST_DATA_BEGIN
  .align 3
fbuf:
  .dword 0
RVTEST_DATA_END
