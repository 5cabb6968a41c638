//! Placing the boot images of the `virt` board in RAM, the way QEMU does: firmware at the
//! start of RAM, the kernel at the next 2 MiB boundary after it, the initrd at
//! `kernel + min(RAM / 2, 128 MiB)`, the device tree at the top of RAM (below 3 GiB of
//! RAM), and a boot ROM that passes them on. The device tree's room is its real size (a
//! long `-append` makes it larger), so nothing else may lie there; as on QEMU, it starts
//! at a 2 MiB boundary, as high as it fits.

use emu_core::GuestRam;
use thiserror::Error;

use crate::bootrom::{FwDynamic, NextMode};
use crate::elf::{load_elf, LoadError, LoadedImage};

const MIB: u64 = 1 << 20;
/// Alignment of the kernel after the firmware (RV64).
const KERNEL_ALIGN: u64 = 2 * MIB;
/// Alignment of the device tree at the top of RAM.
const FDT_ALIGN: u64 = 2 * MIB;

/// One image as given on the command line.
#[derive(Debug, Clone)]
pub struct Image {
    /// Name for messages (usually the file path).
    pub name: String,
    /// Contents (already decompressed).
    pub bytes: Vec<u8>,
}

/// What to boot.
#[derive(Debug, Clone, Default)]
pub struct BootImages {
    /// The M-mode firmware (`-bios`), loaded at the start of RAM; `None` for `-bios none`.
    pub firmware: Option<Image>,
    /// The kernel (`-kernel`): an ELF, or a raw image such as a Linux `Image`.
    pub kernel: Option<Image>,
    /// The initial RAM disk (`-initrd`).
    pub initrd: Option<Image>,
    /// Extra files (QEMU's `-device loader,file=...`), loaded after the others.
    pub blobs: Vec<Blob>,
}

/// A file loaded into RAM as it is (QEMU's generic loader).
#[derive(Debug, Clone)]
pub struct Blob {
    /// The file.
    pub image: Image,
    /// Where a raw file goes; `None`: an ELF file, at its own addresses.
    pub addr: Option<u64>,
}

/// Where everything went.
#[derive(Debug, Clone, Default)]
pub struct BootPlan {
    /// Where the boot ROM jumps (firmware entry, or the kernel's with `-bios none`).
    pub start: u64,
    /// OpenSBI `fw_dynamic` hand-off, when there is firmware and a kernel.
    pub fw_dynamic: Option<FwDynamic>,
    /// The initrd's `[start, end)`.
    pub initrd: Option<(u64, u64)>,
    /// Address reserved for the device tree.
    pub fdt_addr: u64,
    /// Bytes reserved for the device tree at `fdt_addr` (the size given to
    /// [`plan_boot`]).
    pub fdt_size: u64,
    /// Symbols of ELF images (for traces and gdb).
    pub symbols: Vec<LoadedImage>,
    /// Each blob's entry (an ELF's entry point, or the raw file's address).
    pub blob_entries: Vec<u64>,
    /// Every region loaded, with its image's name (firmware, kernel, initrd, blobs,
    /// and the room kept for the device tree).
    pub regions: Vec<(String, (u64, u64))>,
}

/// Why the images cannot be booted.
#[derive(Debug, Error)]
pub enum BootError {
    /// An ELF image is invalid.
    #[error("{name}: {error}")]
    Elf {
        /// The image.
        name: String,
        /// What is wrong.
        error: LoadError,
    },
    /// An image does not fit in RAM where it must go.
    #[error("{name} ({size} bytes at {addr:#x}) does not fit in RAM [{ram_base:#x}, {ram_end:#x}): use a larger -m")]
    DoesNotFit {
        /// The image.
        name: String,
        /// Its size.
        size: u64,
        /// Where it was to go.
        addr: u64,
        /// RAM base.
        ram_base: u64,
        /// RAM end.
        ram_end: u64,
    },
    /// Two images would overlap.
    #[error("{a} and {b} overlap in RAM (QEMU: 'Some ROM regions are overlapping'): check where each is loaded; an ELF firmware given as -kernel needs -bios none")]
    Overlap {
        /// First image.
        a: String,
        /// Second image.
        b: String,
    },
    /// Nothing to run.
    #[error("nothing to boot: give -kernel (and -bios none for an M-mode kernel)")]
    NothingToBoot,
}

