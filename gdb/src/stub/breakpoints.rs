//! Software and hardware breakpoints (Z0, Z1) and watchpoints (Z2, Z3, Z4), all kept by
//! the machine: the stub never patches `ebreak` into guest memory.

use gdbstub::target::ext::breakpoints::{
    Breakpoints, HwBreakpoint, HwBreakpointOps, HwWatchpoint, HwWatchpointOps, SwBreakpoint,
    SwBreakpointOps, WatchKind as GdbWatchKind,
};
use gdbstub::target::TargetResult;

use super::Stub;
use crate::target::{BreakpointKind, DebugTarget, WatchKind};

impl<T: DebugTarget> Breakpoints for Stub<'_, T> {
    #[inline(always)]
    fn support_sw_breakpoint(&mut self) -> Option<SwBreakpointOps<'_, Self>> {
        Some(self)
    }

    #[inline(always)]
    fn support_hw_breakpoint(&mut self) -> Option<HwBreakpointOps<'_, Self>> {
        Some(self)
    }

    #[inline(always)]
    fn support_hw_watchpoint(&mut self) -> Option<HwWatchpointOps<'_, Self>> {
        Some(self)
    }
}

impl<T: DebugTarget> SwBreakpoint for Stub<'_, T> {
    fn add_sw_breakpoint(&mut self, addr: u64, _kind: usize) -> TargetResult<bool, Self> {
        let ok = self
            .target
            .set_breakpoint(addr, BreakpointKind::Software, true);
        if ok {
            self.sw_breakpoints.insert(addr);
        }
        Ok(ok)
    }

    fn remove_sw_breakpoint(&mut self, addr: u64, _kind: usize) -> TargetResult<bool, Self> {
        self.sw_breakpoints.remove(&addr);
        Ok(self
            .target
            .set_breakpoint(addr, BreakpointKind::Software, false))
    }
}

impl<T: DebugTarget> HwBreakpoint for Stub<'_, T> {
    fn add_hw_breakpoint(&mut self, addr: u64, _kind: usize) -> TargetResult<bool, Self> {
        let ok = self
            .target
            .set_breakpoint(addr, BreakpointKind::Hardware, true);
        if ok {
            self.hw_breakpoints.insert(addr);
        }
        Ok(ok)
    }

    fn remove_hw_breakpoint(&mut self, addr: u64, _kind: usize) -> TargetResult<bool, Self> {
        self.hw_breakpoints.remove(&addr);
        Ok(self
            .target
            .set_breakpoint(addr, BreakpointKind::Hardware, false))
    }
}

/// The machine's name for gdb's watchpoint kind.
fn watch_kind(kind: GdbWatchKind) -> WatchKind {
    match kind {
        GdbWatchKind::Write => WatchKind::Write,
        GdbWatchKind::Read => WatchKind::Read,
        GdbWatchKind::ReadWrite => WatchKind::Access,
    }
}

impl<T: DebugTarget> HwWatchpoint for Stub<'_, T> {
    fn add_hw_watchpoint(
        &mut self,
        addr: u64,
        len: u64,
        kind: GdbWatchKind,
    ) -> TargetResult<bool, Self> {
        Ok(self
            .target
            .set_watchpoint(addr, len, watch_kind(kind), true))
    }

    fn remove_hw_watchpoint(
        &mut self,
        addr: u64,
        len: u64,
        kind: GdbWatchKind,
    ) -> TargetResult<bool, Self> {
        Ok(self
            .target
            .set_watchpoint(addr, len, watch_kind(kind), false))
    }
}
