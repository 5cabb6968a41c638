# FADD.S / FSUB.S (single precision): exact and inexact sums, every rounding
# mode (static rm and dynamic rm = dyn with frm), signed-zero results (x - x is +0,
# except -0 under RDN), infinities (inf - inf is invalid), NaN inputs (the result is
# always the canonical NaN; a signaling NaN input raises NV), subnormal operands.
# Expected values come from an exact rational reference and agree with QEMU.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # Exact and inexact sums (RNE)
  FP_TEST_S_OP2( 2, fadd.s, rne, 0, 0x40600000, 0x40200000, 0x3f800000)  # 2.5 + 1 = 3.5
  FP_TEST_S_OP2( 3, fadd.s, rne, FP_NX, 0xc49a4000, 0xc49a6333, 0x3f8ccccd)  # -1235.1 + 1.1 = -1234
  FP_TEST_S_OP2( 4, fadd.s, rne, FP_NX, 0x40490fdb, 0x40490fdb, 0x322bcc77)  # 3.1415927 + 1e-08 = 3.1415927
  FP_TEST_S_OP2( 5, fadd.s, rne, 0, 0x00000000, 0x7149f2ca, 0xf149f2ca)  # 1e+30 + -1e+30 = 0
  # 1 + 2^-24 lies halfway between 1 and 1+ulp: each static rounding mode
  FP_TEST_S_OP2( 6, fadd.s, rne, FP_NX, 0x3f800000, 0x3f800000, 0x33800000)  # 1 + 5.9604645e-08 = 1
  FP_TEST_S_OP2( 7, fadd.s, rtz, FP_NX, 0x3f800000, 0x3f800000, 0x33800000)  # 1 + 5.9604645e-08 = 1
  FP_TEST_S_OP2( 8, fadd.s, rdn, FP_NX, 0x3f800000, 0x3f800000, 0x33800000)  # 1 + 5.9604645e-08 = 1
  FP_TEST_S_OP2( 9, fadd.s, rup, FP_NX, 0x3f800001, 0x3f800000, 0x33800000)  # 1 + 5.9604645e-08 = 1.0000001
  FP_TEST_S_OP2(10, fadd.s, rmm, FP_NX, 0x3f800001, 0x3f800000, 0x33800000)  # 1 + 5.9604645e-08 = 1.0000001
  # The negative tie -1 - 2^-24: RDN and RUP swap roles
  FP_TEST_S_OP2(11, fadd.s, rne, FP_NX, 0xbf800000, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1
  FP_TEST_S_OP2(12, fadd.s, rtz, FP_NX, 0xbf800000, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1
  FP_TEST_S_OP2(13, fadd.s, rdn, FP_NX, 0xbf800001, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1.0000001
  FP_TEST_S_OP2(14, fadd.s, rup, FP_NX, 0xbf800000, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1
  FP_TEST_S_OP2(15, fadd.s, rmm, FP_NX, 0xbf800001, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1.0000001
  # (1+ulp) + 2^-24: tie above an odd significand, RNE rounds up to even
  FP_TEST_S_OP2(16, fadd.s, rne, FP_NX, 0x3f800002, 0x3f800001, 0x33800000)  # 1.0000001 + 5.9604645e-08 = 1.0000002
  FP_TEST_S_OP2(17, fadd.s, rtz, FP_NX, 0x3f800001, 0x3f800001, 0x33800000)  # 1.0000001 + 5.9604645e-08 = 1.0000001
  FP_TEST_S_OP2(18, fadd.s, rmm, FP_NX, 0x3f800002, 0x3f800001, 0x33800000)  # 1.0000001 + 5.9604645e-08 = 1.0000002
  # 1 + 0.75 ulp: not a tie
  FP_TEST_S_OP2(19, fadd.s, rne, FP_NX, 0x3f800001, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1.0000001
  FP_TEST_S_OP2(20, fadd.s, rtz, FP_NX, 0x3f800000, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1
  FP_TEST_S_OP2(21, fadd.s, rdn, FP_NX, 0x3f800000, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1
  FP_TEST_S_OP2(22, fadd.s, rup, FP_NX, 0x3f800001, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1.0000001
  FP_TEST_S_OP2(23, fadd.s, rmm, FP_NX, 0x3f800001, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1.0000001
  # Dynamic rounding mode (rm = dyn reads frm)
  fsrmi 0                           # frm = RNE for case 24 (rm = dyn)
  FP_TEST_S_OP2(24, fadd.s, dyn, FP_NX, 0xbf800000, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 25 (rm = dyn)
  FP_TEST_S_OP2(25, fadd.s, dyn, FP_NX, 0xbf800000, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 26 (rm = dyn)
  FP_TEST_S_OP2(26, fadd.s, dyn, FP_NX, 0xbf800001, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1.0000001
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 27 (rm = dyn)
  FP_TEST_S_OP2(27, fadd.s, dyn, FP_NX, 0xbf800000, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 28 (rm = dyn)
  FP_TEST_S_OP2(28, fadd.s, dyn, FP_NX, 0xbf800001, 0xbf800000, 0xb3800000)  # -1 + -5.9604645e-08 = -1.0000001
  fsrmi 0
  fsrmi 0                           # frm = RNE for case 29 (rm = dyn)
  FP_TEST_S_OP2(29, fadd.s, dyn, FP_NX, 0x3f800001, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1.0000001
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 30 (rm = dyn)
  FP_TEST_S_OP2(30, fadd.s, dyn, FP_NX, 0x3f800000, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 31 (rm = dyn)
  FP_TEST_S_OP2(31, fadd.s, dyn, FP_NX, 0x3f800000, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 32 (rm = dyn)
  FP_TEST_S_OP2(32, fadd.s, dyn, FP_NX, 0x3f800001, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1.0000001
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 33 (rm = dyn)
  FP_TEST_S_OP2(33, fadd.s, dyn, FP_NX, 0x3f800001, 0x3f800000, 0x33c00000)  # 1 + 8.940697e-08 = 1.0000001
  fsrmi 0
  # Signed zeros: x + (-x) is +0, or -0 under RDN; -0 + -0 = -0
  FP_TEST_S_OP2(34, fadd.s, rne, 0, 0x00000000, 0x3f800000, 0xbf800000)  # 1 + -1 = 0
  FP_TEST_S_OP2(35, fadd.s, rtz, 0, 0x00000000, 0x3f800000, 0xbf800000)  # 1 + -1 = 0
  FP_TEST_S_OP2(36, fadd.s, rdn, 0, 0x80000000, 0x3f800000, 0xbf800000)  # 1 + -1 = -0
  FP_TEST_S_OP2(37, fadd.s, rup, 0, 0x00000000, 0x3f800000, 0xbf800000)  # 1 + -1 = 0
  FP_TEST_S_OP2(38, fadd.s, rmm, 0, 0x00000000, 0x3f800000, 0xbf800000)  # 1 + -1 = 0
  FP_TEST_S_OP2(39, fadd.s, rne, 0, 0x80000000, 0x80000000, 0x80000000)  # -0 + -0 = -0
  FP_TEST_S_OP2(40, fadd.s, rne, 0, 0x00000000, 0x00000000, 0x80000000)  # 0 + -0 = 0
  FP_TEST_S_OP2(41, fadd.s, rdn, 0, 0x80000000, 0x00000000, 0x80000000)  # 0 + -0 = -0
  FP_TEST_S_OP2(42, fadd.s, rne, 0, 0x3f800000, 0x80000000, 0x3f800000)  # -0 + 1 = 1
  # Infinities and NaNs
  FP_TEST_S_OP2(43, fadd.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0xff800000)  # inf + -inf = qNaN
  FP_TEST_S_OP2(44, fadd.s, rne, 0, 0x7f800000, 0x7f800000, 0x7f800000)  # inf + inf = inf
  FP_TEST_S_OP2(45, fadd.s, rne, 0, 0xff800000, 0xff800000, 0x7f7fffff)  # -inf + 3.4028235e+38 = -inf
  FP_TEST_S_OP2(46, fadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000)  # qNaN + 1 = qNaN
  FP_TEST_S_OP2(47, fadd.s, rne, 0, 0x7fc00000, 0xffc00123, 0x3f800000)  # -qNaN(0xffc00123) + 1 = qNaN (payload and sign dropped)
  FP_TEST_S_OP2(48, fadd.s, rne, FP_NV, 0x7fc00000, 0x3f800000, 0x7f800001)  # 1 + sNaN(0x7f800001) = qNaN
  FP_TEST_S_OP2(49, fadd.s, rne, FP_NV, 0x7fc00000, 0x7f800001, 0x7fc00000)  # sNaN(0x7f800001) + qNaN = qNaN
  FP_TEST_S_OP2(50, fadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x7f800000)  # qNaN + inf = qNaN
  # Subnormal operands
  FP_TEST_S_OP2(51, fadd.s, rne, 0, 0x00000002, 0x00000001, 0x00000001)  # 1e-45 + 1e-45 = 3e-45
  FP_TEST_S_OP2(52, fadd.s, rne, 0, 0x00800000, 0x007fffff, 0x00000001)  # 1.1754942e-38 + 1e-45 = 1.1754944e-38
  FP_TEST_S_OP2(53, fadd.s, rne, 0, 0x00000000, 0x00000001, 0x80000001)  # 1e-45 + -1e-45 = 0
  FP_TEST_S_OP2(54, fadd.s, rup, FP_NX, 0x3f800001, 0x3f800000, 0x00000001)  # 1 + 1e-45 = 1.0000001

  # FSUB
  FP_TEST_S_OP2(55, fsub.s, rne, 0, 0x3fc00000, 0x40200000, 0x3f800000)  # 2.5 - 1 = 1.5
  FP_TEST_S_OP2(56, fsub.s, rne, FP_NX, 0xc49a4000, 0xc49a6333, 0xbf8ccccd)  # -1235.1 - -1.1 = -1234
  FP_TEST_S_OP2(57, fsub.s, rne, FP_NX, 0x40490fdb, 0x40490fdb, 0x322bcc77)  # 3.1415927 - 1e-08 = 3.1415927
  # 1 - 2^-25: tie between 1 - 2^-24 (odd) and 1 (even), across the binade
  FP_TEST_S_OP2(58, fsub.s, rne, FP_NX, 0x3f800000, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 1
  FP_TEST_S_OP2(59, fsub.s, rtz, FP_NX, 0x3f7fffff, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 0.99999994
  FP_TEST_S_OP2(60, fsub.s, rdn, FP_NX, 0x3f7fffff, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 0.99999994
  FP_TEST_S_OP2(61, fsub.s, rup, FP_NX, 0x3f800000, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 1
  FP_TEST_S_OP2(62, fsub.s, rmm, FP_NX, 0x3f800000, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 1
  fsrmi 2                           # frm = RDN for case 63 (rm = dyn)
  FP_TEST_S_OP2(63, fsub.s, dyn, FP_NX, 0x3f7fffff, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 0.99999994
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 64 (rm = dyn)
  FP_TEST_S_OP2(64, fsub.s, dyn, FP_NX, 0x3f800000, 0x3f800000, 0x33000000)  # 1 - 2.9802322e-08 = 1
  fsrmi 0
  FP_TEST_S_OP2(65, fsub.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000)  # 1 - 1 = 0
  FP_TEST_S_OP2(66, fsub.s, rdn, 0, 0x80000000, 0x3f800000, 0x3f800000)  # 1 - 1 = -0
  fsrmi 2                           # frm = RDN for case 67 (rm = dyn)
  FP_TEST_S_OP2(67, fsub.s, dyn, 0, 0x80000000, 0x3f800000, 0x3f800000)  # 1 - 1 = -0
  fsrmi 0
  FP_TEST_S_OP2(68, fsub.s, rne, 0, 0x80000000, 0x80000000, 0x00000000)  # -0 - 0 = -0
  FP_TEST_S_OP2(69, fsub.s, rne, 0, 0x00000000, 0x00000000, 0x00000000)  # 0 - 0 = 0
  FP_TEST_S_OP2(70, fsub.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0x7f800000)  # inf - inf = qNaN
  FP_TEST_S_OP2(71, fsub.s, rne, 0, 0xff800000, 0xff800000, 0x7f800000)  # -inf - inf = -inf
  FP_TEST_S_OP2(72, fsub.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000)  # qNaN - 1 = qNaN
  FP_TEST_S_OP2(73, fsub.s, rne, FP_NV, 0x7fc00000, 0x7f800001, 0x3f800000)  # sNaN(0x7f800001) - 1 = qNaN
  FP_TEST_S_OP2(74, fsub.s, rne, 0, 0x007fffff, 0x00800000, 0x00000001)  # 1.1754944e-38 - 1e-45 = 1.1754942e-38

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
