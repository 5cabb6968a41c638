// rv64ui beq: branch if equal (64-bit compare).
// TEST_BR2_OP_TAKEN branches forward and then backward; TEST_BR2_OP_NOTTAKEN checks
// that neither a forward nor a backward branch is taken.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, beq,  0,  0)
  TEST_BR2_OP_TAKEN( 3, beq,  1,  1)
  TEST_BR2_OP_TAKEN( 4, beq, -1, -1)
  TEST_BR2_OP_TAKEN( 5, beq, 0x8000000000000000, 0x8000000000000000)
  TEST_BR2_OP_NOTTAKEN( 6, beq,  0,  1)
  TEST_BR2_OP_NOTTAKEN( 7, beq,  1,  0)
  TEST_BR2_OP_NOTTAKEN( 8, beq, -1,  1)
  TEST_BR2_OP_NOTTAKEN( 9, beq,  1, -1)
  // differ only above bit 31 (bug: 32-bit compare)
  TEST_BR2_OP_NOTTAKEN(10, beq, 0x0000000100000000, 0)
  TEST_BR2_OP_NOTTAKEN(11, beq, 0x8000000000000000, 0)
  TEST_BR2_OP_NOTTAKEN(12, beq, 0xffffffff80000000, 0x0000000080000000)

  // rs1 == rs2 register: always taken
test_13:
  li TESTNUM, 13
  li x1, 0x123
  beq x1, x1, 1f
  j fail
1:
  // x0 compared with x0: always taken (beqz-style)
test_14:
  li TESTNUM, 14
  beq x0, x0, 1f
  j fail
1:

  // Largest forward offset with 4-byte instructions: +0xffc (imm bits 2..11 all set)
test_15:
  li TESTNUM, 15
  li x1, 5
  li x2, 5
  beq x1, x2, 1f          // at A, target A + 0xffc
  j fail                  // A + 4
  .skip 0xff4             // A + 8 .. A + 0xffc (zeros: illegal if executed)
1:

  // Most negative offset: -0x1000 (only imm bit 12, the sign bit, set)
test_16:
  li TESTNUM, 16
  li x1, 7
  li x2, 7
  j 2f
1:j 3f                    // target T
  .skip 0xffc             // T + 4 .. T + 0x1000
2:beq x1, x2, 1b          // at T + 0x1000
  j fail
3:

  // A not-taken branch falls through to pc + 4 exactly
test_17:
  li TESTNUM, 17
  li x1, 1
  jal x15, 1f
1:beq x1, x0, fail        // x15 = address of this beq
  auipc x14, 0
  sub x14, x14, x15
  li x7, 4
  bne x14, x7, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
