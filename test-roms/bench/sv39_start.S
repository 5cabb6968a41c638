/* sv39-timer: M-mode start-up and trap handling, the S-mode kernel, the U-mode entry.
 *
 * M-mode (physical addresses): builds the page tables (sv39_setup in sv39_timer.c),
 * opens PMP, delegates U ecalls, page faults and illegal instructions and the S timer
 * interrupt to S-mode, and mrets to s_entry in S-mode under Sv39. It then acts as a
 * minimal SBI for the CLINT timer (SBI-less, so it runs where the CPU has no Sstc,
 * as on QEMU's spike board): ecall a7 = 0 from S sets mtimecmp = mtime + TICK and
 * clears STIP; the machine timer interrupt disables MTIE and raises STIP, which S-mode
 * takes. ecall a7 = 1 ends the run (a0 = checksum, a1 = timer interrupts), a7 = 2
 * reports an unexpected S-mode trap (a0 = scause, a1 = sepc, a2 = stval).
 *
 * S-mode (kernel pages, U = 0): counts timer interrupts and re-arms the timer; the U
 * ecall is the exit system call. U-mode runs the coremark-like workload (user pages).
 */
#define CLINT_MTIMECMP 0x02004000
#define CLINT_MTIME    0x0200bff8
#define TICK           10000          /* 1 ms of the 10 MHz timebase */
#define MIP_STIP       (1 << 5)
#define MIE_MTIE       (1 << 7)

  .file "sv39_start.S"
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, m_stack_top
  la t0, m_trap
  csrw mtvec, t0
  csrw mie, zero
  la t0, __kbss_start            # clear the kernel's and the user's .bss
  la t1, __kbss_end
  call clear
  la t0, __bss_start
  la t1, __bss_end
  call clear
  call sv39_setup                # a0 = satp
  csrw satp, a0
  sfence.vma
  li t0, -1                      # PMP entry 0: all memory, RWX (NAPOT)
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  # medeleg: illegal instruction (2), U ecall (8), page faults (12, 13, 15)
  li t0, (1 << 2) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 15)
  csrw medeleg, t0
  li t0, MIP_STIP                # mideleg: the S timer interrupt
  csrw mideleg, t0
  li t0, 0x1800                  # mstatus.MPP = S, FS = Initial
  csrc mstatus, t0
  li t0, 0x800 | 0x2000
  csrs mstatus, t0
  la t0, m_stack_top
  csrw mscratch, t0
  la t0, s_entry
  csrw mepc, t0
  mret

clear:                           # zero [t0, t1) by doublewords
  bgeu t0, t1, 2f
  sd zero, 0(t0)
  addi t0, t0, 8
  j clear
2:
  ret

  .align 2
m_trap:
  csrrw sp, mscratch, sp
  addi sp, sp, -32
  sd t0, 0(sp)
  sd t1, 8(sp)
  sd t2, 16(sp)
  csrr t0, mcause
  bgez t0, m_exception
  slli t0, t0, 1                 # an interrupt: must be the machine timer (7)
  srli t0, t0, 1
  li t1, 7
  bne t0, t1, m_unexpected
  li t0, MIE_MTIE                # off until S asks for the next tick
  csrc mie, t0
  li t0, MIP_STIP                # S-mode takes it from here
  csrs mip, t0
  j m_return
m_exception:
  li t1, 9                       # only ecalls from S-mode are expected
  bne t0, t1, m_unexpected
  csrr t0, mepc
  addi t0, t0, 4
  csrw mepc, t0
  beqz a7, m_set_timer
  li t1, 1
  beq a7, t1, m_finish
  li t1, 2
  beq a7, t1, m_s_unexpected
  j m_unexpected
m_set_timer:
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  li t2, TICK
  add t1, t1, t2
  li t0, CLINT_MTIMECMP
  sd t1, 0(t0)
  li t0, MIP_STIP
  csrc mip, t0
  li t0, MIE_MTIE
  csrs mie, t0
m_return:
  ld t0, 0(sp)
  ld t1, 8(sp)
  ld t2, 16(sp)
  addi sp, sp, 32
  csrrw sp, mscratch, sp
  mret
m_finish:
  la sp, m_stack_top
  call sv39_finish
m_s_unexpected:
  la sp, m_stack_top
  li a3, 1
  call sv39_unexpected
m_unexpected:
  la sp, m_stack_top
  csrr a0, mcause
  csrr a1, mepc
  csrr a2, mtval
  li a3, 0
  call sv39_unexpected

/* ---- S-mode ---- */
s_entry:
  la t0, s_trap
  csrw stvec, t0
  la t0, s_stack_top
  csrw sscratch, t0
  li t0, MIP_STIP                # sie.STIE
  csrs sie, t0
  li a7, 0                       # the first tick
  ecall
  li t0, 0x100                   # sret to U-mode (SPP = 0) with SPIE = 1
  csrc sstatus, t0
  li t0, 0x20
  csrs sstatus, t0
  la t0, user_start
  csrw sepc, t0
  la sp, user_stack_top
  sret

  .align 2
s_trap:
  csrrw sp, sscratch, sp
  addi sp, sp, -32
  sd t0, 0(sp)
  sd t1, 8(sp)
  sd a7, 16(sp)
  csrr t0, scause
  bgez t0, s_exception
  slli t0, t0, 1                 # an interrupt: must be the S timer (5)
  srli t0, t0, 1
  li t1, 5
  bne t0, t1, s_unexpected
  la t0, ticks
  ld t1, 0(t0)
  addi t1, t1, 1
  sd t1, 0(t0)
  li a7, 0                       # next tick (clears STIP)
  ecall
  ld t0, 0(sp)
  ld t1, 8(sp)
  ld a7, 16(sp)
  addi sp, sp, 32
  csrrw sp, sscratch, sp
  sret
s_exception:
  li t1, 8                       # ecall from U: exit(a0 = checksum)
  bne t0, t1, s_unexpected
  la t0, ticks
  ld a1, 0(t0)
  li a7, 1
  ecall
s_unexpected:
  csrr a0, scause
  csrr a1, sepc
  csrr a2, stval
  li a7, 2
  ecall

  .section .bss.kernel, "aw", @nobits
  .align 12
m_stack:
  .skip 4096
m_stack_top:
s_stack:
  .skip 4096
s_stack_top:
ticks:
  .skip 8

/* ---- U-mode ---- */
  .text
  .globl user_start
user_start:
  call user_main                 # a0 = checksum
  li a7, 93                      # exit
  ecall
1:
  j 1b

  .bss
  .align 4
user_stack:
  .skip 16384
user_stack_top:
