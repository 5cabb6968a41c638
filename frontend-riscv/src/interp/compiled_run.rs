//! Running compiled regions: the hart's side of the JIT contract
//! ([`crate::compiled`]), and the interpreter entry compiled code calls for the
//! instructions it does not translate.

use emu_core::Bus;

use super::{exec, Hart, Stop};
use crate::compiled::{Code, EngineStats, Submitted, JIT_BLOCK_START, JIT_END, JIT_TRAP};
use crate::config::Ext;
use crate::hart::HartCore;
use crate::inst::{Inst, Op};

/// A block that keeps running while its region waits to be compiled is handed again,
/// as urgent, after this many times the threshold.
const URGENT_AFTER: u32 = 4;

/// Interpreted runs after which a block is compiled, by default.
pub const HOT_RUNS: u32 = 2048;

impl Hart {
    /// Runs the compiled region starting at block `b`, if it has one (compiling it once
    /// it is hot), then goes on with the regions the pc reaches while they are compiled,
    /// for up to `budget` instructions and while nothing needs the run loop: no
    /// interrupt to look at, no early end, no change of translations. `None`: interpret
    /// block `b` this time.
    #[inline]
    pub(super) fn run_compiled(
        &mut self,
        b: u32,
        bus: &mut Bus,
        budget: u64,
    ) -> Option<(u64, bool)> {
        self.install_compiled();
        let mut code = self.compiled_code(b)?;
        let engine = self.engine.as_mut()?;
        if self.core.tlb_epoch != self.jit_epoch {
            engine.forget_published();
            self.jit_epoch = self.core.tlb_epoch;
        }
        let mut total = 0u64;
        loop {
            let core = &mut self.core;
            engine.publish(core.pc, core.fetch_tlb, code);
            core.jit_budget = budget - total;
            core.retired_now = self.retired.wrapping_add(total);
            core.jit_retired_base = core.retired_now;
            // SAFETY: `code` is the engine's (installed since its last reset: the cache
            // drops every Code before a reset), and `core` and `bus` are valid and
            // exclusive for the call; the code follows the contract in `compiled`.
            let r = unsafe { engine.enter(code, core, bus) };
            let n = r & !(JIT_TRAP | JIT_END | JIT_BLOCK_START);
            core.instret = core.instret.wrapping_add(n);
            total += n;
            if r & JIT_TRAP != 0 {
                // A block that trapped before retiring anything is a step of the budget
                // for the interpreter (`Hart::run` counts at least one per block).
                self.trap_step = r & JIT_BLOCK_START != 0 && total > 0;
                if let Some(e) = core.jit_trap.take() {
                    core.last_trap = Some(e);
                    core.take_exception(e);
                }
                return Some((total, false));
            }
            if r & JIT_END != 0 {
                core.stop_block = false;
                return Some((total, true));
            }
            if core.irq_dirty || total >= budget || core.tlb_epoch != self.jit_epoch {
                return Some((total, false));
            }
            // The code left for a pc it had no published entry for: continue there if
            // that block is compiled, else let the run loop look it up.
            match self
                .cache
                .probe(&self.core)
                .and_then(|n| self.cache.block(n).compiled)
            {
                Some(c) => code = c,
                None => return Some((total, false)),
            }
        }
    }

    /// Block `b`'s compiled region, counting the run and handing the region to the
    /// engine when the block becomes hot.
    #[inline]
    fn compiled_code(&mut self, b: u32) -> Option<Code> {
        let blk = self.cache.block_mut(b);
        if let Some(c) = blk.compiled {
            return Some(c);
        }
        blk.runs = blk.runs.saturating_add(1);
        if blk.queued {
            // Still waiting and still hot: ask again, ahead of the others.
            if !blk.urgent && blk.runs >= self.jit_threshold.saturating_mul(URGENT_AFTER) {
                blk.urgent = true;
                return self.submit_region(b, true);
            }
            return None;
        }
        if blk.runs < self.jit_threshold {
            return None;
        }
        self.submit_region(b, false)
    }

