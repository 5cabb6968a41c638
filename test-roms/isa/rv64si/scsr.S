# Supervisor CSRs: sstatus is a view of mstatus (writes through sstatus only touch
# the S fields, reads hide the M fields); sie / sip are views of mie / mip masked by
# mideleg (undelegated bits read 0 and ignore writes; in sip only SSIP is writable);
# sscratch, sepc, scause, stval, stvec hold what S-mode writes; satp writes with an
# unsupported MODE are ignored entirely.
# Build with -DSTRICT_SPEC for the checks where QEMU 7.2 deviates: UXL after a write
# of all ones (QEMU lets sstatus set UXL = 3, a reserved value; case 4) and sepc[0]
# (QEMU keeps it; case 17).
#include "riscv_test.h"

#define S_FIELDS (PRIV_MSTATUS_SIE | PRIV_MSTATUS_SPIE | PRIV_MSTATUS_SPP | PRIV_MSTATUS_SUM | PRIV_MSTATUS_MXR)
#define M_FIELDS (PRIV_MSTATUS_MIE | PRIV_MSTATUS_MPIE | PRIV_MSTATUS_MPP | PRIV_MSTATUS_MPRV | PRIV_MSTATUS_TVM | PRIV_MSTATUS_TW | PRIV_MSTATUS_TSR)
#define S_INTS (PRIV_MIP_SSIP | PRIV_MIP_STIP | PRIV_MIP_SEIP)
#define M_INTS (PRIV_MIP_MSIP | PRIV_MIP_MTIP | PRIV_MIP_MEIP)
#define UXL_MASK 0x300000000
#define UXL_64   0x200000000
#define SATP_SV39 0x8000000000000000
#define SATP_PPN  0x80000          /* 0x8000_0000 >> 12 */

RVTEST_CODE_BEGIN

  PRIV_INIT
  csrw menvcfg, zero              # Sstc off: mip.STIP is software-writable

  csrr s0, sstatus                # UXL before any write, for case 4

  # ---- sstatus ----
  # Case 2: all M fields clear; writing all ones to sstatus sets none of them ...
test_2:
  li TESTNUM, 2
  li t0, M_FIELDS
  csrc mstatus, t0
  li t0, -1
  csrw sstatus, t0
  csrr a0, mstatus
  PRIV_CHECK_FIELD(a0, M_FIELDS, 0)

  # Case 3: ... but sets all the S fields (SIE, SPIE, SPP, SUM, MXR) in mstatus.
  TEST_CASE(3, a1, S_FIELDS, li t0, S_FIELDS; and a1, a0, t0)

  # Case 4: UXL (sstatus[33:32]) is 2 (64-bit U-mode) at reset, and no write makes it
  # 0 or the reserved value 3 (-DSTRICT_SPEC only: QEMU 7.2 takes the 3 from the
  # write of all ones in case 2).
test_4:
  li TESTNUM, 4
  PRIV_CHECK_FIELD(s0, UXL_MASK, UXL_64)
  csrr a0, sstatus
#ifdef STRICT_SPEC
  srli a0, a0, 32
  andi a0, a0, 3
  li t0, 3
  beq a0, t0, fail
  beqz a0, fail
#endif

  # Case 5: all M fields set (MIE too: mie = 0 enables no interrupt); writing 0 to
  # sstatus clears the S fields and keeps the M fields.
test_5:
  li TESTNUM, 5
  li t0, M_FIELDS & ~PRIV_MSTATUS_MPRV
  csrs mstatus, t0
  csrw sstatus, zero
  csrr a0, mstatus
  PRIV_CHECK_FIELD(a0, M_FIELDS | S_FIELDS, M_FIELDS & ~PRIV_MSTATUS_MPRV)

  # Case 6: sstatus reads hide the M fields.
test_6:
  li TESTNUM, 6
  csrr a0, sstatus
  PRIV_CHECK_FIELD(a0, M_FIELDS, 0)
  li t0, M_FIELDS
  csrc mstatus, t0

  # Case 7: in S-mode, sstatus reads the S fields and csrs / csrc on it reach mstatus.
