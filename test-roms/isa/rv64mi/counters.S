# mcycle / minstret and their user-level shadows cycle / instret (readable in
# M-mode) count up. minstret must advance by at least the number of instructions
# retired in between. mcycle/minstret are writable.
#include "riscv_test.h"

#define LOOPS 100

RVTEST_CODE_BEGIN

  # Case 2: mcycle increases across a 100-iteration loop.
test_2:
  li TESTNUM, 2
  csrr a1, mcycle
  li t0, LOOPS
1: addi t0, t0, -1
  bnez t0, 1b
  csrr a2, mcycle
  bgeu a1, a2, fail

  # Case 3: minstret advances by at least the 2*LOOPS + 1 instructions in between.
test_3:
  li TESTNUM, 3
  csrr a1, minstret
  li t0, LOOPS
1: addi t0, t0, -1
  bnez t0, 1b
  csrr a2, minstret
  sub a3, a2, a1
  li t1, 2*LOOPS + 1
  bltu a3, t1, fail

  # Case 4: cycle (0xc00) increases.
test_4:
  li TESTNUM, 4
  rdcycle a1
  li t0, LOOPS
1: addi t0, t0, -1
  bnez t0, 1b
  rdcycle a2
  bgeu a1, a2, fail

  # Case 5: instret (0xc02) advances by at least 2*LOOPS + 1.
test_5:
  li TESTNUM, 5
  rdinstret a1
  li t0, LOOPS
1: addi t0, t0, -1
  bnez t0, 1b
  rdinstret a2
  sub a3, a2, a1
  li t1, 2*LOOPS + 1
  bltu a3, t1, fail

  # Case 6: instret and minstret are the same counter: instret read right after
  # minstret is not smaller, and not far ahead.
test_6:
  li TESTNUM, 6
  csrr a1, minstret
  rdinstret a2
  bltu a2, a1, fail
  sub a3, a2, a1
  li t1, 0x100000
  bgeu a3, t1, fail

  # Case 7: each read of minstret is strictly later than the previous one.
test_7:
  li TESTNUM, 7
  csrr a1, minstret
  csrr a2, minstret
  bgeu a1, a2, fail

  # Case 8: minstret is writable (64 bits): reading back gives the value written
  # plus the few instructions since (allow up to 0x100000 for a host-tick clock).
test_8:
  li TESTNUM, 8
  li a1, 0x0000000500000000
  csrw minstret, a1
  csrr a2, minstret
  bltu a2, a1, fail
  sub a3, a2, a1
  li t1, 0x100000
  bgeu a3, t1, fail

  # Case 9: mcycle is writable too.
test_9:
  li TESTNUM, 9
  li a1, 0x0000000700000000
  csrw mcycle, a1
  csrr a2, mcycle
  bltu a2, a1, fail
  sub a3, a2, a1
  li t1, 0x100000
  bgeu a3, t1, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
