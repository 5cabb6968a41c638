//! The data behind the debugger's `monitor info mem`: every mapping of the page table
//! rooted at `satp`, with adjacent pages merged, like QEMU's `info mem` for RISC-V.
//!
//! The walk only reads guest RAM: no A/D updates, no TLB fills and no PMP checks.

use std::fmt;

use emu_core::GuestRam;
use thiserror::Error;

use crate::hart::HartCore;
use crate::mmu::{pte, satp_mode};

/// At most this many PTEs are read by one walk; past it the result is truncated.
pub const MAX_PTE_READS: u64 = 1 << 20;
/// At most this many (merged) mappings are returned; past it the result is truncated.
pub const MAX_MAPPINGS: usize = 1 << 16;

/// The attribute bits kept in [`Mapping::flags`]: R W X U G A D (V is implied).
const FLAG_MASK: u64 = pte::R | pte::W | pte::X | pte::U | pte::G | pte::A | pte::D;

/// One virtually and physically contiguous range with uniform attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapping {
    /// First virtual address, sign-extended to 64 bits.
    pub va: u64,
    /// First physical address.
    pub pa: u64,
    /// Length in bytes (a multiple of 4 KiB).
    pub size: u64,
    /// PTE bits R, W, X, U, G, A, D at their PTE positions (`pte::R` etc.); V is never
    /// set. G is also set when a non-leaf PTE above the leaf has G (priv spec 4.3.1).
    pub flags: u8,
}

impl Mapping {
    /// The attributes as QEMU prints them: `rwxugad`, with `-` for a clear bit.
    pub fn attr(&self) -> String {
        // R..D are PTE bits 1..7, in the order QEMU prints them.
        let bit = |i: usize| self.flags >> (i + 1) & 1 != 0;
        let letter = |(i, c)| if bit(i) { c } else { '-' };
        "rwxugad".chars().enumerate().map(letter).collect()
    }
}

/// The mappings of an active page table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMap {
    /// `satp.MODE` (one of [`satp_mode`]'s SV39, SV48, SV57).
    pub mode: u64,
    /// Physical address of the root page table.
    pub root: u64,
    /// The mappings in ascending virtual-address order (low half, then high half).
    pub mappings: Vec<Mapping>,
    /// Whether the walk stopped early ([`MAX_PTE_READS`] or [`MAX_MAPPINGS`] reached).
    pub truncated: bool,
}

/// Why there is no page table to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum MappingsError {
    /// `satp.MODE` is Bare: translation is off.
    #[error("paging is off (satp.MODE = Bare): virtual = physical")]
    PagingOff,
    /// `satp.MODE` holds a value this hart does not implement.
    #[error("unsupported satp.MODE {0}")]
    UnsupportedMode(u64),
}

/// Lists the mappings of the page table rooted at `core.satp`, reading memory only
/// through `core.ram`. Invalid PTEs, reserved encodings, misaligned superpages and
/// tables outside RAM are skipped. `satp` is used whatever the current privilege, so
/// in M-mode this shows the S-mode address space.
pub fn mappings(core: &HartCore) -> Result<PageMap, MappingsError> {
    let mode = core.satp >> 60;
    let levels = match mode {
        satp_mode::BARE => return Err(MappingsError::PagingOff),
        satp_mode::SV39 => 3,
        satp_mode::SV48 => 4,
        satp_mode::SV57 => 5,
        m => return Err(MappingsError::UnsupportedMode(m)),
    };
    let root = (core.satp & pte::PPN_MASK) << 12;
    let mut w = Walker {
        ram: &core.ram,
        va_bits: 12 + 9 * levels,
        reads: 0,
        out: Vec::new(),
        truncated: false,
    };
    w.table(root, levels - 1, 0, false);
    Ok(PageMap {
        mode,
        root,
        mappings: w.out,
        truncated: w.truncated,
    })
}

/// The text of `monitor info mem`: the table of [`mappings`], or why there is none.
pub fn format_mappings(core: &HartCore) -> String {
    match mappings(core) {
        Ok(map) => map.to_string(),
        Err(e) => format!("{e}\n"),
    }
}

