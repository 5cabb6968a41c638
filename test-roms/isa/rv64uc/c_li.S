// rv64uc c.li: rd = sext(imm6) (any rd); the whole register is replaced.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

#define TEST_C_LI(testnum, rd, result, imm)                             \
        TEST_CASE(testnum, rd, result,                                  \
          li rd, UI_SENTINEL;                                           \
          c.li rd, imm)

RVTEST_CODE_BEGIN

  TEST_C_LI( 2, x8,  0x0000000000000000, 0)
  TEST_C_LI( 3, x8,  0x0000000000000001, 1)
  TEST_C_LI( 4, x8,  0x000000000000001f, 31)
  // negative immediates sign-extend to 64 bits
  TEST_C_LI( 5, x8,  0xffffffffffffffff, -1)
  TEST_C_LI( 6, x8,  0xffffffffffffffe0, -32)
  TEST_C_LI( 7, x8,  0x0000000000000010, 16)
  TEST_C_LI( 8, x8,  0xfffffffffffffff0, -16)
  TEST_C_LI( 9, x8,  0x0000000000000015, 21)
  TEST_C_LI(10, x8,  0x000000000000000a, 10)
  TEST_C_LI(11, x1,  0xfffffffffffffffb, -5)
  TEST_C_LI(12, x31, 0x0000000000000015, 21)
  TEST_C_LI(13, x15, 0xffffffffffffffe0, -32)
  TEST_C_LI(14, x16, 0x000000000000001e, 30)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
