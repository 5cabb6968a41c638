//! Loading ELF and raw images into guest RAM.

use emu_core::GuestRam;
use goblin::container::{Container, Ctx, Endian};
use goblin::elf::program_header::{self, PT_LOAD};
use goblin::elf::{
    header, section_header, sym, Elf, Header, ProgramHeader, SectionHeader, Sym, Symtab,
};
use thiserror::Error;

/// Why an image could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file is an ELF file but cannot be parsed (truncated or corrupt).
    #[error("corrupt or truncated ELF file: {0}")]
    Corrupt(String),
    /// The file is an ELF file for another machine or class.
    #[error("not a RISC-V 64-bit little-endian ELF file ({0})")]
    WrongMachine(String),
    /// A segment's file data lies beyond the end of the file.
    #[error(
        "truncated ELF file: segment {index} needs bytes up to {need:#x}, the file has {have:#x}"
    )]
    Truncated {
        /// Index of the program header.
        index: usize,
        /// End offset of the segment's data.
        need: u64,
        /// File length.
        have: u64,
    },
    /// A segment does not fit in guest RAM.
    #[error("segment at {addr:#x}..{end:#x} does not fit in RAM [{ram_base:#x}, {ram_end:#x}) (is -m large enough?)")]
    DoesNotFit {
        /// Physical start of the segment.
        addr: u64,
        /// Physical end of the segment.
        end: u64,
        /// RAM base.
        ram_base: u64,
        /// RAM end.
        ram_end: u64,
    },
    /// The ELF file has nothing to load.
    #[error("ELF file has no loadable segment")]
    NoSegments,
}

/// A symbol from the image's symbol table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Name.
    pub name: String,
    /// Value (address).
    pub addr: u64,
    /// Size in bytes (0 if unknown).
    pub size: u64,
}

/// What loading produced.
#[derive(Debug, Clone, Default)]
pub struct LoadedImage {
    /// Entry point.
    pub entry: u64,
    /// Lowest physical address written.
    pub start: u64,
    /// One past the highest physical address written.
    pub end: u64,
    /// Address of the `tohost` symbol, if any.
    pub tohost: Option<u64>,
    /// Address of the `fromhost` symbol, if any.
    pub fromhost: Option<u64>,
    /// Function and object symbols, sorted by address.
    pub symbols: Vec<Symbol>,
}

impl LoadedImage {
    /// The symbol containing `addr` and the offset into it, for traces.
    pub fn symbolize(&self, addr: u64) -> Option<(&str, u64)> {
        let i = self.symbols.partition_point(|s| s.addr <= addr);
        let s = self.symbols.get(i.checked_sub(1)?)?;
        let off = addr - s.addr;
        (s.size == 0 || off < s.size).then_some((s.name.as_str(), off))
    }
}

/// Loads `bytes` as an ELF image if it starts with the ELF magic, otherwise as a raw
/// binary at the start of RAM.
pub fn load_image(ram: &GuestRam, bytes: &[u8]) -> Result<LoadedImage, LoadError> {
    if bytes.starts_with(b"\x7fELF") {
        load_elf(ram, bytes)
    } else {
        load_raw(ram, bytes, ram.base())
    }
}

/// Copies a raw binary to `addr`; the entry point is `addr`.
pub fn load_raw(ram: &GuestRam, bytes: &[u8], addr: u64) -> Result<LoadedImage, LoadError> {
    let end = addr.saturating_add(bytes.len() as u64);
    ram.write_bytes(addr, bytes)
        .map_err(|_| LoadError::DoesNotFit {
            addr,
            end,
            ram_base: ram.base(),
            ram_end: ram.end(),
        })?;
    Ok(LoadedImage {
        entry: addr,
        start: addr,
        end,
        ..Default::default()
    })
}

