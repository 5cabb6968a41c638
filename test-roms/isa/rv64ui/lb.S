// rv64ui lb: load byte, sign-extended to 64 bits.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, lb, 0xffffffffffffffff, 0, tdat)
  TEST_LD_OP( 3, lb, 0x0000000000000000, 1, tdat)
  TEST_LD_OP( 4, lb, 0xfffffffffffffff0, 2, tdat)
  TEST_LD_OP( 5, lb, 0x000000000000000f, 3, tdat)
  // 0x80 is the smallest negative byte, 0x7f the largest positive one
  TEST_LD_OP( 6, lb, 0xffffffffffffff80, 4, tdat)
  TEST_LD_OP( 7, lb, 0x000000000000007f, 5, tdat)
  TEST_LD_OP( 8, lb, 0x0000000000000001, 6, tdat)
  TEST_LD_OP( 9, lb, 0xffffffffffffff81, 7, tdat)

  // negative offsets
  TEST_LD_OP(10, lb, 0xffffffffffffffff, -7, tdat + 7)
  TEST_LD_OP(11, lb, 0xffffffffffffff80, -3, tdat + 7)
  TEST_LD_OP(12, lb, 0x000000000000007f, -2, tdat + 7)
  TEST_LD_OP(13, lb, 0xffffffffffffff81,  0, tdat + 7)
  // largest and most negative 12-bit offsets
  TEST_LD_OP(14, lb, 0xffffffffffffffff, 2047, tdat - 2047)
  TEST_LD_OP(15, lb, 0xffffffffffffff80, -2048, tdat + 4 + 2048)

  // destination == base register
  TEST_CASE(16, x2, 0x000000000000007f,
    la x2, tdat + 5;
    lb x2, 0(x2))
  // load into x0: x0 stays 0 (and the load does not trap)
  TEST_CASE(17, x0, 0,
    la x2, tdat;
    lb x0, 0(x2))
  // the whole destination register is replaced
  TEST_CASE(18, x14, 0x0000000000000001,
    li x14, -1;
    la x2, tdat;
    lb x14, 6(x2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
tdat:
  .byte 0xff, 0x00, 0xf0, 0x0f, 0x80, 0x7f, 0x01, 0x81
RVTEST_DATA_END