test_7:
  li TESTNUM, 7
  li t0, PRIV_MSTATUS_SUM | PRIV_MSTATUS_SPIE
  csrs mstatus, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrr a0, sstatus
  li t0, PRIV_MSTATUS_MXR
  csrs sstatus, t0
  li t0, PRIV_MSTATUS_SUM
  csrc sstatus, t0
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_FIELD(a0, S_FIELDS, PRIV_MSTATUS_SUM | PRIV_MSTATUS_SPIE)
  csrr a0, mstatus
  PRIV_CHECK_FIELD(a0, S_FIELDS, PRIV_MSTATUS_MXR | PRIV_MSTATUS_SPIE)
  li t0, S_FIELDS
  csrc mstatus, t0

  # Case 8: a write of all ones to sstatus from S-mode cannot set M fields either.
test_8:
  li TESTNUM, 8
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, -1
  csrw sstatus, t0
  csrci sstatus, PRIV_MSTATUS_SIE
  PRIV_EXPECT_MODE(PRIV_S)
  csrr a0, mstatus
  PRIV_CHECK_FIELD(a0, M_FIELDS, PRIV_S << 11)    # MPP = S from the ecall only
  li t0, S_FIELDS
  csrc mstatus, t0

  # ---- sie / sip ----
  # Case 9: mideleg = 0: sie reads 0 and a write of all ones changes nothing in mie.
test_9:
  li TESTNUM, 9
  csrw mideleg, zero
  csrw mie, zero
  li t0, -1
  csrw sie, t0
  csrr a0, sie
  PRIV_CHECK_EQ(a0, 0)
  csrr a0, mie
  PRIV_CHECK_EQ(a0, 0)

  # Case 10: mideleg = SSI|STI|SEI: sie = all ones sets exactly SSIE, STIE, SEIE in
  # mie, and sie reads them back.
test_10:
  li TESTNUM, 10
  li t0, S_INTS
  csrw mideleg, t0
  li t0, -1
  csrw sie, t0
  csrr a0, mie
  PRIV_CHECK_FIELD(a0, S_INTS | M_INTS, S_INTS)
  csrr a0, sie
  PRIV_CHECK_EQ(a0, S_INTS)

  # Case 11: machine enables set in mie do not show in sie.
test_11:
  li TESTNUM, 11
  li t0, M_INTS
  csrs mie, t0
  csrr a0, sie
  PRIV_CHECK_EQ(a0, S_INTS)

  # Case 12: mideleg = STI only: sie shows only STIE although SSIE / SEIE are set in
  # mie, and sie = 0 clears only STIE.
test_12:
  li TESTNUM, 12
  li t0, PRIV_MIP_STIP
  csrw mideleg, t0
  csrr a0, sie
  PRIV_CHECK_EQ(a0, PRIV_MIP_STIP)
  csrw sie, zero
  csrr a0, mie
  PRIV_CHECK_FIELD(a0, S_INTS | M_INTS, PRIV_MIP_SSIP | PRIV_MIP_SEIP | M_INTS)
  csrw mie, zero

  # Case 13: sip: SSIP, STIP, SEIP set in mip (from M) show in sip when delegated ...
test_13:
  li TESTNUM, 13
  li t0, S_INTS
  csrw mideleg, t0
  csrs mip, t0
  csrr a0, sip
  PRIV_CHECK_EQ(a0, S_INTS)
  # Case 14: ... and read 0 when not delegated.
  li TESTNUM, 14
  li t0, PRIV_MIP_SSIP
  csrw mideleg, t0
  csrr a0, sip
  PRIV_CHECK_EQ(a0, PRIV_MIP_SSIP)
  csrw mideleg, zero
  csrr a0, sip
  PRIV_CHECK_EQ(a0, 0)

  # Case 15: only SSIP is writable through sip (in S-mode): sip = 0 clears SSIP and
  # leaves STIP and SEIP pending in mip.
test_15:
  li TESTNUM, 15
  li t0, S_INTS
  csrw mideleg, t0
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  csrw sip, zero
  csrr a0, sip
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, PRIV_MIP_STIP | PRIV_MIP_SEIP)
  csrr a0, mip
  PRIV_CHECK_FIELD(a0, S_INTS, PRIV_MIP_STIP | PRIV_MIP_SEIP)

  # Case 16: with mip = 0, sip = all ones (in S-mode) sets SSIP only.
test_16:
  li TESTNUM, 16
  csrw mip, zero
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, -1
  csrw sip, t0
  csrr a0, sip
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, PRIV_MIP_SSIP)
  csrr a0, mip
  PRIV_CHECK_FIELD(a0, S_INTS, PRIV_MIP_SSIP)
  csrw mip, zero
  csrw mideleg, zero

  # ---- sscratch, sepc, scause, stval, stvec (written in S-mode, read in M) ----
  # Case 17: round trips in S-mode; sepc[0] reads 0 (-DSTRICT_SPEC only: QEMU 7.2
  # keeps it); sepc[1] is writable (C).
