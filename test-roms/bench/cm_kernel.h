/* The coremark-like workload (our own code, shaped like EEMBC CoreMark's kernels):
 * linked-list find/reverse/sort, small-integer matrix arithmetic, a state machine
 * scanning a string of numbers, and CRC-16 over every result. Used by
 * coremark_like.c (M-mode, bare) and sv39_timer.c (U-mode under Sv39 with a timer).
 *
 * The same code builds natively (-DBENCH_HOST, see cm_host.c) to print the checksum
 * for a given number of iterations: that is where the CM_EXPECTED values come from.
 */
#ifndef GASANG_CM_KERNEL_H
#define GASANG_CM_KERNEL_H

#include <stdint.h>

/* Runs `iters` iterations from the fixed start state; returns the 64-bit checksum, or
 * 0 if a self-check failed (a sort that did not sort, a list that lost a node). */
uint64_t cm_run(uint32_t iters);

/* Expected checksums for the iteration counts the ROMs are built with (CM_ITERS),
 * computed by the native build (cm_host.c) and cross-checked by running the guest
 * builds on QEMU (see README.md). */
#ifdef CM_ITERS
#if CM_ITERS == 12000
#define CM_EXPECTED 0x38edfca076ab838cull
#elif CM_ITERS == 50
#define CM_EXPECTED 0xc1dad08131ec5f7cull
#elif !defined(CM_EXPECTED)
#error "no expected checksum for this CM_ITERS: pass -DCM_EXPECTED=..."
#endif
#endif

#endif
