// rv64ui add: 64-bit register-register addition.
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, add, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
  TEST_RR_OP( 3, add, 0x0000000000000002, 0x0000000000000001, 0x0000000000000001)
  TEST_RR_OP( 4, add, 0x000000000000000a, 0x0000000000000003, 0x0000000000000007)
  TEST_RR_OP( 5, add, 0xffffffffffff8000, 0x0000000000000000, 0xffffffffffff8000)
  TEST_RR_OP( 6, add, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)
  // signed overflow wraps silently (no trap, no saturation)
  TEST_RR_OP( 7, add, 0x7fffffffffff8000, 0x8000000000000000, 0xffffffffffff8000)
  TEST_RR_OP( 8, add, 0x0000000000007fff, 0x0000000000000000, 0x0000000000007fff)
  TEST_RR_OP( 9, add, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x0000000000000000)
  TEST_RR_OP(10, add, 0x8000000000007ffe, 0x7fffffffffffffff, 0x0000000000007fff)
  TEST_RR_OP(11, add, 0x8000000000007fff, 0x8000000000000000, 0x0000000000007fff)
  TEST_RR_OP(12, add, 0x7fffffffffff7fff, 0x7fffffffffffffff, 0xffffffffffff8000)
  TEST_RR_OP(13, add, 0xffffffffffffffff, 0x0000000000000000, 0xffffffffffffffff)
  TEST_RR_OP(14, add, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001)
  TEST_RR_OP(15, add, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff)
  TEST_RR_OP(16, add, 0x8000000000000000, 0x0000000000000001, 0x7fffffffffffffff)
  // 64-bit add must not sign-extend from bit 31 (bug: using the W-op path)
  TEST_RR_OP(17, add, 0x0000000080000000, 0x000000007fffffff, 0x0000000000000001)
  // carry out of bit 31 propagates into bit 32 (bug: 32-bit arithmetic)
  TEST_RR_OP(18, add, 0x0000000100000000, 0x00000000ffffffff, 0x0000000000000001)
  TEST_RR_OP(19, add, 0x1111111111111110, 0x0123456789abcdef, 0x0fedcba987654321)

  // source == destination
  TEST_RR_SRC1_EQ_DEST(20, add, 24, 13, 11)
  TEST_RR_SRC2_EQ_DEST(21, add, 25, 14, 11)
  UI_TEST_RR_SRC12_EQ_DEST(22, add, 26, 13)

  // x0 as source reads 0, x0 as destination is never written
  UI_TEST_RR_ZEROSRC1(23, add, 15, 15)
  UI_TEST_RR_ZEROSRC2(24, add, 32, 32)
  UI_TEST_RR_ZEROSRC12(25, add, 0)
  TEST_RR_ZERODEST(26, add, 16, 30)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
