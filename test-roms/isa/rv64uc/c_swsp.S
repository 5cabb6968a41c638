// rv64uc c.swsp: store word relative to sp: mem32[sp + uimm] = rs2[31:0] (uimm 0..252, multiple of 4).
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

#define TEST_C_SWSP(testnum, rs2, off, val)                             \
        TEST_CASE(testnum, x14, val,                                    \
          la sp, tdat;                                                  \
          li rs2, val;                                                  \
          c.swsp rs2, off(sp);                                          \
          READ_BACK(lwu, x14, tdat + off))

RVTEST_CODE_BEGIN

  // one case per offset bit (uimm[5:2|7:6] in bits 12:7), any source register
  TEST_C_SWSP( 2, x1 ,   0, 0x11111111)
  TEST_C_SWSP( 3, x5 ,   4, 0x22222222)
  TEST_C_SWSP( 4, x6 ,   8, 0x80000000)
  TEST_C_SWSP( 5, x8 ,  16, 0x7fffffff)
  TEST_C_SWSP( 6, x9 ,  32, 0x12345678)
  TEST_C_SWSP( 7, x15,  64, 0x9abcdef0)
  TEST_C_SWSP( 8, x16, 128, 0xcafef00d)
  TEST_C_SWSP( 9, x31, 252, 0x0badc0de)
  TEST_C_SWSP(10, x10, 164, 0x5a5aa5a5)
  TEST_C_SWSP(11, x11,  88, 0xdeadbeef)
  // c.swsp x0 stores zero (rs2 = x0 is legal for stores)
  TEST_CASE(12, x14, 0,
    la sp, tdat;
    li x14, -1;
    c.swsp x14, 40(sp);
    c.swsp x0, 40(sp);
    READ_BACK(lwu, x14, tdat + 40))
  // only the low word is stored
  TEST_CASE(13, x14, 0xefefefef9abcdef0,
    la sp, gdat;
    li x9, 0x123456789abcdef0;
    c.swsp x9, 8(sp);
    READ_BACK(ld, x14, gdat + 8))
  TEST_CASE(14, x14, 0xefefefefefefefef,
    READ_BACK(ld, x14, gdat))
  // storing sp itself
  TEST_CASE(15, x14, 0,
    la sp, gdat + 16;
    c.swsp sp, 4(sp);
    READ_BACK(lwu, x14, gdat + 20);
    la x15, gdat + 16;
    slli x15, x15, 32;
    srli x15, x15, 32;
    sub x14, x14, x15)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .fill 256, 1, 0
gdat:
  .fill 32, 1, 0xef
RVTEST_DATA_END
