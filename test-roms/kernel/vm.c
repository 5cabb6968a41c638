// Physical pages and the kernel's Sv39 page table (after xv6-riscv's kalloc.c and vm.c):
// the devices and all of RAM mapped at their physical addresses, with 4 KiB pages whose
// PTEs have A = D = 0, so the hart must set them (Svadu) on first access and first write.
#include "defs.h"

extern char etext[]; // end of the kernel's code (linker script)
extern char end[];   // first address after the kernel

static uint64 next_free;
static uint64 *kernel_pagetable;

void kinit(void) { next_free = ((uint64)end + PGSIZE - 1) & ~(PGSIZE - 1); }

// A zeroed page (pages are never freed).
void *kalloc(void)
{
    if (next_free + PGSIZE > PHYSTOP)
        panic("kalloc: out of memory");
    void *p = (void *)next_free;
    next_free += PGSIZE;
    memset(p, 0, PGSIZE);
    return p;
}

// The leaf PTE for `va` in `pagetable`, creating the tables on the way if `alloc`.
static uint64 *walk_in(uint64 *pagetable, uint64 va, int alloc)
{
    for (int level = 2; level > 0; level--) {
        uint64 *pte = &pagetable[PX(level, va)];
        if (*pte & PTE_V) {
            pagetable = (uint64 *)PTE2PA(*pte);
        } else {
            if (!alloc)
                return 0;
            pagetable = kalloc();
            *pte = PA2PTE(pagetable) | PTE_V; // a pointer to the next level: no A/D
        }
    }
    return &pagetable[PX(0, va)];
}

uint64 *walk(uint64 va) { return walk_in(kernel_pagetable, va, 0); }

static void kvmmap(uint64 va, uint64 pa, uint64 size, uint64 perm)
{
    for (uint64 a = va; a < va + size; a += PGSIZE, pa += PGSIZE) {
        uint64 *pte = walk_in(kernel_pagetable, a, 1);
        if (*pte & PTE_V)
            panic("kvmmap: remap");
        *pte = PA2PTE(pa) | perm | PTE_V; // A = D = 0
    }
}

void kvminit(void)
{
    kernel_pagetable = kalloc();
    kvmmap(SIFIVE_TEST, SIFIVE_TEST, PGSIZE, PTE_R | PTE_W);
    kvmmap(UART0, UART0, PGSIZE, PTE_R | PTE_W);
    kvmmap(VIRTIO0, VIRTIO0, 8 * PGSIZE, PTE_R | PTE_W);
    kvmmap(PLIC, PLIC, 0x400000, PTE_R | PTE_W);
    kvmmap(KERNBASE, KERNBASE, (uint64)etext - KERNBASE, PTE_R | PTE_X);
    kvmmap((uint64)etext, (uint64)etext, PHYSTOP - (uint64)etext, PTE_R | PTE_W);
}

// Turns on Sv39 with the kernel page table on this hart.
void kvminithart(void)
{
    asm volatile("sfence.vma zero, zero");
    csrw(satp, SATP_SV39 | ((uint64)kernel_pagetable >> 12));
    asm volatile("sfence.vma zero, zero");
}
