// rv64uc c.nop: no operation; also the c.nop/c.addi/c.li/c.lui/c.mv/c.add/c.slli/c.srli/c.srai HINT encodings, which must execute as no-ops (C spec, "HINT Instructions").
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

RVTEST_CODE_BEGIN

  // c.nop changes nothing and is 2 bytes long
  TEST_CASE( 2, x14, 0x0000000000000123,
    li x14, 0x123;
    c.nop;
    c.nop)
  TEST_CASE( 3, x14, 2,
    jal x15, 1f;
1:  c.nop;
    auipc x14, 0;
    sub x14, x14, x15)

  // HINTs (bug: trapping on them, or writing x0 / rd). x8 = 0x8888, x9 = 0x9999.
  li x8, 0x8888
  li x9, 0x9999
  TEST_CASE( 4, x8, 0x8888,
    .hword 0x0005)              /* c.nop with nzimm = 1 (c.addi x0, 1) */
  TEST_CASE( 5, x8, 0x8888,
    .hword 0x107d)              /* c.nop with nzimm = -1 */
  TEST_CASE( 6, x8, 0x8888,
    .hword 0x0401)              /* c.addi x8, 0 */
  TEST_CASE( 7, x0, 0,
    .hword 0x4015)              /* c.li x0, 5 */
  TEST_CASE( 8, x0, 0,
    .hword 0x6005)              /* c.lui x0, 1 */
  TEST_CASE( 9, x0, 0,
    .hword 0x8022)              /* c.mv x0, x8 */
  TEST_CASE(10, x0, 0,
    .hword 0x9022)              /* c.add x0, x8 */
  TEST_CASE(11, x0, 0,
    .hword 0x0006)              /* c.slli x0, 1 */
  TEST_CASE(12, x8, 0x8888,
    .hword 0x0402)              /* c.slli x8, 0 (c.slli64 on RV128) */
  TEST_CASE(13, x8, 0x8888,
    .hword 0x8001)              /* c.srli x8, 0 (c.srli64) */
  TEST_CASE(14, x8, 0x8888,
    .hword 0x8401)              /* c.srai x8, 0 (c.srai64) */
  // none of the HINTs touched the other registers
  TEST_CASE(15, x9, 0x9999, )
  // a HINT is 2 bytes long like any compressed instruction
  TEST_CASE(16, x14, 6,
    jal x15, 1f;
1:  .hword 0x0005;
    .hword 0x4015;
    .hword 0x0401;
    auipc x14, 0;
    sub x14, x14, x15)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
