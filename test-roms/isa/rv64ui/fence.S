// rv64ui fence: on a single hart FENCE has no visible effect except that it must
// execute as an ordering no-op: it must not trap, must not write any register and
// must not disturb memory. Covers the assembler forms, FENCE.TSO, PAUSE (a FENCE
// hint) and encodings with non-zero rd/rs1 fields, which base implementations must
// ignore (unprivileged spec, "FENCE": rs1 and rd are reserved and ignored).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

RVTEST_CODE_BEGIN

  // Store, fence, load sees the store
  TEST_CASE( 2, x14, 0x1122334455667788,
    la x2, fdat;
    li x1, 0x1122334455667788;
    sd x1, 0(x2);
    fence;
    ld x14, 0(x2))

  TEST_CASE( 3, x14, 0x00000000cafef00d,
    li x1, 0xcafef00d;
    sw x1, 8(x2);
    fence w, r;
    lwu x14, 8(x2))

  // All predecessor/successor set combinations the assembler accepts
  TEST_CASE( 4, x14, 0x0000000000000055,
    li x1, 0x55;
    sb x1, 12(x2);
    fence rw, rw;
    fence r, r;
    fence w, w;
    fence r, w;
    fence iorw, iorw;
    fence io, io;
    fence i, o;
    fence o, i;
    lbu x14, 12(x2))

  // FENCE.TSO (fm = 1000, rw,rw)
  TEST_CASE( 5, x14, 0x0000000000000066,
    li x1, 0x66;
    sb x1, 13(x2);
    .word 0x8330000f;           /* fence.tso */
    lbu x14, 13(x2))

  // PAUSE (Zihintpause): FENCE with pred = W, succ = 0; a no-op here
  TEST_CASE( 6, x14, 0x0000000000000077,
    li x14, 0x77;
    .word 0x0100000f)           /* pause */

  // FENCE with rd = x14 and rs1 = x1: the fields are ignored, x14 is not written
  // (bug: decoding FENCE as an I-type ALU op or trapping on non-zero fields)
  TEST_CASE( 7, x14, 0x0123456789abcdef,
    li x14, 0x0123456789abcdef;
    li x1, -1;
    .word 0x0ff0870f)           /* fence iorw, iorw with rs1 = x1, rd = x14 */

  // FENCE with pred = succ = 0 (an empty fence): also a no-op
  TEST_CASE( 8, x14, 0x5555,
    li x14, 0x5555;
    .word 0x0000000f)

  // Memory is untouched by all of the above
  TEST_CASE( 9, x14, 0x1122334455667788,
    ld x14, 0(x2))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
fdat:
  .dword 0, 0
RVTEST_DATA_END
