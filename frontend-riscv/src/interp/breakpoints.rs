//! Breakpoints in the interpreter's run loop: stop before a breakpoint's instruction,
//! and cut a block short before one.

use super::Hart;
use crate::inst::Inst;

impl Hart {
    /// With breakpoints set: `Err` if the pc is at one (stop now), else the nearest
    /// one after the pc on the same page (the most a block can reach), if any.
    pub(super) fn next_breakpoint(&mut self) -> Result<Option<u64>, ()> {
        let pc = self.core.pc;
        if self.breakpoints.contains(&pc) {
            if self.skip_breakpoint.take() != Some(pc) {
                return Err(());
            }
        } else {
            self.skip_breakpoint = None;
        }
        let page_end = (pc | (emu_core::PAGE_SIZE - 1)).wrapping_add(1);
        Ok(self
            .breakpoints
            .iter()
            .copied()
            .filter(|&b| b > pc && b < page_end)
            .min())
    }
}

/// How many of `insts` (a block at `pc`) start before `addr`: the block runs that far
/// and stops at the breakpoint at `addr`.
#[cold]
pub(super) fn insts_before(insts: &[Inst], pc: u64, addr: u64) -> usize {
    let mut a = pc;
    insts
        .iter()
        .take_while(|i| {
            let before = a < addr;
            a += i.len as u64;
            before
        })
        .count()
}
