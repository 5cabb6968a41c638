//! The Zicsr instructions in the interpreter.

use crate::hart::HartCore;
use crate::inst::{Inst, Op};
use crate::trap::Exception;

/// Zicsr instructions (unprivileged spec chapter 7): which of read and write happen
/// depends on the operand registers.
pub(super) fn exec_csr(
    c: &mut HartCore,
    i: &Inst,
    next: u64,
    index: u64,
) -> Result<u64, Exception> {
    use Op::*;
    let csr = i.imm as u16;
    let src = match i.op {
        Csrrw | Csrrs | Csrrc => c.x[(i.rs1 & 31) as usize],
        _ => i.rs1 as u64,
    };
    let writes = match i.op {
        Csrrw | Csrrwi => true,
        _ => i.rs1 != 0,
    };
    // Counters read as if every earlier instruction of this block had retired.
    c.instret = c.instret.wrapping_add(index);
    let result = (|| {
        let old = if matches!(i.op, Csrrw | Csrrwi) && i.rd == 0 {
            // csrrw with rd = x0 does not read the CSR (no read side effects), but the
            // access checks still apply.
            c.csr_read(csr, true).map(|_| 0)?
        } else {
            c.csr_read(csr, writes)?
        };
        if writes {
            // Priv spec 3.1.9: only the software-writable SEIP bit takes part in a
            // read-modify-write of mip, not the PLIC's signal ORed into the read value.
            let base = if csr == crate::csr::num::MIP {
                let seip = 1 << crate::trap::irq::SEI;
                (old & !seip) | (c.mip & seip)
            } else {
                old
            };
            let new = match i.op {
                Csrrw | Csrrwi => src,
                Csrrs | Csrrsi => base | src,
                _ => base & !src,
            };
            c.csr_write(csr, new)?;
        }
        c.x[(i.rd & 31) as usize] = old;
        c.x[0] = 0;
        Ok(next)
    })();
    c.instret = c.instret.wrapping_sub(index);
    result
}
