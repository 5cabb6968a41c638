# FEQ.S / FLT.S / FLE.S (single precision): -0 == +0; any NaN compares false;
# FEQ raises NV only for a signaling NaN, FLT/FLE (signaling comparisons) for any NaN.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FEQ
  FP_TEST_S_CMP( 2, feq.s, 0, 1, 0x3f800000, 0x3f800000)  # feq(1, 1) = 1
  FP_TEST_S_CMP( 3, feq.s, 0, 0, 0x3f800000, 0x40000000)  # feq(1, 2) = 0
  FP_TEST_S_CMP( 4, feq.s, 0, 0, 0x40000000, 0x3f800000)  # feq(2, 1) = 0
  FP_TEST_S_CMP( 5, feq.s, 0, 0, 0xbf800000, 0x3f800000)  # feq(-1, 1) = 0
  FP_TEST_S_CMP( 6, feq.s, 0, 1, 0x00000000, 0x80000000)  # feq(0, -0) = 1
  FP_TEST_S_CMP( 7, feq.s, 0, 1, 0x80000000, 0x00000000)  # feq(-0, 0) = 1
  FP_TEST_S_CMP( 8, feq.s, 0, 0, 0xff800000, 0xff7fffff)  # feq(-inf, -3.4028235e+38) = 0
  FP_TEST_S_CMP( 9, feq.s, 0, 1, 0x7f800000, 0x7f800000)  # feq(inf, inf) = 1
  FP_TEST_S_CMP(10, feq.s, 0, 0, 0x00000001, 0x00000000)  # feq(1e-45, 0) = 0
  FP_TEST_S_CMP(11, feq.s, 0, 0, 0x80000001, 0x80000000)  # feq(-1e-45, -0) = 0
  FP_TEST_S_CMP(12, feq.s, 0, 0, 0x7fc00000, 0x3f800000)  # feq(qNaN, 1) = 0
  FP_TEST_S_CMP(13, feq.s, 0, 0, 0x3f800000, 0xffc00123)  # feq(1, -qNaN(0xffc00123)) = 0
  FP_TEST_S_CMP(14, feq.s, 0, 0, 0x7fc00000, 0x7fc00000)  # feq(qNaN, qNaN) = 0
  FP_TEST_S_CMP(15, feq.s, FP_NV, 0, 0x7f800001, 0x3f800000)  # feq(sNaN(0x7f800001), 1) = 0
  FP_TEST_S_CMP(16, feq.s, FP_NV, 0, 0x3f800000, 0x7f800001)  # feq(1, sNaN(0x7f800001)) = 0
  # FLT
  FP_TEST_S_CMP(17, flt.s, 0, 0, 0x3f800000, 0x3f800000)  # flt(1, 1) = 0
  FP_TEST_S_CMP(18, flt.s, 0, 1, 0x3f800000, 0x40000000)  # flt(1, 2) = 1
  FP_TEST_S_CMP(19, flt.s, 0, 0, 0x40000000, 0x3f800000)  # flt(2, 1) = 0
  FP_TEST_S_CMP(20, flt.s, 0, 1, 0xbf800000, 0x3f800000)  # flt(-1, 1) = 1
  FP_TEST_S_CMP(21, flt.s, 0, 0, 0x00000000, 0x80000000)  # flt(0, -0) = 0
  FP_TEST_S_CMP(22, flt.s, 0, 0, 0x80000000, 0x00000000)  # flt(-0, 0) = 0
  FP_TEST_S_CMP(23, flt.s, 0, 1, 0xff800000, 0xff7fffff)  # flt(-inf, -3.4028235e+38) = 1
  FP_TEST_S_CMP(24, flt.s, 0, 0, 0x7f800000, 0x7f800000)  # flt(inf, inf) = 0
  FP_TEST_S_CMP(25, flt.s, 0, 0, 0x00000001, 0x00000000)  # flt(1e-45, 0) = 0
  FP_TEST_S_CMP(26, flt.s, 0, 1, 0x80000001, 0x80000000)  # flt(-1e-45, -0) = 1
  FP_TEST_S_CMP(27, flt.s, FP_NV, 0, 0x7fc00000, 0x3f800000)  # flt(qNaN, 1) = 0
  FP_TEST_S_CMP(28, flt.s, FP_NV, 0, 0x3f800000, 0xffc00123)  # flt(1, -qNaN(0xffc00123)) = 0
  FP_TEST_S_CMP(29, flt.s, FP_NV, 0, 0x7fc00000, 0x7fc00000)  # flt(qNaN, qNaN) = 0
  FP_TEST_S_CMP(30, flt.s, FP_NV, 0, 0x7f800001, 0x3f800000)  # flt(sNaN(0x7f800001), 1) = 0
  FP_TEST_S_CMP(31, flt.s, FP_NV, 0, 0x3f800000, 0x7f800001)  # flt(1, sNaN(0x7f800001)) = 0
  # FLE
  FP_TEST_S_CMP(32, fle.s, 0, 1, 0x3f800000, 0x3f800000)  # fle(1, 1) = 1
  FP_TEST_S_CMP(33, fle.s, 0, 1, 0x3f800000, 0x40000000)  # fle(1, 2) = 1
  FP_TEST_S_CMP(34, fle.s, 0, 0, 0x40000000, 0x3f800000)  # fle(2, 1) = 0
  FP_TEST_S_CMP(35, fle.s, 0, 1, 0xbf800000, 0x3f800000)  # fle(-1, 1) = 1
  FP_TEST_S_CMP(36, fle.s, 0, 1, 0x00000000, 0x80000000)  # fle(0, -0) = 1
  FP_TEST_S_CMP(37, fle.s, 0, 1, 0x80000000, 0x00000000)  # fle(-0, 0) = 1
  FP_TEST_S_CMP(38, fle.s, 0, 1, 0xff800000, 0xff7fffff)  # fle(-inf, -3.4028235e+38) = 1
  FP_TEST_S_CMP(39, fle.s, 0, 1, 0x7f800000, 0x7f800000)  # fle(inf, inf) = 1
  FP_TEST_S_CMP(40, fle.s, 0, 0, 0x00000001, 0x00000000)  # fle(1e-45, 0) = 0
  FP_TEST_S_CMP(41, fle.s, 0, 1, 0x80000001, 0x80000000)  # fle(-1e-45, -0) = 1
  FP_TEST_S_CMP(42, fle.s, FP_NV, 0, 0x7fc00000, 0x3f800000)  # fle(qNaN, 1) = 0
  FP_TEST_S_CMP(43, fle.s, FP_NV, 0, 0x3f800000, 0xffc00123)  # fle(1, -qNaN(0xffc00123)) = 0
  FP_TEST_S_CMP(44, fle.s, FP_NV, 0, 0x7fc00000, 0x7fc00000)  # fle(qNaN, qNaN) = 0
  FP_TEST_S_CMP(45, fle.s, FP_NV, 0, 0x7f800001, 0x3f800000)  # fle(sNaN(0x7f800001), 1) = 0
  FP_TEST_S_CMP(46, fle.s, FP_NV, 0, 0x3f800000, 0x7f800001)  # fle(1, sNaN(0x7f800001)) = 0
  # rd = x0: nothing written (flags still raised)
  FP_TEST_XREG(47, FP_NV, 0, li a1, 0x7fc00000; fmv.w.x f11, a1; flt.s x0, f11, f11; mv a0, x0)
  # A non-NaN-boxed operand (low bits 1.0) is a quiet NaN
  FP_TEST_XREG(48, 0, 0, li a1, 0x000000003f800000; fmv.d.x f11, a1; li a2, 0x3f800000; fmv.w.x f12, a2; feq.s a0, f11, f12)
  FP_TEST_XREG(49, FP_NV, 0, li a1, 0x000000003f800000; fmv.d.x f11, a1; li a2, 0x3f800000; fmv.w.x f12, a2; flt.s a0, f12, f11)
  FP_TEST_XREG(50, FP_NV, 0, li a1, 0x000000003f800000; fmv.d.x f11, a1; li a2, 0x3f800000; fmv.w.x f12, a2; fle.s a0, f11, f12)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
