//! Physical memory protection (priv spec 3.7): 16 entries, OFF/TOR/NA4/NAPOT address
//! matching, R/W/X permissions and the lock bit, with 4-byte granularity.

use crate::hart::HartCore;
use crate::mem::Access;
use crate::trap::Priv;

/// Number of implemented PMP entries.
pub const PMP_ENTRIES: usize = 16;

const R: u8 = 1 << 0;
const W: u8 = 1 << 1;
const X: u8 = 1 << 2;
const A_SHIFT: u8 = 3;
const L: u8 = 1 << 7;

const A_OFF: u8 = 0;
const A_TOR: u8 = 1;
const A_NA4: u8 = 2;
const A_NAPOT: u8 = 3;

/// PMP state: configuration bytes and address registers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Pmp {
    /// `pmpNcfg` bytes.
    pub cfg: [u8; PMP_ENTRIES],
    /// `pmpaddrN` (bits 55:2 of the address, 54 bits).
    pub addr: [u64; PMP_ENTRIES],
}

impl Pmp {
    /// Whether any entry is active (A != OFF).
    pub fn any_active(&self) -> bool {
        self.cfg.iter().any(|c| (c >> A_SHIFT) & 3 != A_OFF)
    }

    /// The byte range `[lo, hi)` entry `i` matches, or `None` if it is off.
    fn range(&self, i: usize) -> Option<(u64, u64)> {
        let a = self.addr[i];
        match (self.cfg[i] >> A_SHIFT) & 3 {
            A_TOR => {
                let lo = if i == 0 { 0 } else { self.addr[i - 1] << 2 };
                let hi = a << 2;
                Some((lo, hi.max(lo)))
            }
            A_NA4 => Some((a << 2, (a << 2) + 4)),
            A_NAPOT => {
                let t = a.trailing_ones().min(54);
                let size = 1u64 << (t + 3);
                let base = (a << 2) & !(size - 1);
                Some((base, base.saturating_add(size)))
            }
            _ => None,
        }
    }

    /// Whether `[pa, pa + size)` may be accessed (priv spec 3.7.1: the lowest-numbered
    /// entry matching any byte decides; it must match all bytes).
    pub fn allows(&self, pa: u64, size: u64, access: Access, p: Priv) -> bool {
        let end = pa.saturating_add(size);
        for i in 0..PMP_ENTRIES {
            let Some((lo, hi)) = self.range(i) else {
                continue;
            };
            if end <= lo || pa >= hi {
                continue;
            }
            if pa < lo || end > hi {
                return false; // matches only part of the access
            }
            let cfg = self.cfg[i];
            if p == Priv::Machine && cfg & L == 0 {
                return true;
            }
            return cfg
                & match access {
                    Access::Fetch => X,
                    Access::Load => R,
                    Access::Store => W,
                }
                != 0;
        }
        // No match: M-mode succeeds, S and U fail since entries are implemented.
        p == Priv::Machine
    }

    /// Whether every byte of the 4 KiB page holding `pa` gets the same answer, so a TLB
    /// entry may cache it.
    pub fn page_uniform(&self, pa: u64) -> bool {
        let page = pa & !0xfff;
        let end = page + 0x1000;
        for i in 0..PMP_ENTRIES {
            let Some((lo, hi)) = self.range(i) else {
                continue;
            };
            if end <= lo || page >= hi {
                continue;
            }
            return lo <= page && end <= hi;
        }
        true
    }

    /// Reads `pmpcfgN` (N even, 0..=14) on RV64.
    pub fn read_cfg(&self, n: usize) -> u64 {
        (0..8)
            .map(|k| {
                let e = n * 4 + k;
                if e < PMP_ENTRIES {
                    (self.cfg[e] as u64) << (8 * k)
                } else {
                    0
                }
            })
            .fold(0, |a, b| a | b)
    }

    /// Writes `pmpcfgN` (N even) honouring the lock bits and the reserved R=0/W=1 pair.
    pub fn write_cfg(&mut self, n: usize, v: u64) {
        for k in 0..8 {
            let e = n * 4 + k;
            if e >= PMP_ENTRIES || self.cfg[e] & L != 0 {
                continue;
            }
            let b = (v >> (8 * k)) as u8 & (R | W | X | (3 << A_SHIFT) | L);
            if b & (R | W) == W {
                continue; // reserved combination: keep the old value (WARL)
            }
            self.cfg[e] = b;
        }
    }