/// A RISC-V 64-bit little-endian ELF file's header, checked, and the context to parse
/// its tables with.
///
/// goblin parses the structures; gasang does the bounds checks and the wording (goblin's
/// messages name its internals), and never asks goblin to validate strings: names that
/// are not UTF-8 are read lossily instead of making the whole file unreadable.
fn parse_header(bytes: &[u8]) -> Result<(Header, Ctx), LoadError> {
    const EI_NIDENT: usize = 16;
    if bytes.len() < EI_NIDENT {
        return Err(LoadError::Corrupt(format!(
            "the file ends inside the ELF header ({} bytes)",
            bytes.len()
        )));
    }
    let class = bytes[header::EI_CLASS];
    let data = bytes[header::EI_DATA];
    let is_64 = match class {
        header::ELFCLASS64 => true,
        header::ELFCLASS32 => false,
        c => {
            return Err(LoadError::Corrupt(format!(
                "unknown ELF class {c} (neither 32- nor 64-bit)"
            )))
        }
    };
    let little_endian = match data {
        header::ELFDATA2LSB => true,
        header::ELFDATA2MSB => false,
        d => {
            return Err(LoadError::Corrupt(format!(
                "unknown ELF byte order {d} (neither little- nor big-endian)"
            )))
        }
    };
    let size = if is_64 {
        header::header64::SIZEOF_EHDR
    } else {
        header::header32::SIZEOF_EHDR
    };
    if bytes.len() < size {
        return Err(LoadError::Corrupt(format!(
            "the file ends inside the ELF header ({} of {size} bytes)",
            bytes.len()
        )));
    }
    let h = Elf::parse_header(bytes)
        .map_err(|_| LoadError::Corrupt("the ELF header cannot be read".into()))?;
    if h.e_machine != header::EM_RISCV || !is_64 || !little_endian {
        return Err(LoadError::WrongMachine(format!(
            "machine {}, {}-bit, {}",
            header::machine_to_str(h.e_machine),
            if is_64 { 64 } else { 32 },
            if little_endian {
                "little-endian"
            } else {
                "big-endian"
            }
        )));
    }
    Ok((h, Ctx::new(Container::Big, Endian::Little)))
}

/// Checks that the table of `count` entries of `entry_size` bytes at `offset` lies inside
/// the file; `what` names it for the message.
fn check_table(
    bytes: &[u8],
    what: &str,
    offset: u64,
    count: u64,
    entry_size: u64,
) -> Result<(), LoadError> {
    let end = count
        .checked_mul(entry_size)
        .and_then(|n| n.checked_add(offset));
    match end {
        Some(end) if end <= bytes.len() as u64 => Ok(()),
        _ => Err(LoadError::Corrupt(format!(
            "the {what} ({count} x {entry_size} bytes at {offset:#x}) run past the end of the file ({:#x} bytes)",
            bytes.len()
        ))),
    }
}

/// The program headers of a checked header.
fn program_headers(bytes: &[u8], h: &Header, ctx: Ctx) -> Result<Vec<ProgramHeader>, LoadError> {
    const PHDR: u64 = program_header::program_header64::SIZEOF_PHDR as u64;
    if h.e_phnum == 0 {
        return Err(LoadError::NoSegments);
    }
    if u64::from(h.e_phentsize) != PHDR {
        return Err(LoadError::Corrupt(format!(
            "program header entries of {} bytes (ELF64 has {PHDR})",
            h.e_phentsize
        )));
    }
    check_table(bytes, "program headers", h.e_phoff, h.e_phnum.into(), PHDR)?;
    ProgramHeader::parse(bytes, h.e_phoff as usize, h.e_phnum as usize, ctx)
        .map_err(|_| LoadError::Corrupt("the program headers cannot be read".into()))
}

/// Loads the PT_LOAD segments of a RISC-V 64-bit ELF file at their physical addresses
/// (as QEMU does), zero-filling the part of each segment beyond its file data.
pub fn load_elf(ram: &GuestRam, bytes: &[u8]) -> Result<LoadedImage, LoadError> {
    let (h, ctx) = parse_header(bytes)?;
    let phdrs = program_headers(bytes, &h, ctx)?;
    let mut img = LoadedImage {
        entry: h.e_entry,
        start: u64::MAX,
        end: 0,
        ..Default::default()
    };
    // Check every segment before writing any, so a bad file leaves RAM untouched.
    let mut segments = Vec::new();
    for (index, ph) in phdrs.iter().enumerate() {
        if ph.p_type != PT_LOAD || ph.p_memsz == 0 {
            continue;
        }
        if ph.p_filesz > ph.p_memsz {
            return Err(LoadError::Corrupt(format!(
                "segment {index} has more file data ({:#x}) than memory size ({:#x})",
                ph.p_filesz, ph.p_memsz
            )));
        }
        let need = ph.p_offset.saturating_add(ph.p_filesz);
        if need > bytes.len() as u64 {
            return Err(LoadError::Truncated {
                index,
                need,
                have: bytes.len() as u64,
            });
        }
        let addr = ph.p_paddr;
        let end = addr.saturating_add(ph.p_memsz);
        if !ram.contains(addr, ph.p_memsz) {
            return Err(LoadError::DoesNotFit {
                addr,
                end,
                ram_base: ram.base(),
                ram_end: ram.end(),
            });
        }
        segments.push((addr, ph.p_offset as usize, ph.p_filesz as usize, ph.p_memsz));
        img.start = img.start.min(addr);
        img.end = img.end.max(end);
    }
    if segments.is_empty() {
        return Err(LoadError::NoSegments);
    }
    let symbols = read_symbol_table(bytes, &h, ctx)?;
    for (addr, off, filesz, memsz) in segments {
        let fits = |_| LoadError::DoesNotFit {
            addr,
            end: addr + memsz,
            ram_base: ram.base(),
            ram_end: ram.end(),
        };
        ram.write_bytes(addr, &bytes[off..off + filesz])
            .map_err(fits)?;
        ram.zero(addr + filesz as u64, memsz - filesz as u64)
            .map_err(fits)?;
    }
    add_symbols(symbols, &mut img);
    Ok(img)
}

