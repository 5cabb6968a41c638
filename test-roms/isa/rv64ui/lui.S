// rv64ui lui: rd = sign-extend(imm20 << 12); the low 12 bits of rd are cleared.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

// Preload x14 with all ones so that a lui that merges into rd (instead of replacing it)
// or leaves the low 12 bits alone is caught.
#define TEST_LUI(testnum, result, imm)                                  \
        TEST_CASE(testnum, x14, result,                                 \
          li x14, -1;                                                   \
          lui x14, imm)

RVTEST_CODE_BEGIN

  TEST_LUI( 2, 0x0000000000000000, 0x00000)
  TEST_LUI( 3, 0x0000000000001000, 0x00001)
  TEST_LUI( 4, 0x0000000012345000, 0x12345)
  TEST_LUI( 5, 0x000000007ffff000, 0x7ffff)
  // bit 31 set: the value is sign-extended to 64 bits (bug: zero-extension)
  TEST_LUI( 6, 0xffffffff80000000, 0x80000)
  TEST_LUI( 7, 0xfffffffffffff000, 0xfffff)
  TEST_LUI( 8, 0xffffffffabcde000, 0xabcde)

  // lui then arithmetic shift: the upper bits really are copies of bit 31
  TEST_CASE( 9, x14, 0xfffffffffffffc00,
    lui x14, 0xfffff;
    srai x14, x14, 2)
  TEST_CASE(10, x14, 0xffffffffc0000000,
    lui x14, 0x80000;
    srai x14, x14, 1)
  TEST_CASE(11, x14, 0x00000000ffffffff,
    lui x14, 0x80000;
    srli x14, x14, 32)

  // lui to x0 does nothing
  TEST_CASE(12, x0, 0,
    lui x0, 0x80000)
  TEST_CASE(13, x14, 0,
    lui x0, 0x12345;
    add x14, x0, x0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
