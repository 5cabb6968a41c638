// rv64uc c.jalr: ra = pc + 2; pc = rs1 & ~1 (expands to jalr x1, 0(rs1)).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  // link is the address of the next (2 bytes later) instruction
test_2:
  li TESTNUM, 2
  li x1, 0
  la x6, 1f
  la x15, 2f
  c.jalr x6
2:.hword 0
1:bne x1, x15, fail

  // link - pc == 2, not 4 (bug: using the 32-bit instruction length)
test_3:
  li TESTNUM, 3
  la x6, 1f
  .option push
  .option norvc
  auipc x15, 0            // P
  .option pop
  c.jalr x6               // P + 4, link = P + 6
  .hword 0
1:sub x14, x1, x15
  li x7, 6
  bne x14, x7, fail

  // rs1 == ra: the target is the old ra, then ra receives the link
test_4:
  li TESTNUM, 4
  la x1, 1f
  la x15, 2f
  c.jalr x1
2:.hword 0
1:bne x1, x15, fail

  // bit 0 of the target is cleared
test_5:
  li TESTNUM, 5
  la x6, 1f + 1
  la x15, 2f
  c.jalr x6
2:.hword 0
1:bne x1, x15, fail

  // c.jalr at a 2-mod-4 address to a 2-mod-4 target: link is 0 mod 4
test_6:
  li TESTNUM, 6
  la x6, 1f
  la x15, 2f
  .balign 4
  c.nop
  c.jalr x6               // A + 2 (2 mod 4)
2:.hword 0                // A + 4 (0 mod 4)
1:bne x1, x15, fail       // A + 6 (2 mod 4)
  andi x14, x1, 3
  bne x14, x0, fail

  // call and return with compressed instructions
test_7:
  li TESTNUM, 7
  li x14, 0
  la x6, 3f
  c.jalr x6
  addi x14, x14, 1        // runs after the return
  j 4f
3:addi x14, x14, 10
  c.jr x1
  .hword 0
4:li x7, 11
  bne x14, x7, fail
  // rs1 unchanged
  la x7, 3b
  bne x6, x7, fail

  // high register as the target
test_8:
  li TESTNUM, 8
  la x31, 1f
  la x15, 2f
  c.jalr x31
2:.hword 0
1:bne x1, x15, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
