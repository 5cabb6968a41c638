/* Guest side shared by the benchmark ROMs coremark-like, dhrystone-like and
 * sv39-timer (M-mode, riscv-tests HTIF protocol): the console through `tohost`
 * (device 1, command 1 = putchar), the exit report, and memset/memcpy for the
 * compiler. bench.elf keeps its own copy (bench.c). */
#ifndef GASANG_BENCH_HARNESS_H
#define GASANG_BENCH_HARNESS_H

#include <stdint.h>

/* Exit codes reported through tohost ((code << 1) | 1); 0 = pass. */
#define EXIT_SELF_CHECK  2          /* an internal self-check failed */
#define EXIT_CHECKSUM    3          /* the final checksum is not the expected one */
#define EXIT_TRAP        4          /* an unexpected trap (mcause/mepc are printed) */
#define EXIT_NO_TICKS    5          /* sv39-timer: no timer interrupt arrived */

void htif_puts(const char *s);
void htif_putdec(uint64_t v);
void htif_puthex(uint64_t v);

/* Ends the run: 0 = pass, otherwise one of the EXIT_* codes. */
void bench_exit(int code) __attribute__((noreturn));

/* Prints "<name>: iterations N checksum 0x... ok|WRONG (expected 0x...)" and ends the
 * run with the verdict (the bench script reads the iteration count from this line). */
void bench_report(const char *name, uint64_t iterations, uint64_t checksum,
                  uint64_t expected) __attribute__((noreturn));

#endif
