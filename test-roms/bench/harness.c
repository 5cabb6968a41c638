/* See harness.h. */
#include <stddef.h>
#include <stdint.h>

#include "harness.h"

volatile uint64_t tohost __attribute__((section(".tohost"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(64)));

static void htif_putch(char c)
{
    while (tohost) {}
    tohost = (1ull << 56) | (1ull << 48) | (uint8_t)c;
    while (tohost) {}
    fromhost = 0;
}

void htif_puts(const char *s)
{
    while (*s)
        htif_putch(*s++);
}

void htif_puthex(uint64_t v)
{
    htif_puts("0x");
    for (int i = 60; i >= 0; i -= 4)
        htif_putch("0123456789abcdef"[(v >> i) & 0xf]);
}

void htif_putdec(uint64_t v)
{
    char t[24];
    int n = 0;
    do {
        t[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        htif_putch(t[--n]);
}

void bench_exit(int code)
{
    __asm__ volatile("fence" ::: "memory");
    tohost = code == 0 ? 1 : (((uint64_t)code << 1) | 1);
    for (;;) {}
}

void bench_report(const char *name, uint64_t iterations, uint64_t checksum,
                  uint64_t expected)
{
    htif_puts(name);
    htif_puts(": iterations ");
    htif_putdec(iterations);
    htif_puts(" checksum ");
    htif_puthex(checksum);
    if (checksum == expected) {
        htif_puts(" ok\n");
        bench_exit(0);
    }
    if (checksum == 0) {
        htif_puts(" self-check FAILED\n");
        bench_exit(EXIT_SELF_CHECK);
    }
    htif_puts(" WRONG (expected ");
    htif_puthex(expected);
    htif_puts(")\n");
    bench_exit(EXIT_CHECKSUM);
}

/* Called by start.S on any trap in M-mode. */
void bench_trap(uint64_t mcause, uint64_t mepc)
{
    htif_puts("unexpected trap: mcause ");
    htif_puthex(mcause);
    htif_puts(" mepc ");
    htif_puthex(mepc);
    htif_puts("\n");
    bench_exit(EXIT_TRAP);
}

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *p = d;
    const uint8_t *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}
