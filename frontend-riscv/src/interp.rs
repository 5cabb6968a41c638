//! The interpreter: runs decoded blocks from the [`BlockCache`], one `match` per
//! instruction. It is the reference engine: every other engine must reach the same
//! architectural state at each block boundary.

use std::sync::Arc;

use emu_core::{Bus, GuestRam};

use crate::cache::{BlockCache, Lookup};
use crate::compiled::Engine;
use crate::csr::mstatus;
use crate::hart::HartCore;
use crate::inst::{Inst, Op};
use crate::trace::{TRACE_CPU, TRACE_EXEC};
use crate::trap::{Exception, Priv};
use crate::trigger::{ARMED_EXEC, ARMED_ICOUNT};

mod breakpoints;
mod compiled_run;
mod step;
mod triggers;
mod zicsr;

use breakpoints::insts_before;
pub use compiled_run::{interpret_one, HOT_RUNS, ONE_END, ONE_OK, ONE_TRAP};
use zicsr::exec_csr;

/// Instructions a hart may run past its budget right after an atomic (see [`Hart::run`]).
pub const ATOMIC_GRACE: u64 = 16384;

/// Why [`Hart::run`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The instruction budget ran out.
    Budget,
    /// The hart is in WFI with no interrupt pending.
    Wfi,
    /// A store hit a page the host watches (see `PageWatch::HOST`) or a device register.
    HostWrite,
    /// The pc reached one of [`Hart::breakpoints`] (the instruction there has not run).
    Breakpoint,
}

/// What one [`Hart::step`] did.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// The pc of the instruction (or where the fetch was attempted).
    pub pc: u64,
    /// The instruction, if it could be fetched.
    pub inst: Option<Inst>,
    /// The exception it raised, if any (already taken: the hart is in the handler).
    pub trap: Option<Exception>,
    /// The interrupt taken before it, if any.
    pub interrupt: Option<u32>,
    /// Why the step ended early, if it did.
    pub exit: Option<Exit>,
}

/// A hart with its interpreter state.
pub struct Hart {
    /// Architectural state.
    pub core: HartCore,
    cache: BlockCache,
    pub(crate) retired: u64,
    /// Virtual addresses [`Hart::run`] stops at (a debugger's breakpoints), before the
    /// instruction there runs. Checked at block entry, and a block holding one is cut
    /// short before it, so the check costs one branch per block and nothing when empty.
    pub breakpoints: Vec<u64>,
    /// A breakpoint address not to stop at the next time the pc is there (a resume
    /// starting on a breakpoint).
    pub skip_breakpoint: Option<u64>,
    /// The JIT, if enabled: blocks the interpreter ran `jit_threshold` times are
    /// compiled (with the hot blocks they branch to) and then run as host code.
    pub engine: Option<Box<dyn Engine>>,
    /// Interpreted runs after which a block is compiled (at least 1).
    pub jit_threshold: u32,
    /// `core.tlb_epoch` when the engine's published entries were last valid.
    jit_epoch: u64,
    /// Compiled code ended in a trap at a block's first instruction, after retiring
    /// others: one more step of the budget (see `JIT_BLOCK_START`).
    trap_step: bool,
}

impl std::fmt::Debug for Hart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hart")
            .field("core", &self.core)
            .field("blocks", &self.cache.len())
            .finish()
    }
}

impl Hart {
    /// A hart in its reset state, starting at `reset_pc`.
    pub fn new(hartid: u64, ram: Arc<GuestRam>, reset_pc: u64) -> Self {
        Hart {
            cache: BlockCache::new(&ram),
            core: HartCore::new(hartid, ram, reset_pc),
            retired: 0,
            breakpoints: Vec::new(),
            skip_breakpoint: None,
            engine: None,
            jit_threshold: HOT_RUNS,
            jit_epoch: 0,
            trap_step: false,
        }
    }

    /// Instructions retired by this hart's engine so far (unaffected by CSR writes to
    /// `minstret`).
    pub fn retired(&self) -> u64 {
        self.retired
    }

    /// Number of decoded blocks in the cache.
    pub fn cached_blocks(&self) -> usize {
        self.cache.len()
    }

