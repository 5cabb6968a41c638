// rv64ui lhu: load halfword, zero-extended to 64 bits (little-endian).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, lhu, 0x00000000000000ff, 0, tdat)
  TEST_LD_OP( 3, lhu, 0x000000000000ff00, 2, tdat)
  TEST_LD_OP( 4, lhu, 0x0000000000000ff0, 4, tdat)
  TEST_LD_OP( 5, lhu, 0x000000000000f00f, 6, tdat)
  // no sign extension (bug: treating lhu like lh)
  TEST_LD_OP( 6, lhu, 0x0000000000008000, 8, tdat)
  TEST_LD_OP( 7, lhu, 0x0000000000007fff, 10, tdat)
  TEST_LD_OP( 8, lhu, 0x000000000000ffff, 12, tdat)
  TEST_LD_OP( 9, lhu, 0x0000000000008001, 14, tdat)

  TEST_LD_OP(10, lhu, 0x00000000000000ff, -14, tdat + 14)
  TEST_LD_OP(11, lhu, 0x0000000000008000, -6, tdat + 14)
  TEST_LD_OP(12, lhu, 0x0000000000007fff, -4, tdat + 14)
  TEST_LD_OP(13, lhu, 0x0000000000008001,  0, tdat + 14)
  TEST_LD_OP(14, lhu, 0x000000000000ff00, 2047, tdat + 2 - 2047)
  TEST_LD_OP(15, lhu, 0x0000000000008000, -2048, tdat + 8 + 2048)

  TEST_LD_OP(16, lhu, 0x0000000000000201, 0, ledat)
  TEST_LD_OP(17, lhu, 0x0000000000000403, 2, ledat)
  TEST_LD_OP(18, lhu, 0x0000000000008807, 6, ledat)

  TEST_CASE(19, x2, 0x000000000000f00f,
    la x2, tdat + 6;
    lhu x2, 0(x2))
  TEST_CASE(20, x0, 0,
    la x2, tdat;
    lhu x0, 8(x2))
  TEST_CASE(21, x14, 0x000000000000ffff,
    li x14, -1;
    la x2, tdat;
    lhu x14, 12(x2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .half 0x00ff, 0xff00, 0x0ff0, 0xf00f, 0x8000, 0x7fff, 0xffff, 0x8001
ledat:
  .byte 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88
RVTEST_DATA_END
