//! Functions compiled code calls (through thunks that save every register, see
//! [`crate::compiler::Compiler::thunk`]): memory accesses that miss the inline TLB
//! path (page walks, MMIO, watched pages, faults) and instructions left to the
//! interpreter. They decide how the code leaves when the instruction cannot simply go
//! on ([`GO_ON`]), so that compiled code only has to return their result.

use emu_core::Bus;
use frontend_riscv::HartCore;

use frontend_riscv::compiled::{JIT_BLOCK_START, JIT_END, JIT_TRAP};
use frontend_riscv::interp::{interpret_one, ONE_END, ONE_OK};
use frontend_riscv::trigger::{ARMED_EXEC, ARMED_ICOUNT};
use frontend_riscv::Exception;

/// The helpers' result when the instruction completed and the code goes on. Any other
/// result is what the region returns to the hart, with `core.pc` already set: `retired`
/// (the count before the instruction) ORed with `JIT_TRAP` after an exception (now in
/// `core.jit_trap`, pc at the instruction), or `retired + 1` ORed with `JIT_END` when a
/// store hit a watched page (pc after it).
pub const GO_ON: u64 = 0;

// A site packs the index of an instruction in its block into 8 bits.
const _: () = assert!(frontend_riscv::cache::MAX_BLOCK_INSTS < 256);

/// Where the instruction a helper is called for is, as compiled code passes it in one
/// argument: `block << 11 | index << 3 | len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    /// What the code had retired when the instruction's block began.
    pub block: u64,
    /// The instruction's index in its block.
    pub index: u64,
    /// Its length in bytes.
    pub len: u64,
}

impl Site {
    /// Unpacks `v`.
    pub fn unpack(v: u64) -> Site {
        Site {
            block: v >> 11,
            index: (v >> 3) & 0xff,
            len: v & 7,
        }
    }

    /// What the code had retired before the instruction.
    pub fn retired(&self) -> u64 {
        self.block + self.index
    }
}

/// The bus of the machine the hart is in (the hart sets it before entering code).
///
/// # Safety
/// `core.jit_bus` must point to the bus passed to `Engine::enter` for this run.
unsafe fn bus<'a>(core: &HartCore) -> &'a mut Bus {
    // SAFETY: set by `Jit::enter` from the exclusive `&mut Bus` of the call that is
    // running this code; compiled code runs only inside that call.
    unsafe { &mut *(core.jit_bus as *mut Bus) }
}

/// A helper's result, after noting for compiled code that it must stop at the next
/// block boundary if the helper made an interrupt possibly pending.
#[inline]
fn done(core: &mut HartCore, result: u64) -> u64 {
    if core.irq_dirty {
        core.jit_budget = 0;
    }
    result
}

/// The result of an instruction at `pc` that raised `e` (now in `jit_trap`).
fn trap(core: &mut HartCore, e: Exception, pc: u64, site: Site) -> u64 {
    core.jit_trap = Some(e);
    trapped(core, pc, site)
}

/// The result of an instruction at `pc` whose exception is in `jit_trap`.
fn trapped(core: &mut HartCore, pc: u64, site: Site) -> u64 {
    core.pc = pc;
    let r = site.retired() | JIT_TRAP;
    // The interpreter counts a block that traps before retiring anything as a step of
    // its budget: say so.
    if site.index == 0 {
        r | JIT_BLOCK_START
    } else {
        r
    }
}

/// The result of a store that completed at `pc`, `len` bytes long.
#[inline]
fn stored(core: &mut HartCore, pc: u64, site: Site) -> u64 {
    if core.stop_block {
        core.pc = pc.wrapping_add(site.len);
        (site.retired() + 1) | JIT_END
    } else {
        GO_ON
    }
}

macro_rules! load_helper {
    ($name:ident, $size:literal) => {
        /// Loads
        #[doc = stringify!($size)]
        /// bytes at `va` into `*out` (zero-extended), for the instruction at `pc` with
        /// `site` (see [`Site`]). Returns [`GO_ON`] or the region's result.
        ///
        /// # Safety
        /// `core`, `bus` and `out` must be valid and exclusive for the call.
        pub unsafe extern "C" fn $name(
            core: *mut HartCore,
            va: u64,
            out: *mut u64,
            pc: u64,
            site: u64,
        ) -> u64 {
            // SAFETY: the caller (compiled code, given this pointer by the hart) passes a
            // valid, exclusive pointer, and the hart set its bus.
            let (core, bus) = unsafe { (&mut *core, bus(&*core)) };
            let r = match core.load::<$size>(bus, va) {
                Ok(v) => {
                    // SAFETY: as above; `out` points to the code's stack slot.
                    unsafe { out.write(v) };
                    GO_ON
                }
                Err(e) => trap(core, e, pc, Site::unpack(site)),
            };
            done(core, r)
        }
    };
}

macro_rules! store_helper {
    ($name:ident, $size:literal) => {
        /// Stores the low
        #[doc = stringify!($size)]
        /// bytes of `v` at `va`, for the instruction at `pc` with `site` (see
        /// [`Site`]). Returns [`GO_ON`] or the region's result.
        ///
        /// # Safety
        /// `core` and `bus` must be valid and exclusive for the call.
        pub unsafe extern "C" fn $name(
            core: *mut HartCore,
            va: u64,
            v: u64,
            pc: u64,
            site: u64,
        ) -> u64 {
            // SAFETY: as for loads.
            let (core, bus) = unsafe { (&mut *core, bus(&*core)) };
            let r = match core.store::<$size>(bus, va, v) {
                Ok(()) => stored(core, pc, Site::unpack(site)),
                Err(e) => trap(core, e, pc, Site::unpack(site)),
            };
            done(core, r)
        }
    };
}

load_helper!(load1, 1);
load_helper!(load2, 2);
load_helper!(load4, 4);
load_helper!(load8, 8);
store_helper!(store1, 1);
store_helper!(store2, 2);
store_helper!(store4, 4);
store_helper!(store8, 8);

/// Runs the instruction with raw bits `raw` at `pc` in the interpreter, for
/// instructions the translator leaves to it (`site`: see [`Site`]). Returns [`GO_ON`]
/// with the next pc in `*next`, or the region's result.
///
/// # Safety
/// `core`, `bus` and `next` must be valid and exclusive for the call.
pub unsafe extern "C" fn interpret(
    core: *mut HartCore,
    raw: u64,
    pc: u64,
    site: u64,
    next: *mut u64,
) -> u64 {
    // SAFETY: as for loads; `next` is the code's stack slot.
    let (core, bus, next) = unsafe { (&mut *core, bus(&*core), &mut *next) };
    let site = Site::unpack(site);
    let retired = site.retired();
    // As the interpreter has it (SC and AMOs use it for the scheduling grace).
    core.retired_now = core.jit_retired_base.wrapping_add(site.block);
    let inst = frontend_riscv::decode(raw as u32);
    let epoch = core.tlb_epoch;
    let r = match interpret_one(core, bus, &inst, pc, retired, next) {
        ONE_OK => GO_ON,
        ONE_END => {
            core.pc = *next;
            (retired + 1) | JIT_END
        }
        _ => trapped(core, pc, site),
    };
    // Compiled code must leave (at the next block boundary) when translations changed
    // (its table of entries would be stale) or an execute trigger got armed (the hart
    // then runs no compiled code).
    if core.tlb_epoch != epoch || core.triggers.armed & (ARMED_EXEC | ARMED_ICOUNT) != 0 {
        core.jit_budget = 0;
    }
    done(core, r)
}
