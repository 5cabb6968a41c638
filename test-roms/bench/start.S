/* M-mode start-up for coremark-like and dhrystone-like (link.ld): gp, sp, the FPU on
 * (rv64gc code may use it), .bss cleared, main(), then bench_exit(main's value). Any
 * trap ends the run through bench_trap (harness.c). */
  .file "start.S"
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
  li t0, 0x2000                 # mstatus.FS = Initial
  csrs mstatus, t0
  csrwi fcsr, 0
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
  csrr a0, mcause
  csrr a1, mepc
  la sp, _stack_top
  call bench_trap
  j trap
