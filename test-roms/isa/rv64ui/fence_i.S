// rv64ui fence.i: self-modifying code. After storing a new instruction over code and
// executing FENCE.I, the hart must execute the new instruction. Catches emulators that
// cache decoded/translated code and do not invalidate it on FENCE.I (or that invalidate
// only once, only other blocks, or only whole pages that were not written).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  // Case 2: a function is called (so it is decoded/cached), patched, fence.i, called
  // again: the new instruction must run.
test_2:
  li TESTNUM, 2
  li x10, 0
  jal x1, smc_func
  li x7, 1
  bne x10, x7, fail       // original code: addi x10, x0, 1
  la x5, smc_func
  li x6, 0x00200513       // addi x10, x0, 2 (hand-encoded)
  sw x6, 0(x5)
  fence.i
  jal x1, smc_func
  li x7, 2
  bne x10, x7, fail

  // Case 3: patch it again with an instruction copied from a template (not
  // hand-encoded): the cache must be invalidated every time, not only once.
test_3:
  li TESTNUM, 3
  la x5, smc_func
  la x6, smc_template
  lw x6, 0(x6)            // addi x10, x0, 0x123
  sw x6, 0(x5)
  fence.i
  jal x1, smc_func
  li x7, 0x123
  bne x10, x7, fail

  // Case 4: patch the instruction that follows the store within the same straight-line
  // block (the currently executing block must be re-fetched after fence.i).
test_4:
  li TESTNUM, 4
  li x10, 0
  la x5, 1f
  li x6, 0x00700513       // addi x10, x0, 7
  sw x6, 0(x5)
  fence.i
1:addi x10, x0, 1         // replaced by addi x10, x0, 7
  li x7, 7
  bne x10, x7, fail

  // Case 5: a loop that rewrites its own body on every iteration: iteration k patches
  // the `addi x11, x11, imm` with imm = k + 1, so the sum is 1 + 2 + 3 + 4 = 10, but
  // only if every patched version is executed.
test_5:
  li TESTNUM, 5
  li x11, 0               // accumulator
  li x12, 1               // k
  la x5, 2f
  li x8, 0x00058593       // addi x11, x11, 0
1:slli x6, x12, 20        // imm field = k
  add x6, x6, x8
  sw x6, 0(x5)
  fence.i
2:addi x11, x11, 100      // overwritten before its first execution
  addi x12, x12, 1
  li x7, 5
  blt x12, x7, 1b
  li x7, 10
  bne x11, x7, fail

  // Case 6: replace a branch with a non-branch (a cached control-flow decision must
  // not survive): `j fail` becomes `addi x13, x0, 66`.
test_6:
  li TESTNUM, 6
  li x13, 0
  la x5, 1f
  li x6, 0x04200693       // addi x13, x0, 66
  sw x6, 0(x5)
  fence.i
1:j fail
  li x7, 66
  bne x13, x7, fail

  // Case 7: patch code via byte stores (partial-instruction writes must invalidate too):
  // addi x10, x0, 1 (0x00100513) -> addi x10, x0, 0x7ff (0x7ff00513) by rewriting
  // the two upper bytes.
test_7:
  li TESTNUM, 7
  la x5, smc_func
  li x6, 0x00100513
  sw x6, 0(x5)
  fence.i
  jal x1, smc_func
  li x7, 1
  bne x10, x7, fail
  li x6, 0xf0
  sb x6, 2(x5)
  li x6, 0x7f
  sb x6, 3(x5)
  fence.i
  jal x1, smc_func
  li x7, 0x7ff
  bne x10, x7, fail

  TEST_PASSFAIL

  // The patched function. It lives in .text (RAM), so it is writable.
  .balign 4
smc_func:
  addi x10, x0, 1
  jalr x0, 0(x1)

smc_template:
  addi x10, x0, 0x123     // never executed here, only copied

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
