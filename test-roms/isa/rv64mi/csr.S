# Zicsr instructions on mscratch (a full 64-bit read/write M-mode CSR):
# csrrw, csrrs, csrrc, csrrwi, csrrsi, csrrci, including rd = x0 and rs1 = x0 /
# uimm = 0 forms and rd == rs1. No trap is expected anywhere in this test.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  # Case 2: csrw (csrrw x0) then csrr (csrrs rd, x0) round-trips all 64 bits.
  TEST_CASE(2, a0, 0x0123456789abcdef, \
    li a1, 0x0123456789abcdef; csrw mscratch, a1; csrr a0, mscratch)

  # Case 3: csrrw returns the old value and writes the new one.
  TEST_CASE(3, a0, 0x0123456789abcdef, \
    li a1, 0xfedcba9876543210; csrrw a0, mscratch, a1)
  TEST_CASE(4, a0, 0xfedcba9876543210, csrr a0, mscratch)

  # Case 5/6: csrrs returns the old value and ORs rs1 in.
  TEST_CASE(5, a0, 0xfedcba9876543210, \
    li a1, 0x0000ffff0000000f; csrrs a0, mscratch, a1)
  TEST_CASE(6, a0, 0xfedcffff7654321f, csrr a0, mscratch)

  # Case 7/8: csrrc returns the old value and clears the rs1 bits.
  TEST_CASE(7, a0, 0xfedcffff7654321f, \
    li a1, 0xff000000000000f0; csrrc a0, mscratch, a1)
  TEST_CASE(8, a0, 0x00dcffff7654320f, csrr a0, mscratch)

  # Case 9: csrrs/csrrc with rs1 = x0 read without changing the CSR.
  TEST_CASE(9, a0, 0x00dcffff7654320f, csrrs a1, mscratch, x0; csrrc a2, mscratch, x0; csrr a0, mscratch; bne a1, a0, fail; bne a2, a0, fail)

  # Case 10/11: csrrwi writes the ZERO-extended 5-bit immediate (31, not -1).
  TEST_CASE(10, a0, 0x00dcffff7654320f, csrrwi a0, mscratch, 31)
  TEST_CASE(11, a0, 31, csrr a0, mscratch)

  # Case 12/13: csrrsi sets bits from the immediate.
  TEST_CASE(12, a0, 0x000000000000001f, \
    li a1, 0x8000000000000000; csrw mscratch, a1; csrr a0, mscratch; bne a0, a1, fail; csrw mscratch, 31; csrrsi a0, mscratch, 0x10)
  TEST_CASE(13, a0, 0x000000000000001f, csrr a0, mscratch)
  TEST_CASE(14, a0, 0x800000000000000a, \
    li a1, 0x8000000000000000; csrw mscratch, a1; csrrsi a2, mscratch, 0x0a; csrr a0, mscratch; bne a2, a1, fail)

  # Case 15/16: csrrci clears bits from the immediate; the upper bits stay.
  TEST_CASE(15, a0, 0x800000000000000a, csrrci a0, mscratch, 0x1e)
  TEST_CASE(16, a0, 0x8000000000000000, csrr a0, mscratch)

  # Case 17: csrrsi / csrrci with uimm = 0 read without writing.
  TEST_CASE(17, a0, 0x8000000000000000, csrrsi a1, mscratch, 0; csrrci a2, mscratch, 0; csrr a0, mscratch; bne a1, a0, fail; bne a2, a0, fail)

  # Case 18: csrrwi with uimm = 0 DOES write (zero).
  TEST_CASE(18, a0, 0, csrrwi a1, mscratch, 0; csrr a0, mscratch)

  # Case 19-21: rd = x0 forms: csrs / csrc / csrw write and leave x0 alone.
  TEST_CASE(19, a0, 0x00000000ffff0000, li a1, 0xffff0000; csrs mscratch, a1; csrr a0, mscratch)
  TEST_CASE(20, a0, 0x00000000f0ff0000, li a1, 0x0f000000; csrc mscratch, a1; csrr a0, mscratch)
  TEST_CASE(21, x0, 0, li a1, 0x55; csrrw x0, mscratch, a1; csrr a0, mscratch; li a2, 0x55; bne a0, a2, fail)

  # Case 22-24: rd = x0 immediate forms: csrwi / csrsi / csrci.
  TEST_CASE(22, a0, 0x0000000000000015, csrwi mscratch, 0x15; csrr a0, mscratch)
  TEST_CASE(23, a0, 0x000000000000001f, csrsi mscratch, 0x0a; csrr a0, mscratch)
  TEST_CASE(24, a0, 0x000000000000000c, csrci mscratch, 0x13; csrr a0, mscratch)

  # Case 25: csrrw with rd == rs1: the old CSR value lands in the register, the
  # register's old value in the CSR (a swap).
  TEST_CASE(25, a0, 0x000000000000000c, li a0, 0x1234; csrrw a0, mscratch, a0)
  TEST_CASE(26, a0, 0x0000000000001234, csrr a0, mscratch)

  # Case 27: csrrs with rd == rs1: returns the old value, writes old | rs1.
  TEST_CASE(27, a0, 0x0000000000001234, li a0, 0x4321; csrrs a0, mscratch, a0)
  TEST_CASE(28, a0, 0x0000000000005335, csrr a0, mscratch)

  # Case 29: csrrc with rd == rs1.
  TEST_CASE(29, a0, 0x0000000000005335, li a0, 0x0101; csrrc a0, mscratch, a0)
  TEST_CASE(30, a0, 0x0000000000005234, csrr a0, mscratch)

  # Case 31: back-to-back read after write (no stale value through a pipeline).
  TEST_CASE(31, a0, 0xa5a5a5a5a5a5a5a5, li a1, 0xa5a5a5a5a5a5a5a5; csrw mscratch, a1; csrrw a0, mscratch, zero)
  TEST_CASE(32, a0, 0, csrr a0, mscratch)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
