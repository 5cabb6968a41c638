// rv64uc c.slli: rd = rd << shamt (64-bit, shamt 1..63, any rd).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CI_OP( 2, c.slli, 0x0000000000000002, 0x0000000000000001, 1)
  // shifting into bit 31 does not sign-extend
  UC_TEST_CI_OP( 3, c.slli, 0x0000000080000000, 0x0000000000000001, 31)
  // shamt[5] (instruction bit 12)
  UC_TEST_CI_OP( 4, c.slli, 0x0000000100000000, 0x0000000000000001, 32)
  UC_TEST_CI_OP( 5, c.slli, 0x8000000000000000, 0x0000000000000001, 63)
  UC_TEST_CI_OP( 6, c.slli, 0xffffffff00000000, 0xffffffffffffffff, 32)
  UC_TEST_CI_OP( 7, c.slli, 0x8000000000000000, 0xffffffffffffffff, 63)
  UC_TEST_CI_OP( 8, c.slli, 0x0000001090909080, 0x0000000021212121, 7)
  UC_TEST_CI_OP( 9, c.slli, 0x9090908000000000, 0x0000000021212121, 39)
  UC_TEST_CI_OP(10, c.slli, 0x0000000000000000, 0x8000000000000000, 1)
  UC_TEST_CI_OP(11, c.slli, 0x3456789abcdef000, 0x0123456789abcdef, 12)
  // any destination register
  TEST_CASE(12, x1, 0x0000000000050000,
    li x1, 5;
    c.slli x1, 16)
  TEST_CASE(13, x31, 0xa000000000000000,
    li x31, 5;
    c.slli x31, 61)
  TEST_CASE(14, x20, 0x0000000200000000,
    li x20, 1;
    c.slli x20, 33)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
