// S-mode traps: the timer (Sstc), external interrupts through the PLIC; any exception is
// a kernel bug and ends the machine with a report.
#include "defs.h"

extern void kernelvec(void);

volatile uint64 ticks;

void trapinithart(void) { csrw(stvec, (uint64)kernelvec); }

#define SCAUSE_INTERRUPT (1UL << 63)
#define IRQ_S_TIMER 5
#define IRQ_S_EXTERNAL 9

void kerneltrap(void)
{
    uint64 scause = csrr(scause);
    if (scause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
        if (cpuid() == 0)
            ticks++;
        csrw(0x14d, csrr(time) + 1000000); // stimecmp
    } else if (scause == (SCAUSE_INTERRUPT | IRQ_S_EXTERNAL)) {
        int irq = plic_claim();
        if (irq == UART0_IRQ)
            uartintr();
        else if (irq == VIRTIO_IRQ)
            virtio_disk_intr();
        else if (irq)
            printf("xv6-shape: unexpected interrupt %d\n", irq);
        if (irq)
            plic_complete(irq);
    } else {
        printf("xv6-shape: kernel trap on hart %d: scause %p sepc %p stval %p\n", cpuid(),
               scause, csrr(sepc), csrr(stval));
        poweroff(2);
    }
}
