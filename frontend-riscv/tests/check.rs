//! `--engine check` catches an engine that goes wrong: a stand-in engine that runs
//! blocks with the interpreter's single-instruction entry, and (when told to) gets one
//! register or one store wrong, under the lockstep checker.

use std::collections::HashMap;
use std::sync::Arc;

use emu_core::{Bus, GuestRam};
use frontend_riscv::check::Lockstep;
use frontend_riscv::compiled::{Code, Compiled, Engine, EngineStats, RegionSpec, Submitted};
use frontend_riscv::interp::{interpret_one, ONE_END, ONE_OK};
use frontend_riscv::{Exit, Hart, HartCore, Inst};

/// What the stand-in gets wrong.
#[derive(Clone, Copy, PartialEq)]
enum Flaw {
    None,
    /// Adds 1 to x5 after each block.
    Register,
    /// Writes a byte of garbage after each block that stored.
    Memory,
}

struct FakeEngine {
    flaw: Flaw,
    /// Code "addresses" (indices) to the entry block's instructions and address.
    regions: HashMap<usize, Vec<Inst>>,
    ready: Vec<Compiled>,
}

impl Engine for FakeEngine {
    fn submit(&mut self, region: RegionSpec, _urgent: bool) -> Submitted {
        let id = self.regions.len() + 1;
        self.regions.insert(id, region.blocks[0].insts.clone());
        self.ready.push(Compiled {
            ticket: region.ticket,
            code: Code(id as *const u8),
        });
        Submitted::Queued
    }
    fn take_compiled(&mut self) -> Option<Compiled> {
        self.ready.pop()
    }
    unsafe fn enter(&mut self, code: Code, core: *mut HartCore, bus: *mut Bus) -> u64 {
        // SAFETY: the hart passes valid, exclusive pointers for the call.
        let (core, bus) = unsafe { (&mut *core, &mut *bus) };
        let insts = &self.regions[&(code.0 as usize)];
        let mut pc = core.pc;
        let mut stored = false;
        for (k, i) in insts.iter().enumerate() {
            let mut next = 0;
            match interpret_one(core, bus, i, pc, k as u64, &mut next) {
                ONE_OK => pc = next,
                ONE_END => {
                    core.pc = next;
                    return (k as u64 + 1) | frontend_riscv::compiled::JIT_END;
                }
                _ => {
                    core.pc = pc;
                    return k as u64 | frontend_riscv::compiled::JIT_TRAP;
                }
            }
            stored |= matches!(i.op, frontend_riscv::Op::Sd);
        }
        core.pc = pc;
        match self.flaw {
            Flaw::Register => core.x[5] = core.x[5].wrapping_add(1),
            Flaw::Memory if stored => {
                core.ram.write(0x8000_3f00, 1, 0xee);
            }
            _ => {}
        }
        insts.len() as u64
    }
    fn publish(&mut self, _: u64, _: usize, _: Code) {}
    fn forget_published(&mut self) {}
    fn needs_reset(&self) -> bool {
        false
    }
    fn reset(&mut self) {}
    fn stats(&self) -> EngineStats {
        EngineStats::default()
    }
}

/// A loop: addi x5, x5, 1 ; sd x5, 0(x6) ; j loop, with x6 on a data page.
fn machine(flaw: Flaw) -> (Hart, Bus, Lockstep) {
    let ram = Arc::new(GuestRam::new(0x8000_0000, 1 << 16).unwrap());
    let code = [0x0012_8293u32, 0x0053_3023, 0xff9f_f06f];
    for (k, w) in code.iter().enumerate() {
        ram.write(0x8000_0000 + 4 * k as u64, 4, *w as u64);
    }
    let mut h = Hart::new(0, ram.clone(), 0x8000_0000);
    h.core.x[6] = 0x8000_2000;
    h.engine = Some(Box::new(FakeEngine {
        flaw,
        regions: HashMap::new(),
        ready: Vec::new(),
    }));
    h.jit_threshold = 1;
    let l = Lockstep::new(&mut h);
    (h, Bus::new(ram), l)
}

#[test]
fn a_correct_engine_passes_and_a_wrong_one_is_caught_with_a_report() {
    let (mut h, mut bus, mut l) = machine(Flaw::None);
    for _ in 0..50 {
        assert_eq!(
            l.run(&mut h, &mut bus, 30).map_err(|m| m.report),
            Ok(Exit::Budget)
        );
    }
    assert_eq!(h.core.x[5], 50 * 10);
    assert_eq!(h.core.ram.read(0x8000_2000, 8), Some(500));
    assert!(l.checked >= 50);

    let (mut h, mut bus, mut l) = machine(Flaw::Register);
    let m = (0..10)
        .find_map(|_| l.run(&mut h, &mut bus, 30).err())
        .expect("the wrong register is noticed");
    assert!(m.report.contains("x5: "), "{}", m.report);
    assert!(
        m.report.contains("0x0000000080000000: 00128293"),
        "{}",
        m.report
    );

    let (mut h, mut bus, mut l) = machine(Flaw::Memory);
    let m = (0..10)
        .find_map(|_| l.run(&mut h, &mut bus, 30).err())
        .expect("the stray store is noticed");
    assert!(
        m.report.contains("memory written: 0x80003f00: - vs 0xee"),
        "{}",
        m.report
    );
}
