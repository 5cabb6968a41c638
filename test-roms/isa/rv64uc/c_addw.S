// rv64uc c.addw: rd' = sext32(rd'[31:0] + rs2'[31:0]); RV64 only.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CR_OP( 2, c.addw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  UC_TEST_CR_OP( 3, c.addw, 0x000000000000000a, 0x0000000000000003, 0x0000000000000007)
  // 32-bit result with bit 31 set is sign-extended
  UC_TEST_CR_OP( 4, c.addw, 0xffffffff80000000, 0x000000007fffffff, 0x0000000000000001)
  UC_TEST_CR_OP( 5, c.addw, 0xfffffffffffffffe, 0x000000007fffffff, 0x000000007fffffff)
  // carry out of bit 31 is discarded
  UC_TEST_CR_OP( 6, c.addw, 0x0000000000000000, 0x00000000ffffffff, 0x0000000000000001)
  UC_TEST_CR_OP( 7, c.addw, 0x000000007fffffff, 0x0000000080000000, 0x00000000ffffffff)
  // upper input bits ignored
  UC_TEST_CR_OP( 8, c.addw, 0x0000000000000003, 0x1234567800000001, 0xabcdef0000000002)
  UC_TEST_CR_OP( 9, c.addw, 0x0000000011111110, 0x0123456789abcdef, 0x0fedcba987654321)
  // c.addw must not act as c.add
  UC_TEST_CR_OP(10, c.addw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000)
  TEST_CASE(11, x13, 0xffffffff80000000,
    li x13, 0x40000000;
    c.addw x13, x13)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
