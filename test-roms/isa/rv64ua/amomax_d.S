# AMOMAX.D: rd = M[rs1]; M[rs1] = signed max(M[rs1], rs2).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_D( 2, amomax.d, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002)
  TEST_AMO_D( 3, amomax.d, 0x0000000000000002, 0x0000000000000002, 0x0000000000000002, 0x0000000000000001)
  # INT64_MIN vs INT64_MAX
  TEST_AMO_D( 4, amomax.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
  # signed: 0 > -1 (an unsigned compare picks -1)
  TEST_AMO_D( 5, amomax.d, 0xffffffffffffffff, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000000)
  # 64-bit compare: 0xffffffff00000000 is negative
  TEST_AMO_D( 6, amomax.d, 0x00000000ffffffff, 0x00000000ffffffff, 0x00000000ffffffff, 0xffffffff00000000)
  TEST_AMO_D( 7, amomax.d, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 8, amomax.d, ld, sd, x0, 0, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0, 8, AMO_GUARD_D)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 9, amomax.d, ld, sd, x12, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0, 8, AMO_GUARD_D)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN(10, amomax.d, ld, sd, x13, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0, 8, AMO_GUARD_D)
  # Second doubleword (offset 8).
  TEST_AMO_GEN(11, amomax.d, ld, sd, x14, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 8, 0, AMO_GUARD_D)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
