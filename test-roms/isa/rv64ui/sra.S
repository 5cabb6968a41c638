// rv64ui sra: 64-bit shift right arithmetic by rs2[5:0].
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, sra, 0x8000000000000000, 0x8000000000000000, 0)
  TEST_RR_OP( 3, sra, 0xc000000000000000, 0x8000000000000000, 1)
  TEST_RR_OP( 4, sra, 0xff00000000000000, 0x8000000000000000, 7)
  TEST_RR_OP( 5, sra, 0xfffe000000000000, 0x8000000000000000, 14)
  TEST_RR_OP( 6, sra, 0xffffffff00000000, 0x8000000000000000, 31)
  TEST_RR_OP( 7, sra, 0xffffffff80000000, 0x8000000000000000, 32)
  TEST_RR_OP( 8, sra, 0xffffffffffffffff, 0x8000000000000000, 63)
  TEST_RR_OP( 9, sra, 0x7fffffffffffffff, 0x7fffffffffffffff, 0)
  TEST_RR_OP(10, sra, 0x3fffffffffffffff, 0x7fffffffffffffff, 1)
  TEST_RR_OP(11, sra, 0x00ffffffffffffff, 0x7fffffffffffffff, 7)
  TEST_RR_OP(12, sra, 0x00000000ffffffff, 0x7fffffffffffffff, 31)
  TEST_RR_OP(13, sra, 0x000000007fffffff, 0x7fffffffffffffff, 32)
  TEST_RR_OP(14, sra, 0x0000000000000000, 0x7fffffffffffffff, 63)
  // the sign is bit 63, not bit 31 (bug: 32-bit arithmetic shift)
  TEST_RR_OP(15, sra, 0x0000000040000000, 0x0000000080000000, 1)
  TEST_RR_OP(16, sra, 0x0000000000000001, 0x0000000080000000, 31)
  TEST_RR_OP(17, sra, 0xc0c0c0c0c0c0c0c0, 0x8181818181818181, 1)
  TEST_RR_OP(18, sra, 0xff03030303030303, 0x8181818181818181, 7)
  TEST_RR_OP(19, sra, 0xffffffff81818181, 0x8181818181818181, 32)
  // only rs2[5:0] is used
  TEST_RR_OP(20, sra, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffc0)
  TEST_RR_OP(21, sra, 0xc000000000000000, 0x8000000000000000, 0xffffffffffffffc1)
  TEST_RR_OP(22, sra, 0x8000000000000000, 0x8000000000000000, 64)
  TEST_RR_OP(23, sra, 0xffffffffffffffff, 0x8000000000000000, 0x000000000000007f)
  TEST_RR_OP(24, sra, 0xffffffffc0000000, 0x8000000000000000, 33)

  TEST_RR_SRC1_EQ_DEST(25, sra, 0xff00000000000000, 0x8000000000000000, 7)
  TEST_RR_SRC2_EQ_DEST(26, sra, 0xfffe000000000000, 0x8000000000000000, 14)
  // shift amount -128 & 63 = 0
  UI_TEST_RR_SRC12_EQ_DEST(27, sra, 0xffffffffffffff80, 0xffffffffffffff80)

  UI_TEST_RR_ZEROSRC1(28, sra, 0, 15)
  UI_TEST_RR_ZEROSRC2(29, sra, 32, 32)
  UI_TEST_RR_ZEROSRC12(30, sra, 0)
  TEST_RR_ZERODEST(31, sra, 1024, 2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
