// rv64uc c.jr: pc = rs1 & ~1 (expands to jalr x0, 0(rs1)); no link.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  li x1, UI_SENTINEL

  // forward indirect jump, ra not written
test_2:
  li TESTNUM, 2
  la x6, 1f
  c.jr x6
  .hword 0
1:li x7, UI_SENTINEL
  bne x1, x7, fail
  // rs1 unchanged
  la x7, 1b
  bne x6, x7, fail

  // bit 0 of the target is cleared (as for jalr)
test_3:
  li TESTNUM, 3
  la x6, 1f + 1
  c.jr x6
  .hword 0
1:

  // target at an address that is 2 mod 4
test_4:
  li TESTNUM, 4
  la x6, 1f
  andi x7, x6, 3
  li x8, 2
  bne x7, x8, fail
  c.jr x6
  .balign 4
  .hword 0
1:c.nop

  // c.jr ra is `ret`: call with a 32-bit jal, return with c.jr
test_5:
  li TESTNUM, 5
  li x14, 0
  jal x1, 3f
  addi x14, x14, 1        // runs after the return
  j 4f
3:addi x14, x14, 10
  c.jr x1
  .hword 0
4:li x7, 11
  bne x14, x7, fail

  // backward, through a high register
test_6:
  li TESTNUM, 6
  j 2f
1:j 3f
2:la x31, 1b
  c.jr x31
  .hword 0
3:

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
