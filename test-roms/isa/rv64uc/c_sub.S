// rv64uc c.sub: rd' = rd' - rs2' (64-bit).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CR_OP( 2, c.sub, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  UC_TEST_CR_OP( 3, c.sub, 0xfffffffffffffffc, 0x0000000000000003, 0x0000000000000007)
  UC_TEST_CR_OP( 4, c.sub, 0x7fffffffffffffff, 0x8000000000000000, 0x0000000000000001)
  // 64-bit: borrow from bit 32, no sign extension from bit 31
  UC_TEST_CR_OP( 5, c.sub, 0x00000000ffffffff, 0x0000000100000000, 0x0000000000000001)
  UC_TEST_CR_OP( 6, c.sub, 0x0000000080000000, 0x0000000080000001, 0x0000000000000001)
  UC_TEST_CR_OP( 7, c.sub, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000)
  UC_TEST_CR_OP( 8, c.sub, 0x0123456789abcdef, 0x1111111111111110, 0x0fedcba987654321)
  // operand order (bug: decoding c.sub as rs2 - rd)
  UC_TEST_CR_OP( 9, c.sub, 0x0000000000000005, 0x0000000000000008, 0x0000000000000003)
  TEST_CASE(10, x15, 0x0000000000000000,
    li x15, 0x123456789;
    c.sub x15, x15)
  TEST_CASE(11, x14, 0xffffffffffffff00,
    li x14, 0x100;
    li x10, 0x200;
    c.sub x14, x10)
  // rs2 is not modified
  TEST_CASE(12, x10, 0x200, )

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
