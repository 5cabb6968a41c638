//! Disk image formats, recognised as QEMU's block drivers recognise them when no
//! `format=` is given (each driver's `bdrv_probe`, block/*.c): a file is raw only when no
//! other format claims it. gasang opens raw images only, so probing is what keeps a
//! qcow2 (or other) image from being handed to the guest as raw bytes, where its writes
//! would corrupt the image.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Bytes QEMU looks at (BLOCK_PROBE_BUF_SIZE).
pub const PROBE_BYTES: usize = 512;

/// A disk image format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Plain bytes: nothing else matched.
    Raw,
    /// QEMU copy-on-write version 2 or 3.
    Qcow2,
    /// QEMU copy-on-write version 1.
    Qcow,
    /// QEMU enhanced disk.
    Qed,
    /// VMware (sparse, COWD or a text descriptor).
    Vmdk,
    /// VirtualBox.
    Vdi,
    /// Hyper-V.
    Vhdx,
    /// Virtual PC (dynamic, `conectix` at the start).
    Vpc,
    /// LUKS encrypted.
    Luks,
    /// Parallels.
    Parallels,
    /// Bochs.
    Bochs,
    /// Linux compressed loop.
    Cloop,
    /// Apple disk image (QEMU goes by the `.dmg` name).
    Dmg,
}

impl ImageFormat {
    /// QEMU's name of the format (`format=` value).
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Raw => "raw",
            ImageFormat::Qcow2 => "qcow2",
            ImageFormat::Qcow => "qcow",
            ImageFormat::Qed => "qed",
            ImageFormat::Vmdk => "vmdk",
            ImageFormat::Vdi => "vdi",
            ImageFormat::Vhdx => "vhdx",
            ImageFormat::Vpc => "vpc",
            ImageFormat::Luks => "luks",
            ImageFormat::Parallels => "parallels",
            ImageFormat::Bochs => "bochs",
            ImageFormat::Cloop => "cloop",
            ImageFormat::Dmg => "dmg",
        }
    }
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The format of an image whose first bytes are `head` (up to [`PROBE_BYTES`]) and whose
/// name is `name`.
pub fn probe(head: &[u8], name: &str) -> ImageFormat {
    use ImageFormat::*;
    if head.starts_with(b"QFI\xfb") {
        // qcow2_probe / qcow_probe: the version after the magic.
        return match be32(head, 4) {
            Some(v) if v >= 2 => Qcow2,
            _ => Qcow,
        };
    }
    if head.starts_with(b"QED\0") {
        return Qed;
    }
    if head.starts_with(b"KDMV") || head.starts_with(b"COWD") {
        return Vmdk;
    }
    if head.starts_with(b"# Disk DescriptorFile") {
        return Vmdk;
    }
    if le32(head, 0x40) == Some(0xbeda_107f) {
        return Vdi;
    }
    if head.starts_with(b"vhdxfile") {
        return Vhdx;
    }
    if head.starts_with(b"conectix") {
        return Vpc;
    }
    if head.starts_with(b"LUKS\xba\xbe") {
        return Luks;
    }
    if head.starts_with(b"WithoutFreeSpace") || head.starts_with(b"WithouFreSpacExt") {
        return Parallels;
    }
    if head.starts_with(b"Bochs Virtual HD Image") {
        return Bochs;
    }
    if head.starts_with(b"#!/bin/sh\n#V2.0 Format\nmodprobe cloop file=$0") {
        return Cloop;
    }
    if name.len() > 4 && name.ends_with(".dmg") {
        return Dmg;
    }
    Raw
}

/// Probes the image file at `path`. Only a regular file is opened (opening a FIFO would
/// block until something writes to it): anything else is an error, as disks must be
/// regular files.
pub fn probe_file(path: &Path) -> io::Result<ImageFormat> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut head = Vec::with_capacity(PROBE_BYTES);
    File::open(path)?
        .take(PROBE_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(probe(&head, &path.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_probed() {
        let fifo = std::env::temp_dir().join(format!("gasang-probe-fifo-{}", std::process::id()));
        let _ = std::fs::remove_file(&fifo);
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        // A FIFO nobody writes to: refused before the open that would block.
        let e = probe_file(&fifo).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let _ = std::fs::remove_file(&fifo);
        let e = probe_file(&std::env::temp_dir()).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }

    #[test]
    fn formats_by_magic() {
        let mut qcow2 = b"QFI\xfb\0\0\0\x03".to_vec();
        qcow2.resize(512, 0);
        assert_eq!(probe(&qcow2, "x"), ImageFormat::Qcow2);
        assert_eq!(probe(b"QFI\xfb\0\0\0\x01", "x"), ImageFormat::Qcow);
        assert_eq!(probe(b"KDMV\x01\0\0\0", "x"), ImageFormat::Vmdk);
        assert_eq!(
            probe(b"# Disk DescriptorFile\nversion=1", "x"),
            ImageFormat::Vmdk
        );
        let mut vdi = vec![0u8; 512];
        vdi[0x40..0x44].copy_from_slice(&0xbeda_107fu32.to_le_bytes());
        assert_eq!(probe(&vdi, "x"), ImageFormat::Vdi);
        assert_eq!(probe(b"vhdxfile", "x"), ImageFormat::Vhdx);
        assert_eq!(probe(b"conectix", "x"), ImageFormat::Vpc);
        assert_eq!(probe(b"LUKS\xba\xbe\0\x02", "x"), ImageFormat::Luks);
        assert_eq!(probe(b"QED\0", "x"), ImageFormat::Qed);
        assert_eq!(probe(&[0u8; 512], "disk.dmg"), ImageFormat::Dmg);
        assert_eq!(probe(&[0u8; 512], "disk.img"), ImageFormat::Raw);
        assert_eq!(probe(b"", "empty"), ImageFormat::Raw);
        // An MBR or ext4 image is raw.
        let mut mbr = vec![0u8; 512];
        mbr[510] = 0x55;
        mbr[511] = 0xaa;
        assert_eq!(probe(&mbr, "x"), ImageFormat::Raw);
    }
}
