// rv64uc c.andi: rd' = rd' & sext(imm6).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CI_OP( 2, c.andi, 0x000000000000001f, 0x123456789abcdeff, 31)
  // negative immediates are sign-extended to 64 bits: the upper bits are kept
  UC_TEST_CI_OP( 3, c.andi, 0x123456789abcdee0, 0x123456789abcdeff, -32)
  UC_TEST_CI_OP( 4, c.andi, 0x123456789abcdeff, 0x123456789abcdeff, -1)
  UC_TEST_CI_OP( 5, c.andi, 0x0000000000000000, 0x123456789abcdeff, 0)
  UC_TEST_CI_OP( 6, c.andi, 0x0000000000000010, 0x123456789abcdeff, 16)
  UC_TEST_CI_OP( 7, c.andi, 0x123456789abcdef0, 0x123456789abcdeff, -16)
  UC_TEST_CI_OP( 8, c.andi, 0xfffffffffffffffe, 0xffffffffffffffff, -2)
  UC_TEST_CI_OP( 9, c.andi, 0x8000000000000000, 0x8000000000000001, -32)
  UC_TEST_CI_OP(10, c.andi, 0x0000000080000000, 0x0000000080000000, -1)
  UC_TEST_CI_OP(11, c.andi, 0x0000000000000005, 0xffffffffffffff55, 15)
  TEST_CASE(12, x13, 0xffffffffffffffe0,
    li x13, -1;
    c.andi x13, -32)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
