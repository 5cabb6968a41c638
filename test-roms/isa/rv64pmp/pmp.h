/* Shared setup for the rv64pmp tests (priv spec 3.7).
 *
 * The test program (code, data, stack) lies in [0x8000_0000, TA). PMP_INIT opens just
 * that range to S/U-mode with entry 15 (TOR from pmpaddr14 = 0x8000_0000, RWX; entry
 * 14 is OFF and only provides the base), so S-mode code runs while the test area
 * TA = 0x8010_0000 (RAM beyond the image) is reachable only through the entries a
 * case sets up: with no matching entry an S/U access there fails. Accesses run in
 * S-mode (or U-mode) with satp = Bare through VM_RUN_OFF; PMP faults are access faults
 * (load 5, store/AMO 7, fetch 1) with mtval = the address.
 */
#include "riscv_test.h"
#include "v/vm_test.h"

#define TA 0x80100000

/* CSR numbers: pmpcfg0 = 0x3a0 (entries 0-7), pmpcfg2 = 0x3a2 (entries 8-15),
 * pmpaddrN = 0x3b0 + N. */
#define PMPCFG_CSR(i) (0x3a0 + ((i) / 8) * 2)
#define PMPADDR_CSR(i) (0x3b0 + (i))

/* pmpaddr<i> = val. Uses t0. */
#define PMP_ADDR(i, val)                                                \
        li t0, val;                                                     \
        csrw PMPADDR_CSR(i), t0;

/* Configuration byte of entry <i> = cfg (the other bytes kept). Uses t0, t1. */
#define PMP_CFG(i, cfg)                                                 \
        csrr t0, PMPCFG_CSR(i);                                         \
        li t1, ~(0xff << (8 * ((i) % 8)));                              \
        and t0, t0, t1;                                                 \
        li t1, ((cfg) << (8 * ((i) % 8)));                              \
        or t0, t0, t1;                                                  \
        csrw PMPCFG_CSR(i), t0;

/* t1 = configuration byte of entry <i>. Uses t0, t1. */
#define PMP_READ_CFG(i)                                                 \
        csrr t1, PMPCFG_CSR(i);                                         \
        srli t1, t1, (8 * ((i) % 8));                                   \
        andi t1, t1, 0xff;

/* All entries OFF (locked ones stay), the background entry 15, sfence.vma. */
#define PMP_INIT                                                        \
        VM_INIT                                                         \
        csrw pmpcfg0, zero;                                             \
        csrw pmpcfg2, zero;                                             \
        PMP_ADDR(14, 0x80000000 >> 2)                                   \
        PMP_ADDR(15, TA >> 2)                                           \
        PMP_CFG(15, VM_PMP_TOR | VM_PMP_RWX)                            \
        sfence.vma;

/* After changing PMP entries (the spec asks for it when paging may have cached
 * translations; harmless otherwise). */
#define PMP_SYNC sfence.vma;

/* Case: `code` at privilege `mpp` (satp Bare) runs through. */
#define PMP_TEST_OK(testnum, mpp, code...)                              \
        VM_TEST_OK(testnum, mpp, code)

/* Case: the first instruction of `code` at privilege `mpp` raises `cause` with
 * mepc = that instruction and mtval = `tval`. */
#define PMP_TEST_FAULT(testnum, mpp, cause, tval, code...)              \
        VM_TEST_TRAP(testnum, mpp, cause, code)                         \
        VM_CHECK_TVAL(s4, tval)
