# AMOXOR.D: rd = M[rs1]; M[rs1] = M[rs1] ^ rs2.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_D( 2, amoxor.d, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  TEST_AMO_D( 3, amoxor.d, 0x123456789abcdef0, 0x0000000000000000, 0x123456789abcdef0, 0x123456789abcdef0)
  TEST_AMO_D( 4, amoxor.d, 0xffffffffffffffff, 0x7ffffffffffffffe, 0xffffffffffffffff, 0x8000000000000001)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 5, amoxor.d, ld, sd, x0, 0, 0x0ff00ff0f00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 0, 8, AMO_GUARD_D)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 6, amoxor.d, ld, sd, x12, 0x0f0f0f0ff0f0f0f0, 0x0ff00ff0f00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 0, 8, AMO_GUARD_D)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 7, amoxor.d, ld, sd, x13, 0x0f0f0f0ff0f0f0f0, 0x0ff00ff0f00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 0, 8, AMO_GUARD_D)
  # Second doubleword (offset 8).
  TEST_AMO_GEN( 8, amoxor.d, ld, sd, x14, 0x0f0f0f0ff0f0f0f0, 0x0ff00ff0f00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 8, 0, AMO_GUARD_D)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
