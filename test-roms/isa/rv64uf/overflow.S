# Overflow (single precision) in every rounding mode: the result is infinity or the
# largest finite number of the right sign, depending on the direction: RNE/RMM always
# infinity, RTZ never, RDN only for negative results, RUP only for positive ones.
# Flags OF|NX. A result that rounds to the largest finite number (maxfin + ulp/4 in
# RNE) does not overflow; maxfin + ulp/2 (a tie above an odd significand) does.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # maxfin * 2 and -maxfin * 2
  FP_TEST_S_OP2( 2, fmul.s, rne, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  # 3.4028235e+38 * 2 = inf
  FP_TEST_S_OP2( 3, fmul.s, rtz, FP_OF|FP_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000)  # 3.4028235e+38 * 2 = 3.4028235e+38
  FP_TEST_S_OP2( 4, fmul.s, rdn, FP_OF|FP_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000)  # 3.4028235e+38 * 2 = 3.4028235e+38
  FP_TEST_S_OP2( 5, fmul.s, rup, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  # 3.4028235e+38 * 2 = inf
  FP_TEST_S_OP2( 6, fmul.s, rmm, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  # 3.4028235e+38 * 2 = inf
  FP_TEST_S_OP2( 7, fmul.s, rne, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -inf
  FP_TEST_S_OP2( 8, fmul.s, rtz, FP_OF|FP_NX, 0xff7fffff, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -3.4028235e+38
  FP_TEST_S_OP2( 9, fmul.s, rdn, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -inf
  FP_TEST_S_OP2(10, fmul.s, rup, FP_OF|FP_NX, 0xff7fffff, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -3.4028235e+38
  FP_TEST_S_OP2(11, fmul.s, rmm, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -inf
  fsrmi 0                           # frm = RNE for case 12 (rm = dyn)
  FP_TEST_S_OP2(12, fmul.s, dyn, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -inf
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 13 (rm = dyn)
  FP_TEST_S_OP2(13, fmul.s, dyn, FP_OF|FP_NX, 0xff7fffff, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -3.4028235e+38
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 14 (rm = dyn)
  FP_TEST_S_OP2(14, fmul.s, dyn, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -inf
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 15 (rm = dyn)
  FP_TEST_S_OP2(15, fmul.s, dyn, FP_OF|FP_NX, 0xff7fffff, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -3.4028235e+38
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 16 (rm = dyn)
  FP_TEST_S_OP2(16, fmul.s, dyn, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x40000000)  # -3.4028235e+38 * 2 = -inf
  fsrmi 0
  # maxfin + maxfin, -maxfin - maxfin
  FP_TEST_S_OP2(17, fadd.s, rne, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x7f7fffff)  # 3.4028235e+38 + 3.4028235e+38 = inf
  FP_TEST_S_OP2(18, fadd.s, rtz, FP_OF|FP_NX, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff)  # 3.4028235e+38 + 3.4028235e+38 = 3.4028235e+38
  FP_TEST_S_OP2(19, fadd.s, rdn, FP_OF|FP_NX, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff)  # 3.4028235e+38 + 3.4028235e+38 = 3.4028235e+38
  FP_TEST_S_OP2(20, fadd.s, rup, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x7f7fffff)  # 3.4028235e+38 + 3.4028235e+38 = inf
  FP_TEST_S_OP2(21, fadd.s, rmm, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x7f7fffff)  # 3.4028235e+38 + 3.4028235e+38 = inf
  FP_TEST_S_OP2(22, fsub.s, rne, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x7f7fffff)  # -3.4028235e+38 - 3.4028235e+38 = -inf
  FP_TEST_S_OP2(23, fsub.s, rtz, FP_OF|FP_NX, 0xff7fffff, 0xff7fffff, 0x7f7fffff)  # -3.4028235e+38 - 3.4028235e+38 = -3.4028235e+38
  FP_TEST_S_OP2(24, fsub.s, rdn, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x7f7fffff)  # -3.4028235e+38 - 3.4028235e+38 = -inf
  FP_TEST_S_OP2(25, fsub.s, rup, FP_OF|FP_NX, 0xff7fffff, 0xff7fffff, 0x7f7fffff)  # -3.4028235e+38 - 3.4028235e+38 = -3.4028235e+38
  FP_TEST_S_OP2(26, fsub.s, rmm, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x7f7fffff)  # -3.4028235e+38 - 3.4028235e+38 = -inf
  # maxfin + ulp/2 (tie) and maxfin + ulp/4
  FP_TEST_S_OP2(27, fadd.s, rne, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x73000000)  # 3.4028235e+38 + 1.0141205e+31 = inf
  FP_TEST_S_OP2(28, fadd.s, rtz, FP_NX, 0x7f7fffff, 0x7f7fffff, 0x73000000)  # 3.4028235e+38 + 1.0141205e+31 = 3.4028235e+38
  FP_TEST_S_OP2(29, fadd.s, rdn, FP_NX, 0x7f7fffff, 0x7f7fffff, 0x73000000)  # 3.4028235e+38 + 1.0141205e+31 = 3.4028235e+38
  FP_TEST_S_OP2(30, fadd.s, rup, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x73000000)  # 3.4028235e+38 + 1.0141205e+31 = inf
  FP_TEST_S_OP2(31, fadd.s, rmm, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x73000000)  # 3.4028235e+38 + 1.0141205e+31 = inf
  FP_TEST_S_OP2(32, fadd.s, rne, FP_NX, 0x7f7fffff, 0x7f7fffff, 0x72800000)  # 3.4028235e+38 + 5.0706024e+30 = 3.4028235e+38
  FP_TEST_S_OP2(33, fadd.s, rtz, FP_NX, 0x7f7fffff, 0x7f7fffff, 0x72800000)  # 3.4028235e+38 + 5.0706024e+30 = 3.4028235e+38
  FP_TEST_S_OP2(34, fadd.s, rdn, FP_NX, 0x7f7fffff, 0x7f7fffff, 0x72800000)  # 3.4028235e+38 + 5.0706024e+30 = 3.4028235e+38
  FP_TEST_S_OP2(35, fadd.s, rup, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x72800000)  # 3.4028235e+38 + 5.0706024e+30 = inf
  FP_TEST_S_OP2(36, fadd.s, rmm, FP_NX, 0x7f7fffff, 0x7f7fffff, 0x72800000)  # 3.4028235e+38 + 5.0706024e+30 = 3.4028235e+38
  FP_TEST_S_OP2(37, fsub.s, rne, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x73000000)  # -3.4028235e+38 - 1.0141205e+31 = -inf
  FP_TEST_S_OP2(38, fsub.s, rdn, FP_OF|FP_NX, 0xff800000, 0xff7fffff, 0x73000000)  # -3.4028235e+38 - 1.0141205e+31 = -inf
  FP_TEST_S_OP2(39, fsub.s, rup, FP_NX, 0xff7fffff, 0xff7fffff, 0x73000000)  # -3.4028235e+38 - 1.0141205e+31 = -3.4028235e+38
  # Division and fused multiply-add
  FP_TEST_S_OP2(40, fdiv.s, rne, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x3f000000)  # 3.4028235e+38 / 0.5 = inf
  FP_TEST_S_OP2(41, fdiv.s, rtz, FP_OF|FP_NX, 0x7f7fffff, 0x7f7fffff, 0x3f000000)  # 3.4028235e+38 / 0.5 = 3.4028235e+38
  FP_TEST_S_OP2(42, fdiv.s, rne, FP_OF|FP_NX, 0x7f800000, 0x3f800000, 0x00000001)  # 1 / 1e-45 = inf
  FP_TEST_S_OP2(43, fdiv.s, rup, FP_OF|FP_NX, 0x7f800000, 0x3f800000, 0x00000001)  # 1 / 1e-45 = inf
  FP_TEST_S_OP3(44, fmadd.s, rne, FP_OF|FP_NX, 0x7f800000, 0x7f7fffff, 0x3fc00000, 0x7f7fffff)  # 3.4028235e+38 * 1.5 + 3.4028235e+38 = inf
  FP_TEST_S_OP3(45, fmadd.s, rdn, FP_OF|FP_NX, 0x7f7fffff, 0x7f7fffff, 0x3fc00000, 0x7f7fffff)  # 3.4028235e+38 * 1.5 + 3.4028235e+38 = 3.4028235e+38
  FP_TEST_S_OP3(46, fnmsub.s, rne, FP_OF|FP_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0xff7fffff)  # -(3.4028235e+38 * 2) + -3.4028235e+38 = -inf
  FP_TEST_S_OP3(47, fnmsub.s, rup, FP_OF|FP_NX, 0xff7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  # -(3.4028235e+38 * 2) + -3.4028235e+38 = -3.4028235e+38

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
