//! IEEE 754 operations on raw bit patterns with RISC-V's conventions, built on
//! `rustc_apfloat`.
//!
//! Every operation takes its operands as bits (a single in the low 32 bits, already
//! unboxed), a rounding mode where it rounds, and a flags accumulator in `fflags`
//! layout; it returns the result bits (a single in the low 32 bits, not boxed).
//!
//! What `rustc_apfloat` does not do the RISC-V way is patched here:
//! - NaN results are the canonical NaN, not a propagated payload (unpriv spec 21.3).
//! - Overflow: a result that overflows and rounds to the largest finite number raises
//!   overflow (IEEE 754-2019 7.4); `rustc_apfloat` raises only inexact.
//! - Underflow: RISC-V detects tininess *after* rounding, i.e. with an unbounded
//!   exponent range (unpriv spec 21.2, as IEEE 754-2019 7.5 allows). `rustc_apfloat`
//!   instead asks whether the result rounded to the subnormal grid is subnormal, which
//!   misses the results that round up to the smallest normal from just below a value
//!   that would be tiny. Those are recomputed in a format of the same precision and a
//!   huge exponent range ([`Fmt::Wide`]) to decide, as are the overflow cases.
//! - Square root is not provided, so [`sqrt`] computes it with integer arithmetic.
//! - Conversions to integers saturate as the spec's table says (unpriv spec 21.7).

use core::cmp::Ordering;

use rustc_apfloat::ieee::{Double, IeeeFloat, Semantics, Single};
use rustc_apfloat::{Category, Float, FloatConvert, Round, Status, StatusAnd};

/// `fflags` bit: invalid operation.
pub const NV: u8 = 0x10;
/// `fflags` bit: divide by zero.
pub const DZ: u8 = 0x08;
/// `fflags` bit: overflow.
pub const OF: u8 = 0x04;
/// `fflags` bit: underflow.
pub const UF: u8 = 0x02;
/// `fflags` bit: inexact.
pub const NX: u8 = 0x01;

/// Binary32's precision with a 20-bit exponent: only for the tininess test.
pub struct WideSingleS;
impl Semantics for WideSingleS {
    const BITS: usize = 24 + 20;
    const EXP_BITS: usize = 20;
}

/// Binary64's precision with a 20-bit exponent: only for the tininess test.
pub struct WideDoubleS;
impl Semantics for WideDoubleS {
    const BITS: usize = 53 + 20;
    const EXP_BITS: usize = 20;
}

/// A RISC-V floating-point format: [`Single`] (F) or [`Double`] (D).
pub trait Fmt: Float + FloatConvert<Self::Wide> {
    /// The same precision with an exponent range no operation here can leave.
    type Wide: Float;
    /// The canonical NaN's bits (unpriv spec 21.3).
    const CANON_NAN: u64;
    /// The sign bit.
    const SIGN: u64 = 1 << (Self::BITS - 1);
}

impl Fmt for Single {
    type Wide = IeeeFloat<WideSingleS>;
    const CANON_NAN: u64 = 0x7fc0_0000;
}

impl Fmt for Double {
    type Wide = IeeeFloat<WideDoubleS>;
    const CANON_NAN: u64 = 0x7ff8_0000_0000_0000;
}

/// The value of bits `b` in format `F`.
#[inline]
pub fn val<F: Fmt>(b: u64) -> F {
    F::from_bits(b as u128)
}

/// `rustc_apfloat` status as `fflags` bits.
#[inline]
fn flags(s: Status) -> u8 {
    let mut f = 0;
    if s.contains(Status::INVALID_OP) {
        f |= NV;
    }
    if s.contains(Status::DIV_BY_ZERO) {
        f |= DZ;
    }
    if s.contains(Status::OVERFLOW) {
        f |= OF;
    }
    if s.contains(Status::UNDERFLOW) {
        f |= UF;
    }
    if s.contains(Status::INEXACT) {
        f |= NX;
    }
    f
}

