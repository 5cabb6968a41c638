// rv64ui jal: rd = pc + 4; pc += sext(imm21). Forward, backward and long jumps,
// link values, rd = x0 (plain jump) and other link registers.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  // Forward jump; link = address of the instruction after the jal
test_2:
  li TESTNUM, 2
  li x1, 0
  la x15, 2f
  jal x1, 1f
2:j fail
1:bne x1, x15, fail

  // Backward jump with a link in a non-ra register
test_3:
  li TESTNUM, 3
  j 2f
1:bne x31, x15, fail     // backward target
  j 3f
2:la x15, 4f
  jal x31, 1b
4:j fail
3:

  // jal x0 (j): jumps, writes nothing
test_4:
  li TESTNUM, 4
  jal x0, 1f
  j fail
1:bne x0, zero, fail
  li x7, 0
  add x14, x0, x0
  bne x14, x7, fail

  // rd is written even if it already holds the target address; the old value is lost
test_5:
  li TESTNUM, 5
  la x5, 1f
  la x15, 2f
  jal x5, 1f
2:j fail
1:bne x5, x15, fail

  // The link is pc + 4 of the jal itself, independent of the jump distance:
  // check link - (address of the jal) == 4 using an auipc just before it
test_6:
  li TESTNUM, 6
  auipc x15, 0            // pc of this auipc = P; jal is at P + 4
  jal x1, 1f
  j fail
1:sub x14, x1, x15
  li x7, 8
  bne x14, x7, fail

  // Long jumps that exercise every immediate field of the J-type encoding
  // (imm[20|10:1|11|19:12]): forward +0xaaac (bits 2,3,5,7,9,11,13,15),
  // forward +0x5554 (bits 2,4,6,8,10,12,14), then backward -0x10004 (sign and
  // bits 19:16 set) to just after the first jal (offsets checked in the objdump;
  // a `bne ..., fail` more than 4 KiB away from `fail` assembles to 8 bytes).
  // The skipped bytes are zeros, an illegal instruction, so a wrongly decoded
  // offset traps and fails this case.
test_7:
  li TESTNUM, 7
  la x15, 7f
  la x16, 8f
  la x17, 9f
  jal x1, 1f              // A
7:j fail                  // A + 4
5:bne x1, x17, fail       // A + 8: target of the backward jump
  j 4f
  .skip 0xaa98
1:bne x1, x15, fail       // A + 0xaaac
  jal x1, 2f              // C = A + 0xaab4
8:j fail
  .skip 0x554c
2:bne x1, x16, fail       // C + 0x5554
  jal x1, 5b              // C + 0x5558 = A + 0x1000c -> A + 8
9:j fail
4:

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
