// rv64ui ld: load doubleword (little-endian).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, ld, 0x00ff00ff00ff00ff, 0, tdat)
  TEST_LD_OP( 3, ld, 0xff00ff00ff00ff00, 8, tdat)
  TEST_LD_OP( 4, ld, 0x0ff00ff00ff00ff0, 16, tdat)
  TEST_LD_OP( 5, ld, 0xf00ff00ff00ff00f, 24, tdat)
  TEST_LD_OP( 6, ld, 0x8000000000000000, 32, tdat)
  TEST_LD_OP( 7, ld, 0x7fffffffffffffff, 40, tdat)
  // the upper word is really loaded (bug: ld implemented as a 32-bit load)
  TEST_LD_OP( 8, ld, 0x00000000ffffffff, 48, tdat)
  TEST_LD_OP( 9, ld, 0xffffffff00000000, 56, tdat)

  TEST_LD_OP(10, ld, 0x00ff00ff00ff00ff, -56, tdat + 56)
  TEST_LD_OP(11, ld, 0x8000000000000000, -24, tdat + 56)
  TEST_LD_OP(12, ld, 0x7fffffffffffffff, -16, tdat + 56)
  TEST_LD_OP(13, ld, 0xffffffff00000000,  0, tdat + 56)
  TEST_LD_OP(14, ld, 0xff00ff00ff00ff00, 2047, tdat + 8 - 2047)
  TEST_LD_OP(15, ld, 0x8000000000000000, -2048, tdat + 32 + 2048)

  // byte order: little-endian
  TEST_LD_OP(16, ld, 0x8807060504030201, 0, ledat)

  TEST_CASE(17, x2, 0x0ff00ff00ff00ff0,
    la x2, tdat + 16;
    ld x2, 0(x2))
  TEST_CASE(18, x0, 0,
    la x2, tdat;
    ld x0, 32(x2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .dword 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf00ff00ff00ff00f
  .dword 0x8000000000000000, 0x7fffffffffffffff, 0x00000000ffffffff, 0xffffffff00000000
ledat:
  .byte 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88
RVTEST_DATA_END