test_17:
  li TESTNUM, 17
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, 0x0123456789abcdef
  csrw sscratch, t0
  li t0, 0x80001236
  csrw sepc, t0
  csrr a0, sepc
  li t0, 0x80001233
  csrw sepc, t0
  csrr a1, sepc
  li t0, 0x8000000000000005
  csrw scause, t0
  li t0, 0x80002345
  csrw stval, t0
  la t0, stvec_direct
  csrw stvec, t0
  csrr a2, stvec
  la t0, stvec_vectored + 1
  csrw stvec, t0
  csrr a3, stvec
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 0x80001236)
#ifdef STRICT_SPEC
  PRIV_CHECK_EQ(a1, 0x80001232)
#endif
  # Case 18: sscratch holds all 64 bits and is not mscratch.
  li TESTNUM, 18
  csrr a0, sscratch
  PRIV_CHECK_EQ(a0, 0x0123456789abcdef)
  csrr a0, mscratch
  li t0, 0x0123456789abcdef
  beq a0, t0, fail
  # Case 19: scause holds an interrupt cause, stval an address.
  li TESTNUM, 19
  csrr a0, scause
  PRIV_CHECK_EQ(a0, 0x8000000000000005)
  csrr a0, stval
  PRIV_CHECK_EQ(a0, 0x80002345)
  # Case 20: stvec holds a direct (mode 0) and a vectored (mode 1) value.
  li TESTNUM, 20
  PRIV_CHECK_LABEL(a2, stvec_direct)
  PRIV_CHECK_LABEL(a3, stvec_vectored + 1)
  la t0, priv_strap
  csrw stvec, t0
  # Case 21: scause = 2, and stval = 0, also stick (written in M-mode).
  li TESTNUM, 21
  li t0, 2
  csrw scause, t0
  csrr a0, scause
  PRIV_CHECK_EQ(a0, 2)
  csrw stval, zero
  csrr a0, stval
  PRIV_CHECK_EQ(a0, 0)

  # ---- satp ----
  # Case 22: MODE = 1 (reserved) is not supported: the write has no effect at all.
test_22:
  li TESTNUM, 22
  csrw satp, zero
  li t0, (1 << 60) | SATP_PPN
  csrw satp, t0
  csrr a0, satp
  PRIV_CHECK_EQ(a0, 0)
  # Case 23: MODE = 15 (reserved for custom use) is not supported either.
  li TESTNUM, 23
  li t0, (15 << 60) | SATP_PPN
  csrw satp, t0
  csrr a0, satp
  PRIV_CHECK_EQ(a0, 0)
  # Case 24: Sv39 (MODE = 8) is supported: the value sticks (ASID 0, PPN). Written in
  # M-mode, where it does not translate.
  li TESTNUM, 24
  li t0, SATP_SV39 | SATP_PPN
  csrw satp, t0
  csrr a0, satp
  PRIV_CHECK_EQ(a0, SATP_SV39 | SATP_PPN)
  # Case 25: a following write with a reserved MODE leaves all of satp (MODE and PPN)
  # unchanged.
  li TESTNUM, 25
  li t0, (2 << 60) | 0x12345
  csrw satp, t0
  csrr a0, satp
  PRIV_CHECK_EQ(a0, SATP_SV39 | SATP_PPN)
  csrw satp, zero
  csrr a0, satp
  PRIV_CHECK_EQ(a0, 0)

  # Case 26: from S-mode (TVM = 0) satp is accessible, and a reserved-MODE write is
  # ignored there too (translation stays off: the code keeps running).
test_26:
  li TESTNUM, 26
  PRIV_MRET_TO(PRIV_S, 1f)
1:
  li t0, (7 << 60) | SATP_PPN
  csrw satp, t0
  csrr a0, satp
  PRIV_EXPECT_MODE(PRIV_S)
  PRIV_CHECK_EQ(a0, 0)

  TEST_PASSFAIL

  .align 6
stvec_direct:
  j fail
  .align 8
stvec_vectored:
  j fail

RVTEST_CODE_END

PRIV_TRAP_HANDLERS

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
