//! gdbstub's [`Target`] over a [`DebugTarget`], split by protocol extension like
//! gdbstub's `armv4t` example: [`base`] (threads, registers, memory), [`resume`]
//! (continue, step, Ctrl-C), [`breakpoints`] (Z0..Z4) and [`monitor`] (qRcmd).

mod base;
mod breakpoints;
mod monitor;
mod resume;

use std::collections::HashSet;
use std::num::NonZeroUsize;

use gdbstub::common::Tid;
use gdbstub::target::ext::base::BaseOps;
use gdbstub::target::ext::breakpoints::BreakpointsOps;
use gdbstub::target::ext::monitor_cmd::MonitorCmdOps;
use gdbstub::target::Target;

use crate::arch::Rv64Gc;
use crate::target::{AddressSpace, DebugTarget};

pub(crate) use resume::EventLoop;

/// What the next `wait_for_stop_reason` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Run all harts.
    Continue,
    /// Step this hart only.
    Step(usize),
}

/// The protocol-side state around a machine: the memory access mode set by
/// `monitor phys`/`monitor virt`, the pending resume action and the breakpoints gdb
/// asked for as hardware ones (to report `hwbreak` rather than `swbreak`).
pub(crate) struct Stub<'a, T: DebugTarget> {
    target: &'a mut T,
    space: AddressSpace,
    action: Action,
    hw_breakpoints: HashSet<u64>,
    sw_breakpoints: HashSet<u64>,
    /// The hart reported by the last interrupted stop (for Ctrl-C replies).
    interrupted_hart: usize,
    /// The hart gdb last accessed (its selected thread): `monitor` commands apply to it.
    selected_hart: usize,
}

impl<'a, T: DebugTarget> Stub<'a, T> {
    /// Wraps `target`; memory accesses start virtual.
    pub(crate) fn new(target: &'a mut T) -> Self {
        Stub {
            target,
            space: AddressSpace::Virtual,
            action: Action::Continue,
            hw_breakpoints: HashSet::new(),
            sw_breakpoints: HashSet::new(),
            interrupted_hart: 0,
            selected_hart: 0,
        }
    }
}

/// gdb's thread id of `hart`.
fn tid_of(hart: usize) -> Tid {
    NonZeroUsize::new(hart + 1).unwrap_or(NonZeroUsize::MIN)
}

/// The hart of gdb's thread id `tid`.
fn hart_of(tid: Tid) -> usize {
    tid.get() - 1
}

/// Fatal errors are plain messages (the machine side reports none today).
pub(crate) type StubError = &'static str;

impl<T: DebugTarget> Target for Stub<'_, T> {
    type Arch = Rv64Gc;
    type Error = StubError;

    #[inline(always)]
    fn base_ops(&mut self) -> BaseOps<'_, Self::Arch, Self::Error> {
        BaseOps::MultiThread(self)
    }

    #[inline(always)]
    fn support_breakpoints(&mut self) -> Option<BreakpointsOps<'_, Self>> {
        Some(self)
    }

    #[inline(always)]
    fn support_monitor_cmd(&mut self) -> Option<MonitorCmdOps<'_, Self>> {
        Some(self)
    }
}