/// Accumulates the status of `r` into `fl` and returns its bits, NaNs made canonical.
#[inline]
fn finish<F: Fmt>(r: StatusAnd<F>, fl: &mut u8) -> u64 {
    *fl |= flags(r.status);
    if r.value.is_nan() {
        F::CANON_NAN
    } else {
        r.value.to_bits() as u64
    }
}

/// `x` in the wide format (exact).
#[inline]
fn wide<F: Fmt>(x: F) -> F::Wide {
    x.convert(&mut false).value
}

/// Adds the overflow and underflow flags `rustc_apfloat` misses: it raises no overflow
/// when the overflowed result rounds to the largest finite number, and it detects
/// tininess before rounding (see the module comment). Both matter only when the result
/// is inexact and the largest or smallest normal magnitude; then `wide_op` (the same
/// operation without an exponent limit) decides.
fn fix_range<F: Fmt>(mut r: StatusAnd<F>, wide_op: impl FnOnce() -> F::Wide) -> StatusAnd<F> {
    if !r.status.contains(Status::INEXACT) {
        return r;
    }
    let mag = r.value.abs();
    let (edge, status, beyond) = if mag.bitwise_eq(F::largest()) {
        (F::largest(), Status::OVERFLOW, Ordering::Greater)
    } else if mag.bitwise_eq(F::smallest_normalized()) {
        (F::smallest_normalized(), Status::UNDERFLOW, Ordering::Less)
    } else {
        return r;
    };
    if !r.status.contains(status) && wide_op().abs().partial_cmp(&wide(edge)) == Some(beyond) {
        r.status |= status;
    }
    r
}

/// `a + b`.
pub fn add<F: Fmt>(a: u64, b: u64, rm: Round, fl: &mut u8) -> u64 {
    let (x, y) = (val::<F>(a), val::<F>(b));
    let r = fix_range(x.add_r(y, rm), || wide(x).add_r(wide(y), rm).value);
    finish(r, fl)
}

/// `a - b`.
pub fn sub<F: Fmt>(a: u64, b: u64, rm: Round, fl: &mut u8) -> u64 {
    let (x, y) = (val::<F>(a), val::<F>(b));
    let r = fix_range(x.sub_r(y, rm), || wide(x).sub_r(wide(y), rm).value);
    finish(r, fl)
}

/// `a * b`.
pub fn mul<F: Fmt>(a: u64, b: u64, rm: Round, fl: &mut u8) -> u64 {
    let (x, y) = (val::<F>(a), val::<F>(b));
    let r = fix_range(x.mul_r(y, rm), || wide(x).mul_r(wide(y), rm).value);
    finish(r, fl)
}

/// `a / b`.
pub fn div<F: Fmt>(a: u64, b: u64, rm: Round, fl: &mut u8) -> u64 {
    let (x, y) = (val::<F>(a), val::<F>(b));
    let r = fix_range(x.div_r(y, rm), || wide(x).div_r(wide(y), rm).value);
    finish(r, fl)
}

/// Fused `±(a * b) ± c` with a single rounding: `neg_product` negates `a * b`,
/// `neg_addend` negates `c` (fmadd: neither, fmsub: addend, fnmsub: product, fnmadd:
/// both). `inf * 0 + qNaN` is invalid (unpriv spec 21.6), which `rustc_apfloat` does.
pub fn fma<F: Fmt>(
    a: u64,
    b: u64,
    c: u64,
    neg_product: bool,
    neg_addend: bool,
    rm: Round,
    fl: &mut u8,
) -> u64 {
    let mut x = val::<F>(a);
    let y = val::<F>(b);
    let mut z = val::<F>(c);
    if neg_product {
        x = -x;
    }
    if neg_addend {
        z = -z;
    }
    let r = fix_range(x.mul_add_r(y, z, rm), || {
        wide(x).mul_add_r(wide(y), wide(z), rm).value
    });
    finish(r, fl)
}

