# Deliberately failing ROM: cases 2-4 pass, case 5 fails (expects 2 + 2 = 5).
# Used to check that the emulator reports the number of the failing case
# (tohost = (5 << 1) | 1 = 11; QEMU exits with status 5).
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 4, 2, 2)
  TEST_RR_OP(3, sub, 0, 2, 2)
  TEST_RR_OP(4, mul, 4, 2, 2)
  # Case 5: wrong on purpose.
  TEST_RR_OP(5, add, 5, 2, 2)
  # Case 6: never reached.
  TEST_RR_OP(6, add, 6, 3, 3)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
