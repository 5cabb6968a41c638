// rv64uc c.or: rd' = rd' | rs2' (64-bit).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CR_OP( 2, c.or, 0x00000000ff0fff0f, 0x00000000ff00ff00, 0x000000000f0f0f0f)
  UC_TEST_CR_OP( 3, c.or, 0x00000000fff0fff0, 0x000000000ff00ff0, 0x00000000f0f0f0f0)
  UC_TEST_CR_OP( 4, c.or, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
  UC_TEST_CR_OP( 5, c.or, 0xffffffffffffffff, 0xffffffff00000000, 0x00000000ffffffff)
  UC_TEST_CR_OP( 6, c.or, 0x0000000080000001, 0x0000000080000000, 0x0000000000000001)
  TEST_CASE( 7, x11, 0xff00ff00ff00ff00,
    li x11, 0xff00ff00ff00ff00;
    c.or x11, x11)
  TEST_CASE( 8, x15, 0x8000000000000001,
    li x15, 0x8000000000000000;
    li x12, 1;
    c.or x15, x12)
  TEST_CASE( 9, x12, 0x0000000000000001, )

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
