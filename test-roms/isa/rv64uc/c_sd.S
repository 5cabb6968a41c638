// rv64uc c.sd: store doubleword: mem64[rs1' + uimm] = rs2' (uimm 0..248, multiple of 8); RV64 only.
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

#define TEST_C_SD(testnum, rs2, rs1, off, val)                          \
        TEST_CASE(testnum, x14, val,                                    \
          la rs1, tdat;                                                 \
          li rs2, val;                                                  \
          c.sd rs2, off(rs1);                                           \
          READ_BACK(ld, x14, tdat + off))

RVTEST_CODE_BEGIN

  // one case per offset bit, registers x8..x15 as base and source
  TEST_C_SD( 2, x9 , x8 ,   0, 0x1111111111111111)
  TEST_C_SD( 3, x9 , x8 ,   8, 0x8000000000000000)
  TEST_C_SD( 4, x10, x8 ,  16, 0x7fffffffffffffff)
  TEST_C_SD( 5, x11, x8 ,  32, 0x0123456789abcdef)
  TEST_C_SD( 6, x12, x8 ,  64, 0xfedcba9876543210)
  TEST_C_SD( 7, x13, x8 , 128, 0x00000000ffffffff)
  TEST_C_SD( 8, x14, x8 , 248, 0xffffffff00000000)
  TEST_C_SD( 9, x15, x8 ,  88, 0xcafef00d0badc0de)
  TEST_C_SD(10, x8 , x15, 168, 0x5a5aa5a5a5a55a5a)
  // all 64 bits are stored (bug: c.sd treated as c.sw / c.fsw), neighbours untouched
  TEST_CASE(11, x14, 0xffffffff00000000,
    la x8, gdat;
    li x9, 0xffffffff00000000;
    c.sd x9, 8(x8);
    READ_BACK(ld, x14, gdat + 8))
  TEST_CASE(12, x14, 0xefefefefefefefef,
    READ_BACK(ld, x14, gdat))
  TEST_CASE(13, x14, 0xefefefefefefefef,
    READ_BACK(ld, x14, gdat + 16))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .fill 256, 1, 0
gdat:
  .fill 24, 1, 0xef
RVTEST_DATA_END
