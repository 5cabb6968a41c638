# EBREAK (32-bit, 0x00100073) and C.EBREAK (16-bit, 0x9002): mcause = 3,
# mepc = the instruction's address, mtval = 0 or that address. The handler skips
# the instruction by its length, read from the low bits of the instruction at mepc.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  li s5, 0

  # Case 2: 32-bit ebreak (kept uncompressed with norvc).
test_2:
  li TESTNUM, 2
  li s2, -1
  li s3, -1
  li s7, 0
  .balign 4
  .option push
  .option norvc
ebreak_32:
  ebreak
  .option pop
  addi s7, s7, 1
  li t0, 3
  bne s2, t0, fail
  la t0, ebreak_32
  bne s3, t0, fail
  li t0, 1
  bne s7, t0, fail
  # the handler saw a 4-byte instruction
  li t0, 4
  bne s10, t0, fail

  # Case 3: mtval is 0 or the ebreak's address.
test_3:
  li TESTNUM, 3
  beqz s4, 1f
  la t0, ebreak_32
  bne s4, t0, fail
1:

  # Case 4: c.ebreak: same cause and mepc, but only 2 bytes are skipped: the
  # c.addi right behind it must run.
test_4:
  li TESTNUM, 4
  li s2, -1
  li s3, -1
  li s7, 0
  .balign 4
cebreak_1:
  c.ebreak
  c.addi s7, 1
  li t0, 3
  bne s2, t0, fail
  la t0, cebreak_1
  bne s3, t0, fail
  li t0, 1
  bne s7, t0, fail
  li t0, 2
  bne s10, t0, fail
  beqz s4, 1f
  la t0, cebreak_1
  bne s4, t0, fail
1:

  # Case 5: c.ebreak at an address that is 2 mod 4.
test_5:
  li TESTNUM, 5
  li s2, -1
  li s3, -1
  li s7, 0
  .balign 4
  c.nop
cebreak_2:
  c.ebreak
  c.addi s7, 1
  c.addi s7, 2
  li t0, 3
  bne s2, t0, fail
  la t0, cebreak_2
  bne s3, t0, fail
  li t0, 3
  bne s7, t0, fail

  # Case 6: 32-bit ebreak at an address that is 2 mod 4.
test_6:
  li TESTNUM, 6
  li s2, -1
  li s3, -1
  li s7, 0
  .balign 4
  c.nop
  .option push
  .option norvc
ebreak_2:
  ebreak
  .option pop
  c.addi s7, 1
  la t0, ebreak_2
  bne s3, t0, fail
  li t0, 3
  bne s2, t0, fail
  li t0, 1
  bne s7, t0, fail

  # Case 7: four breakpoints were taken in all.
  TEST_CASE(7, s5, 4, nop)

  TEST_PASSFAIL

RVTEST_CODE_END

  .text
  .align 2
  .globl mtvec_handler
mtvec_handler:
  csrr s2, mcause
  li t0, 3
  bne s2, t0, 1f        # not a breakpoint: fail (ret)
  csrr s3, mepc
  csrr s4, mtval
  addi s5, s5, 1
  lhu t0, 0(s3)         # instruction length from its low two bits
  andi t0, t0, 3
  li t1, 3
  li s10, 2
  bne t0, t1, 2f
  li s10, 4
2:
  add t0, s3, s10
  csrw mepc, t0
  mret
1:
  ret

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
