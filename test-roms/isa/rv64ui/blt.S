// rv64ui blt: branch if less than, signed 64-bit compare.
// TEST_BR2_OP_TAKEN branches forward and then backward; TEST_BR2_OP_NOTTAKEN checks
// that neither a forward nor a backward branch is taken.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, blt,  0,  1)
  TEST_BR2_OP_TAKEN( 3, blt, -1,  1)
  TEST_BR2_OP_TAKEN( 4, blt, -2, -1)
  TEST_BR2_OP_TAKEN( 5, blt, -1,  0)
  // INT64_MIN < INT64_MAX, INT64_MIN < 0
  TEST_BR2_OP_TAKEN( 6, blt, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_BR2_OP_TAKEN( 7, blt, 0x8000000000000000, 0)
  // 64-bit compare (bug: comparing the low 32 bits)
  TEST_BR2_OP_TAKEN( 8, blt, 0x00000000ffffffff, 0x0000000100000000)
  TEST_BR2_OP_TAKEN( 9, blt, 0, 0x0000000080000000)
  TEST_BR2_OP_NOTTAKEN(10, blt,  1,  0)
  TEST_BR2_OP_NOTTAKEN(11, blt,  1, -1)
  TEST_BR2_OP_NOTTAKEN(12, blt, -1, -2)
  TEST_BR2_OP_NOTTAKEN(13, blt,  1, -2)
  TEST_BR2_OP_NOTTAKEN(14, blt,  0, -1)
  TEST_BR2_OP_NOTTAKEN(15, blt, 0x7fffffffffffffff, 0x8000000000000000)
  // equal is not less
  TEST_BR2_OP_NOTTAKEN(16, blt,  0,  0)
  TEST_BR2_OP_NOTTAKEN(17, blt, -1, -1)
  TEST_BR2_OP_NOTTAKEN(18, blt, 0x8000000000000000, 0x8000000000000000)
  // bit 31 is not a sign bit
  TEST_BR2_OP_NOTTAKEN(19, blt, 0x0000000080000000, 0)

test_20:
  li TESTNUM, 20
  li x1, -5
  blt x1, x1, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
