// rv64ui addiw: 32-bit add of a sign-extended immediate; the 32-bit result is
// sign-extended to 64 bits and the upper 32 bits of rs1 are ignored.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, addiw, 0x0000000000000000, 0x0000000000000000, 0x000)
  TEST_IMM_OP( 3, addiw, 0x0000000000000002, 0x0000000000000001, 0x001)
  TEST_IMM_OP( 4, addiw, 0x000000000000000a, 0x0000000000000003, 0x007)
  TEST_IMM_OP( 5, addiw, 0xfffffffffffff800, 0x0000000000000000, 0x800)
  TEST_IMM_OP( 6, addiw, 0x00000000000007ff, 0x0000000000000000, 0x7ff)
  // result with bit 31 set must be sign-extended (bug: zero-extending W results)
  TEST_IMM_OP( 7, addiw, 0xffffffff80000000, 0x000000007fffffff, 0x001)
  TEST_IMM_OP( 8, addiw, 0xffffffff800007fe, 0x000000007fffffff, 0x7ff)
  TEST_IMM_OP( 9, addiw, 0x000000007fffffff, 0x0000000080000000, 0xfff)
  TEST_IMM_OP(10, addiw, 0x000000007ffff800, 0x0000000080000000, 0x800)
  // 32-bit wrap-around: no carry into bit 32
  TEST_IMM_OP(11, addiw, 0x0000000000000000, 0x00000000ffffffff, 0x001)
  TEST_IMM_OP(12, addiw, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfff)
  // addiw rd, rs1, 0 is sext.w: upper input bits are discarded
  TEST_IMM_OP(13, addiw, 0xffffffffffffffff, 0x00000000ffffffff, 0x000)
  TEST_IMM_OP(14, addiw, 0x000000000000000a, 0x123456780000000a, 0x000)
  TEST_IMM_OP(15, addiw, 0xffffffff80000000, 0x0000000080000000, 0x000)
  TEST_IMM_OP(16, addiw, 0x000000007fffffff, 0xffffffff7fffffff, 0x000)
  TEST_IMM_OP(17, addiw, 0xffffffff9abcd5e1, 0x123456789abcd000, 0x5e1)

  TEST_IMM_SRC1_EQ_DEST(18, addiw, 0xffffffff80000000, 0x7ffff801, 0x7ff)
  TEST_IMM_SRC1_EQ_DEST(19, addiw, 24, 13, 11)
  UI_TEST_IMM_ZEROSRC1(20, addiw, 32, 32)
  UI_TEST_IMM_ZEROSRC1(21, addiw, 0xfffffffffffff800, 0x800)
  TEST_IMM_ZERODEST(22, addiw, 0x7fffffff, 1)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
