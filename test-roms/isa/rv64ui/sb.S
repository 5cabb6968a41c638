// rv64ui sb: store the low byte of rs2.
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

  TEST_ST_OP( 2, lb,  sb, 0xffffffffffffffaa, 0, tdat)
  TEST_ST_OP( 3, lb,  sb, 0x0000000000000000, 1, tdat)
  TEST_ST_OP( 4, lb,  sb, 0xffffffffffffffa0, 2, tdat)
  TEST_ST_OP( 5, lb,  sb, 0x000000000000000a, 3, tdat)
  TEST_ST_OP( 6, lbu, sb, 0x0000000000000080, 4, tdat)
  // negative offsets
  TEST_ST_OP( 7, lb,  sb, 0xffffffffffffffaa, -3, tdat + 8)
  TEST_ST_OP( 8, lb,  sb, 0x000000000000007f, -1, tdat + 8)
  // 12-bit offset limits: +2047 and -2048 (S-type immediate split in two fields)
  TEST_ST_OP( 9, lb,  sb, 0x0000000000000012, 2047, tdat + 9 - 2047)
  TEST_ST_OP(10, lb,  sb, 0x0000000000000034, -2048, tdat + 10 + 2048)
  TEST_ST_OP(11, lb,  sb, 0xffffffffffffffa5, 0x7a5, tdat + 11 - 0x7a5)
  TEST_ST_OP(12, lb,  sb, 0x000000000000005a, -0x5a5, tdat + 12 + 0x5a5)

  // only the low byte of rs2 is written, the neighbours are untouched
  TEST_ST_GUARD(13, sb, 0x0000000000000012, 0, 0xefefefefefefef12)
  TEST_ST_GUARD(14, sb, 0x123456789abcdef0, 1, 0xefefefefefeff0ef)
  TEST_ST_GUARD(15, sb, 0x0000000000000000, 7, 0x00efefefefefefef)
  TEST_ST_GUARD(16, sb, 0xffffffffffffff80, 4, 0xefefef80efefefef)

  // storing x0 writes zero
  TEST_CASE(17, x14, 0,
    la x2, tdat + 16;
    li x14, -1;
    sb x14, 0(x2);
    sb x0, 0(x2);
    lbu x14, 0(x2))
  // base register as data: stores the low byte of the address
  TEST_CASE(18, x14, 0,
    la x2, tdat + 21;
    sb x2, 0(x2);
    lbu x14, 0(x2);
    andi x15, x2, 0xff;
    sub x14, x14, x15)

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
