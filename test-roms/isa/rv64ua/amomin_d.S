# AMOMIN.D: rd = M[rs1]; M[rs1] = signed min(M[rs1], rs2).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_D( 2, amomin.d, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002)
  TEST_AMO_D( 3, amomin.d, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001)
  # INT64_MIN vs INT64_MAX
  TEST_AMO_D( 4, amomin.d, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_AMO_D( 5, amomin.d, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000)
  # signed: -1 < 0 (an unsigned compare picks 0)
  TEST_AMO_D( 6, amomin.d, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
  TEST_AMO_D( 7, amomin.d, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000000, 0xffffffffffffffff)
  # 64-bit compare (a 32-bit compare would see 0xffffffff = -1 vs 0)
  TEST_AMO_D( 8, amomin.d, 0x00000000ffffffff, 0x00000000ffffffff, 0x00000000ffffffff, 0x0000000100000000)
  TEST_AMO_D( 9, amomin.d, 0x0000000000000005, 0x0000000000000005, 0x0000000000000005, 0x0000000000000005)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN(10, amomin.d, ld, sd, x0, 0, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 8, AMO_GUARD_D)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN(11, amomin.d, ld, sd, x12, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 8, AMO_GUARD_D)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN(12, amomin.d, ld, sd, x13, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 0, 8, AMO_GUARD_D)
  # Second doubleword (offset 8).
  TEST_AMO_GEN(13, amomin.d, ld, sd, x14, 0x0000000000000007, 0xfffffffffffffff9, 0x0000000000000007, 0xfffffffffffffff9, 8, 0, AMO_GUARD_D)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
