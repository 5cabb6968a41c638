//! From a read command line ([`crate::qemu_cli::options::VirtOptions`]) to the board's
//! configuration: reading the images, probing the disks' formats, the loader's files.
//! Every file that cannot be used is reported (with the option that named it), not only
//! the first.

use std::path::{Path, PathBuf};

use anyhow::Result;
use devices::disk_format::{probe_file, ImageFormat};
use emu_core::ClockMode;
use firmware::boot::{Blob, BootImages, Image};

use crate::images::{bundled, decompress, read_image};
use crate::qemu_cli::memory::DEFAULT_RAM;
use crate::qemu_cli::options::{
    Bios, DriveSpec, Format, LoaderSpec, RtcBase, VirtOptions, VirtioSpec,
};
use crate::qemu_cli::refusal::{shown, Report};
use crate::qemu_cli::rtc::local_utc_offset;
use crate::virt::{
    DriveConfig, VirtConfig, VirtioConfig, VirtioKind, DETERMINISTIC_INSNS_PER_TICK,
};

/// The command line used with the bundled Linux when none is given.
pub const DEFAULT_APPEND: &str = "console=ttyS0 earlycon";

/// `path`, or where `-L DIR` has it (QEMU looks firmware up in its data directories).
fn locate(path: &Path, data_dir: Option<&Path>) -> PathBuf {
    match data_dir {
        Some(d) if !path.exists() && d.join(path).exists() => d.join(path),
        _ => path.to_path_buf(),
    }
}

/// The RAM size `o` asks for: no image may be larger (see [`crate::images`]).
fn ram_size(o: &VirtOptions) -> u64 {
    o.ram_size.unwrap_or(DEFAULT_RAM)
}

fn read(option: &str, path: &Path, o: &VirtOptions, report: &mut Report) -> Option<Image> {
    match read_image(&locate(path, o.data_dir.as_deref()), ram_size(o)) {
        Ok(img) => Some(img),
        Err(e) => {
            report.refuse(
                shown(option, Some(&path.to_string_lossy())),
                format!("{e:#}"),
            );
            None
        }
    }
}

fn unpack(option: &str, img: Option<Image>, o: &VirtOptions, report: &mut Report) -> Option<Image> {
    let mut img = img?;
    match decompress(&mut img, ram_size(o)) {
        Ok(()) => Some(img),
        Err(e) => {
            report.refuse(shown(option, Some(&img.name)), format!("{e:#}"));
            None
        }
    }
}

fn bundled_or_refuse(name: &str, report: &mut Report) -> Option<Image> {
    match bundled(name) {
        Ok(i) => Some(i),
        Err(e) => {
            report.refuse("-bios default", format!("{e:#}"));
            None
        }
    }
}

/// The disk `d`, its format checked as QEMU probes it when `format=` is not given.
fn drive_config(d: &DriveSpec, serial: Option<String>, report: &mut Report) -> DriveConfig {
    let mut probed = false;
    if d.format == Format::Probe {
        match probe_file(&d.file) {
            Ok(ImageFormat::Raw) => {
                probed = true;
                report.warn(format!(
                    "{}: no format= given and probing found raw: writes that would make \
                     sector 0 look like another format are refused (give format=raw to lift \
                     this)",
                    d.option
                ));
            }
            Ok(f) => report.refuse(
                d.option.clone(),
                format!(
                    "{} is a {} image: gasang opens raw images only{} (convert it with \
                     'qemu-img convert -O raw {} {}.raw')",
                    d.file.display(),
                    f.name(),
                    if f == ImageFormat::Qcow2 {
                        "; qcow2 support comes later"
                    } else {
                        ""
                    },
                    d.file.display(),
                    d.file.display()
                ),
            ),
            // VirtMachine::new opens it and says why it cannot.
            Err(_) => {}
        }
    }
    DriveConfig {
        path: d.file.clone(),
        read_only: d.read_only,
        snapshot: d.snapshot,
        probed,
        serial: serial.or_else(|| d.serial.clone()),
    }
}

/// Whether drive `d` can be opened: a regular file, and (for a drive no device uses, which
/// [`crate::virt::VirtMachine::new`] does not open) one that opens with the access asked
/// for.
fn check_drive(d: &DriveSpec, used: bool) -> Result<(), String> {
    let read_only = d.read_only || d.snapshot;
    let cannot = |e| devices::BlkError::from_io(&d.file, read_only, e).to_string();
    let meta = std::fs::metadata(&d.file).map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!(
            "disk image {}: not a regular file",
            d.file.display()
        ));
    }
    if !used {
        std::fs::OpenOptions::new()
            .read(true)
            .write(!read_only)
            .open(&d.file)
            .map_err(cannot)?;
    }
    Ok(())
}

