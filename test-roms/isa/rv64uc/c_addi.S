// rv64uc c.addi: rd = rd + sext(nzimm6), 64-bit add (any rd).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  UC_TEST_CI_OP( 2, c.addi, 0x0000000000000001, 0x0000000000000000, 1)
  UC_TEST_CI_OP( 3, c.addi, 0xffffffffffffffff, 0x0000000000000000, -1)
  // immediate limits: 31 and -32 (sign bit is instruction bit 12)
  UC_TEST_CI_OP( 4, c.addi, 0x0000000000000029, 0x000000000000000a, 31)
  UC_TEST_CI_OP( 5, c.addi, 0xffffffffffffffea, 0x000000000000000a, -32)
  UC_TEST_CI_OP( 6, c.addi, 0x0000000000000002, 0x0000000000000000, 2)
  UC_TEST_CI_OP( 7, c.addi, 0x0000000000000004, 0x0000000000000000, 4)
  UC_TEST_CI_OP( 8, c.addi, 0x0000000000000008, 0x0000000000000000, 8)
  UC_TEST_CI_OP( 9, c.addi, 0x0000000000000010, 0x0000000000000000, 16)
  // 64-bit add: no sign extension from bit 31, carries reach bit 32 and wrap at bit 63
  UC_TEST_CI_OP(10, c.addi, 0x0000000080000000, 0x000000007fffffff, 1)
  UC_TEST_CI_OP(11, c.addi, 0x0000000100000000, 0x00000000ffffffff, 1)
  UC_TEST_CI_OP(12, c.addi, 0x8000000000000000, 0x7fffffffffffffff, 1)
  UC_TEST_CI_OP(13, c.addi, 0x7fffffffffffffff, 0x8000000000000000, -1)
  UC_TEST_CI_OP(14, c.addi, 0x0000000000000000, 0xffffffffffffffff, 1)
  UC_TEST_CI_OP(15, c.addi, 0x00000000ffffffe0, 0x0000000100000000, -32)

  // other destination registers (rd is a full 5-bit field)
  TEST_CASE(16, x1, 0xfffffffffffffff0,
    li x1, 0;
    c.addi x1, -16)
  TEST_CASE(17, x31, 0x0000000000000114,
    li x31, 0x105;
    c.addi x31, 15)
  TEST_CASE(18, x15, 0x0000000000000000,
    li x15, 32;
    c.addi x15, -32)
  // c.addi on sp is an ordinary c.addi (not c.addi16sp)
  TEST_CASE(19, x2, 0x0000000000001008,
    li sp, 0x1000;
    c.addi sp, 8)

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
