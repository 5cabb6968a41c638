// rv64uc c.mv: rd = rs2 (rd, rs2 != x0); a full 64-bit copy, rs2 unchanged.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  TEST_CASE( 2, x8, 0x0123456789abcdef,
    li x8, -1;
    li x9, 0x0123456789abcdef;
    c.mv x8, x9)
  TEST_CASE( 3, x9, 0x0123456789abcdef, )
  // no sign extension of bit 31, upper bits copied
  TEST_CASE( 4, x8, 0x0000000080000000,
    li x8, -1;
    li x9, 0x80000000;
    c.mv x8, x9)
  TEST_CASE( 5, x1, 0x8000000000000000,
    li x31, 0x8000000000000000;
    c.mv x1, x31)
  TEST_CASE( 6, x31, 0x00000000fedcba98,
    li x1, 0xfedcba98;
    c.mv x31, x1)
  // rd == rs2
  TEST_CASE( 7, x5, 0x5555555555555555,
    li x5, 0x5555555555555555;
    c.mv x5, x5)
  // sp as destination and as source
  TEST_CASE( 8, x2, 0x0000000000012340,
    li x8, 0x12340;
    c.mv sp, x8)
  TEST_CASE( 9, x20, 0x0000000000012340,
    c.mv x20, sp)
  // c.mv is not c.add: the old rd value does not matter
  TEST_CASE(10, x14, 0x0000000000000007,
    li x14, 0x100;
    li x15, 7;
    c.mv x14, x15)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
