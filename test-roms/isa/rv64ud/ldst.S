# FLD / FSD: 64-bit moves between memory and f registers, bit for bit (a signaling
# NaN moves unchanged, no flags). FSD stores all 64 bits of the register, so a
# NaN-boxed single is stored with its upper all-ones word; FLW after FSD reads the
# low word and NaN-boxes it. Positive and negative offsets, neighbours untouched.
#include "riscv_test.h"

#define GUARD 0x5ac3a55a5ac3a55a

RVTEST_CODE_BEGIN

  FP_ENABLE

  # FLD
  FP_TEST_FREG( 2, 0, 0xbff0000000000000, la a1, fdata; fld f10, 0(a1))
  FP_TEST_FREG( 3, 0, 0x400921fb54442d18, la a1, fdata; fld f10, 8(a1))
  FP_TEST_FREG( 4, 0, 0x7ff0000000000001, la a1, fdata; fld f10, 16(a1))    # sNaN: unchanged, no NV
  FP_TEST_FREG( 5, 0, 0xfff8000000000123, la a1, fdata; fld f10, 24(a1))
  FP_TEST_FREG( 6, 0, 0x00000000bf800000, la a1, fdata; fld f10, 32(a1))    # not NaN-boxed: loaded as is
  FP_TEST_FREG( 7, 0, 0x400921fb54442d18, la a1, fdata + 40; fld f10, -32(a1))
  FP_TEST_FREG( 8, 0, 0x8000000000000001, la a1, fdata + 2048; fld f10, -2008(a1))
  # An fld-loaded value used as an operand: pi + -1 (exact)
  FP_TEST_FREG( 9, 0, 0x400121fb54442d18, la a1, fdata; fld f11, 8(a1); fld f12, 0(a1); fadd.d f10, f11, f12)

  # FSD: 8 bytes exactly, guard dwords on both sides kept
  FP_TEST_XREG(10, 0, 0x0123456789abcdef, la a2, sbuf; li a1, GUARD; sd a1, 0(a2); sd a1, 8(a2); sd a1, 16(a2); \
    li a1, 0x0123456789abcdef; fmv.d.x f11, a1; fsd f11, 8(a2); ld a0, 8(a2); \
    ld a3, 0(a2); li x7, GUARD; bne a3, x7, fail; ld a3, 16(a2); bne a3, x7, fail)
  FP_TEST_XREG(11, 0, 0x7ff0000000000001, la a2, sbuf; li a1, 0x7ff0000000000001; fmv.d.x f11, a1; fsd f11, 0(a2); ld a0, 0(a2))
  # FSD of a NaN-boxed single stores the box too
  FP_TEST_XREG(12, 0, 0xffffffff3f800000, la a2, sbuf; li a1, 0x3f800000; fmv.w.x f11, a1; fsd f11, 0(a2); ld a0, 0(a2))
  # FLW after FSD: the low word, NaN-boxed again
  FP_TEST_FREG(13, 0, FP_BOX_S(0x89abcdef), la a2, sbuf; li a1, 0x0123456789abcdef; fmv.d.x f11, a1; fsd f11, 0(a2); flw f10, 0(a2))
  # Negative offset; round trip
  FP_TEST_XREG(14, 0, 0xc00921fb54442d18, la a2, sbuf + 24; li a1, 0xc00921fb54442d18; fmv.d.x f11, a1; fsd f11, -8(a2); ld a0, -8(a2))
  FP_TEST_FREG(15, 0, 0xfff0000000000000, la a2, sbuf; li a1, 0xfff0000000000000; sd a1, 8(a2); fld f11, 8(a2); fsd f11, 16(a2); fld f10, 16(a2))
  # FSD of an arithmetic result: 1.5 * 4 = 6
  FP_TEST_XREG(16, 0, 0x4018000000000000, la a2, sbuf; li a1, 0x3ff8000000000000; fmv.d.x f11, a1; li a1, 0x4010000000000000; fmv.d.x f12, a1; fmul.d f13, f11, f12; fsd f13, 0(a2); ld a0, 0(a2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
fdata:
  .dword 0xbff0000000000000, 0x400921fb54442d18, 0x7ff0000000000001, 0xfff8000000000123, 0x00000000bf800000
  .dword 0x8000000000000001
  .align 3
sbuf:
  .dword 0, 0, 0, 0

RVTEST_DATA_END
