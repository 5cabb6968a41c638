# FDIV.S (single precision): exact and inexact quotients, every rounding mode
# (static and dynamic), division by zero (DZ only for a finite nonzero dividend),
# 0/0 and inf/inf (NV), NaN inputs.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  FP_TEST_S_OP2( 2, fdiv.s, rne, 0, 0x40600000, 0x40e00000, 0x40000000)  # 7 / 2 = 3.5
  FP_TEST_S_OP2( 3, fdiv.s, rne, FP_NX, 0xc48c5a2e, 0xc49a6333, 0x3f8ccccd)  # -1235.1 / 1.1 = -1122.8181
  FP_TEST_S_OP2( 4, fdiv.s, rne, FP_NX, 0x3f93eee0, 0x40490fdb, 0x402df854)  # 3.1415927 / 2.7182817 = 1.1557274
  # 1/3 and -2/3 in every rounding mode
  FP_TEST_S_OP2( 5, fdiv.s, rne, FP_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  # 1 / 3 = 0.33333334
  FP_TEST_S_OP2( 6, fdiv.s, rtz, FP_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  # 1 / 3 = 0.3333333
  FP_TEST_S_OP2( 7, fdiv.s, rdn, FP_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  # 1 / 3 = 0.3333333
  FP_TEST_S_OP2( 8, fdiv.s, rup, FP_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  # 1 / 3 = 0.33333334
  FP_TEST_S_OP2( 9, fdiv.s, rmm, FP_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  # 1 / 3 = 0.33333334
  FP_TEST_S_OP2(10, fdiv.s, rne, FP_NX, 0xbf2aaaab, 0xc0000000, 0x40400000)  # -2 / 3 = -0.6666667
  FP_TEST_S_OP2(11, fdiv.s, rtz, FP_NX, 0xbf2aaaaa, 0xc0000000, 0x40400000)  # -2 / 3 = -0.6666666
  FP_TEST_S_OP2(12, fdiv.s, rdn, FP_NX, 0xbf2aaaab, 0xc0000000, 0x40400000)  # -2 / 3 = -0.6666667
  FP_TEST_S_OP2(13, fdiv.s, rup, FP_NX, 0xbf2aaaaa, 0xc0000000, 0x40400000)  # -2 / 3 = -0.6666666
  FP_TEST_S_OP2(14, fdiv.s, rmm, FP_NX, 0xbf2aaaab, 0xc0000000, 0x40400000)  # -2 / 3 = -0.6666667
  fsrmi 0                           # frm = RNE for case 15 (rm = dyn)
  FP_TEST_S_OP2(15, fdiv.s, dyn, FP_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  # 1 / 3 = 0.33333334
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 16 (rm = dyn)
  FP_TEST_S_OP2(16, fdiv.s, dyn, FP_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  # 1 / 3 = 0.3333333
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 17 (rm = dyn)
  FP_TEST_S_OP2(17, fdiv.s, dyn, FP_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  # 1 / 3 = 0.3333333
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 18 (rm = dyn)
  FP_TEST_S_OP2(18, fdiv.s, dyn, FP_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  # 1 / 3 = 0.33333334
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 19 (rm = dyn)
  FP_TEST_S_OP2(19, fdiv.s, dyn, FP_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  # 1 / 3 = 0.33333334
  fsrmi 0
  # Division by zero, zero by zero, infinities
  FP_TEST_S_OP2(20, fdiv.s, rne, FP_DZ, 0x7f800000, 0x3f800000, 0x00000000)  # 1 / 0 = inf
  FP_TEST_S_OP2(21, fdiv.s, rne, FP_DZ, 0xff800000, 0xbf800000, 0x00000000)  # -1 / 0 = -inf
  FP_TEST_S_OP2(22, fdiv.s, rne, FP_DZ, 0xff800000, 0x3f800000, 0x80000000)  # 1 / -0 = -inf
  FP_TEST_S_OP2(23, fdiv.s, rne, FP_DZ, 0xff800000, 0x00000001, 0x80000000)  # 1e-45 / -0 = -inf
  FP_TEST_S_OP2(24, fdiv.s, rne, FP_NV, 0x7fc00000, 0x00000000, 0x00000000)  # 0 / 0 = qNaN
  FP_TEST_S_OP2(25, fdiv.s, rne, FP_NV, 0x7fc00000, 0x7f800000, 0xff800000)  # inf / -inf = qNaN
  FP_TEST_S_OP2(26, fdiv.s, rne, 0, 0x7f800000, 0x7f800000, 0x00000000)  # inf / 0 = inf (no DZ: the dividend is infinite)
  FP_TEST_S_OP2(27, fdiv.s, rne, 0, 0x00000000, 0x00000000, 0x7f800000)  # 0 / inf = 0
  FP_TEST_S_OP2(28, fdiv.s, rne, 0, 0x80000000, 0xc0000000, 0x7f800000)  # -2 / inf = -0
  FP_TEST_S_OP2(29, fdiv.s, rne, 0, 0x80000000, 0x00000000, 0xc0a00000)  # 0 / -5 = -0
  FP_TEST_S_OP2(30, fdiv.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000)  # qNaN / 0 = qNaN (no DZ: NaN dividend)
  FP_TEST_S_OP2(31, fdiv.s, rne, FP_NV, 0x7fc00000, 0x7f800001, 0x3f800000)  # sNaN(0x7f800001) / 1 = qNaN
  FP_TEST_S_OP2(32, fdiv.s, rne, FP_NV, 0x7fc00000, 0x3f800000, 0x7f800001)  # 1 / sNaN(0x7f800001) = qNaN
  FP_TEST_S_OP2(33, fdiv.s, rne, 0, 0x7fc00000, 0xffc00123, 0x3f800000)  # -qNaN(0xffc00123) / 1 = qNaN

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
