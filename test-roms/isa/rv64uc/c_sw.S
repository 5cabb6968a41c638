// rv64uc c.sw: store word: mem32[rs1' + uimm] = rs2'[31:0] (uimm 0..124, multiple of 4).
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

#define TEST_C_SW(testnum, rs2, rs1, off, val)                          \
        TEST_CASE(testnum, x14, val,                                    \
          la rs1, tdat;                                                 \
          li rs2, val;                                                  \
          c.sw rs2, off(rs1);                                           \
          READ_BACK(lwu, x14, tdat + off))

RVTEST_CODE_BEGIN

  // one case per offset bit, registers x8..x15 as base and source
  TEST_C_SW( 2, x9 , x8 ,   0, 0x11111111)
  TEST_C_SW( 3, x9 , x8 ,   4, 0x22222222)
  TEST_C_SW( 4, x10, x8 ,   8, 0x80000000)
  TEST_C_SW( 5, x11, x8 ,  16, 0x7fffffff)
  TEST_C_SW( 6, x12, x8 ,  32, 0x12345678)
  TEST_C_SW( 7, x13, x8 ,  64, 0x9abcdef0)
  TEST_C_SW( 8, x14, x8 , 124, 0xcafef00d)
  TEST_C_SW( 9, x15, x8 ,  60, 0x0badc0de)
  TEST_C_SW(10, x8 , x15,  68, 0x5a5aa5a5)
  TEST_C_SW(11, x9 , x15,  84, 0xdeadbeef)
  // only the low word is stored; the neighbouring word is untouched
  TEST_CASE(12, x14, 0xefefefef9abcdef0,
    la x8, gdat;
    li x9, 0x123456789abcdef0;
    c.sw x9, 8(x8);
    READ_BACK(ld, x14, gdat + 8))
  TEST_CASE(13, x14, 0xefefefefefefefef,
    READ_BACK(ld, x14, gdat))
  // base register as data: stores the low word of the address
  TEST_CASE(14, x14, 0,
    la x8, gdat + 16;
    c.sw x8, 4(x8);
    READ_BACK(lwu, x14, gdat + 20);
    la x15, gdat + 16;
    slli x15, x15, 32;
    srli x15, x15, 32;
    sub x14, x14, x15)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .fill 128, 1, 0
gdat:
  .fill 32, 1, 0xef
RVTEST_DATA_END
