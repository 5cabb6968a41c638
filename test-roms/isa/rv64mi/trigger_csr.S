# The trigger CSRs' WARL rules: tinfo lists mcontrol (2) and mcontrol6 (6); tdata1
# keeps type, mode and kind bits and reads dmode, maskmax, action, timing and select as
# 0 (no Debug Mode, breakpoint action only, address matches only, before the
# instruction); tdata2 holds any address; tdata3 (no textra conditions) reads 0; each
# trigger has its own registers; a type the trigger cannot be is not taken; writing 0
# disables the trigger; the hit bit, where it is implemented, is set when the trigger
# fires; the trigger CSRs and tcontrol do not exist below M-mode.
# -DSTRICT_SPEC requires tinfo.version = 1 (needed for mcontrol6) with type 15 in tinfo
# (case 2) and that tdata1 = 0 disables the trigger as type 15 (case 8): QEMU 7.2
# reports tinfo 0x44 and ignores the write.
#include "riscv_test.h"
#include "trigger.h"

#define DMODE     (1 << 59)
#define MAXMASK   (0x3f << 53)
#define ACTION    (0xf << 12)
#define MC_TIMING (1 << 18)
#define MC_SELECT (1 << 19)
#define MC_HIT    (1 << 20)
#define MC6_SELECT (1 << 21)
#define MC6_UNCERTAIN (1 << 26)

RVTEST_CODE_BEGIN

  PRIV_INIT
  TRIG_INIT
  TRIG_TCONTROL(TCONTROL_MTE | TCONTROL_MPTE)

  # Case 2: tinfo has mcontrol and mcontrol6.
  PRIV_CASE(2)
  csrr a0, CSR_TINFO
  PRIV_CHECK_FIELD(a0, 0x44, 0x44)
#ifdef STRICT_SPEC
  PRIV_CHECK_FIELD(a0, 0xff008000, 0x01008000)
#endif

  # Case 3: mcontrol with every field set keeps load, store, execute, u, s, m; dmode,
  # maskmax, action, timing and select read 0; the type stays 2.
  PRIV_CASE(3)
  li t0, MC | 0x0fffffffffffffff
  csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1
  PRIV_CHECK_FIELD(a0, 0xf << 60, MC)
  PRIV_CHECK_FIELD(a0, 0x7f, 0x5f)
  PRIV_CHECK_FIELD(a0, DMODE | MAXMASK | ACTION | MC_TIMING | MC_SELECT, 0)
  TRIG_OFF(0)

  # Case 4: the same for mcontrol6 (also uncertain and uncertainen read 0).
  PRIV_CASE(4)
  li t0, MC6 | 0x0fffffffffffffff
  csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1
  PRIV_CHECK_FIELD(a0, 0xf << 60, MC6)
  PRIV_CHECK_FIELD(a0, 0x7f, 0x5f)
  PRIV_CHECK_FIELD(a0, DMODE | ACTION | MC6_SELECT | MC6_UNCERTAIN, 0)
  TRIG_OFF(0)

  # Case 5: tdata2 holds a full 64-bit value; tdata3 reads 0 whatever is written.
  PRIV_CASE(5)
  li t1, 0x123456789abcdef0
  csrw CSR_TDATA2, t1
  csrr a0, CSR_TDATA2
  bne a0, t1, fail
  li t0, -1
  csrw CSR_TDATA3, t0
  csrr a0, CSR_TDATA3
  PRIV_CHECK_EQ(a0, 0)

  # Case 6: each trigger has its own tdata1 and tdata2.
  PRIV_CASE(6)
  li t0, MC | MC_U | MC_STORE
  csrw CSR_TDATA1, t0
  li t0, 0x1000
  csrw CSR_TDATA2, t0
  li t0, 1
  csrw CSR_TSELECT, t0
  li t0, MC6 | MC_S | MC_LOAD
  csrw CSR_TDATA1, t0
  li t0, 0x2000
  csrw CSR_TDATA2, t0
  csrw CSR_TSELECT, zero
  csrr a0, CSR_TDATA1
  PRIV_CHECK_EQ(a0, MC | MC_U | MC_STORE)
  csrr a0, CSR_TDATA2
  PRIV_CHECK_EQ(a0, 0x1000)
  li t0, 1
  csrw CSR_TSELECT, t0
  csrr a0, CSR_TDATA1
  PRIV_CHECK_EQ(a0, MC6 | MC_S | MC_LOAD)
  csrr a0, CSR_TDATA2
  PRIV_CHECK_EQ(a0, 0x2000)
  TRIG_OFF(1)
  TRIG_OFF(0)

  # Case 7: an interrupt trigger (type 4) is not supported: the type is not taken.
  PRIV_CASE(7)
  li t0, TRIG_TYPE(4) | 0x2c0
  csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1
  srli a0, a0, 60
  li t0, 4
  beq a0, t0, fail
  TRIG_OFF(0)

  # Case 8: writing 0 to tdata1 disables the trigger (type 15). QEMU 7.2 ignores the
  # write: the default build checks the rest only when the type changed.
  TRIG_SET(0, MC | MC_M | MC_LOAD, data1, 0)
  PRIV_CASE(8)
  csrw CSR_TDATA1, zero
  csrr a0, CSR_TDATA1
#ifdef STRICT_SPEC
  PRIV_CHECK_EQ(a0, TRIG_TYPE(15))
#else
  li t0, TRIG_TYPE(15)
  bne a0, t0, 1f
#endif
  # Case 9: the disabled trigger does not fire.
  la a1, data1
  TRIG_EXPECT_NONE(9, PRIV_M, lw a0, 0(a1))
1:
  TRIG_OFF(0)

  # Case 10: a hit bit that holds a written 1 is implemented: cleared, it becomes set
  # when the trigger fires.
  PRIV_CASE(10)
  li t0, MC | MC_HIT
  csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1
  beq a0, t0, 1f
  PRIV_CHECK_EQ(a0, MC)     # not implemented: reads 0
  j 2f
1:
  TRIG_SET(0, MC | MC_M | MC_LOAD, data1, 0)
  la a1, data1
  TRIG_EXPECT_BP(11, PRIV_M, lw a0, 0(a1))
  csrr a0, CSR_TDATA1
  PRIV_CHECK_EQ(a0, MC | MC_M | MC_LOAD | MC_HIT)
2:
  TRIG_OFF(0)

  # Cases 12-15: the trigger registers and tcontrol are M-mode CSRs.
  PRIV_EXPECT_MTRAP(12, PRIV_S, PRIV_CAUSE_ILLEGAL, csrr a0, CSR_TSELECT)
  PRIV_EXPECT_MTRAP(13, PRIV_S, PRIV_CAUSE_ILLEGAL, csrw CSR_TDATA1, zero)
  PRIV_EXPECT_MTRAP(14, PRIV_U, PRIV_CAUSE_ILLEGAL, csrr a0, CSR_TDATA2)
  PRIV_EXPECT_MTRAP(15, PRIV_S, PRIV_CAUSE_ILLEGAL, csrr a0, CSR_TCONTROL)

  TEST_PASSFAIL

RVTEST_CODE_END

  PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
  .align 3
data1: .dword 0
RVTEST_DATA_END
