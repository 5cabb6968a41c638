/* Minimal M-mode start-up for the benchmark: zero .bss, set sp, run main, report
 * through bench_exit. Any trap is a failure (case 4). */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, _stack_top
  la t0, trap
  csrw mtvec, t0
  csrw mie, zero
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sd zero, 0(t0)
  addi t0, t0, 8
  j 1b
2:
  call main
  call bench_exit
3:
  j 3b

  .align 2
trap:
  li a0, 4
  call bench_exit
  j trap
