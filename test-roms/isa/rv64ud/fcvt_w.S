# FCVT.W.D / FCVT.WU.D / FCVT.L.D / FCVT.LU.D (double to integer): rounding in every
# mode (static and dynamic), NX for inexact in-range results, and for out-of-range
# inputs the saturated result with NV (and no NX):
#              w            wu           l            lu
#   too big    2^31-1       2^32-1       2^63-1       2^64-1     (also +inf, any NaN)
#   too small  -2^31        0            -2^63        0          (also -inf)
# The 32-bit results (W and WU alike) are sign-extended to 64 bits. A negative input
# that rounds to 0 is in range for the unsigned forms (NX only).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FCVT.W
  FP_TEST_D_CVT_X( 2, fcvt.w.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  # w(0) = 0
  FP_TEST_D_CVT_X( 3, fcvt.w.d, rne, 0, 0x0000000000000000, 0x8000000000000000)  # w(-0) = 0
  FP_TEST_D_CVT_X( 4, fcvt.w.d, rne, 0, 0x0000000000000001, 0x3ff0000000000000)  # w(1) = 1
  FP_TEST_D_CVT_X( 5, fcvt.w.d, rne, 0, 0xffffffffffffffff, 0xbff0000000000000)  # w(-1) = -1
  FP_TEST_D_CVT_X( 6, fcvt.w.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # w(1.1) = 1
  FP_TEST_D_CVT_X( 7, fcvt.w.d, rne, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # w(-1.1) = -1
  FP_TEST_D_CVT_X( 8, fcvt.w.d, rne, FP_NX, 0x0000000000000000, 0x3fe0000000000000)  # w(0.5) = 0
  FP_TEST_D_CVT_X( 9, fcvt.w.d, rne, FP_NX, 0x0000000000000002, 0x3ff8000000000000)  # w(1.5) = 2
  FP_TEST_D_CVT_X(10, fcvt.w.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  FP_TEST_D_CVT_X(11, fcvt.w.d, rne, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # w(-2.5) = -2
  FP_TEST_D_CVT_X(12, fcvt.w.d, rne, FP_NX, 0x0000000000000001, 0x3feccccccccccccd)  # w(0.9) = 1
  FP_TEST_D_CVT_X(13, fcvt.w.d, rne, FP_NX, 0xffffffffffffffff, 0xbfeccccccccccccd)  # w(-0.9) = -1
  FP_TEST_D_CVT_X(14, fcvt.w.d, rne, 0, 0x000000000001e240, 0x40fe240000000000)  # w(123456) = 123456
  FP_TEST_D_CVT_X(15, fcvt.w.d, rne, FP_NX, 0xfffffffffffffff8, 0xc01f000000000000)  # w(-7.75) = -8
  FP_TEST_D_CVT_X(16, fcvt.w.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  FP_TEST_D_CVT_X(17, fcvt.w.d, rtz, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  FP_TEST_D_CVT_X(18, fcvt.w.d, rdn, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  FP_TEST_D_CVT_X(19, fcvt.w.d, rup, FP_NX, 0x0000000000000003, 0x4004000000000000)  # w(2.5) = 3
  FP_TEST_D_CVT_X(20, fcvt.w.d, rmm, FP_NX, 0x0000000000000003, 0x4004000000000000)  # w(2.5) = 3
  FP_TEST_D_CVT_X(21, fcvt.w.d, rne, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # w(-2.5) = -2
  FP_TEST_D_CVT_X(22, fcvt.w.d, rtz, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # w(-2.5) = -2
  FP_TEST_D_CVT_X(23, fcvt.w.d, rdn, FP_NX, 0xfffffffffffffffd, 0xc004000000000000)  # w(-2.5) = -3
  FP_TEST_D_CVT_X(24, fcvt.w.d, rup, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # w(-2.5) = -2
  FP_TEST_D_CVT_X(25, fcvt.w.d, rmm, FP_NX, 0xfffffffffffffffd, 0xc004000000000000)  # w(-2.5) = -3
  FP_TEST_D_CVT_X(26, fcvt.w.d, rne, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # w(-0.5) = 0
  FP_TEST_D_CVT_X(27, fcvt.w.d, rtz, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # w(-0.5) = 0
  FP_TEST_D_CVT_X(28, fcvt.w.d, rdn, FP_NX, 0xffffffffffffffff, 0xbfe0000000000000)  # w(-0.5) = -1
  FP_TEST_D_CVT_X(29, fcvt.w.d, rup, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # w(-0.5) = 0
  FP_TEST_D_CVT_X(30, fcvt.w.d, rmm, FP_NX, 0xffffffffffffffff, 0xbfe0000000000000)  # w(-0.5) = -1
  FP_TEST_D_CVT_X(31, fcvt.w.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # w(1.1) = 1
  FP_TEST_D_CVT_X(32, fcvt.w.d, rtz, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # w(1.1) = 1
  FP_TEST_D_CVT_X(33, fcvt.w.d, rdn, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # w(1.1) = 1
  FP_TEST_D_CVT_X(34, fcvt.w.d, rup, FP_NX, 0x0000000000000002, 0x3ff199999999999a)  # w(1.1) = 2
  FP_TEST_D_CVT_X(35, fcvt.w.d, rmm, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # w(1.1) = 1
  FP_TEST_D_CVT_X(36, fcvt.w.d, rne, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # w(-1.1) = -1
  FP_TEST_D_CVT_X(37, fcvt.w.d, rtz, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # w(-1.1) = -1
  FP_TEST_D_CVT_X(38, fcvt.w.d, rdn, FP_NX, 0xfffffffffffffffe, 0xbff199999999999a)  # w(-1.1) = -2
  FP_TEST_D_CVT_X(39, fcvt.w.d, rup, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # w(-1.1) = -1
  FP_TEST_D_CVT_X(40, fcvt.w.d, rmm, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # w(-1.1) = -1
  FP_TEST_D_CVT_X(41, fcvt.w.d, rne, FP_NX, 0x0000000000000002, 0x3ff8000000000000)  # w(1.5) = 2
  FP_TEST_D_CVT_X(42, fcvt.w.d, rtz, FP_NX, 0x0000000000000001, 0x3ff8000000000000)  # w(1.5) = 1
  FP_TEST_D_CVT_X(43, fcvt.w.d, rdn, FP_NX, 0x0000000000000001, 0x3ff8000000000000)  # w(1.5) = 1
  FP_TEST_D_CVT_X(44, fcvt.w.d, rup, FP_NX, 0x0000000000000002, 0x3ff8000000000000)  # w(1.5) = 2
  FP_TEST_D_CVT_X(45, fcvt.w.d, rmm, FP_NX, 0x0000000000000002, 0x3ff8000000000000)  # w(1.5) = 2
  fsrmi 0                           # frm = RNE for case 46 (rm = dyn)
  FP_TEST_D_CVT_X(46, fcvt.w.d, dyn, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 47 (rm = dyn)
  FP_TEST_D_CVT_X(47, fcvt.w.d, dyn, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 48 (rm = dyn)
  FP_TEST_D_CVT_X(48, fcvt.w.d, dyn, FP_NX, 0x0000000000000002, 0x4004000000000000)  # w(2.5) = 2
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 49 (rm = dyn)
  FP_TEST_D_CVT_X(49, fcvt.w.d, dyn, FP_NX, 0x0000000000000003, 0x4004000000000000)  # w(2.5) = 3
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 50 (rm = dyn)
  FP_TEST_D_CVT_X(50, fcvt.w.d, dyn, FP_NX, 0x0000000000000003, 0x4004000000000000)  # w(2.5) = 3
  fsrmi 0
  fsrmi 0                           # frm = RNE for case 51 (rm = dyn)
  FP_TEST_D_CVT_X(51, fcvt.w.d, dyn, FP_NX, 0xfffffffffffffffe, 0xbff8000000000000)  # w(-1.5) = -2
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 52 (rm = dyn)
  FP_TEST_D_CVT_X(52, fcvt.w.d, dyn, FP_NX, 0xffffffffffffffff, 0xbff8000000000000)  # w(-1.5) = -1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 53 (rm = dyn)
  FP_TEST_D_CVT_X(53, fcvt.w.d, dyn, FP_NX, 0xfffffffffffffffe, 0xbff8000000000000)  # w(-1.5) = -2
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 54 (rm = dyn)
  FP_TEST_D_CVT_X(54, fcvt.w.d, dyn, FP_NX, 0xffffffffffffffff, 0xbff8000000000000)  # w(-1.5) = -1
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 55 (rm = dyn)
  FP_TEST_D_CVT_X(55, fcvt.w.d, dyn, FP_NX, 0xfffffffffffffffe, 0xbff8000000000000)  # w(-1.5) = -2
  fsrmi 0
  # W range limits
  FP_TEST_D_CVT_X(56, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0x41e0000000000000)  # w(2147483648) = 2147483647
  FP_TEST_D_CVT_X(57, fcvt.w.d, rne, 0, 0xffffffff80000000, 0xc1e0000000000000)  # w(-2147483648) = -2147483648
  FP_TEST_D_CVT_X(58, fcvt.w.d, rne, 0, 0x000000007fffffff, 0x41dfffffffc00000)  # w(2147483647) = 2147483647
  FP_TEST_D_CVT_X(59, fcvt.w.d, rtz, 0, 0x000000007fffffff, 0x41dfffffffc00000)  # w(2147483647) = 2147483647
  FP_TEST_D_CVT_X(60, fcvt.w.d, rdn, 0, 0x000000007fffffff, 0x41dfffffffc00000)  # w(2147483647) = 2147483647
  FP_TEST_D_CVT_X(61, fcvt.w.d, rup, 0, 0x000000007fffffff, 0x41dfffffffc00000)  # w(2147483647) = 2147483647
  FP_TEST_D_CVT_X(62, fcvt.w.d, rmm, 0, 0x000000007fffffff, 0x41dfffffffc00000)  # w(2147483647) = 2147483647
  FP_TEST_D_CVT_X(63, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0x41dfffffffe00000)  # w(2147483647.5) = 2147483647
  FP_TEST_D_CVT_X(64, fcvt.w.d, rtz, FP_NX, 0x000000007fffffff, 0x41dfffffffe00000)  # w(2147483647.5) = 2147483647
  FP_TEST_D_CVT_X(65, fcvt.w.d, rdn, FP_NX, 0x000000007fffffff, 0x41dfffffffe00000)  # w(2147483647.5) = 2147483647
  FP_TEST_D_CVT_X(66, fcvt.w.d, rup, FP_NV, 0x000000007fffffff, 0x41dfffffffe00000)  # w(2147483647.5) = 2147483647
  FP_TEST_D_CVT_X(67, fcvt.w.d, rmm, FP_NV, 0x000000007fffffff, 0x41dfffffffe00000)  # w(2147483647.5) = 2147483647
  FP_TEST_D_CVT_X(68, fcvt.w.d, rne, FP_NX, 0xffffffff80000000, 0xc1e0000000100000)  # w(-2147483648.5) = -2147483648
  FP_TEST_D_CVT_X(69, fcvt.w.d, rtz, FP_NX, 0xffffffff80000000, 0xc1e0000000100000)  # w(-2147483648.5) = -2147483648
  FP_TEST_D_CVT_X(70, fcvt.w.d, rdn, FP_NV, 0xffffffff80000000, 0xc1e0000000100000)  # w(-2147483648.5) = -2147483648
  FP_TEST_D_CVT_X(71, fcvt.w.d, rup, FP_NX, 0xffffffff80000000, 0xc1e0000000100000)  # w(-2147483648.5) = -2147483648
  FP_TEST_D_CVT_X(72, fcvt.w.d, rmm, FP_NV, 0xffffffff80000000, 0xc1e0000000100000)  # w(-2147483648.5) = -2147483648
  FP_TEST_D_CVT_X(73, fcvt.w.d, rne, FP_NV, 0xffffffff80000000, 0xc1e00000001ccccd)  # w(-2147483648.9) = -2147483648
  FP_TEST_D_CVT_X(74, fcvt.w.d, rtz, FP_NX, 0xffffffff80000000, 0xc1e00000001ccccd)  # w(-2147483648.9) = -2147483648
  FP_TEST_D_CVT_X(75, fcvt.w.d, rdn, FP_NV, 0xffffffff80000000, 0xc1e00000001ccccd)  # w(-2147483648.9) = -2147483648
  FP_TEST_D_CVT_X(76, fcvt.w.d, rup, FP_NX, 0xffffffff80000000, 0xc1e00000001ccccd)  # w(-2147483648.9) = -2147483648
  FP_TEST_D_CVT_X(77, fcvt.w.d, rmm, FP_NV, 0xffffffff80000000, 0xc1e00000001ccccd)  # w(-2147483648.9) = -2147483648
  FP_TEST_D_CVT_X(78, fcvt.w.d, rne, FP_NV, 0xffffffff80000000, 0xc1e0000000200000)  # w(-2147483649) = -2147483648
  FP_TEST_D_CVT_X(79, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0x7fefffffffffffff)  # w(1.7976931348623157e+308) = 2147483647
  FP_TEST_D_CVT_X(80, fcvt.w.d, rne, FP_NV, 0xffffffff80000000, 0xffefffffffffffff)  # w(-1.7976931348623157e+308) = -2147483648
  FP_TEST_D_CVT_X(81, fcvt.w.d, rne, FP_NX, 0x0000000000000000, 0x0000000000000001)  # w(5e-324) = 0
  FP_TEST_D_CVT_X(82, fcvt.w.d, rdn, FP_NX, 0xffffffffffffffff, 0x8000000000000001)  # w(-5e-324) = -1
  FP_TEST_D_CVT_X(83, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0x7ff0000000000000)  # w(inf) = 2147483647
  FP_TEST_D_CVT_X(84, fcvt.w.d, rne, FP_NV, 0xffffffff80000000, 0xfff0000000000000)  # w(-inf) = -2147483648
  FP_TEST_D_CVT_X(85, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0x7ff8000000000000)  # w(qNaN) = 2147483647
  FP_TEST_D_CVT_X(86, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0xfff8000000000123)  # w(-qNaN(0xfff8000000000123)) = 2147483647
  FP_TEST_D_CVT_X(87, fcvt.w.d, rne, FP_NV, 0x000000007fffffff, 0x7ff0000000000001)  # w(sNaN(0x7ff0000000000001)) = 2147483647
  # FCVT.WU
  FP_TEST_D_CVT_X(88, fcvt.wu.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  # wu(0) = 0
  FP_TEST_D_CVT_X(89, fcvt.wu.d, rne, 0, 0x0000000000000000, 0x8000000000000000)  # wu(-0) = 0
  FP_TEST_D_CVT_X(90, fcvt.wu.d, rne, 0, 0x0000000000000001, 0x3ff0000000000000)  # wu(1) = 1
  FP_TEST_D_CVT_X(91, fcvt.wu.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # wu(1.1) = 1
  FP_TEST_D_CVT_X(92, fcvt.wu.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # wu(2.5) = 2
  FP_TEST_D_CVT_X(93, fcvt.wu.d, rne, 0, 0xffffffffb2d05e00, 0x41e65a0bc0000000)  # wu(3000000000) = 3000000000
  FP_TEST_D_CVT_X(94, fcvt.wu.d, rne, FP_NX, 0x0000000000000001, 0x3feccccccccccccd)  # wu(0.9) = 1
  FP_TEST_D_CVT_X(95, fcvt.wu.d, rne, FP_NV, 0x0000000000000000, 0xbff0000000000000)  # wu(-1) = 0
  FP_TEST_D_CVT_X(96, fcvt.wu.d, rne, FP_NV, 0x0000000000000000, 0xc008000000000000)  # wu(-3) = 0
  FP_TEST_D_CVT_X(97, fcvt.wu.d, rne, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  FP_TEST_D_CVT_X(98, fcvt.wu.d, rtz, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  FP_TEST_D_CVT_X(99, fcvt.wu.d, rdn, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  FP_TEST_D_CVT_X(100, fcvt.wu.d, rup, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  FP_TEST_D_CVT_X(101, fcvt.wu.d, rmm, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  FP_TEST_D_CVT_X(102, fcvt.wu.d, rne, FP_NV, 0x0000000000000000, 0xbfeccccccccccccd)  # wu(-0.9) = 0
  FP_TEST_D_CVT_X(103, fcvt.wu.d, rtz, FP_NX, 0x0000000000000000, 0xbfeccccccccccccd)  # wu(-0.9) = 0
  FP_TEST_D_CVT_X(104, fcvt.wu.d, rdn, FP_NV, 0x0000000000000000, 0xbfeccccccccccccd)  # wu(-0.9) = 0
  FP_TEST_D_CVT_X(105, fcvt.wu.d, rup, FP_NX, 0x0000000000000000, 0xbfeccccccccccccd)  # wu(-0.9) = 0
  FP_TEST_D_CVT_X(106, fcvt.wu.d, rmm, FP_NV, 0x0000000000000000, 0xbfeccccccccccccd)  # wu(-0.9) = 0
  FP_TEST_D_CVT_X(107, fcvt.wu.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # wu(2.5) = 2
  FP_TEST_D_CVT_X(108, fcvt.wu.d, rtz, FP_NX, 0x0000000000000002, 0x4004000000000000)  # wu(2.5) = 2
  FP_TEST_D_CVT_X(109, fcvt.wu.d, rdn, FP_NX, 0x0000000000000002, 0x4004000000000000)  # wu(2.5) = 2
  FP_TEST_D_CVT_X(110, fcvt.wu.d, rup, FP_NX, 0x0000000000000003, 0x4004000000000000)  # wu(2.5) = 3
  FP_TEST_D_CVT_X(111, fcvt.wu.d, rmm, FP_NX, 0x0000000000000003, 0x4004000000000000)  # wu(2.5) = 3
  FP_TEST_D_CVT_X(112, fcvt.wu.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # wu(1.1) = 1
  FP_TEST_D_CVT_X(113, fcvt.wu.d, rtz, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # wu(1.1) = 1
  FP_TEST_D_CVT_X(114, fcvt.wu.d, rdn, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # wu(1.1) = 1
  FP_TEST_D_CVT_X(115, fcvt.wu.d, rup, FP_NX, 0x0000000000000002, 0x3ff199999999999a)  # wu(1.1) = 2
  FP_TEST_D_CVT_X(116, fcvt.wu.d, rmm, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # wu(1.1) = 1
  fsrmi 0                           # frm = RNE for case 117 (rm = dyn)
  FP_TEST_D_CVT_X(117, fcvt.wu.d, dyn, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 118 (rm = dyn)
  FP_TEST_D_CVT_X(118, fcvt.wu.d, dyn, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 119 (rm = dyn)
  FP_TEST_D_CVT_X(119, fcvt.wu.d, dyn, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 120 (rm = dyn)
  FP_TEST_D_CVT_X(120, fcvt.wu.d, dyn, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 121 (rm = dyn)
  FP_TEST_D_CVT_X(121, fcvt.wu.d, dyn, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 0                           # frm = RNE for case 122 (rm = dyn)
  FP_TEST_D_CVT_X(122, fcvt.wu.d, dyn, FP_NX, 0x0000000000000004, 0x400c000000000000)  # wu(3.5) = 4
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 123 (rm = dyn)
  FP_TEST_D_CVT_X(123, fcvt.wu.d, dyn, FP_NX, 0x0000000000000003, 0x400c000000000000)  # wu(3.5) = 3
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 124 (rm = dyn)
  FP_TEST_D_CVT_X(124, fcvt.wu.d, dyn, FP_NX, 0x0000000000000003, 0x400c000000000000)  # wu(3.5) = 3
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 125 (rm = dyn)
  FP_TEST_D_CVT_X(125, fcvt.wu.d, dyn, FP_NX, 0x0000000000000004, 0x400c000000000000)  # wu(3.5) = 4
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 126 (rm = dyn)
  FP_TEST_D_CVT_X(126, fcvt.wu.d, dyn, FP_NX, 0x0000000000000004, 0x400c000000000000)  # wu(3.5) = 4
  fsrmi 0
  # WU range limits
  FP_TEST_D_CVT_X(127, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0x41f0000000000000)  # wu(4294967296) = 4294967295
  FP_TEST_D_CVT_X(128, fcvt.wu.d, rne, 0, 0xffffffffffffffff, 0x41efffffffe00000)  # wu(4294967295) = 4294967295
  FP_TEST_D_CVT_X(129, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0x41effffffff00000)  # wu(4294967295.5) = 4294967295
  FP_TEST_D_CVT_X(130, fcvt.wu.d, rtz, FP_NX, 0xffffffffffffffff, 0x41effffffff00000)  # wu(4294967295.5) = 4294967295
  FP_TEST_D_CVT_X(131, fcvt.wu.d, rdn, FP_NX, 0xffffffffffffffff, 0x41effffffff00000)  # wu(4294967295.5) = 4294967295
  FP_TEST_D_CVT_X(132, fcvt.wu.d, rup, FP_NV, 0xffffffffffffffff, 0x41effffffff00000)  # wu(4294967295.5) = 4294967295
  FP_TEST_D_CVT_X(133, fcvt.wu.d, rmm, FP_NV, 0xffffffffffffffff, 0x41effffffff00000)  # wu(4294967295.5) = 4294967295
  FP_TEST_D_CVT_X(134, fcvt.wu.d, rne, 0, 0xffffffff80000000, 0x41e0000000000000)  # wu(2147483648) = 2147483648
  FP_TEST_D_CVT_X(135, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0x7fefffffffffffff)  # wu(1.7976931348623157e+308) = 4294967295
  FP_TEST_D_CVT_X(136, fcvt.wu.d, rne, FP_NV, 0x0000000000000000, 0xffefffffffffffff)  # wu(-1.7976931348623157e+308) = 0
  FP_TEST_D_CVT_X(137, fcvt.wu.d, rne, FP_NX, 0x0000000000000000, 0x8000000000000001)  # wu(-5e-324) = 0
  FP_TEST_D_CVT_X(138, fcvt.wu.d, rdn, FP_NV, 0x0000000000000000, 0x8000000000000001)  # wu(-5e-324) = 0
  FP_TEST_D_CVT_X(139, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0x7ff0000000000000)  # wu(inf) = 4294967295
  FP_TEST_D_CVT_X(140, fcvt.wu.d, rne, FP_NV, 0x0000000000000000, 0xfff0000000000000)  # wu(-inf) = 0
  FP_TEST_D_CVT_X(141, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0x7ff8000000000000)  # wu(qNaN) = 4294967295
  FP_TEST_D_CVT_X(142, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0xfff8000000000123)  # wu(-qNaN(0xfff8000000000123)) = 4294967295
  FP_TEST_D_CVT_X(143, fcvt.wu.d, rne, FP_NV, 0xffffffffffffffff, 0x7ff0000000000001)  # wu(sNaN(0x7ff0000000000001)) = 4294967295
  # FCVT.L
  FP_TEST_D_CVT_X(144, fcvt.l.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  # l(0) = 0
  FP_TEST_D_CVT_X(145, fcvt.l.d, rne, 0, 0x0000000000000000, 0x8000000000000000)  # l(-0) = 0
  FP_TEST_D_CVT_X(146, fcvt.l.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # l(1.1) = 1
  FP_TEST_D_CVT_X(147, fcvt.l.d, rne, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # l(-1.1) = -1
  FP_TEST_D_CVT_X(148, fcvt.l.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # l(2.5) = 2
  FP_TEST_D_CVT_X(149, fcvt.l.d, rne, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # l(-2.5) = -2
  FP_TEST_D_CVT_X(150, fcvt.l.d, rne, 0, 0x00000002540be400, 0x4202a05f20000000)  # l(10000000000) = 10000000000
  FP_TEST_D_CVT_X(151, fcvt.l.d, rne, 0, 0xfffc72815b398000, 0xc30c6bf526340000)  # l(-1000000000000000) = -1000000000000000
  FP_TEST_D_CVT_X(152, fcvt.l.d, rne, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # l(-2.5) = -2
  FP_TEST_D_CVT_X(153, fcvt.l.d, rtz, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # l(-2.5) = -2
  FP_TEST_D_CVT_X(154, fcvt.l.d, rdn, FP_NX, 0xfffffffffffffffd, 0xc004000000000000)  # l(-2.5) = -3
  FP_TEST_D_CVT_X(155, fcvt.l.d, rup, FP_NX, 0xfffffffffffffffe, 0xc004000000000000)  # l(-2.5) = -2
  FP_TEST_D_CVT_X(156, fcvt.l.d, rmm, FP_NX, 0xfffffffffffffffd, 0xc004000000000000)  # l(-2.5) = -3
  FP_TEST_D_CVT_X(157, fcvt.l.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # l(1.1) = 1
  FP_TEST_D_CVT_X(158, fcvt.l.d, rtz, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # l(1.1) = 1
  FP_TEST_D_CVT_X(159, fcvt.l.d, rdn, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # l(1.1) = 1
  FP_TEST_D_CVT_X(160, fcvt.l.d, rup, FP_NX, 0x0000000000000002, 0x3ff199999999999a)  # l(1.1) = 2
  FP_TEST_D_CVT_X(161, fcvt.l.d, rmm, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # l(1.1) = 1
  FP_TEST_D_CVT_X(162, fcvt.l.d, rne, FP_NX, 0x0000000000000000, 0xbfb999999999999a)  # l(-0.1) = 0
  FP_TEST_D_CVT_X(163, fcvt.l.d, rtz, FP_NX, 0x0000000000000000, 0xbfb999999999999a)  # l(-0.1) = 0
  FP_TEST_D_CVT_X(164, fcvt.l.d, rdn, FP_NX, 0xffffffffffffffff, 0xbfb999999999999a)  # l(-0.1) = -1
  FP_TEST_D_CVT_X(165, fcvt.l.d, rup, FP_NX, 0x0000000000000000, 0xbfb999999999999a)  # l(-0.1) = 0
  FP_TEST_D_CVT_X(166, fcvt.l.d, rmm, FP_NX, 0x0000000000000000, 0xbfb999999999999a)  # l(-0.1) = 0
  fsrmi 0                           # frm = RNE for case 167 (rm = dyn)
  FP_TEST_D_CVT_X(167, fcvt.l.d, dyn, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # l(-1.1) = -1
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 168 (rm = dyn)
  FP_TEST_D_CVT_X(168, fcvt.l.d, dyn, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # l(-1.1) = -1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 169 (rm = dyn)
  FP_TEST_D_CVT_X(169, fcvt.l.d, dyn, FP_NX, 0xfffffffffffffffe, 0xbff199999999999a)  # l(-1.1) = -2
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 170 (rm = dyn)
  FP_TEST_D_CVT_X(170, fcvt.l.d, dyn, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # l(-1.1) = -1
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 171 (rm = dyn)
  FP_TEST_D_CVT_X(171, fcvt.l.d, dyn, FP_NX, 0xffffffffffffffff, 0xbff199999999999a)  # l(-1.1) = -1
  fsrmi 0
  # L range limits
  FP_TEST_D_CVT_X(172, fcvt.l.d, rne, FP_NV, 0x7fffffffffffffff, 0x43e0000000000000)  # l(9.223372036854776e+18) = 9223372036854775807
  FP_TEST_D_CVT_X(173, fcvt.l.d, rne, 0, 0x8000000000000000, 0xc3e0000000000000)  # l(-9.223372036854776e+18) = -9223372036854775808
  FP_TEST_D_CVT_X(174, fcvt.l.d, rne, 0, 0x7ffffffffffffc00, 0x43dfffffffffffff)  # l(9.223372036854775e+18) = 9223372036854774784
  FP_TEST_D_CVT_X(175, fcvt.l.d, rne, FP_NV, 0x8000000000000000, 0xc3e0000000000001)  # l(-9.223372036854778e+18) = -9223372036854775808
  FP_TEST_D_CVT_X(176, fcvt.l.d, rne, FP_NX, 0x0008000000000000, 0x4320000000000001)  # l(2251799813685248.5) = 2251799813685248
  FP_TEST_D_CVT_X(177, fcvt.l.d, rmm, FP_NX, 0x0008000000000001, 0x4320000000000001)  # l(2251799813685248.5) = 2251799813685249
  FP_TEST_D_CVT_X(178, fcvt.l.d, rne, FP_NV, 0x7fffffffffffffff, 0x7fefffffffffffff)  # l(1.7976931348623157e+308) = 9223372036854775807
  FP_TEST_D_CVT_X(179, fcvt.l.d, rne, FP_NV, 0x8000000000000000, 0xffefffffffffffff)  # l(-1.7976931348623157e+308) = -9223372036854775808
  FP_TEST_D_CVT_X(180, fcvt.l.d, rne, FP_NV, 0x7fffffffffffffff, 0x7ff0000000000000)  # l(inf) = 9223372036854775807
  FP_TEST_D_CVT_X(181, fcvt.l.d, rne, FP_NV, 0x8000000000000000, 0xfff0000000000000)  # l(-inf) = -9223372036854775808
  FP_TEST_D_CVT_X(182, fcvt.l.d, rne, FP_NV, 0x7fffffffffffffff, 0x7ff8000000000000)  # l(qNaN) = 9223372036854775807
  FP_TEST_D_CVT_X(183, fcvt.l.d, rne, FP_NV, 0x7fffffffffffffff, 0xfff8000000000123)  # l(-qNaN(0xfff8000000000123)) = 9223372036854775807
  FP_TEST_D_CVT_X(184, fcvt.l.d, rne, FP_NV, 0x7fffffffffffffff, 0x7ff0000000000001)  # l(sNaN(0x7ff0000000000001)) = 9223372036854775807
  # FCVT.LU
  FP_TEST_D_CVT_X(185, fcvt.lu.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  # lu(0) = 0
  FP_TEST_D_CVT_X(186, fcvt.lu.d, rne, FP_NX, 0x0000000000000001, 0x3ff199999999999a)  # lu(1.1) = 1
  FP_TEST_D_CVT_X(187, fcvt.lu.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # lu(2.5) = 2
  FP_TEST_D_CVT_X(188, fcvt.lu.d, rne, 0, 0x8ac7230489e80000, 0x43e158e460913d00)  # lu(1e+19) = 10000000000000000000
  FP_TEST_D_CVT_X(189, fcvt.lu.d, rne, FP_NV, 0x0000000000000000, 0xbff0000000000000)  # lu(-1) = 0
  FP_TEST_D_CVT_X(190, fcvt.lu.d, rne, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  FP_TEST_D_CVT_X(191, fcvt.lu.d, rne, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  FP_TEST_D_CVT_X(192, fcvt.lu.d, rtz, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  FP_TEST_D_CVT_X(193, fcvt.lu.d, rdn, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  FP_TEST_D_CVT_X(194, fcvt.lu.d, rup, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  FP_TEST_D_CVT_X(195, fcvt.lu.d, rmm, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  FP_TEST_D_CVT_X(196, fcvt.lu.d, rne, FP_NX, 0x0000000000000002, 0x4004000000000000)  # lu(2.5) = 2
  FP_TEST_D_CVT_X(197, fcvt.lu.d, rtz, FP_NX, 0x0000000000000002, 0x4004000000000000)  # lu(2.5) = 2
  FP_TEST_D_CVT_X(198, fcvt.lu.d, rdn, FP_NX, 0x0000000000000002, 0x4004000000000000)  # lu(2.5) = 2
  FP_TEST_D_CVT_X(199, fcvt.lu.d, rup, FP_NX, 0x0000000000000003, 0x4004000000000000)  # lu(2.5) = 3
  FP_TEST_D_CVT_X(200, fcvt.lu.d, rmm, FP_NX, 0x0000000000000003, 0x4004000000000000)  # lu(2.5) = 3
  fsrmi 0                           # frm = RNE for case 201 (rm = dyn)
  FP_TEST_D_CVT_X(201, fcvt.lu.d, dyn, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 202 (rm = dyn)
  FP_TEST_D_CVT_X(202, fcvt.lu.d, dyn, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 203 (rm = dyn)
  FP_TEST_D_CVT_X(203, fcvt.lu.d, dyn, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 204 (rm = dyn)
  FP_TEST_D_CVT_X(204, fcvt.lu.d, dyn, FP_NX, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 205 (rm = dyn)
  FP_TEST_D_CVT_X(205, fcvt.lu.d, dyn, FP_NV, 0x0000000000000000, 0xbfe0000000000000)  # lu(-0.5) = 0
  fsrmi 0
  # LU range limits
  FP_TEST_D_CVT_X(206, fcvt.lu.d, rne, FP_NV, 0xffffffffffffffff, 0x43f0000000000000)  # lu(1.8446744073709552e+19) = 18446744073709551615
  FP_TEST_D_CVT_X(207, fcvt.lu.d, rne, 0, 0x8000000000000000, 0x43e0000000000000)  # lu(9.223372036854776e+18) = 9223372036854775808
  FP_TEST_D_CVT_X(208, fcvt.lu.d, rne, 0, 0xfffffffffffff800, 0x43efffffffffffff)  # lu(1.844674407370955e+19) = 18446744073709549568
  FP_TEST_D_CVT_X(209, fcvt.lu.d, rne, FP_NV, 0xffffffffffffffff, 0x7fefffffffffffff)  # lu(1.7976931348623157e+308) = 18446744073709551615
  FP_TEST_D_CVT_X(210, fcvt.lu.d, rne, FP_NV, 0x0000000000000000, 0xffefffffffffffff)  # lu(-1.7976931348623157e+308) = 0
  FP_TEST_D_CVT_X(211, fcvt.lu.d, rne, FP_NV, 0xffffffffffffffff, 0x7ff0000000000000)  # lu(inf) = 18446744073709551615
  FP_TEST_D_CVT_X(212, fcvt.lu.d, rne, FP_NV, 0x0000000000000000, 0xfff0000000000000)  # lu(-inf) = 0
  FP_TEST_D_CVT_X(213, fcvt.lu.d, rne, FP_NV, 0xffffffffffffffff, 0x7ff8000000000000)  # lu(qNaN) = 18446744073709551615
  FP_TEST_D_CVT_X(214, fcvt.lu.d, rne, FP_NV, 0xffffffffffffffff, 0xfff8000000000123)  # lu(-qNaN(0xfff8000000000123)) = 18446744073709551615
  FP_TEST_D_CVT_X(215, fcvt.lu.d, rne, FP_NV, 0xffffffffffffffff, 0x7ff0000000000001)  # lu(sNaN(0x7ff0000000000001)) = 18446744073709551615
  # rd = x0: no write, flags still raised
  FP_TEST_XREG(216, FP_NX, 0, li a1, 0x3ff8000000000000; fmv.d.x f11, a1; fcvt.w.d x0, f11, rtz; mv a0, x0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
