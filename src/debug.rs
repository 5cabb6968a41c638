//! The virt board as a [`gdb::DebugTarget`]: registers, memory through each hart's
//! translation, single steps, and a run loop that honours breakpoints and watchpoints.
//!
//! With no breakpoint or watchpoint set, `resume` runs the harts at full speed (the block
//! cache). With any set, it runs them one instruction at a time: a breakpoint is checked
//! before each instruction, and a watchpoint by computing a load's or store's data address
//! before it runs. Slower, but exact, and the block cache stays untouched.

use frontend_riscv::{Inst, Op, Priv};
use gdb::{
    AddressSpace, BreakpointKind, DebugTarget, MemoryError, Register, StopReason, WatchKind,
};

use crate::virt::{VirtExit, VirtMachine};

/// Breakpoints and watchpoints the debugger set.
#[derive(Debug, Default)]
pub struct DebugState {
    breakpoints: Vec<u64>,
    watchpoints: Vec<(u64, u64, WatchKind)>,
}

/// A virt board under a debugger.
pub struct DebuggedMachine<'a> {
    /// The machine.
    pub m: &'a mut VirtMachine,
    state: DebugState,
    /// The exit the guest reached while debugged, if any.
    pub exit: Option<VirtExit>,
}

impl std::fmt::Debug for DebuggedMachine<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DebuggedMachine")
            .field("state", &self.state)
            .finish()
    }
}

impl<'a> DebuggedMachine<'a> {
    /// Wraps `m`.
    pub fn new(m: &'a mut VirtMachine) -> Self {
        DebuggedMachine {
            m,
            state: DebugState::default(),
            exit: None,
        }
    }

    /// The data access `inst` at the current pc of `hart` will make: (address, size,
    /// is a store, is a load).
    fn data_access(&self, hart: usize, inst: &Inst) -> Option<(u64, u64, bool, bool)> {
        use Op::*;
        let c = &self.m.harts[hart].core;
        let base = c.x[(inst.rs1 & 31) as usize];
        let addr = base.wrapping_add(inst.imm as i64 as u64);
        let (size, load, store) = match inst.op {
            Lb | Lbu => (1, true, false),
            Lh | Lhu => (2, true, false),
            Lw | Lwu | Flw => (4, true, false),
            Ld | Fld => (8, true, false),
            Sb => (1, false, true),
            Sh => (2, false, true),
            Sw | Fsw => (4, false, true),
            Sd | Fsd => (8, false, true),
            LrW => return Some((base, 4, false, true)),
            LrD => return Some((base, 8, false, true)),
            ScW => return Some((base, 4, true, false)),
            ScD => return Some((base, 8, true, false)),
            AmoswapW | AmoaddW | AmoxorW | AmoandW | AmoorW | AmominW | AmomaxW | AmominuW
            | AmomaxuW => return Some((base, 4, true, true)),
            AmoswapD | AmoaddD | AmoxorD | AmoandD | AmoorD | AmominD | AmomaxD | AmominuD
            | AmomaxuD => return Some((base, 8, true, true)),
            _ => return None,
        };
        Some((addr, size, store, load))
    }

    /// The watchpoint `inst` on `hart` will hit, if any.
    fn watch_hit(&self, hart: usize, inst: &Inst) -> Option<(WatchKind, u64)> {
        let (addr, size, store, load) = self.data_access(hart, inst)?;
        self.state.watchpoints.iter().find_map(|&(w, len, kind)| {
            let overlap = addr < w + len && w < addr + size;
            let hit = match kind {
                WatchKind::Write => store,
                WatchKind::Read => load,
                WatchKind::Access => store || load,
            };
            (overlap && hit).then_some((kind, addr))
        })
    }

    fn exit_reason(&mut self, e: VirtExit) -> StopReason {
        self.exit = Some(e);
        match e {
            VirtExit::Fail(code) => StopReason::Exited(code.clamp(1, 255) as u8),
            _ => StopReason::Exited(0),
        }
    }

    /// The physical address of `va` in `space`, as `hart` sees it.
    fn physical(&mut self, hart: usize, va: u64, space: AddressSpace) -> Result<u64, MemoryError> {
        match space {
            AddressSpace::Physical => Ok(va),
            AddressSpace::Virtual => self
                .m
                .harts
                .get_mut(hart)
                .and_then(|h| h.core.translate_quiet(va, 1).ok())
                .ok_or(MemoryError { addr: va }),
        }
    }

    /// The instruction at `hart`'s pc, if it can be fetched.
    fn next_inst(&mut self, hart: usize) -> Option<Inst> {
        let pc = self.m.harts[hart].core.pc;
        let mut b = [0u8; 4];
        self.read_memory(hart, pc, &mut b[..2], AddressSpace::Virtual)
            .ok()?;
        let lo = u16::from_le_bytes([b[0], b[1]]);
        let raw = if lo & 3 == 3 {
            self.read_memory(hart, pc + 2, &mut b[2..], AddressSpace::Virtual)
                .ok()?;
            u32::from_le_bytes(b)
        } else {
            lo as u32
        };
        Some(frontend_riscv::decode(raw))
    }
}

