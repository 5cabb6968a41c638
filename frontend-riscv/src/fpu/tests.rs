//! Corner cases of every operation, a differential test against the host FPU for values
//! in round-to-nearest-even, and instruction-level tests of `exec`.

use rustc_apfloat::ieee::{Double, Single};
use rustc_apfloat::Round;

use super::soft::{self, Cmp, DZ, NV, NX, OF, UF};

const RNE: Round = Round::NearestTiesToEven;
const RTZ: Round = Round::TowardZero;
const RDN: Round = Round::TowardNegative;
const RUP: Round = Round::TowardPositive;
const RMM: Round = Round::NearestTiesToAway;

// Singles.
const S_QNAN: u64 = 0x7fc0_0000;
const S_SNAN: u64 = 0x7f80_0001;
const S_QNAN_PAYLOAD: u64 = 0xffc1_2345;
const S_INF: u64 = 0x7f80_0000;
const S_NINF: u64 = 0xff80_0000;
const S_MAX: u64 = 0x7f7f_ffff;
const S_NMAX: u64 = 0xff7f_ffff;
const S_MIN_NORM: u64 = 0x0080_0000;
const S_MIN_SUB: u64 = 0x0000_0001;
const S_NZERO: u64 = 0x8000_0000;
// Doubles.
const D_QNAN: u64 = 0x7ff8_0000_0000_0000;
const D_SNAN: u64 = 0x7ff0_0000_0000_0001;
const D_INF: u64 = 0x7ff0_0000_0000_0000;
const D_NINF: u64 = 0xfff0_0000_0000_0000;
const D_MAX: u64 = 0x7fef_ffff_ffff_ffff;
const D_MIN_SUB: u64 = 1;
const D_NZERO: u64 = 0x8000_0000_0000_0000;

fn s(x: f32) -> u64 {
    x.to_bits() as u64
}
fn d(x: f64) -> u64 {
    x.to_bits()
}

/// Runs `f` with a fresh flags accumulator and returns (result, flags).
fn run(f: impl FnOnce(&mut u8) -> u64) -> (u64, u8) {
    let mut fl = 0;
    let r = f(&mut fl);
    (r, fl)
}

#[test]
fn add_sub_corner_cases() {
    type T = (u64, u64, Round, u64, u8);
    let single: &[T] = &[
        (s(1.0), s(2.0), RNE, s(3.0), 0),
        (S_SNAN, s(1.0), RNE, S_QNAN, NV),
        (s(1.0), S_SNAN, RNE, S_QNAN, NV),
        (S_QNAN_PAYLOAD, s(1.0), RNE, S_QNAN, 0),
        (S_INF, S_NINF, RNE, S_QNAN, NV),
        (S_INF, s(1.0), RNE, S_INF, 0),
        (S_NZERO, 0, RNE, 0, 0),
        (S_NZERO, 0, RDN, S_NZERO, 0),
        (S_NZERO, S_NZERO, RNE, S_NZERO, 0),
        (s(1.5), s(-1.5), RNE, 0, 0),
        (s(1.5), s(-1.5), RDN, S_NZERO, 0),
        // Overflow: infinity or the largest finite number by rounding mode.
        (S_MAX, S_MAX, RNE, S_INF, OF | NX),
        (S_MAX, S_MAX, RMM, S_INF, OF | NX),
        (S_MAX, S_MAX, RUP, S_INF, OF | NX),
        (S_MAX, S_MAX, RTZ, S_MAX, OF | NX),
        (S_MAX, S_MAX, RDN, S_MAX, OF | NX),
        (S_NMAX, S_NMAX, RUP, S_NMAX, OF | NX),
        (S_NMAX, S_NMAX, RDN, S_NINF, OF | NX),
        // Subnormal sums are exact.
        (S_MIN_SUB, S_MIN_SUB, RNE, 2, 0),
        (S_MIN_NORM, 0x8000_0001, RNE, 0x007f_ffff, 0),
        // 1 + 2^-24 is a tie; 1 + 2^-30 is below it.
        (s(1.0), s(2f32.powi(-24)), RNE, s(1.0), NX),
        (s(1.0), s(2f32.powi(-24)), RMM, 0x3f80_0001, NX),
        (s(1.0), s(2f32.powi(-30)), RUP, 0x3f80_0001, NX),
        (s(1.0), s(2f32.powi(-30)), RMM, s(1.0), NX),
        (s(-1.0), s(-(2f32.powi(-30))), RDN, 0xbf80_0001, NX),
        (s(-1.0), s(-(2f32.powi(-30))), RUP, s(-1.0), NX),
    ];
    for &(a, b, rm, want, wfl) in single {
        let got = run(|fl| soft::add::<Single>(a, b, rm, fl));
        assert_eq!(got, (want, wfl), "fadd.s {a:#x} {b:#x} {rm:?}");
    }
    let double: &[T] = &[
        (d(0.1), d(0.2), RNE, d(0.1 + 0.2), NX),
        (D_SNAN, D_QNAN, RNE, D_QNAN, NV),
        (D_MAX, D_MAX, RTZ, D_MAX, OF | NX),
        (D_MAX, D_MAX, RNE, D_INF, OF | NX),
        (D_NZERO, D_NZERO, RNE, D_NZERO, 0),
    ];
    for &(a, b, rm, want, wfl) in double {
        let got = run(|fl| soft::add::<Double>(a, b, rm, fl));
        assert_eq!(got, (want, wfl), "fadd.d {a:#x} {b:#x} {rm:?}");
    }
    assert_eq!(
        run(|fl| soft::sub::<Single>(S_INF, S_INF, RNE, fl)),
        (S_QNAN, NV)
    );
    assert_eq!(
        run(|fl| soft::sub::<Double>(d(1.0), d(1.0), RDN, fl)),
        (D_NZERO, 0)
    );
    assert_eq!(
        run(|fl| soft::sub::<Single>(s(3.0), S_SNAN, RNE, fl)),
        (S_QNAN, NV)
    );
}