/// The board `o` describes; `None` if something was refused (in `report`).
pub fn virt_config(o: &VirtOptions, report: &mut Report) -> Result<Option<VirtConfig>> {
    let before = report.refusals.len();
    let mut images = BootImages {
        firmware: match &o.bios {
            Bios::None => None,
            Bios::Default => bundled_or_refuse("fw_dynamic.bin", report),
            Bios::File(p) => unpack("bios", read("bios", p, o, report), o, report),
        },
        ..Default::default()
    };
    let mut append = o.append.clone();
    if o.boots_bundled_linux() {
        images.kernel = unpack("kernel", bundled_or_refuse("Image.xz", report), o, report);
        images.initrd = bundled_or_refuse("initramfs.cpio.gz", report);
        append.get_or_insert_with(|| DEFAULT_APPEND.to_string());
    } else {
        if let Some(k) = &o.kernel {
            images.kernel = unpack("kernel", read("kernel", k, o, report), o, report);
        }
        if let Some(i) = &o.initrd {
            images.initrd = read("initrd", i, o, report);
        }
    }
    let dtb = o
        .dtb
        .as_ref()
        .and_then(|p| match read_image(p, ram_size(o)) {
            Ok(img) => Some(img.bytes),
            Err(e) => {
                report.refuse(shown("dtb", Some(&p.to_string_lossy())), format!("{e:#}"));
                None
            }
        });

    let mut hart_start = Vec::new();
    let mut ram_writes = Vec::new();
    for l in &o.loaders {
        match l {
            LoaderSpec::File {
                option,
                file,
                addr,
                force_raw,
                cpu,
            } => {
                let bytes = match read_image(file, ram_size(o)) {
                    Ok(img) => img.bytes,
                    Err(e) => {
                        // QEMU's words, then why.
                        report.refuse(
                            option.clone(),
                            format!("Cannot load specified image {}: {e:#}", file.display()),
                        );
                        continue;
                    }
                };
                let elf = !force_raw && bytes.starts_with(b"\x7fELF");
                let entry = if elf {
                    match firmware::read_symbols(&bytes) {
                        Ok(i) => i.entry,
                        Err(e) => {
                            report.refuse(option.clone(), format!("{}: {e}", file.display()));
                            continue;
                        }
                    }
                } else {
                    *addr
                };
                if let Some(c) = cpu {
                    hart_start.push((*c, entry));
                }
                images.blobs.push(Blob {
                    image: Image {
                        name: file.display().to_string(),
                        bytes,
                    },
                    addr: (!elf).then_some(*addr),
                });
            }
            LoaderSpec::Data {
                addr,
                value,
                len,
                big_endian,
            } => {
                let n = *len as usize;
                let bytes = if *big_endian {
                    value.to_be_bytes()[8 - n..].to_vec()
                } else {
                    value.to_le_bytes()[..n].to_vec()
                };
                ram_writes.push((*addr, bytes));
            }
            LoaderSpec::Pc { cpu, addr } => hart_start.push((*cpu, *addr)),
        }
    }

    let mut virtio = Vec::new();
    for v in &o.virtio {
        match v {
            VirtioSpec::Blk {
                drive,
                slot,
                serial,
            } => virtio.push(VirtioConfig {
                kind: VirtioKind::Blk(drive_config(&o.drives[*drive], serial.clone(), report)),
                slot: *slot,
            }),
            VirtioSpec::Rng { filename, slot } => virtio.push(VirtioConfig {
                kind: VirtioKind::Rng(filename.clone()),
                slot: *slot,
            }),
        }
    }
    // QEMU opens every drive, used or not: a missing or unreadable image is an error
    // either way, and so is one that is not a regular file (QEMU: "'file' driver requires
    // ... to be a regular file"; a pipe would block the open).
    for (i, d) in o.drives.iter().enumerate() {
        let used = o
            .virtio
            .iter()
            .any(|v| matches!(v, VirtioSpec::Blk { drive, .. } if *drive == i));
        if let Err(e) = check_drive(d, used) {
            report.refuse(d.option.clone(), e);
        }
    }
    let rtc_start_ns = match o.rtc_base {
        RtcBase::Utc => None,
        RtcBase::LocalTime => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as i128);
            Some((now + local_utc_offset() as i128 * 1_000_000_000).max(0) as u64)
        }
        RtcBase::Date(s) if s >= 0 => Some(s as u64 * 1_000_000_000),
        RtcBase::Date(_) => {
            report.refuse("-rtc", "dates before 1970 are not supported");
            None
        }
    };
    if report.refusals.len() > before {
        return Ok(None);
    }
    Ok(Some(VirtConfig {
        ram_size: ram_size(o),
        harts: o.harts.unwrap_or(1),
        images,
        append,
        virtio,
        virtio_legacy: o.virtio_legacy,
        dtb,
        rtc_start_ns,
        rtc_vm_clock: o.rtc_vm_clock,
        hart_start,
        ram_writes,
        cpu: o.cpu.unwrap_or_default(),
        // The lockstep check needs both engines to see the same clock.
        clock: if o.deterministic || o.engine == crate::engine::EngineKind::Check {
            ClockMode::Instructions(DETERMINISTIC_INSNS_PER_TICK)
        } else {
            ClockMode::Host
        },
    }))
}
