//! Single steps for tracing and debuggers, and the uncached instruction fetch.

use emu_core::Bus;

use super::{traced_exec, triggers, Exit, Hart, Step};
use crate::decode::decode;
use crate::inst::{inst_len, Inst};
use crate::trap::Exception;
use crate::trigger::{ARMED_EXEC, ARMED_ICOUNT};

impl Hart {
    /// Executes exactly one instruction (or takes one interrupt first), without the
    /// block cache. For tracing and debuggers.
    pub fn step(&mut self, bus: &mut Bus) -> Step {
        let interrupt = self.check_interrupts();
        let pc = self.core.pc;
        let mut step = Step {
            pc,
            inst: None,
            trap: None,
            interrupt,
            exit: None,
        };
        if self.core.waiting {
            step.exit = Some(Exit::Wfi);
            return step;
        }
        self.sync_code();
        self.core.sync_watches();
        let armed = self.core.triggers.armed & (ARMED_EXEC | ARMED_ICOUNT);
        if armed & ARMED_ICOUNT != 0 {
            self.core.triggers.start_instruction();
            if triggers::icount_fired(&mut self.core) {
                step.trap = self.core.last_trap.take();
                return step;
            }
        }
        let fetched_in = self.core.priv_level;
        let inst = match self.fetch_uncached(bus) {
            Ok(i) => i,
            Err(e) => {
                let e = triggers::fetch_fault(&mut self.core, e);
                self.core.take_exception(e);
                step.trap = Some(e);
                return step;
            }
        };
        step.inst = Some(inst);
        self.core.last_trap = None;
        if armed != 0 && triggers::exec_limit(&mut self.core, &[inst]).is_none() {
            step.trap = self.core.last_trap.take();
            return step;
        }
        let n = traced_exec(&mut self.core, bus, &[inst]).0;
        if armed & ARMED_ICOUNT != 0 && n > 0 {
            self.core.triggers.icount_retired(fetched_in);
        }
        self.retired += n;
        step.trap = self.core.last_trap.take();
        if self.core.host_write {
            self.core.host_write = false;
            step.exit = Some(Exit::HostWrite);
        } else if self.core.waiting {
            step.exit = Some(Exit::Wfi);
        }
        step
    }

    /// Fetches and decodes the instruction at pc parcel by parcel (any memory, pages
    /// translated separately).
    pub(super) fn fetch_uncached(&mut self, bus: &mut Bus) -> Result<Inst, Exception> {
        let pc = self.core.pc;
        if pc & self.core.cpu.ialign_mask() != 0 {
            return Err(Exception::InstMisaligned(pc));
        }
        let lo = self.core.fetch_parcel(bus, pc)?;
        let raw = if inst_len(lo) == 4 {
            let hi = self.core.fetch_parcel(bus, pc.wrapping_add(2))?;
            lo as u32 | (hi as u32) << 16
        } else {
            lo as u32
        };
        Ok(self.core.cpu.decodes(decode(raw)))
    }
}