/// Square root, correctly rounded.
pub fn sqrt<F: Fmt>(a: u64, rm: Round, fl: &mut u8) -> u64 {
    let x = val::<F>(a);
    if x.is_nan() {
        if x.is_signaling() {
            *fl |= NV;
        }
        return F::CANON_NAN;
    }
    if x.is_zero() || x.is_pos_infinity() {
        return a; // sqrt(±0) = ±0, sqrt(+inf) = +inf
    }
    if x.is_negative() {
        *fl |= NV;
        return F::CANON_NAN;
    }
    // x = m * 2^e with m an integer whose top bit is at position `frac`.
    let frac = F::PRECISION as u32 - 1;
    let exp_mask = (1u64 << (F::BITS as u32 - 1 - frac)) - 1;
    let bias = (exp_mask >> 1) as i32;
    let mut m = a & ((1u64 << frac) - 1);
    let field = ((a >> frac) & exp_mask) as i32;
    let mut e = if field == 0 {
        let shift = m.leading_zeros() - (63 - frac);
        m <<= shift;
        1 - bias - frac as i32 - shift as i32
    } else {
        m |= 1 << frac;
        field - bias - frac as i32
    };
    if e & 1 != 0 {
        m <<= 1;
        e -= 1;
    }
    // sqrt(m * 2^72) has at least 62 bits: two more than any precision here needs, plus
    // a sticky bit below them, so rounding `n` once rounds the exact root correctly.
    let big = (m as u128) << 72;
    let r = big.isqrt();
    let n = (r << 1) | (r * r != big) as u128;
    let s = F::from_u128_r(n, rm);
    // sqrt(x) = n * 2^(e/2 - 36 - 1); the root of a finite positive value is normal, so
    // scaling is exact.
    let v = s.value.scalbn(e / 2 - 37);
    *fl |= flags(s.status);
    v.to_bits() as u64
}

/// `fmin` (`max` false) or `fmax` (`max` true): IEEE 754-2019 minimumNumber /
/// maximumNumber, -0 below +0 (unpriv spec 21.6, since version 2.2).
pub fn min_max<F: Fmt>(a: u64, b: u64, max: bool, fl: &mut u8) -> u64 {
    let (x, y) = (val::<F>(a), val::<F>(b));
    if x.is_signaling() || y.is_signaling() {
        *fl |= NV;
    }
    match (x.is_nan(), y.is_nan()) {
        (true, true) => F::CANON_NAN,
        (true, false) => b,
        (false, true) => a,
        _ if x.is_zero() && y.is_zero() => {
            let neg = if max {
                x.is_negative() && y.is_negative()
            } else {
                x.is_negative() || y.is_negative()
            };
            if neg {
                F::SIGN
            } else {
                0
            }
        }
        _ => {
            if (x < y) != max {
                a
            } else {
                b
            }
        }
    }
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `feq`: quiet (invalid only on a signalling NaN).
    Eq,
    /// `flt`: signalling (invalid on any NaN).
    Lt,
    /// `fle`: signalling.
    Le,
}

/// `feq`/`flt`/`fle`: 1 or 0 (0 when unordered).
pub fn compare<F: Fmt>(a: u64, b: u64, op: Cmp, fl: &mut u8) -> u64 {
    let (x, y) = (val::<F>(a), val::<F>(b));
    let Some(o) = x.partial_cmp(&y) else {
        if op != Cmp::Eq || x.is_signaling() || y.is_signaling() {
            *fl |= NV;
        }
        return 0;
    };
    let r = match op {
        Cmp::Eq => o == Ordering::Equal,
        Cmp::Lt => o == Ordering::Less,
        Cmp::Le => o != Ordering::Greater,
    };
    r as u64
}

