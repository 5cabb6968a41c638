# MRET: jumps to mepc; mstatus.MIE <- MPIE, MPIE <- 1, MPP <- least-privileged
# supported mode (U if misa.U, else M); the privilege becomes the old MPP.
# Build with -DSTRICT_SPEC for the strict mepc[0] check (see case 6).
#include "riscv_test.h"

#define MSTATUS_MIE  0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP  0x1800

RVTEST_CODE_BEGIN

  li s5, 0
  li s6, 0
  csrw mie, zero          # no interrupt source enabled: MIE = 1 is harmless

  # Case 2: MPIE = 1, MIE = 0, MPP = M: after mret MIE = 1, MPIE = 1, and MPP is
  # U if misa.U is set, else M.
test_2:
  li TESTNUM, 2
  li t0, MSTATUS_MIE
  csrc mstatus, t0
  li t0, MSTATUS_MPIE | MSTATUS_MPP
  csrs mstatus, t0
  la t0, 1f
  csrw mepc, t0
  mret
  j fail
1:
  csrr a0, mstatus
  csrci mstatus, MSTATUS_MIE
  andi t1, a0, MSTATUS_MIE
  beqz t1, fail
  andi t1, a0, MSTATUS_MPIE
  beqz t1, fail
  li t1, MSTATUS_MPP
  and t1, a0, t1
  csrr t2, misa
  srli t2, t2, 20         # 'U' is bit 20
  andi t2, t2, 1
  li t3, MSTATUS_MPP      # no U-mode: MPP stays M
  beqz t2, 2f
  li t3, 0                # U-mode: MPP becomes U (0)
2:
  bne t1, t3, fail

  # Case 3: MPIE = 0, MIE = 1: after mret MIE = 0 (from MPIE) and MPIE = 1.
test_3:
  li TESTNUM, 3
  li t0, MSTATUS_MPIE
  csrc mstatus, t0
  li t0, MSTATUS_MIE | MSTATUS_MPP
  csrs mstatus, t0
  la t0, 1f
  csrw mepc, t0
  mret
  j fail
1:
  csrr a0, mstatus
  andi t1, a0, MSTATUS_MIE
  bnez t1, fail
  andi t1, a0, MSTATUS_MPIE
  beqz t1, fail

  # Case 4: mret goes exactly to mepc (not mepc + 4, not the next instruction).
test_4:
  li TESTNUM, 4
  li s7, 0
  li t0, MSTATUS_MPP
  csrs mstatus, t0
  la t0, 2f
  csrw mepc, t0
  mret
1:
  j fail
  j fail
2:
  addi s7, s7, 1
  li t0, 1
  bne s7, t0, fail

  # Case 5: mepc at an address that is 2 mod 4 (IALIGN = 16 with C).
test_5:
  li TESTNUM, 5
  li s7, 0
  li t0, MSTATUS_MPP
  csrs mstatus, t0
  la t0, 2f
  csrw mepc, t0
  mret
  j fail
  .balign 4
  c.nop
2:
  c.addi s7, 5
  la t0, 2b
  andi t0, t0, 2
  beqz t0, fail
  li t0, 5
  bne s7, t0, fail

  # Case 6: mepc[0] is always zero: an odd value reads back with bit 0 clear,
  # bit 1 kept (C is supported). QEMU 7.2 (the oracle) keeps bit 0, so the default
  # build also accepts the unmasked value; -DSTRICT_SPEC (the rv64mi-mret_strict
  # ROM) requires the masked one.
test_6:
  li TESTNUM, 6
  li t0, 0x80000003
  csrw mepc, t0
  csrr a0, mepc
  li t1, 0x80000002
#ifndef STRICT_SPEC
  beq a0, t1, 1f
  li t1, 0x80000003
#endif
  bne a0, t1, fail
1:

  # Cases 7-8 need U-mode; without misa.U they are skipped (pass trivially).
  csrr t0, misa
  srli t0, t0, 20
  andi t0, t0, 1
  beqz t0, skip_umode

  # One PMP entry that covers all memory with RWX (NAPOT), so U-mode can fetch.
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0

  # Case 7: mret with MPP = U runs the target in U-mode: its ecall is an
  # environment call from U-mode (mcause 8), and mstatus.MPP at the trap is U.
test_7:
  li TESTNUM, 7
  li s2, -1
  li s3, -1
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  la t0, umode_ecall
  csrw mepc, t0
  la s6, 1f               # the handler resumes at 1f, back in M-mode
  mret
  j fail
1:
  li t0, 8
  bne s2, t0, fail
  la t0, umode_ecall
  bne s3, t0, fail
  li t0, MSTATUS_MPP
  and t0, s8, t0
  bnez t0, fail

  # Case 8: in U-mode an M-mode CSR is not accessible: illegal instruction (2)
  # at the exact csrr.
test_8:
  li TESTNUM, 8
  li s2, -1
  li s3, -1
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  la t0, umode_csr
  csrw mepc, t0
  la s6, 1f
  mret
  j fail
1:
  li t0, 2
  bne s2, t0, fail
  la t0, umode_csr
  bne s3, t0, fail

  # Case 9: back in M-mode (the handler returned with MPP = M): M-mode CSRs work.
  TEST_CASE(9, a0, 0x77, li t0, 0x77; csrw mscratch, t0; csrr a0, mscratch)

skip_umode:
  TEST_PASSFAIL

umode_ecall:
  ecall
  j fail
umode_csr:
  csrr a0, mscratch
  j fail

RVTEST_CODE_END

MI_TRAP_HANDLER

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
