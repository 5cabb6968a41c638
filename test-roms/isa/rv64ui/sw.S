// rv64ui sw: store the low word of rs2 (little-endian).
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

  TEST_ST_OP( 2, lw,  sw, 0x0000000000aa00aa, 0, tdat)
  TEST_ST_OP( 3, lw,  sw, 0xffffffffaa00aa00, 4, tdat)
  TEST_ST_OP( 4, lw,  sw, 0x000000000aa00aa0, 8, tdat)
  TEST_ST_OP( 5, lw,  sw, 0xffffffffa00aa00a, 12, tdat)
  // 0x80000000 stored and read back signed and unsigned
  TEST_ST_OP( 6, lw,  sw, 0xffffffff80000000, 16, tdat)
  TEST_ST_OP( 7, lwu, sw, 0x0000000080000000, 20, tdat)
  // negative offsets
  TEST_ST_OP( 8, lw,  sw, 0x0000000012345678, -8, tdat + 32)
  TEST_ST_OP( 9, lw,  sw, 0x0000000058213098, -4, tdat + 32)
  // 12-bit offset limits
  TEST_ST_OP(10, lw,  sw, 0x000000007fffffff, 2047, tdat + 32 - 2047)
  TEST_ST_OP(11, lw,  sw, 0xffffffff80000001, -2048, tdat + 36 + 2048)

  // only the low word is written, little-endian, neighbours untouched
  TEST_ST_GUARD(12, sw, 0x0000000012345678, 0, 0xefefefef12345678)
  TEST_ST_GUARD(13, sw, 0x123456789abcdef0, 4, 0x9abcdef0efefefef)
  TEST_ST_GUARD(14, sw, 0xffffffff80000000, 0, 0xefefefef80000000)

  // byte order
  TEST_CASE(15, x14, 0x0000000000000078,
    la x2, tdat + 40;
    li x1, 0x12345678;
    sw x1, 0(x2);
    lbu x14, 0(x2))
  TEST_CASE(16, x14, 0x0000000000001234,
    lhu x14, 2(x2))
  TEST_CASE(17, x14, 0,
    la x2, tdat + 44;
    li x14, -1;
    sw x14, 0(x2);
    sw x0, 0(x2);
    lwu x14, 0(x2))

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
