// rv64uc c.subw: rd' = sext32(rd'[31:0] - rs2'[31:0]); RV64 only.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CR_OP( 2, c.subw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  UC_TEST_CR_OP( 3, c.subw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000001)
  // 32-bit overflow in both directions, result sign-extended
  UC_TEST_CR_OP( 4, c.subw, 0x000000007fffffff, 0xffffffff80000000, 0x0000000000000001)
  UC_TEST_CR_OP( 5, c.subw, 0xffffffff80000000, 0x000000007fffffff, 0xffffffffffffffff)
  // only the low words count (bug: 64-bit subtract without sign extension)
  UC_TEST_CR_OP( 6, c.subw, 0xffffffffffffffff, 0x0000000100000000, 0x0000000000000001)
  UC_TEST_CR_OP( 7, c.subw, 0x0000000000000002, 0xffffffff00000005, 0x0000000100000003)
  UC_TEST_CR_OP( 8, c.subw, 0xffffffff80000000, 0x0000000000000000, 0x0000000080000000)
  UC_TEST_CR_OP( 9, c.subw, 0xffffffff89abcdef, 0x1111111111111110, 0x0fedcba987654321)
  // c.subw must not act as c.sub (64-bit result 0x00000000ffffffff)
  UC_TEST_CR_OP(10, c.subw, 0xffffffffffffffff, 0x00000000ffffffff, 0x0000000000000000)
  TEST_CASE(11, x13, 0x0000000000000000,
    li x13, 0x1234567880000000;
    c.subw x13, x13)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