#[test]
fn mul_div_corner_cases() {
    let p2 = |e: i32| s(2f32.powi(e));
    // 2^-126 * (1 - 2^-24) = 2^-126 - 2^-150: a tie on the subnormal grid that rounds up
    // to the smallest normal, but tiny after rounding to 24 bits (unpriv 21.2), so UF.
    let below = s(1.0 - 2f32.powi(-24));
    // 18631 * 1801 = 2^25 - 1; (2^25 - 1) * 2^-151 rounds to 2^-126 at 24 bits: not tiny.
    let (f1, f2) = (s(18631.0 * 2f32.powi(-75)), s(1801.0 * 2f32.powi(-76)));
    type T = (u64, u64, Round, u64, u8);
    let table: &[T] = &[
        (s(3.0), s(-0.5), RNE, s(-1.5), 0),
        (S_INF, 0, RNE, S_QNAN, NV),
        (S_NZERO, s(5.0), RNE, S_NZERO, 0),
        (S_SNAN, S_INF, RNE, S_QNAN, NV),
        (S_MIN_NORM, s(0.5), RNE, 0x0040_0000, 0),
        (S_MIN_SUB, s(0.5), RNE, 0, UF | NX),
        (S_MIN_SUB, s(0.5), RUP, S_MIN_SUB, UF | NX),
        (S_MIN_SUB, s(-0.5), RNE, S_NZERO, UF | NX),
        (S_MIN_SUB, s(0.75), RNE, S_MIN_SUB, UF | NX),
        (S_MIN_NORM, below, RNE, S_MIN_NORM, UF | NX),
        (S_MIN_NORM, below, RUP, S_MIN_NORM, UF | NX),
        (S_MIN_NORM, below, RTZ, 0x007f_ffff, UF | NX),
        (f1, f2, RNE, S_MIN_NORM, NX),
        (f1, f2, RTZ, 0x007f_ffff, UF | NX),
        (p2(100), p2(100), RNE, S_INF, OF | NX),
        (p2(100), p2(100), RTZ, S_MAX, OF | NX),
        (p2(100), s(-(2f32.powi(100))), RUP, S_NMAX, OF | NX),
    ];
    for &(a, b, rm, want, wfl) in table {
        let got = run(|fl| soft::mul::<Single>(a, b, rm, fl));
        assert_eq!(got, (want, wfl), "fmul.s {a:#x} {b:#x} {rm:?}");
    }
    type D = (u64, u64, u64, u8);
    let div: &[D] = &[
        (s(1.0), 0, S_INF, DZ),
        (s(-1.0), 0, S_NINF, DZ),
        (s(1.0), S_NZERO, S_NINF, DZ),
        (0, 0, S_QNAN, NV),
        (S_INF, S_INF, S_QNAN, NV),
        (S_INF, 0, S_INF, 0),
        (s(1.0), S_INF, 0, 0),
        (S_QNAN, 0, S_QNAN, 0),
        (s(1.0), s(3.0), 0x3eaa_aaab, NX),
        (S_MIN_NORM, s(2.0), 0x0040_0000, 0),
        (S_MAX, s(0.5), S_INF, OF | NX),
    ];
    for &(a, b, want, wfl) in div {
        let got = run(|fl| soft::div::<Single>(a, b, RNE, fl));
        assert_eq!(got, (want, wfl), "fdiv.s {a:#x} {b:#x}");
    }
    assert_eq!(
        run(|fl| soft::div::<Single>(s(1.0), s(3.0), RTZ, fl)),
        (0x3eaa_aaaa, NX)
    );
    assert_eq!(
        run(|fl| soft::div::<Double>(d(1.0), d(3.0), RUP, fl)),
        (d(1.0 / 3.0) + 1, NX)
    );
    assert_eq!(
        run(|fl| soft::div::<Double>(d(-1.0), 0, RNE, fl)),
        (D_NINF, DZ)
    );
    // Double: 2^-1022 * (1 - 2^-53) ties up to the smallest normal but is tiny.
    let dbelow = d(1.0 - 2f64.powi(-53));
    assert_eq!(
        run(|fl| soft::mul::<Double>(0x0010_0000_0000_0000, dbelow, RNE, fl)),
        (0x0010_0000_0000_0000, UF | NX)
    );
    assert_eq!(
        run(|fl| soft::mul::<Double>(D_MIN_SUB, d(0.25), RDN, fl)),
        (0, UF | NX)
    );
}

