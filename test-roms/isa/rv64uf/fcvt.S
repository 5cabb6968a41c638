# FCVT.S.W / FCVT.S.WU / FCVT.S.L / FCVT.S.LU (integer to single): rounding of integers
# wider than the significand in every mode (static and dynamic), NX when inexact.
# The W forms read only the low 32 bits of rs1 (signed for W, unsigned for WU).
# Integer 0 converts to +0 in every rounding mode.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FCVT.S.W
  FP_TEST_S_CVT_F( 2, fcvt.s.w, rne, 0, 0x00000000, 0x0000000000000000)  # w 0 -> 0
  FP_TEST_S_CVT_F( 3, fcvt.s.w, rne, 0, 0x3f800000, 0x0000000000000001)  # w 1 -> 1
  FP_TEST_S_CVT_F( 4, fcvt.s.w, rne, 0, 0xbf800000, 0xffffffffffffffff)  # w -1 -> -1
  FP_TEST_S_CVT_F( 5, fcvt.s.w, rne, 0, 0x47f12000, 0x000000000001e240)  # w 123456 -> 123456
  FP_TEST_S_CVT_F( 6, fcvt.s.w, rne, 0, 0xc0e00000, 0xfffffffffffffff9)  # w -7 -> -7
  FP_TEST_S_CVT_F( 7, fcvt.s.w, rne, 0, 0xcf000000, 0xffffffff80000000)  # w -2147483648 -> -2147483648
  FP_TEST_S_CVT_F( 8, fcvt.s.w, rne, FP_NX, 0x4f000000, 0x000000007fffffff)  # w 2147483647 -> 2147483648
  FP_TEST_S_CVT_F( 9, fcvt.s.w, rdn, 0, 0x00000000, 0x0000000000000000)  # w 0 -> 0
  FP_TEST_S_CVT_F(10, fcvt.s.w, rne, 0, 0xbf800000, 0x00000001ffffffff)  # w -1 -> -1 (upper bits ignored)
  FP_TEST_S_CVT_F(11, fcvt.s.w, rne, 0, 0x41200000, 0x123456780000000a)  # w 10 -> 10 (upper bits ignored)
  FP_TEST_S_CVT_F(12, fcvt.s.w, rne, FP_NX, 0x4f000000, 0x000000007fffffff)  # w 2147483647 -> 2147483648
  FP_TEST_S_CVT_F(13, fcvt.s.w, rtz, FP_NX, 0x4effffff, 0x000000007fffffff)  # w 2147483647 -> 2147483520
  FP_TEST_S_CVT_F(14, fcvt.s.w, rdn, FP_NX, 0x4effffff, 0x000000007fffffff)  # w 2147483647 -> 2147483520
  FP_TEST_S_CVT_F(15, fcvt.s.w, rup, FP_NX, 0x4f000000, 0x000000007fffffff)  # w 2147483647 -> 2147483648
  FP_TEST_S_CVT_F(16, fcvt.s.w, rmm, FP_NX, 0x4f000000, 0x000000007fffffff)  # w 2147483647 -> 2147483648
  FP_TEST_S_CVT_F(17, fcvt.s.w, rne, FP_NX, 0x4b800000, 0x0000000001000001)  # w 16777217 -> 16777216
  FP_TEST_S_CVT_F(18, fcvt.s.w, rtz, FP_NX, 0x4b800000, 0x0000000001000001)  # w 16777217 -> 16777216
  FP_TEST_S_CVT_F(19, fcvt.s.w, rdn, FP_NX, 0x4b800000, 0x0000000001000001)  # w 16777217 -> 16777216
  FP_TEST_S_CVT_F(20, fcvt.s.w, rup, FP_NX, 0x4b800001, 0x0000000001000001)  # w 16777217 -> 16777218
  FP_TEST_S_CVT_F(21, fcvt.s.w, rmm, FP_NX, 0x4b800001, 0x0000000001000001)  # w 16777217 -> 16777218
  FP_TEST_S_CVT_F(22, fcvt.s.w, rne, FP_NX, 0xcb800002, 0xfffffffffefffffd)  # w -16777219 -> -16777220
  FP_TEST_S_CVT_F(23, fcvt.s.w, rtz, FP_NX, 0xcb800001, 0xfffffffffefffffd)  # w -16777219 -> -16777218
  FP_TEST_S_CVT_F(24, fcvt.s.w, rdn, FP_NX, 0xcb800002, 0xfffffffffefffffd)  # w -16777219 -> -16777220
  FP_TEST_S_CVT_F(25, fcvt.s.w, rup, FP_NX, 0xcb800001, 0xfffffffffefffffd)  # w -16777219 -> -16777218
  FP_TEST_S_CVT_F(26, fcvt.s.w, rmm, FP_NX, 0xcb800002, 0xfffffffffefffffd)  # w -16777219 -> -16777220
  fsrmi 0                           # frm = RNE for case 27 (rm = dyn)
  FP_TEST_S_CVT_F(27, fcvt.s.w, dyn, FP_NX, 0xcf000000, 0xffffffff80000001)  # w -2147483647 -> -2147483648
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 28 (rm = dyn)
  FP_TEST_S_CVT_F(28, fcvt.s.w, dyn, FP_NX, 0xceffffff, 0xffffffff80000001)  # w -2147483647 -> -2147483520
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 29 (rm = dyn)
  FP_TEST_S_CVT_F(29, fcvt.s.w, dyn, FP_NX, 0xcf000000, 0xffffffff80000001)  # w -2147483647 -> -2147483648
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 30 (rm = dyn)
  FP_TEST_S_CVT_F(30, fcvt.s.w, dyn, FP_NX, 0xceffffff, 0xffffffff80000001)  # w -2147483647 -> -2147483520
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 31 (rm = dyn)
  FP_TEST_S_CVT_F(31, fcvt.s.w, dyn, FP_NX, 0xcf000000, 0xffffffff80000001)  # w -2147483647 -> -2147483648
  fsrmi 0
  # FCVT.S.WU
  FP_TEST_S_CVT_F(32, fcvt.s.wu, rne, 0, 0x00000000, 0x0000000000000000)  # wu 0 -> 0
  FP_TEST_S_CVT_F(33, fcvt.s.wu, rne, 0, 0x3f800000, 0x0000000000000001)  # wu 1 -> 1
  FP_TEST_S_CVT_F(34, fcvt.s.wu, rne, 0, 0x4f000000, 0x0000000080000000)  # wu 2147483648 -> 2147483648
  FP_TEST_S_CVT_F(35, fcvt.s.wu, rne, FP_NX, 0x4f800000, 0x00000000ffffffff)  # wu 4294967295 -> 4294967296
  FP_TEST_S_CVT_F(36, fcvt.s.wu, rne, 0, 0x4f000000, 0xffffffff80000000)  # wu 2147483648 -> 2147483648
  FP_TEST_S_CVT_F(37, fcvt.s.wu, rne, FP_NX, 0x4f800000, 0x00000001ffffffff)  # wu 4294967295 -> 4294967296
  FP_TEST_S_CVT_F(38, fcvt.s.wu, rne, 0, 0x40400000, 0xffffffff00000003)  # wu 3 -> 3
  FP_TEST_S_CVT_F(39, fcvt.s.wu, rne, FP_NX, 0x4f800000, 0x00000000ffffffff)  # wu 4294967295 -> 4294967296
  FP_TEST_S_CVT_F(40, fcvt.s.wu, rtz, FP_NX, 0x4f7fffff, 0x00000000ffffffff)  # wu 4294967295 -> 4294967040
  FP_TEST_S_CVT_F(41, fcvt.s.wu, rdn, FP_NX, 0x4f7fffff, 0x00000000ffffffff)  # wu 4294967295 -> 4294967040
  FP_TEST_S_CVT_F(42, fcvt.s.wu, rup, FP_NX, 0x4f800000, 0x00000000ffffffff)  # wu 4294967295 -> 4294967296
  FP_TEST_S_CVT_F(43, fcvt.s.wu, rmm, FP_NX, 0x4f800000, 0x00000000ffffffff)  # wu 4294967295 -> 4294967296
  fsrmi 0                           # frm = RNE for case 44 (rm = dyn)
  FP_TEST_S_CVT_F(44, fcvt.s.wu, dyn, FP_NX, 0x4b800000, 0x0000000001000001)  # wu 16777217 -> 16777216
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 45 (rm = dyn)
  FP_TEST_S_CVT_F(45, fcvt.s.wu, dyn, FP_NX, 0x4b800000, 0x0000000001000001)  # wu 16777217 -> 16777216
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 46 (rm = dyn)
  FP_TEST_S_CVT_F(46, fcvt.s.wu, dyn, FP_NX, 0x4b800000, 0x0000000001000001)  # wu 16777217 -> 16777216
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 47 (rm = dyn)
  FP_TEST_S_CVT_F(47, fcvt.s.wu, dyn, FP_NX, 0x4b800001, 0x0000000001000001)  # wu 16777217 -> 16777218
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 48 (rm = dyn)
  FP_TEST_S_CVT_F(48, fcvt.s.wu, dyn, FP_NX, 0x4b800001, 0x0000000001000001)  # wu 16777217 -> 16777218
  fsrmi 0
  # FCVT.S.L
  FP_TEST_S_CVT_F(49, fcvt.s.l, rne, 0, 0x00000000, 0x0000000000000000)  # l 0 -> 0
  FP_TEST_S_CVT_F(50, fcvt.s.l, rne, 0, 0xbf800000, 0xffffffffffffffff)  # l -1 -> -1
  FP_TEST_S_CVT_F(51, fcvt.s.l, rne, 0, 0x4f000000, 0x0000000080000000)  # l 2147483648 -> 2147483648
  FP_TEST_S_CVT_F(52, fcvt.s.l, rne, 0, 0xdf000000, 0x8000000000000000)  # l -9223372036854775808 -> -9.223372e+18
  FP_TEST_S_CVT_F(53, fcvt.s.l, rne, FP_NX, 0x5f000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372e+18
  FP_TEST_S_CVT_F(54, fcvt.s.l, rne, 0, 0x4b7fffff, 0x0000000000ffffff)  # l 16777215 -> 16777215
  FP_TEST_S_CVT_F(55, fcvt.s.l, rne, 0, 0xcb7fffff, 0xffffffffff000001)  # l -16777215 -> -16777215
  FP_TEST_S_CVT_F(56, fcvt.s.l, rne, FP_NX, 0x5f000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372e+18
  FP_TEST_S_CVT_F(57, fcvt.s.l, rtz, FP_NX, 0x5effffff, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.2233715e+18
  FP_TEST_S_CVT_F(58, fcvt.s.l, rdn, FP_NX, 0x5effffff, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.2233715e+18
  FP_TEST_S_CVT_F(59, fcvt.s.l, rup, FP_NX, 0x5f000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372e+18
  FP_TEST_S_CVT_F(60, fcvt.s.l, rmm, FP_NX, 0x5f000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372e+18
  FP_TEST_S_CVT_F(61, fcvt.s.l, rne, FP_NX, 0x4b800000, 0x0000000001000001)  # l 16777217 -> 16777216
  FP_TEST_S_CVT_F(62, fcvt.s.l, rtz, FP_NX, 0x4b800000, 0x0000000001000001)  # l 16777217 -> 16777216
  FP_TEST_S_CVT_F(63, fcvt.s.l, rdn, FP_NX, 0x4b800000, 0x0000000001000001)  # l 16777217 -> 16777216
  FP_TEST_S_CVT_F(64, fcvt.s.l, rup, FP_NX, 0x4b800001, 0x0000000001000001)  # l 16777217 -> 16777218
  FP_TEST_S_CVT_F(65, fcvt.s.l, rmm, FP_NX, 0x4b800001, 0x0000000001000001)  # l 16777217 -> 16777218
  FP_TEST_S_CVT_F(66, fcvt.s.l, rne, FP_NX, 0xcb800000, 0xfffffffffeffffff)  # l -16777217 -> -16777216
  FP_TEST_S_CVT_F(67, fcvt.s.l, rtz, FP_NX, 0xcb800000, 0xfffffffffeffffff)  # l -16777217 -> -16777216
  FP_TEST_S_CVT_F(68, fcvt.s.l, rdn, FP_NX, 0xcb800001, 0xfffffffffeffffff)  # l -16777217 -> -16777218
  FP_TEST_S_CVT_F(69, fcvt.s.l, rup, FP_NX, 0xcb800000, 0xfffffffffeffffff)  # l -16777217 -> -16777216
  FP_TEST_S_CVT_F(70, fcvt.s.l, rmm, FP_NX, 0xcb800001, 0xfffffffffeffffff)  # l -16777217 -> -16777218
  FP_TEST_S_CVT_F(71, fcvt.s.l, rne, FP_NX, 0x4b800002, 0x0000000001000003)  # l 16777219 -> 16777220
  FP_TEST_S_CVT_F(72, fcvt.s.l, rmm, FP_NX, 0x4b800002, 0x0000000001000003)  # l 16777219 -> 16777220
  FP_TEST_S_CVT_F(73, fcvt.s.l, rtz, FP_NX, 0x4b800001, 0x0000000001000003)  # l 16777219 -> 16777218
  fsrmi 0                           # frm = RNE for case 74 (rm = dyn)
  FP_TEST_S_CVT_F(74, fcvt.s.l, dyn, FP_NX, 0xdf000000, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372e+18
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 75 (rm = dyn)
  FP_TEST_S_CVT_F(75, fcvt.s.l, dyn, FP_NX, 0xdeffffff, 0x8000000000000001)  # l -9223372036854775807 -> -9.2233715e+18
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 76 (rm = dyn)
  FP_TEST_S_CVT_F(76, fcvt.s.l, dyn, FP_NX, 0xdf000000, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372e+18
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 77 (rm = dyn)
  FP_TEST_S_CVT_F(77, fcvt.s.l, dyn, FP_NX, 0xdeffffff, 0x8000000000000001)  # l -9223372036854775807 -> -9.2233715e+18
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 78 (rm = dyn)
  FP_TEST_S_CVT_F(78, fcvt.s.l, dyn, FP_NX, 0xdf000000, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372e+18
  fsrmi 0
  # FCVT.S.LU
  FP_TEST_S_CVT_F(79, fcvt.s.lu, rne, 0, 0x00000000, 0x0000000000000000)  # lu 0 -> 0
  FP_TEST_S_CVT_F(80, fcvt.s.lu, rne, 0, 0x3f800000, 0x0000000000000001)  # lu 1 -> 1
  FP_TEST_S_CVT_F(81, fcvt.s.lu, rne, 0, 0x5f000000, 0x8000000000000000)  # lu 9223372036854775808 -> 9.223372e+18
  FP_TEST_S_CVT_F(82, fcvt.s.lu, rne, FP_NX, 0x5f800000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744e+19
  FP_TEST_S_CVT_F(83, fcvt.s.lu, rne, FP_NX, 0x4b800000, 0x0000000001000001)  # lu 16777217 -> 16777216
  FP_TEST_S_CVT_F(84, fcvt.s.lu, rne, FP_NX, 0x5f800000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744e+19
  FP_TEST_S_CVT_F(85, fcvt.s.lu, rtz, FP_NX, 0x5f7fffff, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446743e+19
  FP_TEST_S_CVT_F(86, fcvt.s.lu, rdn, FP_NX, 0x5f7fffff, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446743e+19
  FP_TEST_S_CVT_F(87, fcvt.s.lu, rup, FP_NX, 0x5f800000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744e+19
  FP_TEST_S_CVT_F(88, fcvt.s.lu, rmm, FP_NX, 0x5f800000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744e+19
  FP_TEST_S_CVT_F(89, fcvt.s.lu, rne, FP_NX, 0x50800000, 0x0000000400000400)  # lu 17179870208 -> 17179869184
  FP_TEST_S_CVT_F(90, fcvt.s.lu, rtz, FP_NX, 0x50800000, 0x0000000400000400)  # lu 17179870208 -> 17179869184
  FP_TEST_S_CVT_F(91, fcvt.s.lu, rdn, FP_NX, 0x50800000, 0x0000000400000400)  # lu 17179870208 -> 17179869184
  FP_TEST_S_CVT_F(92, fcvt.s.lu, rup, FP_NX, 0x50800001, 0x0000000400000400)  # lu 17179870208 -> 17179871232
  FP_TEST_S_CVT_F(93, fcvt.s.lu, rmm, FP_NX, 0x50800001, 0x0000000400000400)  # lu 17179870208 -> 17179871232
  fsrmi 2                           # frm = RDN for case 94 (rm = dyn)
  FP_TEST_S_CVT_F(94, fcvt.s.lu, dyn, FP_NX, 0x5f7fffff, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446743e+19
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 95 (rm = dyn)
  FP_TEST_S_CVT_F(95, fcvt.s.lu, dyn, FP_NX, 0x5f800000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744e+19
  fsrmi 0

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
