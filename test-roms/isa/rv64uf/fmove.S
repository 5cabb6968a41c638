# FMV.W.X / FMV.X.W (bit-pattern moves, no flags, no NaN conversion).
# FMV.W.X takes the low 32 bits of rs1 and NaN-boxes them. FMV.X.W moves the low 32
# bits of the f register, sign-extended from bit 31, ignoring the upper 32 bits (also
# when the register is not NaN-boxed).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FMV.W.X: upper bits of rs1 ignored, result NaN-boxed
  FP_TEST_FREG( 2, 0, FP_BOX_S(0xbf800000), li a1, 0x12345678bf800000; fmv.w.x f10, a1)
  FP_TEST_FREG( 3, 0, FP_BOX_S(0x3f800000), li a1, 0x000000003f800000; fmv.w.x f10, a1)
  FP_TEST_FREG( 4, 0, FP_BOX_S(0x7f800001), li a1, 0x7f800001; fmv.w.x f10, a1)           # sNaN unchanged, no NV
  FP_TEST_FREG( 5, 0, FP_BOX_S(0x00000000), fmv.w.x f10, x0)
  FP_TEST_FREG( 6, 0, FP_BOX_S(0xffffffff), li a1, -1; fmv.w.x f10, a1)

  # FMV.X.W: sign-extends bit 31
  FP_TEST_XREG( 7, 0, 0xffffffffbf800000, li a1, 0xbf800000; fmv.w.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_XREG( 8, 0, 0x000000003f800000, li a1, 0x3f800000; fmv.w.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_XREG( 9, 0, 0x000000007f800001, li a1, 0x7f800001; fmv.w.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_XREG(10, 0, 0xffffffff80000000, li a1, 0x80000000; fmv.w.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_XREG(11, 0, 0x000000007fffffff, li a1, 0x7fffffff; fmv.w.x f11, a1; fmv.x.w a0, f11)
  # FMV.X.W of registers that are not NaN-boxed: low 32 bits, sign-extended
  FP_TEST_XREG(12, 0, 0xffffffff87654321, li a1, 0x1234567887654321; fmv.d.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_XREG(13, 0, 0x0000000012345678, li a1, 0x0000000012345678; fmv.d.x f11, a1; fmv.x.w a0, f11)
  FP_TEST_XREG(14, 0, 0x0000000000000000, li a1, 0x4010000000000000; fmv.d.x f11, a1; fmv.x.w a0, f11)
  # FMV.X.W of an arithmetic result (1.5 - 4 = -2.5)
  FP_TEST_XREG(15, 0, 0xffffffffc0200000, li a1, 0x3fc00000; fmv.w.x f11, a1; li a1, 0x40800000; fmv.w.x f12, a1; fsub.s f13, f11, f12; fmv.x.w a0, f13)
  # rd = x0 is not written
  FP_TEST_XREG(16, 0, 0, li a1, 0xbf800000; fmv.w.x f11, a1; fmv.x.w x0, f11; mv a0, x0)
  # The moves leave accrued flags alone
  FP_TEST_XREG(17, FP_NX|FP_DZ, 0xffffffffc0000000, fsflagsi FP_NX|FP_DZ; li a1, 0xc0000000; fmv.w.x f11, a1; fmv.x.w a0, f11)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
