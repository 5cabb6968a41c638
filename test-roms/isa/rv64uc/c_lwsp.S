// rv64uc c.lwsp: load word relative to sp, sign-extended: rd = sext(mem32[sp + uimm]) (uimm 0..252, multiple of 4; rd != x0).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

#define TEST_C_LWSP(testnum, rd, off, result)                           \
        TEST_CASE(testnum, rd, result,                                  \
          la sp, cdat;                                                  \
          li rd, UI_SENTINEL;                                           \
          c.lwsp rd, off(sp))

RVTEST_CODE_BEGIN

  // one case per offset bit (uimm[5] in bit 12, uimm[4:2|7:6] in bits 6:2), any rd
  TEST_C_LWSP( 2, x1 ,   0, 0xffffffffa5a50000)
  TEST_C_LWSP( 3, x5 ,   4, 0x000000005a5a0001)
  TEST_C_LWSP( 4, x6 ,   8, 0xffffffffa5a50002)
  TEST_C_LWSP( 5, x8 ,  16, 0xffffffffa5a50004)
  TEST_C_LWSP( 6, x9 ,  32, 0xffffffffa5a50008)
  TEST_C_LWSP( 7, x15,  64, 0xffffffffa5a50010)
  TEST_C_LWSP( 8, x16, 128, 0xffffffffa5a50020)
  TEST_C_LWSP( 9, x31, 252, 0x000000005a5a003f)
  TEST_C_LWSP(10, x10, 164, 0x000000005a5a0029)
  TEST_C_LWSP(11, x11,  88, 0xffffffffa5a50016)
  // rd == sp: the address uses the old sp
  TEST_CASE(12, x2, 0x000000005a5a0003,
    la sp, cdat;
    c.lwsp sp, 12(sp))
  TEST_CASE(13, x9, 0xffffffff80000000,
    la sp, cdat2;
    c.lwsp x9, 0(sp))
  TEST_CASE(14, x9, 0x000000007fffffff,
    c.lwsp x9, 4(sp))

  la sp, _stack_top

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
cdat:
// word i = 0x5a5a0000 + i for odd i (positive), 0xa5a50000 + i for even i (negative)
  .set i, 0
  .rept 64
  .if (i & 1)
  .word 0x5a5a0000 + i
  .else
  .word 0xa5a50000 + i
  .endif
  .set i, i + 1
  .endr
cdat2:
  .word 0x80000000, 0x7fffffff
RVTEST_DATA_END
