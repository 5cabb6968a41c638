# FLW / FSW. FLW NaN-boxes: the upper 32 bits of the f register become all ones.
# FSW stores the low 32 bits of the register whatever its upper bits are (no NaN-box
# check, an unboxed value is not replaced by the canonical NaN), and touches only those
# 4 bytes. Neither instruction converts NaNs (a signaling NaN moves unchanged) nor sets
# flags. Positive and negative offsets.
#include "riscv_test.h"

#define GUARD 0x5ac3a55a5ac3a55a

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FLW: the loaded value is NaN-boxed
  FP_TEST_FREG( 2, 0, FP_BOX_S(0xbf800000), la a1, fdata; flw f10, 0(a1))
  FP_TEST_FREG( 3, 0, FP_BOX_S(0x40000000), la a1, fdata; flw f10, 4(a1))
  FP_TEST_FREG( 4, 0, FP_BOX_S(0x7f800001), la a1, fdata; flw f10, 8(a1))    # sNaN: no quieting, no NV
  FP_TEST_FREG( 5, 0, FP_BOX_S(0xffc00123), la a1, fdata; flw f10, 12(a1))   # NaN payload kept
  FP_TEST_FREG( 6, 0, FP_BOX_S(0x00000000), la a1, fdata; flw f10, 16(a1))   # +0: upper bits still all ones
  FP_TEST_FREG( 7, 0, FP_BOX_S(0x80000001), la a1, fdata; flw f10, 20(a1))
  FP_TEST_FREG( 8, 0, FP_BOX_S(0xbf800000), la a1, fdata + 24; flw f10, -24(a1))
  FP_TEST_FREG( 9, 0, FP_BOX_S(0x00000000), la a1, fdata + 2048; flw f10, -2032(a1))
  # An flw-loaded value is usable as a single operand (1 + 2 = 3)
  FP_TEST_FREG(10, 0, FP_BOX_S(0x40400000), la a1, fdata; flw f11, 4(a1); li a2, 0x3f800000; fmv.w.x f12, a2; fadd.s f10, f11, f12)

  # FSW stores exactly 4 bytes; the neighbouring word keeps the guard pattern
  FP_TEST_XREG(11, 0, 0x3f8000005ac3a55a, la a2, sbuf; li a1, GUARD; sd a1, 0(a2); li a1, 0x3f800000; fmv.w.x f11, a1; fsw f11, 4(a2); ld a0, 0(a2))
  FP_TEST_XREG(12, 0, 0x5ac3a55ac0000000, la a2, sbuf; li a1, GUARD; sd a1, 0(a2); li a1, 0xc0000000; fmv.w.x f11, a1; fsw f11, 0(a2); ld a0, 0(a2))
  # FSW of a register that is not NaN-boxed: the low 32 bits are stored as they are
  FP_TEST_XREG(13, 0, 0x89abcdef5ac3a55a, la a2, sbuf; li a1, GUARD; sd a1, 0(a2); li a1, 0x1234567889abcdef; fmv.d.x f11, a1; fsw f11, 4(a2); ld a0, 0(a2))
  FP_TEST_XREG(14, 0, 0x5ac3a55a3f800000, la a2, sbuf; li a1, GUARD; sd a1, 0(a2); li a1, 0x000000003f800000; fmv.d.x f11, a1; fsw f11, 0(a2); ld a0, 0(a2))
  # FSW of a signaling NaN: unchanged, no NV
  FP_TEST_XREG(15, 0, 0x000000007f800001, la a2, sbuf; li a1, 0x7f800001; fmv.w.x f11, a1; fsw f11, 8(a2); lwu a0, 8(a2))
  # Negative offset; flw/fsw round trip through memory
  FP_TEST_XREG(16, 0, 0xffffffffc0490fdb, la a2, sbuf + 16; li a1, 0xc0490fdb; fmv.w.x f11, a1; fsw f11, -4(a2); lw a0, -4(a2))
  FP_TEST_FREG(17, 0, FP_BOX_S(0x7f800001), la a2, sbuf; li a1, 0x7f800001; sw a1, 12(a2); flw f11, 12(a2); fsw f11, 8(a2); flw f10, 8(a2))
  # FSW of an arithmetic result (2 * 3 = 6)
  FP_TEST_XREG(18, 0, 0x0000000040c00000, la a2, sbuf; li a1, 0x40000000; fmv.w.x f11, a1; li a1, 0x40400000; fmv.w.x f12, a1; fmul.s f13, f11, f12; fsw f13, 0(a2); lwu a0, 0(a2))
  # FLW overwrites all 64 bits of a register that held a double
  FP_TEST_FREG(19, 0, FP_BOX_S(0x40000000), li a1, 0x400921fb54442d18; fmv.d.x f10, a1; la a1, fdata; flw f10, 4(a1))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
fdata:
  .word 0xbf800000, 0x40000000, 0x7f800001, 0xffc00123, 0x00000000, 0x80000001
  .skip 2048 - 24 - 32
  .word 0x00000000, 0xffffffff, 0, 0, 0, 0, 0, 0
  .align 3
sbuf:
  .dword 0, 0, 0

RVTEST_DATA_END
