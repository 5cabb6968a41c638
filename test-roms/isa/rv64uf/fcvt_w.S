# FCVT.W.S / FCVT.WU.S / FCVT.L.S / FCVT.LU.S (single to integer): rounding in every
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
  FP_TEST_S_CVT_X( 2, fcvt.w.s, rne, 0, 0x0000000000000000, 0x00000000)  # w(0) = 0
  FP_TEST_S_CVT_X( 3, fcvt.w.s, rne, 0, 0x0000000000000000, 0x80000000)  # w(-0) = 0
  FP_TEST_S_CVT_X( 4, fcvt.w.s, rne, 0, 0x0000000000000001, 0x3f800000)  # w(1) = 1
  FP_TEST_S_CVT_X( 5, fcvt.w.s, rne, 0, 0xffffffffffffffff, 0xbf800000)  # w(-1) = -1
  FP_TEST_S_CVT_X( 6, fcvt.w.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # w(1.1) = 1
  FP_TEST_S_CVT_X( 7, fcvt.w.s, rne, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # w(-1.1) = -1
  FP_TEST_S_CVT_X( 8, fcvt.w.s, rne, FP_NX, 0x0000000000000000, 0x3f000000)  # w(0.5) = 0
  FP_TEST_S_CVT_X( 9, fcvt.w.s, rne, FP_NX, 0x0000000000000002, 0x3fc00000)  # w(1.5) = 2
  FP_TEST_S_CVT_X(10, fcvt.w.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  FP_TEST_S_CVT_X(11, fcvt.w.s, rne, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # w(-2.5) = -2
  FP_TEST_S_CVT_X(12, fcvt.w.s, rne, FP_NX, 0x0000000000000001, 0x3f666666)  # w(0.9) = 1
  FP_TEST_S_CVT_X(13, fcvt.w.s, rne, FP_NX, 0xffffffffffffffff, 0xbf666666)  # w(-0.9) = -1
  FP_TEST_S_CVT_X(14, fcvt.w.s, rne, 0, 0x000000000001e240, 0x47f12000)  # w(123456) = 123456
  FP_TEST_S_CVT_X(15, fcvt.w.s, rne, FP_NX, 0xfffffffffffffff8, 0xc0f80000)  # w(-7.75) = -8
  FP_TEST_S_CVT_X(16, fcvt.w.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  FP_TEST_S_CVT_X(17, fcvt.w.s, rtz, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  FP_TEST_S_CVT_X(18, fcvt.w.s, rdn, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  FP_TEST_S_CVT_X(19, fcvt.w.s, rup, FP_NX, 0x0000000000000003, 0x40200000)  # w(2.5) = 3
  FP_TEST_S_CVT_X(20, fcvt.w.s, rmm, FP_NX, 0x0000000000000003, 0x40200000)  # w(2.5) = 3
  FP_TEST_S_CVT_X(21, fcvt.w.s, rne, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # w(-2.5) = -2
  FP_TEST_S_CVT_X(22, fcvt.w.s, rtz, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # w(-2.5) = -2
  FP_TEST_S_CVT_X(23, fcvt.w.s, rdn, FP_NX, 0xfffffffffffffffd, 0xc0200000)  # w(-2.5) = -3
  FP_TEST_S_CVT_X(24, fcvt.w.s, rup, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # w(-2.5) = -2
  FP_TEST_S_CVT_X(25, fcvt.w.s, rmm, FP_NX, 0xfffffffffffffffd, 0xc0200000)  # w(-2.5) = -3
  FP_TEST_S_CVT_X(26, fcvt.w.s, rne, FP_NX, 0x0000000000000000, 0xbf000000)  # w(-0.5) = 0
  FP_TEST_S_CVT_X(27, fcvt.w.s, rtz, FP_NX, 0x0000000000000000, 0xbf000000)  # w(-0.5) = 0
  FP_TEST_S_CVT_X(28, fcvt.w.s, rdn, FP_NX, 0xffffffffffffffff, 0xbf000000)  # w(-0.5) = -1
  FP_TEST_S_CVT_X(29, fcvt.w.s, rup, FP_NX, 0x0000000000000000, 0xbf000000)  # w(-0.5) = 0
  FP_TEST_S_CVT_X(30, fcvt.w.s, rmm, FP_NX, 0xffffffffffffffff, 0xbf000000)  # w(-0.5) = -1
  FP_TEST_S_CVT_X(31, fcvt.w.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # w(1.1) = 1
  FP_TEST_S_CVT_X(32, fcvt.w.s, rtz, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # w(1.1) = 1
  FP_TEST_S_CVT_X(33, fcvt.w.s, rdn, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # w(1.1) = 1
  FP_TEST_S_CVT_X(34, fcvt.w.s, rup, FP_NX, 0x0000000000000002, 0x3f8ccccd)  # w(1.1) = 2
  FP_TEST_S_CVT_X(35, fcvt.w.s, rmm, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # w(1.1) = 1
  FP_TEST_S_CVT_X(36, fcvt.w.s, rne, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # w(-1.1) = -1
  FP_TEST_S_CVT_X(37, fcvt.w.s, rtz, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # w(-1.1) = -1
  FP_TEST_S_CVT_X(38, fcvt.w.s, rdn, FP_NX, 0xfffffffffffffffe, 0xbf8ccccd)  # w(-1.1) = -2
  FP_TEST_S_CVT_X(39, fcvt.w.s, rup, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # w(-1.1) = -1
  FP_TEST_S_CVT_X(40, fcvt.w.s, rmm, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # w(-1.1) = -1
  FP_TEST_S_CVT_X(41, fcvt.w.s, rne, FP_NX, 0x0000000000000002, 0x3fc00000)  # w(1.5) = 2
  FP_TEST_S_CVT_X(42, fcvt.w.s, rtz, FP_NX, 0x0000000000000001, 0x3fc00000)  # w(1.5) = 1
  FP_TEST_S_CVT_X(43, fcvt.w.s, rdn, FP_NX, 0x0000000000000001, 0x3fc00000)  # w(1.5) = 1
  FP_TEST_S_CVT_X(44, fcvt.w.s, rup, FP_NX, 0x0000000000000002, 0x3fc00000)  # w(1.5) = 2
  FP_TEST_S_CVT_X(45, fcvt.w.s, rmm, FP_NX, 0x0000000000000002, 0x3fc00000)  # w(1.5) = 2
  fsrmi 0                           # frm = RNE for case 46 (rm = dyn)
  FP_TEST_S_CVT_X(46, fcvt.w.s, dyn, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 47 (rm = dyn)
  FP_TEST_S_CVT_X(47, fcvt.w.s, dyn, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 48 (rm = dyn)
  FP_TEST_S_CVT_X(48, fcvt.w.s, dyn, FP_NX, 0x0000000000000002, 0x40200000)  # w(2.5) = 2
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 49 (rm = dyn)
  FP_TEST_S_CVT_X(49, fcvt.w.s, dyn, FP_NX, 0x0000000000000003, 0x40200000)  # w(2.5) = 3
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 50 (rm = dyn)
  FP_TEST_S_CVT_X(50, fcvt.w.s, dyn, FP_NX, 0x0000000000000003, 0x40200000)  # w(2.5) = 3
  fsrmi 0
  fsrmi 0                           # frm = RNE for case 51 (rm = dyn)
  FP_TEST_S_CVT_X(51, fcvt.w.s, dyn, FP_NX, 0xfffffffffffffffe, 0xbfc00000)  # w(-1.5) = -2
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 52 (rm = dyn)
  FP_TEST_S_CVT_X(52, fcvt.w.s, dyn, FP_NX, 0xffffffffffffffff, 0xbfc00000)  # w(-1.5) = -1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 53 (rm = dyn)
  FP_TEST_S_CVT_X(53, fcvt.w.s, dyn, FP_NX, 0xfffffffffffffffe, 0xbfc00000)  # w(-1.5) = -2
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 54 (rm = dyn)
  FP_TEST_S_CVT_X(54, fcvt.w.s, dyn, FP_NX, 0xffffffffffffffff, 0xbfc00000)  # w(-1.5) = -1
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 55 (rm = dyn)
  FP_TEST_S_CVT_X(55, fcvt.w.s, dyn, FP_NX, 0xfffffffffffffffe, 0xbfc00000)  # w(-1.5) = -2
  fsrmi 0
  # W range limits
  FP_TEST_S_CVT_X(56, fcvt.w.s, rne, FP_NV, 0x000000007fffffff, 0x4f000000)  # w(2147483648) = 2147483647
  FP_TEST_S_CVT_X(57, fcvt.w.s, rne, 0, 0xffffffff80000000, 0xcf000000)  # w(-2147483648) = -2147483648
  FP_TEST_S_CVT_X(58, fcvt.w.s, rne, 0, 0x000000007fffff80, 0x4effffff)  # w(2147483520) = 2147483520
  FP_TEST_S_CVT_X(59, fcvt.w.s, rne, FP_NV, 0xffffffff80000000, 0xcf000001)  # w(-2147483904) = -2147483648
  FP_TEST_S_CVT_X(60, fcvt.w.s, rne, FP_NV, 0x000000007fffffff, 0x7f7fffff)  # w(3.4028235e+38) = 2147483647
  FP_TEST_S_CVT_X(61, fcvt.w.s, rne, FP_NV, 0xffffffff80000000, 0xff7fffff)  # w(-3.4028235e+38) = -2147483648
  FP_TEST_S_CVT_X(62, fcvt.w.s, rne, FP_NX, 0x0000000000000000, 0x00000001)  # w(1e-45) = 0
  FP_TEST_S_CVT_X(63, fcvt.w.s, rdn, FP_NX, 0xffffffffffffffff, 0x80000001)  # w(-1e-45) = -1
  FP_TEST_S_CVT_X(64, fcvt.w.s, rne, FP_NV, 0x000000007fffffff, 0x7f800000)  # w(inf) = 2147483647
  FP_TEST_S_CVT_X(65, fcvt.w.s, rne, FP_NV, 0xffffffff80000000, 0xff800000)  # w(-inf) = -2147483648
  FP_TEST_S_CVT_X(66, fcvt.w.s, rne, FP_NV, 0x000000007fffffff, 0x7fc00000)  # w(qNaN) = 2147483647
  FP_TEST_S_CVT_X(67, fcvt.w.s, rne, FP_NV, 0x000000007fffffff, 0xffc00123)  # w(-qNaN(0xffc00123)) = 2147483647
  FP_TEST_S_CVT_X(68, fcvt.w.s, rne, FP_NV, 0x000000007fffffff, 0x7f800001)  # w(sNaN(0x7f800001)) = 2147483647
  # FCVT.WU
  FP_TEST_S_CVT_X(69, fcvt.wu.s, rne, 0, 0x0000000000000000, 0x00000000)  # wu(0) = 0
  FP_TEST_S_CVT_X(70, fcvt.wu.s, rne, 0, 0x0000000000000000, 0x80000000)  # wu(-0) = 0
  FP_TEST_S_CVT_X(71, fcvt.wu.s, rne, 0, 0x0000000000000001, 0x3f800000)  # wu(1) = 1
  FP_TEST_S_CVT_X(72, fcvt.wu.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # wu(1.1) = 1
  FP_TEST_S_CVT_X(73, fcvt.wu.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # wu(2.5) = 2
  FP_TEST_S_CVT_X(74, fcvt.wu.s, rne, 0, 0xffffffffb2d05e00, 0x4f32d05e)  # wu(3000000000) = 3000000000
  FP_TEST_S_CVT_X(75, fcvt.wu.s, rne, FP_NX, 0x0000000000000001, 0x3f666666)  # wu(0.9) = 1
  FP_TEST_S_CVT_X(76, fcvt.wu.s, rne, FP_NV, 0x0000000000000000, 0xbf800000)  # wu(-1) = 0
  FP_TEST_S_CVT_X(77, fcvt.wu.s, rne, FP_NV, 0x0000000000000000, 0xc0400000)  # wu(-3) = 0
  FP_TEST_S_CVT_X(78, fcvt.wu.s, rne, FP_NX, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  FP_TEST_S_CVT_X(79, fcvt.wu.s, rtz, FP_NX, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  FP_TEST_S_CVT_X(80, fcvt.wu.s, rdn, FP_NV, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  FP_TEST_S_CVT_X(81, fcvt.wu.s, rup, FP_NX, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  FP_TEST_S_CVT_X(82, fcvt.wu.s, rmm, FP_NV, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  FP_TEST_S_CVT_X(83, fcvt.wu.s, rne, FP_NV, 0x0000000000000000, 0xbf666666)  # wu(-0.9) = 0
  FP_TEST_S_CVT_X(84, fcvt.wu.s, rtz, FP_NX, 0x0000000000000000, 0xbf666666)  # wu(-0.9) = 0
  FP_TEST_S_CVT_X(85, fcvt.wu.s, rdn, FP_NV, 0x0000000000000000, 0xbf666666)  # wu(-0.9) = 0
  FP_TEST_S_CVT_X(86, fcvt.wu.s, rup, FP_NX, 0x0000000000000000, 0xbf666666)  # wu(-0.9) = 0
  FP_TEST_S_CVT_X(87, fcvt.wu.s, rmm, FP_NV, 0x0000000000000000, 0xbf666666)  # wu(-0.9) = 0
  FP_TEST_S_CVT_X(88, fcvt.wu.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # wu(2.5) = 2
  FP_TEST_S_CVT_X(89, fcvt.wu.s, rtz, FP_NX, 0x0000000000000002, 0x40200000)  # wu(2.5) = 2
  FP_TEST_S_CVT_X(90, fcvt.wu.s, rdn, FP_NX, 0x0000000000000002, 0x40200000)  # wu(2.5) = 2
  FP_TEST_S_CVT_X(91, fcvt.wu.s, rup, FP_NX, 0x0000000000000003, 0x40200000)  # wu(2.5) = 3
  FP_TEST_S_CVT_X(92, fcvt.wu.s, rmm, FP_NX, 0x0000000000000003, 0x40200000)  # wu(2.5) = 3
  FP_TEST_S_CVT_X(93, fcvt.wu.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # wu(1.1) = 1
  FP_TEST_S_CVT_X(94, fcvt.wu.s, rtz, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # wu(1.1) = 1
  FP_TEST_S_CVT_X(95, fcvt.wu.s, rdn, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # wu(1.1) = 1
  FP_TEST_S_CVT_X(96, fcvt.wu.s, rup, FP_NX, 0x0000000000000002, 0x3f8ccccd)  # wu(1.1) = 2
  FP_TEST_S_CVT_X(97, fcvt.wu.s, rmm, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # wu(1.1) = 1
  fsrmi 0                           # frm = RNE for case 98 (rm = dyn)
  FP_TEST_S_CVT_X(98, fcvt.wu.s, dyn, FP_NX, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 99 (rm = dyn)
  FP_TEST_S_CVT_X(99, fcvt.wu.s, dyn, FP_NX, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 100 (rm = dyn)
  FP_TEST_S_CVT_X(100, fcvt.wu.s, dyn, FP_NV, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 101 (rm = dyn)
  FP_TEST_S_CVT_X(101, fcvt.wu.s, dyn, FP_NX, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 102 (rm = dyn)
  FP_TEST_S_CVT_X(102, fcvt.wu.s, dyn, FP_NV, 0x0000000000000000, 0xbf000000)  # wu(-0.5) = 0
  fsrmi 0
  fsrmi 0                           # frm = RNE for case 103 (rm = dyn)
  FP_TEST_S_CVT_X(103, fcvt.wu.s, dyn, FP_NX, 0x0000000000000004, 0x40600000)  # wu(3.5) = 4
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 104 (rm = dyn)
  FP_TEST_S_CVT_X(104, fcvt.wu.s, dyn, FP_NX, 0x0000000000000003, 0x40600000)  # wu(3.5) = 3
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 105 (rm = dyn)
  FP_TEST_S_CVT_X(105, fcvt.wu.s, dyn, FP_NX, 0x0000000000000003, 0x40600000)  # wu(3.5) = 3
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 106 (rm = dyn)
  FP_TEST_S_CVT_X(106, fcvt.wu.s, dyn, FP_NX, 0x0000000000000004, 0x40600000)  # wu(3.5) = 4
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 107 (rm = dyn)
  FP_TEST_S_CVT_X(107, fcvt.wu.s, dyn, FP_NX, 0x0000000000000004, 0x40600000)  # wu(3.5) = 4
  fsrmi 0
  # WU range limits
  FP_TEST_S_CVT_X(108, fcvt.wu.s, rne, FP_NV, 0xffffffffffffffff, 0x4f800000)  # wu(4294967296) = 4294967295
  FP_TEST_S_CVT_X(109, fcvt.wu.s, rne, 0, 0xffffffffffffff00, 0x4f7fffff)  # wu(4294967040) = 4294967040
  FP_TEST_S_CVT_X(110, fcvt.wu.s, rne, 0, 0xffffffff80000000, 0x4f000000)  # wu(2147483648) = 2147483648
  FP_TEST_S_CVT_X(111, fcvt.wu.s, rne, FP_NV, 0xffffffffffffffff, 0x7f7fffff)  # wu(3.4028235e+38) = 4294967295
  FP_TEST_S_CVT_X(112, fcvt.wu.s, rne, FP_NV, 0x0000000000000000, 0xff7fffff)  # wu(-3.4028235e+38) = 0
  FP_TEST_S_CVT_X(113, fcvt.wu.s, rne, FP_NX, 0x0000000000000000, 0x80000001)  # wu(-1e-45) = 0
  FP_TEST_S_CVT_X(114, fcvt.wu.s, rdn, FP_NV, 0x0000000000000000, 0x80000001)  # wu(-1e-45) = 0
  FP_TEST_S_CVT_X(115, fcvt.wu.s, rne, FP_NV, 0xffffffffffffffff, 0x7f800000)  # wu(inf) = 4294967295
  FP_TEST_S_CVT_X(116, fcvt.wu.s, rne, FP_NV, 0x0000000000000000, 0xff800000)  # wu(-inf) = 0
  FP_TEST_S_CVT_X(117, fcvt.wu.s, rne, FP_NV, 0xffffffffffffffff, 0x7fc00000)  # wu(qNaN) = 4294967295
  FP_TEST_S_CVT_X(118, fcvt.wu.s, rne, FP_NV, 0xffffffffffffffff, 0xffc00123)  # wu(-qNaN(0xffc00123)) = 4294967295
  FP_TEST_S_CVT_X(119, fcvt.wu.s, rne, FP_NV, 0xffffffffffffffff, 0x7f800001)  # wu(sNaN(0x7f800001)) = 4294967295
  # FCVT.L
  FP_TEST_S_CVT_X(120, fcvt.l.s, rne, 0, 0x0000000000000000, 0x00000000)  # l(0) = 0
  FP_TEST_S_CVT_X(121, fcvt.l.s, rne, 0, 0x0000000000000000, 0x80000000)  # l(-0) = 0
  FP_TEST_S_CVT_X(122, fcvt.l.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # l(1.1) = 1
  FP_TEST_S_CVT_X(123, fcvt.l.s, rne, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # l(-1.1) = -1
  FP_TEST_S_CVT_X(124, fcvt.l.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # l(2.5) = 2
  FP_TEST_S_CVT_X(125, fcvt.l.s, rne, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # l(-2.5) = -2
  FP_TEST_S_CVT_X(126, fcvt.l.s, rne, 0, 0x00000002540be400, 0x501502f9)  # l(10000000000) = 10000000000
  FP_TEST_S_CVT_X(127, fcvt.l.s, rne, 0, 0xfffc72815c000000, 0xd8635fa9)  # l(-999999986991104) = -999999986991104
  FP_TEST_S_CVT_X(128, fcvt.l.s, rne, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # l(-2.5) = -2
  FP_TEST_S_CVT_X(129, fcvt.l.s, rtz, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # l(-2.5) = -2
  FP_TEST_S_CVT_X(130, fcvt.l.s, rdn, FP_NX, 0xfffffffffffffffd, 0xc0200000)  # l(-2.5) = -3
  FP_TEST_S_CVT_X(131, fcvt.l.s, rup, FP_NX, 0xfffffffffffffffe, 0xc0200000)  # l(-2.5) = -2
  FP_TEST_S_CVT_X(132, fcvt.l.s, rmm, FP_NX, 0xfffffffffffffffd, 0xc0200000)  # l(-2.5) = -3
  FP_TEST_S_CVT_X(133, fcvt.l.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # l(1.1) = 1
  FP_TEST_S_CVT_X(134, fcvt.l.s, rtz, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # l(1.1) = 1
  FP_TEST_S_CVT_X(135, fcvt.l.s, rdn, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # l(1.1) = 1
  FP_TEST_S_CVT_X(136, fcvt.l.s, rup, FP_NX, 0x0000000000000002, 0x3f8ccccd)  # l(1.1) = 2
  FP_TEST_S_CVT_X(137, fcvt.l.s, rmm, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # l(1.1) = 1
  FP_TEST_S_CVT_X(138, fcvt.l.s, rne, FP_NX, 0x0000000000000000, 0xbdcccccd)  # l(-0.1) = 0
  FP_TEST_S_CVT_X(139, fcvt.l.s, rtz, FP_NX, 0x0000000000000000, 0xbdcccccd)  # l(-0.1) = 0
  FP_TEST_S_CVT_X(140, fcvt.l.s, rdn, FP_NX, 0xffffffffffffffff, 0xbdcccccd)  # l(-0.1) = -1
  FP_TEST_S_CVT_X(141, fcvt.l.s, rup, FP_NX, 0x0000000000000000, 0xbdcccccd)  # l(-0.1) = 0
  FP_TEST_S_CVT_X(142, fcvt.l.s, rmm, FP_NX, 0x0000000000000000, 0xbdcccccd)  # l(-0.1) = 0
  fsrmi 0                           # frm = RNE for case 143 (rm = dyn)
  FP_TEST_S_CVT_X(143, fcvt.l.s, dyn, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # l(-1.1) = -1
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 144 (rm = dyn)
  FP_TEST_S_CVT_X(144, fcvt.l.s, dyn, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # l(-1.1) = -1
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 145 (rm = dyn)
  FP_TEST_S_CVT_X(145, fcvt.l.s, dyn, FP_NX, 0xfffffffffffffffe, 0xbf8ccccd)  # l(-1.1) = -2
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 146 (rm = dyn)
  FP_TEST_S_CVT_X(146, fcvt.l.s, dyn, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # l(-1.1) = -1
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 147 (rm = dyn)
  FP_TEST_S_CVT_X(147, fcvt.l.s, dyn, FP_NX, 0xffffffffffffffff, 0xbf8ccccd)  # l(-1.1) = -1
  fsrmi 0
  # L range limits
  FP_TEST_S_CVT_X(148, fcvt.l.s, rne, FP_NV, 0x7fffffffffffffff, 0x5f000000)  # l(9.223372e+18) = 9223372036854775807
  FP_TEST_S_CVT_X(149, fcvt.l.s, rne, 0, 0x8000000000000000, 0xdf000000)  # l(-9.223372e+18) = -9223372036854775808
  FP_TEST_S_CVT_X(150, fcvt.l.s, rne, 0, 0x7fffff8000000000, 0x5effffff)  # l(9.2233715e+18) = 9223371487098961920
  FP_TEST_S_CVT_X(151, fcvt.l.s, rne, FP_NV, 0x8000000000000000, 0xdf000001)  # l(-9.223373e+18) = -9223372036854775808
  FP_TEST_S_CVT_X(152, fcvt.l.s, rne, FP_NV, 0x7fffffffffffffff, 0x7f7fffff)  # l(3.4028235e+38) = 9223372036854775807
  FP_TEST_S_CVT_X(153, fcvt.l.s, rne, FP_NV, 0x8000000000000000, 0xff7fffff)  # l(-3.4028235e+38) = -9223372036854775808
  FP_TEST_S_CVT_X(154, fcvt.l.s, rne, FP_NV, 0x7fffffffffffffff, 0x7f800000)  # l(inf) = 9223372036854775807
  FP_TEST_S_CVT_X(155, fcvt.l.s, rne, FP_NV, 0x8000000000000000, 0xff800000)  # l(-inf) = -9223372036854775808
  FP_TEST_S_CVT_X(156, fcvt.l.s, rne, FP_NV, 0x7fffffffffffffff, 0x7fc00000)  # l(qNaN) = 9223372036854775807
  FP_TEST_S_CVT_X(157, fcvt.l.s, rne, FP_NV, 0x7fffffffffffffff, 0xffc00123)  # l(-qNaN(0xffc00123)) = 9223372036854775807
  FP_TEST_S_CVT_X(158, fcvt.l.s, rne, FP_NV, 0x7fffffffffffffff, 0x7f800001)  # l(sNaN(0x7f800001)) = 9223372036854775807
  # FCVT.LU
  FP_TEST_S_CVT_X(159, fcvt.lu.s, rne, 0, 0x0000000000000000, 0x00000000)  # lu(0) = 0
  FP_TEST_S_CVT_X(160, fcvt.lu.s, rne, FP_NX, 0x0000000000000001, 0x3f8ccccd)  # lu(1.1) = 1
  FP_TEST_S_CVT_X(161, fcvt.lu.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # lu(2.5) = 2
  FP_TEST_S_CVT_X(162, fcvt.lu.s, rne, 0, 0x8ac7230000000000, 0x5f0ac723)  # lu(1e+19) = 9999999980506447872
  FP_TEST_S_CVT_X(163, fcvt.lu.s, rne, FP_NV, 0x0000000000000000, 0xbf800000)  # lu(-1) = 0
  FP_TEST_S_CVT_X(164, fcvt.lu.s, rne, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  FP_TEST_S_CVT_X(165, fcvt.lu.s, rne, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  FP_TEST_S_CVT_X(166, fcvt.lu.s, rtz, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  FP_TEST_S_CVT_X(167, fcvt.lu.s, rdn, FP_NV, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  FP_TEST_S_CVT_X(168, fcvt.lu.s, rup, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  FP_TEST_S_CVT_X(169, fcvt.lu.s, rmm, FP_NV, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  FP_TEST_S_CVT_X(170, fcvt.lu.s, rne, FP_NX, 0x0000000000000002, 0x40200000)  # lu(2.5) = 2
  FP_TEST_S_CVT_X(171, fcvt.lu.s, rtz, FP_NX, 0x0000000000000002, 0x40200000)  # lu(2.5) = 2
  FP_TEST_S_CVT_X(172, fcvt.lu.s, rdn, FP_NX, 0x0000000000000002, 0x40200000)  # lu(2.5) = 2
  FP_TEST_S_CVT_X(173, fcvt.lu.s, rup, FP_NX, 0x0000000000000003, 0x40200000)  # lu(2.5) = 3
  FP_TEST_S_CVT_X(174, fcvt.lu.s, rmm, FP_NX, 0x0000000000000003, 0x40200000)  # lu(2.5) = 3
  fsrmi 0                           # frm = RNE for case 175 (rm = dyn)
  FP_TEST_S_CVT_X(175, fcvt.lu.s, dyn, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 176 (rm = dyn)
  FP_TEST_S_CVT_X(176, fcvt.lu.s, dyn, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 177 (rm = dyn)
  FP_TEST_S_CVT_X(177, fcvt.lu.s, dyn, FP_NV, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 178 (rm = dyn)
  FP_TEST_S_CVT_X(178, fcvt.lu.s, dyn, FP_NX, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 179 (rm = dyn)
  FP_TEST_S_CVT_X(179, fcvt.lu.s, dyn, FP_NV, 0x0000000000000000, 0xbf000000)  # lu(-0.5) = 0
  fsrmi 0
  # LU range limits
  FP_TEST_S_CVT_X(180, fcvt.lu.s, rne, FP_NV, 0xffffffffffffffff, 0x5f800000)  # lu(1.8446744e+19) = 18446744073709551615
  FP_TEST_S_CVT_X(181, fcvt.lu.s, rne, 0, 0x8000000000000000, 0x5f000000)  # lu(9.223372e+18) = 9223372036854775808
  FP_TEST_S_CVT_X(182, fcvt.lu.s, rne, 0, 0xffffff0000000000, 0x5f7fffff)  # lu(1.8446743e+19) = 18446742974197923840
  FP_TEST_S_CVT_X(183, fcvt.lu.s, rne, FP_NV, 0xffffffffffffffff, 0x7f7fffff)  # lu(3.4028235e+38) = 18446744073709551615
  FP_TEST_S_CVT_X(184, fcvt.lu.s, rne, FP_NV, 0x0000000000000000, 0xff7fffff)  # lu(-3.4028235e+38) = 0
  FP_TEST_S_CVT_X(185, fcvt.lu.s, rne, FP_NV, 0xffffffffffffffff, 0x7f800000)  # lu(inf) = 18446744073709551615
  FP_TEST_S_CVT_X(186, fcvt.lu.s, rne, FP_NV, 0x0000000000000000, 0xff800000)  # lu(-inf) = 0
  FP_TEST_S_CVT_X(187, fcvt.lu.s, rne, FP_NV, 0xffffffffffffffff, 0x7fc00000)  # lu(qNaN) = 18446744073709551615
  FP_TEST_S_CVT_X(188, fcvt.lu.s, rne, FP_NV, 0xffffffffffffffff, 0xffc00123)  # lu(-qNaN(0xffc00123)) = 18446744073709551615
  FP_TEST_S_CVT_X(189, fcvt.lu.s, rne, FP_NV, 0xffffffffffffffff, 0x7f800001)  # lu(sNaN(0x7f800001)) = 18446744073709551615
  # rd = x0: no write, flags still raised
  FP_TEST_XREG(190, FP_NX, 0, li a1, 0x3fc00000; fmv.w.x f11, a1; fcvt.w.s x0, f11, rtz; mv a0, x0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
