# Reports with a 64-bit store to `tohost` and keeps storing the same value in a tight
# loop (two instructions a round): repeated writes must not postpone the host's read.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 3, 1, 2)

  fence
  li t0, 1
  la t1, tohost
1:
  sd t0, 0(t1)
  j 1b

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
