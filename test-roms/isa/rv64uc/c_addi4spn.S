// rv64uc c.addi4spn: rd' = sp + nzuimm (4..1020, multiple of 4), 64-bit add; expands to addi rd', x2, nzuimm.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

// rd' = sp + imm, with rd' preloaded with a sentinel.
#define TEST_C_ADDI4SPN(testnum, rd, result, spval, imm)                \
        TEST_CASE(testnum, rd, result,                                  \
          li rd, UI_SENTINEL;                                           \
          li sp, MASK_XLEN(spval);                                      \
          c.addi4spn rd, sp, imm)

RVTEST_CODE_BEGIN

  // one case per immediate bit (the CIW immediate is scrambled: nzuimm[5:4|9:6|2|3])
  TEST_C_ADDI4SPN( 2, x8,  0x0000000000001004, 0x1000, 4)
  TEST_C_ADDI4SPN( 3, x8,  0x0000000000001008, 0x1000, 8)
  TEST_C_ADDI4SPN( 4, x9,  0x0000000000001010, 0x1000, 16)
  TEST_C_ADDI4SPN( 5, x10, 0x0000000000001020, 0x1000, 32)
  TEST_C_ADDI4SPN( 6, x11, 0x0000000000001040, 0x1000, 64)
  TEST_C_ADDI4SPN( 7, x12, 0x0000000000001080, 0x1000, 128)
  TEST_C_ADDI4SPN( 8, x13, 0x0000000000001100, 0x1000, 256)
  TEST_C_ADDI4SPN( 9, x14, 0x0000000000001200, 0x1000, 512)
  // largest immediate, unsigned (bug: sign-extending it)
  TEST_C_ADDI4SPN(10, x15, 0x00000000000013fc, 0x1000, 1020)
  TEST_C_ADDI4SPN(11, x8,  0x0000000000001154, 0x1000, 0x154)
  TEST_C_ADDI4SPN(12, x15, 0x00000000000012a8, 0x1000, 0x2a8)
  // full 64-bit add: carry through all bits, no sign extension from bit 31
  TEST_C_ADDI4SPN(13, x8,  0x0000000000000008, 0xfffffffffffffff8, 16)
  TEST_C_ADDI4SPN(14, x9,  0x0000000080000000, 0x000000007ffffffc, 4)
  TEST_C_ADDI4SPN(15, x10, 0x0000000100000000, 0x00000000fffffffc, 4)
  TEST_C_ADDI4SPN(16, x15, 0x123456789abce044, 0x123456789abcdef0, 0x154)

  // sp is only read
  TEST_CASE(17, x2, 0x0000000000003000,
    li sp, 0x3000;
    c.addi4spn x8, sp, 1020)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
