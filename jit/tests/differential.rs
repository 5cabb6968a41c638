//! The JIT against the interpreter (the reference) on random blocks: straight-line
//! RV64IM code with loads and stores, sometimes a faulting load, ending in a random
//! branch. Registers, pc, instret, trap CSRs and memory must match exactly.

use std::sync::Arc;

use emu_core::{Bus, GuestRam};
use frontend_riscv::{decode, Hart, Op};

const RAM: u64 = 0x8000_0000;
const CODE: u64 = RAM;
/// Loads and stores go to DATA ± 2 KiB through x5.
const DATA: u64 = RAM + 0x8_0000;
/// A load through x6 faults: nothing is mapped there.
const HOLE: u64 = 0x1000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// A random supported instruction that is not a jump or branch.
fn straight(rng: &mut Rng) -> u32 {
    const OPCODES: [u32; 8] = [0x13, 0x33, 0x1b, 0x3b, 0x37, 0x17, 0x03, 0x23];
    loop {
        let r = rng.next();
        let mut raw = (r as u32 & !0x7f) | OPCODES[(r >> 40) as usize % OPCODES.len()];
        // Mostly the funct7 values that exist (0, 0x20, 0x01 for M).
        if raw & 0x7f == 0x33 || raw & 0x7f == 0x3b {
            let f7 = [0x00, 0x20, 0x01][(r >> 50) as usize % 3];
            raw = (raw & 0x01ff_ffff) | (f7 << 25);
        }
        let i = decode(raw);
        if i.op == Op::Illegal || !jit::supported(i.op) {
            continue;
        }
        let is_mem = matches!(raw & 0x7f, 0x03 | 0x23);
        if is_mem {
            // Base x5 (data), or now and then x6 (a fault).
            let base = if (r >> 60) == 0 { 6 } else { 5 };
            raw = (raw & !(0x1f << 15)) | (base << 15);
        }
        // Keep x5 and x6 for addressing.
        let rd = (raw >> 7) & 0x1f;
        if !matches!(raw & 0x7f, 0x23) && (rd == 5 || rd == 6) {
            raw = (raw & !(0x1f << 7)) | (7 << 7);
        }
        return raw;
    }
}

fn branch(rng: &mut Rng) -> u32 {
    let f3 = [0, 1, 4, 5, 6, 7][rng.next() as usize % 6];
    let r = rng.next() as u32;
    // Random registers and offset; the target is never run.
    (r & 0xfe00_0f80 & !(0x7 << 12)) | (r & (0x3ff << 15)) | (f3 << 12) | 0x63
}

/// `jal rd, offset` with a random rd (not x5/x6) and offset.
fn jal(rng: &mut Rng) -> u32 {
    let r = rng.next() as u32;
    let rd = match (r >> 7) & 0x1f {
        5 | 6 => 1,
        rd => rd,
    };
    (r & 0xffff_f000 & !(1 << 21)) | (rd << 7) | 0x6f
}

fn machine(code: &[u32]) -> (Hart, Bus) {
    let ram = Arc::new(GuestRam::new(RAM, 1 << 20).unwrap());
    for (k, w) in code.iter().enumerate() {
        ram.write(CODE + 4 * k as u64, 4, *w as u64);
    }
    for k in 0..(4096 / 8) {
        ram.write(
            DATA - 2048 + 8 * k,
            8,
            0x0123_4567_89ab_cdefu64.rotate_left(k as u32),
        );
    }
    (Hart::new(0, ram.clone(), CODE), Bus::new(ram))
}

