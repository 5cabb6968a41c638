// rv64ui slliw: 32-bit shift left logical by a 5-bit immediate, result sign-extended.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, slliw, 0x0000000000000001, 0x0000000000000001, 0)
  TEST_IMM_OP( 3, slliw, 0x0000000000000002, 0x0000000000000001, 1)
  TEST_IMM_OP( 4, slliw, 0x0000000000000080, 0x0000000000000001, 7)
  TEST_IMM_OP( 5, slliw, 0x0000000000004000, 0x0000000000000001, 14)
  // result bit 31 set: sign-extended
  TEST_IMM_OP( 6, slliw, 0xffffffff80000000, 0x0000000000000001, 31)
  TEST_IMM_OP( 7, slliw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
  TEST_IMM_OP( 8, slliw, 0xfffffffffffffffe, 0xffffffffffffffff, 1)
  TEST_IMM_OP( 9, slliw, 0xffffffffffffff80, 0xffffffffffffffff, 7)
  TEST_IMM_OP(10, slliw, 0xffffffff80000000, 0xffffffffffffffff, 31)
  TEST_IMM_OP(11, slliw, 0x0000000021212121, 0x0000000021212121, 0)
  TEST_IMM_OP(12, slliw, 0x0000000042424242, 0x0000000021212121, 1)
  TEST_IMM_OP(13, slliw, 0xffffffff90909080, 0x0000000021212121, 7)
  TEST_IMM_OP(14, slliw, 0x0000000048484000, 0x0000000021212121, 14)
  TEST_IMM_OP(15, slliw, 0xffffffff80000000, 0x0000000021212121, 31)
  // bits shifted out of bit 31 are lost, upper input bits ignored
  TEST_IMM_OP(16, slliw, 0x0000000000000002, 0x0000000180000001, 1)
  TEST_IMM_OP(17, slliw, 0xfffffffffffffff0, 0x00000000ffffffff, 4)
  // slliw by 0 is a sign-extension of the low word
  TEST_IMM_OP(18, slliw, 0x0000000012345678, 0xffffffff12345678, 0)
  TEST_IMM_OP(19, slliw, 0xffffffff80000000, 0x0000000080000000, 0)

  TEST_IMM_SRC1_EQ_DEST(20, slliw, 0x00000080, 0x00000001, 7)
  UI_TEST_IMM_ZEROSRC1(21, slliw, 0, 31)
  TEST_IMM_ZERODEST(22, slliw, 31, 28)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
