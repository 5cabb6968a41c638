//! Guest physical RAM: one anonymous host mapping, plus per-page watch flags.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::Mutex;

use memmap2::MmapMut;

use crate::RamError;

/// log2 of the guest page size used for watch flags and TLBs.
pub const PAGE_SHIFT: u32 = 12;
/// The guest page size in bytes.
pub const PAGE_SIZE: u64 = 1 << PAGE_SHIFT;

/// Why a page of RAM is watched. A CPU must not cache a writable host pointer for a page
/// with any flag set: its stores go through the slow path, which honours the flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWatch(pub u8);

impl PageWatch {
    /// No flag: stores may take the fast path.
    pub const NONE: PageWatch = PageWatch(0);
    /// The page holds decoded (cached) guest code; a write invalidates it.
    pub const CODE: PageWatch = PageWatch(1);
    /// The host wants to see every write to this page (HTIF `tohost`, watchpoints).
    pub const HOST: PageWatch = PageWatch(2);
    /// An LR reservation lies on this page; a write breaks the reservations it overlaps.
    pub const RESERVED: PageWatch = PageWatch(4);

    /// Whether every flag of `other` is set in `self`.
    pub fn contains(self, other: PageWatch) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// Whether no flag is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Guest physical RAM at `[base, base + size)`.
///
/// The memory is one host mapping, so translating a guest physical address is one add.
/// All accessors take `&self`: the mapping is shared by the harts and by DMA-capable
/// devices, like RAM on a real bus. Concurrent guest accesses are not synchronised beyond
/// A write [`GuestRam::write`] recorded while journaling (engines are compared by
/// running the same code twice from the same memory: see `frontend_riscv::check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JournalEntry {
    /// Physical address.
    pub addr: u64,
    /// Bytes written (1, 2, 4, 8).
    pub size: u8,
    /// What was there before.
    pub old: u64,
    /// What was written.
    pub new: u64,
}

/// Changes of [`GuestRam::watch_epoch`] remembered for [`GuestRam::watched_since`].
const WATCH_LOG: usize = 64;

/// what the guest's own fences and atomics ask for, as on QEMU.
pub struct GuestRam {
    /// Keeps the mapping alive; accessed only through `host`.
    _map: MmapMut,
    host: *mut u8,
    base: u64,
    size: u64,
    watch: Box<[AtomicU8]>,
    watch_epoch: AtomicU64,
    /// The pages that gained flags, by epoch: slot `e % WATCH_LOG` holds
    /// `(e & 0xff_ffff) << 40 | page index` for the change that moved the epoch from `e`.
    watch_log: Box<[AtomicU64]>,
    code_epoch: AtomicU64,
    /// Per registered code cache: pages whose cached code was overwritten.
    dirty_code: Mutex<Vec<Vec<u64>>>,
    /// LR reservations, one slot per hart: the reserved doubleword, or `NO_RESERVATION`.
    reservations: Box<[AtomicU64]>,
    /// Whether [`GuestRam::write`] records what it overwrites (see [`JournalEntry`]).
    journaling: AtomicBool,
    journal: Mutex<Vec<JournalEntry>>,
}

/// Number of reservation slots (harts) the RAM tracks.
pub const MAX_HARTS: usize = 64;
const NO_RESERVATION: u64 = u64::MAX;

// SAFETY: `host` points into `_map`, which lives as long as `self`; every access through it
// is bounds-checked against `size`, and the watch state is atomic or behind a mutex.
unsafe impl Send for GuestRam {}
// SAFETY: as above; shared access to guest RAM mirrors a physical memory bus.
unsafe impl Sync for GuestRam {}

impl std::fmt::Debug for GuestRam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GuestRam")
            .field("base", &format_args!("{:#x}", self.base))
            .field("size", &format_args!("{:#x}", self.size))
            .finish()
    }
}