impl DebugTarget for DebuggedMachine<'_> {
    fn hart_count(&self) -> usize {
        self.m.harts.len()
    }

    fn read_register(&mut self, hart: usize, reg: Register) -> Option<u64> {
        let c = &mut self.m.harts.get_mut(hart)?.core;
        match reg {
            Register::X(n) => c.x.get(n as usize).copied(),
            Register::Pc => Some(c.pc),
            Register::F(n) => c.f.get(n as usize).copied(),
            Register::Priv => Some(c.priv_level as u64),
            Register::Csr(num) => {
                // The debugger sees every CSR, whatever mode the hart is in.
                let saved = c.priv_level;
                c.priv_level = Priv::Machine;
                let v = c.csr_read(num, false).ok();
                c.priv_level = saved;
                v
            }
        }
    }

    fn write_register(&mut self, hart: usize, reg: Register, value: u64) -> bool {
        let Some(h) = self.m.harts.get_mut(hart) else {
            return false;
        };
        let c = &mut h.core;
        match reg {
            Register::X(0) => true,
            Register::X(n) if n < 32 => {
                c.x[n as usize] = value;
                true
            }
            Register::Pc => {
                c.pc = value;
                true
            }
            Register::F(n) if n < 32 => {
                c.f[n as usize] = value;
                true
            }
            Register::Priv => match Priv::from_bits(value) {
                Some(p) => {
                    c.set_privilege(p);
                    true
                }
                None => false,
            },
            Register::Csr(num) => {
                let saved = c.priv_level;
                c.priv_level = Priv::Machine;
                let ok = c.csr_read(num, true).is_ok() && c.csr_write(num, value).is_ok();
                c.priv_level = saved;
                ok
            }
            _ => false,
        }
    }

    fn read_memory(
        &mut self,
        hart: usize,
        addr: u64,
        buf: &mut [u8],
        space: AddressSpace,
    ) -> Result<(), MemoryError> {
        for (i, b) in buf.iter_mut().enumerate() {
            let va = addr.wrapping_add(i as u64);
            let pa = self.physical(hart, va, space)?;
            // RAM and the boot ROM only: reading a device register could change its state.
            let rom = firmware::bootrom::BOOTROM_BASE
                ..firmware::bootrom::BOOTROM_BASE + firmware::bootrom::BOOTROM_SIZE;
            *b = match self.m.bus.ram().read(pa, 1) {
                Some(v) => v as u8,
                None if rom.contains(&pa) => {
                    self.m
                        .bus
                        .read(pa, 1)
                        .map_err(|_| MemoryError { addr: va })? as u8
                }
                None => return Err(MemoryError { addr: va }),
            };
        }
        Ok(())
    }

    fn write_memory(
        &mut self,
        hart: usize,
        addr: u64,
        data: &[u8],
        space: AddressSpace,
    ) -> Result<(), MemoryError> {
        for (i, &b) in data.iter().enumerate() {
            let va = addr.wrapping_add(i as u64);
            let pa = self.physical(hart, va, space)?;
            if !self.m.bus.ram().write(pa, 1, b as u64) {
                return Err(MemoryError { addr: va });
            }
        }
        Ok(())
    }

    fn step(&mut self, hart: usize) -> StopReason {
        if let Some(e) = self.m.step_hart(hart) {
            return self.exit_reason(e);
        }
        StopReason::Stepped { hart }
    }

    fn resume(&mut self, interrupted: &mut dyn FnMut() -> bool) -> StopReason {
        let harts = self.m.harts.len();
        if self.state.breakpoints.is_empty() && self.state.watchpoints.is_empty() {
            loop {
                if let Some(e) = self.m.run_round() {
                    return self.exit_reason(e);
                }
                if interrupted() {
                    return StopReason::Interrupted { hart: 0 };
                }
            }
        }
        let mut first = true;
        let mut n: u64 = 0;
        loop {
            for hart in 0..harts {
                for _ in 0..256 {
                    let pc = self.m.harts[hart].core.pc;
                    // The instruction a continue starts at is not a new hit.
                    if !first && self.state.breakpoints.contains(&pc) {
                        return StopReason::Breakpoint { hart };
                    }
                    first = false;
                    let watch = self.next_inst(hart).and_then(|i| self.watch_hit(hart, &i));
                    if let Some(e) = self.m.step_hart(hart) {
                        return self.exit_reason(e);
                    }
                    if let Some((kind, addr)) = watch {
                        return StopReason::Watchpoint { hart, kind, addr };
                    }
                }
            }
            n += 1;
            if n.is_multiple_of(16) && interrupted() {
                return StopReason::Interrupted { hart: 0 };
            }
        }
    }

    fn set_breakpoint(&mut self, addr: u64, _kind: BreakpointKind, on: bool) -> bool {
        if on {
            self.state.breakpoints.push(addr);
        } else if let Some(i) = self.state.breakpoints.iter().position(|&a| a == addr) {
            self.state.breakpoints.remove(i);
        }
        true
    }

    fn set_watchpoint(&mut self, addr: u64, len: u64, kind: WatchKind, on: bool) -> bool {
        if on {
            self.state.watchpoints.push((addr, len, kind));
        } else if let Some(i) = self
            .state
            .watchpoints
            .iter()
            .position(|&w| w == (addr, len, kind))
        {
            self.state.watchpoints.remove(i);
        }
        true
    }

    fn monitor(&mut self, cmd: &str, out: &mut String) -> bool {
        match cmd.trim() {
            "info registers" | "info r" => {
                for h in &self.m.harts {
                    out.push_str(&crate::regs::format_registers(&h.core));
                }
                true
            }
            "info status" => {
                out.push_str(&format!("{} instructions executed\n", self.m.executed()));
                true
            }
            "help" => {
                out.push_str("info registers   all registers and CSRs of every hart\ninfo status      instructions executed\n");
                true
            }
            _ => false,
        }
    }
}
