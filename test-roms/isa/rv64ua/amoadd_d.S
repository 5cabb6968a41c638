# AMOADD.D: rd = M[rs1]; M[rs1] = M[rs1] + rs2.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_AMO_D( 2, amoadd.d, 0x0000000000000001, 0x0000000000000003, 0x0000000000000001, 0x0000000000000002)
  # signed overflow wraps
  TEST_AMO_D( 3, amoadd.d, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x0000000000000001)
  # carry out of bit 63 is dropped
  TEST_AMO_D( 4, amoadd.d, 0xffffffffffffffff, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001)
  # carry from bit 31 into bit 32 (a 32-bit add would lose it)
  TEST_AMO_D( 5, amoadd.d, 0x00000000ffffffff, 0x0000000100000000, 0x00000000ffffffff, 0x0000000000000001)
  TEST_AMO_D( 6, amoadd.d, 0xfffffffffffffffb, 0xfffffffffffffffe, 0xfffffffffffffffb, 0x0000000000000003)

  # rd = x0: memory is still updated, nothing written to x0.
  TEST_AMO_GEN( 7, amoadd.d, ld, sd, x0, 0, 0x0000000200000010, 0x00000000fffffff0, 0x0000000100000020, 0, 8, AMO_GUARD_D)
  # rd == rs2: the operand must be read before rd is written.
  TEST_AMO_GEN( 8, amoadd.d, ld, sd, x12, 0x00000000fffffff0, 0x0000000200000010, 0x00000000fffffff0, 0x0000000100000020, 0, 8, AMO_GUARD_D)
  # rd == rs1: the address must be read before rd is written.
  TEST_AMO_GEN( 9, amoadd.d, ld, sd, x13, 0x00000000fffffff0, 0x0000000200000010, 0x00000000fffffff0, 0x0000000100000020, 0, 8, AMO_GUARD_D)
  # Second doubleword (offset 8).
  TEST_AMO_GEN(10, amoadd.d, ld, sd, x14, 0x00000000fffffff0, 0x0000000200000010, 0x00000000fffffff0, 0x0000000100000020, 8, 0, AMO_GUARD_D)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 3
amo_buf: .dword 0, 0

RVTEST_DATA_END
