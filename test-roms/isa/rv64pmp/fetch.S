# PMP on instruction fetch (priv spec 3.7.1): every fetch is checked, S/U-mode, at the
# instruction's own address (mcause 1, mepc = mtval = that address).
#   - X granted / removed / granted again over code that has already run (with the
#     sfence.vma the spec asks for after PMP changes): a decoded-code cache must not
#     keep running code whose X was taken away;
#   - straight-line code that runs from an X region into addresses no entry matches
#     must fault at the first instruction outside (mepc = mtval = its address), even
#     within one 4 KiB page. QEMU 7.2 (the oracle) checks PMP once per translated
#     block and runs on, so the default build also accepts that the code ran through;
#     -DSTRICT_SPEC (rv64pmp-fetch_strict) requires the fault (QEMU fails case 5);
#   - code running across two adjacent entries that both grant X runs.
# Code is copied to the test area at TA by M-mode, then fence.i. See pmp.h.
#include "pmp.h"

#define C1 (TA + 0x1000)    /* addi a0, a0, 1; addi a0, a0, 1; ret */
#define C2 (TA + 0x1100)    /* addi; addi (X, NAPOT 8 bytes) | ret (no entry) */
#define C3 (TA + 0x1200)    /* c.addi; c.addi (X, NA4) | c.jr ra; c.nop (no entry) */
#define C4 (TA + 0x1300)    /* addi (X, NA4 entry 0) | addi (X, NA4 entry 1) | ret */

#define ADDI1 0x00150513    /* addi a0, a0, 1 */
#define RET   0x00008067    /* jalr x0, 0(ra) */

/* Case: in the default build, `code` at S-mode may run through (QEMU), or raise an
 * instruction access fault at `addr`; -DSTRICT_SPEC requires the fault. a0 must end
 * up as `a0val` either way. */
#ifdef STRICT_SPEC
#define RUN_THROUGH_OK j fail
#else
#define RUN_THROUGH_OK VM_CHECK_EQ(s2, VM_CAUSE_SCALL)
#endif
#define FETCH_BOUNDARY(testnum, addr, a0val, code...)                   \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        VM_RUN_OFF(VM_MPP_S, 0, code)                                   \
        VM_CHECK_EQ(a0, a0val)                                          \
        li x7, VM_CAUSE_FETCH_ACCESS;                                   \
        beq s2, x7, 1f;                                                 \
        RUN_THROUGH_OK;                                                 \
        j 2f;                                                           \
1:      VM_CHECK_EQ(s3, addr)                                           \
        VM_CHECK_EQ(s4, addr)                                           \
2:

RVTEST_CODE_BEGIN

  PMP_INIT
  li a1, C1
  li t0, ADDI1
  sw t0, 0(a1)
  sw t0, 4(a1)
  li t0, RET
  sw t0, 8(a1)
  li a2, C2
  li t0, ADDI1
  sw t0, 0(a2)
  sw t0, 4(a2)
  li t0, RET
  sw t0, 8(a2)
  li a3, C3
  li t0, 0x05050505       /* c.addi a0, 1; c.addi a0, 1 */
  sw t0, 0(a3)
  li t0, 0x00018082       /* c.jr ra; c.nop */
  sw t0, 4(a3)
  li a4, C4
  li t0, ADDI1
  sw t0, 0(a4)
  sw t0, 4(a4)
  li t0, RET
  sw t0, 8(a4)
  fence.i

  /* ---- Entry 0: NAPOT 4 KiB over C1's page ---- */
  PMP_ADDR(0, VM_PMP_NAPOT_ADDR(C1, 0x1000))
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RWX)
  PMP_SYNC

  # Case 2: the code runs.
  li a0, 0
  PMP_TEST_OK(2, VM_MPP_S, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 2)

  # Case 3: X removed: the same code (already run once) faults at its first
  # instruction.
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RW)
  PMP_SYNC
  VM_TEST_FETCH_TRAP(3, VM_MPP_S, VM_CAUSE_FETCH_ACCESS, a1)

  # Case 4: X back: it runs again (U-mode too).
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_RWX)
  PMP_SYNC
  li a0, 0
  PMP_TEST_OK(4, VM_MPP_U, jalr ra, 0(a1))
  VM_CHECK_EQ(a0, 2)

  /* ---- Entry 0: NAPOT 8 bytes over C2's two addi; the ret at C2 + 8 is outside ---- */
  PMP_ADDR(0, C2 >> 2)
  PMP_CFG(0, VM_PMP_NAPOT | VM_PMP_X)
  PMP_SYNC

  # Case 5: the two addi run, the ret faults: mepc = mtval = C2 + 8.
  li a0, 0
  FETCH_BOUNDARY(5, C2 + 8, 2, jalr ra, 0(a2))

  # Case 6: the same once more (the code has run before).
  li a0, 0
  FETCH_BOUNDARY(6, C2 + 8, 2, jalr ra, 0(a2))

  /* ---- Entry 0: NA4 over C3's two c.addi; c.jr at C3 + 4 is outside ---- */
  PMP_ADDR(0, C3 >> 2)
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_X)
  PMP_SYNC

  # Case 7: compressed code: faults at C3 + 4.
  li a0, 0
  FETCH_BOUNDARY(7, C3 + 4, 2, jalr ra, 0(a3))

  /* ---- Entries 0 and 1: NA4 X at C4 and at C4 + 4; entry 2: NA4 X at C4 + 8 ---- */
  PMP_ADDR(0, C4 >> 2)
  PMP_ADDR(1, (C4 + 4) >> 2)
  PMP_ADDR(2, (C4 + 8) >> 2)
  PMP_CFG(0, VM_PMP_NA4 | VM_PMP_X)
  PMP_CFG(1, VM_PMP_NA4 | VM_PMP_X)
  PMP_CFG(2, VM_PMP_NA4 | VM_PMP_X)
  PMP_SYNC

  # Case 8: code across three adjacent X entries runs.
  li a0, 0
  PMP_TEST_OK(8, VM_MPP_S, jalr ra, 0(a4))
  VM_CHECK_EQ(a0, 2)

  # Case 9: entry 2 loses X: the ret at C4 + 8 faults (default build: or runs, as in
  # case 5).
  PMP_CFG(2, VM_PMP_NA4 | VM_PMP_R)
  PMP_SYNC
  li a0, 0
  FETCH_BOUNDARY(9, C4 + 8, 2, jalr ra, 0(a4))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
