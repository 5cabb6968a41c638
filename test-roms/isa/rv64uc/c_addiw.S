// rv64uc c.addiw: rd = sext32(rd[31:0] + sext(imm6)); imm may be 0 (sext.w); RV64 only.
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  // 32-bit result with bit 31 set is sign-extended
  UC_TEST_CI_OP( 2, c.addiw, 0xffffffff80000000, 0x000000007fffffff, 1)
  UC_TEST_CI_OP( 3, c.addiw, 0xffffffff80000000, 0x000000007fffffe1, 31)
  // c.addiw rd, 0 is sext.w
  UC_TEST_CI_OP( 4, c.addiw, 0xffffffffffffffff, 0x00000000ffffffff, 0)
  UC_TEST_CI_OP( 5, c.addiw, 0xffffffff80000000, 0x1234567880000000, 0)
  UC_TEST_CI_OP( 6, c.addiw, 0x000000007fffffff, 0xffffffff7fffffff, 0)
  UC_TEST_CI_OP( 7, c.addiw, 0x0000000000000005, 0xabcdef0000000005, 0)
  // negative immediates
  UC_TEST_CI_OP( 8, c.addiw, 0x000000007fffffff, 0x0000000080000000, -1)
  UC_TEST_CI_OP( 9, c.addiw, 0xffffffffffffffe0, 0x0000000000000000, -32)
  UC_TEST_CI_OP(10, c.addiw, 0x0000000000000004, 0x0000000000000005, -1)
  // upper input bits ignored, 32-bit wrap-around
  UC_TEST_CI_OP(11, c.addiw, 0x000000000000001f, 0xffffffff00000000, 31)
  UC_TEST_CI_OP(12, c.addiw, 0x0000000000000000, 0x00000000ffffffff, 1)
  UC_TEST_CI_OP(13, c.addiw, 0x000000007fffffff, 0x000000008000001f, -32)

  TEST_CASE(14, x31, 0x000000007fffffff,
    li x31, 0x80000001;
    c.addiw x31, -2)
  TEST_CASE(15, x1, 0xffffffff80000000,
    li x1, 0x7ffffff0;
    c.addiw x1, 16)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
