# Reports with a single 64-bit store to `tohost` and then waits in WFI (interrupts off,
# so it waits forever): the host must read `tohost` rather than call the hart stuck.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 3, 1, 2)

  csrw mie, zero
  fence
  li t0, 1
  la t1, tohost
  sd t0, 0(t1)
1:
  wfi
  j 1b

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
