# Overflow (double precision) in every rounding mode: the result is infinity or the
# largest finite number of the right sign, depending on the direction: RNE/RMM always
# infinity, RTZ never, RDN only for negative results, RUP only for positive ones.
# Flags OF|NX. A result that rounds to the largest finite number (maxfin + ulp/4 in
# RNE) does not overflow; maxfin + ulp/2 (a tie above an odd significand) does.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  # maxfin * 2 and -maxfin * 2
  FP_TEST_D_OP2( 2, fmul.d, rne, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  # 1.7976931348623157e+308 * 2 = inf
  FP_TEST_D_OP2( 3, fmul.d, rtz, FP_OF|FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000)  # 1.7976931348623157e+308 * 2 = 1.7976931348623157e+308
  FP_TEST_D_OP2( 4, fmul.d, rdn, FP_OF|FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000)  # 1.7976931348623157e+308 * 2 = 1.7976931348623157e+308
  FP_TEST_D_OP2( 5, fmul.d, rup, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  # 1.7976931348623157e+308 * 2 = inf
  FP_TEST_D_OP2( 6, fmul.d, rmm, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  # 1.7976931348623157e+308 * 2 = inf
  FP_TEST_D_OP2( 7, fmul.d, rne, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -inf
  FP_TEST_D_OP2( 8, fmul.d, rtz, FP_OF|FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -1.7976931348623157e+308
  FP_TEST_D_OP2( 9, fmul.d, rdn, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -inf
  FP_TEST_D_OP2(10, fmul.d, rup, FP_OF|FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -1.7976931348623157e+308
  FP_TEST_D_OP2(11, fmul.d, rmm, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -inf
  fsrmi 0                           # frm = RNE for case 12 (rm = dyn)
  FP_TEST_D_OP2(12, fmul.d, dyn, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -inf
  fsrmi 0
  fsrmi 1                           # frm = RTZ for case 13 (rm = dyn)
  FP_TEST_D_OP2(13, fmul.d, dyn, FP_OF|FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -1.7976931348623157e+308
  fsrmi 0
  fsrmi 2                           # frm = RDN for case 14 (rm = dyn)
  FP_TEST_D_OP2(14, fmul.d, dyn, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -inf
  fsrmi 0
  fsrmi 3                           # frm = RUP for case 15 (rm = dyn)
  FP_TEST_D_OP2(15, fmul.d, dyn, FP_OF|FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -1.7976931348623157e+308
  fsrmi 0
  fsrmi 4                           # frm = RMM for case 16 (rm = dyn)
  FP_TEST_D_OP2(16, fmul.d, dyn, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x4000000000000000)  # -1.7976931348623157e+308 * 2 = -inf
  fsrmi 0
  # maxfin + maxfin, -maxfin - maxfin
  FP_TEST_D_OP2(17, fadd.d, rne, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7fefffffffffffff)  # 1.7976931348623157e+308 + 1.7976931348623157e+308 = inf
  FP_TEST_D_OP2(18, fadd.d, rtz, FP_OF|FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff)  # 1.7976931348623157e+308 + 1.7976931348623157e+308 = 1.7976931348623157e+308
  FP_TEST_D_OP2(19, fadd.d, rdn, FP_OF|FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff)  # 1.7976931348623157e+308 + 1.7976931348623157e+308 = 1.7976931348623157e+308
  FP_TEST_D_OP2(20, fadd.d, rup, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7fefffffffffffff)  # 1.7976931348623157e+308 + 1.7976931348623157e+308 = inf
  FP_TEST_D_OP2(21, fadd.d, rmm, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7fefffffffffffff)  # 1.7976931348623157e+308 + 1.7976931348623157e+308 = inf
  FP_TEST_D_OP2(22, fsub.d, rne, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7fefffffffffffff)  # -1.7976931348623157e+308 - 1.7976931348623157e+308 = -inf
  FP_TEST_D_OP2(23, fsub.d, rtz, FP_OF|FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x7fefffffffffffff)  # -1.7976931348623157e+308 - 1.7976931348623157e+308 = -1.7976931348623157e+308
  FP_TEST_D_OP2(24, fsub.d, rdn, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7fefffffffffffff)  # -1.7976931348623157e+308 - 1.7976931348623157e+308 = -inf
  FP_TEST_D_OP2(25, fsub.d, rup, FP_OF|FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x7fefffffffffffff)  # -1.7976931348623157e+308 - 1.7976931348623157e+308 = -1.7976931348623157e+308
  FP_TEST_D_OP2(26, fsub.d, rmm, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7fefffffffffffff)  # -1.7976931348623157e+308 - 1.7976931348623157e+308 = -inf
  # maxfin + ulp/2 (tie) and maxfin + ulp/4
  FP_TEST_D_OP2(27, fadd.d, rne, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c90000000000000)  # 1.7976931348623157e+308 + 9.9792015476736e+291 = inf
  FP_TEST_D_OP2(28, fadd.d, rtz, FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c90000000000000)  # 1.7976931348623157e+308 + 9.9792015476736e+291 = 1.7976931348623157e+308
  FP_TEST_D_OP2(29, fadd.d, rdn, FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c90000000000000)  # 1.7976931348623157e+308 + 9.9792015476736e+291 = 1.7976931348623157e+308
  FP_TEST_D_OP2(30, fadd.d, rup, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c90000000000000)  # 1.7976931348623157e+308 + 9.9792015476736e+291 = inf
  FP_TEST_D_OP2(31, fadd.d, rmm, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c90000000000000)  # 1.7976931348623157e+308 + 9.9792015476736e+291 = inf
  FP_TEST_D_OP2(32, fadd.d, rne, FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c80000000000000)  # 1.7976931348623157e+308 + 4.9896007738368e+291 = 1.7976931348623157e+308
  FP_TEST_D_OP2(33, fadd.d, rtz, FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c80000000000000)  # 1.7976931348623157e+308 + 4.9896007738368e+291 = 1.7976931348623157e+308
  FP_TEST_D_OP2(34, fadd.d, rdn, FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c80000000000000)  # 1.7976931348623157e+308 + 4.9896007738368e+291 = 1.7976931348623157e+308
  FP_TEST_D_OP2(35, fadd.d, rup, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c80000000000000)  # 1.7976931348623157e+308 + 4.9896007738368e+291 = inf
  FP_TEST_D_OP2(36, fadd.d, rmm, FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c80000000000000)  # 1.7976931348623157e+308 + 4.9896007738368e+291 = 1.7976931348623157e+308
  FP_TEST_D_OP2(37, fsub.d, rne, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7c90000000000000)  # -1.7976931348623157e+308 - 9.9792015476736e+291 = -inf
  FP_TEST_D_OP2(38, fsub.d, rdn, FP_OF|FP_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7c90000000000000)  # -1.7976931348623157e+308 - 9.9792015476736e+291 = -inf
  FP_TEST_D_OP2(39, fsub.d, rup, FP_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x7c90000000000000)  # -1.7976931348623157e+308 - 9.9792015476736e+291 = -1.7976931348623157e+308
  # Division and fused multiply-add
  FP_TEST_D_OP2(40, fdiv.d, rne, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x3fe0000000000000)  # 1.7976931348623157e+308 / 0.5 = inf
  FP_TEST_D_OP2(41, fdiv.d, rtz, FP_OF|FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3fe0000000000000)  # 1.7976931348623157e+308 / 0.5 = 1.7976931348623157e+308
  FP_TEST_D_OP2(42, fdiv.d, rne, FP_OF|FP_NX, 0x7ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  # 1 / 5e-324 = inf
  FP_TEST_D_OP2(43, fdiv.d, rup, FP_OF|FP_NX, 0x7ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  # 1 / 5e-324 = inf
  FP_TEST_D_OP3(44, fmadd.d, rne, FP_OF|FP_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x3ff8000000000000, 0x7fefffffffffffff)  # 1.7976931348623157e+308 * 1.5 + 1.7976931348623157e+308 = inf
  FP_TEST_D_OP3(45, fmadd.d, rdn, FP_OF|FP_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3ff8000000000000, 0x7fefffffffffffff)  # 1.7976931348623157e+308 * 1.5 + 1.7976931348623157e+308 = 1.7976931348623157e+308
  FP_TEST_D_OP3(46, fnmsub.d, rne, FP_OF|FP_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  # -(1.7976931348623157e+308 * 2) + -1.7976931348623157e+308 = -inf
  FP_TEST_D_OP3(47, fnmsub.d, rup, FP_OF|FP_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  # -(1.7976931348623157e+308 * 2) + -1.7976931348623157e+308 = -1.7976931348623157e+308

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