/// `fclass`: a mask with one of bits 0..=9 set (unpriv spec 21.9, table "Format of
/// result of FCLASS instruction").
pub fn class<F: Fmt>(a: u64) -> u64 {
    let x = val::<F>(a);
    let neg = x.is_negative();
    let bit = match x.category() {
        Category::Infinity => [7, 0][neg as usize],
        Category::Zero => [4, 3][neg as usize],
        Category::Normal if x.is_denormal() => [5, 2][neg as usize],
        Category::Normal => [6, 1][neg as usize],
        Category::NaN if x.is_signaling() => 8,
        Category::NaN => 9,
    };
    1 << bit
}

/// `fsgnj` (`kind` 0), `fsgnjn` (1), `fsgnjx` (2): `a` with a sign from `b`. Bit-exact,
/// no flags.
pub fn sign_inject<F: Fmt>(a: u64, b: u64, kind: u8) -> u64 {
    let sign = match kind {
        0 => b,
        1 => !b,
        _ => a ^ b,
    } & F::SIGN;
    (a & !F::SIGN) | sign
}

/// Float to integer (`fcvt.{w,wu,l,lu}.{s,d}`): `bits` 32 or 64, `signed` for W/L.
/// Out-of-range and NaN inputs saturate and raise only NV (unpriv spec 21.7, table
/// "Domains of float-to-integer conversions"). 32-bit results are sign-extended,
/// including the unsigned ones.
pub fn to_int<F: Fmt>(a: u64, signed: bool, bits: usize, rm: Round, fl: &mut u8) -> u64 {
    let x = val::<F>(a);
    let max: i128 = if signed {
        (1 << (bits - 1)) - 1
    } else {
        (1 << bits) - 1
    };
    let min: i128 = if signed { -(1 << (bits - 1)) } else { 0 };
    let mut exact = false;
    let r = if x.is_nan() {
        *fl |= NV;
        max
    } else {
        let s = if signed {
            x.to_i128_r(bits, rm, &mut exact)
        } else if x.is_negative() {
            // Rounds to 0 (inexact unless -0) or is out of range.
            let i = x.round_to_integral(rm);
            let status = if i.value.is_zero() {
                i.status
            } else {
                Status::INVALID_OP
            };
            status.and(0)
        } else {
            x.to_u128_r(bits, rm, &mut exact).map(|v| v as i128)
        };
        if s.status.contains(Status::INVALID_OP) {
            *fl |= NV;
            if x.is_negative() {
                min
            } else {
                max
            }
        } else {
            *fl |= flags(s.status);
            s.value
        }
    };
    if bits == 32 {
        r as u32 as i32 as i64 as u64
    } else {
        r as u64
    }
}

/// Integer to float (`fcvt.{s,d}.{w,wu,l,lu}`): the low `bits` (32 or 64) of `v`,
/// signed or not.
pub fn from_int<F: Fmt>(v: u64, signed: bool, bits: usize, rm: Round, fl: &mut u8) -> u64 {
    let r = match (signed, bits) {
        (true, 32) => F::from_i128_r(v as i32 as i128, rm),
        (true, _) => F::from_i128_r(v as i64 as i128, rm),
        (false, 32) => F::from_u128_r(v as u32 as u128, rm),
        (false, _) => F::from_u128_r(v as u128, rm),
    };
    finish(r, fl)
}

/// `fcvt.s.d`: rounds a double to a single.
pub fn d_to_s(a: u64, rm: Round, fl: &mut u8) -> u64 {
    let x = val::<Double>(a);
    let r: StatusAnd<Single> = x.convert_r(rm, &mut false);
    let r = fix_range(r, || {
        let w: StatusAnd<<Single as Fmt>::Wide> = x.convert_r(rm, &mut false);
        w.value
    });
    finish(r, fl)
}

/// `fcvt.d.s`: widens a single (exact; a signalling NaN is invalid).
pub fn s_to_d(a: u64, fl: &mut u8) -> u64 {
    let x = val::<Single>(a);
    let r: StatusAnd<Double> = x.convert_r(Round::NearestTiesToEven, &mut false);
    finish(r, fl)
}
