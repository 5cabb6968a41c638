//! The bare-metal machine: RAM at 0x8000_0000, one RV64 hart starting in M-mode at the
//! program's entry point, a CLINT at 0x0200_0000 (timer and software interrupts, 10 MHz
//! timebase), and HTIF for the program to report its result and print. This is what
//! `gasang run` and the test ROMs use; the layout matches `spike` and `qemu -M spike`.
//!
//! Time is deterministic: `mtime` advances one tick per [`INSNS_PER_TICK`] retired
//! instructions, and jumps to the next timer deadline when the hart waits in WFI, so a
//! run always repeats exactly.

use std::io::Write;
use std::sync::Arc;

use devices::{Clint, ClintState, Htif, HtifEvent, CLINT_SIZE};
use emu_core::{Bus, Clock, ClockMode, GuestRam, RamError};
use firmware::{LoadError, LoadedImage};
use frontend_riscv::check::Lockstep;
use frontend_riscv::csr::MENVCFG_STCE;
use frontend_riscv::trap::irq;
use frontend_riscv::{Exit, Hart, Step};

use crate::engine::{EngineKind, JitSettings};
use thiserror::Error;

/// Physical address of RAM.
pub const RAM_BASE: u64 = 0x8000_0000;

/// Physical address of the CLINT.
pub const CLINT_BASE: u64 = 0x0200_0000;

/// Instructions per host-side check (time, interrupt lines, limits).
const QUANTUM: u64 = 4096;
/// After the first write to the `tohost` page, instructions to run before reading
/// `tohost`, so that a command written as two 32-bit halves is complete (Spike polls HTIF
/// in batches too). The window starts at the first write and is never restarted by later
/// ones: riscv-tests' `env/p` rewrites `tohost` every few instructions forever.
const HTIF_SETTLE: u64 = 64;
/// `mtime` advances one tick (10 MHz timebase) per this many instructions.
pub const INSNS_PER_TICK: u64 = 10;

/// Why a bare machine could not be built.
#[derive(Debug, Error)]
pub enum MachineError {
    /// Guest RAM could not be set up.
    #[error(transparent)]
    Ram(#[from] RamError),
    /// The program could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The program wrote exit code 0 to `tohost`.
    Pass,
    /// The program wrote a non-zero exit code (riscv-tests: the failing case number).
    Fail(u64),
    /// The instruction limit was reached first.
    InsnLimit(u64),
    /// The hart waits (WFI) with no interrupt enabled that could ever wake it.
    Stuck {
        /// The pc after the WFI.
        pc: u64,
    },
    /// `--engine check` found the JIT and the interpreter in different states (the
    /// report says how).
    EngineMismatch(String),
    /// The hart takes trap after trap without retiring an instruction.
    TrapLoop {
        /// Where the hart is (the handler address that faults).
        pc: u64,
        /// The last trap's `mcause`.
        cause: u64,
    },
}

/// A bare-metal machine running one program.
pub struct BareMachine {
    /// The physical bus (RAM only).
    pub bus: Bus,
    /// The hart.
    pub hart: Hart,
    htif: Option<Htif>,
    clint: Arc<ClintState>,
    /// What loading the program produced (entry, symbols, `tohost`).
    pub image: LoadedImage,
    executed: u64,
    /// When a write to the `tohost` page is waiting to be looked at: the executed count at
    /// which `tohost` is read (at most [`HTIF_SETTLE`] after the first such write).
    htif_poll_at: Option<u64>,
    /// Consecutive quanta that took traps but retired nothing (a trap loop).
    idle_quanta: u32,
    /// `--engine check`: the interpreter's shadow of the hart.
    lockstep: Option<Box<Lockstep>>,
    /// What `--engine check` found, once it found a difference.
    mismatch: Option<String>,
}

impl std::fmt::Debug for BareMachine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BareMachine")
            .field("hart", &self.hart)
            .field("htif", &self.htif)
            .finish_non_exhaustive()
    }
}

impl BareMachine {
    /// Runs hot code as host code compiled by the JIT: regions are compiled after
    /// `threshold` interpreted runs of their first block (1 = at once), on a background
    /// thread or (not `background`) at once.
    pub fn enable_jit(&mut self, threshold: u32, background: bool) -> Result<(), jit::JitError> {
        self.hart.engine = Some(Box::new(jit::Jit::with_options(jit::JitOptions {
            background,
            ..jit::JitOptions::default()
        })?));
        self.hart.jit_threshold = threshold.max(1);
        Ok(())
    }

