//! The virt board as a [`gdb::DebugTarget`]: registers, memory through each hart's
//! translation, single steps, and a run loop that honours breakpoints and watchpoints.
//!
//! With breakpoints only, `resume` runs the harts at full speed through the block cache:
//! each hart checks its [`Hart::breakpoints`](frontend_riscv::Hart::breakpoints) at block
//! entry, and a block holding one is cut short before it (one branch per block; nothing
//! when none is set). With a watchpoint set, it runs them one instruction at a time and
//! computes each load's and store's data address before it runs: slower, but exact for
//! every access path (TLB hit or miss, AMOs, LR/SC). The stop comes before the access,
//! as gdb expects on RISC-V (its watchpoints are "non-steppable", like the debug spec's
//! triggers): gdb steps over the instruction itself and then shows old and new values.
//!
//! gdb also single-steps RISC-V in software (a breakpoint after the instruction, then
//! continue). A continue from an instruction with a breakpoint at its fall-through
//! address therefore runs that instruction alone first: if it traps, the stop is at the
//! trap handler, as a hardware step would be.
//!
//! Breakpoint instructions gdb writes itself (`ebreak` through memory writes, when it
//! does not use Z0) are treated as breakpoints at their address: they stop into gdb and
//! never reach the guest's trap handler.
//!
//! A JIT must keep this contract: blocks stop before a breakpoint address (or fall back
//! to the interpreter while breakpoints or watchpoints are set).

use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use frontend_riscv::{Inst, Op, Priv};
use gdb::{
    AddressSpace, BreakpointKind, DebugTarget, MemoryError, Register, StopReason, WatchKind,
};

use crate::console::{signal_received, Console, ConsoleEvent};
use crate::virt::{RoundStop, VirtExit, VirtMachine};

/// How often [`wait_for_gdb`] looks for a termination signal.
const ACCEPT_POLL: Duration = Duration::from_millis(20);

