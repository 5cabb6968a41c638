# mstatus.FS with double-precision instructions: with FS = Off every D instruction
# (including FLD/FSD, FMV.X.D/FMV.D.X, the conversions between S and D, and the
# compressed C.FLD/C.FSD/C.FLDSP/C.FSDSP) raises an illegal-instruction exception;
# writing an f register makes FS Dirty and SD (bit 63) 1.
#include "riscv_test.h"

#define SET_FS(v)                                                       \
        li t0, (3 << 13); csrc mstatus, t0;                             \
        li t0, ((v) << 13); csrs mstatus, t0

/* reg = (SD << 4) | FS; uses t6. */
#define READ_FS_SD(reg)                                                 \
        csrr reg, mstatus; srli t6, reg, 63; slli t6, t6, 4;            \
        srli reg, reg, 13; andi reg, reg, 3; or reg, reg, t6

#define FS_OFF_TRAP(testnum, code...)                                   \
        TEST_EXPECT_TRAP(testnum, 2, code)                              \
        CHECK_MTVAL_INSN32(8b)                                          \
        READ_FS_SD(x7); bnez x7, fail;

#define FS_OFF_TRAP16(testnum, code...)                                 \
        TEST_EXPECT_TRAP(testnum, 2, code)                              \
        CHECK_MTVAL_INSN16(8b)                                          \
        READ_FS_SD(x7); bnez x7, fail;

RVTEST_CODE_BEGIN

  li s5, 0
  li s6, 0
  FP_ENABLE
  li a1, 0x3ff0000000000000; fmv.d.x f11, a1       # 1.0
  li a1, 0x4008000000000000; fmv.d.x f12, a1       # 3.0
  li a1, 0x4000000000000000; fmv.d.x f10, a1       # 2.0
  fmv.d.x f8, a1
  la a1, fbuf
  mv s0, a1
  li a2, 0x1122334455667788; sd a2, 0(a1)
  li a0, 0x5a5a5a5a

  TEST_CASE(2, a2, 0x00, SET_FS(0); READ_FS_SD(a2))

  # 32-bit encodings only here (the assembler would compress fld/fsd on a0-a5/fa0-fa5)
  .option push
  .option norvc
  FS_OFF_TRAP( 3, fadd.d f10, f11, f12)
  FS_OFF_TRAP( 4, fmsub.d f10, f11, f12, f12)
  FS_OFF_TRAP( 5, fsgnjn.d f10, f11, f12)
  FS_OFF_TRAP( 6, fcvt.d.s f10, f11)
  FS_OFF_TRAP( 7, fcvt.s.d f10, f11)
  FS_OFF_TRAP( 8, fcvt.d.w f10, a1)
  FS_OFF_TRAP( 9, fcvt.lu.d a0, f11, rtz)
  FS_OFF_TRAP(10, fle.d a0, f11, f12)
  FS_OFF_TRAP(11, fclass.d a0, f11)
  FS_OFF_TRAP(12, fmv.d.x f10, a1)
  FS_OFF_TRAP(13, fmv.x.d a0, f11)
  FS_OFF_TRAP(14, fld f10, 0(a1))
  FS_OFF_TRAP(15, fsd f11, 0(a1))
  .option pop
  FS_OFF_TRAP16(16, c.fld f10, 0(s0))
  FS_OFF_TRAP16(17, c.fsd f8, 0(s0))
  FS_OFF_TRAP16(18, c.fldsp f10, 0(sp))
  FS_OFF_TRAP16(19, c.fsdsp f11, 0(sp))
  TEST_CASE(20, s5, 17, nop)

  TEST_CASE(21, a0, 0x5a5a5a5a, nop)
  TEST_CASE(22, a2, 0x1122334455667788, ld a2, 0(a1))
  TEST_CASE(23, a2, 0x01, SET_FS(1); READ_FS_SD(a2))
  TEST_CASE(24, a2, 0x4000000000000000, fmv.x.d a2, f10)
  TEST_CASE(25, a2, 0x13, fmv.d.x f10, x0; READ_FS_SD(a2))
  TEST_CASE(26, a2, 0x02, SET_FS(2); READ_FS_SD(a2))
  TEST_CASE(27, a2, 0x13, fadd.d f10, f11, f12; READ_FS_SD(a2))
  TEST_CASE(28, a2, 0x13, SET_FS(2); fld f10, 0(a1); READ_FS_SD(a2))
  TEST_CASE(29, a2, 0x13, SET_FS(2); c.fldsp f10, 0(sp); READ_FS_SD(a2))
  TEST_CASE(30, a2, 0x13, SET_FS(1); fcvt.d.s f10, f11; READ_FS_SD(a2))
  TEST_CASE(31, a2, 0x13, SET_FS(1); fcvt.d.l f10, a1; READ_FS_SD(a2))
  TEST_CASE(32, s5, 17, nop)

  TEST_PASSFAIL

RVTEST_CODE_END

MI_TRAP_HANDLER

  .data
RVTEST_DATA_BEGIN
  .align 3
fbuf:
  .dword 0
RVTEST_DATA_END
