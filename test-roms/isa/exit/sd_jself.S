# Reports with a single 64-bit store to `tohost`, then spins on `j .`.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 3, 1, 2)

  fence
  li t0, 1
  la t1, tohost
  sd t0, 0(t1)
  j .

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