#[test]
fn sqrt_corner_cases() {
    type T = (u64, Round, u64, u8);
    let single: &[T] = &[
        (s(4.0), RNE, s(2.0), 0),
        (s(2.0), RNE, 0x3fb5_04f3, NX),
        (s(2.0), RUP, 0x3fb5_04f4, NX),
        (s(2.0), RDN, 0x3fb5_04f3, NX),
        (s(-1.0), RNE, S_QNAN, NV),
        (S_NINF, RNE, S_QNAN, NV),
        (S_NZERO, RNE, S_NZERO, 0),
        (0, RNE, 0, 0),
        (S_INF, RNE, S_INF, 0),
        (S_SNAN, RNE, S_QNAN, NV),
        (S_QNAN_PAYLOAD, RNE, S_QNAN, 0),
        (2, RNE, s(2f32.powi(-74)), 0), // sqrt(2^-148), a subnormal input
        (4, RNE, s(2f32.powf(-73.5)), NX),
        (S_MIN_SUB, RNE, s(f32::from_bits(1).sqrt()), NX),
        (S_MAX, RNE, s(f32::MAX.sqrt()), NX),
    ];
    for &(a, rm, want, wfl) in single {
        let got = run(|fl| soft::sqrt::<Single>(a, rm, fl));
        assert_eq!(got, (want, wfl), "fsqrt.s {a:#x} {rm:?}");
    }
    let double: &[T] = &[
        (d(2.0), RNE, d(2f64.sqrt()), NX),
        (d(2.0), RUP, d(2f64.sqrt()), NX), // the nearest is above
        (d(2.0), RTZ, d(2f64.sqrt()) - 1, NX),
        (d(1e-320), RNE, d(1e-320f64.sqrt()), NX),
        (D_MIN_SUB, RNE, d(2f64.powi(-537)), 0),
        (2, RNE, d(f64::from_bits(2).sqrt()), NX),
        (d(-0.0), RNE, D_NZERO, 0),
        (d(-1e-300), RNE, D_QNAN, NV),
        (D_SNAN, RNE, D_QNAN, NV),
        (d(9.0), RMM, d(3.0), 0),
    ];
    for &(a, rm, want, wfl) in double {
        let got = run(|fl| soft::sqrt::<Double>(a, rm, fl));
        assert_eq!(got, (want, wfl), "fsqrt.d {a:#x} {rm:?}");
    }
}

