// M-mode start of every hart, as xv6-riscv's start.c: S-mode for mret, every trap
// delegated to S-mode, PMP open, the S-mode timer through Sstc, then mret into main().
#include "defs.h"

void main(void);
extern void mtrapvec(void);

// The device tree the boot ROM passed in a1 (the same on every hart).
volatile uint64 fdt_addr;

void start(uint64 hartid, uint64 fdt)
{
    fdt_addr = fdt;

    uint64 x = csrr(mstatus);
    x &= ~MSTATUS_MPP_MASK;
    x |= MSTATUS_MPP_S;
    csrw(mstatus, x);
    csrw(mepc, (uint64)main);
    csrw(mtvec, (uint64)mtrapvec);
    csrw(satp, 0);

    // All exceptions and interrupts go to S-mode.
    csrw(medeleg, 0xffff);
    csrw(mideleg, 0xffff);
    csrs(sie, SIE_SEIE | SIE_STIE | SIE_SSIE);

    // S-mode may access all of physical memory.
    csrw(pmpaddr0, 0x3fffffffffffffUL);
    csrw(pmpcfg0, 0xf);

    // The timer: S-mode timer interrupts through stimecmp (Sstc), time readable in S-mode.
    csrs(mie, MIE_STIE);
    csrs(0x30a, MENVCFG_STCE); // menvcfg: keep ADUE (hardware A/D updating) as reset left it
    csrs(mcounteren, 2);
    csrw(0x14d, csrr(time) + 1000000); // stimecmp: 0.1 s at 10 MHz

    asm volatile("mv tp, %0" ::"r"(hartid));
    asm volatile("mret");
}

// An M-mode trap: only a kernel bug gets here.
void mtrap(void)
{
    printf("xv6-shape: M-mode trap: mcause %p mepc %p mtval %p\n", csrr(mcause), csrr(mepc),
           csrr(mtval));
    poweroff(2);
}
