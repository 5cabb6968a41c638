//! Continue, per-hart single step and Ctrl-C, and the blocking event loop that runs the
//! machine between gdb's packets.

use std::marker::PhantomData;

use gdbstub::common::{Signal, Tid};
use gdbstub::conn::{Connection, ConnectionExt};

use crate::conn::GdbConnection;
use gdbstub::stub::run_blocking::{BlockingEventLoop, Event, WaitForStopReasonError};
use gdbstub::stub::MultiThreadStopReason;
use gdbstub::target::ext::base::multithread::{
    MultiThreadResume, MultiThreadSchedulerLocking, MultiThreadSchedulerLockingOps,
    MultiThreadSingleStep, MultiThreadSingleStepOps,
};
use gdbstub::target::ext::breakpoints::WatchKind as GdbWatchKind;

use super::{hart_of, tid_of, Action, Stub, StubError};
use crate::target::{DebugTarget, Register, StopReason, WatchKind};

impl<T: DebugTarget> MultiThreadResume for Stub<'_, T> {
    fn resume(&mut self) -> Result<(), Self::Error> {
        // The machine runs in `EventLoop::wait_for_stop_reason`.
        Ok(())
    }

    fn clear_resume_actions(&mut self) -> Result<(), Self::Error> {
        self.action = Action::Continue;
        Ok(())
    }

    fn set_resume_action_continue(
        &mut self,
        _tid: Tid,
        signal: Option<Signal>,
    ) -> Result<(), Self::Error> {
        if signal.is_some() {
            return Err("the machine cannot deliver signals");
        }
        Ok(())
    }

    #[inline(always)]
    fn support_single_step(&mut self) -> Option<MultiThreadSingleStepOps<'_, Self>> {
        Some(self)
    }

    #[inline(always)]
    fn support_scheduler_locking(&mut self) -> Option<MultiThreadSchedulerLockingOps<'_, Self>> {
        Some(self)
    }
}

impl<T: DebugTarget> MultiThreadSingleStep for Stub<'_, T> {
    fn set_resume_action_step(
        &mut self,
        tid: Tid,
        signal: Option<Signal>,
    ) -> Result<(), Self::Error> {
        if signal.is_some() {
            return Err("the machine cannot deliver signals");
        }
        self.action = Action::Step(hart_of(tid));
        Ok(())
    }
}

impl<T: DebugTarget> MultiThreadSchedulerLocking for Stub<'_, T> {
    fn set_resume_action_scheduler_lock(&mut self) -> Result<(), Self::Error> {
        // A step only ever runs the stepped hart; a locked continue still runs all harts
        // (the machine has no way to run a subset).
        Ok(())
    }
}

impl<T: DebugTarget> Stub<'_, T> {
    /// Turns the machine's stop into gdb's.
    fn stop_reason(&mut self, reason: StopReason) -> MultiThreadStopReason<u64> {
        match reason {
            StopReason::Stepped { hart } => MultiThreadStopReason::SignalWithThread {
                tid: tid_of(hart),
                signal: Signal::SIGTRAP,
            },
            StopReason::Breakpoint { hart } => {
                let pc = self.target.read_register(hart, Register::Pc);
                let hw = pc.is_some_and(|pc| {
                    self.hw_breakpoints.contains(&pc) && !self.sw_breakpoints.contains(&pc)
                });
                if hw {
                    MultiThreadStopReason::HwBreak(tid_of(hart))
                } else {
                    MultiThreadStopReason::SwBreak(tid_of(hart))
                }
            }
            StopReason::Watchpoint { hart, kind, addr } => MultiThreadStopReason::Watch {
                tid: tid_of(hart),
                kind: match kind {
                    WatchKind::Write => GdbWatchKind::Write,
                    WatchKind::Read => GdbWatchKind::Read,
                    WatchKind::Access => GdbWatchKind::ReadWrite,
                },
                addr,
            },
            StopReason::Interrupted { hart } => MultiThreadStopReason::SignalWithThread {
                tid: tid_of(hart),
                signal: Signal::SIGINT,
            },
            StopReason::Exited(code) => MultiThreadStopReason::Exited(code),
        }
    }
}

/// Drives the machine for [`gdbstub::stub::GdbStub::run_blocking`]: runs (or steps) it,
/// polling the connection for gdb's interrupt byte through `resume`'s callback.
pub(crate) struct EventLoop<'a, T>(PhantomData<&'a mut T>);

impl<'a, T: DebugTarget> BlockingEventLoop for EventLoop<'a, T> {
    type Target = Stub<'a, T>;
    type Connection = GdbConnection;
    type StopReason = MultiThreadStopReason<u64>;

    #[allow(clippy::type_complexity)]
    fn wait_for_stop_reason(
        stub: &mut Stub<'a, T>,
        conn: &mut GdbConnection,
    ) -> Result<
        Event<Self::StopReason>,
        WaitForStopReasonError<StubError, <GdbConnection as Connection>::Error>,
    > {
        let action = std::mem::replace(&mut stub.action, Action::Continue);
        let reason = match action {
            Action::Step(hart) => stub.target.step(hart),
            Action::Continue => {
                // A closed connection also stops the machine (the read below fails).
                let mut poll = || conn.peek().map(|b| b.is_some()).unwrap_or(true);
                stub.target.resume(&mut poll)
            }
        };
        if let StopReason::Interrupted { hart } = reason {
            stub.interrupted_hart = hart;
            if conn.peek().map(|b| b.is_some()).unwrap_or(true) {
                // Normally Ctrl-C: gdbstub then calls `on_interrupt` for the stop reply.
                let byte = conn.read().map_err(WaitForStopReasonError::Connection)?;
                return Ok(Event::IncomingData(byte));
            }
        }
        Ok(Event::TargetStopped(stub.stop_reason(reason)))
    }

    fn on_interrupt(
        stub: &mut Stub<'a, T>,
    ) -> Result<Option<MultiThreadStopReason<u64>>, StubError> {
        Ok(Some(MultiThreadStopReason::SignalWithThread {
            tid: tid_of(stub.interrupted_hart),
            signal: Signal::SIGINT,
        }))
    }
}