#[test]
fn fma_corner_cases() {
    // (1 + 2^-23)^2 = 1 + 2^-22 + 2^-46: a multiply rounded on its own loses 2^-46.
    let a = 0x3f80_0001;
    let c = s(-(1.0 + 2f32.powi(-22)));
    assert_eq!(
        run(|fl| soft::fma::<Single>(a, a, c, false, false, RNE, fl)),
        (s(2f32.powi(-46)), 0)
    );
    let sep = run(|fl| {
        let p = soft::mul::<Single>(a, a, RNE, fl);
        soft::add::<Single>(p, c, RNE, fl)
    });
    assert_eq!(sep, (0, NX));
    let ad = d(1.0 + 2f64.powi(-52));
    let cd = d(-(1.0 + 2f64.powi(-51)));
    assert_eq!(
        run(|fl| soft::fma::<Double>(ad, ad, cd, false, false, RNE, fl)),
        (d(2f64.powi(-104)), 0)
    );
    type T = (u64, u64, u64, bool, bool, Round, u64, u8);
    let table: &[T] = &[
        // inf * 0 + qNaN is invalid (unpriv 21.6).
        (S_INF, 0, S_QNAN, false, false, RNE, S_QNAN, NV),
        (0, S_INF, S_QNAN_PAYLOAD, true, true, RNE, S_QNAN, NV),
        (s(1.0), s(2.0), S_SNAN, false, false, RNE, S_QNAN, NV),
        (s(1.0), S_QNAN, s(2.0), false, false, RNE, S_QNAN, 0),
        (S_INF, s(1.0), S_NINF, false, false, RNE, S_QNAN, NV),
        (S_INF, s(1.0), S_INF, false, true, RNE, S_QNAN, NV),
        (S_MAX, s(2.0), S_NINF, false, false, RNE, S_NINF, 0),
        // The four sign variants: 2 * 3 and 1.
        (s(2.0), s(3.0), s(1.0), false, false, RNE, s(7.0), 0),
        (s(2.0), s(3.0), s(1.0), false, true, RNE, s(5.0), 0),
        (s(2.0), s(3.0), s(1.0), true, false, RNE, s(-5.0), 0),
        (s(2.0), s(3.0), s(1.0), true, true, RNE, s(-7.0), 0),
        // Exact zeros: sign by the rounding mode.
        (s(2.0), s(3.0), s(-6.0), false, false, RNE, 0, 0),
        (s(2.0), s(3.0), s(-6.0), false, false, RDN, S_NZERO, 0),
        (s(2.0), s(3.0), s(6.0), true, false, RNE, 0, 0),
        (s(2.0), s(3.0), s(6.0), true, true, RNE, s(-12.0), 0),
        (S_NZERO, s(5.0), S_NZERO, false, false, RNE, S_NZERO, 0),
        (0, s(5.0), S_NZERO, false, false, RNE, 0, 0),
        (0, s(5.0), S_NZERO, false, false, RDN, S_NZERO, 0),
        // Overflow and underflow of the fused result.
        (S_MAX, s(2.0), s(-1.0), false, false, RNE, S_INF, OF | NX),
        (S_MAX, s(2.0), s(-1.0), false, false, RTZ, S_MAX, OF | NX),
        (
            S_MIN_NORM,
            s(0.5),
            S_MIN_SUB,
            false,
            false,
            RNE,
            0x0040_0001,
            0,
        ),
        (S_MIN_SUB, s(0.5), 0, false, false, RNE, 0, UF | NX),
        // A product far below the addend only makes the result inexact.
        (
            S_MIN_SUB,
            S_MIN_SUB,
            s(1.0),
            false,
            false,
            RUP,
            0x3f80_0001,
            NX,
        ),
        (S_MIN_SUB, S_MIN_SUB, s(1.0), true, false, RNE, s(1.0), NX),
        (
            S_MIN_SUB,
            S_MIN_SUB,
            s(1.0),
            true,
            false,
            RTZ,
            0x3f7f_ffff,
            NX,
        ),
    ];
    for &(a, b, c, np, na, rm, want, wfl) in table {
        let got = run(|fl| soft::fma::<Single>(a, b, c, np, na, rm, fl));
        assert_eq!(
            got,
            (want, wfl),
            "fma.s {a:#x} {b:#x} {c:#x} {np} {na} {rm:?}"
        );
    }
    assert_eq!(
        run(|fl| soft::fma::<Double>(D_INF, 0, D_QNAN, false, false, RNE, fl)),
        (D_QNAN, NV)
    );
}

