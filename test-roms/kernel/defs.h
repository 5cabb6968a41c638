// Functions shared between the kernel's files.
#pragma once
#include "riscv.h"

// console.c
void uartinit(void);
void uartintr(void);
int consgetc(void);
void printf(const char *fmt, ...);
void panic(const char *msg) __attribute__((noreturn));
void poweroff(int code) __attribute__((noreturn));

// fdt.c
int fdt_count_harts(uint64 fdt);

// vm.c
void kinit(void);
void *kalloc(void);
void kvminit(void);
void kvminithart(void);
uint64 *walk(uint64 va);

// trap.c
void trapinithart(void);
extern volatile uint64 ticks;

// plic.c
void plicinit(void);
void plicinithart(void);
int plic_claim(void);
void plic_complete(int irq);

// virtio_disk.c
int virtio_disk_init(void);
int virtio_disk_rw(void *buf, uint64 sector, int write);
void virtio_disk_intr(void);
extern volatile int disk_irqs;
extern const char *disk_transport;

// string helpers (console.c)
void *memset(void *dst, int c, uint64 n);
void *memcpy(void *dst, const void *src, uint64 n);
int memcmp(const void *a, const void *b, uint64 n);
int strncmp(const char *a, const char *b, uint64 n);
int strlen(const char *s);

// spinlock (console.c)
struct spinlock {
    volatile uint32 locked;
    int saved_intr;
};
void acquire(struct spinlock *lk);
void release(struct spinlock *lk);
