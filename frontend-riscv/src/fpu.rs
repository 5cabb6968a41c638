//! The F and D extensions (unprivileged spec chapters 21 "F" and 22 "D").
//!
//! Arithmetic is done in software with `rustc_apfloat` (the pure-Rust port of LLVM's
//! APFloat that rustc uses for constant evaluation): it is bit-exact IEEE 754 with all
//! five RISC-V rounding modes and the five exception flags, has a single-rounding fused
//! multiply-add, and needs no C toolchain or host FPU, whose results and flags would
//! depend on the host. Where it differs from RISC-V (NaN payloads, tininess, square
//! root, integer saturation), [`soft`] patches it.
//!
//! Registers hold raw bits; singles are NaN-boxed (spec 22.2): a single written to an f
//! register has bits 63:32 all ones, and a single read from one that is not boxed reads
//! as the canonical NaN. Loads, stores and moves transfer bits without looking.

pub mod soft;
#[cfg(test)]
mod tests;

use emu_core::Bus;
use rustc_apfloat::ieee::{Double, Single};
use rustc_apfloat::Round;

use crate::hart::HartCore;
use crate::inst::{Inst, Op};
use crate::trap::Exception;
use soft::Cmp;

/// Whether this hart has the F and D extensions.
pub const FPU_ENABLED: bool = true;

/// Bits 63:32 of a NaN-boxed single.
const BOX: u64 = 0xffff_ffff_0000_0000;

/// The rounding mode for `rm` (the instruction's field) and `frm`, or `None` when the
/// mode is reserved (spec 21.2: 5 and 6 reserved, 7 dynamic only in the instruction).
pub fn rounding(rm: u8, frm: u64) -> Option<Round> {
    let m = if rm == 7 { frm } else { rm as u64 };
    Some(match m {
        0 => Round::NearestTiesToEven,
        1 => Round::TowardZero,
        2 => Round::TowardNegative,
        3 => Round::TowardPositive,
        4 => Round::NearestTiesToAway,
        _ => return None,
    })
}

/// Unboxes a single: the low 32 bits if bits 63:32 are all ones, else the canonical NaN.
#[inline]
pub fn unbox(v: u64) -> u64 {
    if v & BOX == BOX {
        v & 0xffff_ffff
    } else {
        0x7fc0_0000
    }
}

