# The floating-point CSRs: fflags (0x001, 5 bits), frm (0x002, 3 bits) and fcsr (0x003,
# frm in bits 7:5 and fflags in bits 4:0; bits 31:8 ignore writes and read 0), all
# views of the same state. The pseudo-instructions frflags/fsflags/fsflagsi,
# frrm/fsrm/fsrmi, frcsr/fscsr swap in the old value. Flags accumulate: instructions
# only ever set them, never clear them; only CSR writes clear them. frm may hold the
# reserved values 5-7 (they only make rm = dyn instructions illegal, see badrm.S).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  FP_ENABLE

  TEST_CASE( 2, a0, 0x00, frcsr a0)
  # fflags
  TEST_CASE( 3, a0, 0x1f, fsflagsi 0x1f; frflags a0)
  TEST_CASE( 4, a0, 0x1f, li a1, 0x03; fsflags a0, a1)                     # returns the old value
  TEST_CASE( 5, a0, 0x03, frflags a0)
  TEST_CASE( 6, a0, 0x03, frflags a0)                                      # reading does not clear
  TEST_CASE( 7, a0, 0x1f, li a1, 0xffffffffffffffff; fsflags a1; frflags a0)  # bits above 4 dropped
  TEST_CASE( 8, a0, 0x1f, frcsr a0)
  TEST_CASE( 9, a0, 0x1f, fsflagsi a0, 0x00)                                # fsflagsi rd, imm
  TEST_CASE(10, a0, 0x00, frcsr a0)
  # frm
  TEST_CASE(11, a0, 0x00, li a1, 3; fsrm a0, a1)
  TEST_CASE(12, a0, 0x03, frrm a0)
  TEST_CASE(13, a0, 0x60, frcsr a0)                                         # frm sits in bits 7:5
  TEST_CASE(14, a0, 0x03, fsrmi a0, 4)
  TEST_CASE(15, a0, 0x04, frrm a0)
  TEST_CASE(16, a0, 0x05, li a1, 0xfffffffffffffffd; fsrm a1; frrm a0)   # bits above 2 dropped
  TEST_CASE(17, a0, 0xa0, frcsr a0)
  TEST_CASE(18, a0, 0x00, frflags a0)                                       # frm writes leave fflags
  # fcsr
  TEST_CASE(19, a0, 0xa0, li a1, 0x1234abc5; fscsr a0, a1)                 # old value: frm 5, flags 0
  TEST_CASE(20, a0, 0xc5, frcsr a0)                                         # bits 31:8 read 0
  TEST_CASE(21, a0, 0x06, frrm a0)
  TEST_CASE(22, a0, 0x05, frflags a0)
  TEST_CASE(23, a0, 0x0a, fsflagsi 0x0a; frrm a1; frflags a0; li x7, 6; bne a1, x7, fail)  # fflags writes leave frm
  TEST_CASE(24, a0, 0xca, frcsr a0)
  # csrrs/csrrc/csrrw and the immediate forms on the named CSRs
  TEST_CASE(25, a0, 0x0b, csrsi fflags, 0x01; csrr a0, fflags)
  TEST_CASE(26, a0, 0x09, csrci fflags, 0x02; csrr a0, fflags)
  TEST_CASE(27, a0, 0x09, li a1, 0x10; csrrs a0, fflags, a1)
  TEST_CASE(28, a0, 0x19, csrr a0, fflags)
  TEST_CASE(29, a0, 0x19, li a1, 0x11; csrrc a0, fflags, a1)
  TEST_CASE(30, a0, 0x08, csrr a0, fflags)
  TEST_CASE(31, a0, 0x06, csrrwi a0, frm, 1)
  TEST_CASE(32, a0, 0x28, csrr a0, fcsr)
  TEST_CASE(33, a0, 0x28, li a1, 0xe0; csrrc a0, fcsr, a1)
  TEST_CASE(34, a0, 0x08, csrr a0, fcsr)
  TEST_CASE(35, a0, 0x00, csrr a0, frm)
  TEST_CASE(36, a0, 0x08, csrrw a0, fcsr, x0)
  TEST_CASE(37, a0, 0x00, csrr a0, fcsr)

  # Accumulation: each instruction ORs its flags in
  TEST_CASE(38, a0, FP_NX, \
    li a1, 0x3f800000; fmv.w.x f1, a1; li a1, 0x40400000; fmv.w.x f3, a1; \
    fdiv.s f4, f1, f3; frflags a0)                                          # 1/3: NX
  TEST_CASE(39, a0, FP_NX|FP_DZ, fmv.w.x f0, x0; fdiv.s f4, f1, f0; frflags a0)          # 1/0: DZ
  TEST_CASE(40, a0, FP_NX|FP_DZ, fadd.s f4, f1, f1; frflags a0)                          # exact: no change
  TEST_CASE(41, a0, FP_NX|FP_DZ, fsgnjn.s f4, f1, f1; fmin.s f4, f1, f3; fclass.s a1, f4; frflags a0)
  TEST_CASE(42, a0, FP_NV|FP_NX|FP_DZ, li a1, 0x7f800001; fmv.w.x f5, a1; feq.s a1, f5, f1; frflags a0)  # sNaN: NV
  TEST_CASE(43, a0, FP_NV|FP_NX|FP_DZ, fsub.s f4, f3, f1; frflags a0)
  TEST_CASE(44, a0, FP_NV|FP_OF|FP_NX|FP_DZ, \
    li a1, 0x7f7fffff; fmv.w.x f6, a1; fmul.s f4, f6, f6; frflags a0)       # overflow: OF|NX
  TEST_CASE(45, a0, 0x1f, li a1, 0x00800000; fmv.w.x f7, a1; fmul.s f4, f7, f7; frflags a0)  # underflow: UF|NX
  TEST_CASE(46, a0, 0x1f, frflags a0)
  TEST_CASE(47, a0, 0x00, fsflags x0; frflags a0)
  TEST_CASE(48, a0, FP_NV, fcvt.w.s a1, f5, rtz; frflags a0)               # NaN -> int: NV only
  TEST_CASE(49, a0, FP_NV|FP_NX, fcvt.w.s a1, f3, rtz; fcvt.s.w f4, a1; li a1, 0x7fffffff; fcvt.s.w f4, a1; frflags a0)

  # frm drives rm = dyn: 1 + 0.75 ulp is 1 in RTZ/RDN, 1 + ulp in RNE/RUP/RMM
  TEST_CASE(50, a0, 0x3f800000, li a1, 0x3f800000; fmv.w.x f1, a1; li a1, 0x33c00000; fmv.w.x f2, a1; \
    fsrmi 1; fadd.s f4, f1, f2; fmv.x.w a0, f4)
  TEST_CASE(51, a0, 0x3f800001, fsrmi 3; fadd.s f4, f1, f2; fmv.x.w a0, f4)
  TEST_CASE(52, a0, 0x3f800000, fsrmi 3; fadd.s f4, f1, f2, rtz; fmv.x.w a0, f4)  # static rm wins
  TEST_CASE(53, a0, 0x3f800000, li a1, 0x40; fscsr a1; fadd.s f4, f1, f2, dyn; fmv.x.w a0, f4)  # frm = RDN via fcsr
  TEST_CASE(54, a0, 0x41, frcsr a0)                                        # NX accrued

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