/// Waits for gdb to connect to `listener` (`-S`). Returns the connection, or `None` if a
/// termination signal came first (SIGTERM, SIGHUP, or SIGINT: Ctrl-C on the terminal,
/// which stays in cooked mode while gdb is awaited). A blocking `accept` would not see
/// the signal: the handlers restart interrupted system calls.
pub fn wait_for_gdb(listener: &TcpListener) -> std::io::Result<Option<TcpStream>> {
    listener.set_nonblocking(true)?;
    loop {
        if signal_received() {
            return Ok(None);
        }
        match listener.accept() {
            Ok((conn, _)) => {
                conn.set_nonblocking(false)?;
                return Ok(Some(conn));
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(ACCEPT_POLL),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Breakpoints and watchpoints the debugger set.
#[derive(Debug, Default)]
pub struct DebugState {
    breakpoints: Vec<u64>,
    watchpoints: Vec<(u64, u64, WatchKind)>,
    /// Where gdb wrote an `ebreak` (4 bytes) or `c.ebreak` (2) itself (M packets rather
    /// than Z0): breakpoints too, so the guest never executes them.
    written_ebreaks: Vec<(u64, u64)>,
}

impl DebugState {
    /// Every address to stop at.
    fn stops(&self) -> Vec<u64> {
        let mut v = self.breakpoints.clone();
        v.extend(self.written_ebreaks.iter().map(|&(a, _)| a));
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Whether `pc` holds an ebreak gdb wrote.
    fn is_written_ebreak(&self, pc: u64) -> bool {
        self.written_ebreaks.iter().any(|&(a, _)| a == pc)
    }

    /// Notes a debugger write of `data` at `addr`: an `ebreak` or `c.ebreak` written
    /// whole becomes a breakpoint; other data over one removes it.
    fn note_write(&mut self, addr: u64, data: &[u8]) {
        let len = data.len() as u64;
        // Overlap of [a, a+l) and [addr, addr+len), without overflow.
        self.written_ebreaks
            .retain(|&(a, l)| a.wrapping_sub(addr) >= len && addr.wrapping_sub(a) >= l);
        if data == EBREAK || data == C_EBREAK {
            self.written_ebreaks.push((addr, len));
        }
    }
}

/// `ebreak` and `c.ebreak`, little-endian.
const EBREAK: &[u8] = &[0x73, 0x00, 0x10, 0x00];
const C_EBREAK: &[u8] = &[0x02, 0x90];

/// A virt board under a debugger.
pub struct DebuggedMachine<'a> {
    /// The machine.
    pub m: &'a mut VirtMachine,
    /// The console: its input reaches the guest's UART while the guest runs.
    console: Option<&'a Console>,
    state: DebugState,
    /// The exit the guest reached while debugged, if any.
    pub exit: Option<VirtExit>,
    /// The hart and pc of the last stop reported to gdb.
    last_stop: Option<(usize, u64)>,
    /// The hart and pc of the last stop, if it was a watchpoint.
    last_watch_stop: Option<(usize, u64)>,
}

impl std::fmt::Debug for DebuggedMachine<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DebuggedMachine")
            .field("state", &self.state)
            .finish()
    }
}

impl<'a> DebuggedMachine<'a> {
    /// Wraps `m`; `console` input goes to the guest while it runs.
    pub fn new(m: &'a mut VirtMachine, console: Option<&'a Console>) -> Self {
        DebuggedMachine {
            m,
            console,
            state: DebugState::default(),
            exit: None,
            last_stop: None,
            last_watch_stop: None,
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
            let overlap = addr.wrapping_sub(w) < len || w.wrapping_sub(addr) < size;
            let hit = match kind {
                WatchKind::Write => store,
                WatchKind::Read => load,
                WatchKind::Access => store || load,
            };
            (overlap && hit).then_some((kind, addr))
        })
    }

    /// gdb single-steps RISC-V in software: it puts a breakpoint after the instruction
    /// (and at a branch's target) and continues. When that instruction raises an
    /// exception, hardware would step into the trap handler, but the guest would run
    /// on from there. So a continue whose hart sits on an instruction with a breakpoint
    /// at its fall-through address runs that one instruction first, and stops at the
    /// handler if it trapped (or at the breakpoint it reached). `None`: go on normally.
    fn software_step_over_trap(&mut self, hart: usize) -> Option<StopReason> {
        let stops = self.state.stops();
        let pc = self.m.harts.get(hart)?.core.pc;
        let inst = self.next_inst(hart)?;
        if stops.contains(&pc) || !stops.contains(&pc.wrapping_add(inst.len as u64)) {
            return None;
        }
        if let Some((kind, addr)) = self.watch_hit(hart, &inst) {
            if self.last_watch_stop != Some((hart, pc)) {
                return Some(StopReason::Watchpoint { hart, kind, addr });
            }
        }
        let (step, exit) = self.m.step_hart_detailed(hart);
        if let Some(e) = exit {
            return Some(self.exit_reason(e));
        }
        if step.trap.is_some() {
            return Some(StopReason::Stepped { hart });
        }
        if stops.contains(&self.m.harts[hart].core.pc) {
            return Some(StopReason::Breakpoint { hart });
        }
        None
    }

    /// Remembers where a stop was reported (a continue from there does not report it
    /// again).
    fn note_stop(&mut self, reason: &StopReason) {
        let hart = match *reason {
            StopReason::Stepped { hart }
            | StopReason::Breakpoint { hart }
            | StopReason::Watchpoint { hart, .. }
            | StopReason::Interrupted { hart } => hart,
            StopReason::Exited(_) => return,
        };
        let pc = self.m.harts.get(hart).map_or(0, |h| h.core.pc);
        self.last_stop = Some((hart, pc));
        if matches!(reason, StopReason::Watchpoint { .. }) {
            self.last_watch_stop = Some((hart, pc));
        }
    }

    fn step_once(&mut self, hart: usize) -> StopReason {
        let Some(h) = self.m.harts.get(hart) else {
            return StopReason::Stepped { hart };
        };
        if self.state.is_written_ebreak(h.core.pc) {
            // An ebreak gdb wrote: stop into gdb, never into the guest's handler.
            return StopReason::Breakpoint { hart };
        }
        if let Some(e) = self.m.step_hart(hart) {
            return self.exit_reason(e);
        }
        StopReason::Stepped { hart }
    }

    /// Runs all harts until a breakpoint, watchpoint, exit or interrupt.
    fn resume_all(&mut self, interrupted: &mut dyn FnMut() -> bool) -> StopReason {
        let harts = self.m.harts.len();
        // The hart gdb last saw stop, and where: a continue from there is not a new hit
        // (unless it is an ebreak gdb wrote, which never runs).
        let (last_hart, last_pc) = self.last_stop.unwrap_or((0, u64::MAX));
        let resumed_at = |h: usize, pc: u64| h == last_hart && pc == last_pc;
        if let Some(stop) = self.software_step_over_trap(last_hart) {
            return stop;
        }
        let stops = self.state.stops();
        if self.state.watchpoints.is_empty() {
            // Breakpoints only: the harts check them at block boundaries (fast path).
            for (i, h) in self.m.harts.iter_mut().enumerate() {
                h.breakpoints = stops.clone();
                h.skip_breakpoint = (resumed_at(i, h.core.pc)
                    && !self.state.is_written_ebreak(h.core.pc))
                .then_some(h.core.pc);
            }
            let reason = loop {
                match self.m.run_round() {
                    Some(RoundStop::Exit(e)) => break self.exit_reason(e),
                    Some(RoundStop::Breakpoint(hart)) => break StopReason::Breakpoint { hart },
                    None => {}
                }
                if interrupted() {
                    break StopReason::Interrupted { hart: 0 };
                }
                if let Some(stop) = self.poll_console() {
                    break stop;
                }
            };
            for h in self.m.harts.iter_mut() {
                h.breakpoints.clear();
                h.skip_breakpoint = None;
            }
            return reason;
        }
        // Watchpoints: one instruction at a time, each load's and store's address
        // computed before it runs.
        let mut resume_pending = true;
        let mut n: u64 = 0;
        loop {
            for hart in 0..harts {
                for _ in 0..256 {
                    let pc = self.m.harts[hart].core.pc;
                    let resumed_here = resume_pending && resumed_at(hart, pc);
                    if hart == last_hart {
                        resume_pending = false;
                    }
                    // The instruction a continue starts at is not a new hit.
                    if stops.contains(&pc) && (!resumed_here || self.state.is_written_ebreak(pc)) {
                        return StopReason::Breakpoint { hart };
                    }
                    // gdb treats RISC-V watchpoints as triggering before the access
                    // (like the debug spec's triggers): it steps over the instruction
                    // itself, then compares values. So stop before it runs, except
                    // when gdb continues from that very stop without stepping.
                    let repeat = resumed_here && self.last_watch_stop == Some((hart, pc));
                    if !repeat {
                        let watch = self.next_inst(hart).and_then(|i| self.watch_hit(hart, &i));
                        if let Some((kind, addr)) = watch {
                            return StopReason::Watchpoint { hart, kind, addr };
                        }
                    }
                    if let Some(e) = self.m.step_hart(hart) {
                        return self.exit_reason(e);
                    }
                }
            }
            n += 1;
            if n.is_multiple_of(16) {
                if interrupted() {
                    return StopReason::Interrupted { hart: 0 };
                }
                if let Some(stop) = self.poll_console() {
                    return stop;
                }
            }
        }
    }

    /// Passes console input to the guest; `Some` if the user quit (Ctrl-A X or a
    /// signal) while the guest ran.
    fn poll_console(&mut self) -> Option<StopReason> {
        let con = self.console?;
        if con.shutdown_requested() {
            return Some(self.exit_reason(VirtExit::Signal));
        }
        for e in con.poll() {
            match e {
                ConsoleEvent::Input(bytes) => self.m.console_input(&bytes),
                ConsoleEvent::Quit => return Some(self.exit_reason(VirtExit::Quit)),
                ConsoleEvent::ToggleMonitor | ConsoleEvent::Eof => {}
            }
        }
        None
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
            self.read_memory(hart, pc.wrapping_add(2), &mut b[2..], AddressSpace::Virtual)
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
            // The debugger sees every CSR, whatever mode the hart is in.
            Register::Csr(num) => crate::regs::read_csr(c, num),
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
        if space == AddressSpace::Virtual {
            self.state.note_write(addr, data);
        }
        Ok(())
    }

    fn step(&mut self, hart: usize) -> StopReason {
        let reason = self.step_once(hart);
        self.last_watch_stop = None;
        self.note_stop(&reason);
        reason
    }

    fn resume(&mut self, interrupted: &mut dyn FnMut() -> bool) -> StopReason {
        let reason = self.resume_all(interrupted);
        self.last_watch_stop = None;
        self.note_stop(&reason);
        reason
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

    fn quit_check(&self) -> fn() -> bool {
        // SIGTERM/SIGINT/SIGHUP while gdb holds the stopped guest: the session ends and
        // the run with it (143), as when the guest runs.
        signal_received
    }

    fn monitor(&mut self, hart: usize, cmd: &str, out: &mut String) -> bool {
        if cmd.trim() == "help" {
            out.push_str(crate::monitor::INFO_HELP);
            return true;
        }
        match crate::monitor::info_command(self.m, hart, cmd.trim()) {
            Some(text) => {
                out.push_str(&text);
                true
            }
            None => false,
        }
    }
}
