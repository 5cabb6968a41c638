/* sv39-timer: the coremark-like workload (cm_kernel.c) for CM_ITERS iterations in
 * U-mode under Sv39 paging (4 KiB pages: kernel pages without U, user pages with U),
 * while a timer interrupt every 1 ms of guest time (10,000 ticks of the 10 MHz CLINT
 * timebase) is taken in S-mode through M-mode forwarding (sv39_start.S). Prints the
 * number of timer interrupts and "sv39-timer: iterations N checksum 0x... ok"; fails
 * on a wrong checksum, an unexpected trap, or no timer interrupt at all (harness.h). */
#include <stdint.h>

#include "cm_kernel.h"
#include "harness.h"

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_A 0x40
#define PTE_D 0x80
#define RAM_BASE 0x80000000ull
#define SATP_SV39 (8ull << 60)

#define KERNEL_BSS __attribute__((aligned(4096), section(".bss.kernel")))
#define KERNEL_TEXT __attribute__((section(".text.kernel")))

extern char __user_start[], __user_end[];

static uint64_t pt_root[512] KERNEL_BSS;
static uint64_t pt_mid[512] KERNEL_BSS;
static uint64_t pt_leaf[512] KERNEL_BSS;

static uint64_t pte_table(const uint64_t *next) { return ((uint64_t)next >> 12) << 10 | PTE_V; }

/* M-mode: identity-maps [RAM_BASE, __user_end) with 4 KiB pages (priv spec 4.4.1):
 * user pages (from __user_start) get U; returns the satp value. */
KERNEL_TEXT uint64_t sv39_setup(void)
{
    uint64_t lo = (uint64_t)__user_start, hi = (uint64_t)__user_end;
    if (hi - RAM_BASE > 512 * 4096) {
        htif_puts("sv39-timer: image larger than 2 MiB\n");
        bench_exit(EXIT_TRAP);
    }
    pt_root[(RAM_BASE >> 30) & 511] = pte_table(pt_mid);
    pt_mid[(RAM_BASE >> 21) & 511] = pte_table(pt_leaf);
    for (uint64_t a = RAM_BASE; a < hi; a += 4096) {
        uint64_t perm = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
        if (a >= lo)
            perm |= PTE_U;
        pt_leaf[(a - RAM_BASE) >> 12] = (a >> 12) << 10 | perm;
    }
    return SATP_SV39 | ((uint64_t)pt_root >> 12);
}

/* M-mode, from the S-mode exit path. */
KERNEL_TEXT void sv39_finish(uint64_t checksum, uint64_t ticks)
{
    htif_puts("sv39-timer: timer interrupts ");
    htif_putdec(ticks);
    htif_puts("\n");
    if (ticks == 0)
        bench_exit(EXIT_NO_TICKS);
    bench_report("sv39-timer", CM_ITERS, checksum, CM_EXPECTED);
}

/* M-mode: a trap nobody expected, taken in M-mode (from_s = 0: mcause, mepc, mtval) or
 * reported by S-mode (from_s = 1: scause, sepc, stval). */
KERNEL_TEXT void sv39_unexpected(uint64_t cause, uint64_t epc, uint64_t tval, uint64_t from_s)
{
    htif_puts(from_s ? "sv39-timer: unexpected S-mode trap: scause " :
                       "sv39-timer: unexpected M-mode trap: mcause ");
    htif_puthex(cause);
    htif_puts(" epc ");
    htif_puthex(epc);
    htif_puts(" tval ");
    htif_puthex(tval);
    htif_puts("\n");
    bench_exit(EXIT_TRAP);
}

/* U-mode. */
uint64_t user_main(void)
{
    return cm_run(CM_ITERS);
}
