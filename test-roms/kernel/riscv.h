// CSR access and the machine's memory map (QEMU's virt board), after xv6-riscv's riscv.h
// and memlayout.h.
#pragma once

typedef unsigned char uint8;
typedef unsigned short uint16;
typedef unsigned int uint32;
typedef unsigned long uint64;

#define NCPU 8

// Devices (physical addresses; the kernel maps them at the same virtual address).
#define SIFIVE_TEST 0x00100000UL
#define PLIC 0x0c000000UL
#define UART0 0x10000000UL
#define VIRTIO0 0x10001000UL
#define VIRTIO_IRQ 1 // PLIC source of virtio-mmio slot 0
#define UART0_IRQ 10
#define KERNBASE 0x80000000UL
#define PHYSTOP (KERNBASE + 128UL * 1024 * 1024)

#define csrr(csr)                                                                        \
    ({                                                                                   \
        uint64 __v;                                                                      \
        asm volatile("csrr %0, " #csr : "=r"(__v));                                      \
        __v;                                                                             \
    })
#define csrw(csr, v) asm volatile("csrw " #csr ", %0" ::"r"((uint64)(v)))
#define csrs(csr, v) asm volatile("csrs " #csr ", %0" ::"r"((uint64)(v)))
#define csrc(csr, v) asm volatile("csrc " #csr ", %0" ::"r"((uint64)(v)))

#define MSTATUS_MPP_MASK (3UL << 11)
#define MSTATUS_MPP_S (1UL << 11)
#define SSTATUS_SIE (1UL << 1)
#define SIE_SSIE (1UL << 1)
#define SIE_STIE (1UL << 5)
#define SIE_SEIE (1UL << 9)
#define MIE_STIE (1UL << 5)
#define MENVCFG_STCE (1UL << 63)
#define SATP_SV39 (8UL << 60)

// Page tables (Sv39). The kernel never sets A or D: the hart does (Svadu).
#define PGSIZE 4096UL
#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PA2PTE(pa) ((((uint64)(pa)) >> 12) << 10)
#define PTE2PA(pte) (((pte) >> 10) << 12)
#define PX(level, va) ((((uint64)(va)) >> (12 + 9 * (level))) & 0x1ff)

static inline int cpuid(void)
{
    uint64 id;
    asm volatile("mv %0, tp" : "=r"(id));
    return (int)id;
}

static inline void intr_on(void) { csrs(sstatus, SSTATUS_SIE); }
static inline void intr_off(void) { csrc(sstatus, SSTATUS_SIE); }
static inline int intr_get(void) { return (csrr(sstatus) & SSTATUS_SIE) != 0; }
static inline void fence(void) { __sync_synchronize(); }

// Waits for an interrupt with interrupts off, then lets it in: WFI wakes on a pending
// enabled interrupt even while SIE is 0, so no wakeup is lost between the check and WFI.
static inline void wait_for_interrupt(void)
{
    asm volatile("wfi");
    intr_on();
    intr_off();
}