#[test]
fn random_blocks_match_the_interpreter() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut faulted = 0;
    for case in 0..3000 {
        let n = 1 + rng.next() as usize % 24;
        let mut code: Vec<u32> = (0..n).map(|_| straight(&mut rng)).collect();
        // Every block ends in a jump or branch, so that both engines stop after it (the
        // interpreter would run a following unsupported instruction in the same block).
        code.push(if rng.next().is_multiple_of(2) {
            branch(&mut rng)
        } else {
            jal(&mut rng)
        });
        let regs: Vec<u64> = (0..32)
            .map(|_| match rng.next() % 4 {
                0 => rng.next() % 16,
                1 => (rng.next() as i64 >> (rng.next() % 64)) as u64,
                _ => rng.next(),
            })
            .collect();
        let (mut interp, mut bus_i) = machine(&code);
        let (mut jitted, mut bus_j) = machine(&code);
        jitted.engine = Some(Box::new(jit::Jit::new().unwrap()));
        jitted.jit_threshold = 1;
        for h in [&mut interp, &mut jitted] {
            h.core.x.copy_from_slice(&regs);
            h.core.x[0] = 0;
            h.core.x[5] = DATA;
            h.core.x[6] = HOLE;
            h.core.mtvec = RAM + 0x4_0000;
        }
        interp.run(&mut bus_i, code.len() as u64);
        jitted.run(&mut bus_j, code.len() as u64);
        assert!(
            // The block, and the trap handler's if the block faulted.
            jitted.compiled_blocks() >= 1,
            "case {case}: the block was not compiled"
        );
        let (a, b) = (&interp.core, &jitted.core);
        let listing: Vec<String> = code.iter().map(|w| format!("{w:08x}")).collect();
        let what = format!("case {case}: code {listing:?}, registers {regs:x?}");
        assert_eq!(
            (a.instret, a.mcause, a.mepc, a.mtval),
            (b.instret, b.mcause, b.mepc, b.mtval),
            "instret or trap state differs: {what}"
        );
        assert_eq!(a.pc, b.pc, "pc differs: {what}");
        // Load/store access faults through x6 stop the block early (the rest of the
        // budget then goes to the handler, which traps again on its zero words).
        faulted += ((a.instret as usize) < code.len()) as usize;
        assert_eq!(a.x, b.x, "x registers differ: {what}");
        for k in 0..(4096 / 8) {
            let addr = DATA - 2048 + 8 * k;
            assert_eq!(
                interp.core.ram.read(addr, 8),
                jitted.core.ram.read(addr, 8),
                "memory at {addr:#x} differs: {what}"
            );
        }
    }
    assert!(faulted > 100, "only {faulted} cases took the trap path");
}

/// A random instruction for [`random_regions_match_the_interpreter`]: RV64IM, Zba, Zbb,
/// Zbs, Zicond, loads and stores through x5 (sometimes x6, a fault), AMOs on x5's
/// doubleword, FP loads and stores. Never writes x5 or x6.
fn any_straight(rng: &mut Rng) -> u32 {
    const OPCODES: [u32; 11] = [
        0x13, 0x33, 0x1b, 0x3b, 0x37, 0x17, 0x03, 0x23, 0x2f, 0x07, 0x27,
    ];
    const F7: [u32; 11] = [
        0x00, 0x20, 0x01, 0x04, 0x05, 0x10, 0x14, 0x24, 0x30, 0x34, 0x07,
    ];
    loop {
        let r = rng.next();
        let opcode = OPCODES[(r >> 40) as usize % OPCODES.len()];
        let mut raw = (r as u32 & !0x7f) | opcode;
        match opcode {
            0x33 | 0x3b => {
                let f7 = F7[(r >> 50) as usize % F7.len()];
                raw = (raw & 0x01ff_ffff) | (f7 << 25);
            }
            0x2f => {
                // AMO funct5 and width; rs1 = x5 (aligned), no aq/rl games.
                let f5 =
                    [0x00, 0x01, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c][(r >> 50) as usize % 9];
                let f3 = if (r >> 60) & 1 == 0 { 2 } else { 3 };
                raw = (f5 << 27)
                    | (raw & (0x1f << 20))
                    | (5 << 15)
                    | (f3 << 12)
                    | (raw & (0x1f << 7))
                    | 0x2f;
            }
            0x07 | 0x27 => {
                let f3 = if (r >> 60) & 1 == 0 { 2 } else { 3 };
                raw = (raw & !(0x7 << 12)) | (f3 << 12);
            }
            _ => {}
        }
        let i = decode(raw);
        if i.op == Op::Illegal || !jit::supported(i.op) {
            continue;
        }
        if matches!(opcode, 0x03 | 0x23 | 0x07 | 0x27) {
            let base = if (r >> 61) == 0 { 6 } else { 5 };
            raw = (raw & !(0x1f << 15)) | (base << 15);
        }
        let rd = (raw >> 7) & 0x1f;
        let writes_x = !matches!(opcode, 0x23 | 0x27 | 0x07);
        if writes_x && (rd == 5 || rd == 6) {
            raw = (raw & !(0x1f << 7)) | (7 << 7);
        }
        return raw;
    }
}