impl fmt::Display for PageMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<16} {:<16} {:<16} attr", "vaddr", "paddr", "size")?;
        writeln!(f, "{0:-<16} {0:-<16} {0:-<16} -------", "")?;
        for m in &self.mappings {
            writeln!(
                f,
                "{:016x} {:016x} {:016x} {}",
                m.va,
                m.pa,
                m.size,
                m.attr()
            )?;
        }
        if self.truncated {
            writeln!(
                f,
                "(truncated: the walk stops after {MAX_PTE_READS} PTE reads or {MAX_MAPPINGS} mappings)"
            )?;
        }
        Ok(())
    }
}

/// State of one read-only page-table walk.
struct Walker<'a> {
    ram: &'a GuestRam,
    /// Width of a virtual address: 39, 48 or 57.
    va_bits: u32,
    reads: u64,
    out: Vec<Mapping>,
    truncated: bool,
}

impl Walker<'_> {
    /// Visits the 512 PTEs of the table at `base`, at `level` (0 = 4 KiB leaves), whose
    /// entries map virtual addresses `prefix | index << (12 + 9 * level)`.
    fn table(&mut self, base: u64, level: u32, prefix: u64, global: bool) {
        if !self.ram.contains(base, 4096) {
            return;
        }
        let shift = 12 + 9 * level;
        for index in 0..512u64 {
            if self.truncated {
                return;
            }
            if self.reads >= MAX_PTE_READS {
                self.truncated = true;
                return;
            }
            self.reads += 1;
            let Some(e) = self.ram.read(base + index * 8, 8) else {
                continue;
            };
            let (r, w, x) = (e & pte::R != 0, e & pte::W != 0, e & pte::X != 0);
            // Invalid, W without R, or bits 63:54 set (no Svnapot/Svpbmt): the hardware
            // walker faults on these (priv spec 4.3.2 step 3), so they map nothing.
            if e & pte::V == 0 || (w && !r) || e & pte::HIGH_RESERVED != 0 {
                continue;
            }
            let va = prefix | index << shift;
            let ppn = (e >> pte::PPN_SHIFT) & pte::PPN_MASK;
            // A G bit in a non-leaf PTE makes every mapping below it global (4.3.1).
            let global = global || e & pte::G != 0;
            if !r && !x {
                if level > 0 {
                    self.table(ppn << 12, level - 1, va, global);
                }
                continue;
            }
            // A superpage's low PPN bits must be zero (4.3.2 step 6).
            if ppn & ((1u64 << (9 * level)) - 1) != 0 {
                continue;
            }
            let flags = (e & FLAG_MASK) as u8 | if global { pte::G as u8 } else { 0 };
            self.push(Mapping {
                va: self.sign_extend(va),
                pa: ppn << 12,
                size: 1 << shift,
                flags,
            });
        }
    }

    /// Virtual addresses are the sign extension of their low `va_bits` bits (4.4.1,
    /// 4.5.1, 4.6.1), so root entries in the upper half map the top of the space.
    fn sign_extend(&self, va: u64) -> u64 {
        let s = 64 - self.va_bits;
        ((va << s) as i64 >> s) as u64
    }

    /// Appends `m`, merging it into the previous mapping when contiguous in va and pa
    /// with the same flags.
    fn push(&mut self, m: Mapping) {
        if let Some(last) = self.out.last_mut() {
            if last.flags == m.flags
                && last.va.checked_add(last.size) == Some(m.va)
                && last.pa.checked_add(last.size) == Some(m.pa)
            {
                last.size += m.size;
                return;
            }
        }
        if self.out.len() >= MAX_MAPPINGS {
            self.truncated = true;
            return;
        }
        self.out.push(m);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    const BASE: u64 = 0x8000_0000;
    const RW: u64 = pte::R | pte::W;
    const AD: u64 = pte::A | pte::D;
    const RWXAD: u64 = RW | pte::X | AD;
    const RXA: u64 = pte::R | pte::X | pte::A;

    /// A hart with 64 KiB of RAM at `BASE` and `satp` = `mode`, `root`.
    fn core(mode: u64, root: u64) -> HartCore {
        let ram = Arc::new(GuestRam::new(BASE, 0x10000).unwrap());
        let mut c = HartCore::new(0, ram, BASE);
        c.satp = mode << 60 | root >> 12;
        c
    }

    /// Pages 0..N of RAM, where the page tables live.
    fn pages<const N: usize>() -> [u64; N] {
        std::array::from_fn(|n| BASE + n as u64 * 0x1000)
    }

    fn set(c: &HartCore, table: u64, index: u64, e: u64) {
        assert!(c.ram.write(table + index * 8, 8, e));
    }

    /// A pointer to the next-level table at `pa`.
    fn ptr(pa: u64) -> u64 {
        (pa >> 12) << pte::PPN_SHIFT | pte::V
    }

    /// A leaf mapping `pa` with permission/attribute bits `flags`.
    fn leaf(pa: u64, flags: u64) -> u64 {
        ptr(pa) | flags
    }

    fn m(va: u64, pa: u64, size: u64, flags: u64) -> Mapping {
        let flags = flags as u8;
        Mapping {
            va,
            pa,
            size,
            flags,
        }
    }

    #[test]
    fn sv39() {
        let [root, l1, l0, kl1, other] = pages();
        let c = core(satp_mode::SV39, root);
        set(&c, root, 0, ptr(l1));
        set(&c, l1, 0, ptr(l0));
        // A 4 KiB page.
        set(&c, l0, 1, leaf(0x9000_0000, RW | AD));
        // Two pages contiguous in va and pa with the same flags: one mapping.
        set(&c, l0, 4, leaf(0x9000_4000, RXA | pte::U));
        set(&c, l0, 5, leaf(0x9000_5000, RXA | pte::U));
        // Contiguous in va only: two mappings.
        set(&c, l0, 8, leaf(0x9001_0000, RW | pte::A));
        set(&c, l0, 9, leaf(0x9000_0000, RW | pte::A));
        // Contiguous in va and pa but different flags: not merged.
        set(&c, l0, 10, leaf(0x9000_1000, pte::R | pte::A));
        // Skipped: W without R, V clear, a reserved high bit, a non-leaf at level 0.
        set(&c, l0, 11, leaf(0x9000_2000, pte::W));
        set(&c, l0, 12, leaf(0x9000_3000, RW) & !pte::V);
        set(&c, l0, 13, leaf(0x9000_3000, RW) | 1 << 60);
        set(&c, l0, 14, ptr(other));
        // A 2 MiB megapage.
        set(&c, l1, 1, leaf(0x8020_0000, RWXAD));
        // Skipped: a misaligned megapage, a table outside RAM.
        set(&c, l1, 2, leaf(0x8020_1000, RW));
        set(&c, l1, 3, ptr(0x1000_0000));
        // A 1 GiB gigapage.
        set(&c, root, 2, leaf(0xc000_0000, pte::R | pte::A));
        // Root entry 510 maps the kernel's high half: 0xffff_ffff_8000_0000.
        set(&c, root, 510, ptr(kl1));
        set(&c, kl1, 0, leaf(0x8020_0000, RWXAD | pte::G));

        let map = mappings(&c).unwrap();
        let head = (map.mode, map.root, map.truncated);
        assert_eq!(head, (satp_mode::SV39, root, false));
        assert_eq!(
            map.mappings,
            [
                m(0x1000, 0x9000_0000, 0x1000, RW | AD),
                m(0x4000, 0x9000_4000, 0x2000, RXA | pte::U),
                m(0x8000, 0x9001_0000, 0x1000, RW | pte::A),
                m(0x9000, 0x9000_0000, 0x1000, RW | pte::A),
                m(0xa000, 0x9000_1000, 0x1000, pte::R | pte::A),
                m(0x20_0000, 0x8020_0000, 0x20_0000, RWXAD),
                m(0x8000_0000, 0xc000_0000, 0x4000_0000, pte::R | pte::A),
                m(
                    0xffff_ffff_8000_0000,
                    0x8020_0000,
                    0x20_0000,
                    RWXAD | pte::G
                ),
            ]
        );
        // Read-only: no A/D bits were set.
        let e = leaf(0x9001_0000, RW | pte::A);
        assert_eq!(c.ram.read(l0 + 8 * 8, 8), Some(e));

        let text = format_mappings(&c);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..4],
            [
                "vaddr            paddr            size             attr",
                "---------------- ---------------- ---------------- -------",
                "0000000000001000 0000000090000000 0000000000001000 rw---ad",
                "0000000000004000 0000000090004000 0000000000002000 r-xu-a-",
            ]
        );
        let last = "ffffffff80000000 0000000080200000 0000000000200000 rwx-gad";
        assert_eq!(lines[2 + 7..], [last]);
    }

    #[test]
    fn sv48_high_half_global_table_and_merge_across_levels() {
        let [root, l2, l1, l0, hl2, hl1, hl0] = pages();
        let c = core(satp_mode::SV48, root);
        // Root entry 1: a gigapage at 1 << 39.
        set(&c, root, 1, ptr(l2));
        set(&c, l2, 0, leaf(0x4000_0000, RW | AD));
        // The last 4 KiB page below a megapage and contiguous with it: merged.
        set(&c, l2, 1, ptr(l1));
        set(&c, l1, 0, ptr(l0));
        set(&c, l0, 511, leaf(0x801f_f000, RW));
        set(&c, l1, 1, leaf(0x8020_0000, RW));
        // Root entry 256, marked global: 0xffff_8000_0000_0000.
        set(&c, root, 256, ptr(hl2) | pte::G);
        set(&c, hl2, 0, ptr(hl1));
        set(&c, hl1, 0, ptr(hl0));
        set(&c, hl0, 0, leaf(0x8000_0000, RXA));

        let map = mappings(&c).unwrap();
        assert_eq!(
            map.mappings,
            [
                m(0x80_0000_0000, 0x4000_0000, 0x4000_0000, RW | AD),
                m(0x80_401f_f000, 0x801f_f000, 0x20_1000, RW),
                m(0xffff_8000_0000_0000, 0x8000_0000, 0x1000, RXA | pte::G),
            ]
        );
        assert!(!map.truncated);
    }

    #[test]
    fn sv57() {
        let [root, l3, l2, l1, l0, hl3] = pages();
        let c = core(satp_mode::SV57, root);
        // A 4 KiB page through all five levels.
        set(&c, root, 0, ptr(l3));
        set(&c, l3, 0, ptr(l2));
        set(&c, l2, 0, ptr(l1));
        set(&c, l1, 0, ptr(l0));
        set(&c, l0, 3, leaf(0x8000_3000, pte::R | pte::U));
        // Root entry 511 -> a 512 GiB page at level 3: 0xffff_0000_0000_0000.
        set(&c, root, 511, ptr(hl3));
        set(&c, hl3, 0, leaf(0x80_0000_0000, RW | AD));

        let map = mappings(&c).unwrap();
        assert_eq!(map.mode, satp_mode::SV57);
        let high = 0xffff_0000_0000_0000;
        assert_eq!(
            map.mappings,
            [
                m(0x3000, 0x8000_3000, 0x1000, pte::R | pte::U),
                m(high, 0x80_0000_0000, 0x80_0000_0000, RW | AD),
            ]
        );
    }

    #[test]
    fn bare_and_unsupported_modes() {
        let c = core(satp_mode::BARE, 0);
        assert_eq!(mappings(&c), Err(MappingsError::PagingOff));
        let text = "paging is off (satp.MODE = Bare): virtual = physical\n";
        assert_eq!(format_mappings(&c), text);
        let c = core(1, BASE);
        assert_eq!(mappings(&c), Err(MappingsError::UnsupportedMode(1)));
    }

    #[test]
    fn self_referencing_tables_are_truncated() {
        // Every entry points back at the root: 512^4 paths, none ending in a leaf.
        let [root] = pages();
        let c = core(satp_mode::SV57, root);
        for i in 0..512 {
            set(&c, root, i, ptr(root));
        }
        let map = mappings(&c).unwrap();
        assert!(map.truncated);
        assert!(map.mappings.is_empty());
        assert!(format_mappings(&c).ends_with(&format!(
            "(truncated: the walk stops after {MAX_PTE_READS} PTE reads or {MAX_MAPPINGS} mappings)\n"
        )));
    }
}
