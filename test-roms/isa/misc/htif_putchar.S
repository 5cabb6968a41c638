# Prints "Hello from gasang\n" through the HTIF console (device 1, command 1 =
# putchar): tohost = (1 << 56) | (1 << 48) | ch. After each write it waits until
# the host has taken the request (tohost reads 0 again), then clears fromhost
# (where a host may post the acknowledgement). Then passes.
#include "riscv_test.h"

#define HTIF_PUTCHAR ((1 << 56) | (1 << 48))

RVTEST_CODE_BEGIN

test_2:
  li TESTNUM, 2
  la a0, message
  la a1, tohost
  la a2, fromhost
  li a3, HTIF_PUTCHAR
1:
  lbu t0, 0(a0)
  beqz t0, 3f
2:
  ld t1, 0(a1)            # the previous request must have been taken
  bnez t1, 2b
  or t1, a3, t0
  sd t1, 0(a1)
2:
  ld t1, 0(a1)            # wait for the host to clear tohost
  bnez t1, 2b
  sd zero, 0(a2)          # drop the host's acknowledgement, if any
  addi a0, a0, 1
  j 1b
3:

  # Case 3: every byte of the message was sent (the loop stopped at the NUL).
  TEST_CASE(3, a0, 0, la t0, message_end; sub a0, a0, t0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

message:
  .ascii "Hello from gasang\n"
message_end:
  .byte 0

RVTEST_DATA_END
