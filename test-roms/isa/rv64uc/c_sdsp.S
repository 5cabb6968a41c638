// rv64uc c.sdsp: store doubleword relative to sp: mem64[sp + uimm] = rs2 (uimm 0..504, multiple of 8); RV64 only.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

// Read back with a 32-bit load at offset 0 from the absolute address: an offset
// decoding bug shared by the compressed load and store cannot cancel out.
#define READ_BACK(ld, rd, addr)                                         \
        la x30, addr;                                                   \
        .option push; .option norvc;                                    \
        ld rd, 0(x30);                                                  \
        .option pop

#define TEST_C_SDSP(testnum, rs2, off, val)                             \
        TEST_CASE(testnum, x14, val,                                    \
          la sp, tdat;                                                  \
          li rs2, val;                                                  \
          c.sdsp rs2, off(sp);                                          \
          READ_BACK(ld, x14, tdat + off))

RVTEST_CODE_BEGIN

  // one case per offset bit (uimm[5:3|8:6] in bits 12:7), any source register
  TEST_C_SDSP( 2, x1 ,   0, 0x1111111111111111)
  TEST_C_SDSP( 3, x5 ,   8, 0x8000000000000000)
  TEST_C_SDSP( 4, x6 ,  16, 0x7fffffffffffffff)
  TEST_C_SDSP( 5, x8 ,  32, 0x0123456789abcdef)
  TEST_C_SDSP( 6, x9 ,  64, 0xfedcba9876543210)
  TEST_C_SDSP( 7, x15, 128, 0x00000000ffffffff)
  TEST_C_SDSP( 8, x16, 256, 0xffffffff00000000)
  TEST_C_SDSP( 9, x31, 504, 0xcafef00d0badc0de)
  TEST_C_SDSP(10, x10, 328, 0x5a5aa5a5a5a55a5a)
  TEST_C_SDSP(11, x11, 176, 0x0f0f0f0f0f0f0f0f)
  TEST_CASE(12, x14, 0,
    la sp, tdat;
    li x14, -1;
    c.sdsp x14, 40(sp);
    c.sdsp x0, 40(sp);
    READ_BACK(ld, x14, tdat + 40))
  // all 64 bits stored, neighbours untouched
  TEST_CASE(13, x14, 0xffffffff00000000,
    la sp, gdat;
    li x9, 0xffffffff00000000;
    c.sdsp x9, 8(sp);
    READ_BACK(ld, x14, gdat + 8))
  TEST_CASE(14, x14, 0xefefefefefefefef,
    READ_BACK(ld, x14, gdat))
  TEST_CASE(15, x14, 0xefefefefefefefef,
    READ_BACK(ld, x14, gdat + 16))
  TEST_CASE(16, x14, 0,
    la sp, gdat + 24;
    c.sdsp sp, 8(sp);
    READ_BACK(ld, x14, gdat + 32);
    la x15, gdat + 24;
    sub x14, x14, x15)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .fill 512, 1, 0
gdat:
  .fill 48, 1, 0xef
RVTEST_DATA_END
