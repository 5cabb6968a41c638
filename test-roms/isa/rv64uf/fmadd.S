# FMADD.S / FMSUB.S / FNMSUB.S / FNMADD.S (single precision):
#   fmadd = a*b + c, fmsub = a*b - c, fnmsub = -(a*b) + c, fnmadd = -(a*b) - c,
# computed with a single rounding (cases where a separate multiply and add would give
# another result), every rounding mode, inf * 0 (NV even when c is a quiet NaN),
# inf - inf, NaN inputs, signs of zero results, no intermediate overflow.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FMADD
  FP_TEST_S_OP3( 2, fmadd.s, rne, 0, 0x40600000, 0x3f800000, 0x40200000, 0x3f800000)  # 1 * 2.5 + 1 = 3.5
  FP_TEST_S_OP3( 3, fmadd.s, rne, FP_NX, 0xc4a9b052, 0xc49a6333, 0x3f8ccccd, 0x3f8ccccd)  # -1235.1 * 1.1 + 1.1 = -1357.51
  FP_TEST_S_OP3( 4, fmadd.s, rne, 0, 0xc1400000, 0x40000000, 0xc0a00000, 0xc0000000)  # 2 * -5 + -2 = -12
  FP_TEST_S_OP3( 5, fmadd.s, rne, 0, 0x32800000, 0x3dcccccd, 0x41200000, 0xbf800000)  # 0.1 * 10 + -1 = 1.4901161e-08
  # FMSUB
  FP_TEST_S_OP3( 6, fmsub.s, rne, 0, 0x3fc00000, 0x3f800000, 0x40200000, 0x3f800000)  # 1 * 2.5 - 1 = 1.5
  FP_TEST_S_OP3( 7, fmsub.s, rne, FP_NX, 0xc4a9f6b8, 0xc49a6333, 0x3f8ccccd, 0x3f8ccccd)  # -1235.1 * 1.1 - 1.1 = -1359.71
  FP_TEST_S_OP3( 8, fmsub.s, rne, 0, 0xc1000000, 0x40000000, 0xc0a00000, 0xc0000000)  # 2 * -5 - -2 = -8
  FP_TEST_S_OP3( 9, fmsub.s, rne, FP_NX, 0x40000000, 0x3dcccccd, 0x41200000, 0xbf800000)  # 0.1 * 10 - -1 = 2
  # FNMSUB
  FP_TEST_S_OP3(10, fnmsub.s, rne, 0, 0xbfc00000, 0x3f800000, 0x40200000, 0x3f800000)  # -(1 * 2.5) + 1 = -1.5
  FP_TEST_S_OP3(11, fnmsub.s, rne, FP_NX, 0x44a9f6b8, 0xc49a6333, 0x3f8ccccd, 0x3f8ccccd)  # -(-1235.1 * 1.1) + 1.1 = 1359.71
  FP_TEST_S_OP3(12, fnmsub.s, rne, 0, 0x41000000, 0x40000000, 0xc0a00000, 0xc0000000)  # -(2 * -5) + -2 = 8
  FP_TEST_S_OP3(13, fnmsub.s, rne, FP_NX, 0xc0000000, 0x3dcccccd, 0x41200000, 0xbf800000)  # -(0.1 * 10) + -1 = -2
  # FNMADD
  FP_TEST_S_OP3(14, fnmadd.s, rne, 0, 0xc0600000, 0x3f800000, 0x40200000, 0x3f800000)  # -(1 * 2.5) - 1 = -3.5
  FP_TEST_S_OP3(15, fnmadd.s, rne, FP_NX, 0x44a9b052, 0xc49a6333, 0x3f8ccccd, 0x3f8ccccd)  # -(-1235.1 * 1.1) - 1.1 = 1357.51
  FP_TEST_S_OP3(16, fnmadd.s, rne, 0, 0x41400000, 0x40000000, 0xc0a00000, 0xc0000000)  # -(2 * -5) - -2 = 12
  FP_TEST_S_OP3(17, fnmadd.s, rne, 0, 0xb2800000, 0x3dcccccd, 0x41200000, 0xbf800000)  # -(0.1 * 10) - -1 = -1.4901161e-08
  # Fused: (1+ulp)^2 - (1+2ulp) = ulp^2 exactly; a rounded product would give 0
  FP_TEST_S_OP3(18, fmsub.s, rne, 0, 0x28800000, 0x3f800001, 0x3f800001, 0x3f800002)  # 1.0000001 * 1.0000001 - 1.0000002 = 1.4210855e-14
  FP_TEST_S_OP3(19, fmadd.s, rne, 0, 0x28800000, 0x3f800001, 0x3f800001, 0xbf800002)  # 1.0000001 * 1.0000001 + -1.0000002 = 1.4210855e-14
  FP_TEST_S_OP3(20, fnmsub.s, rne, 0, 0xa8800000, 0x3f800001, 0x3f800001, 0x3f800002)  # -(1.0000001 * 1.0000001) + 1.0000002 = -1.4210855e-14
  FP_TEST_S_OP3(21, fnmadd.s, rne, 0, 0xa8800000, 0x3f800001, 0x3f800001, 0xbf800002)  # -(1.0000001 * 1.0000001) - -1.0000002 = -1.4210855e-14
  FP_TEST_S_OP3(22, fmadd.s, rne, 0, 0x32800000, 0x3dcccccd, 0x41200000, 0xbf800000)  # 0.1 * 10 + -1 = 1.4901161e-08 (not 0)
  # Single rounding in every mode: 1*1 + 2^-24 is a tie
  FP_TEST_S_OP3(23, fmadd.s, rne, FP_NX, 0x3f800000, 0x3f800000, 0x3f800000, 0x33800000)  # 1 * 1 + 5.9604645e-08 = 1
  FP_TEST_S_OP3(24, fmadd.s, rtz, FP_NX, 0x3f800000, 0x3f800000, 0x3f800000, 0x33800000)  # 1 * 1 + 5.9604645e-08 = 1
  FP_TEST_S_OP3(25, fmadd.s, rdn, FP_NX, 0x3f800000, 0x3f800000, 0x3f800000, 0x33800000)  # 1 * 1 + 5.9604645e-08 = 1
  FP_TEST_S_OP3(26, fmadd.s, rup, FP_NX, 0x3f800001, 0x3f800000, 0x3f800000, 0x33800000)  # 1 * 1 + 5.9604645e-08 = 1.0000001
  FP_TEST_S_OP3(27, fmadd.s, rmm, FP_NX, 0x3f800001, 0x3f800000, 0x3f800000, 0x33800000)  # 1 * 1 + 5.9604645e-08 = 1.0000001
  # Dynamic rounding: -(1*1) - 2^-24 (negative tie)
  fsrmi 0                           # frm = RNE for case 28 (rm = dyn)
  FP_TEST_S_OP3(28, fnmadd.s, dyn, FP_NX, 0xbf800000, 0x3f800000, 0x3f800000, 0x33800000)  # -(1 * 1) - 5.9604645e-08 = -1
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 29 (rm = dyn)
  FP_TEST_S_OP3(29, fnmadd.s, dyn, FP_NX, 0xbf800000, 0x3f800000, 0x3f800000, 0x33800000)  # -(1 * 1) - 5.9604645e-08 = -1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 30 (rm = dyn)
  FP_TEST_S_OP3(30, fnmadd.s, dyn, FP_NX, 0xbf800001, 0x3f800000, 0x3f800000, 0x33800000)  # -(1 * 1) - 5.9604645e-08 = -1.0000001
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 31 (rm = dyn)
  FP_TEST_S_OP3(31, fnmadd.s, dyn, FP_NX, 0xbf800000, 0x3f800000, 0x3f800000, 0x33800000)  # -(1 * 1) - 5.9604645e-08 = -1
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 32 (rm = dyn)
  FP_TEST_S_OP3(32, fnmadd.s, dyn, FP_NX, 0xbf800001, 0x3f800000, 0x3f800000, 0x33800000)  # -(1 * 1) - 5.9604645e-08 = -1.0000001
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 33 (rm = dyn)
  FP_TEST_S_OP3(33, fmsub.s, dyn, FP_NX, 0x3f800002, 0x3f800001, 0x3f800001, 0x00000000)  # 1.0000001 * 1.0000001 - 0 = 1.0000002
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 34 (rm = dyn)
  FP_TEST_S_OP3(34, fmsub.s, dyn, FP_NX, 0x3f800003, 0x3f800001, 0x3f800001, 0x00000000)  # 1.0000001 * 1.0000001 - 0 = 1.0000004
  fsrmi 0
  # Invalid: inf * 0 (even with a quiet NaN addend), inf - inf
  FP_TEST_S_OP3(35, fmadd.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x7fc00000)  # inf * 0 + qNaN = qNaN
  FP_TEST_S_OP3(36, fmadd.s, rne, FP_NV, 0x7fc00000, 0x00000000, 0xff800000, 0x3f800000)  # 0 * -inf + 1 = qNaN
  FP_TEST_S_OP3(37, fmadd.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0xff800000)  # inf * 1 + -inf = qNaN
  FP_TEST_S_OP3(38, fmsub.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0x7f800000)  # inf * 1 - inf = qNaN
  FP_TEST_S_OP3(39, fnmadd.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0xff800000)  # -(inf * 1) - -inf = qNaN
  FP_TEST_S_OP3(40, fnmsub.s, rne, 0, 0xff800000, 0x7f800000, 0x3f800000, 0xff800000)  # -(inf * 1) + -inf = -inf
  FP_TEST_S_OP3(41, fmadd.s, rne, 0, 0x7f800000, 0x7f800000, 0x3f800000, 0x7f800000)  # inf * 1 + inf = inf
  FP_TEST_S_OP3(42, fnmadd.s, rne, 0, 0xff800000, 0x7f800000, 0x3f800000, 0x3f800000)  # -(inf * 1) - 1 = -inf
  FP_TEST_S_OP3(43, fmadd.s, rne, 0, 0xff800000, 0x3f800000, 0x3f800000, 0xff800000)  # 1 * 1 + -inf = -inf
  # NaN inputs
  FP_TEST_S_OP3(44, fmadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000, 0x3f800000)  # qNaN * 1 + 1 = qNaN
  FP_TEST_S_OP3(45, fmadd.s, rne, 0, 0x7fc00000, 0x3f800000, 0xffc00123, 0x3f800000)  # 1 * -qNaN(0xffc00123) + 1 = qNaN
  FP_TEST_S_OP3(46, fmadd.s, rne, FP_NV, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7f800001)  # 1 * 1 + sNaN(0x7f800001) = qNaN
  FP_TEST_S_OP3(47, fnmadd.s, rne, FP_NV, 0x7fc00000, 0x7f800001, 0x3f800000, 0x7fc00000)  # -(sNaN(0x7f800001) * 1) - qNaN = qNaN
  # Signs of zero results
  FP_TEST_S_OP3(48, fmadd.s, rne, 0, 0x00000000, 0x00000000, 0xbf800000, 0x00000000)  # 0 * -1 + 0 = 0
  FP_TEST_S_OP3(49, fmadd.s, rdn, 0, 0x80000000, 0x00000000, 0xbf800000, 0x00000000)  # 0 * -1 + 0 = -0
  FP_TEST_S_OP3(50, fmadd.s, rne, 0, 0x80000000, 0x00000000, 0xbf800000, 0x80000000)  # 0 * -1 + -0 = -0
  FP_TEST_S_OP3(51, fnmadd.s, rne, 0, 0x80000000, 0x00000000, 0x3f800000, 0x00000000)  # -(0 * 1) - 0 = -0
  FP_TEST_S_OP3(52, fnmsub.s, rne, 0, 0x00000000, 0x00000000, 0x3f800000, 0x00000000)  # -(0 * 1) + 0 = 0
  FP_TEST_S_OP3(53, fmsub.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000, 0x3f800000)  # 1 * 1 - 1 = 0
  FP_TEST_S_OP3(54, fmsub.s, rdn, 0, 0x80000000, 0x3f800000, 0x3f800000, 0x3f800000)  # 1 * 1 - 1 = -0
  FP_TEST_S_OP3(55, fnmadd.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000, 0xbf800000)  # -(1 * 1) - -1 = 0
  # No intermediate overflow: maxfin * 2 - maxfin = maxfin exactly
  FP_TEST_S_OP3(56, fmadd.s, rne, 0, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  # 3.4028235e+38 * 2 + -3.4028235e+38 = 3.4028235e+38
  FP_TEST_S_OP3(57, fmsub.s, rne, 0, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0x7f7fffff)  # 3.4028235e+38 * 2 - 3.4028235e+38 = 3.4028235e+38

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
