//! Running compiled blocks: the hart's side of the JIT contract
//! ([`crate::compiled`]), and the interpreter entry compiled code calls for the
//! instructions it does not translate.

use emu_core::Bus;

use super::{exec, Hart, Stop};
use crate::compiled::{CompiledFn, JIT_END, JIT_TRAP};
use crate::config::Ext;
use crate::hart::HartCore;
use crate::inst::{Inst, Op};
use crate::trigger::{ARMED_EXEC, ARMED_ICOUNT};

/// Interpreted runs after which a block is compiled, by default.
pub const HOT_RUNS: u32 = 4096;
/// `Block::runs` of a block the compiler refused (never tried again).
pub(super) const NOT_COMPILABLE: u32 = u32::MAX;
impl Hart {
    /// Runs block `b` as compiled code if it has some, compiling it once it is hot,
    /// then goes on with the following blocks while they are compiled and in the jump
    /// cache (up to `budget` instructions, and only while nothing needs the run loop's
    /// attention: no breakpoints, no pending interrupt check, no early block end).
    /// `None`: interpret block `b` this time.
    #[inline]
    pub(super) fn run_compiled(
        &mut self,
        b: u32,
        bus: &mut Bus,
        budget: u64,
    ) -> Option<(u64, bool)> {
        let mut code = self.compiled_code(b)?;
        // Execute and icount triggers are checked at each block entry (see `triggers`).
        let chain = self.breakpoints.is_empty()
            && self.core.triggers.armed & (ARMED_EXEC | ARMED_ICOUNT) == 0;
        let mut total = 0u64;
        loop {
            self.core.retired_now = self.retired.wrapping_add(total);
            let core = &mut self.core;
            // SAFETY: `code` was compiled for a block of this hart's cache by the hart's
            // BlockCompiler, which keeps it alive as long as the compiler lives, and it
            // follows the contract in `compiled`: it only touches `core` and `bus`
            // through the pointers it is given, valid and exclusive for the call.
            let r = unsafe { code(core, bus) };
            let n = r & !(JIT_TRAP | JIT_END);
            core.instret = core.instret.wrapping_add(n);
            total += n;
            if r & JIT_TRAP != 0 {
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
            if !chain || core.irq_dirty || total >= budget {
                return Some((total, false));
            }
            match self.cache.probe(&self.core) {
                Some(next) => match self.cache.block(next).compiled {
                    Some(c) => code = c.code,
                    None => return Some((total, false)),
                },
                None => return Some((total, false)),
            }
        }
    }

    /// Block `b`'s compiled code, compiling it if it just became hot.
    #[inline]
    fn compiled_code(&mut self, b: u32) -> Option<CompiledFn> {
        let blk = self.cache.block_mut(b);
        if let Some(c) = blk.compiled {
            return Some(c.code);
        }
        if blk.runs == NOT_COMPILABLE {
            return None;
        }
        blk.runs += 1;
        if blk.runs < self.jit_threshold {
            return None;
        }
        if !self.core.cpu.has(Ext::C) && blk.insts.last().is_some_and(|i| is_jump(i.op)) {
            // Compiled jumps assume IALIGN = 16; without C the interpreter checks the
            // 4-byte alignment of targets.
            blk.runs = NOT_COMPILABLE;
            return None;
        }
        let compiler = self.compiler.as_mut()?;
        match compiler.compile(&blk.insts) {
            Some(c) => {
                blk.compiled = Some(c);
                Some(c.code)
            }
            None => {
                blk.runs = NOT_COMPILABLE;
                None
            }
        }
    }

    /// Blocks compiled by the JIT so far.
    pub fn compiled_blocks(&self) -> usize {
        self.compiler.as_ref().map_or(0, |c| c.compiled_blocks())
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
