# Misaligned loads and stores of every width at every misaligned offset work
# (no trap, as on QEMU) and give the little-endian value; signed loads sign-extend.
# Includes accesses crossing an 8-byte boundary, a 4 KiB page boundary, and
# compressed loads/stores through a misaligned base. There is no mtvec_handler:
# any trap fails the current case.
#include "riscv_test.h"

#define D0 0x78e71655c4339211
#define D1 0x80ff6edd4cbb2a99

/* Reset the 16-byte buffer at `sym` to D0, D1. */
#define RESET_BUF(sym) la x10, sym; li x11, D0; sd x11, 0(x10); li x11, D1; sd x11, 8(x10)

/* Load `inst` at sym+off and expect `result`. */
#define MA_LOAD(testnum, inst, result, sym, off) \
  TEST_CASE(testnum, x14, result, RESET_BUF(sym); inst x14, off(x10))

/* Store x12 = `val` with `inst` at sym+off; the buffer must then hold e0, e1. */
#define MA_STORE(testnum, inst, val, e0, e1, sym, off) \
  TEST_CASE(testnum, x15, e1, RESET_BUF(sym); li x12, val; inst x12, off(x10); \
    ld x14, 0(x10); li x7, e0; bne x14, x7, fail; ld x15, 8(x10))

