//! The Cranelift dynamic binary translator.
//!
//! [`Jit`] implements [`Engine`]: the hart hands it hot regions (a block and the hot
//! blocks it branches to on its page, see [`frontend_riscv::region`]), which it compiles
//! on a background thread ([`worker`]) or at once, and runs the code from then on (the
//! contract is in [`frontend_riscv::compiled`]).
//!
//! Guest registers live in host registers inside a region and in [`HartCore`] between
//! regions ([`translate`]). Regions continue into each other without returning to the
//! hart: each exit looks its target pc up in a table of entry points the hart
//! publishes ([`lookup`]) and tail-calls the code it finds. Code lives in one fixed-size
//! executable mapping ([`arena`]); when it is full, all code is dropped and compiled
//! again as it gets hot, so memory stays bounded however much code the guest rewrites.
//!
//! Translated in host code: RV64I, M, Zba, Zbb, Zbs, Zicond, loads and stores (the TLB
//! hit path inline, a helper call otherwise), jumps and branches. Other instructions
//! (CSR, A, F/D, system) call the interpreter for that one instruction.

mod arena;
mod compiler;
mod helpers;
pub mod lookup;
mod translate;
mod worker;

use std::collections::VecDeque;

use emu_core::Bus;
use frontend_riscv::compiled::{Code, Compiled, Engine, EngineStats, RegionSpec, Submitted};
use frontend_riscv::HartCore;
use thiserror::Error;

pub use arena::ArenaError;
pub use translate::supported;

use arena::CodeArena;
use compiler::Compiler;
use lookup::LookupTable;
use translate::CodeEnv;
use worker::{Done, Worker};

/// Why the JIT cannot start.
#[derive(Debug, Error)]
pub enum JitError {
    /// Cranelift does not support this host, or rejected a setting.
    #[error("the JIT cannot target this host: {0}")]
    Host(String),
    /// No executable memory.
    #[error(transparent)]
    Arena(#[from] ArenaError),
    /// The compiler thread could not start.
    #[error("cannot start the JIT's compiler thread: {0}")]
    Thread(std::io::Error),
}

/// How a [`Jit`] works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JitOptions {
    /// Compile on a background thread (the hart interprets meanwhile), or at once.
    pub background: bool,
    /// Bytes of executable memory for code.
    pub code_bytes: usize,
}

/// Regions waiting for the compiler thread, at most.
const MAX_PENDING: usize = 64;

impl Default for JitOptions {
    /// Background compilation and 64 MiB of code memory (`GASANG_JIT_CODE_MB` sets
    /// another size, for experiments and tests).
    fn default() -> Self {
        let mb = std::env::var("GASANG_JIT_CODE_MB")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&m| m > 0)
            .unwrap_or(64);
        JitOptions {
            background: true,
            code_bytes: mb << 20,
        }
    }
}

/// Where regions are compiled.
enum Backend {
    /// On the hart's thread, at [`Engine::submit`].
    Inline(Box<Compiler>),
    /// On a thread of its own.
    Background(Worker),
}

/// The entry trampoline's type.
type Trampoline = unsafe extern "C" fn(*const u8, *mut HartCore) -> u64;

/// The JIT of one hart.
pub struct Jit {
    arena: CodeArena,
    lookup: Box<LookupTable>,
    trampoline: Trampoline,
    backend: Backend,
    env: CodeEnv,
    ready: VecDeque<Compiled>,
    /// Bumped at every reset: results of jobs from before are dropped.
    generation: u64,
    full: bool,
    stats: EngineStats,
}

impl std::fmt::Debug for Jit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jit")
            .field("arena", &self.arena)
            .field("stats", &self.stats)
            .finish()
    }
}

impl Jit {
    /// A JIT for the host CPU, compiling at once (for tests and single-stepping
    /// reproducibility; see [`Jit::with_options`]).
    pub fn new() -> Result<Self, JitError> {
        Jit::with_options(JitOptions {
            background: false,
            ..JitOptions::default()
        })
    }

    /// A JIT with `options`.
    pub fn with_options(options: JitOptions) -> Result<Self, JitError> {
        let mut compiler = Compiler::new()?;
        let mut arena = CodeArena::new(options.code_bytes)?;
        let tramp = compiler.trampoline().map_err(JitError::Host)?;
        let at = arena
            .install(&tramp)
            .ok_or_else(|| JitError::Host("no room for the entry trampoline".into()))?;
        let lookup = Box::<LookupTable>::default();
        let mut thunk = |f: usize, params: usize| -> Result<u64, JitError> {
            let code = compiler.thunk(f, params).map_err(JitError::Host)?;
            arena
                .install(&code)
                .map(|p| p as u64)
                .ok_or_else(|| JitError::Host("no room for the helpers' thunks".into()))
        };
        let env = CodeEnv {
            lookup_base: lookup.base() as u64,
            load: [
                thunk(helpers::load1 as *const () as usize, 5)?,
                thunk(helpers::load2 as *const () as usize, 5)?,
                thunk(helpers::load4 as *const () as usize, 5)?,
                thunk(helpers::load8 as *const () as usize, 5)?,
            ],
            store: [
                thunk(helpers::store1 as *const () as usize, 5)?,
                thunk(helpers::store2 as *const () as usize, 5)?,
                thunk(helpers::store4 as *const () as usize, 5)?,
                thunk(helpers::store8 as *const () as usize, 5)?,
            ],
            interpret: thunk(helpers::interpret as *const () as usize, 5)?,
        };
        arena.pin();
        // SAFETY: the trampoline was compiled with exactly this signature (three
        // pointers in, one i64 out, the host's default C calling convention), and it
        // stays in the pinned part of the arena for the arena's life, which is ours.
        let trampoline = unsafe { std::mem::transmute::<*const u8, Trampoline>(at) };
        let backend = if options.background {
            Backend::Background(Worker::start(compiler, env).map_err(JitError::Thread)?)
        } else {
            Backend::Inline(Box::new(compiler))
        };
        Ok(Jit {
            arena,
            lookup,
            trampoline,
            backend,
            env,
            ready: VecDeque::new(),
            generation: 0,
            full: false,
            stats: EngineStats::default(),
        })
    }

