// rv64uc rvc_page_cross: 32-bit instructions that straddle a 4 KiB page boundary
// (first halfword at page offset 0xffe, second halfword in the next page). Each site is
// a 4 KiB-aligned block of zero padding followed by code; the fields that live in the
// second halfword (immediates, rs2, rs1[4:1]) decide the result, so an emulator that
// fetches or caches per page and does not fetch the upper half from the next page
// computes a different value or traps. Also covers fall-through vs. a direct jump to
// the straddling instruction and self-modifying code that rewrites only one half.
#include "riscv_test.h"
        .option rvc
        .option norelax         // keep the code layout exactly as written

#define RVC     .option pop
#define NORVC   .option push; .option norvc

RVTEST_CODE_BEGIN

  // Case 2: run sequentially from the end of page P into P+1 through a straddling addi
test_2:
  li TESTNUM, 2
  li x14, -1
  la x5, site1_entry
  jalr x1, 0(x5)
  li x7, 1 + 0x5a5 + 0x10
  bne x14, x7, fail

  // Case 3: jump straight to the straddling instruction (first of its block)
test_3:
  li TESTNUM, 3
  li x14, 0x64
  la x5, site1_insn
  jalr x1, 0(x5)
  li x7, 0x64 + 0x5a5 + 0x10
  bne x14, x7, fail

  // Case 4: the layout really straddles: site1_insn is at page offset 0xffe
test_4:
  li TESTNUM, 4
  la x5, site1_insn
  li x6, 0xfff
  and x5, x5, x6
  li x7, 0xffe
  bne x5, x7, fail

  // Case 5: a straddling jal (imm[19:12|11|10:1] mostly in the second half)
test_5:
  li TESTNUM, 5
  li x15, 0
  la x5, site2_insn
  jalr x0, 0(x5)          // the straddling jal comes back to site2_back, link in x15
  j fail
site2_back:
  la x16, site2_insn + 4
  bne x15, x16, fail

  // Case 6/7: a straddling beq (rs2 and rs1[4:1] in the second half), taken / not taken
test_6:
  li TESTNUM, 6
  li x10, 0x77
  li x11, 0x77
  li x14, 0
  la x5, site3_insn
  jalr x1, 0(x5)
  li x7, 2                // taken
  bne x14, x7, fail
test_7:
  li TESTNUM, 7
  li x11, 0x78
  li x14, 0
  la x5, site3_insn
  jalr x1, 0(x5)
  li x7, 1                // not taken
  bne x14, x7, fail

  // Case 8: a straddling ld with a large offset (imm in the second half)
test_8:
  li TESTNUM, 8
  la x10, ldat - 0x7f8
  li x14, 0
  la x5, site4_insn
  jalr x1, 0(x5)
  li x7, 0x0123456789abcdef
  bne x14, x7, fail

  // Case 9-10: self-modifying code on a straddling instruction.
  // site5_insn is `addi x14, x0, 0x111` (0x11100713). Execute it, then rewrite only the
  // upper halfword (in the NEXT page) to get `addi x14, x0, 0x222` (0x22200713),
  // fence.i, execute again: the instruction starts in page P but changed in page P+1
  // (bug: invalidating cached code only for the page/block where it starts).
test_9:
  li TESTNUM, 9
  li x14, 0
  la x5, site5_insn
  jalr x1, 0(x5)
  li x7, 0x111
  bne x14, x7, fail
  la x5, site5_insn
  li x6, 0x2220
  sh x6, 2(x5)            // upper half, next page
  fence.i
  li x14, 0
  jalr x1, 0(x5)
  li x7, 0x222
  bne x14, x7, fail
  // now rewrite only the lower halfword (page P): rd x14 -> x15 (0x22200793)
test_10:
  li TESTNUM, 10
  li x14, 0x5555
  li x15, 0
  la x5, site5_insn
  li x6, 0x0793
  sh x6, 0(x5)
  fence.i
  jalr x1, 0(x5)
  li x7, 0x222
  bne x15, x7, fail
  li x7, 0x5555
  bne x14, x7, fail

  TEST_PASSFAIL

  // ---------------------------------------------------------------------------
  // Straddle sites. Each: 4 KiB alignment, zero padding (illegal if executed), code.

  // site 1: c.li at 0xffc, straddling addi at 0xffe, addi at 0x002 of the next page
  .balign 4096
  .fill 4092, 1, 0
site1_entry:
  c.li x14, 1
site1_insn:
  NORVC
  addi x14, x14, 0x5a5
  addi x14, x14, 0x10
  RVC
  c.jr x1

  // site 2: straddling jal back to site2_back in test_5 (link in x15)
  .balign 4096
  .fill 4094, 1, 0
site2_insn:
  NORVC
  jal x15, site2_back
  RVC

  // site 3: straddling beq x10, x11 with a +0x40 offset (imm[6] in the second half)
  .balign 4096
  .fill 4094, 1, 0
site3_insn:
  NORVC
  beq x10, x11, 1f
  RVC
  c.li x14, 1             // not taken
  c.jr x1
  .fill 0x40 - 8, 1, 0
1:c.li x14, 2             // taken: site3_insn + 0x40
  c.jr x1

  // site 4: straddling ld x14, 0x7f8(x10)
  .balign 4096
  .fill 4094, 1, 0
site4_insn:
  NORVC
  ld x14, 0x7f8(x10)
  RVC
  c.jr x1

  // site 5: straddling addi x14, x0, 0x111, patched by case 9/10
  .balign 4096
  .fill 4094, 1, 0
site5_insn:
  NORVC
  addi x14, x0, 0x111
  RVC
  c.jr x1

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
ldat:
  .dword 0x0123456789abcdef
RVTEST_DATA_END
