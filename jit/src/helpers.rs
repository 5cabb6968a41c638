//! Functions compiled code calls: memory accesses (through the hart's TLB and page
//! walker) and the M-extension operations whose RISC-V results differ from what the
//! host instructions do (division by zero, overflow, mixed-sign high multiply).

use emu_core::Bus;
use frontend_riscv::HartCore;

/// Result of a memory helper: the access happened.
pub const OK: u32 = 0;
/// Result of a memory helper: it raised an exception, now in `core.jit_trap`.
pub const TRAP: u32 = 1;
/// Result of a store helper: the store happened and must end the block.
pub const END: u32 = 2;

macro_rules! load_helper {
    ($name:ident, $size:literal) => {
        /// Loads
        #[doc = stringify!($size)]
        /// bytes at `va` into `*out` (zero-extended).
        ///
        /// # Safety
        /// `core`, `bus` and `out` must be valid and exclusive for the call.
        pub unsafe extern "C" fn $name(
            core: *mut HartCore,
            bus: *mut Bus,
            va: u64,
            out: *mut u64,
        ) -> u32 {
            // SAFETY: the caller (compiled code, given these pointers by the hart) passes
            // valid, exclusive pointers.
            let (core, bus) = unsafe { (&mut *core, &mut *bus) };
            match core.load::<$size>(bus, va) {
                Ok(v) => {
                    // SAFETY: as above; `out` points to the code's stack slot.
                    unsafe { out.write(v) };
                    OK
                }
                Err(e) => {
                    core.jit_trap = Some(e);
                    TRAP
                }
            }
        }
    };
}

macro_rules! store_helper {
    ($name:ident, $size:literal) => {
        /// Stores the low
        #[doc = stringify!($size)]
        /// bytes of `v` at `va`.
        ///
        /// # Safety
        /// `core` and `bus` must be valid and exclusive for the call.
        pub unsafe extern "C" fn $name(core: *mut HartCore, bus: *mut Bus, va: u64, v: u64) -> u32 {
            // SAFETY: the caller passes valid, exclusive pointers.
            let (core, bus) = unsafe { (&mut *core, &mut *bus) };
            match core.store::<$size>(bus, va, v) {
                Ok(()) if core.stop_block => END,
                Ok(()) => OK,
                Err(e) => {
                    core.jit_trap = Some(e);
                    TRAP
                }
            }
        }
    };
}

load_helper!(load1, 1);
load_helper!(load2, 2);
load_helper!(load4, 4);
load_helper!(load8, 8);
store_helper!(store1, 1);
store_helper!(store2, 2);
store_helper!(store4, 4);
store_helper!(store8, 8);

/// Runs the instruction with raw bits `raw` at `pc` (the `index`-th of its block) in
/// the interpreter, for instructions the translator leaves to it. Returns
/// `frontend_riscv::interp::ONE_*` with the next pc in `*next`.
///
/// # Safety
/// `core`, `bus` and `next` must be valid and exclusive for the call.
pub unsafe extern "C" fn interpret(
    core: *mut HartCore,
    bus: *mut Bus,
    raw: u64,
    pc: u64,
    index: u64,
    next: *mut u64,
) -> u32 {
    // SAFETY: the caller (compiled code, given these pointers by the hart) passes valid,
    // exclusive pointers; `next` is the code's stack slot.
    let (core, bus, next) = unsafe { (&mut *core, &mut *bus, &mut *next) };
    let inst = frontend_riscv::decode(raw as u32);
    frontend_riscv::interp::interpret_one(core, bus, &inst, pc, index, next)
}

/// `mulhsu`: high 64 bits of signed `a` times unsigned `b`.
pub extern "C" fn mulhsu(a: u64, b: u64) -> u64 {
    ((a as i64 as i128).wrapping_mul(b as i128) >> 64) as u64
}

/// `div` (M extension: /0 gives -1, overflow gives the dividend).
pub extern "C" fn div(a: u64, b: u64) -> u64 {
    let (a, b) = (a as i64, b as i64);
    if b == 0 {
        u64::MAX
    } else {
        a.wrapping_div(b) as u64
    }
}

/// `divu` (/0 gives all ones).
pub extern "C" fn divu(a: u64, b: u64) -> u64 {
    a.checked_div(b).unwrap_or(u64::MAX)
}

/// `rem` (/0 gives the dividend, overflow gives 0).
pub extern "C" fn rem(a: u64, b: u64) -> u64 {
    let (a, b) = (a as i64, b as i64);
    if b == 0 {
        a as u64
    } else {
        a.wrapping_rem(b) as u64
    }
}

/// `remu` (/0 gives the dividend).
pub extern "C" fn remu(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        a % b
    }
}

/// `divw`, sign-extended.
pub extern "C" fn divw(a: u64, b: u64) -> u64 {
    let (a, b) = (a as i32, b as i32);
    (if b == 0 { -1 } else { a.wrapping_div(b) }) as i64 as u64
}

/// `divuw`, sign-extended.
pub extern "C" fn divuw(a: u64, b: u64) -> u64 {
    let (a, b) = (a as u32, b as u32);
    a.checked_div(b).unwrap_or(u32::MAX) as i32 as i64 as u64
}

/// `remw`, sign-extended.
pub extern "C" fn remw(a: u64, b: u64) -> u64 {
    let (a, b) = (a as i32, b as i32);
    (if b == 0 { a } else { a.wrapping_rem(b) }) as i64 as u64
}

/// `remuw`, sign-extended.
pub extern "C" fn remuw(a: u64, b: u64) -> u64 {
    let (a, b) = (a as u32, b as u32);
    (if b == 0 { a } else { a % b }) as i32 as i64 as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_edge_cases_follow_the_m_extension() {
        // Unprivileged spec, table "Semantics for division by zero and division overflow".
        assert_eq!(div(7, 0), u64::MAX);
        assert_eq!(div(i64::MIN as u64, -1i64 as u64), i64::MIN as u64);
        assert_eq!(rem(i64::MIN as u64, -1i64 as u64), 0);
        assert_eq!(rem(7, 0), 7);
        assert_eq!(divu(7, 0), u64::MAX);
        assert_eq!(remu(7, 0), 7);
        assert_eq!(divw(0x1_0000_0007, 0), u64::MAX);
        assert_eq!(divw(i32::MIN as u64, -1i64 as u64), i32::MIN as i64 as u64);
        assert_eq!(remw(i32::MIN as u64, -1i64 as u64), 0);
        assert_eq!(divuw(0xffff_fff0, 0), u64::MAX);
        assert_eq!(remuw(0x8000_0001, 0), 0xffff_ffff_8000_0001);
        assert_eq!(mulhsu(-1i64 as u64, 2), u64::MAX);
    }
}