RVTEST_CODE_BEGIN

  # Halfword loads at odd offsets (offset 7 crosses the 8-byte boundary).
  MA_LOAD( 2, lh  , 0x0000000000003392, mbuf, 1)
  MA_LOAD( 3, lh  , 0x00000000000055c4, mbuf, 3)
  MA_LOAD( 4, lh  , 0xffffffffffffe716, mbuf, 5)
  MA_LOAD( 5, lh  , 0xffffffffffff9978, mbuf, 7)
  MA_LOAD( 6, lhu , 0x0000000000003392, mbuf, 1)
  MA_LOAD( 7, lhu , 0x00000000000055c4, mbuf, 3)
  MA_LOAD( 8, lhu , 0x000000000000e716, mbuf, 5)
  MA_LOAD( 9, lhu , 0x0000000000009978, mbuf, 7)
  # Word loads at offsets 1, 2, 3 and 5, 6, 7 (the last three cross 8 bytes).
  MA_LOAD(10, lw  , 0x0000000055c43392, mbuf, 1)
  MA_LOAD(11, lw  , 0x000000001655c433, mbuf, 2)
  MA_LOAD(12, lw  , 0xffffffffe71655c4, mbuf, 3)
  MA_LOAD(13, lw  , 0xffffffff9978e716, mbuf, 5)
  MA_LOAD(14, lw  , 0x000000002a9978e7, mbuf, 6)
  MA_LOAD(15, lw  , 0xffffffffbb2a9978, mbuf, 7)
  MA_LOAD(16, lwu , 0x0000000055c43392, mbuf, 1)
  MA_LOAD(17, lwu , 0x000000001655c433, mbuf, 2)
  MA_LOAD(18, lwu , 0x00000000e71655c4, mbuf, 3)
  MA_LOAD(19, lwu , 0x000000009978e716, mbuf, 5)
  MA_LOAD(20, lwu , 0x000000002a9978e7, mbuf, 6)
  MA_LOAD(21, lwu , 0x00000000bb2a9978, mbuf, 7)
  # Doubleword loads at offsets 1-7 (all cross the 8-byte boundary).
  MA_LOAD(22, ld  , 0x9978e71655c43392, mbuf, 1)
  MA_LOAD(23, ld  , 0x2a9978e71655c433, mbuf, 2)
  MA_LOAD(24, ld  , 0xbb2a9978e71655c4, mbuf, 3)
  MA_LOAD(25, ld  , 0x4cbb2a9978e71655, mbuf, 4)
  MA_LOAD(26, ld  , 0xdd4cbb2a9978e716, mbuf, 5)
  MA_LOAD(27, ld  , 0x6edd4cbb2a9978e7, mbuf, 6)
  MA_LOAD(28, ld  , 0xff6edd4cbb2a9978, mbuf, 7)

  # Stores: the register has garbage above the stored width; only the
  # addressed bytes change.
  MA_STORE(29, sh, 0xdeadbeefcafea1b2, 0x78e71655c4a1b211, 0x80ff6edd4cbb2a99, mbuf, 1)
  MA_STORE(30, sh, 0xdeadbeefcafea1b2, 0x78e716a1b2339211, 0x80ff6edd4cbb2a99, mbuf, 3)
  MA_STORE(31, sh, 0xdeadbeefcafea1b2, 0x78a1b255c4339211, 0x80ff6edd4cbb2a99, mbuf, 5)
  MA_STORE(32, sh, 0xdeadbeefcafea1b2, 0xb2e71655c4339211, 0x80ff6edd4cbb2aa1, mbuf, 7)
  MA_STORE(33, sw, 0xdeadbeefc1d2e3f4, 0x78e716c1d2e3f411, 0x80ff6edd4cbb2a99, mbuf, 1)
  MA_STORE(34, sw, 0xdeadbeefc1d2e3f4, 0x78e7c1d2e3f49211, 0x80ff6edd4cbb2a99, mbuf, 2)
  MA_STORE(35, sw, 0xdeadbeefc1d2e3f4, 0x78c1d2e3f4339211, 0x80ff6edd4cbb2a99, mbuf, 3)
  MA_STORE(36, sw, 0xdeadbeefc1d2e3f4, 0xd2e3f455c4339211, 0x80ff6edd4cbb2ac1, mbuf, 5)
  MA_STORE(37, sw, 0xdeadbeefc1d2e3f4, 0xe3f41655c4339211, 0x80ff6edd4cbbc1d2, mbuf, 6)
  MA_STORE(38, sw, 0xdeadbeefc1d2e3f4, 0xf4e71655c4339211, 0x80ff6edd4cc1d2e3, mbuf, 7)
  MA_STORE(39, sd, 0x0123456789abcdef, 0x23456789abcdef11, 0x80ff6edd4cbb2a01, mbuf, 1)
  MA_STORE(40, sd, 0x0123456789abcdef, 0x456789abcdef9211, 0x80ff6edd4cbb0123, mbuf, 2)
  MA_STORE(41, sd, 0x0123456789abcdef, 0x6789abcdef339211, 0x80ff6edd4c012345, mbuf, 3)
  MA_STORE(42, sd, 0x0123456789abcdef, 0x89abcdefc4339211, 0x80ff6edd01234567, mbuf, 4)
  MA_STORE(43, sd, 0x0123456789abcdef, 0xabcdef55c4339211, 0x80ff6e0123456789, mbuf, 5)
  MA_STORE(44, sd, 0x0123456789abcdef, 0xcdef1655c4339211, 0x80ff0123456789ab, mbuf, 6)
  MA_STORE(45, sd, 0x0123456789abcdef, 0xefe71655c4339211, 0x800123456789abcd, mbuf, 7)

  # Accesses crossing a 4 KiB page boundary (pbuf + 8 is page-aligned).
  MA_LOAD(46, ld  , 0xdd4cbb2a9978e716, pbuf, 5)
  MA_LOAD(47, lw  , 0x000000002a9978e7, pbuf, 6)
  MA_LOAD(48, lhu , 0x0000000000009978, pbuf, 7)
  MA_STORE(49, sd, 0xf0e1d2c3b4a59687, 0xc3b4a59687339211, 0x80ff6edd4cf0e1d2, pbuf, 3)
  MA_STORE(50, sw, 0x00000000a0b0c0d0, 0xc0d01655c4339211, 0x80ff6edd4cbba0b0, pbuf, 6)
  MA_STORE(51, sh, 0x000000000000beef, 0xefe71655c4339211, 0x80ff6edd4cbb2abe, pbuf, 7)

  # Compressed c.lw / c.ld / c.sw / c.sd through a misaligned base register.
  TEST_CASE(52, x14, 0xffffffffe71655c4, RESET_BUF(mbuf); addi x10, x10, 3; c.lw x14, 0(x10))
  TEST_CASE(53, x14, 0xdd4cbb2a9978e716, RESET_BUF(mbuf); addi x10, x10, 5; c.ld x14, 0(x10))
  TEST_CASE(54, x15, 0x80ff6edd4cbb8765, RESET_BUF(mbuf); li x12, 0x1234567887654321; addi x13, x10, 6; c.sw x12, 0(x13); ld x14, 0(x10); li x7, 0x43211655c4339211; bne x14, x7, fail; ld x15, 8(x10))
  TEST_CASE(55, x15, 0x80ff6edd4cbb2a01, RESET_BUF(mbuf); li x12, 0x0123456789abcdef; addi x13, x10, 1; c.sd x12, 0(x13); ld x14, 0(x10); li x7, 0x23456789abcdef11; bne x14, x7, fail; ld x15, 8(x10))

  # Load into the base register itself (rd == rs1) at a misaligned address.
  TEST_CASE(56, x10, 0xbb2a9978e71655c4, RESET_BUF(mbuf); ld x10, 3(x10))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

  .align 4
mbuf: .dword 0, 0

  .align 12
  .skip 4096 - 8
pbuf: .dword 0, 0   # pbuf + 8 starts a new page

RVTEST_DATA_END
