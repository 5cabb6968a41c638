// rv64ui auipc: rd = pc + sign-extend(imm20 << 12), 64-bit add.
// The pc of the auipc is captured independently with jal (link = pc of next insn).
#include "riscv_test.h"
        .option norvc           // base-ISA test: keep every instruction 32-bit

// x15 = address of the auipc, x14 = auipc result; checks x14 - x15.
#define TEST_AUIPC(testnum, delta, imm)                                 \
        TEST_CASE(testnum, x14, delta,                                  \
          li x14, -1;                                                   \
          jal x15, 1f;                                                  \
      1:  auipc x14, imm;                                               \
          sub x14, x14, x15)

RVTEST_CODE_BEGIN

  TEST_AUIPC( 2, 0x0000000000000000, 0x00000)
  TEST_AUIPC( 3, 0x0000000000001000, 0x00001)
  TEST_AUIPC( 4, 0x0000000012345000, 0x12345)
  // crossing bit 32: pc is 0x8000xxxx, so pc + 0x7ffff000 > 0xffffffff (bug: 32-bit add)
  TEST_AUIPC( 5, 0x000000007ffff000, 0x7ffff)
  // negative immediates: the offset is sign-extended to 64 bits
  TEST_AUIPC( 6, 0xfffffffffffff000, 0xfffff)
  TEST_AUIPC( 7, 0xffffffff80000000, 0x80000)
  TEST_AUIPC( 8, 0xffffffffedcbb000, 0xedcbb)

  // absolute values (this code runs at 0x80002000..0x8000ffff):
  // pc + sext(0x80000 << 12) = pc - 2^31 = 0x0000_0000_0000_xxxx
  TEST_CASE( 9, x14, 0,
    auipc x14, 0x80000;
    srli x14, x14, 16)
  // pc + 0x7ffff000 = 0x0000_0001_0000_xxxx: bit 32 set, nothing above it
  TEST_CASE(10, x14, 1,
    auipc x14, 0x7ffff;
    srli x14, x14, 32)

  // auipc + addi pair reaches a data label (what la/lla expand to)
  TEST_CASE(11, x14, 0x0123456789abcdef,
1:  auipc x6, %pcrel_hi(auipc_data);
    addi x6, x6, %pcrel_lo(1b);
    ld x14, 0(x6))

  // auipc to x0 does nothing
  TEST_CASE(12, x0, 0,
    auipc x0, 0x12345)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
  .balign 8
auipc_data: .dword 0x0123456789abcdef
RVTEST_DATA_END
