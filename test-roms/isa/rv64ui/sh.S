// rv64ui sh: store the low halfword of rs2 (little-endian).
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

  TEST_ST_OP( 2, lh,  sh, 0x00000000000000aa, 0, tdat)
  TEST_ST_OP( 3, lh,  sh, 0xffffffffffffaa00, 2, tdat)
  TEST_ST_OP( 4, lh,  sh, 0x0000000000000aa0, 4, tdat)
  TEST_ST_OP( 5, lh,  sh, 0xffffffffffffa00a, 6, tdat)
  TEST_ST_OP( 6, lhu, sh, 0x0000000000008000, 8, tdat)
  TEST_ST_OP( 7, lh,  sh, 0x0000000000007fff, 10, tdat)
  // negative offsets
  TEST_ST_OP( 8, lh,  sh, 0xffffffffffffa00a, -6, tdat + 20)
  TEST_ST_OP( 9, lh,  sh, 0x0000000000005aa5, -2, tdat + 20)
  // 12-bit offset limits
  TEST_ST_OP(10, lh,  sh, 0x0000000000001234, 2047, tdat + 20 - 2047)
  TEST_ST_OP(11, lh,  sh, 0xffffffffffffedcb, -2048, tdat + 22 + 2048)

  // only the low halfword is written, little-endian, neighbours untouched
  TEST_ST_GUARD(12, sh, 0x0000000000001234, 0, 0xefefefefefef1234)
  TEST_ST_GUARD(13, sh, 0x123456789abcdef0, 2, 0xefefefefdef0efef)
  TEST_ST_GUARD(14, sh, 0x0000000000000000, 6, 0x0000efefefefefef)
  TEST_ST_GUARD(15, sh, 0xffffffffffff8000, 4, 0xefef8000efefefef)

  // byte order: the low byte goes to the lower address
  TEST_CASE(16, x14, 0x0000000000000034,
    la x2, tdat + 24;
    li x1, 0x1234;
    sh x1, 0(x2);
    lbu x14, 0(x2))
  TEST_CASE(17, x14, 0x0000000000000012,
    lbu x14, 1(x2))
  TEST_CASE(18, x14, 0,
    la x2, tdat + 26;
    li x14, -1;
    sh x14, 0(x2);
    sh x0, 0(x2);
    lhu x14, 0(x2))

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
