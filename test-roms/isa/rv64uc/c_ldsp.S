// rv64uc c.ldsp: load doubleword relative to sp: rd = mem64[sp + uimm] (uimm 0..504, multiple of 8; rd != x0); RV64 only (c.flwsp on RV32).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

#define TEST_C_LDSP(testnum, rd, off, result)                           \
        TEST_CASE(testnum, rd, result,                                  \
          la sp, cdat;                                                  \
          li rd, UI_SENTINEL;                                           \
          c.ldsp rd, off(sp))

RVTEST_CODE_BEGIN

  // one case per offset bit (uimm[5] in bit 12, uimm[4:3|8:6] in bits 6:2), any rd
  TEST_C_LDSP( 2, x1 ,   0, 0xfedcba9800000000)
  TEST_C_LDSP( 3, x5 ,   8, 0xfedcba9800000001)
  TEST_C_LDSP( 4, x6 ,  16, 0xfedcba9800000002)
  TEST_C_LDSP( 5, x8 ,  32, 0xfedcba9800000004)
  TEST_C_LDSP( 6, x9 ,  64, 0xfedcba9800000008)
  TEST_C_LDSP( 7, x15, 128, 0xfedcba9800000010)
  TEST_C_LDSP( 8, x16, 256, 0xfedcba9800000020)
  TEST_C_LDSP( 9, x31, 504, 0xfedcba980000003f)
  TEST_C_LDSP(10, x10, 328, 0xfedcba9800000029)
  TEST_C_LDSP(11, x11, 176, 0xfedcba9800000016)
  TEST_CASE(12, x2, 0xfedcba9800000003,
    la sp, cdat;
    c.ldsp sp, 24(sp))
  TEST_CASE(13, x9, 0x8000000000000000,
    la sp, cdat2;
    c.ldsp x9, 0(sp))
  TEST_CASE(14, x9, 0x00000000ffffffff,
    c.ldsp x9, 8(sp))

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
cdat:
// doubleword i = 0xfedcba9800000000 + i: a 32-bit load would miss the upper word
  .set i, 0
  .rept 64
  .dword 0xfedcba9800000000 + i
  .set i, i + 1
  .endr
cdat2:
  .dword 0x8000000000000000, 0x00000000ffffffff
RVTEST_DATA_END
