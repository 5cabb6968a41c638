//! Debug triggers in the interpreter's run loop (see [`crate::trigger`]): icount and
//! execute triggers are checked before each instruction, and a block holding an
//! instruction an execute trigger matches is cut short before it, the same way as
//! [`Hart::breakpoints`](super::Hart::breakpoints). Load and store triggers need
//! nothing here: the memory slow path checks them.
//!
//! All of this runs only while a trigger is armed (`Triggers::armed` non-zero); then
//! compiled blocks are not run while an execute trigger matches in the block or an
//! icount trigger counts (which also limits blocks to one instruction).

use crate::hart::HartCore;
use crate::inst::Inst;
use crate::trap::Exception;
use crate::trigger::{ARMED_EXEC, ARMED_ICOUNT};

/// Before the next instruction: a pending icount trigger enabled in the current mode
/// fires. Returns whether it did (its breakpoint exception, tval 0, is taken).
#[cold]
pub(super) fn icount_fired(core: &mut HartCore) -> bool {
    if core.triggers.armed & ARMED_ICOUNT == 0 || !core.triggers.icount_fires(core.priv_level) {
        return false;
    }
    core.last_trap = Some(Exception::Breakpoint(0));
    core.take_exception(Exception::Breakpoint(0));
    true
}

/// How many of `insts` (a block at `core.pc`) may run before an instruction an execute
/// trigger fires on: at least 1, or `None` when it fires on the first (its breakpoint
/// exception is taken, tval = the pc). With an icount trigger counting, at most 1.
#[cold]
pub(super) fn exec_limit(core: &mut HartCore, insts: &[Inst]) -> Option<usize> {
    let armed = core.triggers.armed;
    let limit = if armed & ARMED_ICOUNT != 0 {
        insts.len().min(1)
    } else {
        insts.len()
    };
    if armed & ARMED_EXEC == 0 {
        return Some(limit);
    }
    let p = core.priv_level;
    let mut pc = core.pc;
    for (i, inst) in insts.iter().enumerate().take(limit) {
        let len = inst.len as u64;
        if i == 0 {
            if let Some(tval) = core.triggers.exec_fires(pc, len, p) {
                core.last_trap = Some(Exception::Breakpoint(tval));
                core.take_exception(Exception::Breakpoint(tval));
                return None;
            }
        } else if core.triggers.exec_would_fire(pc, len, p) {
            return Some(i);
        }
        pc = pc.wrapping_add(len);
    }
    Some(limit)
}

/// The exception to take for a failed fetch at the pc: an execute trigger on that
/// address (of any instruction size) comes first (debug spec 5.3 priorities).
#[cold]
pub(super) fn fetch_fault(core: &mut HartCore, e: Exception) -> Exception {
    if core.triggers.armed & ARMED_EXEC != 0 {
        if let Some(tval) = core.triggers.exec_fires(core.pc, 0, core.priv_level) {
            return Exception::Breakpoint(tval);
        }
    }
    e
}
