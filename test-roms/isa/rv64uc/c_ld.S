// rv64uc c.ld: load doubleword: rd' = mem64[rs1' + uimm] (uimm 0..248, multiple of 8); RV64 only (the same encoding is c.flw on RV32).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

#define TEST_C_LD(testnum, rd, rs1, off, result)                        \
        TEST_CASE(testnum, rd, result,                                  \
          la rs1, cdat;                                                 \
          li rd, UI_SENTINEL;                                           \
          c.ld rd, off(rs1))

RVTEST_CODE_BEGIN

  // one case per offset bit (uimm[5:3] in bits 12:10, uimm[7:6] in bits 6:5)
  TEST_C_LD( 2, x9 , x8 ,   0, 0xfedcba9800000000)
  TEST_C_LD( 3, x9 , x8 ,   8, 0xfedcba9800000001)
  TEST_C_LD( 4, x10, x8 ,  16, 0xfedcba9800000002)
  TEST_C_LD( 5, x11, x8 ,  32, 0xfedcba9800000004)
  TEST_C_LD( 6, x12, x8 ,  64, 0xfedcba9800000008)
  TEST_C_LD( 7, x13, x8 , 128, 0xfedcba9800000010)
  TEST_C_LD( 8, x14, x8 , 248, 0xfedcba980000001f)
  TEST_C_LD( 9, x15, x8 ,  88, 0xfedcba980000000b)
  TEST_C_LD(10, x8 , x15, 168, 0xfedcba9800000015)
  // rd == rs1
  TEST_CASE(11, x8, 0xfedcba9800000003,
    la x8, cdat;
    c.ld x8, 24(x8))
  TEST_CASE(12, x9, 0x8000000000000000,
    la x8, cdat2;
    c.ld x9, 0(x8))
  TEST_CASE(13, x9, 0x00000000ffffffff,
    c.ld x9, 8(x8))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
cdat:
// doubleword i = 0xfedcba9800000000 + i: a 32-bit load would miss the upper word
  .set i, 0
  .rept 32
  .dword 0xfedcba9800000000 + i
  .set i, i + 1
  .endr
cdat2:
  .dword 0x8000000000000000, 0x00000000ffffffff
RVTEST_DATA_END
