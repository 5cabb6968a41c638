//! Virtual-memory translation: Sv39, Sv48 and Sv57 page walks (priv spec 4.3-4.6), with
//! superpages, permission checks (U, SUM, MXR), A/D bits updated in hardware when
//! `menvcfg.ADUE` is set (Svadu) or page faults otherwise (Svade), and PMP checks on
//! every page-table access.

use crate::csr::mstatus;
use crate::hart::HartCore;
use crate::mem::Access;
use crate::trap::{Exception, Priv};

/// `satp.MODE` values.
pub mod satp_mode {
    /// No translation.
    pub const BARE: u64 = 0;
    /// Sv39: 3 levels, 39-bit virtual addresses.
    pub const SV39: u64 = 8;
    /// Sv48: 4 levels, 48-bit virtual addresses.
    pub const SV48: u64 = 9;
    /// Sv57: 5 levels, 57-bit virtual addresses.
    pub const SV57: u64 = 10;
}

/// PTE bits.
#[allow(missing_docs)]
pub mod pte {
    pub const V: u64 = 1 << 0;
    pub const R: u64 = 1 << 1;
    pub const W: u64 = 1 << 2;
    pub const X: u64 = 1 << 3;
    pub const U: u64 = 1 << 4;
    pub const G: u64 = 1 << 5;
    pub const A: u64 = 1 << 6;
    pub const D: u64 = 1 << 7;
    /// Bits 63:54: N (Svnapot), PBMT (Svpbmt) and reserved bits; none implemented, so
    /// a PTE with any of them set is invalid (priv spec 4.4.1).
    pub const HIGH_RESERVED: u64 = 0x3ff << 54;
    pub const PPN_SHIFT: u32 = 10;
    pub const PPN_MASK: u64 = (1 << 44) - 1;
}

/// `menvcfg.ADUE`: hardware A/D updating enabled (Svadu).
pub const MENVCFG_ADUE: u64 = 1 << 61;

/// Result of a successful translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Translation {
    /// Physical address.
    pub pa: u64,
    /// Whether a TLB entry may be filled for this 4 KiB page (false when PMP does not
    /// grant the same permission to the whole page).
    pub cacheable: bool,
}

impl Access {
    fn page_fault(self, va: u64) -> Exception {
        match self {
            Access::Fetch => Exception::InstPageFault(va),
            Access::Load => Exception::LoadPageFault(va),
            Access::Store => Exception::StorePageFault(va),
        }
    }

    pub(crate) fn access_fault_at(self, va: u64) -> Exception {
        match self {
            Access::Fetch => Exception::InstAccessFault(va),
            Access::Load => Exception::LoadAccessFault(va),
            Access::Store => Exception::StoreAccessFault(va),
        }
    }
}

impl HartCore {
    /// The privilege an access of kind `access` is made with (MPRV applies to loads and
    /// stores only, priv spec 3.1.6.3).
    pub fn effective_priv(&self, access: Access) -> Priv {
        if access != Access::Fetch
            && self.priv_level == Priv::Machine
            && self.mstatus & mstatus::MPRV != 0
        {
            Priv::from_bits((self.mstatus & mstatus::MPP) >> mstatus::MPP_SHIFT)
                .unwrap_or(Priv::User)
        } else {
            self.priv_level
        }
    }

    /// Translates `va` for an access of `size` bytes (within one page) at the effective
    /// privilege, checking PMP on the page-table accesses and on the final physical range.
    pub fn translate(
        &mut self,
        va: u64,
        size: u64,
        access: Access,
    ) -> Result<Translation, Exception> {
        self.walk(va, size, access, false)
    }

    /// Physical address of `va` for a debugger's load: the same checks as a load, but
    /// A/D bits are neither required nor updated.
    pub fn translate_quiet(&mut self, va: u64, size: u64) -> Result<u64, Exception> {
        self.walk(va, size, Access::Load, true).map(|t| t.pa)
    }

