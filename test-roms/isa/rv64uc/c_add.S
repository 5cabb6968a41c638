// rv64uc c.add: rd = rd + rs2 (64-bit; rd, rs2 != x0).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CR_OP( 2, c.add, 0x0000000000000003, 0x0000000000000001, 0x0000000000000002)
  // 64-bit add: no sign extension from bit 31, carry into bit 32
  UC_TEST_CR_OP( 3, c.add, 0x0000000080000000, 0x000000007fffffff, 0x0000000000000001)
  UC_TEST_CR_OP( 4, c.add, 0x0000000100000000, 0x00000000ffffffff, 0x0000000000000001)
  UC_TEST_CR_OP( 5, c.add, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001)
  UC_TEST_CR_OP( 6, c.add, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000)
  UC_TEST_CR_OP( 7, c.add, 0x1111111111111110, 0x0123456789abcdef, 0x0fedcba987654321)
  TEST_CASE( 8, x9, 0x0fedcba987654321, )
  // rd == rs2 doubles
  TEST_CASE( 9, x5, 0x8000000000000002,
    li x5, 0x4000000000000001;
    c.add x5, x5)
  // full register fields
  TEST_CASE(10, x1, 0x0000000000000300,
    li x1, 0x100;
    li x31, 0x200;
    c.add x1, x31)
  TEST_CASE(11, x31, 0xffffffffffffff00,
    li x1, 0xfffffffffffffe00;
    li x31, 0x100;
    c.add x31, x1)
  TEST_CASE(12, x2, 0x0000000000001234,
    li sp, 0x1000;
    li x8, 0x234;
    c.add sp, x8)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