    #[cold]
    fn submit_region(&mut self, b: u32, urgent: bool) -> Option<Code> {
        // Blocks that ran an eighth as often as this one are part of the hot path.
        let spec = self.cache.region_from(b, (self.jit_threshold / 8).max(1));
        let jumps = || {
            spec.blocks
                .iter()
                .flat_map(|k| k.insts.iter())
                .any(|i| is_jump(i.op))
        };
        if !self.core.cpu.has(Ext::C) && jumps() {
            // Compiled jumps assume IALIGN = 16; without C the interpreter checks the
            // 4-byte alignment of targets. `queued` stays set: never compiled.
            self.cache.block_mut(b).queued = true;
            return None;
        }
        let engine = self.engine.as_mut()?;
        let covered: Vec<u64> = spec.blocks[1..].iter().map(|blk| blk.pa).collect();
        match engine.submit(spec, urgent) {
            Submitted::Queued => {
                self.cache.block_mut(b).queued = true;
                // The region runs the other blocks too: they need no region of their own
                // unless code keeps arriving at them from elsewhere.
                for pa in covered {
                    if let Some(i) = self.cache.block_at(pa) {
                        let blk = self.cache.block_mut(i);
                        blk.runs = blk.runs.min(self.jit_threshold / 2);
                    }
                }
                // An engine that compiles at once has the code ready now.
                self.install_compiled();
            }
            // Too many waiting: count up to the threshold again.
            Submitted::Busy => self.cache.block_mut(b).runs = 0,
            // Never again (until the engine's next reset): `queued` stays set.
            Submitted::Refused => self.cache.block_mut(b).queued = true,
        }
        self.cache.block(b).compiled
    }

    /// Installs the regions the engine has finished on their blocks (if the blocks are
    /// still there), and frees all code when the engine's memory is full.
    #[inline]
    fn install_compiled(&mut self) {
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        while let Some(c) = engine.take_compiled() {
            if let Some(i) = self.cache.live_block(c.ticket.index, c.ticket.id) {
                let blk = self.cache.block_mut(i);
                blk.compiled = Some(c.code);
                blk.queued = false;
            }
        }
        if engine.needs_reset() {
            self.cache.drop_compiled();
            engine.reset();
        }
    }

    /// Drops cached code on pages written since the last look, and tells the engine
    /// (compiled code must not continue into dropped regions).
    pub(super) fn sync_code(&mut self) {
        if self.cache.sync_with_ram(&self.core.ram) {
            if let Some(e) = self.engine.as_mut() {
                e.forget_published();
            }
        }
    }

    /// Regions compiled by the JIT so far.
    pub fn compiled_blocks(&self) -> usize {
        self.engine
            .as_ref()
            .map_or(0, |c| c.stats().regions as usize)
    }

    /// What the JIT has done, if it is enabled.
    pub fn engine_stats(&self) -> Option<EngineStats> {
        self.engine.as_ref().map(|e| e.stats())
    }
}

/// Whether `op` is a jump or branch.
fn is_jump(op: Op) -> bool {
    use Op::*;
    matches!(op, Jal | Jalr | Beq | Bne | Blt | Bge | Bltu | Bgeu)
}

/// [`interpret_one`]: the instruction completed; the next pc is in `next`.
pub const ONE_OK: u32 = 0;
/// [`interpret_one`]: the instruction raised an exception, now in `jit_trap` (not taken).
pub const ONE_TRAP: u32 = 1;
/// [`interpret_one`]: the instruction completed and must end the block (a store hit a
/// watched page); the next pc is in `next`.
pub const ONE_END: u32 = 2;

/// Executes one instruction at `pc`, the `index`-th of its block, for compiled code
/// that leaves instructions it does not translate to the interpreter. `core.pc` need
/// not be `pc`; exceptions are stored, not taken (see [`crate::compiled`]).
pub fn interpret_one(
    core: &mut HartCore,
    bus: &mut Bus,
    inst: &Inst,
    pc: u64,
    index: u64,
    next: &mut u64,
) -> u32 {
    match exec(core, bus, inst, pc, index) {
        Ok(n) => {
            *next = n;
            ONE_OK
        }
        Err(Stop::Trap(e)) => {
            core.jit_trap = Some(e);
            ONE_TRAP
        }
        Err(Stop::End(n)) => {
            *next = n;
            ONE_END
        }
    }
}