fn is_elf(b: &[u8]) -> bool {
    b.starts_with(b"\x7fELF")
}

fn place_raw(ram: &GuestRam, img: &Image, addr: u64) -> Result<(u64, u64), BootError> {
    ram.write_bytes(addr, &img.bytes)
        .map_err(|_| BootError::DoesNotFit {
            name: img.name.clone(),
            size: img.bytes.len() as u64,
            addr,
            ram_base: ram.base(),
            ram_end: ram.end(),
        })?;
    Ok((addr, addr + img.bytes.len() as u64))
}

/// An image in RAM: its extent, entry point and, for ELF images, what was loaded.
type Placed = ((u64, u64), u64, Option<LoadedImage>);

/// Loads `img` (ELF at its physical addresses, or raw at `addr`).
fn place(ram: &GuestRam, img: &Image, addr: u64) -> Result<Placed, BootError> {
    if is_elf(&img.bytes) {
        let l = load_elf(ram, &img.bytes).map_err(|source| match source {
            LoadError::DoesNotFit { addr, end, .. } => BootError::DoesNotFit {
                name: img.name.clone(),
                size: end - addr,
                addr,
                ram_base: ram.base(),
                ram_end: ram.end(),
            },
            error => BootError::Elf {
                name: img.name.clone(),
                error,
            },
        })?;
        Ok(((l.start, l.end), l.entry, Some(l)))
    } else {
        let r = place_raw(ram, img, addr)?;
        Ok((r, addr, None))
    }
}

