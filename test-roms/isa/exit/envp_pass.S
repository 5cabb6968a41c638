# Ends the way riscv-tests' physical-memory environment (env/p) ends every test: the pass
# path makes an ecall, the trap handler jumps to `write_tohost`, which rewrites `tohost`
# forever, five instructions a round, as two 32-bit stores (low word = TESTNUM, high word
# = 0). The host must read `tohost` even though it is written again and again.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_RR_OP(2, add, 3, 1, 2)

  # The env/p pass sequence: TESTNUM = 1, then ecall into the trap handler.
  la t0, envp_trap
  csrw mtvec, t0
  fence
  li TESTNUM, 1
  li a7, 93
  li a0, 0
  ecall

  .align 2
envp_trap:
  csrr t5, mcause
  li t6, 11                        # ecall from M-mode
  bne t5, t6, fail
write_tohost:
  sw TESTNUM, tohost, t5
  sw zero, tohost + 4, t5
  j write_tohost

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