    /// Loads `program` (ELF, or a raw binary placed at RAM base) into `ram_size` bytes of
    /// RAM. HTIF output goes to `console`.
    pub fn new(
        program: &[u8],
        ram_size: u64,
        console: Box<dyn Write + Send>,
    ) -> Result<Self, MachineError> {
        let ram = Arc::new(GuestRam::new(RAM_BASE, ram_size)?);
        let image = firmware::load_image(&ram, program)?;
        let htif = image
            .tohost
            .and_then(|t| Htif::new(&ram, t, image.fromhost, console));
        let mut hart = Hart::new(0, ram.clone(), image.entry);
        let clock = Arc::new(Clock::new(ClockMode::Instructions(INSNS_PER_TICK)));
        hart.core.clock = Some(clock.clone());
        let clint = ClintState::new(clock, 1);
        let mut bus = Bus::new(ram);
        bus.map(CLINT_BASE, CLINT_SIZE, Box::new(Clint(clint.clone())));
        Ok(BareMachine {
            bus,
            hart,
            htif,
            clint,
            image,
            executed: 0,
            htif_poll_at: None,
            idle_quanta: 0,
            lockstep: None,
            mismatch: None,
        })
    }

    /// Whether the program has a `tohost` symbol (HTIF).
    pub fn has_htif(&self) -> bool {
        self.htif.is_some()
    }

    /// Instructions executed so far.
    pub fn executed(&self) -> u64 {
        self.executed
    }

    fn htif_poll(&mut self) -> Option<Outcome> {
        let h = self.htif.as_mut()?;
        match h.poll(self.bus.ram())? {
            HtifEvent::Exit(0) => Some(Outcome::Pass),
            HtifEvent::Exit(code) => Some(Outcome::Fail(code)),
        }
    }

    /// Brings the hart's view of time and its CLINT interrupt lines up to date.
    fn sync_devices(&mut self) {
        let c = &mut self.hart.core;
        c.set_time(self.clint.mtime());
        c.set_interrupt_line(irq::MTI, self.clint.mtip(0));
        c.set_interrupt_line(irq::MSI, self.clint.msip(0));
    }

    /// Runs guest code with `engine` (the JIT with `jit`'s settings, or also the
    /// interpreter in lockstep).
    pub fn set_engine(
        &mut self,
        engine: EngineKind,
        jit: JitSettings,
    ) -> Result<(), jit::JitError> {
        if engine == EngineKind::Interp {
            return Ok(());
        }
        self.enable_jit(jit.threshold, jit.background)?;
        if engine == EngineKind::Check {
            self.lockstep = Some(Box::new(Lockstep::new(&mut self.hart)));
        }
        Ok(())
    }

    /// Runs the hart for up to `budget` instructions and accounts for them.
    fn run_hart(&mut self, budget: u64) -> Exit {
        self.sync_devices();
        let before = self.hart.retired();
        let exit = match &mut self.lockstep {
            None => self.hart.run(&mut self.bus, budget),
            Some(l) => match l.run(&mut self.hart, &mut self.bus, budget) {
                Ok(e) => e,
                Err(m) => {
                    self.mismatch = Some(m.report);
                    Exit::Budget
                }
            },
        };
        let n = self.hart.retired() - before;
        self.executed += n;
        self.clint.clock().retired(n);
        exit
    }

    /// The hart waits in WFI: skip time to the next timer deadline if one can wake it.
    /// Returns false if nothing ever will.
    fn idle(&mut self) -> bool {
        let c = &self.hart.core;
        // Only an interrupt enabled in mie can end WFI (priv spec 3.3.3).
        let timer_can_wake = c.mie & ((1 << irq::MTI) | (1 << irq::STI)) != 0;
        let deadline = [
            self.clint.next_deadline(),
            (c.menvcfg & MENVCFG_STCE != 0 && c.stimecmp > c.time).then_some(c.stimecmp),
        ]
        .into_iter()
        .flatten()
        .min();
        match deadline {
            Some(t) if timer_can_wake => {
                self.clint.clock().skip_to(t);
                true
            }
            _ => false,
        }
    }

