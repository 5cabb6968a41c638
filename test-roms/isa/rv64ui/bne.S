// rv64ui bne: branch if not equal (64-bit compare).
// TEST_BR2_OP_TAKEN branches forward and then backward; TEST_BR2_OP_NOTTAKEN checks
// that neither a forward nor a backward branch is taken.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, bne,  0,  1)
  TEST_BR2_OP_TAKEN( 3, bne,  1,  0)
  TEST_BR2_OP_TAKEN( 4, bne, -1,  1)
  TEST_BR2_OP_TAKEN( 5, bne,  1, -1)
  // differ only above bit 31 (bug: 32-bit compare)
  TEST_BR2_OP_TAKEN( 6, bne, 0x0000000100000000, 0)
  TEST_BR2_OP_TAKEN( 7, bne, 0x8000000000000000, 0)
  TEST_BR2_OP_TAKEN( 8, bne, 0xffffffff80000000, 0x0000000080000000)
  TEST_BR2_OP_NOTTAKEN( 9, bne,  0,  0)
  TEST_BR2_OP_NOTTAKEN(10, bne,  1,  1)
  TEST_BR2_OP_NOTTAKEN(11, bne, -1, -1)
  TEST_BR2_OP_NOTTAKEN(12, bne, 0x8000000000000000, 0x8000000000000000)

  // rs1 == rs2 register: never taken
test_13:
  li TESTNUM, 13
  li x1, 0x123
  bne x1, x1, fail
  bne x0, x0, fail

  // Forward offset +0x800 (only imm bit 11 set: it lives in instruction bit 7)
test_14:
  li TESTNUM, 14
  li x1, 1
  bne x1, x0, 1f          // at A, target A + 0x800
  j fail
  .skip 0x7f8
1:

  // Backward offset -0x7fc (encoded imm 0x1804: bits 12, 11 and 2 set)
test_15:
  li TESTNUM, 15
  li x1, 1
  j 2f
1:j 3f                    // target T
  .skip 0x7f8             // T + 4 .. T + 0x7fc
2:bne x1, x0, 1b          // at T + 0x7fc
  j fail
3:

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
