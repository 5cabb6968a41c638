# AMOMAXU.D: rd = M[rs1]; M[rs1] = unsigned max(M[rs1], rs2).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_D( 2, amomaxu.d, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002)
  # unsigned: 2^64-1 > 0 (a signed compare picks 0)
  TEST_AMO_D( 3, amomaxu.d, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
  # unsigned: 2^63 > 2^63-1
  TEST_AMO_D( 4, amomaxu.d, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
  # 64-bit compare
  TEST_AMO_D( 5, amomaxu.d, 0x0000000100000000, 0x0000000100000000, 0x0000000100000000, 0x00000000ffffffff)
  TEST_AMO_D( 6, amomaxu.d, 0x0000000000000000, 0xfffffffffffffffe, 0x0000000000000000, 0xfffffffffffffffe)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 7, amomaxu.d, ld, sd, x0, 0, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 8, AMO_GUARD_D)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 8, amomaxu.d, ld, sd, x12, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 8, AMO_GUARD_D)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 9, amomaxu.d, ld, sd, x13, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 8, AMO_GUARD_D)
  # Second doubleword (offset 8).
  TEST_AMO_GEN(10, amomaxu.d, ld, sd, x14, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 8, 0, AMO_GUARD_D)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
