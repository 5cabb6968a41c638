# The riscv-tests env/p failure path: TESTNUM = (case << 1) | 1, ecall, and the handler
# rewrites `tohost` forever (sw low, sw high, j). Case 3 fails on purpose: the host must
# report case 3, not hang and not see a half-written command.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 3, 1, 2)

  la t0, envp_trap
  csrw mtvec, t0
  li TESTNUM, 3
  # The env/p RVTEST_FAIL sequence.
  fence
1:
  beqz TESTNUM, 1b
  sll TESTNUM, TESTNUM, 1
  or TESTNUM, TESTNUM, 1
  li a7, 93
  addi a0, TESTNUM, 0
  ecall

  .align 2
envp_trap:
write_tohost:
  sw TESTNUM, tohost, t5
  sw zero, tohost + 4, t5
  j write_tohost

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
