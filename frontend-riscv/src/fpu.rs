//! The F and D extensions.
//!
//! Not implemented yet: [`FPU_ENABLED`] is false, so `misa` offers neither F nor D,
//! `mstatus.FS` stays Off and every floating-point instruction raises illegal
//! instruction (priv spec 3.1.6.6), which is the behaviour of a hart without an FPU.

use emu_core::Bus;

use crate::hart::HartCore;
use crate::inst::Inst;
use crate::trap::Exception;

/// Whether this hart has the F and D extensions.
pub const FPU_ENABLED: bool = false;

/// Executes the floating-point instruction `i` (any `Op` with [`crate::Op::is_float`]).
pub fn exec(c: &mut HartCore, bus: &mut Bus, i: &Inst) -> Result<(), Exception> {
    let _ = (bus, &i.op);
    c.fp_enabled().map_err(|_| Exception::IllegalInst(i.raw))?;
    Err(Exception::IllegalInst(i.raw))
}
