// rv64ui lbu: load byte, zero-extended to 64 bits.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, lbu, 0x00000000000000ff, 0, tdat)
  TEST_LD_OP( 3, lbu, 0x0000000000000000, 1, tdat)
  TEST_LD_OP( 4, lbu, 0x00000000000000f0, 2, tdat)
  TEST_LD_OP( 5, lbu, 0x000000000000000f, 3, tdat)
  // no sign extension of 0x80 / 0x81 / 0xff (bug: treating lbu like lb)
  TEST_LD_OP( 6, lbu, 0x0000000000000080, 4, tdat)
  TEST_LD_OP( 7, lbu, 0x000000000000007f, 5, tdat)
  TEST_LD_OP( 8, lbu, 0x0000000000000001, 6, tdat)
  TEST_LD_OP( 9, lbu, 0x0000000000000081, 7, tdat)

  // negative offsets
  TEST_LD_OP(10, lbu, 0x00000000000000ff, -7, tdat + 7)
  TEST_LD_OP(11, lbu, 0x0000000000000080, -3, tdat + 7)
  TEST_LD_OP(12, lbu, 0x000000000000007f, -2, tdat + 7)
  TEST_LD_OP(13, lbu, 0x0000000000000081,  0, tdat + 7)
  TEST_LD_OP(14, lbu, 0x00000000000000ff, 2047, tdat - 2047)
  TEST_LD_OP(15, lbu, 0x0000000000000080, -2048, tdat + 4 + 2048)

  TEST_CASE(16, x2, 0x00000000000000f0,
    la x2, tdat + 2;
    lbu x2, 0(x2))
  TEST_CASE(17, x0, 0,
    la x2, tdat;
    lbu x0, 0(x2))
  // the upper 56 bits of the destination are cleared
  TEST_CASE(18, x14, 0x0000000000000081,
    li x14, -1;
    la x2, tdat;
    lbu x14, 7(x2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
tdat:
  .byte 0xff, 0x00, 0xf0, 0x0f, 0x80, 0x7f, 0x01, 0x81
RVTEST_DATA_END
