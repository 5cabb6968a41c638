// rv64uc rvc_align: with the C extension, 32-bit instructions only need 2-byte alignment.
// 32-bit instructions placed at addresses that are 2 mod 4 (after a 16-bit one) must
// execute normally, and jumps/branches to 2-mod-4 targets must not raise
// instruction-address-misaligned exceptions (bug: fetching 32 bits aligned down, or
// assuming every 32-bit instruction is 4-byte aligned). Each case checks at run time
// that the code really sits at a 2-mod-4 address.
#include "riscv_test.h"
        .option rvc
        .option norelax         // keep the code layout exactly as written

#define RVC     .option pop
#define NORVC   .option push; .option norvc

// fail unless (reg & 3) == 2
#define CHECK_2MOD4(reg)                                                \
        andi x29, reg, 3;                                               \
        li x28, 2;                                                      \
        bne x29, x28, fail

RVTEST_CODE_BEGIN

  // Straight-line 32-bit instructions at 2 mod 4
test_2:
  li TESTNUM, 2
  .balign 4
  c.li x14, 0             // A
  NORVC
  addi x14, x14, 0x123    // A + 2
  lui x15, 0x12345        // A + 6
  add x14, x14, x15       // A + 10
  auipc x16, 0            // A + 14: its own pc
  RVC
  CHECK_2MOD4(x16)
  li x7, 0x12345123
  bne x14, x7, fail

  // pc-relative addressing, loads and stores from 2-mod-4 code
test_3:
  li TESTNUM, 3
  la x15, rdat
  .balign 4
  c.nop
  NORVC
1:auipc x14, %pcrel_hi(rdat)    // A + 2
  addi x14, x14, %pcrel_lo(1b)
  ld x13, 0(x14)
  sd x13, 8(x14)
  ld x12, 8(x14)
  RVC
  la x16, 1b
  CHECK_2MOD4(x16)
  bne x14, x15, fail
  li x7, 0x0123456789abcdef
  bne x12, x7, fail

  // jal from a 0-mod-4 address to a 2-mod-4 target
test_4:
  li TESTNUM, 4
  la x15, 2f
  .balign 4
  NORVC
  jal x1, 1f              // A
2:j fail                  // A + 4 (link)
  RVC
  c.nop                   // A + 8
1:bne x1, x15, fail       // A + 10: target
  la x16, 1b
  CHECK_2MOD4(x16)

  // jal at a 2-mod-4 address: the link (pc + 4) is 2 mod 4 as well
test_5:
  li TESTNUM, 5
  la x15, 2f
  .balign 4
  c.nop                   // A
  NORVC
  jal x1, 1f              // A + 2
2:j fail                  // A + 6 (link)
  RVC
  c.nop                   // A + 10
1:bne x1, x15, fail       // A + 12
  CHECK_2MOD4(x1)

  // jalr at a 2-mod-4 address to a 2-mod-4 target
test_6:
  li TESTNUM, 6
  la x6, 1f
  la x15, 2f
  .balign 4
  c.nop                   // A
  NORVC
  jalr x1, 0(x6)          // A + 2
2:j fail                  // A + 6
  RVC
1:bne x1, x15, fail       // A + 10
  CHECK_2MOD4(x6)
  CHECK_2MOD4(x1)

  // conditional branches at 2-mod-4 addresses, taken forward and backward to 2-mod-4
  // targets, and not taken (falling through to pc + 4, also 2 mod 4)
test_7:
  li TESTNUM, 7
  li x1, 5
  li x2, 5
  li x13, 7
  .balign 4
  c.nop                   // A
  NORVC
  beq x1, x2, 2f          // A + 2
  j fail                  // A + 6
1:j 3f                    // A + 10: backward target
2:beq x1, x2, 1b          // A + 14: forward target
  j fail
3:bne x1, x2, fail        // A + 22: not taken
  blt x1, x13, 4f          // A + 26
  j fail
4:bgeu x13, x1, 5f         // A + 34
  j fail
5:                        // A + 42
  auipc x16, 0
  RVC
  CHECK_2MOD4(x16)

  // a loop whose body is entirely 32-bit instructions at 2-mod-4 addresses
  // (re-executing cached/decoded 2-mod-4 code)
test_8:
  li TESTNUM, 8
  li x14, 0
  li x5, 10
  .balign 4
  c.nop
  NORVC
1:addi x14, x14, 3
  addi x5, x5, -1
  bne x5, x0, 1b
  RVC
  la x16, 1b
  CHECK_2MOD4(x16)
  li x7, 30
  bne x14, x7, fail

  // interleaved 16- and 32-bit instructions, entered by c.j at a 2-mod-4 target
test_9:
  li TESTNUM, 9
  li x14, 0
  .balign 4
  c.j 1f                  // A
  .hword 0, 0             // A + 2, A + 4
1:                        // A + 6
  NORVC
  addi x14, x14, 0x100    // A + 6  (32-bit, 2 mod 4)
  RVC
  c.addi x14, 1           // A + 10 (16-bit, 2 mod 4)
  NORVC
  addi x14, x14, 0x200    // A + 12 (32-bit, 0 mod 4)
  RVC
  c.addi x14, 2           // A + 16
  c.addi x14, 4           // A + 18
  NORVC
  slli x14, x14, 4        // A + 20
  addi x14, x14, 0x7ff    // A + 24
  RVC
  li x7, 0x386f           // (0x307 << 4) + 0x7ff
  bne x14, x7, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
rdat:
  .dword 0x0123456789abcdef, 0
RVTEST_DATA_END
