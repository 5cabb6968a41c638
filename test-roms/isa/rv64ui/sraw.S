// rv64ui sraw: 32-bit shift right arithmetic of rs1[31:0] by rs2[4:0], result sign-extended.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, sraw, 0xffffffff80000000, 0x0000000080000000, 0)
  TEST_RR_OP( 3, sraw, 0xffffffffc0000000, 0x0000000080000000, 1)
  TEST_RR_OP( 4, sraw, 0xffffffffff000000, 0x0000000080000000, 7)
  TEST_RR_OP( 5, sraw, 0xfffffffffffe0000, 0x0000000080000000, 14)
  // the sign is bit 31 of rs1, not bit 63 (bug: 64-bit arithmetic shift)
  TEST_RR_OP( 6, sraw, 0xffffffffffffffff, 0x0000000080000000, 31)
  TEST_RR_OP( 7, sraw, 0x000000007fffffff, 0xffffffff7fffffff, 0)
  TEST_RR_OP( 8, sraw, 0x000000003fffffff, 0xffffffff7fffffff, 1)
  TEST_RR_OP( 9, sraw, 0x0000000000ffffff, 0x000000007fffffff, 7)
  TEST_RR_OP(10, sraw, 0x000000000001ffff, 0x000000007fffffff, 14)
  TEST_RR_OP(11, sraw, 0x0000000000000000, 0x000000007fffffff, 31)
  TEST_RR_OP(12, sraw, 0xffffffff81818181, 0x0000000081818181, 0)
  TEST_RR_OP(13, sraw, 0xffffffffc0c0c0c0, 0x0000000081818181, 1)
  TEST_RR_OP(14, sraw, 0xffffffffff030303, 0x0000000081818181, 7)
  TEST_RR_OP(15, sraw, 0xfffffffffffe0606, 0x0000000081818181, 14)
  TEST_RR_OP(16, sraw, 0xffffffffffffffff, 0x0000000081818181, 31)
  // bit 32 of rs1 does not shift into bit 31
  TEST_RR_OP(17, sraw, 0x0000000000000000, 0x0000000100000000, 1)
  // only rs2[4:0] is used
  TEST_RR_OP(18, sraw, 0xffffffff81818181, 0x0000000081818181, 32)
  TEST_RR_OP(19, sraw, 0xffffffffc0c0c0c0, 0x0000000081818181, 33)
  TEST_RR_OP(20, sraw, 0xffffffffffffffff, 0x0000000081818181, 63)
  TEST_RR_OP(21, sraw, 0xffffffff81818181, 0x0000000081818181, 0xffffffffffffffe0)
  TEST_RR_OP(22, sraw, 0x0000000000000000, 0x000000007fffffff, 0xffffffffffffffff)

  TEST_RR_SRC1_EQ_DEST(23, sraw, 0xffffffffff000000, 0x80000000, 7)
  TEST_RR_SRC2_EQ_DEST(24, sraw, 0xfffffffffffe0000, 0x80000000, 14)
  UI_TEST_RR_SRC12_EQ_DEST(25, sraw, 0, 7)

  UI_TEST_RR_ZEROSRC1(26, sraw, 0, 15)
  UI_TEST_RR_ZEROSRC2(27, sraw, 0xffffffff80000020, 0x0000000080000020)
  UI_TEST_RR_ZEROSRC12(28, sraw, 0)
  TEST_RR_ZERODEST(29, sraw, 1024, 2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