    /// Takes a pending interrupt if one is takeable now. Returns its code.
    fn check_interrupts(&mut self) -> Option<u32> {
        let c = &mut self.core;
        if !c.irq_dirty {
            return None;
        }
        c.irq_dirty = false;
        if c.waiting && c.mip_value() & c.mie != 0 {
            // WFI wakes on any pending and locally enabled interrupt, even one that is
            // globally disabled (priv spec 3.3.3).
            c.waiting = false;
        }
        let code = c.pending_interrupt()?;
        c.take_interrupt(code);
        Some(code)
    }

    /// Runs up to about `budget` instructions (whole blocks; at most one block more).
    pub fn run(&mut self, bus: &mut Bus, budget: u64) -> Exit {
        // Code may have been written (by DMA, the debugger, a loader, another hart) since
        // the last run, and pages may have become watched.
        self.sync_code();
        self.core.sync_watches();
        self.core.irq_dirty |= self.core.waiting;
        let mut done: u64 = 0;
        let mut extended = false;
        loop {
            self.core.retired_now = self.retired;
            // Debug triggers: nothing to do unless one is armed (then see `triggers`).
            let armed = self.core.triggers.armed & (ARMED_EXEC | ARMED_ICOUNT);
            if armed & ARMED_ICOUNT != 0 {
                self.core.triggers.start_instruction();
            }
            // WFI sets irq_dirty too, so `waiting` only needs a look here.
            if self.core.irq_dirty {
                self.check_interrupts();
                if self.core.waiting {
                    return Exit::Wfi;
                }
            }
            // Before the budget check: a hart must not end its turn on a breakpoint
            // without reporting it.
            let mut next_bp = None;
            if !self.breakpoints.is_empty() {
                match self.next_breakpoint() {
                    Err(()) => return Exit::Breakpoint,
                    Ok(bp) => next_bp = bp,
                }
            }
            if done >= budget {
                // Scheduling policy: a hart whose budget runs out within ATOMIC_GRACE
                // instructions of a successful SC or AMO gets one extension, so that the
                // short sequence after taking a lock or flipping a state word (e.g.
                // OpenSBI 1.1's hart_start, which publishes the state before the start
                // address) is not split by another hart's turn. One extension per call,
                // so a hart spinning on atomics still yields.
                if extended || self.retired >= self.core.atomic_grace_end {
                    return Exit::Budget;
                }
                extended = true;
                done = budget.saturating_sub(ATOMIC_GRACE);
            }
            if armed & ARMED_ICOUNT != 0 && triggers::icount_fired(&mut self.core) {
                done += 1;
                continue;
            }
            let fetched_in = self.core.priv_level;
            let (n, stopped) = match self.cache.lookup(&mut self.core, bus) {
                Ok(Lookup::Block(b)) => 'blk: {
                    let mut limit = usize::MAX;
                    if armed != 0 {
                        match triggers::exec_limit(&mut self.core, &self.cache.block(b).insts) {
                            None => break 'blk (0, false),
                            Some(l) => limit = l,
                        }
                    }
                    // Compiled code runs on through regions without looking at
                    // breakpoints, triggers or tracing blocks: only without any.
                    if self.engine.is_some()
                        && self.breakpoints.is_empty()
                        && armed & (ARMED_EXEC | ARMED_ICOUNT) == 0
                        && self.core.trace_flags & (TRACE_EXEC | TRACE_CPU) == 0
                    {
                        if let Some(r) = self.run_compiled(b, bus, budget.saturating_sub(done)) {
                            break 'blk r;
                        }
                    }
                    let mut insts = &self.cache.block(b).insts[..];
                    if let Some(bp) = next_bp {
                        insts = &insts[..insts_before(insts, self.core.pc, bp)];
                    }
                    insts = &insts[..insts.len().min(limit)];
                    if self.core.trace_flags & (TRACE_EXEC | TRACE_CPU) != 0 {
                        traced_exec(&mut self.core, bus, insts)
                    } else {
                        exec_block(&mut self.core, bus, insts)
                    }
                }
                Ok(Lookup::Uncached) => match self.fetch_uncached(bus) {
                    Ok(inst) if armed != 0 => match triggers::exec_limit(&mut self.core, &[inst]) {
                        None => (0, false),
                        Some(_) => traced_exec(&mut self.core, bus, &[inst]),
                    },
                    Ok(inst) => traced_exec(&mut self.core, bus, &[inst]),
                    Err(e) => {
                        let e = triggers::fetch_fault(&mut self.core, e);
                        self.core.take_exception(e);
                        (0, false)
                    }
                },
                Err(e) => {
                    let e = triggers::fetch_fault(&mut self.core, e);
                    self.core.take_exception(e);
                    (0, false)
                }
            };
            if armed & ARMED_ICOUNT != 0 && n > 0 {
                // icount counts each retired instruction by the mode it was fetched in.
                self.core.triggers.icount_retired(fetched_in);
            }
            self.retired += n;
            done += n.max(1) + std::mem::take(&mut self.trap_step) as u64;
            if stopped {
                // A store hit a watched page: cached code may be stale, or the host
                // wants to look.
                self.sync_code();
                if self.core.host_write {
                    self.core.host_write = false;
                    return Exit::HostWrite;
                }
            }
        }
    }
}

