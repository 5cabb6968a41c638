//! Instruction-level tests: decoding, register access, NaN-boxing, rounding-mode
//! selection, flags and `mstatus.FS`.

use std::sync::Arc;

use emu_core::{Bus, GuestRam};

use crate::csr::mstatus;
use crate::decode;
use crate::fpu::exec;
use crate::hart::HartCore;
use crate::trap::Exception;

const BASE: u64 = 0x8000_0000;
const ONE: u64 = 0xffff_ffff_3f80_0000; // 1.0f, boxed
const CANON_S: u64 = 0xffff_ffff_7fc0_0000; // canonical NaN, boxed

fn hart() -> (HartCore, Bus) {
    let ram = Arc::new(GuestRam::new(BASE, 0x10000).unwrap());
    let bus = Bus::new(ram.clone());
    let mut c = HartCore::new(0, ram, BASE);
    c.mstatus |= 1 << 13; // FS = Initial
    (c, bus)
}

fn run(c: &mut HartCore, bus: &mut Bus, raw: u32) -> Result<(), Exception> {
    exec(c, bus, &decode(raw))
}

/// An OP-FP instruction.
fn fp(f7: u32, rs2: u32, rs1: u32, rm: u32, rd: u32) -> u32 {
    f7 << 25 | rs2 << 20 | rs1 << 15 | rm << 12 | rd << 7 | 0x53
}

fn fs(c: &HartCore) -> u64 {
    c.mstatus & mstatus::FS
}

#[test]
fn needs_fs_on_and_marks_it_dirty() {
    let (mut c, mut bus) = hart();
    let fadd = fp(0x00, 2, 1, 0, 3);
    c.mstatus &= !mstatus::FS;
    assert_eq!(
        run(&mut c, &mut bus, fadd),
        Err(Exception::IllegalInst(fadd))
    );
    c.mstatus |= 1 << 13;
    c.f[1] = ONE;
    c.f[2] = ONE;
    // feq.s x5, f1, f2 writes neither an f register nor fflags.
    run(&mut c, &mut bus, fp(0x50, 2, 1, 2, 5)).unwrap();
    assert_eq!((c.x[5], fs(&c)), (1, 1 << 13));
    run(&mut c, &mut bus, fadd).unwrap();
    assert_eq!((c.f[3], fs(&c)), (0xffff_ffff_4000_0000, mstatus::FS));
    // A comparison that raises a flag dirties FS too.
    c.mstatus = (c.mstatus & !mstatus::FS) | 1 << 13;
    c.f[2] = 0x7fc0_0000; // not boxed: reads as the canonical NaN
    run(&mut c, &mut bus, fp(0x50, 2, 1, 1, 5)).unwrap(); // flt.s
    assert_eq!((c.x[5], c.fcsr, fs(&c)), (0, 0x10, mstatus::FS));
}

#[test]
fn dynamic_rounding_mode_and_flags() {
    let (mut c, mut bus) = hart();
    c.f[1] = ONE;
    c.f[2] = 0xffff_ffff_3080_0000; // 2^-30
    let dyn_add = fp(0x00, 2, 1, 7, 3);
    c.fcsr = 3 << 5; // RUP
    run(&mut c, &mut bus, dyn_add).unwrap();
    assert_eq!((c.f[3], c.fcsr), (0xffff_ffff_3f80_0001, 3 << 5 | 1));
    c.fcsr = 0;
    run(&mut c, &mut bus, dyn_add).unwrap();
    assert_eq!((c.f[3], c.fcsr), (ONE, 1));
    // A static mode ignores frm; the flags accumulate.
    c.fcsr = 5 << 5 | 1;
    run(&mut c, &mut bus, fp(0x00, 2, 1, 3, 4)).unwrap();
    assert_eq!(c.f[4], 0xffff_ffff_3f80_0001);
    c.f[5] = 0xffff_ffff_7f80_0001; // sNaN
    run(&mut c, &mut bus, fp(0x08, 5, 1, 0, 6)).unwrap();
    assert_eq!((c.f[6], c.fcsr), (CANON_S, 5 << 5 | 0x11));
    // Dynamic with a reserved frm is illegal, also for exact conversions.
    for frm in [5, 6, 7] {
        c.fcsr = frm << 5;
        c.f[3] = 0;
        assert_eq!(
            run(&mut c, &mut bus, dyn_add),
            Err(Exception::IllegalInst(dyn_add))
        );
        assert_eq!((c.f[3], c.fcsr), (0, frm << 5));
        let cvt = fp(0x69, 0, 1, 7, 3); // fcvt.d.w f3, x1
        assert_eq!(run(&mut c, &mut bus, cvt), Err(Exception::IllegalInst(cvt)));
        // Operations without a rounding mode do not care.
        run(&mut c, &mut bus, fp(0x10, 2, 1, 0, 3)).unwrap();
    }
}

