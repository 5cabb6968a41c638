// rv64uc c.xor: rd' = rd' ^ rs2' (64-bit).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CR_OP( 2, c.xor, 0x00000000f00ff00f, 0x00000000ff00ff00, 0x000000000f0f0f0f)
  UC_TEST_CR_OP( 3, c.xor, 0x00000000ff00ff00, 0x000000000ff00ff0, 0x00000000f0f0f0f0)
  UC_TEST_CR_OP( 4, c.xor, 0xf00ff00ff00ff00f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
  UC_TEST_CR_OP( 5, c.xor, 0x7ffffffffffffffe, 0xffffffffffffffff, 0x8000000000000001)
  UC_TEST_CR_OP( 6, c.xor, 0x000000007fffffff, 0x00000000ffffffff, 0x0000000080000000)
  TEST_CASE( 7, x11, 0x0000000000000000,
    li x11, 0xff00ff00ff00ff00;
    c.xor x11, x11)
  TEST_CASE( 8, x15, 0xedcba98765432100,
    li x15, 0x123456789abcdeff;
    li x12, -1;
    c.xor x15, x12)
  TEST_CASE( 9, x12, 0xffffffffffffffff, )

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
