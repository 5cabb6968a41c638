// rv64ui srliw: 32-bit shift right logical of rs1[31:0] by a 5-bit immediate, result sign-extended.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  // srliw by 0 still sign-extends bit 31 of the result
  TEST_IMM_OP( 2, srliw, 0xffffffff80000000, 0x0000000080000000, 0)
  TEST_IMM_OP( 3, srliw, 0x0000000040000000, 0x0000000080000000, 1)
  TEST_IMM_OP( 4, srliw, 0x0000000001000000, 0x0000000080000000, 7)
  TEST_IMM_OP( 5, srliw, 0x0000000000020000, 0x0000000080000000, 14)
  TEST_IMM_OP( 6, srliw, 0x0000000000000001, 0x0000000080000000, 31)
  // zeros are shifted in at bit 31, not rs1[32] (bug: 64-bit shift then truncate)
  TEST_IMM_OP( 7, srliw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
  TEST_IMM_OP( 8, srliw, 0x000000007fffffff, 0xffffffffffffffff, 1)
  TEST_IMM_OP( 9, srliw, 0x0000000001ffffff, 0xffffffffffffffff, 7)
  TEST_IMM_OP(10, srliw, 0x000000000003ffff, 0xffffffffffffffff, 14)
  TEST_IMM_OP(11, srliw, 0x0000000000000001, 0xffffffffffffffff, 31)
  TEST_IMM_OP(12, srliw, 0x0000000000000000, 0x0000000100000000, 1)
  TEST_IMM_OP(13, srliw, 0x0000000021212121, 0xffffffff21212121, 0)
  TEST_IMM_OP(14, srliw, 0x0000000010909090, 0x0000000021212121, 1)
  TEST_IMM_OP(15, srliw, 0x0000000000424242, 0x1234567821212121, 7)
  TEST_IMM_OP(16, srliw, 0x0000000000008484, 0x0000000021212121, 14)
  TEST_IMM_OP(17, srliw, 0x0000000000000000, 0x0000000021212121, 31)

  TEST_IMM_SRC1_EQ_DEST(18, srliw, 0x01000000, 0x80000000, 7)
  UI_TEST_IMM_ZEROSRC1(19, srliw, 0, 31)
  TEST_IMM_ZERODEST(20, srliw, 31, 28)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
