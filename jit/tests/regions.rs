//! Regions: loops that stay in host code, exits, budget and interrupt checks, against
//! the interpreter.

use std::sync::Arc;

use emu_core::{Bus, GuestRam};
use frontend_riscv::Hart;

const RAM: u64 = 0x8000_0000;

fn machine(code: &[u32], jit: bool) -> (Hart, Bus) {
    let ram = Arc::new(GuestRam::new(RAM, 1 << 20).unwrap());
    for (k, w) in code.iter().enumerate() {
        ram.write(RAM + 4 * k as u64, 4, *w as u64);
    }
    let mut h = Hart::new(0, ram.clone(), RAM);
    if jit {
        h.engine = Some(Box::new(jit::Jit::new().unwrap()));
        h.jit_threshold = 1;
    }
    (h, Bus::new(ram))
}

#[test]
fn a_counting_loop_runs_to_the_budget() {
    // loop: addi x1, x1, 1 ; jal x0, loop
    let code = [0x0010_8093, 0xffdf_f06f];
    let (mut i, mut bi) = machine(&code, false);
    let (mut j, mut bj) = machine(&code, true);
    for _ in 0..3 {
        i.run(&mut bi, 1000);
        j.run(&mut bj, 1000);
        assert_eq!(j.engine_stats().unwrap().failed, 0);
        assert_eq!(
            (i.retired(), i.core.pc, i.core.x[1]),
            (j.retired(), j.core.pc, j.core.x[1])
        );
    }
}

#[test]
fn a_jump_to_itself_counts_every_round() {
    // j .
    let code = [0x0000_006f];
    let (mut i, mut bi) = machine(&code, false);
    let (mut j, mut bj) = machine(&code, true);
    i.run(&mut bi, 1000);
    j.run(&mut bj, 1000);
    assert_eq!((i.retired(), i.core.pc), (j.retired(), j.core.pc));
}

/// `jal x0, offset` (offset within ±1 MiB).
fn jal0(offset: i64) -> u32 {
    let o = offset as u32;
    ((o >> 20) & 1) << 31
        | ((o >> 1) & 0x3ff) << 21
        | ((o >> 11) & 1) << 20
        | ((o >> 12) & 0xff) << 12
        | 0x6f
}

fn compare(code: &[(u64, u32)], budgets: &[u64]) {
    let mk = |jit: bool| {
        let ram = Arc::new(GuestRam::new(RAM, 1 << 20).unwrap());
        for &(a, w) in code {
            ram.write(a, 4, w as u64);
        }
        let mut h = Hart::new(0, ram.clone(), RAM);
        h.core.mtvec = RAM + 0x8_0000;
        if jit {
            h.engine = Some(Box::new(jit::Jit::new().unwrap()));
            h.jit_threshold = 1;
        }
        (h, Bus::new(ram))
    };
    let (mut i, mut bi) = mk(false);
    let (mut j, mut bj) = mk(true);
    for (k, &n) in budgets.iter().enumerate() {
        i.run(&mut bi, n);
        j.run(&mut bj, n);
        let (a, b) = (&i.core, &j.core);
        assert_eq!(
            (i.retired(), a.pc, a.x, a.mcause),
            (j.retired(), b.pc, b.x, b.mcause),
            "after run {k} (budget {n})"
        );
    }
    assert_eq!(j.engine_stats().unwrap().failed, 0);
}

#[test]
fn regions_on_two_pages_continue_into_each_other() {
    // Page A: addi x1, x1, 1 ; jal x0, B.   Page B: addi x2, x2, 1 ; csrr x3, mscratch ;
    // addi x3, x3, 1 ; csrw mscratch, x3 ; jal x0, A.
    let a = RAM;
    let b = RAM + 0x1000;
    let code = [
        (a, 0x0010_8093),
        (a + 4, jal0((b - (a + 4)) as i64)),
        (b, 0x0011_0113),
        (b + 4, 0x3400_21f3),
        (b + 8, 0x0011_8193),
        (b + 12, 0x3401_9073),
        (b + 16, jal0(a as i64 - (b + 16) as i64)),
    ];
    compare(&code, &[1, 2, 3, 50, 1000, 7, 10_000]);
}

#[test]
fn a_loop_with_a_call_and_return() {
    // main: jal x1, f ; addi x5, x5, 1 ; jal x0, main      f: addi x6, x6, 3 ; jalr x0, 0(x1)
    let m = RAM;
    let f = RAM + 0x2000;
    let code = [
        (m, 0x0000_00ef | (jal0((f - m) as i64) & !0xf80) | (1 << 7)),
        (m + 4, 0x0012_8293),
        (m + 8, jal0(-8)),
        (f, 0x0033_0313),
        (f + 4, 0x0000_8067),
    ];
    compare(&code, &[1, 5, 100, 1000, 3, 10_000]);
}
