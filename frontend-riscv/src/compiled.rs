//! The interface between the hart and an engine that compiles guest code to host code
//! (the JIT in the `jit` crate, which builds on this crate).
//!
//! The hart hands the engine *regions*: a hot block and the hot blocks it branches to on
//! the same 4 KiB page ([`RegionSpec`]). The engine compiles them (on its own thread or
//! at once), and the hart installs the code on the entry block ([`Compiled`]). Compiled
//! code follows this contract, which is the interpreter's, block for block:
//! - it starts at `core.pc`, the entry block's first instruction, and computes every pc
//!   from it (the same physical page may be mapped at other virtual addresses);
//! - before each block after the first it stops, with `core.pc` at that block, when
//!   `core.irq_dirty` is set or the instructions it retired reach `core.jit_budget`
//!   (the hart made those checks before the first): the interpreter looks at
//!   interrupts and the budget at every block boundary too, so both engines stop at
//!   the same places and count the same instructions. (`irq_dirty` only changes in
//!   the code's calls to the hart, so the code looks at it after those and at entry.);
//! - it returns the number of instructions it retired, with `core.pc` at the next one;
//! - when an instruction raises an exception, it stores it in [`HartCore::jit_trap`],
//!   leaves `core.pc` at that instruction and returns the count retired before it ORed
//!   with [`JIT_TRAP`]; the hart takes the exception;
//! - when a store sets [`HartCore::stop_block`] (it hit a watched page: code, a
//!   reservation, a page the host watches), it returns after that store with
//!   [`JIT_END`] set and `core.pc` after the store;
//! - it does not touch `instret` (the hart adds the count). Instructions that read the
//!   counters see `instret` plus what the code retired so far, as in the interpreter;
//! - it may continue into other compiled regions without returning, through the
//!   engine's table of [published](Engine::publish) entry points, which the hart keeps
//!   true: an entry is only published for the code of the block the pc currently
//!   translates to, and the table is emptied whenever translations or code change.
//!
//! Debug triggers ([`crate::trigger`]) and `-cpu` options the code must honour:
//! - load/store triggers: while `core.triggers.armed & ARMED_DATA != 0` the TLBs hold
//!   no read or write entries, so every access misses the inline tag check and goes
//!   through [`HartCore::load`]/[`HartCore::store`] (or the AMO/LR/SC methods), whose
//!   slow path checks the triggers and returns the breakpoint exception before the
//!   access. Code must never reach guest memory without that tag check;
//! - execute and icount triggers: the hart runs no compiled code at all while either is
//!   armed (`armed & (ARMED_EXEC | ARMED_ICOUNT) != 0`; regions continue into each
//!   other without looking); they can only become armed by a CSR write, which ends the
//!   code;
//! - instructions of extensions that are off already decode as `Op::Illegal`; without
//!   C (IALIGN = 32) the hart does not compile regions with a jump or branch, whose
//!   targets must then be 4-byte aligned (`core.cpu.ialign_mask()`).

use emu_core::Bus;

use crate::hart::HartCore;
use crate::inst::Inst;

/// Set in a compiled region's result when an exception is pending in `jit_trap`.
pub const JIT_TRAP: u64 = 1 << 63;
/// Set with [`JIT_TRAP`] when the instruction that trapped is the first of its block:
/// the interpreter counts such a block (it retires nothing) as one step of its budget.
pub const JIT_BLOCK_START: u64 = 1 << 61;
/// Set in a compiled region's result when a store ended the code early.
pub const JIT_END: u64 = 1 << 62;

/// Entry point of compiled code, valid until the engine's next [`Engine::reset`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code(pub *const u8);

/// Identifies the block a region was formed for: its index in the hart's block cache
/// and the block's unique id (the slot may hold another block by the time the code is
/// ready).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket {
    /// Index in the block cache.
    pub index: u32,
    /// The block's id ([`crate::cache::Block::id`]).
    pub id: u64,
}

/// One block of a region.
#[derive(Debug, Clone)]
pub struct RegionBlock {
    /// Physical address of its first instruction (all blocks of a region are on the
    /// entry block's page).
    pub pa: u64,
    /// Its instructions (only the last may end it, see [`crate::Op::ends_block`]).
    pub insts: Vec<Inst>,
}

/// Code to compile: the entry block first, then the blocks it may reach without leaving
/// the page. A direct jump or branch to one of them stays in host code; every other
/// exit leaves the region.
#[derive(Debug, Clone)]
pub struct RegionSpec {
    /// The entry block.
    pub ticket: Ticket,
    /// The blocks, entry first.
    pub blocks: Vec<RegionBlock>,
}

/// A region the engine has compiled.
#[derive(Debug, Clone, Copy)]
pub struct Compiled {
    /// The block it was formed for.
    pub ticket: Ticket,
    /// Its code.
    pub code: Code,
}

/// What [`Engine::submit`] did with a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// It is compiling (or has compiled) it.
    Queued,
    /// Too many are waiting: the hart may ask again later.
    Busy,
    /// Nothing to gain (e.g. no instruction it translates): do not ask again.
    Refused,
}

/// What an engine has done so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EngineStats {
    /// Regions compiled.
    pub regions: u64,
    /// Guest instructions in them.
    pub insts: u64,
    /// Bytes of host code generated.
    pub code_bytes: u64,
    /// Time spent compiling, in nanoseconds (on whichever thread compiled).
    pub compile_ns: u64,
    /// Times all code was dropped because the code memory was full.
    pub resets: u64,
    /// Regions not compiled because too many were waiting.
    pub dropped: u64,
    /// Regions the compiler refused (a bug if ever non-zero).
    pub failed: u64,
}

/// Compiles regions to host code and runs it.
pub trait Engine {
    /// Compiles `region` (now, or in the background: the result comes from
    /// [`Engine::take_compiled`]). An `urgent` region (its block kept running hot while
    /// it waited) goes before the others.
    fn submit(&mut self, region: RegionSpec, urgent: bool) -> Submitted;

    /// A compiled region, if one is ready.
    fn take_compiled(&mut self) -> Option<Compiled>;

    /// Runs `code` on `core` until it returns (see the module documentation).
    ///
    /// # Safety
    /// `code` must come from this engine since its last [`Engine::reset`], and `core`
    /// and `bus` must be valid and exclusive for the call.
    unsafe fn enter(&mut self, code: Code, core: *mut HartCore, bus: *mut Bus) -> u64;

    /// Lets compiled code continue directly into `code` when it leaves for `vpc` with
    /// fetch TLB `mode` ([`HartCore::fetch_tlb`]).
    fn publish(&mut self, vpc: u64, mode: usize, code: Code);

    /// Forgets every published entry (translations or code changed).
    fn forget_published(&mut self);

    /// Whether the code memory is full: the hart must drop every [`Code`] it holds and
    /// call [`Engine::reset`].
    fn needs_reset(&self) -> bool;

    /// Frees all code. No [`Code`] from before may be used again.
    fn reset(&mut self);

    /// What the engine has done.
    fn stats(&self) -> EngineStats;
}