/// `b{cond} rs1, rs2, offset` with a random condition and registers.
fn branch_to(rng: &mut Rng, offset: i64) -> u32 {
    let f3 = [0, 1, 4, 5, 6, 7][rng.next() as usize % 6];
    let r = rng.next() as u32;
    let o = offset as u32;
    ((o >> 12) & 1) << 31
        | ((o >> 5) & 0x3f) << 25
        | (r & (0x3ff << 15))
        | (f3 << 12)
        | ((o >> 1) & 0xf) << 8
        | ((o >> 11) & 1) << 7
        | 0x63
}

/// `jal rd, offset`.
fn jal_to(rd: u32, offset: i64) -> u32 {
    let o = offset as u32;
    ((o >> 20) & 1) << 31
        | ((o >> 1) & 0x3ff) << 21
        | ((o >> 11) & 1) << 20
        | ((o >> 12) & 0xff) << 12
        | (rd << 7)
        | 0x6f
}

#[test]
fn random_regions_match_the_interpreter() {
    // Programs of a few blocks on one page that branch and jump among themselves
    // (loops included, which stay in host code), run with the same budgets on both
    // engines: the state must agree after each run, since both stop at the same block
    // boundaries.
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut compiled_loops = 0;
    for case in 0..400 {
        let blocks = 2 + rng.next() as usize % 5;
        let lens: Vec<usize> = (0..blocks).map(|_| 1 + rng.next() as usize % 10).collect();
        let starts: Vec<i64> = lens
            .iter()
            .scan(0i64, |a, &l| {
                let s = *a;
                *a += 4 * (l as i64 + 1);
                Some(s)
            })
            .collect();
        let mut code = Vec::new();
        for &l in &lens {
            for _ in 0..l {
                code.push(any_straight(&mut rng));
            }
            let here = 4 * code.len() as i64;
            let target = starts[rng.next() as usize % blocks] - here;
            code.push(if rng.next().is_multiple_of(3) {
                let rd = [0, 1, 7, 8][rng.next() as usize % 4];
                jal_to(rd, target)
            } else {
                branch_to(&mut rng, target)
            });
        }
        let regs: Vec<u64> = (0..32)
            .map(|_| match rng.next() % 4 {
                0 => rng.next() % 16,
                1 => (rng.next() as i64 >> (rng.next() % 64)) as u64,
                _ => rng.next(),
            })
            .collect();
        let fs_on = !rng.next().is_multiple_of(4);
        let (mut interp, mut bus_i) = machine(&code);
        let (mut jitted, mut bus_j) = machine(&code);
        jitted.engine = Some(Box::new(jit::Jit::new().unwrap()));
        jitted.jit_threshold = 1;
        for h in [&mut interp, &mut jitted] {
            h.core.x.copy_from_slice(&regs);
            h.core.x[0] = 0;
            h.core.x[5] = DATA;
            h.core.x[6] = HOLE;
            h.core.mtvec = RAM + 0x4_0000;
            for k in 0..32 {
                h.core.f[k] = regs[31 - k];
            }
            if fs_on {
                h.core.mstatus |= frontend_riscv::csr::mstatus::FS;
            }
        }
        let listing: Vec<String> = code.iter().map(|w| format!("{w:08x}")).collect();
        for budget in [1u64, 3, 17, 100, 1000] {
            interp.run(&mut bus_i, budget);
            jitted.run(&mut bus_j, budget);
            let (a, b) = (&interp.core, &jitted.core);
            let what = format!("case {case}, budget {budget}: code {listing:?}, registers {regs:x?}, FS on {fs_on}");
            assert_eq!(
                interp.retired(),
                jitted.retired(),
                "retired differs: {what}"
            );
            assert_eq!(
                (a.pc, a.instret, a.mcause, a.mepc, a.mtval, a.mstatus),
                (b.pc, b.instret, b.mcause, b.mepc, b.mtval, b.mstatus),
                "pc, instret, trap state or mstatus differ: {what}"
            );
            assert_eq!(a.x, b.x, "x registers differ: {what}");
            assert_eq!(a.f, b.f, "f registers differ: {what}");
            for k in 0..(4096 / 8) {
                let addr = DATA - 2048 + 8 * k;
                assert_eq!(
                    interp.core.ram.read(addr, 8),
                    jitted.core.ram.read(addr, 8),
                    "memory at {addr:#x} differs: {what}"
                );
            }
        }
        compiled_loops += jitted.compiled_blocks().min(1);
    }
    assert!(
        compiled_loops > 300,
        "only {compiled_loops} cases compiled code"
    );
}
