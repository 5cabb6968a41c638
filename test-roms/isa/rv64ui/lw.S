// rv64ui lw: load word, sign-extended to 64 bits (little-endian).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, lw, 0x0000000000ff00ff, 0, tdat)
  TEST_LD_OP( 3, lw, 0xffffffffff00ff00, 4, tdat)
  TEST_LD_OP( 4, lw, 0x000000000ff00ff0, 8, tdat)
  TEST_LD_OP( 5, lw, 0xfffffffff00ff00f, 12, tdat)
  // 0x80000000 / 0x7fffffff boundary
  TEST_LD_OP( 6, lw, 0xffffffff80000000, 16, tdat)
  TEST_LD_OP( 7, lw, 0x000000007fffffff, 20, tdat)
  TEST_LD_OP( 8, lw, 0xffffffffffffffff, 24, tdat)
  TEST_LD_OP( 9, lw, 0xffffffff80000001, 28, tdat)

  TEST_LD_OP(10, lw, 0x0000000000ff00ff, -28, tdat + 28)
  TEST_LD_OP(11, lw, 0xffffffff80000000, -12, tdat + 28)
  TEST_LD_OP(12, lw, 0x000000007fffffff, -8, tdat + 28)
  TEST_LD_OP(13, lw, 0xffffffff80000001,  0, tdat + 28)
  TEST_LD_OP(14, lw, 0xffffffffff00ff00, 2047, tdat + 4 - 2047)
  TEST_LD_OP(15, lw, 0xffffffff80000000, -2048, tdat + 16 + 2048)

  // byte order: little-endian
  TEST_LD_OP(16, lw, 0x0000000004030201, 0, ledat)
  TEST_LD_OP(17, lw, 0xffffffff88070605, 4, ledat)

  TEST_CASE(18, x2, 0x000000000ff00ff0,
    la x2, tdat + 8;
    lw x2, 0(x2))
  TEST_CASE(19, x0, 0,
    la x2, tdat;
    lw x0, 16(x2))
  TEST_CASE(20, x14, 0x000000007fffffff,
    li x14, -1;
    la x2, tdat;
    lw x14, 20(x2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f
  .word 0x80000000, 0x7fffffff, 0xffffffff, 0x80000001
ledat:
  .byte 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88
RVTEST_DATA_END
