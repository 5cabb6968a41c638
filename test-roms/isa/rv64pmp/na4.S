# PMP NA4 entries (priv spec 3.7.1): exactly 4 bytes at pmpaddr << 2. Byte, halfword
# and word accesses inside work; an access that covers the word only in part (a
# doubleword, a halfword across its end, a store starting below it) matches the entry
# partially and fails; code inside an NA4 with X runs. See pmp.h.
#include "pmp.h"

#define W_ADDR (TA + 0x100)

/* s4 (mtval) must be `a` or `b` (a misaligned access: see rv64vm/cross_page.S). */
#define CHECK_TVAL_EITHER(a, b)                                         \
        li x7, a;                                                       \
        beq s4, x7, 7f;                                                 \
        li x7, b;                                                       \
        bne s4, x7, fail;                                               \
7:

RVTEST_CODE_BEGIN

  PMP_INIT
  li a1, W_ADDR
  li t0, 0x44332211
  sw t0, 0(a1)
  PMP_ADDR(0, W_ADDR >> 2)
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_RW)
  PMP_SYNC

  # Case 2: pmpaddr0 and the configuration byte read back.
  TEST_CASE(2, a0, W_ADDR >> 2, csrr a0, pmpaddr0)
  PMP_READ_CFG(0)
  VM_CHECK_EQ(t1, VM_PMP_NA4 | VM_PMP_RW)

  # Case 3: a word load works.
  PMP_TEST_OK(3, VM_MPP_S, lw a0, 0(a1))
  VM_CHECK_EQ(a0, 0x44332211)

  # Case 4: each of the four bytes.
  PMP_TEST_OK(4, VM_MPP_S, lbu a0, 0(a1); lbu a2, 1(a1); lbu a3, 2(a1); lbu a4, 3(a1))
  VM_CHECK_EQ(a0, 0x11)
  VM_CHECK_EQ(a2, 0x22)
  VM_CHECK_EQ(a3, 0x33)
  VM_CHECK_EQ(a4, 0x44)

  # Case 5: the halfword at +2 and a word store work.
  li a2, 0x88776655
  PMP_TEST_OK(5, VM_MPP_S, lhu a0, 2(a1); sw a2, 0(a1))
  VM_CHECK_EQ(a0, 0x4433)
  lwu t0, 0(a1)
  VM_CHECK_EQ(t0, 0x88776655)

  # Case 6: the next word matches nothing.
  PMP_TEST_FAULT(6, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, W_ADDR + 4, lw a0, 4(a1))

  # Case 7: the previous byte matches nothing.
  PMP_TEST_FAULT(7, VM_MPP_S, VM_CAUSE_STORE_ACCESS, W_ADDR - 1, sb a0, -1(a1))

  # Case 8: a doubleword at the word's address covers it only in part: fails.
  PMP_TEST_FAULT(8, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, W_ADDR, ld a0, 0(a1))

  # Case 9: a doubleword store ending in the word: fails, the word is unchanged.
  PMP_TEST_FAULT(9, VM_MPP_S, VM_CAUSE_STORE_ACCESS, W_ADDR - 4, sd a0, -4(a1))
  lwu t0, 0(a1)
  VM_CHECK_EQ(t0, 0x88776655)

  # Case 10: a misaligned halfword across the word's end: fails (mtval = the address
  # or the first byte outside).
test_10:
  li TESTNUM, 10
  VM_RUN_OFF(VM_MPP_S, 0, lh a0, 3(a1))
  VM_CHECK_EQ(s2, VM_CAUSE_LOAD_ACCESS)
  CHECK_TVAL_EITHER(W_ADDR + 3, W_ADDR + 4)

  # Case 11: U-mode: the word works, the doubleword fails.
  PMP_TEST_OK(11, VM_MPP_U, lw a0, 0(a1))
  PMP_TEST_FAULT(12, VM_MPP_U, VM_CAUSE_LOAD_ACCESS, W_ADDR, ld a0, 0(a1))

  # Case 13: NA4 with X over a word holding `c.addi a0, 1; c.jr ra`: S-mode runs it.
  # (An instruction just past an X region is checked in fetch.S.)
  li t0, 0x80820505               /* c.addi a0, 1 (0x0505); c.jr ra (0x8082) */
  sw t0, 0(a1)
  fence.i
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_X)
  PMP_SYNC
  li a0, 5
  PMP_TEST_OK(13, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 6)

  # Case 14: X only: a load of the word fails.
  PMP_TEST_FAULT(14, VM_MPP_S, VM_CAUSE_LOAD_ACCESS, W_ADDR, lw a0, 0(a1))

  # Case 15: R + W, no X: the fetch is an instruction access fault.
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_RW)
  PMP_SYNC
  VM_TEST_FETCH_TRAP(15, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a1)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
