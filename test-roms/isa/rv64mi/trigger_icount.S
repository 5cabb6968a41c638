# The instruction count trigger (icount, type 3): it counts instructions retired and
# traps taken in the modes it is enabled in; when the count goes from 1 to 0 it
# becomes pending and fires (breakpoint, mtval 0, mepc at the next instruction) just
# before the next instruction in an enabled mode; then count and pending read 0.
# Instructions in modes it is not enabled in (and M-mode while tcontrol.mte = 0) do not
# count. QEMU 7.2 has no icount (the type is not taken): the default build then skips
# everything; -DSTRICT_SPEC requires it (case 2).
#include "riscv_test.h"
#include "trigger.h"

#define IC_MASK (0x3fff << 10 | IC_PENDING)

RVTEST_CODE_BEGIN

  PRIV_INIT
  TRIG_INIT

  # Case 2: an icount trigger reads back as written.
  TRIG_SET_VALUE(0, ICOUNT | IC_U | IC_COUNT(1), 0)
  PRIV_CASE(2)
  TRIG_REQUIRE(ICOUNT | IC_U | IC_COUNT(1), no_icount)

  # Case 3: count 1: the first U-mode instruction retires, the trap comes before the
  # second.
  li a0, 0
  TRIG_EXPECT_BP_AT(3, PRIV_U, ic_3, addi a0, a0, 1; ic_3: addi a0, a0, 1)
  PRIV_CHECK_EQ(s4, 0)
  PRIV_CHECK_EQ(a0, 1)
  # Case 4: count and pending are 0 now.
  PRIV_CASE(4)
  csrr a0, CSR_TDATA1
  PRIV_CHECK_FIELD(a0, IC_MASK, 0)

  # Case 5: count 3: three instructions (the taken branch too) retire.
  TRIG_SET_VALUE(0, ICOUNT | IC_U | IC_COUNT(3), 0)
  li a0, 0
  TRIG_EXPECT_BP_AT(5, PRIV_U, ic_5, addi a0, a0, 1; beqz zero, 1f; 1: addi a0, a0, 1; ic_5: addi a0, a0, 1)
  PRIV_CHECK_EQ(a0, 2)

  # Case 6: a trap from U counts: with count 1, an ecall makes it pending; the M-mode
  # handler (icount not enabled in M) runs; it fires before the next U instruction.
  TRIG_SET_VALUE(0, ICOUNT | IC_U | IC_COUNT(1), 0)
test_6:
  li TESTNUM, 6
  la s6, 1f
  PRIV_MRET_TO(PRIV_U, 2f)
2:
  ecall
  j fail
1:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_UCALL)
  csrr a0, CSR_TDATA1
  PRIV_CHECK_FIELD(a0, IC_MASK, IC_PENDING)
  li a0, 0
  TRIG_EXPECT_BP(7, PRIV_U, addi a0, a0, 1)
  PRIV_CHECK_EQ(a0, 0)
  PRIV_CHECK_EQ(s4, 0)

  # Case 8: S-mode instructions do not count for a U-only trigger: two S instructions
  # run, and it fires only after two U ones (after an sret to U).
  TRIG_SET_VALUE(0, ICOUNT | IC_U | IC_COUNT(2), 0)
  li a0, 0
test_8:
  li TESTNUM, 8
  li s2, -1
  la s6, 1f
  PRIV_MRET_TO(PRIV_S, 2f)
2:
  addi a0, a0, 1
  addi a0, a0, 1
  PRIV_SRET_TO(PRIV_U, 3f)
3:
  addi a0, a0, 1
  addi a0, a0, 1
ic_8:
  addi a0, a0, 1
  j fail
1:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_BREAKPOINT)
  PRIV_CHECK_LABEL(s3, ic_8)
  PRIV_CHECK_FIELD(s8, PRIV_MSTATUS_MPP, PRIV_U << 11)
  PRIV_CHECK_EQ(a0, 4)

  # Case 9: count 0 never fires.
  TRIG_SET_VALUE(0, ICOUNT | IC_U | IC_COUNT(0), 0)
  TRIG_EXPECT_NONE(9, PRIV_U, addi a0, a0, 1; addi a0, a0, 1; addi a0, a0, 1)

  # Case 10: in M-mode (m = 1, mte = 1 through mret): count 2 fires after two M-mode
  # instructions (mret itself runs with mte = 0 and does not count).
  beqz tp, 1f
  TRIG_TCONTROL(TCONTROL_MPTE)
  TRIG_SET_VALUE(0, ICOUNT | IC_M | IC_COUNT(2), 0)
  li a0, 0
  TRIG_EXPECT_BP_AT(10, PRIV_M, ic_10, addi a0, a0, 1; addi a0, a0, 1; ic_10: addi a0, a0, 1)
  PRIV_CHECK_EQ(a0, 2)
1:
  TRIG_OFF(0)

no_icount:
  TRIG_OFF(0)
  TEST_PASSFAIL

RVTEST_CODE_END

  PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
