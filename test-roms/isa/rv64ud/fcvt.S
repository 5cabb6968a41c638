# FCVT.D.W / FCVT.D.WU / FCVT.D.L / FCVT.D.LU (integer to double): rounding of integers
# wider than the significand in every mode (static and dynamic), NX when inexact.
# The W forms read only the low 32 bits of rs1 (signed for W, unsigned for WU).
# Integer 0 converts to +0 in every rounding mode.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FCVT.D.W
  FP_TEST_FREG( 2, 0, 0x0000000000000000, li a1, 0x0000000000000000; fcvt.d.w f10, a1)  # w 0 -> 0
  FP_TEST_FREG( 3, 0, 0x3ff0000000000000, li a1, 0x0000000000000001; fcvt.d.w f10, a1)  # w 1 -> 1
  FP_TEST_FREG( 4, 0, 0xbff0000000000000, li a1, 0xffffffffffffffff; fcvt.d.w f10, a1)  # w -1 -> -1
  FP_TEST_FREG( 5, 0, 0x40fe240000000000, li a1, 0x000000000001e240; fcvt.d.w f10, a1)  # w 123456 -> 123456
  FP_TEST_FREG( 6, 0, 0xc01c000000000000, li a1, 0xfffffffffffffff9; fcvt.d.w f10, a1)  # w -7 -> -7
  FP_TEST_FREG( 7, 0, 0xc1e0000000000000, li a1, 0xffffffff80000000; fcvt.d.w f10, a1)  # w -2147483648 -> -2147483648
  FP_TEST_FREG( 8, 0, 0x41dfffffffc00000, li a1, 0x000000007fffffff; fcvt.d.w f10, a1)  # w 2147483647 -> 2147483647
  FP_TEST_FREG( 9, 0, 0xbff0000000000000, li a1, 0x00000001ffffffff; fcvt.d.w f10, a1)  # w -1 -> -1 (upper bits ignored)
  FP_TEST_FREG(10, 0, 0x4024000000000000, li a1, 0x123456780000000a; fcvt.d.w f10, a1)  # w 10 -> 10 (upper bits ignored)
  # FCVT.D.WU
  FP_TEST_FREG(11, 0, 0x0000000000000000, li a1, 0x0000000000000000; fcvt.d.wu f10, a1)  # wu 0 -> 0
  FP_TEST_FREG(12, 0, 0x3ff0000000000000, li a1, 0x0000000000000001; fcvt.d.wu f10, a1)  # wu 1 -> 1
  FP_TEST_FREG(13, 0, 0x41e0000000000000, li a1, 0x0000000080000000; fcvt.d.wu f10, a1)  # wu 2147483648 -> 2147483648
  FP_TEST_FREG(14, 0, 0x41efffffffe00000, li a1, 0x00000000ffffffff; fcvt.d.wu f10, a1)  # wu 4294967295 -> 4294967295
  FP_TEST_FREG(15, 0, 0x41e0000000000000, li a1, 0xffffffff80000000; fcvt.d.wu f10, a1)  # wu 2147483648 -> 2147483648
  FP_TEST_FREG(16, 0, 0x41efffffffe00000, li a1, 0x00000001ffffffff; fcvt.d.wu f10, a1)  # wu 4294967295 -> 4294967295
  FP_TEST_FREG(17, 0, 0x4008000000000000, li a1, 0xffffffff00000003; fcvt.d.wu f10, a1)  # wu 3 -> 3
  # FCVT.D.L
  FP_TEST_D_CVT_F(18, fcvt.d.l, rne, 0, 0x0000000000000000, 0x0000000000000000)  # l 0 -> 0
  FP_TEST_D_CVT_F(19, fcvt.d.l, rne, 0, 0xbff0000000000000, 0xffffffffffffffff)  # l -1 -> -1
  FP_TEST_D_CVT_F(20, fcvt.d.l, rne, 0, 0x41e0000000000000, 0x0000000080000000)  # l 2147483648 -> 2147483648
  FP_TEST_D_CVT_F(21, fcvt.d.l, rne, 0, 0xc3e0000000000000, 0x8000000000000000)  # l -9223372036854775808 -> -9.223372036854776e+18
  FP_TEST_D_CVT_F(22, fcvt.d.l, rne, FP_NX, 0x43e0000000000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(23, fcvt.d.l, rne, 0, 0x433fffffffffffff, 0x001fffffffffffff)  # l 9007199254740991 -> 9007199254740991
  FP_TEST_D_CVT_F(24, fcvt.d.l, rne, 0, 0xc33fffffffffffff, 0xffe0000000000001)  # l -9007199254740991 -> -9007199254740991
  FP_TEST_D_CVT_F(25, fcvt.d.l, rne, FP_NX, 0x43e0000000000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(26, fcvt.d.l, rtz, FP_NX, 0x43dfffffffffffff, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372036854775e+18
  FP_TEST_D_CVT_F(27, fcvt.d.l, rdn, FP_NX, 0x43dfffffffffffff, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372036854775e+18
  FP_TEST_D_CVT_F(28, fcvt.d.l, rup, FP_NX, 0x43e0000000000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(29, fcvt.d.l, rmm, FP_NX, 0x43e0000000000000, 0x7fffffffffffffff)  # l 9223372036854775807 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(30, fcvt.d.l, rne, FP_NX, 0x4340000000000000, 0x0020000000000001)  # l 9007199254740993 -> 9007199254740992
  FP_TEST_D_CVT_F(31, fcvt.d.l, rtz, FP_NX, 0x4340000000000000, 0x0020000000000001)  # l 9007199254740993 -> 9007199254740992
  FP_TEST_D_CVT_F(32, fcvt.d.l, rdn, FP_NX, 0x4340000000000000, 0x0020000000000001)  # l 9007199254740993 -> 9007199254740992
  FP_TEST_D_CVT_F(33, fcvt.d.l, rup, FP_NX, 0x4340000000000001, 0x0020000000000001)  # l 9007199254740993 -> 9007199254740994
  FP_TEST_D_CVT_F(34, fcvt.d.l, rmm, FP_NX, 0x4340000000000001, 0x0020000000000001)  # l 9007199254740993 -> 9007199254740994
  FP_TEST_D_CVT_F(35, fcvt.d.l, rne, FP_NX, 0xc340000000000000, 0xffdfffffffffffff)  # l -9007199254740993 -> -9007199254740992
  FP_TEST_D_CVT_F(36, fcvt.d.l, rtz, FP_NX, 0xc340000000000000, 0xffdfffffffffffff)  # l -9007199254740993 -> -9007199254740992
  FP_TEST_D_CVT_F(37, fcvt.d.l, rdn, FP_NX, 0xc340000000000001, 0xffdfffffffffffff)  # l -9007199254740993 -> -9007199254740994
  FP_TEST_D_CVT_F(38, fcvt.d.l, rup, FP_NX, 0xc340000000000000, 0xffdfffffffffffff)  # l -9007199254740993 -> -9007199254740992
  FP_TEST_D_CVT_F(39, fcvt.d.l, rmm, FP_NX, 0xc340000000000001, 0xffdfffffffffffff)  # l -9007199254740993 -> -9007199254740994
  FP_TEST_D_CVT_F(40, fcvt.d.l, rne, FP_NX, 0x4340000000000002, 0x0020000000000003)  # l 9007199254740995 -> 9007199254740996
  FP_TEST_D_CVT_F(41, fcvt.d.l, rmm, FP_NX, 0x4340000000000002, 0x0020000000000003)  # l 9007199254740995 -> 9007199254740996
  FP_TEST_D_CVT_F(42, fcvt.d.l, rtz, FP_NX, 0x4340000000000001, 0x0020000000000003)  # l 9007199254740995 -> 9007199254740994
  fsrmi 0                           # frm = RNE for case 43 (rm = dyn)
  FP_TEST_D_CVT_F(43, fcvt.d.l, dyn, FP_NX, 0xc3e0000000000000, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372036854776e+18
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 44 (rm = dyn)
  FP_TEST_D_CVT_F(44, fcvt.d.l, dyn, FP_NX, 0xc3dfffffffffffff, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372036854775e+18
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 45 (rm = dyn)
  FP_TEST_D_CVT_F(45, fcvt.d.l, dyn, FP_NX, 0xc3e0000000000000, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372036854776e+18
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 46 (rm = dyn)
  FP_TEST_D_CVT_F(46, fcvt.d.l, dyn, FP_NX, 0xc3dfffffffffffff, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372036854775e+18
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 47 (rm = dyn)
  FP_TEST_D_CVT_F(47, fcvt.d.l, dyn, FP_NX, 0xc3e0000000000000, 0x8000000000000001)  # l -9223372036854775807 -> -9.223372036854776e+18
  fsrmi 0
  # FCVT.D.LU
  FP_TEST_D_CVT_F(48, fcvt.d.lu, rne, 0, 0x0000000000000000, 0x0000000000000000)  # lu 0 -> 0
  FP_TEST_D_CVT_F(49, fcvt.d.lu, rne, 0, 0x3ff0000000000000, 0x0000000000000001)  # lu 1 -> 1
  FP_TEST_D_CVT_F(50, fcvt.d.lu, rne, 0, 0x43e0000000000000, 0x8000000000000000)  # lu 9223372036854775808 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(51, fcvt.d.lu, rne, FP_NX, 0x43f0000000000000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744073709552e+19
  FP_TEST_D_CVT_F(52, fcvt.d.lu, rne, FP_NX, 0x4340000000000000, 0x0020000000000001)  # lu 9007199254740993 -> 9007199254740992
  FP_TEST_D_CVT_F(53, fcvt.d.lu, rne, FP_NX, 0x43f0000000000000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744073709552e+19
  FP_TEST_D_CVT_F(54, fcvt.d.lu, rtz, FP_NX, 0x43efffffffffffff, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.844674407370955e+19
  FP_TEST_D_CVT_F(55, fcvt.d.lu, rdn, FP_NX, 0x43efffffffffffff, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.844674407370955e+19
  FP_TEST_D_CVT_F(56, fcvt.d.lu, rup, FP_NX, 0x43f0000000000000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744073709552e+19
  FP_TEST_D_CVT_F(57, fcvt.d.lu, rmm, FP_NX, 0x43f0000000000000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744073709552e+19
  FP_TEST_D_CVT_F(58, fcvt.d.lu, rne, FP_NX, 0x43e0000000000000, 0x8000000000000400)  # lu 9223372036854776832 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(59, fcvt.d.lu, rtz, FP_NX, 0x43e0000000000000, 0x8000000000000400)  # lu 9223372036854776832 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(60, fcvt.d.lu, rdn, FP_NX, 0x43e0000000000000, 0x8000000000000400)  # lu 9223372036854776832 -> 9.223372036854776e+18
  FP_TEST_D_CVT_F(61, fcvt.d.lu, rup, FP_NX, 0x43e0000000000001, 0x8000000000000400)  # lu 9223372036854776832 -> 9.223372036854778e+18
  FP_TEST_D_CVT_F(62, fcvt.d.lu, rmm, FP_NX, 0x43e0000000000001, 0x8000000000000400)  # lu 9223372036854776832 -> 9.223372036854778e+18
  fsrmi 2                           # frm = RDN for case 63 (rm = dyn)
  FP_TEST_D_CVT_F(63, fcvt.d.lu, dyn, FP_NX, 0x43efffffffffffff, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.844674407370955e+19
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 64 (rm = dyn)
  FP_TEST_D_CVT_F(64, fcvt.d.lu, dyn, FP_NX, 0x43f0000000000000, 0xffffffffffffffff)  # lu 18446744073709551615 -> 1.8446744073709552e+19
  fsrmi 0

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
