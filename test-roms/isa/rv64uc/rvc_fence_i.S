// rv64uc rvc_fence_i: self-modifying code involving compressed instructions. After the
// stores and FENCE.I the new code must run, including when the instruction length
// changes (two 16-bit instructions become one 32-bit one and back) and when a 32-bit
// instruction at a 2-mod-4 address is rewritten with halfword stores.
// Encodings (checked with objdump): c.li a0,1 = 0x4505, c.li a0,7 = 0x451d,
// c.addi a0,1 = 0x0505, c.addi a0,3 = 0x050d, addi a0,zero,0x555 = 0x55500513,
// addi a0,zero,0x3cc = 0x3cc00513, addi a0,a0,0x5a5 = 0x5a550513.
#include "riscv_test.h"
        .option rvc
        .option norelax         // keep the code layout exactly as written

#define RVC     .option pop
#define NORVC   .option push; .option norvc

RVTEST_CODE_BEGIN

  // Case 2: replace a 16-bit instruction with another one
test_2:
  li TESTNUM, 2
  li x10, 0
  jal x1, smc_a           // c.li a0,1 ; c.addi a0,1 ; c.jr ra  -> 2
  li x7, 2
  bne x10, x7, fail
  la x5, smc_a
  li x6, 0x451d           // c.li a0, 7
  sh x6, 0(x5)
  fence.i
  jal x1, smc_a           // 7 + 1 = 8
  li x7, 8
  bne x10, x7, fail

  // Case 3: replace the two 16-bit instructions with one 32-bit instruction
  // (decoded instruction boundaries must not survive)
test_3:
  li TESTNUM, 3
  la x5, smc_a
  li x6, 0x0513           // addi a0, zero, 0x555 (low half)
  sh x6, 0(x5)
  li x6, 0x5550           // (high half)
  sh x6, 2(x5)
  fence.i
  jal x1, smc_a           // 0x555
  li x7, 0x555
  bne x10, x7, fail

  // Case 4: and back to two 16-bit instructions
test_4:
  li TESTNUM, 4
  la x5, smc_a
  li x6, 0x4505           // c.li a0, 1
  sh x6, 0(x5)
  li x6, 0x050d           // c.addi a0, 3
  sh x6, 2(x5)
  fence.i
  jal x1, smc_a           // 1 + 3 = 4
  li x7, 4
  bne x10, x7, fail

  // Case 5: rewrite a 32-bit instruction at a 2-mod-4 address with two halfword stores
test_5:
  li TESTNUM, 5
  la x5, smc_b2
  andi x6, x5, 3
  li x7, 2
  bne x6, x7, fail        // it really is at 2 mod 4
  li x10, 0
  jal x1, smc_b           // c.li a0,1 ; addi a0,a0,0x5a5 ; c.jr ra -> 0x5a6
  li x7, 0x5a6
  bne x10, x7, fail
  li x6, 0x0513           // addi a0, zero, 0x3cc
  sh x6, 0(x5)
  li x6, 0x3cc0
  sh x6, 2(x5)
  fence.i
  jal x1, smc_b           // 0x3cc
  li x7, 0x3cc
  bne x10, x7, fail

  // Case 6: patch the 16-bit instruction right after the store and fence.i in the
  // currently executing straight-line code
test_6:
  li TESTNUM, 6
  li x10, 0
  la x5, 1f
  li x6, 0x451d           // c.li a0, 7
  sh x6, 0(x5)
  fence.i
1:c.li x10, 1             // replaced
  li x7, 7
  bne x10, x7, fail

  TEST_PASSFAIL

  .balign 4
smc_a:
  c.li x10, 1
  c.addi x10, 1
  c.jr x1

  .balign 4
smc_b:
  c.li x10, 1
smc_b2:
  NORVC
  addi x10, x10, 0x5a5
  RVC
  c.jr x1

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
