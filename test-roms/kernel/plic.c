// The PLIC: the disk (source 1) and the UART (source 10) to every hart's S-mode context,
// as xv6-riscv's plic.c.
#include "defs.h"

#define PLIC_PRIORITY(irq) (PLIC + 4 * (irq))
#define PLIC_SENABLE(hart) (PLIC + 0x2080 + (hart) * 0x100)
#define PLIC_STHRESHOLD(hart) (PLIC + 0x201000 + (hart) * 0x2000)
#define PLIC_SCLAIM(hart) (PLIC + 0x201004 + (hart) * 0x2000)

void plicinit(void)
{
    *(volatile uint32 *)PLIC_PRIORITY(UART0_IRQ) = 1;
    *(volatile uint32 *)PLIC_PRIORITY(VIRTIO_IRQ) = 1;
}

void plicinithart(void)
{
    int hart = cpuid();
    *(volatile uint32 *)PLIC_SENABLE(hart) = (1 << UART0_IRQ) | (1 << VIRTIO_IRQ);
    *(volatile uint32 *)PLIC_STHRESHOLD(hart) = 0;
}

int plic_claim(void) { return *(volatile uint32 *)PLIC_SCLAIM(cpuid()); }

void plic_complete(int irq) { *(volatile uint32 *)PLIC_SCLAIM(cpuid()) = irq; }