/// The symbols (and entry point) of a RISC-V ELF file, without loading it: for traces
/// and debuggers given a separate symbol file (e.g. a kernel's `vmlinux`).
pub fn read_symbols(bytes: &[u8]) -> Result<LoadedImage, LoadError> {
    let (h, ctx) = parse_header(bytes)?;
    let mut img = LoadedImage {
        entry: h.e_entry,
        ..Default::default()
    };
    add_symbols(read_symbol_table(bytes, &h, ctx)?, &mut img);
    Ok(img)
}

/// A symbol table entry with its name (bytes that are not UTF-8 replaced by U+FFFD).
struct NamedSym {
    name: String,
    sym: Sym,
}

/// The entries of the file's symbol table (`SHT_SYMTAB`), if it has one. Section headers
/// or tables beyond the end of the file are a truncated file; a name that is not UTF-8 is
/// kept, lossily; a name outside the string table is left out.
fn read_symbol_table(bytes: &[u8], h: &Header, ctx: Ctx) -> Result<Vec<NamedSym>, LoadError> {
    const SHDR: u64 = section_header::section_header64::SIZEOF_SHDR as u64;
    const SYM: u64 = sym::sym64::SIZEOF_SYM as u64;
    if h.e_shoff == 0 || h.e_shnum == 0 {
        return Ok(Vec::new());
    }
    if u64::from(h.e_shentsize) != SHDR {
        return Err(LoadError::Corrupt(format!(
            "section header entries of {} bytes (ELF64 has {SHDR})",
            h.e_shentsize
        )));
    }
    check_table(bytes, "section headers", h.e_shoff, h.e_shnum.into(), SHDR)?;
    let sections = SectionHeader::parse(bytes, h.e_shoff as usize, h.e_shnum as usize, ctx)
        .map_err(|_| LoadError::Corrupt("the section headers cannot be read".into()))?;
    let Some(symtab) = sections
        .iter()
        .rfind(|s| s.sh_type == section_header::SHT_SYMTAB)
    else {
        return Ok(Vec::new());
    };
    if symtab.sh_entsize != SYM {
        return Err(LoadError::Corrupt(format!(
            "symbol table entries of {} bytes (ELF64 has {SYM})",
            symtab.sh_entsize
        )));
    }
    let count = symtab.sh_size / SYM;
    check_table(bytes, "symbol table", symtab.sh_offset, count, SYM)?;
    let strtab: &[u8] = match sections.get(symtab.sh_link as usize) {
        Some(s) => {
            check_table(bytes, "string table", s.sh_offset, s.sh_size, 1)?;
            &bytes[s.sh_offset as usize..(s.sh_offset + s.sh_size) as usize]
        }
        None => &[],
    };
    let syms = Symtab::parse(bytes, symtab.sh_offset as usize, count as usize, ctx)
        .map_err(|_| LoadError::Corrupt("the symbol table cannot be read".into()))?;
    Ok(syms
        .iter()
        .filter_map(|sym| {
            let tail = strtab.get(sym.st_name..)?;
            let len = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
            Some(NamedSym {
                name: String::from_utf8_lossy(&tail[..len]).into_owned(),
                sym,
            })
        })
        .collect())
}

