// rv64ui sraiw: 32-bit shift right arithmetic of rs1[31:0] by a 5-bit immediate, result sign-extended.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, sraiw, 0xffffffff80000000, 0x0000000080000000, 0)
  TEST_IMM_OP( 3, sraiw, 0xffffffffc0000000, 0x0000000080000000, 1)
  TEST_IMM_OP( 4, sraiw, 0xffffffffff000000, 0x0000000080000000, 7)
  TEST_IMM_OP( 5, sraiw, 0xfffffffffffe0000, 0x0000000080000000, 14)
  // the sign is bit 31 of rs1, not bit 63 (bug: 64-bit arithmetic shift)
  TEST_IMM_OP( 6, sraiw, 0xffffffffffffffff, 0x0000000080000000, 31)
  TEST_IMM_OP( 7, sraiw, 0xfffffffff8000000, 0x0000000080000000, 4)
  TEST_IMM_OP( 8, sraiw, 0x0000000007ffffff, 0xffffffff7fffffff, 4)
  TEST_IMM_OP( 9, sraiw, 0x000000007fffffff, 0xffffffff7fffffff, 0)
  TEST_IMM_OP(10, sraiw, 0x0000000000ffffff, 0x000000007fffffff, 7)
  TEST_IMM_OP(11, sraiw, 0x0000000000000000, 0x000000007fffffff, 31)
  TEST_IMM_OP(12, sraiw, 0xffffffff81818181, 0x0000000081818181, 0)
  TEST_IMM_OP(13, sraiw, 0xffffffffc0c0c0c0, 0x0000000081818181, 1)
  TEST_IMM_OP(14, sraiw, 0xffffffffff030303, 0x0000000081818181, 7)
  TEST_IMM_OP(15, sraiw, 0xfffffffffffe0606, 0x0000000081818181, 14)
  TEST_IMM_OP(16, sraiw, 0xffffffffffffffff, 0x0000000081818181, 31)
  // bit 32 of rs1 does not shift into bit 31
  TEST_IMM_OP(17, sraiw, 0x0000000000000000, 0x0000000100000000, 1)

  TEST_IMM_SRC1_EQ_DEST(18, sraiw, 0xffffffffff000000, 0x80000000, 7)
  UI_TEST_IMM_ZEROSRC1(19, sraiw, 0, 31)
  TEST_IMM_ZERODEST(20, sraiw, 31, 28)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
