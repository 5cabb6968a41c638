# AMOXOR.W: rd = sext(M32[rs1]); M32[rs1] = M32[rs1] ^ rs2[31:0].
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_W( 2, amoxor.w, 0xffffffffff00ff00, 0xfffffffff0f0f0f0, 0xff00ff00, 0x0ff00ff0)
  # rs2 upper garbage ignored
  TEST_AMO_W( 3, amoxor.w, 0x000000000000ffff, 0x0000000000000000, 0x0000ffff, 0xffffffff0000ffff)
  TEST_AMO_W( 4, amoxor.w, 0x000000007fffffff, 0xffffffffffffffff, 0x7fffffff, 0x0000000080000000)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 5, amoxor.w, lw, sw, x0, 0, 0xfffffffff00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 0, 4, AMO_GUARD_W)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 6, amoxor.w, lw, sw, x12, 0xfffffffff0f0f0f0, 0xfffffffff00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 0, 4, AMO_GUARD_W)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 7, amoxor.w, lw, sw, x13, 0xfffffffff0f0f0f0, 0xfffffffff00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 0, 4, AMO_GUARD_W)
  # Upper word of a doubleword (offset 4) and second doubleword (offset 12).
  TEST_AMO_GEN( 8, amoxor.w, lw, sw, x14, 0xfffffffff0f0f0f0, 0xfffffffff00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 4, 0, AMO_GUARD_W)
  TEST_AMO_GEN( 9, amoxor.w, lw, sw, x14, 0xfffffffff0f0f0f0, 0xfffffffff00ff00f, 0x0f0f0f0ff0f0f0f0, 0x00ff00ff00ff00ff, 12, 8, AMO_GUARD_W)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
