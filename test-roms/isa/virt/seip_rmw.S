# mip.SEIP on the virt board: the value read is the software-writable bit ORed with
# the PLIC's signal, but only the software bit takes part in a csrrs/csrrc of mip
# (priv spec 3.1.9). A hart that latched the PLIC signal into the software bit would
# see SEIP stuck at 1 after the device's interrupt went away (an interrupt storm that
# stalled Linux with -smp 4 on gasang before this was fixed).
#
# The UART's THR-empty interrupt (PLIC source 10) drives hart 0's S-mode context.
# Virt board only; built with -DPRIV_QEMU_VIRT so it ends through the test device.

#include "riscv_test.h"

#define PLIC      0x0c000000
#define UART_IER  0x10000001
#define SEIP      0x200

RVTEST_CODE_BEGIN
  # PLIC: source 10 priority 1, enabled for context 1 (hart 0 S), threshold 0.
  li t0, PLIC + 4 * 10
  li t1, 1
  sw t1, 0(t0)
  li t0, PLIC + 0x2000 + 0x80 * 1
  li t1, 1 << 10
  sw t1, 0(t0)
  li t0, PLIC + 0x200000 + 0x1000 * 1
  sw zero, 0(t0)
  # Interrupts stay globally off in M-mode: nothing is taken, only mip is looked at.

  # Case 2: no device interrupt yet: SEIP reads 0.
  TEST_CASE(2, a0, 0, csrr a0, mip; andi a0, a0, SEIP)

  # Case 3: UART IER.ETBEI with an empty THR: the line rises, SEIP reads 1.
  li t0, UART_IER
  li t1, 2
  sb t1, 0(t0)
  li a1, 100000
1:
  csrr a0, mip
  andi a0, a0, SEIP
  bnez a0, 2f
  addi a1, a1, -1
  bnez a1, 1b
2:
  TEST_CASE(3, a0, SEIP, )

  # Case 4: a read-modify-write of mip while the line is high (setting SSIP, as
  # OpenSBI does to forward an IPI) must not latch SEIP.
  csrsi mip, 2
  csrci mip, 2
  li t0, UART_IER
  sb zero, 0(t0)
  li a1, 100000
1:
  csrr a0, mip
  andi a0, a0, SEIP
  beqz a0, 2f
  addi a1, a1, -1
  bnez a1, 1b
2:
  TEST_CASE(4, a0, 0, )

  # Case 5: the software bit itself is writable by M-mode and reads back.
  li t0, SEIP
  csrs mip, t0
  TEST_CASE(5, a0, SEIP, csrr a0, mip; andi a0, a0, SEIP)
  csrc mip, t0
  TEST_CASE(6, a0, 0, csrr a0, mip; andi a0, a0, SEIP)

  TEST_PASSFAIL
PRIV_CODE_END

RVTEST_DATA_BEGIN
RVTEST_DATA_END