    /// Installs a finished compilation.
    fn install(&mut self, d: Done) {
        if d.generation != self.generation {
            return;
        }
        self.stats.compile_ns += d.ns;
        let bytes = match d.code {
            Ok(b) => b,
            Err(e) => {
                // Cranelift refused (it should not): the block stays interpreted.
                self.stats.failed += 1;
                if std::env::var_os("GASANG_JIT_DEBUG").is_some() {
                    eprintln!("gasang: JIT: region {:?} not compiled: {e}", d.ticket);
                }
                return;
            }
        };
        match self.arena.install(&bytes) {
            Some(p) => {
                perf_map(p, bytes.len(), d.pa);
                self.stats.regions += 1;
                self.stats.insts += d.insts as u64;
                self.stats.code_bytes += bytes.len() as u64;
                self.ready.push_back(Compiled {
                    ticket: d.ticket,
                    code: Code(p),
                });
            }
            None => self.full = true,
        }
    }

    /// Bytes of executable memory in use.
    pub fn code_in_use(&self) -> usize {
        self.arena.used()
    }

    /// The published-entry table (for tests).
    pub fn lookup_table(&self) -> &LookupTable {
        &self.lookup
    }
}

/// For profiling: with `GASANG_JIT_PERFMAP` set, each region is added to
/// `/tmp/perf-PID.map`, which `perf report` reads to name JIT code (by the guest
/// physical address of the region's entry).
fn perf_map(code: *const u8, len: usize, pa: u64) {
    use std::io::Write;
    use std::sync::OnceLock;
    static ON: OnceLock<bool> = OnceLock::new();
    if !*ON.get_or_init(|| std::env::var_os("GASANG_JIT_PERFMAP").is_some()) {
        return;
    }
    let path = format!("/tmp/perf-{}.map", std::process::id());
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{:x} {len:x} guest_{pa:x}", code as usize);
    }
}

impl Engine for Jit {
    fn submit(&mut self, region: RegionSpec, urgent: bool) -> Submitted {
        match &mut self.backend {
            Backend::Inline(c) => {
                let t = std::time::Instant::now();
                let code = c.region(&region, &self.env);
                let d = Done {
                    generation: self.generation,
                    ticket: region.ticket,
                    pa: region.blocks[0].pa,
                    insts: region.blocks.iter().map(|b| b.insts.len()).sum(),
                    code,
                    ns: t.elapsed().as_nanos() as u64,
                };
                self.install(d);
                Submitted::Queued
            }
            Backend::Background(w) => {
                if (!urgent && w.pending >= MAX_PENDING)
                    || !w.submit(self.generation, region, urgent)
                {
                    self.stats.dropped += 1;
                    return Submitted::Busy;
                }
                Submitted::Queued
            }
        }
    }

    fn take_compiled(&mut self) -> Option<Compiled> {
        while let Backend::Background(w) = &mut self.backend {
            let Some(d) = w.try_take() else { break };
            self.install(d);
        }
        self.ready.pop_front()
    }

    unsafe fn enter(&mut self, code: Code, core: *mut HartCore, bus: *mut Bus) -> u64 {
        // SAFETY: the caller guarantees `code` is ours and current and the pointers are
        // valid and exclusive; the helpers find the bus in `jit_bus` for this call only.
        unsafe {
            (*core).jit_bus = bus as usize;
            // An interrupt may be pending (taking one can leave `irq_dirty` set): the code
            // then stops after its first block, as the interpreter does.
            if (*core).irq_dirty {
                (*core).jit_budget = 0;
            }
            (self.trampoline)(code.0, core)
        }
    }

    fn publish(&mut self, vpc: u64, mode: usize, code: Code) {
        self.lookup.set(vpc, mode, code.0);
    }

    fn forget_published(&mut self) {
        self.lookup.clear();
    }

    fn needs_reset(&self) -> bool {
        self.full
    }

    fn reset(&mut self) {
        self.arena.reset();
        self.lookup.clear();
        self.ready.clear();
        self.generation += 1;
        self.full = false;
        self.stats.resets += 1;
    }

    fn stats(&self) -> EngineStats {
        self.stats
    }
}
