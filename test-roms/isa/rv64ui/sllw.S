// rv64ui sllw: 32-bit shift left logical by rs2[4:0], result sign-extended.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, sllw, 0x0000000000000001, 0x0000000000000001, 0)
  TEST_RR_OP( 3, sllw, 0x0000000000000002, 0x0000000000000001, 1)
  TEST_RR_OP( 4, sllw, 0x0000000000000080, 0x0000000000000001, 7)
  TEST_RR_OP( 5, sllw, 0x0000000000004000, 0x0000000000000001, 14)
  // result bit 31 set: sign-extended
  TEST_RR_OP( 6, sllw, 0xffffffff80000000, 0x0000000000000001, 31)
  TEST_RR_OP( 7, sllw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
  TEST_RR_OP( 8, sllw, 0xfffffffffffffffe, 0xffffffffffffffff, 1)
  TEST_RR_OP( 9, sllw, 0xffffffffffffff80, 0xffffffffffffffff, 7)
  TEST_RR_OP(10, sllw, 0xffffffff80000000, 0xffffffffffffffff, 31)
  TEST_RR_OP(11, sllw, 0x0000000021212121, 0x0000000021212121, 0)
  TEST_RR_OP(12, sllw, 0x0000000042424242, 0x0000000021212121, 1)
  TEST_RR_OP(13, sllw, 0xffffffff90909080, 0x0000000021212121, 7)
  TEST_RR_OP(14, sllw, 0x0000000048484000, 0x0000000021212121, 14)
  TEST_RR_OP(15, sllw, 0xffffffff80000000, 0x0000000021212121, 31)
  // bits shifted out of bit 31 are lost, not kept in bits 63:32
  TEST_RR_OP(16, sllw, 0x0000000000000002, 0x0000000180000001, 1)
  TEST_RR_OP(17, sllw, 0xfffffffffffffff0, 0x00000000ffffffff, 4)
  // upper bits of rs1 are ignored
  TEST_RR_OP(18, sllw, 0x0000000012345678, 0xffffffff12345678, 0)
  // only rs2[4:0] is used (bug: using 6 bits like the 64-bit shifts)
  TEST_RR_OP(19, sllw, 0x0000000021212121, 0x0000000021212121, 32)
  TEST_RR_OP(20, sllw, 0x0000000042424242, 0x0000000021212121, 33)
  TEST_RR_OP(21, sllw, 0xffffffff80000000, 0x0000000021212121, 63)
  TEST_RR_OP(22, sllw, 0x0000000021212121, 0x0000000021212121, 0xffffffffffffffe0)
  TEST_RR_OP(23, sllw, 0xffffffff90909080, 0x0000000021212121, 0xffffffffffffffe7)
  TEST_RR_OP(24, sllw, 0xffffffff80000000, 0x0000000000000001, 0xffffffffffffffff)

  TEST_RR_SRC1_EQ_DEST(25, sllw, 0x00000080, 0x00000001, 7)
  TEST_RR_SRC2_EQ_DEST(26, sllw, 0x00004000, 0x00000001, 14)
  UI_TEST_RR_SRC12_EQ_DEST(27, sllw, 24, 3)

  UI_TEST_RR_ZEROSRC1(28, sllw, 0, 15)
  UI_TEST_RR_ZEROSRC2(29, sllw, 0xffffffff80000020, 0x0000000080000020)
  UI_TEST_RR_ZEROSRC12(30, sllw, 0)
  TEST_RR_ZERODEST(31, sllw, 1024, 2048)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
