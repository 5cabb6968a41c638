# FSGNJ.S / FSGNJN.S / FSGNJX.S (single precision) and the pseudo-instructions
# fmv.s, fneg.s, fabs.s: pure bit operations, no flags, NaN payloads kept as they are.
# A single-precision operand that is not NaN-boxed (upper 32 bits of the f register
# not all ones) must be treated as the canonical NaN 0x7fc00000: its low 32 bits are
# ignored, including their sign bit.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FSGNJ
  FP_TEST_S_OP2_NORM( 2, fsgnj.s, 0, 0xbf800000, 0x3f800000, 0xc0000000)  # fsgnj(1, -2) = -1
  FP_TEST_S_OP2_NORM( 3, fsgnj.s, 0, 0x3f800000, 0xbf800000, 0x40000000)  # fsgnj(-1, 2) = 1
  FP_TEST_S_OP2_NORM( 4, fsgnj.s, 0, 0x3f800000, 0x3f800000, 0x40000000)  # fsgnj(1, 2) = 1
  FP_TEST_S_OP2_NORM( 5, fsgnj.s, 0, 0xbf800000, 0xbf800000, 0xc0000000)  # fsgnj(-1, -2) = -1
  FP_TEST_S_OP2_NORM( 6, fsgnj.s, 0, 0xff800001, 0x7f800001, 0xc0000000)  # fsgnj(sNaN(0x7f800001), -2) = -sNaN(0xff800001)
  FP_TEST_S_OP2_NORM( 7, fsgnj.s, 0, 0x7fc00123, 0xffc00123, 0x3f800000)  # fsgnj(-qNaN(0xffc00123), 1) = qNaN(0x7fc00123)
  FP_TEST_S_OP2_NORM( 8, fsgnj.s, 0, 0xff800000, 0x7f800000, 0x80000000)  # fsgnj(inf, -0) = -inf
  FP_TEST_S_OP2_NORM( 9, fsgnj.s, 0, 0x00000000, 0x80000000, 0x00000000)  # fsgnj(-0, 0) = 0
  FP_TEST_S_OP2_NORM(10, fsgnj.s, 0, 0x80000001, 0x00000001, 0xff800000)  # fsgnj(1e-45, -inf) = -1e-45
  # FSGNJN
  FP_TEST_S_OP2_NORM(11, fsgnjn.s, 0, 0x3f800000, 0x3f800000, 0xc0000000)  # fsgnjn(1, -2) = 1
  FP_TEST_S_OP2_NORM(12, fsgnjn.s, 0, 0xbf800000, 0xbf800000, 0x40000000)  # fsgnjn(-1, 2) = -1
  FP_TEST_S_OP2_NORM(13, fsgnjn.s, 0, 0xbf800000, 0x3f800000, 0x40000000)  # fsgnjn(1, 2) = -1
  FP_TEST_S_OP2_NORM(14, fsgnjn.s, 0, 0x3f800000, 0xbf800000, 0xc0000000)  # fsgnjn(-1, -2) = 1
  FP_TEST_S_OP2_NORM(15, fsgnjn.s, 0, 0x7f800001, 0x7f800001, 0xc0000000)  # fsgnjn(sNaN(0x7f800001), -2) = sNaN(0x7f800001)
  FP_TEST_S_OP2_NORM(16, fsgnjn.s, 0, 0xffc00123, 0xffc00123, 0x3f800000)  # fsgnjn(-qNaN(0xffc00123), 1) = -qNaN(0xffc00123)
  FP_TEST_S_OP2_NORM(17, fsgnjn.s, 0, 0x7f800000, 0x7f800000, 0x80000000)  # fsgnjn(inf, -0) = inf
  FP_TEST_S_OP2_NORM(18, fsgnjn.s, 0, 0x80000000, 0x80000000, 0x00000000)  # fsgnjn(-0, 0) = -0
  FP_TEST_S_OP2_NORM(19, fsgnjn.s, 0, 0x00000001, 0x00000001, 0xff800000)  # fsgnjn(1e-45, -inf) = 1e-45
  # FSGNJX
  FP_TEST_S_OP2_NORM(20, fsgnjx.s, 0, 0xbf800000, 0x3f800000, 0xc0000000)  # fsgnjx(1, -2) = -1
  FP_TEST_S_OP2_NORM(21, fsgnjx.s, 0, 0xbf800000, 0xbf800000, 0x40000000)  # fsgnjx(-1, 2) = -1
  FP_TEST_S_OP2_NORM(22, fsgnjx.s, 0, 0x3f800000, 0x3f800000, 0x40000000)  # fsgnjx(1, 2) = 1
  FP_TEST_S_OP2_NORM(23, fsgnjx.s, 0, 0x3f800000, 0xbf800000, 0xc0000000)  # fsgnjx(-1, -2) = 1
  FP_TEST_S_OP2_NORM(24, fsgnjx.s, 0, 0xff800001, 0x7f800001, 0xc0000000)  # fsgnjx(sNaN(0x7f800001), -2) = -sNaN(0xff800001)
  FP_TEST_S_OP2_NORM(25, fsgnjx.s, 0, 0xffc00123, 0xffc00123, 0x3f800000)  # fsgnjx(-qNaN(0xffc00123), 1) = -qNaN(0xffc00123)
  FP_TEST_S_OP2_NORM(26, fsgnjx.s, 0, 0xff800000, 0x7f800000, 0x80000000)  # fsgnjx(inf, -0) = -inf
  FP_TEST_S_OP2_NORM(27, fsgnjx.s, 0, 0x80000000, 0x80000000, 0x00000000)  # fsgnjx(-0, 0) = -0
  FP_TEST_S_OP2_NORM(28, fsgnjx.s, 0, 0x80000001, 0x00000001, 0xff800000)  # fsgnjx(1e-45, -inf) = -1e-45
  # Pseudo-instructions (rs1 == rs2)
  FP_TEST_FREG(29, 0, FP_BOX_S(0xbf800000), li a1, 0xbf800000; fmv.w.x f11, a1; fmv.s f10, f11)  # fmv(-1) = -1
  FP_TEST_FREG(30, 0, FP_BOX_S(0xbf800000), li a1, 0x3f800000; fmv.w.x f11, a1; fneg.s f10, f11)  # fneg(1) = -1
  FP_TEST_FREG(31, 0, FP_BOX_S(0xff800001), li a1, 0x7f800001; fmv.w.x f11, a1; fneg.s f10, f11)  # fneg(sNaN(0x7f800001)) = -sNaN(0xff800001)
  FP_TEST_FREG(32, 0, FP_BOX_S(0x3f800000), li a1, 0xbf800000; fmv.w.x f11, a1; fabs.s f10, f11)  # fabs(-1) = 1
  FP_TEST_FREG(33, 0, FP_BOX_S(0x7fc00123), li a1, 0xffc00123; fmv.w.x f11, a1; fabs.s f10, f11)  # fabs(-qNaN(0xffc00123)) = qNaN(0x7fc00123)
  # Same register as source and destination
  FP_TEST_FREG(34, 0, FP_BOX_S(0xbf800000), li a1, 0x3f800000; fmv.w.x f10, a1; li a2, 0x40000000; fmv.w.x f12, a2; fsgnjn.s f10, f10, f12)
  # Inputs that are not NaN-boxed read as the canonical NaN 0x7fc00000 (sign 0)
  FP_TEST_FREG(35, 0, FP_BOX_S(0xffc00000), li a1, 0x000000003f800000; fmv.d.x f11, a1; li a2, 0xbf800000; fmv.w.x f12, a2; fsgnj.s f10, f11, f12)  # fsgnj(unboxed, -1) = -qNaN
  FP_TEST_FREG(36, 0, FP_BOX_S(0xffc00000), li a1, 0x7fffffff3f800000; fmv.d.x f11, a1; li a2, 0xbf800000; fmv.w.x f12, a2; fsgnj.s f10, f11, f12)  # fsgnj(unboxed, -1) = -qNaN
  FP_TEST_FREG(37, 0, FP_BOX_S(0x3f800000), li a1, 0xfffffffebf800000; fmv.d.x f11, a1; li a2, 0xbf800000; fmv.w.x f12, a2; fsgnj.s f10, f12, f11)  # fsgnj(-1, unboxed) = +1: sign of the canonical NaN is 0
  FP_TEST_FREG(38, 0, FP_BOX_S(0xbf800000), li a1, 0x00000000bf800000; fmv.d.x f11, a1; li a2, 0x3f800000; fmv.w.x f12, a2; fsgnjn.s f10, f12, f11)  # fsgnjn(1, unboxed) = -1
  FP_TEST_FREG(39, 0, FP_BOX_S(0xbf800000), li a1, 0x00000000bf800000; fmv.d.x f11, a1; li a2, 0xbf800000; fmv.w.x f12, a2; fsgnjx.s f10, f12, f11)  # fsgnjx(-1, unboxed) = -1
  FP_TEST_FREG(40, 0, FP_BOX_S(0xffc00000), li a1, 0x1234567887654321; fmv.d.x f11, a1; li a2, 0xbf800000; fmv.w.x f12, a2; fsgnjx.s f10, f11, f12)  # fsgnjx(unboxed, -1) = -qNaN
  FP_TEST_FREG(41, 0, FP_BOX_S(0x7fc00000), li a1, 0x1234567887654321; fmv.d.x f11, a1; fmv.s f10, f11)  # fmv.s(unboxed)
  FP_TEST_FREG(42, 0, FP_BOX_S(0xffc00000), li a1, 0x1234567887654321; fmv.d.x f11, a1; fneg.s f10, f11)  # fneg.s(unboxed)
  FP_TEST_FREG(43, 0, FP_BOX_S(0x7fc00000), li a1, 0x1234567887654321; fmv.d.x f11, a1; fabs.s f10, f11)  # fabs.s(unboxed)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
