// rv64uc c.j: pc += sext(imm12) (range -2048..+2046), no link.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

// 32-bit jump, for gaps a compressed jump/branch cannot cross
#define J32(label)                                                      \
        .option push; .option norvc;                                    \
        jal x0, label;                                                  \
        .option pop

#define TEST_C_J_FWD(testnum, off)                                      \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        c.j 1f;                                                         \
        .fill (off) - 2, 1, 0;                                                \
1:

// T: a 32-bit jump out; the c.j sits at T + off and jumps back to T
#define TEST_C_J_BWD(testnum, off)                                      \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        J32(2f);                                                        \
1:      J32(3f);                                                        \
        .fill (off) - 4, 1, 0;                                                \
2:      c.j 1b;                                                         \
        .hword 0;                                                       \
3:

RVTEST_CODE_BEGIN

  // ra is preloaded with a sentinel: c.j must not link (RV64 has no c.jal; that
  // encoding is c.addiw). The bytes skipped by each jump are zeros, an illegal
  // instruction, so a wrongly decoded offset traps and fails the case.
  li x1, UI_SENTINEL

  // forward offsets: every bit of the scrambled CJ immediate
  // (imm[11|4|9:8|10|6|7|3:1|5]) and the largest one, +2046
  TEST_C_J_FWD( 2,    2)
  TEST_C_J_FWD( 3,    4)
  TEST_C_J_FWD( 4,    6)
  TEST_C_J_FWD( 5,    8)
  TEST_C_J_FWD( 6,   16)
  TEST_C_J_FWD( 7,   32)
  TEST_C_J_FWD( 8,   64)
  TEST_C_J_FWD( 9,  128)
  TEST_C_J_FWD(10,  256)
  TEST_C_J_FWD(11,  512)
  TEST_C_J_FWD(12, 1024)
  TEST_C_J_FWD(13, 1366)
  // +2046: GNU as silently widens `c.j` to `jal` near the range limit, so this one is
  // hand-encoded (0xaffd = c.j +2046, checked with objdump)
test_14:
  li TESTNUM, 14
  .hword 0xaffd
  .fill 2044, 1, 0
1:

  // backward offsets, down to the most negative one, -2048
  TEST_C_J_BWD(15,    4)
  TEST_C_J_BWD(16,   64)
  TEST_C_J_BWD(17,  682)
  TEST_C_J_BWD(18, 2048)

  // from and to addresses that are 2 mod 4
test_19:
  li TESTNUM, 19
  .balign 4
  c.j 1f                  // A (0 mod 4) -> A + 6
  .hword 0, 0
1:c.j 2f                  // A + 6 (2 mod 4) -> A + 14 (2 mod 4)
  .hword 0, 0, 0
2:c.j 3f                  // A + 14 -> A + 16
3:

  // c.j did not write ra
  TEST_CASE(20, x1, UI_SENTINEL, )

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
