# Passes by writing tohost with two 32-bit stores, low word first: sw 1 to
# tohost, then sw 0 to tohost + 4 (as a 32-bit-store-only guest would). A host
# that only looks at 64-bit stores, or acts on the low word alone, must still see
# the value 1 = pass once the high word is written.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 3, 1, 2)

test_3:
  li TESTNUM, 3
  fence
  la t1, tohost
  li t0, 1
  sw t0, 0(t1)
  sw zero, 4(t1)
1:
  j 1b

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