/// Executes the floating-point instruction `i` (any `Op` with [`crate::Op::is_float`]).
pub fn exec(c: &mut HartCore, bus: &mut Bus, i: &Inst) -> Result<(), Exception> {
    use Op::*;
    let ill = Exception::IllegalInst(i.raw);
    c.fp_enabled().map_err(|_| ill)?;
    let (rd, r1, r2, r3) = (
        i.rd as usize & 31,
        i.rs1 as usize & 31,
        i.rs2 as usize & 31,
        i.rs3 as usize & 31,
    );
    let addr = c.x[r1].wrapping_add(i.imm as i64 as u64);
    // Operands as singles and as doubles.
    let (s1, s2, s3) = (unbox(c.f[r1]), unbox(c.f[r2]), unbox(c.f[r3]));
    let (d1, d2, d3) = (c.f[r1], c.f[r2], c.f[r3]);
    let mut fl = 0u8;
    // What the instruction writes.
    enum Out {
        F(u64),
        S(u64),
        X(u64),
        None,
    }
    let out = match i.op {
        Flw => Out::S(c.load::<4>(bus, addr)?),
        Fld => Out::F(c.load::<8>(bus, addr)?),
        Fsw => {
            c.store::<4>(bus, addr, c.f[r2])?;
            Out::None
        }
        Fsd => {
            c.store::<8>(bus, addr, c.f[r2])?;
            Out::None
        }
        FmvXW => Out::X(c.f[r1] as u32 as i32 as i64 as u64),
        FmvXD => Out::X(c.f[r1]),
        FmvWX => Out::S(c.x[r1] & 0xffff_ffff),
        FmvDX => Out::F(c.x[r1]),
        FsgnjS | FsgnjnS | FsgnjxS => {
            let kind = i.op as u8 - FsgnjS as u8;
            Out::S(soft::sign_inject::<Single>(s1, s2, kind))
        }
        FsgnjD | FsgnjnD | FsgnjxD => {
            let kind = i.op as u8 - FsgnjD as u8;
            Out::F(soft::sign_inject::<Double>(d1, d2, kind))
        }
        FminS => Out::S(soft::min_max::<Single>(s1, s2, false, &mut fl)),
        FmaxS => Out::S(soft::min_max::<Single>(s1, s2, true, &mut fl)),
        FminD => Out::F(soft::min_max::<Double>(d1, d2, false, &mut fl)),
        FmaxD => Out::F(soft::min_max::<Double>(d1, d2, true, &mut fl)),
        FeqS => Out::X(soft::compare::<Single>(s1, s2, Cmp::Eq, &mut fl)),
        FltS => Out::X(soft::compare::<Single>(s1, s2, Cmp::Lt, &mut fl)),
        FleS => Out::X(soft::compare::<Single>(s1, s2, Cmp::Le, &mut fl)),
        FeqD => Out::X(soft::compare::<Double>(d1, d2, Cmp::Eq, &mut fl)),
        FltD => Out::X(soft::compare::<Double>(d1, d2, Cmp::Lt, &mut fl)),
        FleD => Out::X(soft::compare::<Double>(d1, d2, Cmp::Le, &mut fl)),
        FclassS => Out::X(soft::class::<Single>(s1)),
        FclassD => Out::X(soft::class::<Double>(d1)),
        op => {
            // Everything else has a rounding-mode field, checked even where the result
            // is exact (as Spike and QEMU do).
            let rm = rounding(i.rm, (c.fcsr >> 5) & 7).ok_or(ill)?;
            let x = c.x[r1];
            let fl = &mut fl;
            match op {
                FaddS => Out::S(soft::add::<Single>(s1, s2, rm, fl)),
                FsubS => Out::S(soft::sub::<Single>(s1, s2, rm, fl)),
                FmulS => Out::S(soft::mul::<Single>(s1, s2, rm, fl)),
                FdivS => Out::S(soft::div::<Single>(s1, s2, rm, fl)),
                FsqrtS => Out::S(soft::sqrt::<Single>(s1, rm, fl)),
                FaddD => Out::F(soft::add::<Double>(d1, d2, rm, fl)),
                FsubD => Out::F(soft::sub::<Double>(d1, d2, rm, fl)),
                FmulD => Out::F(soft::mul::<Double>(d1, d2, rm, fl)),
                FdivD => Out::F(soft::div::<Double>(d1, d2, rm, fl)),
                FsqrtD => Out::F(soft::sqrt::<Double>(d1, rm, fl)),
                FmaddS | FmsubS | FnmsubS | FnmaddS => {
                    let (np, na) = fma_signs(op as u8 - FmaddS as u8);
                    Out::S(soft::fma::<Single>(s1, s2, s3, np, na, rm, fl))
                }
                FmaddD | FmsubD | FnmsubD | FnmaddD => {
                    let (np, na) = fma_signs(op as u8 - FmaddD as u8);
                    Out::F(soft::fma::<Double>(d1, d2, d3, np, na, rm, fl))
                }
                FcvtWS => Out::X(soft::to_int::<Single>(s1, true, 32, rm, fl)),
                FcvtWuS => Out::X(soft::to_int::<Single>(s1, false, 32, rm, fl)),
                FcvtLS => Out::X(soft::to_int::<Single>(s1, true, 64, rm, fl)),
                FcvtLuS => Out::X(soft::to_int::<Single>(s1, false, 64, rm, fl)),
                FcvtWD => Out::X(soft::to_int::<Double>(d1, true, 32, rm, fl)),
                FcvtWuD => Out::X(soft::to_int::<Double>(d1, false, 32, rm, fl)),
                FcvtLD => Out::X(soft::to_int::<Double>(d1, true, 64, rm, fl)),
                FcvtLuD => Out::X(soft::to_int::<Double>(d1, false, 64, rm, fl)),
                FcvtSW => Out::S(soft::from_int::<Single>(x, true, 32, rm, fl)),
                FcvtSWu => Out::S(soft::from_int::<Single>(x, false, 32, rm, fl)),
                FcvtSL => Out::S(soft::from_int::<Single>(x, true, 64, rm, fl)),
                FcvtSLu => Out::S(soft::from_int::<Single>(x, false, 64, rm, fl)),
                FcvtDW => Out::F(soft::from_int::<Double>(x, true, 32, rm, fl)),
                FcvtDWu => Out::F(soft::from_int::<Double>(x, false, 32, rm, fl)),
                FcvtDL => Out::F(soft::from_int::<Double>(x, true, 64, rm, fl)),
                FcvtDLu => Out::F(soft::from_int::<Double>(x, false, 64, rm, fl)),
                FcvtSD => Out::S(soft::d_to_s(d1, rm, fl)),
                FcvtDS => Out::F(soft::s_to_d(s1, fl)),
                _ => return Err(ill),
            }
        }
    };
    match out {
        Out::F(v) => {
            c.f[rd] = v;
            c.mark_fs_dirty();
        }
        Out::S(v) => {
            c.f[rd] = v | BOX;
            c.mark_fs_dirty();
        }
        Out::X(v) => {
            if rd != 0 {
                c.x[rd] = v;
            }
        }
        Out::None => {}
    }
    if fl != 0 {
        c.fcsr |= fl as u64;
        c.mark_fs_dirty();
    }
    Ok(())
}

/// `(negate product, negate addend)` for fmadd, fmsub, fnmsub, fnmadd (in `Op` order).
fn fma_signs(k: u8) -> (bool, bool) {
    match k {
        0 => (false, false), // fmadd:  a*b + c
        1 => (false, true),  // fmsub:  a*b - c
        2 => (true, false),  // fnmsub: -(a*b) + c
        _ => (true, true),   // fnmadd: -(a*b) - c
    }
}