impl GuestRam {
    /// Maps `size` bytes of zeroed RAM at guest physical address `base`.
    pub fn new(base: u64, size: u64) -> Result<Self, RamError> {
        if size == 0 || !size.is_multiple_of(PAGE_SIZE) {
            return Err(RamError::BadSize {
                size,
                reason: "must be a non-zero multiple of 4 KiB",
            });
        }
        if !base.is_multiple_of(PAGE_SIZE) || base.checked_add(size).is_none() {
            return Err(RamError::BadSize {
                size,
                reason: "does not fit in the physical address space",
            });
        }
        let len = usize::try_from(size).map_err(|_| RamError::BadSize {
            size,
            reason: "larger than the host address space",
        })?;
        let mut map = MmapMut::map_anon(len).map_err(|error| RamError::Map { size, error })?;
        let host = map.as_mut_ptr();
        let pages = (size >> PAGE_SHIFT) as usize;
        let watch = (0..pages).map(|_| AtomicU8::new(0)).collect();
        Ok(GuestRam {
            _map: map,
            host,
            base,
            size,
            watch,
            watch_epoch: AtomicU64::new(0),
            watch_log: (0..WATCH_LOG).map(|_| AtomicU64::new(u64::MAX)).collect(),
            journaling: AtomicBool::new(false),
            journal: Mutex::new(Vec::new()),
            code_epoch: AtomicU64::new(0),
            dirty_code: Mutex::new(Vec::new()),
            reservations: (0..MAX_HARTS)
                .map(|_| AtomicU64::new(NO_RESERVATION))
                .collect(),
        })
    }

    /// Guest physical address of the first byte.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Guest physical address one past the last byte.
    pub fn end(&self) -> u64 {
        self.base + self.size
    }

    /// Whether `[addr, addr + len)` lies entirely inside RAM.
    #[inline]
    pub fn contains(&self, addr: u64, len: u64) -> bool {
        addr >= self.base
            && addr
                .checked_add(len)
                .is_some_and(|end| end <= self.base + self.size)
    }

    /// Host address of the guest physical address `addr`, if it is in RAM.
    ///
    /// The pointer stays valid as long as `self` lives; CPUs cache it in their TLBs.
    #[inline]
    pub fn host_ptr(&self, addr: u64) -> Option<*mut u8> {
        if self.contains(addr, 1) {
            // SAFETY: the offset is inside the mapping (checked just above).
            Some(unsafe { self.host.add((addr - self.base) as usize) })
        } else {
            None
        }
    }

    /// Reads `size` (1, 2, 4 or 8) bytes, little-endian, zero-extended.
    #[inline]
    pub fn read(&self, addr: u64, size: u8) -> Option<u64> {
        if !self.contains(addr, size as u64) {
            return None;
        }
        // SAFETY: `[addr, addr + size)` is inside the mapping (checked above).
        let p = unsafe { self.host.add((addr - self.base) as usize) };
        // SAFETY: `p` is valid for `size` bytes; unaligned reads are allowed.
        Some(unsafe {
            match size {
                1 => p.read() as u64,
                2 => u16::from_le((p as *const u16).read_unaligned()) as u64,
                4 => u32::from_le((p as *const u32).read_unaligned()) as u64,
                8 => u64::from_le((p as *const u64).read_unaligned()),
                _ => return None,
            }
        })
    }

    /// Writes the low `size` (1, 2, 4 or 8) bytes of `value`, little-endian, and
    /// invalidates cached code on the page. Returns false if out of range.
    #[inline]
    pub fn write(&self, addr: u64, size: u8, value: u64) -> bool {
        if !self.contains(addr, size as u64) || !matches!(size, 1 | 2 | 4 | 8) {
            return false;
        }
        if self.journaling.load(Ordering::Relaxed) {
            let old = self.read(addr, size).unwrap_or(0);
            self.journal
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(JournalEntry {
                    addr,
                    size,
                    old,
                    new: value,
                });
        }
        // SAFETY: `[addr, addr + size)` is inside the mapping (checked above).
        let p = unsafe { self.host.add((addr - self.base) as usize) };
        // SAFETY: `p` is valid for `size` bytes; unaligned writes are allowed.
        unsafe {
            match size {
                1 => p.write(value as u8),
                2 => (p as *mut u16).write_unaligned((value as u16).to_le()),
                4 => (p as *mut u32).write_unaligned((value as u32).to_le()),
                _ => (p as *mut u64).write_unaligned(value.to_le()),
            }
        }
        self.note_write(addr, size as u64);
        true
    }

    /// Copies `buf.len()` bytes starting at `addr` out of RAM.
    pub fn read_bytes(&self, addr: u64, buf: &mut [u8]) -> Result<(), RamError> {
        self.check_range(addr, buf.len() as u64)?;
        // SAFETY: the range is inside the mapping (checked above) and cannot overlap `buf`,
        // which is host memory outside the guest mapping borrowed mutably by the caller.
        unsafe {
            std::ptr::copy_nonoverlapping(
                self.host.add((addr - self.base) as usize),
                buf.as_mut_ptr(),
                buf.len(),
            );
        }
        Ok(())
    }

