//! Loads, stores, AMOs and instruction fetch: the TLB fast path and the slow path that
//! translates, checks and fills the TLB.

use emu_core::{Bus, PageWatch, PAGE_SIZE};

use crate::hart::HartCore;
use crate::mmu::Translation;
use crate::tlb::{Tlb, TlbEntry};
use crate::trap::Exception;
use crate::trigger::{DataAccess, ARMED_DATA};

/// The kind of a memory access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Instruction fetch.
    Fetch,
    /// Data load (also LR).
    Load,
    /// Data store (also SC and AMOs).
    Store,
}

const PAGE_MASK: u64 = PAGE_SIZE - 1;

/// What a TLB tag must equal for an access of `size` bytes at `va` to take the fast
/// path: the page address, with the low bits of a misaligned access left in, so that a
/// misaligned access (which may cross the page) never matches and takes the slow path.
#[inline(always)]
pub fn tlb_key(va: u64, size: u64) -> u64 {
    va & (!PAGE_MASK | (size - 1))
}

impl HartCore {
    /// Loads `SIZE` (1, 2, 4, 8) bytes at `va`, zero-extended. Misaligned loads work.
    #[inline(always)]
    pub fn load<const SIZE: u64>(&mut self, bus: &mut Bus, va: u64) -> Result<u64, Exception> {
        let e = &self.tlb[self.data_tlb].entries[Tlb::slot(va >> 12)];
        if e.tag_r == tlb_key(va, SIZE) {
            let p = e.addend.wrapping_add(va) as *const u8;
            // SAFETY: a TLB entry with a valid read tag maps its whole page into guest RAM
            // (filled by `fill` from `GuestRam::host_ptr`), and the check above keeps the
            // access inside that page. RAM outlives the hart (held by `self.ram`).
            unsafe {
                return Ok(match SIZE {
                    1 => p.read() as u64,
                    2 => u16::from_le((p as *const u16).read_unaligned()) as u64,
                    4 => u32::from_le((p as *const u32).read_unaligned()) as u64,
                    _ => u64::from_le((p as *const u64).read_unaligned()),
                });
            }
        }
        self.load_slow(bus, va, SIZE as u8)
    }

    /// Stores the low `SIZE` bytes of `v` at `va`. Misaligned stores work.
    #[inline(always)]
    pub fn store<const SIZE: u64>(
        &mut self,
        bus: &mut Bus,
        va: u64,
        v: u64,
    ) -> Result<(), Exception> {
        let e = &self.tlb[self.data_tlb].entries[Tlb::slot(va >> 12)];
        if e.tag_w == tlb_key(va, SIZE) {
            let p = e.addend.wrapping_add(va) as *mut u8;
            // SAFETY: as in `load`; a valid write tag additionally means the page is not
            // watched (no cached code, no host interest, no LR reservation).
            unsafe {
                match SIZE {
                    1 => p.write(v as u8),
                    2 => (p as *mut u16).write_unaligned((v as u16).to_le()),
                    4 => (p as *mut u32).write_unaligned((v as u32).to_le()),
                    _ => (p as *mut u64).write_unaligned(v.to_le()),
                }
            }
            return Ok(());
        }
        self.store_slow(bus, va, SIZE as u8, v)
    }

    #[cold]
    #[inline(never)]
    fn load_slow(&mut self, bus: &mut Bus, va: u64, size: u8) -> Result<u64, Exception> {
        self.check_data_trigger(va, size, true, false)?;
        self.load_untriggered(bus, va, size)
    }

    /// A load that the triggers have already seen.
    fn load_untriggered(&mut self, bus: &mut Bus, va: u64, size: u8) -> Result<u64, Exception> {
        if (va & PAGE_MASK) + size as u64 > PAGE_SIZE {
            // Crosses a page: each byte is translated on its own page; the fault names
            // the first byte that faults.
            let mut v = 0;
            for i in 0..size as u64 {
                v |= self.load_untriggered(bus, va.wrapping_add(i), 1)? << (8 * i);
            }
            return Ok(v);
        }
        let t = self.translate(va, size as u64, Access::Load)?;
        let pa = t.pa;
        if let Some(v) = self.ram.read(pa, size) {
            if t.cacheable {
                self.fill(va, pa, Access::Load);
            }
            return Ok(v);
        }
        bus.read(pa, size)
            .map_err(|_| Exception::LoadAccessFault(va))
    }

    #[cold]
    #[inline(never)]
    fn store_slow(&mut self, bus: &mut Bus, va: u64, size: u8, v: u64) -> Result<(), Exception> {
        self.check_data_trigger(va, size, false, true)?;
        self.store_untriggered(bus, va, size, v)
    }