    /// Reads `pmpaddrN`.
    pub fn read_addr(&self, n: usize) -> u64 {
        self.addr.get(n).copied().unwrap_or(0)
    }

    /// Writes `pmpaddrN` unless it is locked (also by a locked TOR entry above it).
    pub fn write_addr(&mut self, n: usize, v: u64) {
        if n >= PMP_ENTRIES || self.cfg[n] & L != 0 {
            return;
        }
        if n + 1 < PMP_ENTRIES
            && self.cfg[n + 1] & L != 0
            && (self.cfg[n + 1] >> A_SHIFT) & 3 == A_TOR
        {
            return;
        }
        self.addr[n] = v & ((1 << 54) - 1);
    }
}

impl HartCore {
    /// PMP check of `[pa, pa + size)` for an access at privilege `p`.
    #[inline]
    pub fn pmp_allows(&self, pa: u64, size: u64, access: Access, p: Priv) -> bool {
        self.pmp.allows(pa, size, access, p)
    }

    /// Whether the page holding `pa` has one PMP answer for all its bytes.
    #[inline]
    pub(crate) fn pmp_page_uniform(&self, pa: u64, _access: Access, _p: Priv) -> bool {
        self.pmp.page_uniform(pa)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn napot(base: u64, size: u64) -> u64 {
        (base >> 2) | ((size >> 3) - 1)
    }

    #[test]
    fn napot_tor_na4_and_priority() {
        let mut p = Pmp::default();
        // Entry 0: NA4 at 0x1000, read-only. Entry 1: TOR [0x1000, 0x3000) RW.
        // Entry 2: NAPOT everything, RWX.
        p.write_addr(0, 0x1000 >> 2);
        p.write_addr(1, 0x3000 >> 2);
        p.write_addr(2, u64::MAX);
        p.write_cfg(
            0,
            (R | (A_NA4 << A_SHIFT)) as u64
                | (((R | W) | (A_TOR << A_SHIFT)) as u64) << 8
                | (((R | W | X) | (A_NAPOT << A_SHIFT)) as u64) << 16,
        );
        let s = Priv::Supervisor;
        assert!(p.allows(0x1000, 4, Access::Load, s));
        assert!(!p.allows(0x1000, 4, Access::Store, s)); // entry 0 wins
        assert!(!p.allows(0x1002, 4, Access::Load, s)); // straddles entry 0
        assert!(p.allows(0x2000, 8, Access::Store, s));
        assert!(!p.allows(0x2000, 4, Access::Fetch, s));
        assert!(p.allows(0x8000_0000, 4, Access::Fetch, s));
        assert!(p.page_uniform(0x2000));
        assert!(!p.page_uniform(0x1000));
        // M-mode ignores unlocked entries.
        assert!(p.allows(0x1000, 4, Access::Store, Priv::Machine));
    }

    #[test]
    fn no_match_fails_below_m_and_lock_applies_to_m() {
        let mut p = Pmp::default();
        assert!(!p.allows(0x8000_0000, 4, Access::Load, Priv::User));
        assert!(p.allows(0x8000_0000, 4, Access::Load, Priv::Machine));
        p.write_addr(0, napot(0x8000_0000, 0x1000));
        p.write_cfg(0, (R | L | (A_NAPOT << A_SHIFT)) as u64);
        assert!(!p.allows(0x8000_0000, 4, Access::Store, Priv::Machine));
        // Locked: further writes are ignored.
        p.write_cfg(0, 0);
        p.write_addr(0, 0);
        assert_eq!(p.read_cfg(0) & 0xff, (R | L | (A_NAPOT << A_SHIFT)) as u64);
        assert_eq!(p.read_addr(0), napot(0x8000_0000, 0x1000));
        // Reserved R=0, W=1 is not stored.
        p.write_cfg(0, ((W | (A_NA4 << A_SHIFT)) as u64) << 8);
        assert_eq!(p.read_cfg(0) >> 8 & 0xff, 0);
    }
}
