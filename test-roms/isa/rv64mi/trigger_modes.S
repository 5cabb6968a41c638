# Debug triggers and privilege modes: a trigger fires only in the modes its u, s and m
# bits enable (the hart's mode, not the MPRV data mode), in M-mode only while
# tcontrol.mte is set; a trap into M-mode saves mte in mpte and clears it (no trigger
# fires in the handler), mret restores mte from mpte; a breakpoint from U delegated with
# medeleg[3] goes to S and leaves tcontrol alone.
# QEMU 7.2 has no tcontrol (it fires M-mode triggers whatever): the cases that need
# it are skipped when a write to tcontrol traps; -DSTRICT_SPEC requires tcontrol (case 2).
#include "riscv_test.h"
#include "trigger.h"

RVTEST_CODE_BEGIN

  PRIV_INIT
  TRIG_INIT

  # Case 2: (STRICT_SPEC) tcontrol exists, resets to 0 and holds mte and mpte only.
  PRIV_CASE(2)
#ifdef STRICT_SPEC
  beqz tp, fail
#endif
  beqz tp, 1f
  csrr a0, CSR_TCONTROL
  PRIV_CHECK_EQ(a0, 0)
  li t0, -1
  csrw CSR_TCONTROL, t0
  csrr a0, CSR_TCONTROL
  PRIV_CHECK_EQ(a0, TCONTROL_MTE | TCONTROL_MPTE)
1:
  TRIG_TCONTROL(TCONTROL_MTE | TCONTROL_MPTE)

  # Case 3: a U-only execute trigger fires in U-mode.
  TRIG_SET(0, MC | MC_U | MC_EXEC, probe_exec, 0)
  TRIG_EXPECT_BP_AT(3, PRIV_U, probe_exec, jal probe_exec)
  TRIG_CHECK_TVAL(s4, probe_exec, 0)
  # Case 4: not in S-mode, and case 5: not in M-mode (m = 0, mte = 1).
  TRIG_EXPECT_NONE(4, PRIV_S, jal probe_exec)
  TRIG_EXPECT_NONE(5, PRIV_M, jal probe_exec)

  # Case 6: an S-only execute trigger (mcontrol6) fires in S-mode, not in U-mode (7).
  TRIG_SET(0, MC6 | MC_S | MC_EXEC, probe_exec, 0)
  TRIG_EXPECT_BP_AT(6, PRIV_S, probe_exec, jal probe_exec)
  TRIG_EXPECT_NONE(7, PRIV_U, jal probe_exec)

  # Case 8: an S+U load trigger fires on a load in S-mode ...
  TRIG_OFF(0)
  TRIG_SET(1, MC | MC_S | MC_U | MC_LOAD, data1, 0)
  la a1, data1
  TRIG_EXPECT_BP(8, PRIV_S, lw a0, 0(a1))
  TRIG_CHECK_TVAL(s4, data1, 0)
  # Case 9: ... and in U-mode, but not in M-mode (10).
  TRIG_EXPECT_BP(9, PRIV_U, lw a0, 0(a1))
  TRIG_EXPECT_NONE(10, PRIV_M, lw a0, 0(a1))

  # Case 11: a U store trigger: the store in U-mode does not happen.
  TRIG_SET(1, MC6 | MC_U | MC_STORE, data1, 0)
  li a2, 0x77
  TRIG_EXPECT_BP(11, PRIV_U, sw a2, 0(a1))
  lw a0, 0(a1)
  PRIV_CHECK_EQ(a0, 0)

  # Case 12: triggers follow the hart's mode, not the data mode: in M-mode with
  # MPRV = 1 and MPP = U, a U-only load trigger does not fire.
  TRIG_SET(1, MC | MC_U | MC_LOAD, data1, 0)
test_12:
  li TESTNUM, 12
  PRIV_MRET_TO(PRIV_M, 1f)
1:
  li t0, PRIV_MSTATUS_MPP
  csrc mstatus, t0              # MPP = U
  li t0, PRIV_MSTATUS_MPRV
  csrs mstatus, t0
  lw a0, 0(a1)
  csrc mstatus, t0

  beqz tp, no_tcontrol

  # Case 13: with mte = 0 an M-mode trigger does not fire in M-mode.
  TRIG_SET(1, MC | MC_M | MC_LOAD, data1, 0)
  TRIG_TCONTROL(0)
  TRIG_EXPECT_NONE(13, PRIV_M, lw a0, 0(a1))
  # Case 14: mte = 0 does not keep U-mode triggers from firing.
  TRIG_SET(1, MC | MC_U | MC_LOAD, data1, 0)
  TRIG_EXPECT_BP(14, PRIV_U, lw a0, 0(a1))

  # Case 15: a trap into M-mode copies mte to mpte and clears mte (the handler runs
  # without triggers: an M load trigger does not fire in it) ...
  PRIV_CASE(15)
  TRIG_SET(1, MC | MC_M | MC_LOAD, data1, 0)
  TRIG_TCONTROL(TCONTROL_MTE)
  la s6, 1f
  ecall
1:
  PRIV_CHECK_EQ(s2, PRIV_CAUSE_MCALL)
  csrr a0, CSR_TCONTROL
  PRIV_CHECK_EQ(a0, TCONTROL_MPTE)
  lw a0, 0(a1)
  # Case 16: ... and mret restores mte from mpte, so the trigger fires again.
  PRIV_CASE(16)
  PRIV_MRET_TO(PRIV_M, 1f)
1:
  csrr a0, CSR_TCONTROL
  PRIV_CHECK_EQ(a0, TCONTROL_MTE | TCONTROL_MPTE)
  TRIG_EXPECT_BP(17, PRIV_M, lw a0, 0(a1))
  # Case 18: the trap nested in the handler saw mte = 0: mpte is now 0 ...
  PRIV_CASE(18)
  csrr a0, CSR_TCONTROL
  PRIV_CHECK_EQ(a0, TCONTROL_MPTE)
  la s6, 1f
  ecall
1:
  csrr a0, CSR_TCONTROL
  PRIV_CHECK_EQ(a0, 0)
  # Case 19: ... and mret leaves mte clear: the M trigger stays quiet.
  TRIG_EXPECT_NONE(19, PRIV_M, lw a0, 0(a1))

no_tcontrol:
  # Case 20: with medeleg[3], a breakpoint from U goes to S (scause 3, sepc at the
  # load); tcontrol does not change.
  TRIG_TCONTROL(TCONTROL_MPTE)
  TRIG_SET(1, MC | MC_U | MC_LOAD, data1, 0)
  li t0, 1 << PRIV_CAUSE_BREAKPOINT
  csrs medeleg, t0
  PRIV_EXPECT_STRAP(20, PRIV_U, PRIV_CAUSE_BREAKPOINT, lw a0, 0(a1))
  TRIG_CHECK_TVAL(a6, data1, 0)
  li t0, 1 << PRIV_CAUSE_BREAKPOINT
  csrc medeleg, t0
  PRIV_CASE(21)
  beqz tp, 1f
  csrr a0, CSR_TCONTROL
  # mret to U set mte = mpte = 1; the trap into S kept it, so the ecall from S back to
  # M found mte = 1 and saved it in mpte.
  PRIV_CHECK_EQ(a0, TCONTROL_MPTE)
1:
  TRIG_OFF(0)
  TRIG_OFF(1)

  TEST_PASSFAIL

RVTEST_CODE_END

  PRIV_TRAP_HANDLERS

  .text
  .align 2
probe_exec:
  addi a3, a3, 1
  ret

  .data
RVTEST_DATA_BEGIN
  .align 3
data1: .dword 0
RVTEST_DATA_END
