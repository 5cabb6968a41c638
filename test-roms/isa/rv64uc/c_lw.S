// rv64uc c.lw: load word, sign-extended: rd' = sext(mem32[rs1' + uimm]) (uimm 0..124, multiple of 4).
#include "riscv_test.h"
        .option rvc             // compressed-ISA test: c.* mnemonics must assemble to 16 bits
        .option norelax         // keep the code layout exactly as written

#define TEST_C_LW(testnum, rd, rs1, off, result)                        \
        TEST_CASE(testnum, rd, result,                                  \
          la rs1, cdat;                                                 \
          li rd, UI_SENTINEL;                                           \
          c.lw rd, off(rs1))

RVTEST_CODE_BEGIN

  // one case per offset bit (uimm[5:3] in bits 12:10, uimm[2|6] in bits 6:5), all
  // registers x8..x15; even words are negative (sign extension), odd words positive
  TEST_C_LW( 2, x9 , x8 ,   0, 0xffffffffa5a50000)
  TEST_C_LW( 3, x9 , x8 ,   4, 0x000000005a5a0001)
  TEST_C_LW( 4, x9 , x8 ,   8, 0xffffffffa5a50002)
  TEST_C_LW( 5, x10, x8 ,  16, 0xffffffffa5a50004)
  TEST_C_LW( 6, x11, x8 ,  32, 0xffffffffa5a50008)
  TEST_C_LW( 7, x12, x8 ,  64, 0xffffffffa5a50010)
  TEST_C_LW( 8, x13, x8 , 124, 0x000000005a5a001f)
  TEST_C_LW( 9, x14, x8 ,  60, 0x000000005a5a000f)
  TEST_C_LW(10, x15, x8 ,  68, 0x000000005a5a0011)
  TEST_C_LW(11, x8 , x15,  84, 0x000000005a5a0015)
  // rd == rs1
  TEST_CASE(12, x8, 0x000000005a5a0003,
    la x8, cdat;
    c.lw x8, 12(x8))
  // 0x80000000 / 0x7fffffff / 0xffffffff boundary values
  TEST_CASE(13, x9, 0xffffffff80000000,
    la x8, cdat2;
    li x9, 0;
    c.lw x9, 0(x8))
  TEST_CASE(14, x9, 0x000000007fffffff,
    li x9, -1;
    c.lw x9, 4(x8))
  TEST_CASE(15, x9, 0xffffffffffffffff,
    c.lw x9, 8(x8))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
cdat:
// word i = 0x5a5a0000 + i for odd i (positive), 0xa5a50000 + i for even i (negative)
  .set i, 0
  .rept 32
  .if (i & 1)
  .word 0x5a5a0000 + i
  .else
  .word 0xa5a50000 + i
  .endif
  .set i, i + 1
  .endr
cdat2:
  .word 0x80000000, 0x7fffffff, 0xffffffff
RVTEST_DATA_END
