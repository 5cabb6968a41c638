// rv64ui bge: branch if greater or equal, signed 64-bit compare.
// TEST_BR2_OP_TAKEN branches forward and then backward; TEST_BR2_OP_NOTTAKEN checks
// that neither a forward nor a backward branch is taken.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, bge,  0,  0)
  TEST_BR2_OP_TAKEN( 3, bge,  1,  1)
  TEST_BR2_OP_TAKEN( 4, bge, -1, -1)
  TEST_BR2_OP_TAKEN( 5, bge,  1,  0)
  TEST_BR2_OP_TAKEN( 6, bge,  1, -1)
  TEST_BR2_OP_TAKEN( 7, bge, -1, -2)
  TEST_BR2_OP_TAKEN( 8, bge,  0, -1)
  TEST_BR2_OP_TAKEN( 9, bge, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_BR2_OP_TAKEN(10, bge, 0x8000000000000000, 0x8000000000000000)
  // bit 31 is not a sign bit (bug: 32-bit compare)
  TEST_BR2_OP_TAKEN(11, bge, 0x0000000080000000, 0)
  TEST_BR2_OP_TAKEN(12, bge, 0x0000000100000000, 0x00000000ffffffff)
  TEST_BR2_OP_NOTTAKEN(13, bge,  0,  1)
  TEST_BR2_OP_NOTTAKEN(14, bge, -1,  1)
  TEST_BR2_OP_NOTTAKEN(15, bge, -2, -1)
  TEST_BR2_OP_NOTTAKEN(16, bge, -2,  1)
  TEST_BR2_OP_NOTTAKEN(17, bge, -1,  0)
  TEST_BR2_OP_NOTTAKEN(18, bge, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_BR2_OP_NOTTAKEN(19, bge, 0x8000000000000000, 0)
  TEST_BR2_OP_NOTTAKEN(20, bge, 0, 0x0000000080000000)

test_21:
  li TESTNUM, 21
  li x1, -5
  bge x1, x1, 1f
  j fail
1:

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