    fn walk(
        &mut self,
        va: u64,
        size: u64,
        access: Access,
        quiet: bool,
    ) -> Result<Translation, Exception> {
        let p = self.effective_priv(access);
        let mode = self.satp >> 60;
        if p == Priv::Machine || mode == satp_mode::BARE {
            return self.pmp_translation(va, va, size, access, p);
        }
        let levels = match mode {
            satp_mode::SV39 => 3,
            satp_mode::SV48 => 4,
            _ => 5,
        };
        let va_bits = 12 + 9 * levels;
        // The address must be the sign extension of its low va_bits bits (priv spec 4.3.2).
        let shift = 64 - va_bits;
        if ((va << shift) as i64 >> shift) as u64 != va {
            return Err(access.page_fault(va));
        }
        let sum = self.mstatus & mstatus::SUM != 0;
        let mxr = self.mstatus & mstatus::MXR != 0;
        let mut table = (self.satp & pte::PPN_MASK) << 12;
        let mut level = levels - 1;
        loop {
            let vpn = (va >> (12 + 9 * level)) & 0x1ff;
            let pte_addr = table + vpn * 8;
            // Page-table reads are implicit S-mode accesses for PMP (priv spec 3.7.1).
            if !self.pmp_allows(pte_addr, 8, Access::Load, Priv::Supervisor) {
                return Err(access.access_fault_at(va));
            }
            let Some(pte) = self.ram.read(pte_addr, 8) else {
                return Err(access.access_fault_at(va));
            };
            let r = pte & pte::R != 0;
            let w = pte & pte::W != 0;
            let x = pte & pte::X != 0;
            if pte & pte::V == 0 || (!r && w) || pte & pte::HIGH_RESERVED != 0 {
                return Err(access.page_fault(va));
            }
            if !r && !x {
                // Pointer to the next level.
                if level == 0 {
                    return Err(access.page_fault(va));
                }
                level -= 1;
                table = ((pte >> pte::PPN_SHIFT) & pte::PPN_MASK) << 12;
                continue;
            }
            // A leaf: permissions (priv spec 4.3.2 step 5).
            let user_page = pte & pte::U != 0;
            let allowed = match p {
                Priv::User => user_page,
                _ => !user_page || (sum && access != Access::Fetch),
            } && match access {
                Access::Fetch => x,
                Access::Load => r || (mxr && x),
                Access::Store => w,
            };
            if !allowed {
                return Err(access.page_fault(va));
            }
            let ppn = (pte >> pte::PPN_SHIFT) & pte::PPN_MASK;
            // A superpage's low PPN bits must be zero (misaligned superpage, step 6).
            let low_ppn_mask = (1u64 << (9 * level)) - 1;
            if ppn & low_ppn_mask != 0 {
                return Err(access.page_fault(va));
            }
            let need_d = access == Access::Store && pte & pte::D == 0;
            if !quiet && (pte & pte::A == 0 || need_d) {
                if self.menvcfg & MENVCFG_ADUE == 0 {
                    // Svade: software manages A and D.
                    return Err(access.page_fault(va));
                }
                // Svadu: set A (and D on a store) atomically with the walk.
                if !self.pmp_allows(pte_addr, 8, Access::Store, Priv::Supervisor) {
                    return Err(access.access_fault_at(va));
                }
                let new = pte | pte::A | if need_d { pte::D } else { 0 };
                self.ram.write(pte_addr, 8, new);
            }
            let offset_mask = (1u64 << (12 + 9 * level)) - 1;
            let pa = ((ppn << 12) & !offset_mask) | (va & offset_mask);
            return self.pmp_translation(va, pa, size, access, p);
        }
    }

    fn pmp_translation(
        &self,
        va: u64,
        pa: u64,
        size: u64,
        access: Access,
        p: Priv,
    ) -> Result<Translation, Exception> {
        if !self.pmp_allows(pa, size, access, p) {
            return Err(access.access_fault_at(va));
        }
        Ok(Translation {
            pa,
            cacheable: self.pmp_page_uniform(pa, access, p),
        })
    }
}
