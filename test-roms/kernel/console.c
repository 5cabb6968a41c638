// The NS16550A UART at 0x10000000 (output polled, input by interrupt into a buffer),
// printf, panic and power-off through sifive_test, spinlocks and string helpers.
#include <stdarg.h>

#include "defs.h"

#define REG(r) ((volatile uint8 *)(UART0 + (r)))
#define RHR 0 // receive holding register
#define THR 0 // transmit holding register
#define IER 1
#define FCR 2
#define LCR 3
#define LSR 5
#define LSR_RX_READY (1 << 0)
#define LSR_TX_IDLE (1 << 5)

static struct spinlock printlock;
static struct spinlock inputlock;
static char input[128];
static volatile uint32 input_r, input_w;

void acquire(struct spinlock *lk)
{
    int on = intr_get();
    intr_off();
    while (__sync_lock_test_and_set(&lk->locked, 1) != 0)
        ;
    fence();
    lk->saved_intr = on;
}

void release(struct spinlock *lk)
{
    int on = lk->saved_intr;
    fence();
    __sync_lock_release(&lk->locked);
    if (on)
        intr_on();
}

void uartinit(void)
{
    *REG(IER) = 0x00;
    *REG(LCR) = 0x80; // baud rate latch
    *REG(0) = 0x03;   // 38.4K
    *REG(1) = 0x00;
    *REG(LCR) = 0x03; // 8 bits, no parity
    *REG(FCR) = 0x07; // FIFOs on and cleared
    *REG(IER) = 0x01; // receive interrupts
}

static void uartputc(int c)
{
    while ((*REG(LSR) & LSR_TX_IDLE) == 0)
        ;
    *REG(THR) = c;
}

// The UART interrupt (PLIC source 10), on whichever hart claimed it.
void uartintr(void)
{
    acquire(&inputlock);
    while (*REG(LSR) & LSR_RX_READY) {
        char c = *REG(RHR);
        if (input_w - input_r < sizeof(input))
            input[input_w++ % sizeof(input)] = c;
    }
    release(&inputlock);
}

// The next typed character; sleeps in WFI until one comes.
int consgetc(void)
{
    intr_off();
    for (;;) {
        acquire(&inputlock);
        if (input_r != input_w) {
            int c = input[input_r++ % sizeof(input)];
            release(&inputlock);
            intr_on();
            return c;
        }
        release(&inputlock);
        wait_for_interrupt();
    }
}

static void printint(uint64 x, int base, int sign)
{
    static const char digits[] = "0123456789abcdef";
    char buf[24];
    int i = 0;
    if (sign && (long)x < 0) {
        uartputc('-');
        x = -x;
    }
    do {
        buf[i++] = digits[x % base];
        x /= base;
    } while (x);
    while (--i >= 0)
        uartputc(buf[i]);
}

// printf with %d %u %x %p %s %c %%; one call's output is never split by another hart's.
void printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    acquire(&printlock);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            if (*p == '\n')
                uartputc('\r');
            uartputc(*p);
            continue;
        }
        switch (*++p) {
        case 'd':
            printint(va_arg(ap, int), 10, 1);
            break;
        case 'u':
            printint(va_arg(ap, uint32), 10, 0);
            break;
        case 'x':
            printint(va_arg(ap, uint32), 16, 0);
            break;
        case 'p':
            uartputc('0');
            uartputc('x');
            printint(va_arg(ap, uint64), 16, 0);
            break;
        case 's':
            for (const char *s = va_arg(ap, const char *); *s; s++)
                uartputc(*s);
            break;
        case 'c':
            uartputc(va_arg(ap, int));
            break;
        case '%':
            uartputc('%');
            break;
        default:
            uartputc('%');
            uartputc(*p);
            break;
        }
    }
    release(&printlock);
    va_end(ap);
}

// Ends the machine through sifive_test: code 0 is a pass, otherwise QEMU and gasang exit
// with `code`.
void poweroff(int code)
{
    volatile uint32 *test = (volatile uint32 *)SIFIVE_TEST;
    *test = code == 0 ? 0x5555 : (0x3333 | ((uint32)code << 16));
    for (;;)
        ;
}

void panic(const char *msg)
{
    printf("xv6-shape: panic: %s\n", msg);
    poweroff(1);
}

void *memset(void *dst, int c, uint64 n)
{
    uint8 *d = dst;
    while (n--)
        *d++ = c;
    return dst;
}

void *memcpy(void *dst, const void *src, uint64 n)
{
    uint8 *d = dst;
    const uint8 *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

int memcmp(const void *a, const void *b, uint64 n)
{
    const uint8 *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

int strncmp(const char *a, const char *b, uint64 n)
{
    for (; n && *a && *a == *b; n--, a++, b++)
        ;
    return n == 0 ? 0 : (uint8)*a - (uint8)*b;
}

int strlen(const char *s)
{
    int n = 0;
    while (s[n])
        n++;
    return n;
}
