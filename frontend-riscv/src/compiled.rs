//! The interface between the block cache and a compiler of blocks to host code (the JIT
//! in the `jit` crate, which builds on this crate).
//!
//! A [`BlockCompiler`] turns a decoded block (or a prefix of it) into a
//! [`CompiledFn`]. The hart runs it in place of the interpreter once the block is hot.
//! The contract, identical to the interpreter's `exec_block`:
//! - the code starts at `core.pc` (it must not assume the virtual address the block
//!   was first seen at: the same physical block may be reached through other mappings);
//! - it returns the number of instructions it retired, and leaves `core.pc` at the next
//!   instruction to run;
//! - when an instruction raises an exception, it stores it in
//!   [`HartCore::jit_trap`], leaves `core.pc` at that instruction and returns the
//!   number retired before it ORed with [`JIT_TRAP`]; the hart takes the exception;
//! - when a store sets [`HartCore::stop_block`] (it hit a watched page), it returns
//!   after that store with [`JIT_END`] set and `core.pc` after the store;
//! - it does not touch `instret` (the hart adds the count).
//!
//! Debug triggers ([`crate::trigger`]) and `-cpu` options the code must honour:
//! - load/store triggers: while `core.triggers.armed & ARMED_DATA != 0` the TLBs hold
//!   no read or write entries, so every access misses the inline tag check and goes
//!   through [`HartCore::load`]/[`HartCore::store`] (or the AMO/LR/SC methods), whose
//!   slow path checks the triggers and returns the breakpoint exception before the
//!   access. Code must never reach guest memory without that tag check;
//! - execute and icount triggers: the hart does not run compiled code for a block in
//!   which an execute trigger matches, nor at all while an icount trigger counts, and
//!   does not go from one compiled block to the next while either is armed
//!   (`armed & (ARMED_EXEC | ARMED_ICOUNT) != 0`). A JIT that links blocks directly
//!   must leave to the run loop at a block boundary while they are armed; they can only
//!   become armed by a CSR write, which ends its block;
//! - instructions of extensions that are off already decode as `Op::Illegal`; without
//!   C (IALIGN = 32) the hart does not compile blocks that end in a jump or branch,
//!   whose targets must then be 4-byte aligned (`core.cpu.ialign_mask()`).

use emu_core::Bus;

use crate::hart::HartCore;
use crate::inst::Inst;

/// Compiled code for a block: `(core, bus) -> retired | flags`.
pub type CompiledFn = unsafe extern "C" fn(core: *mut HartCore, bus: *mut Bus) -> u64;

/// Set in a [`CompiledFn`]'s result when an exception is pending in `jit_trap`.
pub const JIT_TRAP: u64 = 1 << 63;
/// Set in a [`CompiledFn`]'s result when a store ended the block early.
pub const JIT_END: u64 = 1 << 62;

/// Compiled code for (a prefix of) a block.
#[derive(Debug, Clone, Copy)]
pub struct CompiledBlock {
    /// The code.
    pub code: CompiledFn,
    /// How many of the block's instructions it covers (from the first). The rest run
    /// as the next block.
    pub covers: usize,
}

/// Compiles blocks to host code.
pub trait BlockCompiler {
    /// Compiles the longest prefix of `insts` it can, or `None` if it cannot compile
    /// even the first instruction.
    fn compile(&mut self, insts: &[Inst]) -> Option<CompiledBlock>;

    /// Blocks compiled so far (for statistics).
    fn compiled_blocks(&self) -> usize;
}