    /// Copies `data` into RAM at `addr` (loaders, DMA) and invalidates cached code there.
    pub fn write_bytes(&self, addr: u64, data: &[u8]) -> Result<(), RamError> {
        self.check_range(addr, data.len() as u64)?;
        // SAFETY: the range is inside the mapping (checked above); `data` is a shared
        // borrow of host memory, which a guest write cannot alias mutably.
        unsafe {
            std::ptr::copy(
                data.as_ptr(),
                self.host.add((addr - self.base) as usize),
                data.len(),
            );
        }
        self.note_write(addr, data.len() as u64);
        Ok(())
    }

    /// Sets `len` bytes at `addr` to zero (BSS, loaders).
    pub fn zero(&self, addr: u64, len: u64) -> Result<(), RamError> {
        self.check_range(addr, len)?;
        // SAFETY: the range is inside the mapping (checked above).
        unsafe {
            std::ptr::write_bytes(self.host.add((addr - self.base) as usize), 0, len as usize)
        };
        self.note_write(addr, len);
        Ok(())
    }

    fn check_range(&self, addr: u64, len: u64) -> Result<(), RamError> {
        if self.contains(addr, len) {
            Ok(())
        } else {
            Err(RamError::OutOfRange {
                addr,
                len,
                base: self.base,
                end: self.end(),
            })
        }
    }

    #[inline]
    fn page_index(&self, addr: u64) -> usize {
        ((addr - self.base) >> PAGE_SHIFT) as usize
    }

    /// Watch flags of the page holding `addr` (which must be in RAM).
    #[inline]
    pub fn watch(&self, addr: u64) -> PageWatch {
        PageWatch(self.watch[self.page_index(addr)].load(Ordering::Relaxed))
    }

    /// Adds `flags` to the page holding `addr` (which must be in RAM). CPUs must then drop
    /// cached write permission for the page: [`GuestRam::watch_epoch`] moves.
    pub fn add_watch(&self, addr: u64, flags: PageWatch) {
        let page = self.page_index(addr);
        let old = self.watch[page].fetch_or(flags.0, Ordering::AcqRel);
        if old & flags.0 != flags.0 {
            let e = self.watch_epoch.fetch_add(1, Ordering::AcqRel);
            self.watch_log[(e % WATCH_LOG as u64) as usize]
                .store((e & 0xff_ffff) << 40 | page as u64, Ordering::Release);
        }
    }

    /// The physical page addresses that gained watch flags while the epoch went from
    /// `from` to `to` ([`GuestRam::watch_epoch`] values), if the log still has them all
    /// (else the caller must look at every page it caches).
    pub fn watched_since(&self, from: u64, to: u64) -> Option<Vec<u64>> {
        if to.wrapping_sub(from) > WATCH_LOG as u64 / 2 {
            return None;
        }
        (from..to)
            .map(|e| {
                let v = self.watch_log[(e % WATCH_LOG as u64) as usize].load(Ordering::Acquire);
                // Not written yet, or already overwritten by a later change.
                (v >> 40 == e & 0xff_ffff)
                    .then(|| self.base + ((v & ((1 << 40) - 1)) << PAGE_SHIFT))
            })
            .collect()
    }

    /// Counter bumped whenever a page gains a watch flag.
    #[inline]
    pub fn watch_epoch(&self) -> u64 {
        self.watch_epoch.load(Ordering::Acquire)
    }

    /// Removes `flags` from the page holding `addr` (which must be in RAM).
    pub fn remove_watch(&self, addr: u64, flags: PageWatch) {
        self.watch[self.page_index(addr)].fetch_and(!flags.0, Ordering::Relaxed);
    }

    /// Counter bumped whenever a page with cached code is written. Code caches compare
    /// it at block boundaries and call [`GuestRam::take_dirty_code`] when it moved.
    #[inline]
    pub fn code_epoch(&self) -> u64 {
        self.code_epoch.load(Ordering::Acquire)
    }

    /// Registers a code cache; returns its id for [`GuestRam::take_dirty_code`].
    pub fn register_code_cache(&self) -> usize {
        let mut d = self.dirty_code.lock().unwrap_or_else(|e| e.into_inner());
        d.push(Vec::new());
        d.len() - 1
    }

