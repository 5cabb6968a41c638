# LR.W / SC.W: load-reserved / store-conditional, word.
# LR.W sign-extends; SC.W stores rs2[31:0] only. SC writes 0 to rd and stores on
# success, writes a nonzero code and does not store on failure.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  # Case 2: SC.W with no LR since reset fails and does not store.
test_2:
  li TESTNUM, 2
  la a0, res_a
  li t1, 0x11111111
  sw t1, 0(a0)
  li t2, 0x22222222
  sc.w a4, t2, (a0)
  beqz a4, fail
  lw a5, 0(a0)
  bne a5, t1, fail

  # Case 3: LR.W sign-extends the loaded word.
test_3:
  li TESTNUM, 3
  la a0, res_a
  li t1, 0x80000001
  sw t1, 0(a0)
  lr.w a4, (a0)
  li t1, 0xffffffff80000001
  bne a4, t1, fail

  # Case 4: SC.W after LR.W succeeds; only rs2[31:0] is stored (rs2 has upper
  # garbage), the following word (guard) is untouched.
test_4:
  li TESTNUM, 4
  li t2, 0xdeadbeef7654321f
  sc.w a4, t2, (a0)
  bnez a4, fail
  lw a5, 0(a0)
  li t1, 0x7654321f
  bne a5, t1, fail
  lw a5, 4(a0)
  li t1, 0x5ac3a55a
  bne a5, t1, fail

  # Case 5: a second SC.W after the successful one fails (reservation consumed).
test_5:
  li TESTNUM, 5
  li t3, 0x33333333
  sc.w a4, t3, (a0)
  beqz a4, fail
  lw a5, 0(a0)
  li t1, 0x7654321f
  bne a5, t1, fail

  # Case 6: SC.W to a different address than the LR.W fails and stores nothing.
test_6:
  li TESTNUM, 6
  la a1, res_b
  li t1, 0x44444444
  sw t1, 0(a1)
  lr.w a4, (a0)
  li t2, 0x55555555
  sc.w a4, t2, (a1)
  beqz a4, fail
  lw a5, 0(a1)
  bne a5, t1, fail

  # Case 7: that failing SC.W ended the reservation on res_a too.
test_7:
  li TESTNUM, 7
  lw t1, 0(a0)
  sc.w a4, t2, (a0)
  beqz a4, fail
  lw a5, 0(a0)
  bne a5, t1, fail

  # Case 8: a regular store to the reserved address between LR.W and SC.W
  # makes the SC.W fail; memory keeps the plain store's value.
test_8:
  li TESTNUM, 8
  lr.w a4, (a0)
  li t1, 0x66666666
  sw t1, 0(a0)
  li t2, 0x77777777
  sc.w a4, t2, (a0)
  beqz a4, fail
  lw a5, 0(a0)
  bne a5, t1, fail

  # Case 9: a fresh LR.W/SC.W pair succeeds again; a negative word round-trips.
test_9:
  li TESTNUM, 9
  lr.w a4, (a0)
  bne a4, t1, fail
  li t2, 0xfffffffffedcba98
  sc.w a4, t2, (a0)
  bnez a4, fail
  lw a5, 0(a0)
  bne a5, t2, fail

  # Case 10: LR.W/SC.W on the upper word of a doubleword (offset 4); the lower
  # word is untouched.
test_10:
  li TESTNUM, 10
  la a1, res_b
  li t1, 0x0123456789abcdef
  sd t1, 0(a1)
  addi a2, a1, 4
  lr.w a4, (a2)
  li t1, 0x01234567
  bne a4, t1, fail
  li t2, 0x7abbccdd
  sc.w a4, t2, (a2)
  bnez a4, fail
  ld a5, 0(a1)
  li t1, 0x7abbccdd89abcdef
  bne a5, t1, fail

  # Case 11: a 32-bit LR/SC retry loop adds 1 a hundred times, wrapping at 2^32
  # (the result is a word: no carry into the guard word).
test_11:
  li TESTNUM, 11
  li t1, 0xffffffd0
  sw t1, 0(a0)
  li t3, 100
1:
  lr.w a4, (a0)
  addi a4, a4, 1
  sc.w a5, a4, (a0)
  bnez a5, 1b
  addi t3, t3, -1
  bnez t3, 1b
  lw a5, 0(a0)
  li t1, 0x34
  bne a5, t1, fail
  lw a5, 4(a0)
  li t1, 0x5ac3a55a
  bne a5, t1, fail

  # Case 12: SC.W with rd == rs2: the old rs2 is stored, then rd becomes 0.
test_12:
  li TESTNUM, 12
  lr.w a4, (a0)
  li a2, 0x12345678
  sc.w a2, a2, (a0)
  bnez a2, fail
  lw a5, 0(a0)
  li t1, 0x12345678
  bne a5, t1, fail

  # Case 13: SC.W with rd = x0 still stores on success.
test_13:
  li TESTNUM, 13
  lr.w a4, (a0)
  li t2, 0x0badf00d
  sc.w x0, t2, (a0)
  lw a5, 0(a0)
  bne a5, t2, fail

  # Case 14: the failure code is 1 (SC.W right after a successful SC.W).
test_14:
  li TESTNUM, 14
  sc.w a4, t2, (a0)
  li t1, 1
  bne a4, t1, fail
  lw a5, 4(a0)
  li t1, 0x5ac3a55a
  bne a5, t1, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 6
res_a: .word 0, 0x5ac3a55a, 0, 0
  .align 6
res_b: .dword 0, 0

RVTEST_DATA_END
