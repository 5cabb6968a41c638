# The virtual-memory environment itself (env/v/riscv_test.h; this ROM is built against
# it, as rv64vm-venv): the test body runs in S-mode with Sv39 paging on.
#include "riscv_test.h"
#include "v/vm_test.h"

RVTEST_CODE_BEGIN

  li s5, 0
  li s7, VM_MPP_S                 /* the M-level handler resumes in S-mode */

  # Case 2: satp is readable (S-mode CSR) and says Sv39.
  TEST_CASE(2, a0, 8, csrr a0, satp; srli a0, a0, 60)

  # Case 3: an M-mode CSR is an illegal instruction here (mcause 2, mepc exact).
  TEST_EXPECT_TRAP(3, VM_CAUSE_ILLEGAL, csrr a0, mstatus)

  # Case 4: ecall is an environment call from S-mode (9).
  TEST_EXPECT_TRAP(4, VM_CAUSE_SCALL, ecall)

  # Case 5: translation is on: 0x7fff_fff8, just below the identity-mapped gigabyte,
  # is a load page fault (13) with mtval = the address (untranslated, it would be an
  # access fault or a read of nothing).
  li a1, 0x7ffffff8
  TEST_EXPECT_TRAP(5, VM_CAUSE_LOAD_PAGE, ld a0, 0(a1))
  bne s4, a1, fail

  # Case 6: code, data and stack work: a store and load on the stack and in .data.
  la a1, vdata
  TEST_CASE(6, a0, 0x1122, li t0, 0x1122; sd t0, -8(sp); ld a0, -8(sp); sd a0, 0(a1); ld a0, 0(a1))

  # Case 7: three traps so far.
  TEST_CASE(7, s5, 3, nop)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
vdata: .dword 0
RVTEST_DATA_END