    /// A store that the triggers have already seen.
    fn store_untriggered(
        &mut self,
        bus: &mut Bus,
        va: u64,
        size: u8,
        v: u64,
    ) -> Result<(), Exception> {
        if (va & PAGE_MASK) + size as u64 > PAGE_SIZE {
            // Crosses a page: translate both parts before writing either, so a fault
            // leaves memory unchanged.
            let second = (va | PAGE_MASK).wrapping_add(1);
            self.translate(va, 1, Access::Store)?;
            self.translate(second, 1, Access::Store)?;
            for i in 0..size as u64 {
                self.store_untriggered(bus, va.wrapping_add(i), 1, v >> (8 * i))?;
            }
            return Ok(());
        }
        let t = self.translate(va, size as u64, Access::Store)?;
        let pa = t.pa;
        if self.ram.contains(pa, size as u64) {
            let watch = self.ram.watch(pa);
            self.ram.write(pa, size, v);
            if watch.contains(PageWatch::HOST) {
                self.host_write = true;
                self.stop_block = true;
            } else if watch.contains(PageWatch::CODE) {
                // The write invalidated cached code, possibly the running block.
                self.stop_block = true;
            } else if t.cacheable && watch.is_empty() {
                self.fill(va, pa, Access::Store);
            }
            return Ok(());
        }
        bus.write(pa, size, v)
            .map_err(|_| Exception::StoreAccessFault(va))?;
        // A device register changed: the machine may have interrupt lines to update.
        self.host_write = true;
        self.stop_block = true;
        Ok(())
    }

    /// A load or store trigger that fires on this access raises its breakpoint
    /// exception, before the access and its translation (debug spec 5.3 priorities).
    #[inline]
    fn check_data_trigger(
        &mut self,
        va: u64,
        size: u8,
        load: bool,
        store: bool,
    ) -> Result<(), Exception> {
        if self.triggers.armed & ARMED_DATA == 0 {
            return Ok(());
        }
        let access = DataAccess {
            va,
            size: size as u64,
            load,
            store,
        };
        match self.triggers.data_fires(access, self.priv_level) {
            Some(addr) => Err(Exception::Breakpoint(addr)),
            None => Ok(()),
        }
    }

    /// Fills the TLB entry for `va` (which translated to `pa`, in RAM) with permission for
    /// `access`, keeping the permissions the entry already grants for the same page.
    /// While a load or store trigger is armed, data accesses get no entries: they all
    /// take the slow path, where the triggers look at them.
    fn fill(&mut self, va: u64, pa: u64, access: Access) {
        if access != Access::Fetch && self.triggers.armed & ARMED_DATA != 0 {
            return;
        }
        let vpn = va >> 12;
        let addend = (pa & !PAGE_MASK)
            .wrapping_add(self.ram_host_delta)
            .wrapping_sub(va & !PAGE_MASK);
        let e = &mut self.tlb[match access {
            Access::Fetch => self.fetch_tlb,
            _ => self.data_tlb,
        }]
        .entries[Tlb::slot(vpn)];
        let page = va & !PAGE_MASK;
        if e.addend != addend || (e.tag_r != page && e.tag_w != page && e.tag_x != page) {
            *e = TlbEntry::EMPTY;
            e.addend = addend;
        }
        match access {
            Access::Fetch => e.tag_x = page,
            Access::Load => e.tag_r = page,
            Access::Store => {
                e.tag_r = page;
                // While RAM journals this hart's writes (`--engine check`), every store
                // takes the slow path, where RAM sees it.
                if !self.journal {
                    e.tag_w = page;
                }
            }
        }
    }

    /// Pointer check for an AMO, LR or SC of `size` bytes at `va`: alignment (misaligned
    /// AMOs raise a misaligned exception, unprivileged spec 8.4), translation and
    /// permission. Returns the physical address.
    pub fn amo_address(&mut self, va: u64, size: u8, access: Access) -> Result<u64, Exception> {
        if va & (size as u64 - 1) != 0 {
            return Err(match access {
                Access::Load => Exception::LoadMisaligned(va),
                _ => Exception::StoreMisaligned(va),
            });
        }
        // The TLB fast path: an entry grants the access to a whole page of RAM.
        let e = &self.tlb[self.data_tlb].entries[Tlb::slot(va >> 12)];
        let tag = if access == Access::Store {
            e.tag_w
        } else {
            e.tag_r
        };
        if tag == va & !PAGE_MASK {
            return Ok(e.addend.wrapping_add(va).wrapping_sub(self.ram_host_delta));
        }
        let pa = self.translate(va, size as u64, access)?.pa;
        if !self.ram.contains(pa, size as u64) {
            // AMOs are supported on main memory only (PMA: no AMOs on I/O regions here).
            return Err(access.access_fault_at(va));
        }
        Ok(pa)
    }

