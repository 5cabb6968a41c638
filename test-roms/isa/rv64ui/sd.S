// rv64ui sd: store doubleword (little-endian).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

// Fill the doubleword at gdat with a guard pattern, store `val` with `st` at
// gdat + off, then read back the whole doubleword: only the stored bytes may change
// (bug: a store that writes a wider access than its size).
#define TEST_ST_GUARD(testnum, st, val, off, result)                    \
        TEST_CASE(testnum, x14, result,                                 \
          la x2, gdat;                                                  \
          li x6, 0xefefefefefefefef;                                    \
          sd x6, 0(x2);                                                 \
          li x1, MASK_XLEN(val);                                        \
          st x1, off(x2);                                               \
          ld x14, 0(x2))

RVTEST_CODE_BEGIN

  TEST_ST_OP( 2, ld, sd, 0x00aa00aa00aa00aa, 0, tdat)
  TEST_ST_OP( 3, ld, sd, 0xaa00aa00aa00aa00, 8, tdat)
  TEST_ST_OP( 4, ld, sd, 0x0aa00aa00aa00aa0, 16, tdat)
  TEST_ST_OP( 5, ld, sd, 0xa00aa00aa00aa00a, 24, tdat)
  // negative offsets
  TEST_ST_OP( 6, ld, sd, 0x8000000000000000, -8, tdat + 40)
  TEST_ST_OP( 7, ld, sd, 0x7fffffffffffffff, -16, tdat + 40)
  // 12-bit offset limits
  TEST_ST_OP( 8, ld, sd, 0x0123456789abcdef, 2047, tdat + 40 - 2047)
  TEST_ST_OP( 9, ld, sd, 0xfedcba9876543210, -2048, tdat + 48 + 2048)

  // the full 64 bits are stored (bug: sd implemented as a 32-bit store);
  // neighbouring doublewords are untouched
  TEST_CASE(10, x14, 0xffffffff00000000,
    la x2, gdat;
    li x6, 0xefefefefefefefef;
    sd x6, 0(x2);
    sd x6, 8(x2);
    sd x6, 16(x2);
    li x1, 0xffffffff00000000;
    sd x1, 8(x2);
    ld x14, 8(x2))
  TEST_CASE(11, x14, 0xefefefefefefefef,
    ld x14, 0(x2))
  TEST_CASE(12, x14, 0xefefefefefefefef,
    ld x14, 16(x2))

  // byte order: little-endian
  TEST_CASE(13, x14, 0x00000000000000ef,
    la x2, tdat + 56;
    li x1, 0x0123456789abcdef;
    sd x1, 0(x2);
    lbu x14, 0(x2))
  TEST_CASE(14, x14, 0x0000000001234567,
    lwu x14, 4(x2))
  TEST_CASE(15, x14, 0x0000000000000001,
    lbu x14, 7(x2))
  TEST_CASE(16, x14, 0,
    li x14, -1;
    sd x14, 0(x2);
    sd x0, 0(x2);
    ld x14, 0(x2))
  // base register as data
  TEST_CASE(17, x14, 0,
    sd x2, 0(x2);
    ld x14, 0(x2);
    sub x14, x14, x2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
tdat:
  .fill 64, 1, 0xef
gdat:
  .dword 0, 0, 0
RVTEST_DATA_END