    /// Runs until the program ends or `max_insns` instructions have run.
    pub fn run(&mut self, max_insns: Option<u64>) -> Outcome {
        let limit = max_insns.unwrap_or(u64::MAX);
        loop {
            if let Some(o) = self.htif_due() {
                return o;
            }
            if self.executed >= limit {
                return Outcome::InsnLimit(self.executed);
            }
            let until_poll = self.htif_poll_at.map_or(QUANTUM, |at| at - self.executed);
            let budget = until_poll.clamp(1, QUANTUM).min(limit - self.executed);
            let before = self.executed;
            let exit = self.run_hart(budget);
            match exit {
                Exit::HostWrite => self.note_host_write(),
                // No breakpoints are set here: Breakpoint cannot happen.
                Exit::Budget | Exit::Breakpoint => {}
                Exit::Wfi => {
                    // A program that reports and then waits: look at tohost now.
                    if let Some(o) = self.htif_poll_now() {
                        return o;
                    }
                    if !self.idle() {
                        self.sync_devices();
                        if self.hart.core.pending_interrupt().is_none()
                            && self.hart.core.mip_value() & self.hart.core.mie == 0
                        {
                            return Outcome::Stuck {
                                pc: self.hart.core.pc,
                            };
                        }
                    }
                }
            }
            if let Some(m) = self.mismatch.take() {
                return Outcome::EngineMismatch(m);
            }
            if let Some(o) = self.check_trap_loop(exit, self.executed - before, budget) {
                return o;
            }
        }
    }

    /// Runs whole blocks until `budget` instructions have run (at least one block, or
    /// one trap or interrupt), reading `tohost` at once if it was written: for comparing
    /// engines step by step. Returns how the program ended, if it did.
    pub fn run_blocks(&mut self, budget: u64) -> Option<Outcome> {
        match self.run_hart(budget.max(1)) {
            Exit::HostWrite => {
                self.note_host_write();
                self.htif_poll_now()
            }
            Exit::Wfi if !self.idle() => Some(Outcome::Stuck {
                pc: self.hart.core.pc,
            }),
            _ => None,
        }
    }

    /// A store hit the `tohost` page: read `tohost` within [`HTIF_SETTLE`] instructions of
    /// the first such write (later writes do not move the deadline).
    fn note_host_write(&mut self) {
        if self.htif.is_some() {
            self.htif_poll_at
                .get_or_insert(self.executed.saturating_add(HTIF_SETTLE));
        }
    }

    /// Reads `tohost` if a write is waiting and its settle window has passed.
    fn htif_due(&mut self) -> Option<Outcome> {
        match self.htif_poll_at {
            Some(at) if self.executed >= at => self.htif_poll_now(),
            _ => None,
        }
    }

    /// Reads `tohost` now if a write is waiting.
    fn htif_poll_now(&mut self) -> Option<Outcome> {
        self.htif_poll_at.take()?;
        self.htif_poll()
    }

    /// A whole budget spent taking traps without retiring an instruction, twice in a row,
    /// is a trap loop (e.g. `mtvec` pointing at a faulting address): nothing the hart does
    /// can change the outcome.
    fn check_trap_loop(&mut self, exit: Exit, retired: u64, budget: u64) -> Option<Outcome> {
        if exit == Exit::Budget && retired == 0 && budget > 1 {
            self.idle_quanta += 1;
        } else {
            self.idle_quanta = 0;
        }
        (self.idle_quanta >= 2).then_some(Outcome::TrapLoop {
            pc: self.hart.core.pc,
            cause: self.hart.core.mcause,
        })
    }

    /// Executes one instruction (for traces). Returns what happened and, if the program
    /// ended, how.
    pub fn step(&mut self) -> (Step, Option<Outcome>) {
        self.sync_devices();
        let before = self.hart.retired();
        let step = self.hart.step(&mut self.bus);
        let n = self.hart.retired() - before;
        self.executed += n;
        self.clint.clock().retired(n);
        if step.exit == Some(Exit::HostWrite) {
            self.note_host_write();
        }
        if let Some(o) = self.htif_due() {
            return (step, Some(o));
        }
        if step.exit == Some(Exit::Wfi) && !self.idle() {
            if let Some(o) = self.htif_poll_now() {
                return (step, Some(o));
            }
            return (
                step,
                Some(Outcome::Stuck {
                    pc: self.hart.core.pc,
                }),
            );
        }
        (step, None)
    }
}