    /// Atomically applies `f` to the `size`-byte value at `va` and returns the old value
    /// (zero-extended). The read-modify-write is one host step for this hart.
    pub fn amo(&mut self, va: u64, size: u8, f: impl FnOnce(u64) -> u64) -> Result<u64, Exception> {
        // An AMO is a load and a store for the triggers (debug spec 5.5.1).
        self.check_data_trigger(va, size, true, true)?;
        let pa = self.amo_address(va, size, Access::Store)?;
        let old = self.ram.read(pa, size).unwrap_or(0);
        self.atomic_grace_end = self.retired_now + crate::interp::ATOMIC_GRACE;
        let watch = self.ram.watch(pa);
        self.ram.write(pa, size, f(old));
        if watch.contains(PageWatch::HOST) {
            self.host_write = true;
            self.stop_block = true;
        } else if watch.contains(PageWatch::CODE) {
            self.stop_block = true;
        }
        Ok(old)
    }

    /// `lr.w`/`lr.d`: loads and registers a reservation on the accessed bytes.
    pub fn load_reserved(&mut self, va: u64, size: u8) -> Result<u64, Exception> {
        self.check_data_trigger(va, size, true, false)?;
        let pa = self.amo_address(va, size, Access::Load)?;
        let v = self.ram.read(pa, size).unwrap_or(0);
        // The page becomes watched: stores to it, by any hart, take the slow path, where
        // RAM breaks the reservations they overlap.
        self.ram.reserve(self.hartid as usize, pa);
        self.sync_watches();
        Ok(v)
    }

    /// `sc.w`/`sc.d`: stores if the reservation still covers `va`; returns whether it did.
    pub fn store_conditional(&mut self, va: u64, size: u8, v: u64) -> Result<bool, Exception> {
        // Failing SCs count as stores too (the spec leaves it open).
        self.check_data_trigger(va, size, false, true)?;
        let pa = self.amo_address(va, size, Access::Store)?;
        let ok = self.ram.take_reservation(self.hartid as usize, pa);
        if ok {
            self.atomic_grace_end = self.retired_now + crate::interp::ATOMIC_GRACE;
            let watch = self.ram.watch(pa);
            self.ram.write(pa, size, v);
            if !watch.is_empty() {
                self.host_write |= watch.contains(PageWatch::HOST);
                self.stop_block = true;
            }
        }
        Ok(ok)
    }

    /// Translates the fetch address `va` (the iTLB fast path, then the slow path that
    /// fills it). `cacheable` is false when PMP does not treat the whole page alike: then
    /// every fetch on the page must be checked on its own.
    #[inline]
    pub fn fetch_translate(&mut self, va: u64) -> Result<Translation, Exception> {
        let e = &self.tlb[self.fetch_tlb].entries[Tlb::slot(va >> 12)];
        if e.tag_x == va & !PAGE_MASK {
            return Ok(Translation {
                pa: e.addend.wrapping_add(va).wrapping_sub(self.ram_host_delta),
                cacheable: true,
            });
        }
        let t = self.translate(va, 2, Access::Fetch)?;
        if t.cacheable && self.ram.contains(t.pa, 2) {
            self.fill(va, t.pa, Access::Fetch);
        }
        Ok(t)
    }

    /// Physical address of the fetch address `va`.
    #[inline]
    pub fn fetch_paddr(&mut self, va: u64) -> Result<u64, Exception> {
        self.fetch_translate(va).map(|t| t.pa)
    }

    /// Reads the 16-bit parcel at `va` for instruction fetch (any memory or device).
    pub fn fetch_parcel(&mut self, bus: &mut Bus, va: u64) -> Result<u16, Exception> {
        let pa = self.fetch_paddr(va)?;
        match self.ram.read(pa, 2) {
            Some(v) => Ok(v as u16),
            None => bus
                .read(pa, 2)
                .map(|v| v as u16)
                .map_err(|_| Exception::InstAccessFault(va)),
        }
    }

    /// Reads guest memory through the current data translation without filling the TLB
    /// or touching device state beyond the read itself (for debuggers and traces).
    pub fn peek(&mut self, bus: &mut Bus, va: u64, size: u8) -> Result<u64, Exception> {
        let pa = self.translate_quiet(va, size as u64)?;
        self.ram
            .read(pa, size)
            .map_or_else(|| bus.read(pa, size), Ok)
            .map_err(|_| Exception::LoadAccessFault(va))
    }
}
