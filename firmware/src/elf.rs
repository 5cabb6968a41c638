//! Loading ELF and raw images into guest RAM.

use emu_core::GuestRam;
use goblin::elf::{header, program_header::PT_LOAD, Elf};
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

/// Loads the PT_LOAD segments of a RISC-V 64-bit ELF file at their physical addresses
/// (as QEMU does), zero-filling the part of each segment beyond its file data.
pub fn load_elf(ram: &GuestRam, bytes: &[u8]) -> Result<LoadedImage, LoadError> {
    let elf = Elf::parse(bytes).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    let h = &elf.header;
    if h.e_machine != header::EM_RISCV || !elf.is_64 || !elf.little_endian {
        return Err(LoadError::WrongMachine(format!(
            "machine {}, {}-bit, {}",
            header::machine_to_str(h.e_machine),
            if elf.is_64 { 64 } else { 32 },
            if elf.little_endian {
                "little-endian"
            } else {
                "big-endian"
            }
        )));
    }
    let mut img = LoadedImage {
        entry: h.e_entry,
        start: u64::MAX,
        end: 0,
        ..Default::default()
    };
    // Check every segment before writing any, so a bad file leaves RAM untouched.
    let mut segments = Vec::new();
    for (index, ph) in elf.program_headers.iter().enumerate() {
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
    add_symbols(&elf, &mut img);
    Ok(img)
}

/// The symbols (and entry point) of a RISC-V ELF file, without loading it: for traces
/// and debuggers given a separate symbol file (e.g. a kernel's `vmlinux`).
pub fn read_symbols(bytes: &[u8]) -> Result<LoadedImage, LoadError> {
    let elf = Elf::parse(bytes).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    if elf.header.e_machine != header::EM_RISCV {
        return Err(LoadError::WrongMachine(format!(
            "machine {}",
            header::machine_to_str(elf.header.e_machine)
        )));
    }
    let mut img = LoadedImage {
        entry: elf.header.e_entry,
        ..Default::default()
    };
    add_symbols(&elf, &mut img);
    Ok(img)
}

/// Adds `elf`'s named function, object and untyped symbols (sorted by address) and the
/// HTIF `tohost`/`fromhost` addresses to `img`.
fn add_symbols(elf: &Elf, img: &mut LoadedImage) {
    for sym in elf.syms.iter() {
        let Some(name) = elf.strtab.get_at(sym.st_name) else {
            continue;
        };
        match name {
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
                name: name.to_string(),
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

    #[test]
    fn raw_images_load_at_the_given_address() {
        let ram = GuestRam::new(0x8000_0000, 0x1000).unwrap();
        let img = load_image(&ram, &[0x13, 0, 0, 0]).unwrap();
        assert_eq!(img.entry, 0x8000_0000);
        assert_eq!(ram.read(0x8000_0000, 4), Some(0x13));
        assert!(load_raw(&ram, &[0; 8], 0x8000_0ffc).is_err());
    }
}
