// rv64ui lh: load halfword, sign-extended to 64 bits (little-endian).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, lh, 0x00000000000000ff, 0, tdat)
  TEST_LD_OP( 3, lh, 0xffffffffffffff00, 2, tdat)
  TEST_LD_OP( 4, lh, 0x0000000000000ff0, 4, tdat)
  TEST_LD_OP( 5, lh, 0xfffffffffffff00f, 6, tdat)
  // 0x8000 / 0x7fff boundary
  TEST_LD_OP( 6, lh, 0xffffffffffff8000, 8, tdat)
  TEST_LD_OP( 7, lh, 0x0000000000007fff, 10, tdat)
  TEST_LD_OP( 8, lh, 0xffffffffffffffff, 12, tdat)
  TEST_LD_OP( 9, lh, 0xffffffffffff8001, 14, tdat)

  // negative offsets
  TEST_LD_OP(10, lh, 0x00000000000000ff, -14, tdat + 14)
  TEST_LD_OP(11, lh, 0xffffffffffff8000, -6, tdat + 14)
  TEST_LD_OP(12, lh, 0x0000000000007fff, -4, tdat + 14)
  TEST_LD_OP(13, lh, 0xffffffffffff8001,  0, tdat + 14)
  // 12-bit offset limits (the base itself is odd, the sum is aligned)
  TEST_LD_OP(14, lh, 0xffffffffffffff00, 2047, tdat + 2 - 2047)
  TEST_LD_OP(15, lh, 0xffffffffffff8000, -2048, tdat + 8 + 2048)

  // byte order: little-endian
  TEST_LD_OP(16, lh, 0x0000000000000201, 0, ledat)
  TEST_LD_OP(17, lh, 0x0000000000000403, 2, ledat)
  TEST_LD_OP(18, lh, 0xffffffffffff8807, 6, ledat)

  TEST_CASE(19, x2, 0x0000000000007fff,
    la x2, tdat + 10;
    lh x2, 0(x2))
  TEST_CASE(20, x0, 0,
    la x2, tdat;
    lh x0, 8(x2))
  TEST_CASE(21, x14, 0x0000000000000ff0,
    li x14, -1;
    la x2, tdat;
    lh x14, 4(x2))

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
