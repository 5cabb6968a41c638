// rv64ui srlw: 32-bit shift right logical of rs1[31:0] by rs2[4:0], result sign-extended.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, srlw, 0xffffffff80000000, 0x0000000080000000, 0)
  TEST_RR_OP( 3, srlw, 0x0000000040000000, 0x0000000080000000, 1)
  TEST_RR_OP( 4, srlw, 0x0000000001000000, 0x0000000080000000, 7)
  TEST_RR_OP( 5, srlw, 0x0000000000020000, 0x0000000080000000, 14)
  TEST_RR_OP( 6, srlw, 0x0000000000000001, 0x0000000080000000, 31)
  // zeros are shifted in at bit 31, not rs1[32] (bug: 64-bit shift then truncate)
  TEST_RR_OP( 7, srlw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
  TEST_RR_OP( 8, srlw, 0x000000007fffffff, 0xffffffffffffffff, 1)
  TEST_RR_OP( 9, srlw, 0x0000000001ffffff, 0xffffffffffffffff, 7)
  TEST_RR_OP(10, srlw, 0x000000000003ffff, 0xffffffffffffffff, 14)
  TEST_RR_OP(11, srlw, 0x0000000000000001, 0xffffffffffffffff, 31)
  TEST_RR_OP(12, srlw, 0x0000000000000000, 0x0000000100000000, 1)
  TEST_RR_OP(13, srlw, 0x0000000021212121, 0xffffffff21212121, 0)
  TEST_RR_OP(14, srlw, 0x0000000010909090, 0x0000000021212121, 1)
  TEST_RR_OP(15, srlw, 0x0000000000424242, 0x1234567821212121, 7)
  TEST_RR_OP(16, srlw, 0x0000000000008484, 0x0000000021212121, 14)
  TEST_RR_OP(17, srlw, 0x0000000000000000, 0x0000000021212121, 31)
  // only rs2[4:0] is used
  TEST_RR_OP(18, srlw, 0xffffffff80000000, 0x0000000080000000, 32)
  TEST_RR_OP(19, srlw, 0x000000007fffffff, 0xffffffffffffffff, 33)
  TEST_RR_OP(20, srlw, 0x0000000000000001, 0x0000000080000000, 63)
  TEST_RR_OP(21, srlw, 0xffffffff80000000, 0x0000000080000000, 0xffffffffffffffe0)
  TEST_RR_OP(22, srlw, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff)

  TEST_RR_SRC1_EQ_DEST(23, srlw, 0x01000000, 0x80000000, 7)
  TEST_RR_SRC2_EQ_DEST(24, srlw, 0x00020000, 0x80000000, 14)
  UI_TEST_RR_SRC12_EQ_DEST(25, srlw, 0, 7)

  UI_TEST_RR_ZEROSRC1(26, srlw, 0, 15)
  UI_TEST_RR_ZEROSRC2(27, srlw, 0xffffffff80000020, 0x0000000080000020)
  UI_TEST_RR_ZEROSRC12(28, srlw, 0)
  TEST_RR_ZERODEST(29, srlw, 1024, 2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
