# FCVT.S.D (double to single: rounding in every mode, overflow, underflow, NaNs give
# the canonical single NaN 0x7fc00000, NV only for a signaling NaN) and FCVT.D.S
# (single to double: always exact; NaNs give the canonical double NaN
# 0x7ff8000000000000; a non-NaN-boxed single input is the canonical NaN).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FCVT.S.D
  FP_TEST_FREG( 2, 0, FP_BOX_S(0x3fc00000), li a1, 0x3ff8000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1.5 -> 1.5
  FP_TEST_FREG( 3, 0, FP_BOX_S(0x80000000), li a1, 0x8000000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # -0 -> -0
  FP_TEST_FREG( 4, 0, FP_BOX_S(0x00000000), li a1, 0x0000000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 0 -> 0
  FP_TEST_FREG( 5, FP_NX, FP_BOX_S(0x40490fdb), li a1, 0x400921fb54442d11; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 3.14159265358979 -> 3.1415927
  FP_TEST_FREG( 6, 0, FP_BOX_S(0x501502f9), li a1, 0x4202a05f20000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 10000000000 -> 10000000000
  FP_TEST_FREG( 7, FP_NX, FP_BOX_S(0x3dcccccd), li a1, 0x3fb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 0.1 -> 0.1
  FP_TEST_FREG( 8, FP_NX, FP_BOX_S(0x3dcccccc), li a1, 0x3fb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # 0.1 -> 0.099999994
  FP_TEST_FREG( 9, FP_NX, FP_BOX_S(0x3dcccccc), li a1, 0x3fb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rdn)  # 0.1 -> 0.099999994
  FP_TEST_FREG(10, FP_NX, FP_BOX_S(0x3dcccccd), li a1, 0x3fb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # 0.1 -> 0.1
  FP_TEST_FREG(11, FP_NX, FP_BOX_S(0x3dcccccd), li a1, 0x3fb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rmm)  # 0.1 -> 0.1
  FP_TEST_FREG(12, FP_NX, FP_BOX_S(0xbdcccccd), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # -0.1 -> -0.1
  FP_TEST_FREG(13, FP_NX, FP_BOX_S(0xbdcccccc), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # -0.1 -> -0.099999994
  FP_TEST_FREG(14, FP_NX, FP_BOX_S(0xbdcccccd), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rdn)  # -0.1 -> -0.1
  FP_TEST_FREG(15, FP_NX, FP_BOX_S(0xbdcccccc), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # -0.1 -> -0.099999994
  FP_TEST_FREG(16, FP_NX, FP_BOX_S(0xbdcccccd), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, rmm)  # -0.1 -> -0.1
  fsrmi 0                           # frm = RNE for case 17 (rm = dyn)
  FP_TEST_FREG(17, FP_NX, FP_BOX_S(0xbdcccccd), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, dyn)  # -0.1 -> -0.1
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 18 (rm = dyn)
  FP_TEST_FREG(18, FP_NX, FP_BOX_S(0xbdcccccc), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, dyn)  # -0.1 -> -0.099999994
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 19 (rm = dyn)
  FP_TEST_FREG(19, FP_NX, FP_BOX_S(0xbdcccccd), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, dyn)  # -0.1 -> -0.1
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 20 (rm = dyn)
  FP_TEST_FREG(20, FP_NX, FP_BOX_S(0xbdcccccc), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, dyn)  # -0.1 -> -0.099999994
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 21 (rm = dyn)
  FP_TEST_FREG(21, FP_NX, FP_BOX_S(0xbdcccccd), li a1, 0xbfb999999999999a; fmv.d.x f11, a1; fcvt.s.d f10, f11, dyn)  # -0.1 -> -0.1
  fsrmi 0
  # 1 + 2^-24: a tie in single precision
  FP_TEST_FREG(22, FP_NX, FP_BOX_S(0x3f800000), li a1, 0x3ff0000010000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1.0000000596046448 -> 1
  FP_TEST_FREG(23, FP_NX, FP_BOX_S(0x3f800000), li a1, 0x3ff0000010000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # 1.0000000596046448 -> 1
  FP_TEST_FREG(24, FP_NX, FP_BOX_S(0x3f800000), li a1, 0x3ff0000010000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rdn)  # 1.0000000596046448 -> 1
  FP_TEST_FREG(25, FP_NX, FP_BOX_S(0x3f800001), li a1, 0x3ff0000010000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # 1.0000000596046448 -> 1.0000001
  FP_TEST_FREG(26, FP_NX, FP_BOX_S(0x3f800001), li a1, 0x3ff0000010000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rmm)  # 1.0000000596046448 -> 1.0000001
  # Overflow
  FP_TEST_FREG(27, FP_OF|FP_NX, FP_BOX_S(0x7f800000), li a1, 0x7e37e43c8800759c; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1e+300 -> inf
  FP_TEST_FREG(28, FP_OF|FP_NX, FP_BOX_S(0x7f7fffff), li a1, 0x7e37e43c8800759c; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # 1e+300 -> 3.4028235e+38
  FP_TEST_FREG(29, FP_OF|FP_NX, FP_BOX_S(0x7f7fffff), li a1, 0x7e37e43c8800759c; fmv.d.x f11, a1; fcvt.s.d f10, f11, rdn)  # 1e+300 -> 3.4028235e+38
  FP_TEST_FREG(30, FP_OF|FP_NX, FP_BOX_S(0x7f800000), li a1, 0x7e37e43c8800759c; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # 1e+300 -> inf
  FP_TEST_FREG(31, FP_OF|FP_NX, FP_BOX_S(0x7f800000), li a1, 0x7e37e43c8800759c; fmv.d.x f11, a1; fcvt.s.d f10, f11, rmm)  # 1e+300 -> inf
  FP_TEST_FREG(32, FP_OF|FP_NX, FP_BOX_S(0xff800000), li a1, 0xc8078287f49c4a1d; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # -1e+39 -> -inf
  FP_TEST_FREG(33, FP_OF|FP_NX, FP_BOX_S(0xff800000), li a1, 0xc8078287f49c4a1d; fmv.d.x f11, a1; fcvt.s.d f10, f11, rdn)  # -1e+39 -> -inf
  FP_TEST_FREG(34, FP_OF|FP_NX, FP_BOX_S(0xff7fffff), li a1, 0xc8078287f49c4a1d; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # -1e+39 -> -3.4028235e+38
  FP_TEST_FREG(35, FP_OF|FP_NX, FP_BOX_S(0x7f800000), li a1, 0x47effffff0000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 3.4028235677973366e+38 -> inf (maxfin + ulp/2: tie, rounds up)
  FP_TEST_FREG(36, FP_NX, FP_BOX_S(0x7f7fffff), li a1, 0x47effffff0000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # 3.4028235677973366e+38 -> 3.4028235e+38
  FP_TEST_FREG(37, FP_NX, FP_BOX_S(0x7f7fffff), li a1, 0x47efffffefffffe0; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 3.4028235677973245e+38 -> 3.4028235e+38 (just below the tie: maxfin)
  # Underflow and subnormal results
  FP_TEST_FREG(38, FP_UF|FP_NX, FP_BOX_S(0x00000000), li a1, 0x358dee7a4ad4b81f; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1e-50 -> 0
  FP_TEST_FREG(39, FP_UF|FP_NX, FP_BOX_S(0x00000000), li a1, 0x358dee7a4ad4b81f; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # 1e-50 -> 0
  FP_TEST_FREG(40, FP_UF|FP_NX, FP_BOX_S(0x00000001), li a1, 0x358dee7a4ad4b81f; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # 1e-50 -> 1e-45
  FP_TEST_FREG(41, FP_UF|FP_NX, FP_BOX_S(0x80000001), li a1, 0xb58dee7a4ad4b81f; fmv.d.x f11, a1; fcvt.s.d f10, f11, rdn)  # -1e-50 -> -1e-45
  FP_TEST_FREG(42, 0, FP_BOX_S(0x00000001), li a1, 0x36a0000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1.401298464324817e-45 -> 1e-45 (exact subnormal)
  FP_TEST_FREG(43, 0, FP_BOX_S(0x00c00000), li a1, 0x3818000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1.7632415262334313e-38 -> 1.7632415e-38 (exact subnormal)
  FP_TEST_FREG(44, FP_UF|FP_NX, FP_BOX_S(0x00000000), li a1, 0x3690000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 7.006492321624085e-46 -> 0
  FP_TEST_FREG(45, FP_UF|FP_NX, FP_BOX_S(0x00000001), li a1, 0x3690000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rup)  # 7.006492321624085e-46 -> 1e-45
  FP_TEST_FREG(46, FP_UF|FP_NX, FP_BOX_S(0x00000001), li a1, 0x3690000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rmm)  # 7.006492321624085e-46 -> 1e-45
  FP_TEST_FREG(47, FP_UF|FP_NX, FP_BOX_S(0x00000002), li a1, 0x36a8000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 2.1019476964872256e-45 -> 3e-45
  FP_TEST_FREG(48, FP_NX, FP_BOX_S(0x00800000), li a1, 0x380ffffff0000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1.1754943157898259e-38 -> 1.1754944e-38 (not tiny after rounding: NX only)
  FP_TEST_FREG(49, FP_UF|FP_NX, FP_BOX_S(0x007fffff), li a1, 0x380ffffff0000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rtz)  # 1.1754943157898259e-38 -> 1.1754942e-38
  FP_TEST_FREG(50, FP_UF|FP_NX, FP_BOX_S(0x00800000), li a1, 0x380fffffe0000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 1.1754942807573643e-38 -> 1.1754944e-38 (tiny after rounding: UF)
  FP_TEST_FREG(51, FP_UF|FP_NX, FP_BOX_S(0x00000000), li a1, 0x0000000000000001; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # 5e-324 -> 0
  # Infinities and NaNs
  FP_TEST_FREG(52, 0, FP_BOX_S(0x7f800000), li a1, 0x7ff0000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # inf -> inf
  FP_TEST_FREG(53, 0, FP_BOX_S(0xff800000), li a1, 0xfff0000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # -inf -> -inf
  FP_TEST_FREG(54, 0, FP_BOX_S(0x7fc00000), li a1, 0x7ff8000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # qNaN -> qNaN
  FP_TEST_FREG(55, 0, FP_BOX_S(0x7fc00000), li a1, 0xfff8000000000123; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # -qNaN(0xfff8000000000123) -> qNaN
  FP_TEST_FREG(56, FP_NV, FP_BOX_S(0x7fc00000), li a1, 0x7ff0000000000001; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # sNaN(0x7ff0000000000001) -> qNaN
  FP_TEST_FREG(57, FP_NV, FP_BOX_S(0x7fc00000), li a1, 0x7ff4000000000000; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # sNaN(0x7ff4000000000000) -> qNaN
  FP_TEST_FREG(58, FP_NV, FP_BOX_S(0x7fc00000), li a1, 0x7ff00000ffffffff; fmv.d.x f11, a1; fcvt.s.d f10, f11, rne)  # sNaN(0x7ff00000ffffffff) -> qNaN

  # FCVT.D.S
  FP_TEST_FREG(59, 0, 0x3ff8000000000000, li a1, 0x3fc00000; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # 1.5 -> 1.5
  FP_TEST_FREG(60, 0, 0x8000000000000000, li a1, 0x80000000; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # -0 -> -0
  FP_TEST_FREG(61, 0, 0x3fb99999a0000000, li a1, 0x3dcccccd; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # 0.1 -> 0.10000000149011612
  FP_TEST_FREG(62, 0, 0xc6293e5940000000, li a1, 0xf149f2ca; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # -1e+30 -> -1.0000000150474662e+30
  FP_TEST_FREG(63, 0, 0x47efffffe0000000, li a1, 0x7f7fffff; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # 3.4028235e+38 -> 3.4028234663852886e+38
  FP_TEST_FREG(64, 0, 0x36a0000000000000, li a1, 0x00000001; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # 1e-45 -> 1.401298464324817e-45 (single subnormal, double normal)
  FP_TEST_FREG(65, 0, 0xb80fffffc0000000, li a1, 0x807fffff; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # -1.1754942e-38 -> -1.1754942106924411e-38
  FP_TEST_FREG(66, 0, 0x7ff0000000000000, li a1, 0x7f800000; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # inf -> inf
  FP_TEST_FREG(67, 0, 0xfff0000000000000, li a1, 0xff800000; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # -inf -> -inf
  FP_TEST_FREG(68, 0, 0x7ff8000000000000, li a1, 0x7fc00000; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # qNaN -> qNaN
  FP_TEST_FREG(69, 0, 0x7ff8000000000000, li a1, 0xffc00123; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # -qNaN(0xffc00123) -> qNaN
  FP_TEST_FREG(70, FP_NV, 0x7ff8000000000000, li a1, 0x7f800001; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # sNaN(0x7f800001) -> qNaN
  FP_TEST_FREG(71, FP_NV, 0x7ff8000000000000, li a1, 0x7fa00000; fmv.w.x f11, a1; fcvt.d.s f10, f11)  # sNaN(0x7fa00000) -> qNaN
  # Non-NaN-boxed input: the canonical NaN, quiet, no flags
  FP_TEST_FREG(72, 0, 0x7ff8000000000000, li a1, 0x000000003f800000; fmv.d.x f11, a1; fcvt.d.s f10, f11)
  FP_TEST_FREG(73, 0, 0x7ff8000000000000, li a1, 0x7fffffff7f800001; fmv.d.x f11, a1; fcvt.d.s f10, f11)  # (low bits an sNaN: still no NV)
  # Round trip single -> double -> single is exact
  FP_TEST_FREG(74, 0, FP_BOX_S(0x3dcccccd), li a1, 0x3dcccccd; fmv.w.x f11, a1; fcvt.d.s f12, f11; fcvt.s.d f10, f12, rtz)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
