//! The table compiled code looks in when it leaves a region: virtual pc to compiled
//! code, one table per fetch TLB (privilege), direct-mapped. The hart fills it with
//! entries that are true now and empties it when translations or code change
//! ([`frontend_riscv::compiled::Engine::publish`]), so a hit needs no further check.

use frontend_riscv::hart::TLB_COUNT;

/// Entries per table (a power of two).
pub const ENTRIES: usize = 2048;
/// Bytes per table.
pub const TABLE_BYTES: i64 = (ENTRIES * std::mem::size_of::<Entry>()) as i64;
/// A key no pc can have (pcs are even).
const EMPTY: u64 = u64::MAX;

/// One entry: a virtual pc and the code to run there.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct Entry {
    /// The virtual pc, or [`EMPTY`].
    pub pc: u64,
    /// The code's address.
    pub code: u64,
}

/// Offset of the code pointer in an [`Entry`].
pub const CODE_OFF: i32 = std::mem::offset_of!(Entry, code) as i32;
const _: () = assert!(std::mem::size_of::<Entry>() == 16);

/// The tables, one per fetch TLB, back to back.
pub struct LookupTable {
    entries: Box<[Entry]>,
}

impl std::fmt::Debug for LookupTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LookupTable").finish_non_exhaustive()
    }
}

impl Default for LookupTable {
    fn default() -> Self {
        LookupTable {
            entries: vec![Entry { pc: EMPTY, code: 0 }; ENTRIES * TLB_COUNT].into_boxed_slice(),
        }
    }
}

impl LookupTable {
    /// Index of `pc` in a table (what compiled code computes too).
    #[inline(always)]
    pub fn slot(pc: u64) -> usize {
        (pc >> 1) as usize & (ENTRIES - 1)
    }

    /// Address of the first table (stable for the table's life).
    pub fn base(&self) -> *const Entry {
        self.entries.as_ptr()
    }

    /// Sets the entry for `pc` in table `mode`.
    #[inline]
    pub fn set(&mut self, pc: u64, mode: usize, code: *const u8) {
        let i = (mode % TLB_COUNT) * ENTRIES + Self::slot(pc);
        self.entries[i] = Entry {
            pc,
            code: code as u64,
        };
    }

    /// The code for `pc` in table `mode`, if any (for tests).
    pub fn get(&self, pc: u64, mode: usize) -> Option<u64> {
        let e = self.entries[(mode % TLB_COUNT) * ENTRIES + Self::slot(pc)];
        (e.pc == pc).then_some(e.code)
    }

    /// Empties every table.
    pub fn clear(&mut self) {
        self.entries.fill(Entry { pc: EMPTY, code: 0 });
    }
}
