//! The gdb remote stub, on the `gdbstub` crate.
//!
//! [`DebugTarget`] is what a machine offers the debugger; the protocol side is being
//! built on it (see the README's "not done yet").

mod target;

pub use target::{
    AddressSpace, BreakpointKind, DebugTarget, MemoryError, Register, StopReason, WatchKind,
};