    /// Physical page addresses whose cached code was overwritten since code cache `id`
    /// last asked.
    pub fn take_dirty_code(&self, id: usize) -> Vec<u64> {
        let mut d = self.dirty_code.lock().unwrap_or_else(|e| e.into_inner());
        d.get_mut(id).map(std::mem::take).unwrap_or_default()
    }

    /// Starts recording the writes [`GuestRam::write`] makes (after dropping what was
    /// recorded before). Harts must not write RAM behind its back meanwhile (their TLBs
    /// hold no write entries while they journal: see `HartCore::journal`).
    pub fn journal_start(&self) {
        self.journal
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.journaling.store(true, Ordering::Relaxed);
    }

    /// Stops recording; returns the writes in order.
    pub fn journal_take(&self) -> Vec<JournalEntry> {
        self.journaling.store(false, Ordering::Relaxed);
        std::mem::take(&mut *self.journal.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Puts back what the writes in `journal` overwrote (latest first).
    pub fn journal_undo(&self, journal: &[JournalEntry]) {
        for e in journal.iter().rev() {
            self.write(e.addr, e.size, e.old);
        }
    }

    /// Hart `hart`'s LR reservation (the doubleword's address), if it has one.
    pub fn reservation(&self, hart: usize) -> Option<u64> {
        let r = self.reservations.get(hart)?.load(Ordering::Acquire);
        (r != NO_RESERVATION).then_some(r)
    }

    /// Sets or clears hart `hart`'s LR reservation (restoring a saved state).
    pub fn set_reservation(&self, hart: usize, addr: Option<u64>) {
        match addr {
            Some(a) => self.reserve(hart, a),
            None => {
                if let Some(slot) = self.reservations.get(hart) {
                    slot.store(NO_RESERVATION, Ordering::Release);
                }
            }
        }
    }

    /// Registers hart `hart`'s LR reservation on the doubleword holding `addr`.
    pub fn reserve(&self, hart: usize, addr: u64) {
        if let Some(slot) = self.reservations.get(hart) {
            slot.store(addr & !7, Ordering::Release);
            self.add_watch(addr, PageWatch::RESERVED);
        }
    }

    /// For SC: whether hart `hart` still holds a reservation on the doubleword holding
    /// `addr`. Clears the hart's reservation either way.
    pub fn take_reservation(&self, hart: usize, addr: u64) -> bool {
        self.reservations
            .get(hart)
            .is_some_and(|slot| slot.swap(NO_RESERVATION, Ordering::AcqRel) == addr & !7)
    }

    /// Breaks every reservation overlapping `[addr, addr + len)`; drops the page's
    /// RESERVED flag when no reservation is left on it.
    fn break_reservations(&self, addr: u64, len: u64) {
        let page = addr & !(PAGE_SIZE - 1);
        let mut left_on_page = false;
        for slot in self.reservations.iter() {
            let r = slot.load(Ordering::Acquire);
            if r == NO_RESERVATION {
                continue;
            }
            if r < addr + len && addr < r + 8 {
                slot.store(NO_RESERVATION, Ordering::Release);
            } else if r & !(PAGE_SIZE - 1) == page {
                left_on_page = true;
            }
        }
        if !left_on_page && len <= PAGE_SIZE {
            self.watch[self.page_index(addr)].fetch_and(!PageWatch::RESERVED.0, Ordering::AcqRel);
        }
    }

    /// Records a write of `len` bytes at `addr`: pages that held cached code lose their
    /// CODE flag and are queued for invalidation in every code cache; reservations the
    /// write overlaps are broken.
    #[inline]
    fn note_write(&self, addr: u64, len: u64) {
        if len == 0 {
            return;
        }
        let first = self.page_index(addr);
        let last = self.page_index(addr + len - 1);
        for page in first..=last {
            let w = &self.watch[page];
            let flags = w.load(Ordering::Acquire);
            if flags == 0 {
                continue;
            }
            let paddr = self.base + ((page as u64) << PAGE_SHIFT);
            if flags & PageWatch::CODE.0 != 0 {
                w.fetch_and(!PageWatch::CODE.0, Ordering::AcqRel);
                for q in self
                    .dirty_code
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .iter_mut()
                {
                    q.push(paddr);
                }
                self.code_epoch.fetch_add(1, Ordering::Release);
            }
            if flags & PageWatch::RESERVED.0 != 0 {
                let lo = addr.max(paddr);
                let hi = (addr + len).min(paddr + PAGE_SIZE);
                self.break_reservations(lo, hi - lo);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_write_sizes_little_endian() {
        let ram = GuestRam::new(0x8000_0000, 0x2000).unwrap();
        assert!(ram.write(0x8000_0001, 8, 0x1122_3344_5566_7788));
        assert_eq!(ram.read(0x8000_0001, 1), Some(0x88));
        assert_eq!(ram.read(0x8000_0001, 2), Some(0x7788));
        assert_eq!(ram.read(0x8000_0001, 4), Some(0x5566_7788));
        assert_eq!(ram.read(0x8000_0001, 8), Some(0x1122_3344_5566_7788));
        assert_eq!(ram.read(0x8000_0000, 1), Some(0));
    }

    #[test]
    fn out_of_range_is_refused() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        assert_eq!(ram.read(0x7fff_ffff, 1), None);
        assert_eq!(ram.read(0x8000_0ffd, 4), None);
        assert!(!ram.write(0x8000_1000, 1, 0));
        assert!(ram.write_bytes(0x8000_0ff0, &[0; 17]).is_err());
        assert!(ram.read(u64::MAX - 2, 8).is_none());
        assert!(GuestRam::new(0x8000_0000, 0x1001).is_err());
        assert!(GuestRam::new(0x8000_0000, 0).is_err());
    }

    #[test]
    fn code_pages_are_reported_once_to_every_cache() {
        let ram = GuestRam::new(0x8000_0000, 0x3000).unwrap();
        let (a, b) = (ram.register_code_cache(), ram.register_code_cache());
        let w0 = ram.watch_epoch();
        ram.add_watch(0x8000_1000, PageWatch::CODE);
        assert_ne!(ram.watch_epoch(), w0);
        let e0 = ram.code_epoch();
        assert!(ram.write(0x8000_0010, 4, 1));
        assert_eq!(ram.code_epoch(), e0);
        // A write straddling into the code page counts.
        assert!(ram.write(0x8000_0ffe, 4, 1));
        assert_ne!(ram.code_epoch(), e0);
        assert_eq!(ram.take_dirty_code(a), vec![0x8000_1000]);
        assert_eq!(ram.take_dirty_code(b), vec![0x8000_1000]);
        assert!(ram.watch(0x8000_1000).is_empty());
        assert!(ram.take_dirty_code(a).is_empty());
    }

    #[test]
    fn writes_break_overlapping_reservations_of_any_hart() {
        let ram = GuestRam::new(0x8000_0000, 0x3000).unwrap();
        ram.reserve(0, 0x8000_1008);
        ram.reserve(1, 0x8000_1010);
        assert!(ram.watch(0x8000_1000).contains(PageWatch::RESERVED));
        // A byte store into hart 1's doubleword breaks only hart 1's reservation.
        ram.write(0x8000_1013, 1, 0);
        assert!(!ram.take_reservation(1, 0x8000_1010));
        assert!(ram.take_reservation(0, 0x8000_100c));
        // Taking clears: a second SC fails.
        assert!(!ram.take_reservation(0, 0x8000_1008));
        // DMA breaks reservations too, and the page flag goes once none is left.
        ram.reserve(2, 0x8000_1100);
        ram.write_bytes(0x8000_10f8, &[0; 16]).unwrap();
        assert!(!ram.take_reservation(2, 0x8000_1100));
        assert!(!ram.watch(0x8000_1000).contains(PageWatch::RESERVED));
    }

    #[test]
    fn the_watch_log_names_the_pages_that_gained_flags() {
        let ram = GuestRam::new(0x8000_0000, 0x10_0000).unwrap();
        let e0 = ram.watch_epoch();
        ram.add_watch(0x8000_3008, PageWatch::RESERVED);
        ram.add_watch(0x8000_3010, PageWatch::RESERVED); // no change, no entry
        ram.add_watch(0x8000_5000, PageWatch::CODE);
        let e1 = ram.watch_epoch();
        assert_eq!(e1 - e0, 2);
        assert_eq!(
            ram.watched_since(e0, e1),
            Some(vec![0x8000_3000, 0x8000_5000])
        );
        // Too long ago: the log cannot say, the caller looks at everything.
        for p in 0..WATCH_LOG as u64 {
            ram.add_watch(0x8001_0000 + p * PAGE_SIZE, PageWatch::CODE);
        }
        assert_eq!(ram.watched_since(e0, ram.watch_epoch()), None);
    }
}
