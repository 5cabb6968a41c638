// rv64uc c.addi16sp: sp = sp + sext(nzimm) (multiple of 16, -512..496), 64-bit add.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

#define TEST_C_ADDI16SP(testnum, result, spval, imm)                    \
        TEST_CASE(testnum, x2, result,                                  \
          li sp, MASK_XLEN(spval);                                      \
          c.addi16sp sp, imm)

RVTEST_CODE_BEGIN

  // one case per immediate bit (CI immediate scrambled as nzimm[9|4|6|8:7|5])
  TEST_C_ADDI16SP( 2, 0x0000000000001010, 0x1000, 16)
  TEST_C_ADDI16SP( 3, 0x0000000000001020, 0x1000, 32)
  TEST_C_ADDI16SP( 4, 0x0000000000001040, 0x1000, 64)
  TEST_C_ADDI16SP( 5, 0x0000000000001080, 0x1000, 128)
  TEST_C_ADDI16SP( 6, 0x0000000000001100, 0x1000, 256)
  // limits: largest positive 496, most negative -512 (sign-extended to 64 bits)
  TEST_C_ADDI16SP( 7, 0x00000000000011f0, 0x1000, 496)
  TEST_C_ADDI16SP( 8, 0x0000000000000e00, 0x1000, -512)
  TEST_C_ADDI16SP( 9, 0x0000000000000ff0, 0x1000, -16)
  TEST_C_ADDI16SP(10, 0x0000000000000e10, 0x1000, -496)
  TEST_C_ADDI16SP(11, 0xfffffffffffffe00, 0x0000000000000000, -512)
  // 64-bit add: no sign extension from bit 31, carry through bit 63
  TEST_C_ADDI16SP(12, 0x0000000080000000, 0x000000007ffffff0, 16)
  TEST_C_ADDI16SP(13, 0x0000000000000000, 0xfffffffffffffff0, 16)
  TEST_C_ADDI16SP(14, 0x00000000fffffe00, 0x0000000100000000, -512)
  TEST_C_ADDI16SP(15, 0x0000000000001150, 0x1000, 0x150)
  TEST_C_ADDI16SP(16, 0x00000000000010a0, 0x1000, 0xa0)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
