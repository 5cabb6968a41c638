// rv64ui jalr: target = (rs1 + sext(imm12)) & ~1; rd = pc + 4; the target is computed
// from the old rs1 even when rd == rs1.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  // Plain indirect call: link = address after the jalr
test_2:
  li TESTNUM, 2
  li x1, 0
  la x6, 1f
  la x15, 2f
  jalr x1, 0(x6)
2:j fail
1:bne x1, x15, fail

  // Positive offset
test_3:
  li TESTNUM, 3
  la x6, 1f - 8
  la x15, 2f
  jalr x5, 8(x6)
2:j fail
1:bne x5, x15, fail

  // Negative offset
test_4:
  li TESTNUM, 4
  la x6, 1f + 16
  la x15, 2f
  jalr x1, -16(x6)
2:j fail
1:bne x1, x15, fail

  // Extreme offsets +2047 and -2048
test_5:
  li TESTNUM, 5
  la x6, 1f - 2047        // 1f - 2047 + 2047 = 1f
  jalr x0, 2047(x6)
  j fail
1:
test_6:
  li TESTNUM, 6
  la x6, 1f + 2048
  jalr x0, -2048(x6)
  j fail
1:

  // Bit 0 of the target is cleared: odd register value (bug: trap or jump to odd pc)
test_7:
  li TESTNUM, 7
  la x6, 1f + 1
  la x15, 2f
  jalr x1, 0(x6)
2:j fail
1:bne x1, x15, fail

  // Bit 0 of the target is cleared: even register + odd immediate
test_8:
  li TESTNUM, 8
  la x6, 1f
  jalr x1, 1(x6)
  j fail
1:
  // ... and odd register + odd immediate: the sum is even, nothing to clear; an
  // implementation that clears bit 0 of rs1 instead of the sum jumps to 1f - 1
test_9:
  li TESTNUM, 9
  la x6, 1f - 1
  jalr x1, 1(x6)
  j fail
1:

  // rd == rs1: the target uses the old value, then rd receives the link
test_10:
  li TESTNUM, 10
  la x1, 1f
  la x15, 2f
  jalr x1, 0(x1)
2:j fail
1:bne x1, x15, fail

  // rd == rs1 with an offset (x13 holds target - 12)
test_11:
  li TESTNUM, 11
  la x13, 1f - 12
  la x15, 2f
  jalr x13, 12(x13)
2:j fail
1:bne x13, x15, fail

  // rd = x0: plain indirect jump, x0 stays 0, rs1 untouched
test_12:
  li TESTNUM, 12
  la x6, 1f
  mv x16, x6
  jalr x0, 0(x6)
  j fail
1:bne x0, zero, fail
  bne x6, x16, fail

  // Call and return: jalr through ra returns to the instruction after the call
test_13:
  li TESTNUM, 13
  li x14, 0
  la x6, 3f
  jalr x1, 0(x6)          // call
  addi x14, x14, 1        // executed after the return
  j 4f
3:addi x14, x14, 10       // callee
  jalr x0, 0(x1)          // ret
  j fail
4:li x7, 11
  bne x14, x7, fail

  // Backward indirect jump
test_14:
  li TESTNUM, 14
  j 2f
1:bne x1, x15, fail       // target
  j 3f
2:la x6, 1b
  la x15, 4f
  jalr x1, 0(x6)
4:j fail
3:

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
