# Reserved rounding modes. frm can hold 5, 6 and 7, but then every instruction that
# uses the dynamic rounding mode (rm = 111 = dyn) raises an illegal-instruction
# exception (mcause 2; mepc = the instruction; mtval 0 or its bits), writes nothing
# (rd, fflags and frm keep their values). Instructions with a static rm, and those
# without an rm field (sign injection, min/max, compares, fclass, moves, loads and
# stores), run normally. A static rm of 5 or 6 in the encoding is illegal whatever frm
# holds.
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
  li a1, 0x3f800000; fmv.w.x f11, a1       # 1.0
  li a1, 0x40400000; fmv.w.x f12, a1       # 3.0
  li a1, 0x40000000; fmv.w.x f13, a1       # 2.0

  TEST_CASE(2, a0, 5, fsrmi 5; frrm a0)
  TEST_CASE(3, a0, 0xa0, frcsr a0)

  # rm = dyn with frm = 5, 6, 7
  BADRM_CASE( 4, 5, fadd.s f10, f11, f12, dyn)
  BADRM_CASE( 5, 6, fadd.s f10, f11, f12, dyn)
  BADRM_CASE( 6, 7, fadd.s f10, f11, f12, dyn)
  BADRM_CASE( 7, 5, fsub.s f10, f11, f12, dyn)
  BADRM_CASE( 8, 6, fmul.s f10, f11, f12, dyn)
  BADRM_CASE( 9, 7, fdiv.s f10, f11, f12, dyn)
  BADRM_CASE(10, 5, fsqrt.s f10, f12, dyn)
  BADRM_CASE(11, 5, fmadd.s f10, f11, f12, f13, dyn)
  BADRM_CASE(12, 6, fmsub.s f10, f11, f12, f13, dyn)
  BADRM_CASE(13, 7, fnmsub.s f10, f11, f12, f13, dyn)
  BADRM_CASE(14, 5, fnmadd.s f10, f11, f12, f13, dyn)
  BADRM_CASE(15, 5, fcvt.w.s a0, f12, dyn)
  BADRM_CASE(16, 6, fcvt.lu.s a0, f12, dyn)
  li a1, 7
  BADRM_CASE(17, 5, fcvt.s.w f10, a1, dyn)
  BADRM_CASE(18, 7, fcvt.s.lu f10, a1, dyn)

  # frm = 5, static rm: runs normally (1/3 rounded down)
  fsrmi 5
  FP_TEST_S_OP2(19, fdiv.s, rtz, FP_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)
  FP_TEST_S_OP3(20, fmadd.s, rne, 0, 0x40a00000, 0x3f800000, 0x40400000, 0x40000000)
  FP_TEST_S_CVT_X(21, fcvt.w.s, rup, FP_NX, 2, 0x3fc00000)
  # frm = 5, instructions without an rm field: no trap
  FP_TEST_S_OP2_NORM(22, fsgnjn.s, 0, 0xbf800000, 0x3f800000, 0x3f800000)
  FP_TEST_S_OP2_NORM(23, fmax.s, 0, 0x40400000, 0x3f800000, 0x40400000)
  FP_TEST_S_CMP(24, flt.s, 0, 1, 0x3f800000, 0x40400000)
  FP_TEST_S_CLASS(25, 0x040, 0x3f800000)
  FP_TEST_XREG(26, 0, 0xffffffffbf800000, li a1, 0xbf800000; fmv.w.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_FREG(27, 0, FP_BOX_S(0x40400000), li a1, 0x40400000; fmv.w.x f12, a1; la a1, fbuf; fsw f12, 0(a1); flw f10, 0(a1))
  TEST_CASE(28, a0, 5, frrm a0)
  TEST_CASE(29, s5, 15, nop)                       # cases 4-18 trapped, nothing else did

  # Static rm = 5 and 6 in the encoding (fadd.s with funct3 = 5/6) with a valid frm
  fsrmi 0
  li a1, 0x3f800000; fmv.w.x f11, a1
  li a1, 0x40400000; fmv.w.x f12, a1
  BADRM_CASE(30, 0, .insn r 0x53, 5, 0, f10, f11, f12)
  BADRM_CASE(31, 1, .insn r 0x53, 6, 0, f10, f11, f12)
  BADRM_CASE(32, 0, .insn r 0x43, 5, 0, f10, f11, f12, f13)   # fmadd.s, rm = 5
  # The same encoding with funct3 = 7 is fadd.s rm = dyn: 1 + 3 = 4 with frm = 0
  fsrmi 0
  FP_TEST_FREG(33, 0, FP_BOX_S(0x40800000), .insn r 0x53, 7, 0, f10, f11, f12)
  FP_TEST_FREG(34, 0, FP_BOX_S(0x40800000), .insn r 0x53, 4, 0, f10, f11, f12)  # rm = 4 (RMM) is valid
  TEST_CASE(35, s5, 18, nop)

  TEST_PASSFAIL

RVTEST_CODE_END

MI_TRAP_HANDLER

  .data
RVTEST_DATA_BEGIN
  .align 3
fbuf:
  .dword 0
RVTEST_DATA_END
