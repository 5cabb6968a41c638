# ECALL from M-mode: mcause = 11, mepc = address of the ecall, mtval = 0,
# mstatus.MPP = M. The handler returns to mepc + 4 with mret, the way an OS does.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  li s5, 0              # trap counter

  # Case 2: mcause = 11 and mepc = the ecall's address.
test_2:
  li TESTNUM, 2
  li s2, -1
  li s3, -1
  li s7, 0
ecall_1:
  ecall
  addi s7, s7, 1        # must run exactly once, right after the return
  li t0, 11
  bne s2, t0, fail
  la t0, ecall_1
  bne s3, t0, fail

  # Case 3: execution resumed at mepc + 4: the instruction after the ecall ran once.
  TEST_CASE(3, s7, 1, nop)

  # Case 4: mtval is 0 for an environment call.
  TEST_CASE(4, s4, 0, nop)

  # Case 5: mstatus.MPP = 3 (trap taken from M-mode), MIE was cleared in the handler.
  TEST_CASE(5, a0, 3, srli a0, s8, 11; andi a0, a0, 3)
  TEST_CASE(6, a0, 0, andi a0, s8, 0x8)

  # Case 7: a second ecall, this one at an address that is 2 mod 4 (after a
  # compressed instruction): mepc is exact and mepc + 4 is still right.
test_7:
  li TESTNUM, 7
  li s2, -1
  li s3, -1
  li s7, 0
  .balign 4
  c.nop
ecall_2:
  ecall
  addi s7, s7, 1
  li t0, 1
  bne s7, t0, fail
  li t0, 11
  bne s2, t0, fail
  la t0, ecall_2
  bne s3, t0, fail
  andi t0, s3, 3
  li t1, 2
  bne t0, t1, fail

  # Case 8: the handler ran exactly twice.
  TEST_CASE(8, s5, 2, nop)

  # Case 9: registers other than those the handler writes are preserved.
test_9:
  li TESTNUM, 9
  li a0, 0x1122334455667788
  li a7, 93
  ecall
  li t0, 0x1122334455667788
  bne a0, t0, fail
  li t0, 93
  bne a7, t0, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .text
  .align 2
  .globl mtvec_handler
mtvec_handler:
  csrr s2, mcause
  li t0, 11
  bne s2, t0, 1f        # anything but an M-mode ecall: fail (ret)
  csrr s3, mepc
  csrr s4, mtval
  csrr s8, mstatus
  addi s5, s5, 1
  addi t0, s3, 4
  csrw mepc, t0
  mret
1:
  ret

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