#[test]
fn min_max_and_compare() {
    type T = (u64, u64, u64, u64, u8); // a, b, min, max, flags
    let single: &[T] = &[
        (s(1.0), s(2.0), s(1.0), s(2.0), 0),
        (s(-1.0), s(-2.0), s(-2.0), s(-1.0), 0),
        (0, S_NZERO, S_NZERO, 0, 0),
        (S_NZERO, 0, S_NZERO, 0, 0),
        (S_NZERO, S_NZERO, S_NZERO, S_NZERO, 0),
        (S_QNAN_PAYLOAD, s(1.0), s(1.0), s(1.0), 0),
        (s(1.0), S_QNAN, s(1.0), s(1.0), 0),
        (S_SNAN, s(1.0), s(1.0), s(1.0), NV),
        (s(-3.0), S_SNAN, s(-3.0), s(-3.0), NV),
        (S_QNAN_PAYLOAD, S_QNAN_PAYLOAD, S_QNAN, S_QNAN, 0),
        (S_SNAN, S_QNAN, S_QNAN, S_QNAN, NV),
        (S_NINF, S_INF, S_NINF, S_INF, 0),
        (S_MIN_SUB, 0, 0, S_MIN_SUB, 0),
    ];
    for &(a, b, mn, mx, wfl) in single {
        assert_eq!(
            run(|fl| soft::min_max::<Single>(a, b, false, fl)),
            (mn, wfl)
        );
        assert_eq!(run(|fl| soft::min_max::<Single>(a, b, true, fl)), (mx, wfl));
    }
    assert_eq!(
        run(|fl| soft::min_max::<Double>(D_SNAN, D_SNAN, true, fl)),
        (D_QNAN, NV)
    );
    assert_eq!(
        run(|fl| soft::min_max::<Double>(D_NZERO, 0, true, fl)),
        (0, 0)
    );
    assert_eq!(
        run(|fl| soft::min_max::<Double>(D_NZERO, 0, false, fl)),
        (D_NZERO, 0)
    );

    // (a, b, eq, lt, le, flags of eq, flags of lt/le)
    type C = (u64, u64, u64, u64, u64, u8, u8);
    let cmp: &[C] = &[
        (s(1.0), s(2.0), 0, 1, 1, 0, 0),
        (s(2.0), s(2.0), 1, 0, 1, 0, 0),
        (s(3.0), s(2.0), 0, 0, 0, 0, 0),
        (S_NZERO, 0, 1, 0, 1, 0, 0),
        (S_NINF, S_INF, 0, 1, 1, 0, 0),
        (S_QNAN, s(1.0), 0, 0, 0, 0, NV),
        (s(1.0), S_QNAN_PAYLOAD, 0, 0, 0, 0, NV),
        (S_SNAN, s(1.0), 0, 0, 0, NV, NV),
        (S_QNAN, S_QNAN, 0, 0, 0, 0, NV),
    ];
    for &(a, b, eq, lt, le, feq, flt) in cmp {
        let t = |op| run(|fl| soft::compare::<Single>(a, b, op, fl));
        assert_eq!(t(Cmp::Eq), (eq, feq), "feq.s {a:#x} {b:#x}");
        assert_eq!(t(Cmp::Lt), (lt, flt), "flt.s {a:#x} {b:#x}");
        assert_eq!(t(Cmp::Le), (le, flt), "fle.s {a:#x} {b:#x}");
    }
    assert_eq!(
        run(|fl| soft::compare::<Double>(D_SNAN, D_SNAN, Cmp::Eq, fl)),
        (0, NV)
    );
    assert_eq!(
        run(|fl| soft::compare::<Double>(d(-1.0), D_MIN_SUB, Cmp::Lt, fl)),
        (1, 0)
    );
}

#[test]
fn classify_all_ten_classes() {
    let single = [
        (S_NINF, 0),
        (s(-1.0), 1),
        (0x8000_0001, 2),
        (S_NZERO, 3),
        (0, 4),
        (S_MIN_SUB, 5),
        (S_MIN_NORM, 6),
        (S_INF, 7),
        (S_SNAN, 8),
        (S_QNAN, 9),
        (S_QNAN_PAYLOAD, 9),
    ];
    for (a, bit) in single {
        assert_eq!(soft::class::<Single>(a), 1 << bit, "fclass.s {a:#x}");
    }
    let double = [
        (D_NINF, 0),
        (d(-1e300), 1),
        (D_NZERO | 5, 2),
        (D_NZERO, 3),
        (0, 4),
        (0x000f_ffff_ffff_ffff, 5),
        (D_MAX, 6),
        (D_INF, 7),
        (D_SNAN, 8),
        (D_QNAN, 9),
    ];
    for (a, bit) in double {
        assert_eq!(soft::class::<Double>(a), 1 << bit, "fclass.d {a:#x}");
    }
}

#[test]
fn sign_injection_is_bit_exact() {
    assert_eq!(soft::sign_inject::<Single>(S_SNAN, S_NZERO, 0), 0xff80_0001);
    assert_eq!(soft::sign_inject::<Single>(S_SNAN, S_NZERO, 1), S_SNAN);
    assert_eq!(soft::sign_inject::<Single>(s(-2.0), s(-1.0), 2), s(2.0));
    assert_eq!(soft::sign_inject::<Single>(s(-2.0), s(1.0), 2), s(-2.0));
    assert_eq!(
        soft::sign_inject::<Double>(D_SNAN, D_NZERO, 0),
        D_SNAN | D_NZERO
    );
    assert_eq!(soft::sign_inject::<Double>(d(3.0), d(3.0), 1), d(-3.0));
}

