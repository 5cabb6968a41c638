// rv64uc c.beqz: branch if rs1' == 0 (64-bit test), offset -256..+254.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

// 32-bit jump, for gaps a compressed jump/branch cannot cross
#define J32(label)                                                      \
        .option push; .option norvc;                                    \
        jal x0, label;                                                  \
        .option pop

// taken forward over `off` bytes (the skipped bytes are zeros: illegal if executed)
#define TEST_C_BR_FWD(testnum, inst, reg, val, off)                     \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li reg, MASK_XLEN(val);                                         \
        inst reg, 1f;                                                   \
        .fill (off) - 2, 1, 0;                                                \
1:

// taken backward by `off` bytes
#define TEST_C_BR_BWD(testnum, inst, reg, val, off)                     \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li reg, MASK_XLEN(val);                                         \
        J32(2f);                                                        \
1:      J32(3f);                                                        \
        .fill (off) - 4, 1, 0;                                                \
2:      inst reg, 1b;                                                   \
        .hword 0;                                                       \
3:

// neither the forward nor the backward branch is taken; a not-taken branch
// continues at pc + 2
#define TEST_C_BR_NOTTAKEN(testnum, inst, reg, val)                     \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li reg, MASK_XLEN(val);                                         \
        inst reg, 1f;                                                   \
        c.j 2f;                                                         \
1:      .hword 0;                                                       \
2:      inst reg, 1b;

RVTEST_CODE_BEGIN

  // every bit of the scrambled CB offset (imm[8|4:3] / imm[7:6|2:1|5]), the largest
  // forward offset +254 and the most negative -256, registers x8..x15
  // (+2 lands on the next instruction either way: it only checks the decode)
  TEST_C_BR_FWD( 2, c.beqz, x8 , 0,   2)
  TEST_C_BR_FWD( 3, c.beqz, x9 , 0,   4)
  TEST_C_BR_FWD( 4, c.beqz, x10, 0,   8)
  TEST_C_BR_FWD( 5, c.beqz, x11, 0,  16)
  TEST_C_BR_FWD( 6, c.beqz, x12, 0,  32)
  TEST_C_BR_FWD( 7, c.beqz, x13, 0,  64)
  TEST_C_BR_FWD( 8, c.beqz, x14, 0, 128)
  // +254: GNU as silently widens c.beqz to a 32-bit branch near the range limit,
  // so this one is hand-encoded (0xcffd = c.beqz x15, +254, checked with objdump)
test_9:
  li TESTNUM, 9
  li x15, MASK_XLEN(0)
  .hword 0xcffd
  .fill 252, 1, 0
1:
  TEST_C_BR_FWD(10, c.beqz, x8 , 0, 170)
  TEST_C_BR_BWD(11, c.beqz, x11, 0,   4)
  TEST_C_BR_BWD(12, c.beqz, x12, 0, 256)
  TEST_C_BR_BWD(13, c.beqz, x13, 0,  84)
  // any non-zero value, including values that are zero in the low 32 bits
  // (bug: 32-bit compare), is not taken
  TEST_C_BR_NOTTAKEN(14, c.beqz, x13, 1)
  TEST_C_BR_NOTTAKEN(15, c.beqz, x14, 0xffffffffffffffff)
  TEST_C_BR_NOTTAKEN(16, c.beqz, x15, 0x0000000100000000)
  TEST_C_BR_NOTTAKEN(17, c.beqz, x8 , 0x8000000000000000)
  TEST_C_BR_NOTTAKEN(18, c.beqz, x9 , 0x0000000080000000)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
