//! The software TLB: a direct-mapped cache from virtual page to host pointer, with
//! separate read, write and execute tags per entry (so one entry serves fetch, load and
//! store), one TLB per effective privilege level.
//!
//! The fast path of an access is a tag compare and an add: `host = addend + vaddr`. The
//! JIT inlines the same check, so the layout is `#[repr(C)]` and fixed.

/// Number of entries per TLB (direct-mapped by the low bits of the virtual page number).
pub const TLB_ENTRIES: usize = 256;

/// A tag value that no virtual page number can match.
pub const TLB_INVALID: u64 = u64::MAX;

/// One TLB entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct TlbEntry {
    /// The virtual page's address (`va & !0xfff`) if reads are allowed through this
    /// entry, else [`TLB_INVALID`].
    pub tag_r: u64,
    /// The page's address if writes are allowed (page dirty, not watched), else invalid.
    pub tag_w: u64,
    /// The page's address if instruction fetch is allowed, else invalid.
    pub tag_x: u64,
    /// `host address - virtual address` for this page (wrapping).
    pub addend: u64,
}

impl TlbEntry {
    /// An entry that matches nothing.
    pub const EMPTY: TlbEntry = TlbEntry {
        tag_r: TLB_INVALID,
        tag_w: TLB_INVALID,
        tag_x: TLB_INVALID,
        addend: 0,
    };
}

/// One direct-mapped TLB.
#[derive(Debug, Clone)]
#[repr(C)]
pub struct Tlb {
    /// The entries, indexed by `vpn % TLB_ENTRIES`.
    pub entries: [TlbEntry; TLB_ENTRIES],
}

impl Default for Tlb {
    fn default() -> Self {
        Tlb {
            entries: [TlbEntry::EMPTY; TLB_ENTRIES],
        }
    }
}

impl Tlb {
    /// The entry slot for virtual page number `vpn`.
    #[inline(always)]
    pub fn slot(vpn: u64) -> usize {
        (vpn as usize) & (TLB_ENTRIES - 1)
    }

    /// Forgets every entry.
    pub fn flush(&mut self) {
        self.entries.fill(TlbEntry::EMPTY);
    }

    /// Forgets the entry for one virtual page.
    pub fn flush_page(&mut self, vpn: u64) {
        let e = &mut self.entries[Tlb::slot(vpn)];
        let page = vpn << 12;
        if e.tag_r == page || e.tag_w == page || e.tag_x == page {
            *e = TlbEntry::EMPTY;
        }
    }

    /// Drops write permission from every entry whose page is at host address `host`.
    pub fn revoke_write_to(&mut self, host: u64) {
        for e in self.entries.iter_mut() {
            if e.addend.wrapping_add(e.tag_w) == host {
                e.tag_w = TLB_INVALID;
            }
        }
    }

    /// Drops write permission from every entry for which `f(host page address)` holds.
    pub fn revoke_write_if(&mut self, f: impl Fn(u64) -> bool) {
        for e in self.entries.iter_mut() {
            if e.tag_w != TLB_INVALID && f(e.addend.wrapping_add(e.tag_w)) {
                e.tag_w = TLB_INVALID;
            }
        }
    }
}
