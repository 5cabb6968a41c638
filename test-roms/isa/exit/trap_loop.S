# Never ends: mtvec = 0, where the bare machine has no memory, and an illegal instruction.
# The fetch at 0 faults, the fault goes to mtvec = 0 again, and so on without a single
# instruction retiring. A host must recognise the loop (or count the traps toward its
# instruction limit) instead of hanging.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  csrw mtvec, zero
  .word 0                          # illegal instruction -> trap to 0 -> fetch fault -> ...

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
