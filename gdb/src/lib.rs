//! The gdb remote stub, on the `gdbstub` crate.
//!
//! Not implemented yet (see the README's "not done yet" list); this crate exports nothing
//! until then.