fn overlaps(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The first of `regions` that `extent` overlaps, as an error naming both.
fn check_overlap(
    regions: &[(String, (u64, u64))],
    name: &str,
    extent: (u64, u64),
) -> Result<(), BootError> {
    match regions.iter().find(|(_, r)| overlaps(*r, extent)) {
        Some((other, _)) => Err(BootError::Overlap {
            a: other.clone(),
            b: name.to_string(),
        }),
        None => Ok(()),
    }
}

/// Loads the images into `ram` and decides the boot addresses, reserving `fdt_size` bytes
/// for the device tree (the size of the blob the board will write there).
pub fn plan_boot(ram: &GuestRam, imgs: &BootImages, fdt_size: u64) -> Result<BootPlan, BootError> {
    let base = ram.base();
    let mut plan = BootPlan::default();
    let mut regions: Vec<(String, (u64, u64))> = Vec::new();

    // The device tree goes at the top of RAM (of the first 3 GiB), 2 MiB aligned, as
    // QEMU's riscv_compute_fdt_addr does.
    let top = ram.end().min(base + 3 * 1024 * MIB);
    let fdt_size = fdt_size.max(1);
    let name = format!("the device tree ({fdt_size} bytes)");
    plan.fdt_addr = top
        .checked_sub(fdt_size)
        .map(|a| a & !(FDT_ALIGN - 1))
        .filter(|&a| a >= base)
        .ok_or_else(|| BootError::DoesNotFit {
            name: "the device tree".into(),
            size: fdt_size,
            addr: top.saturating_sub(fdt_size),
            ram_base: base,
            ram_end: ram.end(),
        })?;
    plan.fdt_size = fdt_size;
    regions.push((name, (plan.fdt_addr, plan.fdt_addr + fdt_size)));

    let mut kernel_addr = base;
    if let Some(fw) = &imgs.firmware {
        let (extent, entry, loaded) = place(ram, fw, base)?;
        check_overlap(&regions, &fw.name, extent)?;
        plan.start = entry;
        kernel_addr = (extent.1 + KERNEL_ALIGN - 1) & !(KERNEL_ALIGN - 1);
        regions.push((fw.name.clone(), extent));
        plan.symbols.extend(loaded);
    }
    let mut kernel_entry = None;
    if let Some(k) = &imgs.kernel {
        let (extent, entry, loaded) = place(ram, k, kernel_addr)?;
        // QEMU starts an ELF kernel at its lowest load address, not its ELF entry
        // (hw/riscv/boot.c riscv_load_kernel: kernels may have separate SBI and ELF
        // entry points, as FreeBSD's do).
        let entry = if loaded.is_some() { extent.0 } else { entry };
        check_overlap(&regions, &k.name, extent)?;
        regions.push((k.name.clone(), extent));
        plan.symbols.extend(loaded);
        kernel_entry = Some(entry);
    }
    match (&imgs.firmware, kernel_entry) {
        (Some(_), Some(entry)) => {
            plan.fw_dynamic = Some(FwDynamic {
                next_addr: entry,
                next_mode: NextMode::Supervisor,
            });
        }
        (Some(_), None) => {
            // Firmware alone (e.g. M-mode U-Boot): OpenSBI would jump to the address
            // after it, as with QEMU's defaults.
            plan.fw_dynamic = Some(FwDynamic {
                next_addr: kernel_addr,
                next_mode: NextMode::Supervisor,
            });
        }
        (None, Some(entry)) => plan.start = entry,
        // Only loader blobs (QEMU's -device loader): the boot ROM jumps to the start of
        // RAM, as QEMU's does; a loader with cpu-num sets the hart's pc itself.
        (None, None) if !imgs.blobs.is_empty() => plan.start = base,
        (None, None) => return Err(BootError::NothingToBoot),
    }

    if let Some(rd) = &imgs.initrd {
        let anchor = kernel_entry.unwrap_or(kernel_addr);
        // Saturating: an ELF kernel's entry may be anywhere (it is the guest's choice).
        let start = anchor
            .saturating_add((ram.size() / 2).min(128 * MIB))
            .saturating_add(0xfff)
            & !0xfff;
        let extent = (start, start.saturating_add(rd.bytes.len() as u64));
        if extent.1 > ram.end() {
            return Err(BootError::DoesNotFit {
                name: rd.name.clone(),
                size: rd.bytes.len() as u64,
                addr: start,
                ram_base: base,
                ram_end: ram.end(),
            });
        }
        check_overlap(&regions, &rd.name, extent)?;
        place_raw(ram, rd, start)?;
        plan.initrd = Some(extent);
        regions.push((rd.name.clone(), extent));
    }
    // QEMU refuses overlapping ROM blobs ("rom: requested regions overlap").
    for b in &imgs.blobs {
        let (extent, entry, loaded) = match b.addr {
            Some(addr) => (place_raw(ram, &b.image, addr)?, addr, None),
            None => place(ram, &b.image, 0)?,
        };
        check_overlap(&regions, &b.image.name, extent)?;
        regions.push((b.image.name.clone(), extent));
        plan.symbols.extend(loaded);
        plan.blob_entries.push(entry);
    }
    plan.regions = regions;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A device tree of the usual size (a few KiB).
    const FDT_SMALL: u64 = 4096;

    fn img(name: &str, len: usize) -> Image {
        Image {
            name: name.into(),
            bytes: vec![0x13; len],
        }
    }

    #[test]
    fn opensbi_linux_initrd_layout() {
        let ram = GuestRam::new(0x8000_0000, 256 * MIB).unwrap();
        let plan = plan_boot(
            &ram,
            &BootImages {
                firmware: Some(img("fw", 200_000)),
                kernel: Some(img("Image", 20 * MIB as usize)),
                initrd: Some(img("initrd", 2 * MIB as usize)),
                blobs: Vec::new(),
            },
            FDT_SMALL,
        )
        .unwrap();
        assert_eq!(plan.start, 0x8000_0000);
        let fw = plan.fw_dynamic.unwrap();
        assert_eq!(fw.next_addr, 0x8020_0000);
        assert_eq!(plan.initrd, Some((0x8820_0000, 0x8840_0000)));
        assert_eq!(plan.fdt_addr, 0x8fe0_0000);
    }

    #[test]
    fn the_device_tree_gets_its_real_size() {
        let ram = GuestRam::new(0x8000_0000, 64 * MIB).unwrap();
        let kernel = BootImages {
            kernel: Some(img("k", 4096)),
            ..Default::default()
        };
        let plan = plan_boot(&ram, &kernel, FDT_SMALL).unwrap();
        assert_eq!((plan.fdt_addr, plan.fdt_size), (0x83e0_0000, FDT_SMALL));
        // 3 MiB (a very long -append) starts at the 2 MiB boundary below top - 3 MiB.
        let plan = plan_boot(&ram, &kernel, 3 * MIB).unwrap();
        assert_eq!((plan.fdt_addr, plan.fdt_size), (0x83c0_0000, 3 * MIB));
        // Larger than RAM: one clear error.
        let e = plan_boot(&ram, &kernel, 65 * MIB).unwrap_err().to_string();
        assert!(e.contains("the device tree (68157440 bytes at"), "{e}");
        assert!(e.contains("use a larger -m"), "{e}");
        // The initrd may not run into the device tree's real extent.
        let with_initrd = BootImages {
            initrd: Some(img("initrd", 30 * MIB as usize)),
            ..kernel
        };
        plan_boot(&ram, &with_initrd, FDT_SMALL).unwrap();
        let e = plan_boot(&ram, &with_initrd, 33 * MIB)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("the device tree") && e.contains("overlap"),
            "{e}"
        );
    }

    #[test]
    fn loader_blobs_keep_out_of_the_device_trees_real_extent() {
        let ram = GuestRam::new(0x8000_0000, 64 * MIB).unwrap();
        // Just past a small device tree at 0x83e0_0000, inside a 64 KiB one.
        let imgs = BootImages {
            kernel: Some(img("k", 4096)),
            blobs: vec![Blob {
                image: img("payload", 4096),
                addr: Some(0x83e0_1000),
            }],
            ..Default::default()
        };
        let plan = plan_boot(&ram, &imgs, FDT_SMALL).unwrap();
        assert_eq!(plan.fdt_addr, 0x83e0_0000);
        let e = plan_boot(&ram, &imgs, 64 * 1024).unwrap_err().to_string();
        assert!(
            e.contains("the device tree (65536 bytes)") && e.contains("payload overlap"),
            "{e}"
        );
    }

    #[test]
    fn too_small_ram_is_reported() {
        let ram = GuestRam::new(0x8000_0000, 16 * MIB).unwrap();
        let e = plan_boot(
            &ram,
            &BootImages {
                firmware: Some(img("fw", 200_000)),
                kernel: Some(img("Image", 20 * MIB as usize)),
                initrd: None,
                blobs: Vec::new(),
            },
            FDT_SMALL,
        )
        .unwrap_err();
        assert!(e.to_string().contains("use a larger -m"), "{e}");
        assert!(matches!(
            plan_boot(&ram, &BootImages::default(), FDT_SMALL),
            Err(BootError::NothingToBoot)
        ));
    }

    #[test]
    fn bare_kernel_starts_at_its_entry() {
        let ram = GuestRam::new(0x8000_0000, 16 * MIB).unwrap();
        let plan = plan_boot(
            &ram,
            &BootImages {
                firmware: None,
                kernel: Some(img("k", 4096)),
                initrd: None,
                blobs: vec![Blob {
                    image: img("payload", 4096),
                    addr: Some(0x8040_0000),
                }],
            },
            FDT_SMALL,
        )
        .unwrap();
        assert_eq!(plan.start, 0x8000_0000);
        assert!(plan.fw_dynamic.is_none());
        assert_eq!(plan.blob_entries, vec![0x8040_0000]);
        assert_eq!(ram.read(0x8040_0000, 1), Some(0x13));
        // A blob over the kernel is refused, as QEMU refuses overlapping ROMs.
        let e = plan_boot(
            &ram,
            &BootImages {
                kernel: Some(img("k", 8192)),
                blobs: vec![Blob {
                    image: img("payload", 16),
                    addr: Some(0x8000_1000),
                }],
                ..Default::default()
            },
            FDT_SMALL,
        )
        .unwrap_err();
        assert!(matches!(e, BootError::Overlap { .. }), "{e}");
    }
}