#[test]
fn nan_boxing() {
    let (mut c, mut bus) = hart();
    c.f[1] = 0x0000_0000_3f80_0000; // 1.0f, not boxed
    c.f[2] = ONE;
    run(&mut c, &mut bus, fp(0x00, 2, 1, 0, 3)).unwrap(); // fadd.s
    assert_eq!(c.f[3], CANON_S);
    assert_eq!(c.fcsr, 0, "a non-boxed input is a quiet NaN");
    run(&mut c, &mut bus, fp(0x10, 2, 1, 0, 3)).unwrap(); // fsgnj.s
    assert_eq!(c.f[3], CANON_S);
    run(&mut c, &mut bus, fp(0x10, 1, 2, 2, 3)).unwrap(); // fsgnjx.s f3, f2, f1
    assert_eq!(c.f[3], ONE);
    run(&mut c, &mut bus, fp(0x21, 0, 1, 0, 3)).unwrap(); // fcvt.d.s
    assert_eq!(c.f[3], 0x7ff8_0000_0000_0000);
    run(&mut c, &mut bus, fp(0x70, 0, 1, 1, 5)).unwrap(); // fclass.s
    assert_eq!(c.x[5], 1 << 9);
    // Moves and stores do not look at the box.
    run(&mut c, &mut bus, fp(0x70, 0, 1, 0, 5)).unwrap(); // fmv.x.w
    assert_eq!(c.x[5], 0x3f80_0000);
    c.f[1] = 0x1234_5678_bf80_0000;
    run(&mut c, &mut bus, fp(0x70, 0, 1, 0, 5)).unwrap();
    assert_eq!(c.x[5], 0xffff_ffff_bf80_0000, "fmv.x.w sign-extends");
    c.x[6] = 0x1234_5678_4000_0000;
    run(&mut c, &mut bus, fp(0x78, 0, 6, 0, 7)).unwrap(); // fmv.w.x
    assert_eq!(c.f[7], 0xffff_ffff_4000_0000);
    run(&mut c, &mut bus, fp(0x79, 0, 6, 0, 7)).unwrap(); // fmv.d.x
    assert_eq!(c.f[7], 0x1234_5678_4000_0000);
    run(&mut c, &mut bus, fp(0x71, 0, 7, 0, 8)).unwrap(); // fmv.x.d
    assert_eq!(c.x[8], 0x1234_5678_4000_0000);
    // fcvt.s.d boxes its result.
    c.f[9] = 2.5f64.to_bits();
    run(&mut c, &mut bus, fp(0x20, 1, 9, 0, 10)).unwrap();
    assert_eq!(c.f[10], 0xffff_ffff_4020_0000);
}

#[test]
fn loads_and_stores() {
    let (mut c, mut bus) = hart();
    c.x[1] = BASE + 0x100;
    c.f[2] = 0x1122_3344_5566_7788;
    let fsw = 2 << 20 | 1 << 15 | 2 << 12 | 4 << 7 | 0x27; // fsw f2, 4(x1)
    let fsd = 2 << 20 | 1 << 15 | 3 << 12 | 8 << 7 | 0x27; // fsd f2, 8(x1)
    run(&mut c, &mut bus, fsw).unwrap();
    run(&mut c, &mut bus, fsd).unwrap();
    assert_eq!(c.mstatus & mstatus::FS, 1 << 13, "stores leave FS alone");
    let flw = 4 << 20 | 1 << 15 | 2 << 12 | 3 << 7 | 0x07; // flw f3, 4(x1)
    let fld = 8 << 20 | 1 << 15 | 3 << 12 | 4 << 7 | 0x07; // fld f4, 8(x1)
    run(&mut c, &mut bus, flw).unwrap();
    run(&mut c, &mut bus, fld).unwrap();
    assert_eq!(c.f[3], 0xffff_ffff_5566_7788);
    assert_eq!(c.f[4], 0x1122_3344_5566_7788);
    assert_eq!(c.mstatus & mstatus::FS, mstatus::FS);
    // Misaligned works; outside RAM faults.
    let fld_odd = 3 << 20 | 1 << 15 | 3 << 12 | 5 << 7 | 0x07;
    run(&mut c, &mut bus, fld_odd).unwrap();
    assert_eq!(c.f[5], 0x6677_8855_6677_8800);
    c.x[1] = 0x10;
    assert!(run(&mut c, &mut bus, flw).is_err());
}

#[test]
fn fused_and_conversions() {
    let (mut c, mut bus) = hart();
    c.f[1] = 0xffff_ffff_4000_0000; // 2
    c.f[2] = 0xffff_ffff_4040_0000; // 3
    c.f[3] = ONE;
    // fnmadd.s f4, f1, f2, f3 = -(2*3) - 1
    let fnmadd = 3 << 27 | 2 << 20 | 1 << 15 | 4 << 7 | 0x4f;
    run(&mut c, &mut bus, fnmadd).unwrap();
    assert_eq!(c.f[4], 0xffff_ffff_c0e0_0000);
    // fmsub.d f4, f5, f5, f5 = 2*2 - 2
    c.f[5] = 2f64.to_bits();
    let fmsub = 5 << 27 | 1 << 25 | 5 << 20 | 5 << 15 | 4 << 7 | 0x47;
    run(&mut c, &mut bus, fmsub).unwrap();
    assert_eq!(c.f[4], 2f64.to_bits());
    // fcvt.w.s x0, f6 sets NV but leaves x0 zero.
    c.f[6] = 0xffff_ffff_7f80_0000;
    run(&mut c, &mut bus, fp(0x60, 0, 6, 1, 0)).unwrap();
    assert_eq!((c.x[0], c.fcsr), (0, 0x10));
    // fcvt.wu.d x7, f5 and fcvt.s.lu f8, x7.
    run(&mut c, &mut bus, fp(0x61, 1, 5, 1, 7)).unwrap();
    assert_eq!(c.x[7], 2);
    run(&mut c, &mut bus, fp(0x68, 3, 7, 0, 8)).unwrap();
    assert_eq!(c.f[8], 0xffff_ffff_4000_0000);
    // fsqrt.d f9, f5
    run(&mut c, &mut bus, fp(0x2d, 0, 5, 0, 9)).unwrap();
    assert_eq!(c.f[9], 2f64.sqrt().to_bits());
    assert_eq!(c.fcsr, 0x11);
}