#[inline(always)]
fn sext32(v: u64) -> u64 {
    v as i32 as i64 as u64
}

/// Why an instruction did not simply continue.
enum Stop {
    /// It raised an exception.
    Trap(Exception),
    /// It completed, but its store hit a watched page: end the block, continue at the pc.
    End(u64),
}

impl From<Exception> for Stop {
    #[inline(always)]
    fn from(e: Exception) -> Self {
        Stop::Trap(e)
    }
}

/// [`exec_block`] with the `exec` and `cpu` trace events around it (when enabled).
#[cold]
fn traced_exec(core: &mut HartCore, bus: &mut Bus, insts: &[Inst]) -> (u64, bool) {
    let tracer = core.tracer.clone().filter(|_| core.trace_flags != 0);
    if let Some(t) = &tracer {
        if core.trace_flags & TRACE_EXEC != 0 {
            t.block_start(core);
        }
    }
    let r = exec_block(core, bus, insts);
    if let Some(t) = &tracer {
        if core.trace_flags & TRACE_CPU != 0 {
            t.block_end(core);
        }
    }
    r
}

/// Executes `insts` (a block: only the last may transfer control) starting at `core.pc`.
/// Returns the number of instructions retired and whether the block stopped early
/// because a store hit a watched page. Traps are taken here.
#[inline(never)]
fn exec_block(core: &mut HartCore, bus: &mut Bus, insts: &[Inst]) -> (u64, bool) {
    let mut pc = core.pc;
    for (i, inst) in insts.iter().enumerate() {
        match exec(core, bus, inst, pc, i as u64) {
            Ok(next) => pc = next,
            Err(Stop::Trap(e)) => {
                core.instret = core.instret.wrapping_add(i as u64);
                core.pc = pc;
                core.last_trap = Some(e);
                core.take_exception(e);
                return (i as u64, false);
            }
            Err(Stop::End(next)) => {
                core.stop_block = false;
                let n = i as u64 + 1;
                core.instret = core.instret.wrapping_add(n);
                core.pc = next;
                return (n, true);
            }
        }
    }
    let n = insts.len() as u64;
    core.instret = core.instret.wrapping_add(n);
    core.pc = pc;
    (n, false)
}

macro_rules! rs1 {
    ($c:ident, $i:ident) => {
        $c.x[($i.rs1 & 31) as usize]
    };
}
macro_rules! rs2 {
    ($c:ident, $i:ident) => {
        $c.x[($i.rs2 & 31) as usize]
    };
}
macro_rules! set_rd {
    ($c:ident, $i:ident, $v:expr) => {{
        let v = $v;
        $c.x[($i.rd & 31) as usize] = v;
        $c.x[0] = 0;
    }};
}

