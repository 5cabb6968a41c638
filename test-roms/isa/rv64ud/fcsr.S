# Accrued flags and the dynamic rounding mode with double-precision instructions
# (the CSRs themselves are covered by rv64uf/fcsr.S): flags accumulate across
# instructions until a CSR write clears them; rm = dyn follows frm.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE
  li a1, 0x3ff0000000000000; fmv.d.x f1, a1           # 1.0
  li a1, 0x4008000000000000; fmv.d.x f3, a1           # 3.0
  li a1, 0x7ff0000000000001; fmv.d.x f5, a1           # sNaN
  li a1, 0x7fefffffffffffff; fmv.d.x f6, a1           # maxfin
  li a1, 0x0010000000000000; fmv.d.x f7, a1           # minnorm
  fmv.d.x f0, x0                                      # +0

  TEST_CASE( 2, a0, FP_NX, fdiv.d f4, f1, f3; frflags a0)                           # 1/3
  TEST_CASE( 3, a0, FP_NX|FP_DZ, fdiv.d f4, f1, f0; frflags a0)                     # 1/0
  TEST_CASE( 4, a0, FP_NX|FP_DZ, fadd.d f4, f1, f1; fsgnjx.d f4, f1, f3; fmax.d f4, f1, f3; frflags a0)
  TEST_CASE( 5, a0, FP_NV|FP_NX|FP_DZ, flt.d a1, f1, f5; frflags a0)
  TEST_CASE( 6, a0, FP_NV|FP_OF|FP_NX|FP_DZ, fmul.d f4, f6, f6; frflags a0)
  TEST_CASE( 7, a0, 0x1f, fmul.d f4, f7, f7; frflags a0)
  TEST_CASE( 8, a0, 0x1f, fsflagsi a0, 0)
  TEST_CASE( 9, a0, 0x00, frflags a0)
  TEST_CASE(10, a0, FP_NX, fcvt.s.d f4, f3; fcvt.s.d f4, f1; fcvt.l.d a1, f3; li a1, -1; fcvt.d.lu f4, a1; frflags a0)
  TEST_CASE(11, a0, FP_NX|FP_NV, fcvt.wu.d a1, f5; frflags a0)
  TEST_CASE(12, a0, 0x00, fsflags x0; fcvt.d.s f4, f1; frflags a0)                  # boxless input: qNaN, no NV
  # rm = dyn: 1/3 is 0x3fd5555555555555 in RNE/RTZ/RDN and ...56 in RUP
  TEST_CASE(13, a0, 0x3fd5555555555555, fsrmi 1; fdiv.d f4, f1, f3; fmv.x.d a0, f4)
  TEST_CASE(14, a0, 0x3fd5555555555556, fsrmi 3; fdiv.d f4, f1, f3, dyn; fmv.x.d a0, f4)
  TEST_CASE(15, a0, 0x3fd5555555555555, fdiv.d f4, f1, f3, rtz; fmv.x.d a0, f4)   # static rm wins
  TEST_CASE(16, a0, 0x3fd5555555555555, li a1, 0x20; fscsr a1; fdiv.d f4, f1, f3; fmv.x.d a0, f4)  # frm = RTZ via fcsr
  TEST_CASE(17, a0, 0x21, frcsr a0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
