// rv64uc c.srai: rd' = rd' >> shamt (arithmetic, 64-bit, shamt 1..63).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CI_OP( 2, c.srai, 0xc000000000000000, 0x8000000000000000, 1)
  UC_TEST_CI_OP( 3, c.srai, 0xffffffff00000000, 0x8000000000000000, 31)
  // shamt[5] (instruction bit 12)
  UC_TEST_CI_OP( 4, c.srai, 0xffffffff80000000, 0x8000000000000000, 32)
  UC_TEST_CI_OP( 5, c.srai, 0xffffffffffffffff, 0x8000000000000000, 63)
  // negative values stay negative
  UC_TEST_CI_OP( 6, c.srai, 0xffffffffffffffff, 0xffffffffffffffff, 63)
  UC_TEST_CI_OP( 7, c.srai, 0xfffffffffffffff8, 0xffffffffffffffe0, 2)
  UC_TEST_CI_OP( 8, c.srai, 0xff03030303030303, 0x8181818181818181, 7)
  UC_TEST_CI_OP( 9, c.srai, 0xffffffffffffffff, 0xffffffff80000000, 31)
  // positive values: the sign is bit 63, not bit 31 (bug: 32-bit arithmetic shift)
  UC_TEST_CI_OP(10, c.srai, 0x0000000000000000, 0x7fffffffffffffff, 63)
  UC_TEST_CI_OP(11, c.srai, 0x000000007fffffff, 0x7fffffffffffffff, 32)
  UC_TEST_CI_OP(12, c.srai, 0x0000000000000001, 0x0000000080000000, 31)
  UC_TEST_CI_OP(13, c.srai, 0x0000000008000000, 0x0000000080000000, 4)
  // c.srai must not act as c.srli (funct2 01 vs 00)
  UC_TEST_CI_OP(14, c.srai, 0xfffffffffffffff0, 0xf000000000000000, 56)
  TEST_CASE(15, x12, 0xfffffffffffffffe,
    li x12, 0x8000000000000000;
    c.srai x12, 62)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