/// Executes one instruction at `pc` (the `index`-th of its block) and returns the next pc.
#[inline(always)]
fn exec(c: &mut HartCore, bus: &mut Bus, i: &Inst, pc: u64, index: u64) -> Result<u64, Stop> {
    use Op::*;
    let next = pc.wrapping_add(i.len as u64);
    let imm = i.imm as i64 as u64;
    match i.op {
        Lui => set_rd!(c, i, imm),
        Auipc => set_rd!(c, i, pc.wrapping_add(imm)),
        Addi => set_rd!(c, i, rs1!(c, i).wrapping_add(imm)),
        Slti => set_rd!(c, i, ((rs1!(c, i) as i64) < (imm as i64)) as u64),
        Sltiu => set_rd!(c, i, (rs1!(c, i) < imm) as u64),
        Xori => set_rd!(c, i, rs1!(c, i) ^ imm),
        Ori => set_rd!(c, i, rs1!(c, i) | imm),
        Andi => set_rd!(c, i, rs1!(c, i) & imm),
        Slli => set_rd!(c, i, rs1!(c, i) << (imm & 63)),
        Srli => set_rd!(c, i, rs1!(c, i) >> (imm & 63)),
        Srai => set_rd!(c, i, ((rs1!(c, i) as i64) >> (imm & 63)) as u64),
        Add => set_rd!(c, i, rs1!(c, i).wrapping_add(rs2!(c, i))),
        Sub => set_rd!(c, i, rs1!(c, i).wrapping_sub(rs2!(c, i))),
        Sll => set_rd!(c, i, rs1!(c, i) << (rs2!(c, i) & 63)),
        Slt => set_rd!(c, i, ((rs1!(c, i) as i64) < (rs2!(c, i) as i64)) as u64),
        Sltu => set_rd!(c, i, (rs1!(c, i) < rs2!(c, i)) as u64),
        Xor => set_rd!(c, i, rs1!(c, i) ^ rs2!(c, i)),
        Srl => set_rd!(c, i, rs1!(c, i) >> (rs2!(c, i) & 63)),
        Sra => set_rd!(c, i, ((rs1!(c, i) as i64) >> (rs2!(c, i) & 63)) as u64),
        Or => set_rd!(c, i, rs1!(c, i) | rs2!(c, i)),
        And => set_rd!(c, i, rs1!(c, i) & rs2!(c, i)),
        Addiw => set_rd!(c, i, sext32(rs1!(c, i).wrapping_add(imm))),
        Slliw => set_rd!(c, i, sext32(rs1!(c, i) << (imm & 31))),
        Srliw => set_rd!(c, i, sext32(((rs1!(c, i) as u32) >> (imm & 31)) as u64)),
        Sraiw => set_rd!(c, i, ((rs1!(c, i) as i32) >> (imm & 31)) as i64 as u64),
        Addw => set_rd!(c, i, sext32(rs1!(c, i).wrapping_add(rs2!(c, i)))),
        Subw => set_rd!(c, i, sext32(rs1!(c, i).wrapping_sub(rs2!(c, i)))),
        Sllw => set_rd!(c, i, sext32(rs1!(c, i) << (rs2!(c, i) & 31))),
        Srlw => set_rd!(
            c,
            i,
            sext32(((rs1!(c, i) as u32) >> (rs2!(c, i) & 31)) as u64)
        ),
        Sraw => set_rd!(
            c,
            i,
            ((rs1!(c, i) as i32) >> (rs2!(c, i) & 31)) as i64 as u64
        ),
        Lb => {
            let v = c.load::<1>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, v as i8 as i64 as u64)
        }
        Lh => {
            let v = c.load::<2>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, v as i16 as i64 as u64)
        }
        Lw => {
            let v = c.load::<4>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, sext32(v))
        }
        Ld => {
            let v = c.load::<8>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, v)
        }
        Lbu => {
            let v = c.load::<1>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, v)
        }
        Lhu => {
            let v = c.load::<2>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, v)
        }
        Lwu => {
            let v = c.load::<4>(bus, rs1!(c, i).wrapping_add(imm))?;
            set_rd!(c, i, v)
        }
        Sb => {
            c.store::<1>(bus, rs1!(c, i).wrapping_add(imm), rs2!(c, i))?;
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        Sh => {
            c.store::<2>(bus, rs1!(c, i).wrapping_add(imm), rs2!(c, i))?;
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        Sw => {
            c.store::<4>(bus, rs1!(c, i).wrapping_add(imm), rs2!(c, i))?;
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        Sd => {
            c.store::<8>(bus, rs1!(c, i).wrapping_add(imm), rs2!(c, i))?;
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        Jal => {
            let target = jump(c, pc.wrapping_add(imm))?;
            set_rd!(c, i, next);
            return Ok(target);
        }
        Jalr => {
            let target = jump(c, rs1!(c, i).wrapping_add(imm) & !1)?;
            set_rd!(c, i, next);
            return Ok(target);
        }
        Beq => return branch(c, rs1!(c, i) == rs2!(c, i), pc, imm, next),
        Bne => return branch(c, rs1!(c, i) != rs2!(c, i), pc, imm, next),
        Blt => return branch(c, (rs1!(c, i) as i64) < (rs2!(c, i) as i64), pc, imm, next),
        Bge => return branch(c, (rs1!(c, i) as i64) >= (rs2!(c, i) as i64), pc, imm, next),
        Bltu => return branch(c, rs1!(c, i) < rs2!(c, i), pc, imm, next),
        Bgeu => return branch(c, rs1!(c, i) >= rs2!(c, i), pc, imm, next),
        Mul => set_rd!(c, i, rs1!(c, i).wrapping_mul(rs2!(c, i))),
        Mulh => {
            let p = (rs1!(c, i) as i64 as i128) * (rs2!(c, i) as i64 as i128);
            set_rd!(c, i, (p >> 64) as u64)
        }
        Mulhsu => {
            let p = (rs1!(c, i) as i64 as i128).wrapping_mul(rs2!(c, i) as i128);
            set_rd!(c, i, (p >> 64) as u64)
        }
        Mulhu => {
            let p = (rs1!(c, i) as u128) * (rs2!(c, i) as u128);
            set_rd!(c, i, (p >> 64) as u64)
        }
        Div => {
            let (a, b) = (rs1!(c, i) as i64, rs2!(c, i) as i64);
            set_rd!(
                c,
                i,
                if b == 0 {
                    u64::MAX
                } else {
                    a.wrapping_div(b) as u64
                }
            )
        }
        Divu => {
            let (a, b) = (rs1!(c, i), rs2!(c, i));
            set_rd!(c, i, a.checked_div(b).unwrap_or(u64::MAX))
        }
        Rem => {
            let (a, b) = (rs1!(c, i) as i64, rs2!(c, i) as i64);
            set_rd!(
                c,
                i,
                if b == 0 {
                    a as u64
                } else {
                    a.wrapping_rem(b) as u64
                }
            )
        }
        Remu => {
            let (a, b) = (rs1!(c, i), rs2!(c, i));
            set_rd!(c, i, if b == 0 { a } else { a % b })
        }
        Mulw => set_rd!(c, i, sext32(rs1!(c, i).wrapping_mul(rs2!(c, i)))),
        Divw => {
            let (a, b) = (rs1!(c, i) as i32, rs2!(c, i) as i32);
            let q = if b == 0 { -1 } else { a.wrapping_div(b) };
            set_rd!(c, i, q as i64 as u64)
        }
        Divuw => {
            let (a, b) = (rs1!(c, i) as u32, rs2!(c, i) as u32);
            set_rd!(c, i, sext32(a.checked_div(b).unwrap_or(u32::MAX) as u64))
        }
        Remw => {
            let (a, b) = (rs1!(c, i) as i32, rs2!(c, i) as i32);
            let r = if b == 0 { a } else { a.wrapping_rem(b) };
            set_rd!(c, i, r as i64 as u64)
        }
        Remuw => {
            let (a, b) = (rs1!(c, i) as u32, rs2!(c, i) as u32);
            set_rd!(c, i, sext32(if b == 0 { a } else { a % b } as u64))
        }
        // Zba
        AddUw => set_rd!(c, i, (rs1!(c, i) as u32 as u64).wrapping_add(rs2!(c, i))),
        Sh1add => set_rd!(c, i, (rs1!(c, i) << 1).wrapping_add(rs2!(c, i))),
        Sh2add => set_rd!(c, i, (rs1!(c, i) << 2).wrapping_add(rs2!(c, i))),
        Sh3add => set_rd!(c, i, (rs1!(c, i) << 3).wrapping_add(rs2!(c, i))),
        Sh1addUw => set_rd!(
            c,
            i,
            ((rs1!(c, i) as u32 as u64) << 1).wrapping_add(rs2!(c, i))
        ),
        Sh2addUw => set_rd!(
            c,
            i,
            ((rs1!(c, i) as u32 as u64) << 2).wrapping_add(rs2!(c, i))
        ),
        Sh3addUw => set_rd!(
            c,
            i,
            ((rs1!(c, i) as u32 as u64) << 3).wrapping_add(rs2!(c, i))
        ),
        SlliUw => set_rd!(c, i, (rs1!(c, i) as u32 as u64) << (imm & 63)),
        // Zbb
        Andn => set_rd!(c, i, rs1!(c, i) & !rs2!(c, i)),
        Orn => set_rd!(c, i, rs1!(c, i) | !rs2!(c, i)),
        Xnor => set_rd!(c, i, !(rs1!(c, i) ^ rs2!(c, i))),
        Clz => set_rd!(c, i, rs1!(c, i).leading_zeros() as u64),
        Clzw => set_rd!(c, i, (rs1!(c, i) as u32).leading_zeros() as u64),
        Ctz => set_rd!(c, i, rs1!(c, i).trailing_zeros() as u64),
        Ctzw => set_rd!(c, i, (rs1!(c, i) as u32).trailing_zeros() as u64),
        Cpop => set_rd!(c, i, rs1!(c, i).count_ones() as u64),
        Cpopw => set_rd!(c, i, (rs1!(c, i) as u32).count_ones() as u64),
        Max => set_rd!(c, i, (rs1!(c, i) as i64).max(rs2!(c, i) as i64) as u64),
        Maxu => set_rd!(c, i, rs1!(c, i).max(rs2!(c, i))),
        Min => set_rd!(c, i, (rs1!(c, i) as i64).min(rs2!(c, i) as i64) as u64),
        Minu => set_rd!(c, i, rs1!(c, i).min(rs2!(c, i))),
        SextB => set_rd!(c, i, rs1!(c, i) as i8 as i64 as u64),
        SextH => set_rd!(c, i, rs1!(c, i) as i16 as i64 as u64),
        ZextH => set_rd!(c, i, rs1!(c, i) as u16 as u64),
        Rol => set_rd!(c, i, rs1!(c, i).rotate_left((rs2!(c, i) & 63) as u32)),
        Ror => set_rd!(c, i, rs1!(c, i).rotate_right((rs2!(c, i) & 63) as u32)),
        Rori => set_rd!(c, i, rs1!(c, i).rotate_right((imm & 63) as u32)),
        Rolw => set_rd!(
            c,
            i,
            sext32((rs1!(c, i) as u32).rotate_left((rs2!(c, i) & 31) as u32) as u64)
        ),
        Rorw => set_rd!(
            c,
            i,
            sext32((rs1!(c, i) as u32).rotate_right((rs2!(c, i) & 31) as u32) as u64)
        ),
        Roriw => set_rd!(
            c,
            i,
            sext32((rs1!(c, i) as u32).rotate_right((imm & 31) as u32) as u64)
        ),
        OrcB => {
            let v = rs1!(c, i);
            let mut r = 0u64;
            for b in 0..8 {
                if (v >> (8 * b)) & 0xff != 0 {
                    r |= 0xff << (8 * b);
                }
            }
            set_rd!(c, i, r)
        }
        Rev8 => set_rd!(c, i, rs1!(c, i).swap_bytes()),
        // Zbs
        Bclr => set_rd!(c, i, rs1!(c, i) & !(1 << (rs2!(c, i) & 63))),
        Bclri => set_rd!(c, i, rs1!(c, i) & !(1 << (imm & 63))),
        Bext => set_rd!(c, i, (rs1!(c, i) >> (rs2!(c, i) & 63)) & 1),
        Bexti => set_rd!(c, i, (rs1!(c, i) >> (imm & 63)) & 1),
        Binv => set_rd!(c, i, rs1!(c, i) ^ (1 << (rs2!(c, i) & 63))),
        Binvi => set_rd!(c, i, rs1!(c, i) ^ (1 << (imm & 63))),
        Bset => set_rd!(c, i, rs1!(c, i) | (1 << (rs2!(c, i) & 63))),
        Bseti => set_rd!(c, i, rs1!(c, i) | (1 << (imm & 63))),
        // Zicond
        CzeroEqz => set_rd!(c, i, if rs2!(c, i) == 0 { 0 } else { rs1!(c, i) }),
        CzeroNez => set_rd!(c, i, if rs2!(c, i) != 0 { 0 } else { rs1!(c, i) }),
        Fence => {}
        // The block cache stays coherent with every write (see `cache`), so fence.i only
        // has to end the block, which it does by construction.
        FenceI => {}
        LrW => {
            let v = c.load_reserved(rs1!(c, i), 4)?;
            set_rd!(c, i, sext32(v))
        }
        LrD => {
            let v = c.load_reserved(rs1!(c, i), 8)?;
            set_rd!(c, i, v)
        }
        ScW | ScD => {
            let size = if i.op == ScW { 4 } else { 8 };
            let ok = c.store_conditional(rs1!(c, i), size, rs2!(c, i))?;
            set_rd!(c, i, (!ok) as u64);
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        AmoswapW | AmoaddW | AmoxorW | AmoandW | AmoorW | AmominW | AmomaxW | AmominuW
        | AmomaxuW => {
            let b = rs2!(c, i) as u32;
            let op = i.op;
            let old = c.amo(rs1!(c, i), 4, |a| {
                let a = a as u32;
                (match op {
                    AmoswapW => b,
                    AmoaddW => a.wrapping_add(b),
                    AmoxorW => a ^ b,
                    AmoandW => a & b,
                    AmoorW => a | b,
                    AmominW => (a as i32).min(b as i32) as u32,
                    AmomaxW => (a as i32).max(b as i32) as u32,
                    AmominuW => a.min(b),
                    _ => a.max(b),
                }) as u64
            })?;
            set_rd!(c, i, sext32(old));
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        AmoswapD | AmoaddD | AmoxorD | AmoandD | AmoorD | AmominD | AmomaxD | AmominuD
        | AmomaxuD => {
            let b = rs2!(c, i);
            let op = i.op;
            let old = c.amo(rs1!(c, i), 8, |a| match op {
                AmoswapD => b,
                AmoaddD => a.wrapping_add(b),
                AmoxorD => a ^ b,
                AmoandD => a & b,
                AmoorD => a | b,
                AmominD => (a as i64).min(b as i64) as u64,
                AmomaxD => (a as i64).max(b as i64) as u64,
                AmominuD => a.min(b),
                _ => a.max(b),
            })?;
            set_rd!(c, i, old);
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
        Csrrw | Csrrs | Csrrc | Csrrwi | Csrrsi | Csrrci => {
            return exec_csr(c, i, next, index).map_err(|e| match e {
                Exception::IllegalInst(_) => Stop::Trap(Exception::IllegalInst(i.raw)),
                e => Stop::Trap(e),
            });
        }
        Ecall => return Err(Exception::Ecall(c.priv_level).into()),
        Ebreak => return Err(Exception::Breakpoint(pc).into()),
        Mret => {
            if c.priv_level != Priv::Machine {
                return Err(Exception::IllegalInst(i.raw).into());
            }
            c.mret();
            return Ok(c.pc);
        }
        Sret => {
            let tsr = c.mstatus & mstatus::TSR != 0;
            if c.priv_level == Priv::User || (c.priv_level == Priv::Supervisor && tsr) {
                return Err(Exception::IllegalInst(i.raw).into());
            }
            c.sret();
            return Ok(c.pc);
        }
        Wfi => {
            // Priv spec 3.1.6.6: TW=1 makes WFI illegal below M; U-mode WFI is illegal.
            let tw = c.mstatus & mstatus::TW != 0;
            if c.priv_level == Priv::User || (c.priv_level == Priv::Supervisor && tw) {
                return Err(Exception::IllegalInst(i.raw).into());
            }
            if c.mip_value() & c.mie == 0 {
                c.waiting = true;
            }
            c.irq_dirty = true;
        }
        SfenceVma => {
            let tvm = c.mstatus & mstatus::TVM != 0;
            if c.priv_level == Priv::User || (c.priv_level == Priv::Supervisor && tvm) {
                return Err(Exception::IllegalInst(i.raw).into());
            }
            c.flush_tlb();
        }
        Illegal => return Err(Exception::IllegalInst(i.raw).into()),
        _ => {
            // F and D.
            crate::fpu::exec(c, bus, i)?;
            if c.stop_block {
                return Err(Stop::End(next));
            }
        }
    }
    Ok(next)
}

/// A jump or taken branch to `target`. With C, targets only need 2-byte alignment,
/// which jalr's bit-0 clearing and the even offsets guarantee; without C, a target
/// that is not 4-byte aligned raises the misaligned exception on the jump itself
/// (unprivileged spec 2.5), which then does not write rd.
#[inline(always)]
fn jump(c: &HartCore, target: u64) -> Result<u64, Stop> {
    if target & c.cpu.ialign_mask() != 0 {
        return Err(Exception::InstMisaligned(target).into());
    }
    Ok(target)
}

#[inline(always)]
fn branch(c: &HartCore, taken: bool, pc: u64, imm: u64, next: u64) -> Result<u64, Stop> {
    if taken {
        jump(c, pc.wrapping_add(imm))
    } else {
        Ok(next)
    }
}
