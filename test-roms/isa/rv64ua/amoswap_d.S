# AMOSWAP.D: rd = M[rs1]; M[rs1] = rs2.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_D( 2, amoswap.d, 0x8000000000000000, 0x0123456789abcdef, 0x8000000000000000, 0x0123456789abcdef)
  TEST_AMO_D( 3, amoswap.d, 0xffffffffffffffff, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000000)
  TEST_AMO_D( 4, amoswap.d, 0x0000000000000000, 0xfedcba9876543210, 0x0000000000000000, 0xfedcba9876543210)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 5, amoswap.d, ld, sd, x0, 0, 0x3333333344444444, 0x1111111122222222, 0x3333333344444444, 0, 8, AMO_GUARD_D)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 6, amoswap.d, ld, sd, x12, 0x1111111122222222, 0x3333333344444444, 0x1111111122222222, 0x3333333344444444, 0, 8, AMO_GUARD_D)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 7, amoswap.d, ld, sd, x13, 0x1111111122222222, 0x3333333344444444, 0x1111111122222222, 0x3333333344444444, 0, 8, AMO_GUARD_D)
  # Second doubleword (offset 8).
  TEST_AMO_GEN( 8, amoswap.d, ld, sd, x14, 0x1111111122222222, 0x3333333344444444, 0x1111111122222222, 0x3333333344444444, 8, 0, AMO_GUARD_D)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
