// rv64uc c.srli: rd' = rd' >> shamt (logical, 64-bit, shamt 1..63; shamt[5] is instruction bit 12).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CI_OP( 2, c.srli, 0x4000000000000000, 0x8000000000000000, 1)
  UC_TEST_CI_OP( 3, c.srli, 0x0000000100000000, 0x8000000000000000, 31)
  // shamt >= 32 needs shamt[5] (bug: decoding only 5 bits, RV32 style)
  UC_TEST_CI_OP( 4, c.srli, 0x0000000080000000, 0x8000000000000000, 32)
  UC_TEST_CI_OP( 5, c.srli, 0x0000000000000001, 0x8000000000000000, 63)
  // zeros shifted in (not the sign)
  UC_TEST_CI_OP( 6, c.srli, 0x7fffffffffffffff, 0xffffffffffffffff, 1)
  UC_TEST_CI_OP( 7, c.srli, 0x00000000ffffffff, 0xffffffffffffffff, 32)
  UC_TEST_CI_OP( 8, c.srli, 0x0000000000000001, 0xffffffffffffffff, 63)
  UC_TEST_CI_OP( 9, c.srli, 0x0000ffffffffffff, 0xffffffffffffffff, 16)
  // 64-bit operation, no sign extension of the result from bit 31
  UC_TEST_CI_OP(10, c.srli, 0x00000001ffffffff, 0xffffffff80000000, 31)
  UC_TEST_CI_OP(11, c.srli, 0x0000000000000001, 0x0000000080000000, 31)
  UC_TEST_CI_OP(12, c.srli, 0x7fffffffc0000000, 0xffffffff80000000, 1)
  UC_TEST_CI_OP(13, c.srli, 0x00123456789abcde, 0x0123456789abcdef, 4)
  UC_TEST_CI_OP(14, c.srli, 0x000000000000000f, 0xf000000000000000, 60)
  TEST_CASE(15, x15, 0x0000000000000003,
    li x15, 0xc000000000000000;
    c.srli x15, 62)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
