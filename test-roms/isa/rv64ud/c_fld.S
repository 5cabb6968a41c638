# Compressed double loads and stores (RV64C with D): C.FLD / C.FSD (f8-f15, base
# x8-x15, offset 0-248 in steps of 8) and C.FLDSP / C.FSDSP (any f register, offset
# 0-504 from sp). 64-bit moves, bit for bit (a signaling NaN is not quieted), no flags.
#include "riscv_test.h"

#define GUARD 0x5ac3a55a5ac3a55a

RVTEST_CODE_BEGIN

  FP_ENABLE

  # C.FLD
  FP_TEST_FREG( 2, 0, 0x3ff0000000000000, la s0, cdata; c.fld f10, 0(s0))
  FP_TEST_FREG( 3, 0, 0x7ff0000000000001, la s1, cdata; c.fld f8, 8(s1); fmv.d f10, f8)
  FP_TEST_FREG( 4, 0, 0xc00921fb54442d18, la a5, cdata; c.fld f15, 248(a5); fmv.d f10, f15)
  FP_TEST_FREG( 5, 0, 0xffffffff3f800000, la a0, cdata + 128; c.fld f10, 8(a0))
  FP_TEST_FREG( 6, 0, 0x8000000000000000, la a4, cdata + 240; c.fld f10, 0(a4))
  # C.FLD result used by arithmetic (1 + 1)
  FP_TEST_FREG( 7, 0, 0x4000000000000000, la s0, cdata; c.fld f9, 0(s0); fadd.d f10, f9, f9)

  # C.FSD: 8 bytes, neighbours kept
  FP_TEST_XREG( 8, 0, 0x0123456789abcdef, la s0, sbuf; li a1, GUARD; sd a1, 0(s0); sd a1, 8(s0); sd a1, 16(s0); \
    li a1, 0x0123456789abcdef; fmv.d.x f9, a1; c.fsd f9, 8(s0); ld a0, 8(s0); \
    li x7, GUARD; ld a1, 0(s0); bne a1, x7, fail; ld a1, 16(s0); bne a1, x7, fail)
  FP_TEST_XREG( 9, 0, 0x7ff0000000000001, la a4, sbuf - 240; li a1, 0x7ff0000000000001; fmv.d.x f15, a1; c.fsd f15, 248(a4); ld a0, 248(a4))
  FP_TEST_XREG(10, 0, 0xffffffffc0000000, la s1, sbuf; li a1, 0xc0000000; fmv.w.x f8, a1; c.fsd f8, 16(s1); ld a0, 16(s1))  # the NaN box is stored

  # C.FLDSP / C.FSDSP on a buffer (sp saved in s10 and restored)
  mv s10, sp
  la sp, spbuf
  FP_TEST_FREG(11, 0, 0x3ff8000000000000, c.fldsp f10, 0(sp))
  FP_TEST_FREG(12, 0, 0xfff0000000000000, c.fldsp f31, 504(sp); fmv.d f10, f31)
  FP_TEST_FREG(13, 0, 0x0000000000000001, c.fldsp f0, 8(sp); fmv.d f10, f0)
  FP_TEST_XREG(14, 0, 0x4059000000000000, li a1, 0x4059000000000000; fmv.d.x f1, a1; c.fsdsp f1, 496(sp); ld a0, 496(sp); \
    ld a1, 504(sp); li x7, 0xfff0000000000000; bne a1, x7, fail)
  FP_TEST_XREG(15, 0, 0x7ff4000000000000, li a1, 0x7ff4000000000000; fmv.d.x f31, a1; c.fsdsp f31, 16(sp); ld a0, 16(sp))
  FP_TEST_FREG(16, 0, 0x8000000000000001, li a1, 0x8000000000000001; fmv.d.x f20, a1; c.fsdsp f20, 256(sp); c.fldsp f10, 256(sp))
  mv sp, s10

  # The four instructions are 2 bytes each
  TEST_CASE(17, a0, 8, la a1, 71f; la a2, 72f; sub a0, a2, a1; j 72f; \
71: c.fld f8, 0(s0); c.fsd f8, 0(s0); c.fldsp f8, 0(sp); c.fsdsp f8, 0(sp); 72:)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
cdata:
  .dword 0x3ff0000000000000, 0x7ff0000000000001
  .rept 14
  .dword 0
  .endr
  .dword 0, 0xffffffff3f800000                 # offsets 128, 136
  .rept 12
  .dword 0
  .endr
  .dword 0x8000000000000000, 0xc00921fb54442d18 # offsets 240, 248
sbuf:
  .dword 0, 0, 0, 0
  .align 3
spbuf:
  .dword 0x3ff8000000000000, 0x0000000000000001
  .rept 61
  .dword 0
  .endr
  .dword 0xfff0000000000000                    # offset 504

RVTEST_DATA_END