#[test]
fn float_to_int_saturates() {
    // (input, signed, bits, rm, result, flags)
    type T = (u64, bool, usize, Round, u64, u8);
    let single: &[T] = &[
        (s(2.5), true, 32, RNE, 2, NX),
        (s(2.5), true, 32, RMM, 3, NX),
        (s(-2.5), true, 32, RMM, -3i64 as u64, NX),
        (s(-2.5), true, 32, RDN, -3i64 as u64, NX),
        (s(-2.5), true, 32, RUP, -2i64 as u64, NX),
        (s(-2.5), true, 32, RTZ, -2i64 as u64, NX),
        (s(1e10), true, 32, RNE, 0x7fff_ffff, NV),
        (s(-1e10), true, 32, RNE, 0xffff_ffff_8000_0000, NV),
        (s(-2147483648.0), true, 32, RNE, 0xffff_ffff_8000_0000, 0),
        (s(2147483648.0), true, 32, RNE, 0x7fff_ffff, NV),
        (S_INF, true, 32, RNE, 0x7fff_ffff, NV),
        (S_NINF, true, 32, RNE, 0xffff_ffff_8000_0000, NV),
        (S_QNAN, true, 32, RNE, 0x7fff_ffff, NV),
        (0xffc0_0000, true, 32, RNE, 0x7fff_ffff, NV),
        (S_SNAN, true, 64, RNE, i64::MAX as u64, NV),
        (S_NINF, true, 64, RNE, i64::MIN as u64, NV),
        (s(-(2f32.powi(63))), true, 64, RNE, i64::MIN as u64, 0),
        (s(-9.3e18), true, 64, RNE, i64::MIN as u64, NV),
        (s(9.3e18), true, 64, RNE, i64::MAX as u64, NV),
        (S_NZERO, true, 32, RNE, 0, 0),
        (S_MIN_SUB, true, 32, RUP, 1, NX),
        (S_MIN_SUB, true, 32, RNE, 0, NX),
        // Unsigned: negative values round to 0 (inexact) or are invalid.
        (s(-0.5), false, 32, RTZ, 0, NX),
        (s(-0.5), false, 32, RNE, 0, NX),
        (s(-0.5), false, 32, RDN, 0, NV),
        (s(-0.5), false, 64, RMM, 0, NV),
        (s(-1.0), false, 32, RTZ, 0, NV),
        (S_NZERO, false, 64, RNE, 0, 0),
        (S_NINF, false, 64, RNE, 0, NV),
        (S_INF, false, 64, RNE, u64::MAX, NV),
        (S_QNAN, false, 64, RNE, u64::MAX, NV),
        (S_QNAN, false, 32, RNE, u64::MAX, NV), // 0xffffffff, sign-extended
        (s(4294967296.0), false, 32, RNE, u64::MAX, NV),
        (
            s(3e9),
            false,
            32,
            RNE,
            3_000_000_000u32 as i32 as i64 as u64,
            0,
        ),
        (s(1.8e19), false, 64, RNE, 1.8e19f32 as u64, 0),
        (s(1.9e19), false, 64, RNE, u64::MAX, NV),
    ];
    for &(a, signed, bits, rm, want, wfl) in single {
        let got = run(|fl| soft::to_int::<Single>(a, signed, bits, rm, fl));
        assert_eq!(got, (want, wfl), "fcvt s {a:#x} {signed} {bits} {rm:?}");
    }
    let double: &[T] = &[
        (d(4294967295.0), false, 32, RNE, u64::MAX, 0),
        (d(4294967295.5), false, 32, RTZ, u64::MAX, NX),
        (d(4294967295.5), false, 32, RNE, u64::MAX, NV),
        (d(2147483647.5), true, 32, RTZ, 0x7fff_ffff, NX),
        (d(2147483647.5), true, 32, RNE, 0x7fff_ffff, NV),
        (d(-2147483648.5), true, 32, RTZ, 0xffff_ffff_8000_0000, NX),
        (d(-2147483648.5), true, 32, RDN, 0xffff_ffff_8000_0000, NV),
        (d(2f64.powi(63)), true, 64, RNE, i64::MAX as u64, NV),
        (d(-(2f64.powi(63))), true, 64, RNE, i64::MIN as u64, 0),
        (
            d(18446744073709549568.0),
            false,
            64,
            RNE,
            0xffff_ffff_ffff_f800,
            0,
        ),
        (d(18446744073709551616.0), false, 64, RNE, u64::MAX, NV),
        (D_QNAN, false, 64, RNE, u64::MAX, NV),
        (D_SNAN, true, 32, RNE, 0x7fff_ffff, NV),
        (D_NINF, false, 32, RNE, 0, NV),
        (d(-1e300), true, 64, RNE, i64::MIN as u64, NV),
        (d(1e-300), true, 64, RUP, 1, NX),
        (d(-1e-300), true, 64, RDN, u64::MAX, NX),
        (d(-1e-300), false, 64, RUP, 0, NX),
        (d(0.5), true, 64, RNE, 0, NX),
        (d(1.5), true, 64, RNE, 2, NX),
        (d(0.5), true, 64, RMM, 1, NX),
    ];
    for &(a, signed, bits, rm, want, wfl) in double {
        let got = run(|fl| soft::to_int::<Double>(a, signed, bits, rm, fl));
        assert_eq!(got, (want, wfl), "fcvt d {a:#x} {signed} {bits} {rm:?}");
    }
}

