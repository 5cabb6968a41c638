// rv64ui bgeu: branch if greater or equal, unsigned 64-bit compare.
// TEST_BR2_OP_TAKEN branches forward and then backward; TEST_BR2_OP_NOTTAKEN checks
// that neither a forward nor a backward branch is taken.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, bgeu, 0, 0)
  TEST_BR2_OP_TAKEN( 3, bgeu, 1, 1)
  TEST_BR2_OP_TAKEN( 4, bgeu, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_BR2_OP_TAKEN( 5, bgeu, 1, 0)
  TEST_BR2_OP_TAKEN( 6, bgeu, 0xffffffffffffffff, 0xfffffffffffffffe)
  // -1 is the largest unsigned value
  TEST_BR2_OP_TAKEN( 7, bgeu, 0xffffffffffffffff, 0)
  TEST_BR2_OP_TAKEN( 8, bgeu, 0x8000000000000000, 0x7fffffffffffffff)
  // 64-bit compare (bug: comparing the low 32 bits)
  TEST_BR2_OP_TAKEN( 9, bgeu, 0x0000000100000000, 0x00000000ffffffff)
  TEST_BR2_OP_NOTTAKEN(10, bgeu, 0, 1)
  TEST_BR2_OP_NOTTAKEN(11, bgeu, 0xfffffffffffffffe, 0xffffffffffffffff)
  TEST_BR2_OP_NOTTAKEN(12, bgeu, 0, 0xffffffffffffffff)
  TEST_BR2_OP_NOTTAKEN(13, bgeu, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_BR2_OP_NOTTAKEN(14, bgeu, 0x00000000ffffffff, 0x0000000100000000)
  TEST_BR2_OP_NOTTAKEN(15, bgeu, 0x0000000080000000, 0xffffffff00000000)

test_16:
  li TESTNUM, 16
  li x1, 5
  bgeu x1, x1, 1f
  j fail
1:bgeu x0, x1, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
