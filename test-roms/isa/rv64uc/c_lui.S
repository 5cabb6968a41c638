// rv64uc c.lui: rd = sext(nzimm[17:12] << 12) (rd != x0, x2); low 12 bits cleared.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

// rd is preloaded with all ones: c.lui must clear the low 12 bits
#define TEST_C_LUI(testnum, rd, result, imm)                            \
        TEST_CASE(testnum, rd, result,                                  \
          li rd, -1;                                                    \
          c.lui rd, imm)

RVTEST_CODE_BEGIN

  TEST_C_LUI( 2, x8,  0x0000000000001000, 1)
  TEST_C_LUI( 3, x8,  0x0000000000002000, 2)
  TEST_C_LUI( 4, x8,  0x0000000000004000, 4)
  TEST_C_LUI( 5, x8,  0x0000000000008000, 8)
  TEST_C_LUI( 6, x8,  0x0000000000010000, 0x10)
  // largest positive value
  TEST_C_LUI( 7, x8,  0x000000000001f000, 31)
  // negative values: nzimm[17] (instruction bit 12) is sign-extended through bit 63
  // (bug: sign-extending from bit 31, or zero-extending)
  TEST_C_LUI( 8, x8,  0xfffffffffffff000, 0xfffff)
  TEST_C_LUI( 9, x8,  0xfffffffffffe0000, 0xfffe0)
  TEST_C_LUI(10, x8,  0xffffffffffff0000, 0xffff0)
  TEST_C_LUI(11, x8,  0xfffffffffffea000, 0xfffea)
  // other destination registers
  TEST_C_LUI(12, x1,  0x0000000000015000, 0x15)
  TEST_C_LUI(13, x31, 0xfffffffffffe1000, 0xfffe1)
  TEST_C_LUI(14, x16, 0x000000000000a000, 0xa)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