#[test]
fn int_to_float_and_between_formats() {
    // (integer, signed, bits, rm, single, flags)
    type T = (u64, bool, usize, Round, u64, u8);
    let single: &[T] = &[
        (16_777_217, true, 32, RNE, s(16_777_216.0), NX),
        (16_777_217, true, 32, RUP, s(16_777_218.0), NX),
        (-16_777_217i64 as u64, true, 32, RUP, s(-16_777_216.0), NX),
        (-16_777_217i64 as u64, true, 32, RDN, s(-16_777_218.0), NX),
        (
            0xdead_beef_ffff_ffff,
            false,
            32,
            RNE,
            s(4_294_967_296.0),
            NX,
        ),
        (0xdead_beef_ffff_ffff, true, 32, RNE, s(-1.0), 0),
        (
            u64::MAX,
            false,
            64,
            RNE,
            s(18_446_744_073_709_551_616.0),
            NX,
        ),
        (u64::MAX, false, 64, RTZ, 0x5f7f_ffff, NX),
        (
            i64::MIN as u64,
            true,
            64,
            RNE,
            s(-9_223_372_036_854_775_808.0),
            0,
        ),
        (0, true, 64, RDN, 0, 0),
    ];
    for &(v, signed, bits, rm, want, wfl) in single {
        let got = run(|fl| soft::from_int::<Single>(v, signed, bits, rm, fl));
        assert_eq!(got, (want, wfl), "fcvt.s {v:#x} {signed} {bits} {rm:?}");
    }
    assert_eq!(
        run(|fl| soft::from_int::<Double>(0x1_0000_0005, true, 32, RNE, fl)),
        (d(5.0), 0)
    );
    assert_eq!(
        run(|fl| soft::from_int::<Double>(u64::MAX, false, 64, RMM, fl)),
        (d(18_446_744_073_709_551_616.0), NX)
    );
    assert_eq!(
        run(|fl| soft::from_int::<Double>(i64::MAX as u64, true, 64, RDN, fl)),
        (d(9_223_372_036_854_774_784.0), NX)
    );

    // fcvt.s.d: (double, rm, single, flags)
    let p2 = |e: i32| 2f64.powi(e);
    type N = (u64, Round, u64, u8);
    let narrow: &[N] = &[
        (d(1.5), RNE, s(1.5), 0),
        (d(1.0 / 3.0), RNE, 0x3eaa_aaab, NX),
        (d(1.0 / 3.0), RTZ, 0x3eaa_aaaa, NX),
        (d(1e300), RNE, S_INF, OF | NX),
        (d(1e300), RTZ, S_MAX, OF | NX),
        (d(-1e300), RUP, S_NMAX, OF | NX),
        (d(1e-300), RNE, 0, UF | NX),
        (d(1e-300), RUP, S_MIN_SUB, UF | NX),
        (d(p2(-149)), RNE, S_MIN_SUB, 0),
        (d(p2(-126) - p2(-150)), RNE, S_MIN_NORM, UF | NX),
        (d(p2(-126) - p2(-151)), RNE, S_MIN_NORM, NX),
        (d(p2(-126) - p2(-151)), RTZ, 0x007f_ffff, UF | NX),
        (D_SNAN, RNE, S_QNAN, NV),
        (0xfff8_0000_dead_beef, RNE, S_QNAN, 0),
        (D_NINF, RNE, S_NINF, 0),
        (D_NZERO, RNE, S_NZERO, 0),
    ];
    for &(a, rm, want, wfl) in narrow {
        let got = run(|fl| soft::d_to_s(a, rm, fl));
        assert_eq!(got, (want, wfl), "fcvt.s.d {a:#x} {rm:?}");
    }
    // fcvt.d.s is exact.
    assert_eq!(run(|fl| soft::s_to_d(S_SNAN, fl)), (D_QNAN, NV));
    assert_eq!(run(|fl| soft::s_to_d(S_QNAN_PAYLOAD, fl)), (D_QNAN, 0));
    assert_eq!(run(|fl| soft::s_to_d(S_MIN_SUB, fl)), (d(p2(-149)), 0));
    assert_eq!(run(|fl| soft::s_to_d(S_NZERO, fl)), (D_NZERO, 0));
    assert_eq!(run(|fl| soft::s_to_d(S_NINF, fl)), (D_NINF, 0));
}

