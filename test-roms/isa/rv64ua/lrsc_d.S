# LR.D / SC.D: load-reserved / store-conditional, doubleword.
# SC writes 0 to rd and stores on success; on failure it writes a nonzero code
# (1 = unspecified failure) and does not store. Any SC ends the reservation.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  # Case 2: SC.D with no LR since reset fails and does not store.
test_2:
  li TESTNUM, 2
  la a0, res_a
  li t1, 0x1111111111111111
  sd t1, 0(a0)
  li t2, 0x2222222222222222
  sc.d a4, t2, (a0)
  beqz a4, fail
  ld a5, 0(a0)
  bne a5, t1, fail

  # Case 3: LR.D returns the full 64-bit memory value.
test_3:
  li TESTNUM, 3
  la a0, res_a
  li t1, 0x8123456789abcdef
  sd t1, 0(a0)
  lr.d a4, (a0)
  bne a4, t1, fail

  # Case 4: SC.D to the reserved address right after LR.D succeeds: rd = 0, stored.
test_4:
  li TESTNUM, 4
  li t2, 0x0fedcba987654321
  sc.d a4, t2, (a0)
  bnez a4, fail
  ld a5, 0(a0)
  bne a5, t2, fail

  # Case 5: a second SC.D after the successful one fails (reservation consumed).
test_5:
  li TESTNUM, 5
  li t3, 0x3333333333333333
  sc.d a4, t3, (a0)
  beqz a4, fail
  ld a5, 0(a0)
  bne a5, t2, fail

  # Case 6: SC.D to a different address than the LR.D (another 64-byte block)
  # fails and stores nothing there.
test_6:
  li TESTNUM, 6
  la a0, res_a
  la a1, res_b
  li t1, 0x4444444444444444
  sd t1, 0(a1)
  lr.d a4, (a0)
  li t2, 0x5555555555555555
  sc.d a4, t2, (a1)
  beqz a4, fail
  ld a5, 0(a1)
  bne a5, t1, fail

  # Case 7: that failing SC.D still ended the reservation on res_a, so an SC.D
  # there now fails too (an SC invalidates any reservation, pass or fail).
test_7:
  li TESTNUM, 7
  ld t1, 0(a0)
  sc.d a4, t2, (a0)
  beqz a4, fail
  ld a5, 0(a0)
  bne a5, t1, fail

  # Case 8: a regular store to the reserved address between LR.D and SC.D
  # makes the SC.D fail; memory keeps the plain store's value.
test_8:
  li TESTNUM, 8
  lr.d a4, (a0)
  li t1, 0x6666666666666666
  sd t1, 0(a0)
  li t2, 0x7777777777777777
  sc.d a4, t2, (a0)
  beqz a4, fail
  ld a5, 0(a0)
  bne a5, t1, fail

  # Case 9: same with a narrower plain store (sb) to the reserved address.
test_9:
  li TESTNUM, 9
  lr.d a4, (a0)
  li t1, 0x99
  sb t1, 0(a0)
  li t2, 0x7777777777777777
  sc.d a4, t2, (a0)
  beqz a4, fail
  ld a5, 0(a0)
  li t1, 0x6666666666666699
  bne a5, t1, fail

  # Case 10: after all the failures, a fresh LR.D/SC.D pair succeeds again.
test_10:
  li TESTNUM, 10
  lr.d a4, (a0)
  bne a4, t1, fail
  li t2, 0x0123456789abcdef
  sc.d a4, t2, (a0)
  bnez a4, fail
  ld a5, 0(a0)
  bne a5, t2, fail

  # Case 11: plain loads between LR.D and SC.D (another address and the
  # reserved one) do not end the reservation.
test_11:
  li TESTNUM, 11
  la a1, res_b
  lr.d a4, (a0)
  ld a5, 0(a1)
  ld a5, 0(a0)
  li t2, 0x1020304050607080
  sc.d a4, t2, (a0)
  bnez a4, fail
  ld a5, 0(a0)
  bne a5, t2, fail

  # Case 12: an LR/SC retry loop adds 1 a hundred times (crossing bit 32).
test_12:
  li TESTNUM, 12
  li t1, 0x00000000ffffffd0
  sd t1, 0(a0)
  li t3, 100
1:
  lr.d a4, (a0)
  addi a4, a4, 1
  sc.d a5, a4, (a0)
  bnez a5, 1b
  addi t3, t3, -1
  bnez t3, 1b
  ld a5, 0(a0)
  li t1, 0x0000000100000034
  bne a5, t1, fail

  # Case 13: SC.D with rd == rs2: the old rs2 is stored, then rd becomes 0.
test_13:
  li TESTNUM, 13
  lr.d a4, (a0)
  li a2, 0x5a5a5a5a00000001
  sc.d a2, a2, (a0)
  bnez a2, fail
  ld a5, 0(a0)
  li t1, 0x5a5a5a5a00000001
  bne a5, t1, fail

  # Case 14: SC.D with rd = x0 still stores on success.
test_14:
  li TESTNUM, 14
  lr.d a4, (a0)
  li t2, 0x7edcba9876543210
  sc.d x0, t2, (a0)
  ld a5, 0(a0)
  bne a5, t2, fail

  # Case 15: LR.D with rd == rs1, then a successful SC.D through a fresh pointer.
test_15:
  li TESTNUM, 15
  la a3, res_a
  lr.d a3, (a3)
  bne a3, t2, fail
  la a1, res_a
  li t1, 0x1111
  sc.d a4, t1, (a1)
  bnez a4, fail
  ld a5, 0(a1)
  bne a5, t1, fail

  # Case 16: the failure code is 1 ("unspecified failure", the only code the
  # spec defines); here: SC.D right after a successful SC.D.
test_16:
  li TESTNUM, 16
  sc.d a4, t2, (a1)
  li t1, 1
  bne a4, t1, fail

  # Case 17: the 8 bytes after res_a (guard) were never touched by the above.
test_17:
  li TESTNUM, 17
  ld a5, 8(a0)
  li t1, 0x5ac3a55a5ac3a55a
  bne a5, t1, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 6
res_a: .dword 0, 0x5ac3a55a5ac3a55a
  .align 6
res_b: .dword 0, 0

RVTEST_DATA_END
