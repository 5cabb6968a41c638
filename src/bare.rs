//! The bare-metal machine: RAM at 0x8000_0000, one RV64 hart starting in M-mode at the
//! program's entry point, and HTIF for the program to report its result and print. This
//! is what `gasang run` and the test ROMs use (like `spike` or `qemu -M spike`).

use std::io::Write;
use std::sync::Arc;

use devices::{Htif, HtifEvent};
use emu_core::{Bus, GuestRam, RamError};
use firmware::{LoadError, LoadedImage};
use frontend_riscv::{Exit, Hart, Step};
use thiserror::Error;

/// Physical address of RAM.
pub const RAM_BASE: u64 = 0x8000_0000;

/// Instructions per host-side check (HTIF, limits).
const QUANTUM: u64 = 1 << 16;
/// After a write to `tohost`, instructions to run before reading it, so that a command
/// written as two 32-bit halves is complete (Spike polls HTIF in batches too).
const HTIF_SETTLE: u64 = 64;
/// `time` advances one tick (10 MHz timebase) per this many instructions.
const INSNS_PER_TICK: u64 = 10;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The program wrote exit code 0 to `tohost`.
    Pass,
    /// The program wrote a non-zero exit code (riscv-tests: the failing case number).
    Fail(u64),
    /// The instruction limit was reached first.
    InsnLimit(u64),
    /// The hart waits (WFI) for an interrupt that nothing on this machine can raise.
    Stuck {
        /// The pc after the WFI.
        pc: u64,
    },
}

/// A bare-metal machine running one program.
pub struct BareMachine {
    /// The physical bus (RAM only).
    pub bus: Bus,
    /// The hart.
    pub hart: Hart,
    htif: Option<Htif>,
    /// What loading the program produced (entry, symbols, `tohost`).
    pub image: LoadedImage,
    executed: u64,
    settle_left: u64,
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
        let hart = Hart::new(0, ram.clone(), image.entry);
        Ok(BareMachine {
            bus: Bus::new(ram),
            hart,
            htif,
            image,
            executed: 0,
            settle_left: 0,
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

    fn advance_time(&mut self) {
        self.hart.core.time = self.executed / INSNS_PER_TICK;
    }

    /// Runs until the program ends or `max_insns` instructions have run.
    pub fn run(&mut self, max_insns: Option<u64>) -> Outcome {
        let limit = max_insns.unwrap_or(u64::MAX);
        let mut settle = false;
        loop {
            if self.executed >= limit {
                return Outcome::InsnLimit(self.executed);
            }
            let budget = if settle { HTIF_SETTLE } else { QUANTUM }.min(limit - self.executed);
            self.advance_time();
            let before = self.hart.retired();
            let exit = self.hart.run(&mut self.bus, budget);
            self.executed += self.hart.retired() - before;
            match exit {
                Exit::HostWrite => settle = true,
                Exit::Budget | Exit::Wfi => {
                    if settle {
                        settle = false;
                        if let Some(o) = self.htif_poll() {
                            return o;
                        }
                        continue;
                    }
                    if exit == Exit::Wfi {
                        return Outcome::Stuck {
                            pc: self.hart.core.pc,
                        };
                    }
                }
            }
        }
    }

    /// Executes one instruction (for traces). Returns what happened and, if the program
    /// ended, how.
    pub fn step(&mut self) -> (Step, Option<Outcome>) {
        self.advance_time();
        let before = self.hart.retired();
        let step = self.hart.step(&mut self.bus);
        self.executed += self.hart.retired() - before;
        if step.exit == Some(Exit::HostWrite) {
            self.settle_left = HTIF_SETTLE;
            return (step, None);
        }
        let waiting = step.exit == Some(Exit::Wfi);
        if self.settle_left > 0 {
            self.settle_left -= 1;
            if self.settle_left == 0 || waiting {
                self.settle_left = 0;
                if let Some(o) = self.htif_poll() {
                    return (step, Some(o));
                }
            }
        }
        let outcome = waiting.then_some(Outcome::Stuck {
            pc: self.hart.core.pc,
        });
        (step, outcome)
    }
}
