# FMV.D.X / FMV.X.D: 64-bit bit-pattern moves between x and f registers, no flags, no
# NaN conversion; FMV.X.D of a NaN-boxed single shows the box.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_FREG( 2, 0, 0x123456789abcdef0, li a1, 0x123456789abcdef0; fmv.d.x f10, a1)
  FP_TEST_FREG( 3, 0, 0x7ff0000000000001, li a1, 0x7ff0000000000001; fmv.d.x f10, a1)   # sNaN unchanged
  FP_TEST_FREG( 4, 0, 0x0000000000000000, fmv.d.x f10, x0)
  FP_TEST_FREG( 5, 0, 0xffffffffffffffff, li a1, -1; fmv.d.x f10, a1)
  FP_TEST_XREG( 6, 0, 0x8000000000000000, li a1, 0x8000000000000000; fmv.d.x f11, a1; fmv.x.d a0, f11)
  FP_TEST_XREG( 7, 0, 0xfff8000000000123, li a1, 0xfff8000000000123; fmv.d.x f11, a1; fmv.x.d a0, f11)
  FP_TEST_XREG( 8, 0, 0x3ff0000000000000, li a1, 0x3ff0000000000000; fmv.d.x f11, a1; fmv.x.d a0, f11)
  # FMV.X.D of a single: the NaN box is visible
  FP_TEST_XREG( 9, 0, 0xffffffffbf800000, li a1, 0xbf800000; fmv.w.x f11, a1; fmv.x.d a0, f11)
  # FMV.X.D of an arithmetic result: 0.5 + 0.25
  FP_TEST_XREG(10, 0, 0x3fe8000000000000, li a1, 0x3fe0000000000000; fmv.d.x f11, a1; li a1, 0x3fd0000000000000; fmv.d.x f12, a1; fadd.d f13, f11, f12; fmv.x.d a0, f13)
  # FMV.W.X then FMV.X.D; FMV.D.X then FMV.X.W (low word, sign-extended)
  FP_TEST_XREG(11, 0, 0xffffffff00000001, li a1, 0xffffffff00000001; fmv.w.x f11, a1; fmv.x.d a0, f11)
  FP_TEST_XREG(12, 0, 0xffffffff80000001, li a1, 0x7fffffff80000001; fmv.d.x f11, a1; fmv.x.w a0, f11)
  # rd = x0
  FP_TEST_XREG(13, 0, 0, li a1, 0x3ff0000000000000; fmv.d.x f11, a1; fmv.x.d x0, f11; mv a0, x0)
  # Flags untouched
  FP_TEST_XREG(14, FP_NV|FP_UF, 0x7ff0000000000001, fsflagsi FP_NV|FP_UF; li a1, 0x7ff0000000000001; fmv.d.x f11, a1; fmv.x.d a0, f11)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
