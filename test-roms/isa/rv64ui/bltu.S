// rv64ui bltu: branch if less than, unsigned 64-bit compare.
// TEST_BR2_OP_TAKEN branches forward and then backward; TEST_BR2_OP_NOTTAKEN checks
// that neither a forward nor a backward branch is taken.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, bltu, 0, 1)
  TEST_BR2_OP_TAKEN( 3, bltu, 0xfffffffffffffffe, 0xffffffffffffffff)
  TEST_BR2_OP_TAKEN( 4, bltu, 0, 0xffffffffffffffff)
  // INT64_MAX < INT64_MIN when unsigned
  TEST_BR2_OP_TAKEN( 5, bltu, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_BR2_OP_TAKEN( 6, bltu, 1, 0x8000000000000000)
  // 64-bit compare (bug: comparing the low 32 bits)
  TEST_BR2_OP_TAKEN( 7, bltu, 0x00000000ffffffff, 0x0000000100000000)
  TEST_BR2_OP_NOTTAKEN( 8, bltu, 1, 0)
  TEST_BR2_OP_NOTTAKEN( 9, bltu, 0xffffffffffffffff, 0xfffffffffffffffe)
  // -1 is the largest unsigned value
  TEST_BR2_OP_NOTTAKEN(10, bltu, 0xffffffffffffffff, 0)
  TEST_BR2_OP_NOTTAKEN(11, bltu, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_BR2_OP_NOTTAKEN(12, bltu, 0, 0)
  TEST_BR2_OP_NOTTAKEN(13, bltu, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_BR2_OP_NOTTAKEN(14, bltu, 0x0000000100000000, 0x00000000ffffffff)
  TEST_BR2_OP_NOTTAKEN(15, bltu, 0xffffffff00000000, 0x0000000080000000)

test_16:
  li TESTNUM, 16
  li x1, 5
  bltu x1, x1, fail
  bltu x1, x0, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
