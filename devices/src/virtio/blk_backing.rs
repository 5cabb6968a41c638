//! The bytes behind a virtio-blk disk: the image file itself, or (QEMU's `-snapshot`)
//! the image read-only under a temporary copy-on-write overlay that is dropped when the
//! emulator exits. The overlay is an unlinked sparse file in `$TMPDIR` (or `/var/tmp`,
//! as QEMU uses) with the image's layout; a bitmap says which 64 KiB clusters it holds.
//! A write to part of a cluster first copies the cluster from the image.
//!
//! A raw image whose format was probed (no `format=raw`) refuses writes that would make
//! its first sector look like another format, as QEMU does (block/raw-format.c): a guest
//! cannot turn a raw disk into, say, a qcow2 header that a later run would trust.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use crate::disk_format::{probe, ImageFormat, PROBE_BYTES};

/// Overlay granularity.
const CLUSTER: u64 = 64 * 1024;

/// A temporary copy-on-write layer over an image.
#[derive(Debug)]
struct Overlay {
    file: File,
    /// One bit per cluster: the overlay holds it.
    present: Vec<u64>,
}

impl Overlay {
    fn new(size: u64) -> io::Result<Overlay> {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::var_os("TMPDIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/var/tmp"));
        let path = dir.join(format!(
            "gasang-snapshot-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        // Unlinked at once: the overlay goes away with the process, however it ends.
        std::fs::remove_file(&path)?;
        file.set_len(size)?;
        let clusters = size.div_ceil(CLUSTER);
        Ok(Overlay {
            file,
            present: vec![0; clusters.div_ceil(64) as usize],
        })
    }

    fn has(&self, c: u64) -> bool {
        self.present[(c / 64) as usize] & (1 << (c % 64)) != 0
    }

    fn mark(&mut self, c: u64) {
        self.present[(c / 64) as usize] |= 1 << (c % 64);
    }
}

/// Where a disk's sectors live.
#[derive(Debug)]
pub struct Backing {
    image: Arc<File>,
    size: u64,
    overlay: Option<Overlay>,
    /// The format was probed: keep sector 0 raw.
    guard_first_sector: bool,
}

impl Backing {
    /// The image `image` of `size` bytes; `snapshot` puts writes in a temporary overlay;
    /// `probed` guards the first sector (see the module documentation).
    pub fn new(image: File, size: u64, snapshot: bool, probed: bool) -> io::Result<Backing> {
        Ok(Backing {
            image: Arc::new(image),
            size,
            overlay: if snapshot {
                Some(Overlay::new(size)?)
            } else {
                None
            },
            guard_first_sector: probed,
        })
    }

    /// The image file (for flushing).
    pub fn image(&self) -> &Arc<File> {
        &self.image
    }

    /// Writes stay in a temporary overlay.
    pub fn is_snapshot(&self) -> bool {
        self.overlay.is_some()
    }

    /// Reads `buf.len()` bytes at `off` (inside the disk).
    pub fn read_at(&self, buf: &mut [u8], off: u64) -> io::Result<()> {
        let Some(ov) = &self.overlay else {
            return self.image.read_exact_at(buf, off);
        };
        let mut done = 0usize;
        while done < buf.len() {
            let at = off + done as u64;
            let c = at / CLUSTER;
            let n = ((c + 1) * CLUSTER - at).min((buf.len() - done) as u64) as usize;
            let part = &mut buf[done..done + n];
            if ov.has(c) {
                ov.file.read_exact_at(part, at)?;
            } else {
                self.image.read_exact_at(part, at)?;
            }
            done += n;
        }
        Ok(())
    }

    /// Writes `buf` at `off` (inside the disk).
    pub fn write_at(&mut self, buf: &[u8], off: u64) -> io::Result<()> {
        if self.guard_first_sector && off < PROBE_BYTES as u64 {
            // What the first sector would hold after this write.
            let mut head = vec![0u8; PROBE_BYTES];
            self.read_at(&mut head, 0)?;
            let from = off as usize;
            let n = (PROBE_BYTES - from).min(buf.len());
            head[from..from + n].copy_from_slice(&buf[..n]);
            let f = probe(&head, "");
            if f != ImageFormat::Raw {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "write to sector 0 refused: it would make the image look like {} \
                         (its format was probed; give format=raw to allow it)",
                        f.name()
                    ),
                ));
            }
        }
        let size = self.size;
        let image = &self.image;
        let Some(ov) = &mut self.overlay else {
            return image.write_all_at(buf, off);
        };
        let mut done = 0usize;
        while done < buf.len() {
            let at = off + done as u64;
            let c = at / CLUSTER;
            let start = c * CLUSTER;
            let end = ((c + 1) * CLUSTER).min(size);
            let n = (end - at).min((buf.len() - done) as u64) as usize;
            if !ov.has(c) && (at != start || at + n as u64 != end) {
                // A partial cluster: bring the rest of it from the image first.
                let mut whole = vec![0u8; (end - start) as usize];
                image.read_exact_at(&mut whole, start)?;
                ov.file.write_all_at(&whole, start)?;
            }
            ov.file.write_all_at(&buf[done..done + n], at)?;
            ov.mark(c);
            done += n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(name: &str, bytes: &[u8]) -> (PathBuf, File) {
        let p = std::env::temp_dir().join(format!("gasang-backing-{}-{name}", std::process::id()));
        std::fs::write(&p, bytes).unwrap();
        let f = OpenOptions::new().read(true).write(true).open(&p).unwrap();
        (p, f)
    }

    #[test]
    fn snapshot_writes_are_seen_by_the_guest_and_never_reach_the_image() {
        let len = 3 * CLUSTER as usize + 4096;
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let (p, f) = image("snap", &data);
        let mut b = Backing::new(f, len as u64, true, false).unwrap();
        assert!(b.is_snapshot());
        // A write across a cluster boundary, and one in the last, short cluster.
        let w = vec![0xaa; 1024];
        b.write_at(&w, CLUSTER - 512).unwrap();
        b.write_at(&[0xbb; 512], 3 * CLUSTER + 512).unwrap();
        let mut all = vec![0u8; len];
        b.read_at(&mut all, 0).unwrap();
        let mut want = data.clone();
        want[CLUSTER as usize - 512..CLUSTER as usize + 512].fill(0xaa);
        want[3 * CLUSTER as usize + 512..3 * CLUSTER as usize + 1024].fill(0xbb);
        assert!(
            all == want,
            "the guest reads its writes and the untouched bytes"
        );
        assert!(std::fs::read(&p).unwrap() == data, "the image is unchanged");
        std::fs::remove_file(p).unwrap();
    }

    #[test]
    fn probed_raw_images_keep_a_raw_first_sector() {
        let (p, f) = image("guard", &[0u8; 4096]);
        let mut b = Backing::new(f, 4096, false, true).unwrap();
        let e = b.write_at(b"QFI\xfb\0\0\0\x03", 0).unwrap_err();
        assert!(e.to_string().contains("qcow2"), "{e}");
        b.write_at(&[0x55; 512], 0).unwrap();
        b.write_at(b"QFI\xfb\0\0\0\x03", 512).unwrap();
        assert_eq!(&std::fs::read(&p).unwrap()[..4], &[0x55; 4]);
        std::fs::remove_file(p).unwrap();
    }
}
