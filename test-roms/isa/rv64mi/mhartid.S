# mhartid reads 0 on the single hart; the read-only CSR can be read with every
# read form that does not write (csrrs/csrrc with rs1 = x0, csrrsi/csrrci with
# uimm = 0) without trapping. mvendorid/marchid/mimpid are readable too.
#include "riscv_test.h"

RVTEST_CODE_BEGIN

  TEST_CASE(2, a0, 0, li a0, -1; csrr a0, mhartid)
  TEST_CASE(3, a0, 0, li a0, -1; csrrc a0, mhartid, x0)
  TEST_CASE(4, a0, 0, li a0, -1; csrrsi a0, mhartid, 0)
  TEST_CASE(5, a0, 0, li a0, -1; csrrci a0, mhartid, 0)
  # Case 6: the other read-only machine information CSRs exist (no trap).
  TEST_CASE(6, a0, 0, csrr a1, mvendorid; csrr a1, marchid; csrr a1, mimpid; li a0, 0)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
