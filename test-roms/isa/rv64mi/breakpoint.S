# Debug triggers (Sdtrig) in M-mode, as riscv-tests' rv64mi breakpoint test checks them
# (our own code): an execute trigger stops before the instruction, a load trigger before
# the load (its destination keeps its value), a store trigger before the store (memory
# keeps its value), each with mcause 3 and mepc at the instruction; an execute trigger
# does not fire on loads of its address, a load trigger not on stores, a store trigger
# not on loads; the second trigger works on its own and beside the first; tselect does
# not go past the last trigger. M-mode triggers need tcontrol.mte where tcontrol exists
# (set here through mpte, which mret copies to mte).
# mtval is the matched address or 0 (QEMU 7.2 writes 0); -DSTRICT_SPEC requires the
# address.
#include "riscv_test.h"
#include "trigger.h"

RVTEST_CODE_BEGIN

  PRIV_INIT
  TRIG_INIT
  TRIG_TCONTROL(TCONTROL_MTE | TCONTROL_MPTE)

  # Case 2: reset state: tselect 0, both triggers mcontrol (type 2) matching nothing.
  PRIV_CASE(2)
  csrr a0, CSR_TSELECT
  PRIV_CHECK_EQ(a0, 0)
  csrr a0, CSR_TDATA1
  PRIV_CHECK_EQ(a0, MC)
  li t0, 1
  csrw CSR_TSELECT, t0
  csrr a0, CSR_TDATA1
  PRIV_CHECK_EQ(a0, MC)
  csrw CSR_TSELECT, zero

  # Case 3: an M-mode execute trigger reads back as written.
  PRIV_CASE(3)
  TRIG_SET(0, MC | MC_M | MC_EXEC, exec_target, 0)
  csrr a0, CSR_TDATA1
  PRIV_CHECK_EQ(a0, MC | MC_M | MC_EXEC)
  csrr a0, CSR_TDATA2
  PRIV_CHECK_LABEL(a0, exec_target)

  # Case 4: it fires before the instruction at its address, which does not run.
  li a1, 0
  la s6, 1f
  PRIV_MRET_TO(PRIV_M, exec_target)
  .balign 4
exec_target:
  li a1, 1
  j fail
1:
  PRIV_CASE(4)
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_BREAKPOINT)
  PRIV_CHECK_LABEL(s3, exec_target)
  PRIV_CHECK_EQ(a1, 0)
  TRIG_CHECK_TVAL(s4, exec_target, 0)

  # Case 5: loading from the execute trigger's address does not fire.
  TRIG_EXPECT_NONE(5, PRIV_M, la a0, exec_target; lw a0, 0(a0))

  # Case 6: a load trigger fires before the load: a2 keeps its value.
  TRIG_SET(0, MC | MC_M | MC_LOAD, data1, 0)
  la a1, data1
  li a2, 0x55
  TRIG_EXPECT_BP(6, PRIV_M, lw a2, 0(a1))
  PRIV_CHECK_EQ(a2, 0x55)
  TRIG_CHECK_TVAL(s4, data1, 0)

  # Case 7: a store to the load trigger's address does not fire.
  TRIG_EXPECT_NONE(7, PRIV_M, la a1, data1; li a2, 7; sw a2, 0(a1))

  # Case 8: a store trigger fires before the store: memory keeps its value.
  TRIG_SET(0, MC | MC_M | MC_STORE, data1, 0)
  la a1, data1
  li a2, 0x1234
  TRIG_EXPECT_BP(8, PRIV_M, sw a2, 0(a1))
  lw a0, 0(a1)
  PRIV_CHECK_EQ(a0, 7)
  TRIG_CHECK_TVAL(s4, data1, 0)

  # Case 9: a load from the store trigger's address does not fire.
  TRIG_EXPECT_NONE(9, PRIV_M, la a1, data1; lw a2, 0(a1))

  # Case 10: the second trigger: a load trigger on data2 fires on its own.
  PRIV_CASE(10)
  li t0, 1
  csrw CSR_TSELECT, t0
  csrr a0, CSR_TSELECT
  PRIV_CHECK_EQ(a0, 1)
  TRIG_SET(1, MC | MC_M | MC_LOAD, data2, 0)
  la a1, data2
  TRIG_EXPECT_BP(11, PRIV_M, lw a2, 0(a1))
  TRIG_CHECK_TVAL(s4, data2, 0)

  # Case 12: and the first (a store trigger on data1) still fires beside it.
  la a1, data1
  TRIG_EXPECT_BP(12, PRIV_M, sw a1, 0(a1))
  TRIG_CHECK_TVAL(s4, data1, 0)
  # Case 13: data1 was not written.
  PRIV_CASE(13)
  lw a0, 0(a1)
  PRIV_CHECK_EQ(a0, 7)

  # Case 14: tselect does not go past the last trigger (there are two): a write of 2
  # or of -1 does not select a trigger that is not there.
  PRIV_CASE(14)
  li t0, 2
  csrw CSR_TSELECT, t0
  csrr a0, CSR_TSELECT
  beq a0, t0, fail
  li t0, -1
  csrw CSR_TSELECT, t0
  csrr a0, CSR_TSELECT
  beq a0, t0, fail

  # Case 15: disabled triggers fire no more.
  TRIG_OFF(0)
  TRIG_OFF(1)
  TRIG_EXPECT_NONE(15, PRIV_M, la a1, data1; sw a1, 0(a1); la a1, data2; lw a2, 0(a1))

  TEST_PASSFAIL

RVTEST_CODE_END

  PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
  .align 3
data1: .word 0
  .word 0
data2: .word 0
  .word 0
RVTEST_DATA_END
