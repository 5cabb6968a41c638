# misa on RV64: MXL (bits 63:62) = 2, extension bits I, M, A, C set, E clear,
# bits 61:26 zero.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  # Case 2: MXL = 2 (XLEN 64).
  TEST_CASE(2, a0, 2, csrr a1, misa; srli a0, a1, 62)
  # Case 3-6: I (bit 8), M (bit 12), A (bit 0), C (bit 2).
  TEST_CASE(3, a0, 1, csrr a1, misa; srli a0, a1, 8;  andi a0, a0, 1)
  TEST_CASE(4, a0, 1, csrr a1, misa; srli a0, a1, 12; andi a0, a0, 1)
  TEST_CASE(5, a0, 1, csrr a1, misa; andi a0, a1, 1)
  TEST_CASE(6, a0, 1, csrr a1, misa; srli a0, a1, 2;  andi a0, a0, 1)
  # Case 7: E (bit 4) is clear (RV64I, not RV64E).
  TEST_CASE(7, a0, 0, csrr a1, misa; srli a0, a1, 4;  andi a0, a0, 1)
  # Case 8: bits 61:26 are zero.
  TEST_CASE(8, a0, 0, csrr a1, misa; slli a0, a1, 2; srli a0, a0, 28)
  # Case 9: misa is not all-zero and reads the same twice (read has no side effect).
  TEST_CASE(9, a0, 0, csrr a1, misa; csrr a2, misa; beqz a1, fail; sub a0, a1, a2)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