/// A small xorshift generator for the differential test.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Random bits, biased towards interesting exponents and short significands.
    fn float(&mut self, bits: u32, frac: u32) -> u64 {
        let r = self.next();
        let exp_bits = bits - 1 - frac;
        let emax = (1u64 << exp_bits) - 1;
        let exp = match r % 8 {
            0 => 0,
            1 => emax,
            2 => 1 + r % 3,
            3 => emax - 1 - (r >> 8) % 3,
            4 => (emax >> 1) + (r >> 8) % 5 - 2,
            _ => (r >> 8) % (emax + 1),
        };
        let m = self.next() & ((1 << frac) - 1);
        let m = match (r >> 16) % 4 {
            0 => m & !((1 << (frac / 2)) - 1),
            1 => m | ((1 << (frac / 2)) - 1),
            _ => m,
        };
        let sign = (r >> 20) & 1;
        (sign << (bits - 1)) | (exp << frac) | m
    }
}

/// Results match bit for bit (all NaNs count as one).
fn same(got: u64, want: u64, is_nan: impl Fn(u64) -> bool) -> bool {
    got == want || (is_nan(got) && is_nan(want))
}

#[test]
fn matches_host_in_round_to_nearest_even() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let snan = |x: u64| f32::from_bits(x as u32).is_nan();
    let dnan = |x: u64| f64::from_bits(x).is_nan();
    for _ in 0..200_000 {
        let (a, b, c) = (rng.float(32, 23), rng.float(32, 23), rng.float(32, 23));
        let (x, y, z) = (
            f32::from_bits(a as u32),
            f32::from_bits(b as u32),
            f32::from_bits(c as u32),
        );
        let mut fl = 0;
        let cases = [
            ("add", soft::add::<Single>(a, b, RNE, &mut fl), x + y),
            ("sub", soft::sub::<Single>(a, b, RNE, &mut fl), x - y),
            ("mul", soft::mul::<Single>(a, b, RNE, &mut fl), x * y),
            ("div", soft::div::<Single>(a, b, RNE, &mut fl), x / y),
            ("sqrt", soft::sqrt::<Single>(a, RNE, &mut fl), x.sqrt()),
            (
                "fma",
                soft::fma::<Single>(a, b, c, false, false, RNE, &mut fl),
                x.mul_add(y, z),
            ),
        ];
        for (name, got, want) in cases {
            assert!(
                same(got, s(want), snan),
                "{name}.s {a:#x} {b:#x} {c:#x}: {got:#x} != {:#x}",
                s(want)
            );
        }
        let wide = rng.float(64, 52);
        let got = soft::d_to_s(wide, RNE, &mut fl);
        assert!(same(got, s(f64::from_bits(wide) as f32), snan), "{wide:#x}");
        let got = soft::to_int::<Single>(a, true, 64, RTZ, &mut fl);
        if !x.is_nan() {
            assert_eq!(got, x as i64 as u64, "fcvt.l.s {a:#x}");
        }
        let got = soft::to_int::<Single>(a, false, 64, RTZ, &mut fl);
        if !x.is_nan() {
            assert_eq!(got, x as u64, "fcvt.lu.s {a:#x}");
        }
        let v = rng.next();
        let got = soft::from_int::<Single>(v, true, 64, RNE, &mut fl);
        assert_eq!(got, s(v as i64 as f32), "fcvt.s.l {v:#x}");
        let got = soft::from_int::<Double>(v, false, 64, RNE, &mut fl);
        assert_eq!(got, d(v as f64), "fcvt.d.lu {v:#x}");
    }
    for _ in 0..200_000 {
        let (a, b, c) = (rng.float(64, 52), rng.float(64, 52), rng.float(64, 52));
        let (x, y, z) = (f64::from_bits(a), f64::from_bits(b), f64::from_bits(c));
        let mut fl = 0;
        let cases = [
            ("add", soft::add::<Double>(a, b, RNE, &mut fl), x + y),
            ("sub", soft::sub::<Double>(a, b, RNE, &mut fl), x - y),
            ("mul", soft::mul::<Double>(a, b, RNE, &mut fl), x * y),
            ("div", soft::div::<Double>(a, b, RNE, &mut fl), x / y),
            ("sqrt", soft::sqrt::<Double>(a, RNE, &mut fl), x.sqrt()),
            (
                "fma",
                soft::fma::<Double>(a, b, c, false, false, RNE, &mut fl),
                x.mul_add(y, z),
            ),
        ];
        for (name, got, want) in cases {
            assert!(
                same(got, d(want), dnan),
                "{name}.d {a:#x} {b:#x} {c:#x}: {got:#x} != {:#x}",
                d(want)
            );
        }
        let got = soft::to_int::<Double>(a, true, 64, RTZ, &mut fl);
        if !x.is_nan() {
            assert_eq!(got, x as i64 as u64, "fcvt.l.d {a:#x}");
        }
    }
}

mod exec;