/// Adds the named function, object and untyped symbols (sorted by address) and the HTIF
/// `tohost`/`fromhost` addresses to `img`.
fn add_symbols(symbols: Vec<NamedSym>, img: &mut LoadedImage) {
    for NamedSym { name, sym } in symbols {
        match name.as_str() {
            "tohost" => img.tohost = Some(sym.st_value),
            "fromhost" => img.fromhost = Some(sym.st_value),
            _ => {}
        }
        // `$x`/`$d` are mapping symbols (code/data markers), not names.
        if !name.is_empty()
            && !name.starts_with('$')
            && (sym.is_function()
                || sym.st_type() == goblin::elf::sym::STT_NOTYPE
                || sym.st_type() == goblin::elf::sym::STT_OBJECT)
            && sym.st_shndx != 0
        {
            img.symbols.push(Symbol {
                name,
                addr: sym.st_value,
                size: sym.st_size,
            });
        }
    }
    img.symbols.sort_by_key(|s| s.addr);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal RISC-V ELF64 with one PT_LOAD segment of 8 bytes at 0x8000_0000.
    fn tiny_elf(machine: u16) -> Vec<u8> {
        let mut f = vec![0u8; 0x40 + 0x38 + 8];
        f[0..4].copy_from_slice(b"\x7fELF");
        f[4] = 2; // 64-bit
        f[5] = 1; // little-endian
        f[6] = 1;
        f[16..18].copy_from_slice(&2u16.to_le_bytes()); // ET_EXEC
        f[18..20].copy_from_slice(&machine.to_le_bytes());
        f[20..24].copy_from_slice(&1u32.to_le_bytes());
        f[24..32].copy_from_slice(&0x8000_0000u64.to_le_bytes()); // entry
        f[32..40].copy_from_slice(&0x40u64.to_le_bytes()); // phoff
        f[52..54].copy_from_slice(&0x40u16.to_le_bytes()); // ehsize
        f[54..56].copy_from_slice(&0x38u16.to_le_bytes()); // phentsize
        f[56..58].copy_from_slice(&1u16.to_le_bytes()); // phnum
        let ph = &mut f[0x40..0x78];
        ph[0..4].copy_from_slice(&1u32.to_le_bytes()); // PT_LOAD
        ph[8..16].copy_from_slice(&0x78u64.to_le_bytes()); // offset
        ph[16..24].copy_from_slice(&0x8000_0000u64.to_le_bytes()); // vaddr
        ph[24..32].copy_from_slice(&0x8000_0000u64.to_le_bytes()); // paddr
        ph[32..40].copy_from_slice(&8u64.to_le_bytes()); // filesz
        ph[40..48].copy_from_slice(&16u64.to_le_bytes()); // memsz
        f[0x78..0x80].copy_from_slice(&0x1122_3344_5566_7788u64.to_le_bytes());
        f
    }

    #[test]
    fn loads_segments_and_zero_fills() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        ram.write(0x8000_0008, 8, u64::MAX);
        let img = load_elf(&ram, &tiny_elf(header::EM_RISCV)).unwrap();
        assert_eq!(img.entry, 0x8000_0000);
        assert_eq!((img.start, img.end), (0x8000_0000, 0x8000_0010));
        assert_eq!(ram.read(0x8000_0000, 8), Some(0x1122_3344_5566_7788));
        assert_eq!(ram.read(0x8000_0008, 8), Some(0));
    }

    #[test]
    fn refuses_bad_files() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        let x86 = tiny_elf(header::EM_X86_64);
        assert!(matches!(
            load_elf(&ram, &x86),
            Err(LoadError::WrongMachine(_))
        ));
        let good = tiny_elf(header::EM_RISCV);
        for cut in [10, 0x40, 0x60, 0x7c] {
            let e = load_image(&ram, &good[..cut]).unwrap_err();
            assert!(
                matches!(e, LoadError::Corrupt(_) | LoadError::Truncated { .. }),
                "cut at {cut}: {e}"
            );
        }
        let small = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        let mut far = good.clone();
        far[0x40 + 24..0x40 + 32].copy_from_slice(&0x8000_0ffcu64.to_le_bytes());
        assert!(matches!(
            load_elf(&small, &far),
            Err(LoadError::DoesNotFit { .. })
        ));
    }

    /// [`tiny_elf`] with a section table: `.symtab` (symbols `names`, all at the entry
    /// point, in section 1) and `.strtab`.
    fn elf_with_symbols(names: &[&[u8]]) -> Vec<u8> {
        let mut f = tiny_elf(header::EM_RISCV);
        let strtab_off = f.len();
        f.push(0);
        let mut offs = Vec::new();
        for n in names {
            offs.push((f.len() - strtab_off) as u32);
            f.extend_from_slice(n);
            f.push(0);
        }
        let strtab_len = f.len() - strtab_off;
        f.resize(f.len().next_multiple_of(8), 0);
        let symtab_off = f.len();
        f.extend_from_slice(&[0; 24]);
        for o in offs {
            let mut sym = [0u8; 24];
            sym[0..4].copy_from_slice(&o.to_le_bytes());
            sym[4] = 0x12; // global function
            sym[6..8].copy_from_slice(&1u16.to_le_bytes());
            sym[8..16].copy_from_slice(&0x8000_0000u64.to_le_bytes());
            f.extend_from_slice(&sym);
        }
        let symtab_len = f.len() - symtab_off;
        let shoff = f.len();
        // null, a stand-in section 1, .symtab (link 3), .strtab
        for (kind, off, size, link, entsize) in [
            (0u32, 0usize, 0usize, 0u32, 0u64),
            (1, 0x78, 8, 0, 0),
            (2, symtab_off, symtab_len, 3, 24),
            (3, strtab_off, strtab_len, 0, 0),
        ] {
            let mut sh = [0u8; 64];
            sh[4..8].copy_from_slice(&kind.to_le_bytes());
            sh[24..32].copy_from_slice(&(off as u64).to_le_bytes());
            sh[32..40].copy_from_slice(&(size as u64).to_le_bytes());
            sh[40..44].copy_from_slice(&link.to_le_bytes());
            sh[56..64].copy_from_slice(&entsize.to_le_bytes());
            f.extend_from_slice(&sh);
        }
        f[40..48].copy_from_slice(&(shoff as u64).to_le_bytes());
        f[58..60].copy_from_slice(&64u16.to_le_bytes());
        f[60..62].copy_from_slice(&4u16.to_le_bytes());
        f
    }

    #[test]
    fn symbols_that_are_not_utf8_are_kept_lossily() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        let f = elf_with_symbols(&[b"tohost", b"caf\xe9_\xff\xfe", b"main"]);
        let img = load_elf(&ram, &f).unwrap();
        assert_eq!(img.tohost, Some(0x8000_0000));
        let names: Vec<&str> = img.symbols.iter().map(|s| s.name.as_str()).collect();
        assert!(names.contains(&"caf\u{fffd}_\u{fffd}\u{fffd}"), "{names:?}");
        assert!(names.contains(&"main"), "{names:?}");
        assert_eq!(read_symbols(&f).unwrap().symbols.len(), 3);
    }

    #[test]
    fn corrupt_tables_are_reported_in_our_words() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        let good = elf_with_symbols(&[b"main"]);
        let mut cases: Vec<(Vec<u8>, &str)> = Vec::new();
        let mut class = good.clone();
        class[4] = 7;
        cases.push((class, "unknown ELF class 7"));
        let mut phent = good.clone();
        phent[54..56].copy_from_slice(&32u16.to_le_bytes());
        cases.push((phent, "program header entries of 32 bytes"));
        let mut phoff = good.clone();
        phoff[32..40].copy_from_slice(&0xffff_ffff_ffffu64.to_le_bytes());
        cases.push((
            phoff,
            "the program headers (1 x 56 bytes at 0xffffffffffff) run past",
        ));
        let mut shoff = good.clone();
        shoff[40..48].copy_from_slice(&u64::MAX.to_le_bytes());
        cases.push((shoff, "the section headers"));
        let cut = good.len() - 10;
        cases.push((good[..cut].to_vec(), "the section headers"));
        for (f, needle) in cases {
            let e = load_elf(&ram, &f).unwrap_err().to_string();
            assert!(e.contains(needle), "expected {needle:?} in: {e}");
            for goblin_word in ["Malformed", "bad input", "scroll", "too big", "utf8"] {
                assert!(!e.contains(goblin_word), "{e}");
            }
        }
    }

    #[test]
    fn raw_images_load_at_the_given_address() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        let img = load_image(&ram, &[0x13, 0, 0, 0]).unwrap();
        assert_eq!(img.entry, 0x8000_0000);
        assert_eq!(ram.read(0x8000_0000, 4), Some(0x13));
        assert!(load_raw(&ram, &[0; 8], 0x8000_0ffc).is_err());
    }
}
