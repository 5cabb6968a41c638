//! virtio-blk (virtio 1.2, section 5.2) backed by a raw disk image file.
//!
//! Requests: IN (read), OUT (write), FLUSH (`fdatasync` of the image) and GET_ID (the
//! serial). The image is accessed with positioned reads and writes
//! ([`std::os::unix::fs::FileExt`]), so a completed write is in the file (the host's page
//! cache) at once and survives the emulator stopping; FLUSH, [`VirtioBlk::flush`] and
//! [`BlkFlusher::flush`] put it on stable storage. Data passes through a bounded bounce
//! buffer and [`emu_core::GuestRam::write_bytes`], so DMA invalidates cached guest code.
//! The image file is locked as QEMU locks it (`image_lock.rs`): a second writer, or a
//! writer and a reader, of one image are refused. A file that shrinks while in use makes
//! the requests beyond its new end fail with IOERR, as a failing disk would.
//!
//! DISCARD and WRITE_ZEROES are not offered: without `fallocate` (no libc dependency)
//! discard could only be a no-op, and Linux works without either.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use emu_core::GuestRam;
use thiserror::Error;

use super::blk_backing::Backing;
use super::chain::{ChainReader, ChainWriter, DescriptorChain};
use super::queue::{Queue, QueueError};
use super::{read_config_bytes, GuestLog, VirtioDevice, VIRTIO_ID_BLOCK};

/// The virtio-blk sector size: capacities and request offsets count 512-byte sectors.
pub const BLK_SECTOR_SIZE: u64 = 512;

const VIRTIO_BLK_F_SEG_MAX: u64 = 1 << 2;
const VIRTIO_BLK_F_RO: u64 = 1 << 5;
const VIRTIO_BLK_F_BLK_SIZE: u64 = 1 << 6;
const VIRTIO_BLK_F_FLUSH: u64 = 1 << 9;

const VIRTIO_BLK_T_IN: u32 = 0;
const VIRTIO_BLK_T_OUT: u32 = 1;
const VIRTIO_BLK_T_FLUSH: u32 = 4;
const VIRTIO_BLK_T_GET_ID: u32 = 8;

const VIRTIO_BLK_S_OK: u8 = 0;
const VIRTIO_BLK_S_IOERR: u8 = 1;
const VIRTIO_BLK_S_UNSUPP: u8 = 2;

/// Length of the GET_ID answer.
const ID_BYTES: usize = 20;
/// Queue size offered to the driver (QEMU's default).
const QUEUE_SIZE: u16 = 256;
/// Bounce buffer size: the most copied between file and guest in one step.
const CHUNK: usize = 128 * 1024;
/// Size of the configuration space exposed (up to and including `num_queues`).
const CONFIG_LEN: usize = 36;

/// Why a disk image could not be used. Each message is one line naming the file.
#[derive(Debug, Error)]
pub enum BlkError {
    /// The file does not exist.
    #[error("disk image {}: no such file", .path.display())]
    NotFound {
        /// The image path.
        path: PathBuf,
    },
    /// The file cannot be opened with the requested access.
    #[error(
        "disk image {}: permission denied{}",
        .path.display(),
        if *.read_only { "" } else { " (check write permission, or attach it read-only)" }
    )]
    PermissionDenied {
        /// The image path.
        path: PathBuf,
        /// Whether read-only access was asked for.
        read_only: bool,
    },
    /// The file is not a whole number of 512-byte sectors.
    #[error("disk image {}: size {size} bytes is not a multiple of 512", .path.display())]
    BadSize {
        /// The image path.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The path names something other than a regular file.
    #[error("disk image {}: not a regular file", .path.display())]
    NotAFile {
        /// The image path.
        path: PathBuf,
    },
    /// Another user of the image (a second gasang or QEMU, or another `-drive` on the same
    /// file) conflicts: QEMU's image locking (see `image_lock.rs`).
    #[error(
        "disk image {}: cannot get the {}\"{perm}\" lock: is another process (or another -drive) using it?",
        .path.display(),
        if *.shared { "shared " } else { "" }
    )]
    Locked {
        /// The image path.
        path: PathBuf,
        /// The permission in conflict (QEMU's name: "write").
        perm: &'static str,
        /// Whether it is the right to share it (a read-only disk while another writes).
        shared: bool,
    },
    /// Any other host error.
    #[error("disk image {}: {error}", .path.display())]
    Io {
        /// The image path.
        path: PathBuf,
        /// The host error.
        error: io::Error,
    },
}

impl BlkError {
    /// Classifies a host error from opening or inspecting `path`.
    pub fn from_io(path: &Path, read_only: bool, e: io::Error) -> Self {
        let path = path.to_path_buf();
        match e.kind() {
            io::ErrorKind::NotFound => BlkError::NotFound { path },
            io::ErrorKind::PermissionDenied => BlkError::PermissionDenied { path, read_only },
            io::ErrorKind::IsADirectory => BlkError::NotAFile { path },
            _ => BlkError::Io { path, error: e },
        }
    }
}

/// A handle that flushes a disk image to stable storage; the machine keeps one to flush
/// on exit after the device itself went onto the bus.
#[derive(Debug, Clone)]
pub struct BlkFlusher {
    file: Arc<File>,
    read_only: bool,
}

impl BlkFlusher {
    /// Writes the image's data to stable storage (`fdatasync`); nothing to do when
    /// read-only.
    pub fn flush(&self) -> io::Result<()> {
        if self.read_only {
            Ok(())
        } else {
            self.file.sync_data()
        }
    }
}

/// A virtio block device on a raw image file.
#[derive(Debug)]
pub struct VirtioBlk {
    path: PathBuf,
    backing: Backing,
    read_only: bool,
    sectors: u64,
    serial: [u8; ID_BYTES],
    bounce: Vec<u8>,
    log: GuestLog,
}

/// Outcome of one request: status byte and data bytes written into the guest.
type Outcome = (u8, u64);

impl VirtioBlk {
    /// Opens the raw image at `path`, read-write or read-only. The size must be a
    /// multiple of 512 bytes; the serial (GET_ID) is empty until [`VirtioBlk::with_serial`].
    pub fn open(path: impl AsRef<Path>, read_only: bool) -> Result<Self, BlkError> {
        Self::open_with(path, read_only, false, false)
    }

    /// [`VirtioBlk::open`] with QEMU's `snapshot=on` (the guest's writes go to a temporary
    /// overlay, the image is opened read-only) and, for an image whose format was probed
    /// rather than given, the first-sector guard (see [`super::blk_backing`]).
    pub fn open_with(
        path: impl AsRef<Path>,
        read_only: bool,
        snapshot: bool,
        probed: bool,
    ) -> Result<Self, BlkError> {
        let path = path.as_ref();
        let err = |e| BlkError::from_io(path, read_only, e);
        let meta = std::fs::metadata(path).map_err(err)?;
        if !meta.is_file() {
            return Err(BlkError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        let file = OpenOptions::new()
            .read(true)
            .write(!read_only && !snapshot)
            .open(path)
            .map_err(err)?;
        // A snapshot's image is only read (its writes go to the overlay): a reader's lock,
        // as QEMU takes for the backing file of its temporary overlay.
        crate::image_lock::lock_image(&file, read_only || snapshot).map_err(|c| {
            BlkError::Locked {
                path: path.to_path_buf(),
                perm: c.perm,
                shared: c.shared,
            }
        })?;
        let size = file.metadata().map_err(err)?.len();
        if !size.is_multiple_of(BLK_SECTOR_SIZE) {
            return Err(BlkError::BadSize {
                path: path.to_path_buf(),
                size,
            });
        }
        let name = format!("virtio-blk {}", path.display());
        let backing = Backing::new(file, size, snapshot, probed).map_err(|e| BlkError::Io {
            path: path.to_path_buf(),
            error: io::Error::new(e.kind(), format!("cannot make the snapshot overlay: {e}")),
        })?;
        Ok(VirtioBlk {
            path: path.to_path_buf(),
            backing,
            read_only,
            sectors: size / BLK_SECTOR_SIZE,
            serial: [0; ID_BYTES],
            bounce: vec![0; CHUNK],
            log: GuestLog::new(name),
        })
    }

    /// Sets the serial number GET_ID reports (at most 20 bytes are kept).
    pub fn with_serial(mut self, serial: &str) -> Self {
        self.serial = [0; ID_BYTES];
        let n = serial.len().min(ID_BYTES);
        self.serial[..n].copy_from_slice(&serial.as_bytes()[..n]);
        self
    }

    /// The image path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Capacity in 512-byte sectors.
    pub fn sectors(&self) -> u64 {
        self.sectors
    }

    /// Whether the guest may only read.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A handle for flushing the image later (e.g. when the machine exits).
    pub fn flusher(&self) -> BlkFlusher {
        BlkFlusher {
            file: self.backing.image().clone(),
            // Nothing of a snapshot's overlay is kept.
            read_only: self.read_only || self.backing.is_snapshot(),
        }
    }

    /// Writes the image's data to stable storage.
    pub fn flush(&self) -> io::Result<()> {
        self.flusher().flush()
    }

    fn config(&self) -> [u8; CONFIG_LEN] {
        let mut c = [0u8; CONFIG_LEN];
        c[0..8].copy_from_slice(&self.sectors.to_le_bytes());
        // size_max (8) is not offered: buffers of any length are copied in chunks.
        c[12..16].copy_from_slice(&(QUEUE_SIZE as u32 - 2).to_le_bytes()); // seg_max
        c[20..24].copy_from_slice(&(BLK_SECTOR_SIZE as u32).to_le_bytes()); // blk_size
        c[34..36].copy_from_slice(&1u16.to_le_bytes()); // num_queues
        c
    }

    /// Byte offset of a `len`-byte transfer at `sector`, if it lies inside the disk.
    fn range(&mut self, sector: u64, len: u64) -> Result<u64, u8> {
        if !len.is_multiple_of(BLK_SECTOR_SIZE) {
            self.log.error(format_args!(
                "request of {len} bytes is not a whole number of sectors"
            ));
            return Err(VIRTIO_BLK_S_IOERR);
        }
        let end = sector
            .checked_mul(BLK_SECTOR_SIZE)
            .and_then(|off| off.checked_add(len).map(|end| (off, end)));
        match end {
            Some((off, end)) if end <= self.sectors * BLK_SECTOR_SIZE => Ok(off),
            _ => {
                self.log.error(format_args!(
                    "request for {len} bytes at sector {sector} is beyond the end of the \
                     disk ({} sectors)",
                    self.sectors
                ));
                Err(VIRTIO_BLK_S_IOERR)
            }
        }
    }

    fn read_into_guest(&mut self, sector: u64, w: &mut ChainWriter<'_>) -> Outcome {
        let mut off = match self.range(sector, w.remaining()) {
            Ok(off) => off,
            Err(s) => return (s, 0),
        };
        while w.remaining() > 0 {
            let n = (w.remaining() as usize).min(CHUNK);
            let buf = &mut self.bounce[..n];
            if let Err(e) = self.backing.read_at(buf, off) {
                self.log.error(format_args!("read at byte {off}: {e}"));
                return (VIRTIO_BLK_S_IOERR, w.written());
            }
            if let Err(e) = w.write_all(buf) {
                self.log.error(format_args!("read request: {e}"));
                return (VIRTIO_BLK_S_IOERR, w.written());
            }
            off += n as u64;
        }
        (VIRTIO_BLK_S_OK, w.written())
    }

    fn write_from_guest(&mut self, sector: u64, r: &mut ChainReader<'_>) -> Outcome {
        if self.read_only {
            self.log
                .error(format_args!("write to a read-only disk refused"));
            return (VIRTIO_BLK_S_IOERR, 0);
        }
        let mut off = match self.range(sector, r.remaining()) {
            Ok(off) => off,
            Err(s) => return (s, 0),
        };
        while r.remaining() > 0 {
            let n = (r.remaining() as usize).min(CHUNK);
            let buf = &mut self.bounce[..n];
            if let Err(e) = r.read_exact(buf) {
                self.log.error(format_args!("write request: {e}"));
                return (VIRTIO_BLK_S_IOERR, 0);
            }
            if let Err(e) = self.backing.write_at(buf, off) {
                self.log.error(format_args!("write at byte {off}: {e}"));
                return (VIRTIO_BLK_S_IOERR, 0);
            }
            off += n as u64;
        }
        (VIRTIO_BLK_S_OK, 0)
    }

    /// Executes the request of `chain`; returns the byte count for the used ring.
    fn handle(&mut self, chain: &DescriptorChain, ram: &GuestRam) -> u32 {
        let Some(status_at) = chain.last_writable_byte() else {
            self.log.error(format_args!(
                "request without a writable status byte dropped"
            ));
            return 0;
        };
        let mut r = chain.reader(ram);
        // Data goes into every writable byte but the last, which is the status.
        let mut w = chain.writer(ram, chain.writable_len() - 1);
        let mut header = [0u8; 16];
        let (status, written) = match r.read_exact(&mut header) {
            Err(e) => {
                self.log.error(format_args!("request header: {e}"));
                (VIRTIO_BLK_S_IOERR, 0)
            }
            Ok(()) => {
                let kind = u32::from_le_bytes([header[0], header[1], header[2], header[3]]);
                let mut sector = [0u8; 8];
                sector.copy_from_slice(&header[8..16]);
                let sector = u64::from_le_bytes(sector);
                match kind {
                    VIRTIO_BLK_T_IN => self.read_into_guest(sector, &mut w),
                    VIRTIO_BLK_T_OUT => self.write_from_guest(sector, &mut r),
                    VIRTIO_BLK_T_FLUSH => match self.flush() {
                        Ok(()) => (VIRTIO_BLK_S_OK, 0),
                        Err(e) => {
                            self.log.error(format_args!("flush: {e}"));
                            (VIRTIO_BLK_S_IOERR, 0)
                        }
                    },
                    VIRTIO_BLK_T_GET_ID => {
                        let n = (w.remaining() as usize).min(ID_BYTES);
                        match w.write_all(&self.serial[..n]) {
                            Ok(()) => (VIRTIO_BLK_S_OK, n as u64),
                            Err(e) => {
                                self.log.error(format_args!("get-id request: {e}"));
                                (VIRTIO_BLK_S_IOERR, w.written())
                            }
                        }
                    }
                    _ => (VIRTIO_BLK_S_UNSUPP, 0),
                }
            }
        };
        if !ram.write(status_at, 1, status as u64) {
            self.log.error(format_args!(
                "status byte at {status_at:#x} is outside guest RAM"
            ));
            return u32::try_from(written).unwrap_or(u32::MAX);
        }
        u32::try_from(written + 1).unwrap_or(u32::MAX)
    }
}

impl VirtioDevice for VirtioBlk {
    fn device_id(&self) -> u32 {
        VIRTIO_ID_BLOCK
    }

    fn features(&self) -> u64 {
        let mut f = VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE | VIRTIO_BLK_F_FLUSH;
        if self.read_only {
            f |= VIRTIO_BLK_F_RO;
        }
        f
    }

    fn read_config(&self, offset: u64, data: &mut [u8]) {
        read_config_bytes(&self.config(), offset, data);
    }

    fn num_queues(&self) -> usize {
        1
    }

    fn queue_max_size(&self, _index: usize) -> u16 {
        QUEUE_SIZE
    }

    fn process_queue(
        &mut self,
        _index: usize,
        queue: &mut Queue,
        ram: &GuestRam,
    ) -> Result<bool, QueueError> {
        queue.drain(ram, |chain| self.handle(chain, ram))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{ram, TestRing, DATA};
    use super::super::{VirtioMmio, VirtioMmioVersion, VIRTIO_F_VERSION_1};
    use super::*;
    use emu_core::{IrqLine, MmioDevice, PageWatch, RecordingSink};

    const SECTORS: u64 = 512;
    const HDR: u64 = DATA;
    const STATUS: u64 = DATA + 0x100;
    const BUF: u64 = DATA + 0x1000;

    /// A temporary image file, removed on drop.
    struct TempImage(PathBuf);

    impl TempImage {
        fn new(name: &str, len: u64) -> Self {
            let path = std::env::temp_dir().join(format!(
                "gasang-virtio-blk-{}-{name}.img",
                std::process::id()
            ));
            let data: Vec<u8> = (0..len).map(pattern).collect();
            std::fs::write(&path, data).unwrap();
            TempImage(path)
        }

        fn contents(&self) -> Vec<u8> {
            std::fs::read(&self.0).unwrap()
        }
    }

    impl Drop for TempImage {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    /// The initial content of byte `i` of a test image.
    fn pattern(i: u64) -> u8 {
        (i / BLK_SECTOR_SIZE) as u8 ^ (i as u8).wrapping_mul(3)
    }

    struct Rig {
        dev: VirtioMmio,
        ram: Arc<GuestRam>,
        ring: TestRing,
        image: TempImage,
        flusher: BlkFlusher,
    }

    impl Rig {
        fn new(name: &str, read_only: bool) -> Self {
            let image = TempImage::new(name, SECTORS * BLK_SECTOR_SIZE);
            let blk = VirtioBlk::open(&image.0, read_only)
                .unwrap()
                .with_serial("gasang-serial-0");
            let flusher = blk.flusher();
            let ram = Arc::new(ram());
            let sink = Arc::new(RecordingSink::default());
            let mut dev = VirtioMmio::new("blk", Box::new(blk), ram.clone(), IrqLine::new(sink, 1));
            let w = |dev: &mut VirtioMmio, off, v| dev.write(off, 4, v).unwrap();
            w(&mut dev, 0x70, 3);
            w(&mut dev, 0x24, 1);
            w(&mut dev, 0x20, VIRTIO_F_VERSION_1 >> 32);
            w(&mut dev, 0x24, 0);
            w(&mut dev, 0x20, (1 << 28) | VIRTIO_BLK_F_FLUSH);
            w(&mut dev, 0x70, 3 | 8 | 4);
            let ring = TestRing::new(16);
            ring.configure_mmio(&mut dev, 0);
            Rig {
                dev,
                ram,
                ring,
                image,
                flusher,
            }
        }

        /// The same disk behind a legacy (version 1) transport, set up as Linux does.
        fn legacy(name: &str) -> Self {
            let image = TempImage::new(name, SECTORS * BLK_SECTOR_SIZE);
            let blk = VirtioBlk::open(&image.0, false).unwrap();
            let flusher = blk.flusher();
            let ram = Arc::new(ram());
            let sink = Arc::new(RecordingSink::default());
            let mut dev = VirtioMmio::with_version(
                "blk",
                Box::new(blk),
                ram.clone(),
                IrqLine::new(sink, 1),
                VirtioMmioVersion::Legacy,
            );
            let w = |dev: &mut VirtioMmio, off, v| dev.write(off, 4, v).unwrap();
            w(&mut dev, 0x70, 3);
            w(&mut dev, 0x20, VIRTIO_BLK_F_FLUSH);
            let ring = TestRing::legacy(16, 4096);
            ring.configure_legacy_mmio(&mut dev, 0, 4096);
            w(&mut dev, 0x70, 3 | 4);
            Rig {
                dev,
                ram,
                ring,
                image,
                flusher,
            }
        }

        fn header(&self, kind: u32, sector: u64) {
            self.header_at(HDR, kind, sector);
        }

        fn header_at(&self, at: u64, kind: u32, sector: u64) {
            assert!(self.ram.write(at, 4, kind as u64));
            assert!(self.ram.write(at + 4, 4, 0));
            assert!(self.ram.write(at + 8, 8, sector));
            assert!(self.ram.write(STATUS, 1, 0xff));
        }

        /// Submits a chain and returns (status byte, used length).
        fn submit(&mut self, head: u16) -> (u8, u32) {
            self.ring.publish(&self.ram, head);
            self.dev.write(0x50, 4, 0).unwrap();
            let (id, len) = self.ring.last_used(&self.ram);
            assert_eq!(id, head as u32);
            (self.ram.read(STATUS, 1).unwrap() as u8, len)
        }

        fn request(&mut self, kind: u32, sector: u64, data: &[(u64, u32, bool)]) -> (u8, u32) {
            self.header(kind, sector);
            let mut bufs = vec![(HDR, 16, false)];
            bufs.extend_from_slice(data);
            bufs.push((STATUS, 1, true));
            let head = self.ring.chain(&self.ram, &bufs);
            self.submit(head)
        }

        fn guest_bytes(&self, addr: u64, len: usize) -> Vec<u8> {
            let mut v = vec![0; len];
            self.ram.read_bytes(addr, &mut v).unwrap();
            v
        }
    }

    fn expected(offset: u64, len: u64) -> Vec<u8> {
        (offset..offset + len).map(pattern).collect()
    }

    #[test]
    fn config_space_and_features() {
        let mut rig = Rig::new("config", false);
        let dev = &mut rig.dev;
        assert_eq!(dev.read(0x8, 4).unwrap(), 2);
        assert_eq!(dev.read(0x100, 8).unwrap(), SECTORS);
        assert_eq!(dev.read(0x104, 4).unwrap(), 0);
        assert_eq!(dev.read(0x10c, 4).unwrap(), 254); // seg_max
        assert_eq!(dev.read(0x114, 4).unwrap(), 512); // blk_size
        assert_eq!(dev.read(0x122, 2).unwrap(), 1); // num_queues
        dev.write(0x14, 4, 0).unwrap();
        let f = dev.read(0x10, 4).unwrap();
        assert_eq!(f & VIRTIO_BLK_F_FLUSH, VIRTIO_BLK_F_FLUSH);
        assert_eq!(f & VIRTIO_BLK_F_RO, 0);
        // (Another image: the rig's is locked for writing.)
        let ro_image = TempImage::new("config-ro", SECTORS * BLK_SECTOR_SIZE);
        let ro = VirtioBlk::open(&ro_image.0, true).unwrap();
        assert_ne!(ro.features() & VIRTIO_BLK_F_RO, 0);
        assert_eq!(ro.sectors(), SECTORS);
    }

    #[test]
    fn read_through_a_multi_descriptor_chain() {
        let mut rig = Rig::new("read", false);
        // Watch the target page as if it held translated code: DMA must invalidate it.
        rig.ram.add_watch(BUF, PageWatch::CODE);
        let epoch = rig.ram.code_epoch();
        let (status, len) = rig.request(
            VIRTIO_BLK_T_IN,
            3,
            &[(BUF, 512, true), (BUF + 0x2000, 1024, true)],
        );
        assert_eq!((status, len), (VIRTIO_BLK_S_OK, 1537));
        assert_eq!(rig.guest_bytes(BUF, 512), expected(3 * 512, 512));
        assert_eq!(rig.guest_bytes(BUF + 0x2000, 1024), expected(4 * 512, 1024));
        assert_ne!(rig.ram.code_epoch(), epoch);
        assert!(rig.dev.read(0x60, 4).unwrap() & 1 != 0);
    }

    #[test]
    fn write_through_an_indirect_table_and_flush() {
        let mut rig = Rig::new("write", false);
        rig.ram.write_bytes(BUF, &[0x5a; 512]).unwrap();
        rig.ram.write_bytes(BUF + 0x800, &[0xa5; 512]).unwrap();
        rig.header(VIRTIO_BLK_T_OUT, 7);
        let table = DATA + 0x600;
        let bufs = [
            (HDR, 16, false),
            (BUF, 512, false),
            (BUF + 0x800, 512, false),
            (STATUS, 1, true),
        ];
        let head = rig.ring.indirect_chain(&rig.ram, table, &bufs);
        assert_eq!(rig.submit(head), (VIRTIO_BLK_S_OK, 1));
        let disk = rig.image.contents();
        assert_eq!(&disk[7 * 512..8 * 512], &[0x5a; 512][..]);
        assert_eq!(&disk[8 * 512..9 * 512], &[0xa5; 512][..]);
        assert_eq!(&disk[..7 * 512], &expected(0, 7 * 512)[..]);
        // Header and data in one descriptor (any layout) work too.
        let at = BUF + 0x2000;
        rig.ram.write_bytes(at + 16, &[0x33; 512]).unwrap();
        rig.header_at(at, VIRTIO_BLK_T_OUT, 0);
        let head = rig
            .ring
            .chain(&rig.ram, &[(at, 16 + 512, false), (STATUS, 1, true)]);
        assert_eq!(rig.submit(head), (VIRTIO_BLK_S_OK, 1));
        assert_eq!(&rig.image.contents()[..512], &[0x33; 512][..]);
        // FLUSH succeeds and the machine-side flusher works.
        assert_eq!(
            rig.request(VIRTIO_BLK_T_FLUSH, 0, &[]),
            (VIRTIO_BLK_S_OK, 1)
        );
        rig.flusher.flush().unwrap();
    }

    #[test]
    fn a_second_user_of_an_image_is_refused() {
        let rig = Rig::new("locked", false);
        for read_only in [false, true] {
            let e = VirtioBlk::open(&rig.image.0, read_only).unwrap_err();
            assert!(matches!(e, BlkError::Locked { .. }), "{e}");
            let msg = e.to_string();
            assert!(msg.contains("\"write\" lock"), "{msg}");
            assert!(msg.contains("another -drive"), "{msg}");
        }
        drop(rig);
        // Read-only users share an image.
        let image = TempImage::new("shared", SECTORS * BLK_SECTOR_SIZE);
        let _a = VirtioBlk::open(&image.0, true).unwrap();
        let _b = VirtioBlk::open(&image.0, true).unwrap();
    }

    #[test]
    fn a_snapshot_disk_takes_a_readers_lock() {
        // -snapshot only reads the image: it shares it with other readers, and a writer
        // is kept out while it is open (and the other way round).
        let image = TempImage::new("snapshot-lock", SECTORS * BLK_SECTOR_SIZE);
        let snap = VirtioBlk::open_with(&image.0, false, true, false).unwrap();
        let reader = VirtioBlk::open(&image.0, true).unwrap();
        let second = VirtioBlk::open_with(&image.0, false, true, false).unwrap();
        let e = VirtioBlk::open(&image.0, false).unwrap_err();
        assert!(matches!(e, BlkError::Locked { .. }), "{e}");
        drop((snap, reader, second));
        let _writer = VirtioBlk::open(&image.0, false).unwrap();
        let e = VirtioBlk::open_with(&image.0, false, true, false).unwrap_err();
        assert!(matches!(e, BlkError::Locked { shared: true, .. }), "{e}");
    }

    #[test]
    fn a_disk_file_that_shrinks_fails_the_requests_past_its_end() {
        let mut rig = Rig::new("shrink", false);
        File::options()
            .write(true)
            .open(&rig.image.0)
            .unwrap()
            .set_len(SECTORS * BLK_SECTOR_SIZE / 2)
            .unwrap();
        // Inside what is left: fine. Past it: IOERR (the guest still sees the old size).
        let (status, _) = rig.request(VIRTIO_BLK_T_IN, 0, &[(BUF, 512, true)]);
        assert_eq!(status, VIRTIO_BLK_S_OK);
        let (status, _) = rig.request(VIRTIO_BLK_T_IN, SECTORS - 1, &[(BUF, 512, true)]);
        assert_eq!(status, VIRTIO_BLK_S_IOERR);
        // A write there grows the file again, and reads back.
        rig.ram.write_bytes(BUF, &[0x5a; 512]).unwrap();
        let (status, _) = rig.request(VIRTIO_BLK_T_OUT, SECTORS - 1, &[(BUF, 512, false)]);
        assert_eq!(status, VIRTIO_BLK_S_OK);
        assert_eq!(rig.image.contents().len() as u64, SECTORS * BLK_SECTOR_SIZE);
    }

    #[test]
    fn reads_and_writes_through_the_legacy_transport() {
        let mut rig = Rig::legacy("legacy");
        let dev = &mut rig.dev;
        assert_eq!(dev.read(0x4, 4).unwrap(), 1);
        assert_eq!(dev.read(0x100, 8).unwrap(), SECTORS);
        dev.write(0x14, 4, 1).unwrap();
        assert_eq!(dev.read(0x10, 4).unwrap(), 0); // no VIRTIO_F_VERSION_1
        let (status, len) = rig.request(VIRTIO_BLK_T_IN, 0, &[(BUF, 512, true)]);
        assert_eq!((status, len), (VIRTIO_BLK_S_OK, 513));
        assert_eq!(rig.guest_bytes(BUF, 512), expected(0, 512));
        rig.ram.write_bytes(BUF, &[0x42; 512]).unwrap();
        assert_eq!(
            rig.request(VIRTIO_BLK_T_OUT, 9, &[(BUF, 512, false)]),
            (VIRTIO_BLK_S_OK, 1)
        );
        assert_eq!(&rig.image.contents()[9 * 512..10 * 512], &[0x42; 512][..]);
        // The used ring is where the legacy layout puts it: one page above the descriptors.
        assert_eq!(rig.ring.used, rig.ring.desc + 4096);
        assert_eq!(rig.ring.used_idx(&rig.ram), 2);
    }

    #[test]
    fn large_transfers_are_chunked() {
        let mut rig = Rig::new("large", false);
        let len = 320 * 512u32; // more than the bounce buffer
        let (status, used) = rig.request(VIRTIO_BLK_T_IN, 100, &[(BUF, len, true)]);
        assert_eq!((status, used), (VIRTIO_BLK_S_OK, len + 1));
        assert_eq!(
            rig.guest_bytes(BUF, len as usize),
            expected(100 * 512, len as u64)
        );
        rig.ram.write_bytes(BUF, &vec![0x77; len as usize]).unwrap();
        assert_eq!(
            rig.request(VIRTIO_BLK_T_OUT, 150, &[(BUF, len, false)]),
            (VIRTIO_BLK_S_OK, 1)
        );
        let disk = rig.image.contents();
        assert!(disk[150 * 512..470 * 512].iter().all(|&b| b == 0x77));
        assert_eq!(disk[470 * 512], pattern(470 * 512));
    }

    #[test]
    fn get_id_returns_the_padded_serial() {
        let mut rig = Rig::new("getid", false);
        rig.ram.write_bytes(BUF, &[0xee; 32]).unwrap();
        let (status, len) = rig.request(VIRTIO_BLK_T_GET_ID, 0, &[(BUF, 32, true)]);
        assert_eq!((status, len), (VIRTIO_BLK_S_OK, 21));
        let mut want = b"gasang-serial-0".to_vec();
        want.resize(20, 0);
        want.extend_from_slice(&[0xee; 12]);
        assert_eq!(rig.guest_bytes(BUF, 32), want);
        // A short buffer gets a truncated serial.
        let (status, len) = rig.request(VIRTIO_BLK_T_GET_ID, 0, &[(BUF + 0x100, 6, true)]);
        assert_eq!((status, len), (VIRTIO_BLK_S_OK, 7));
        assert_eq!(rig.guest_bytes(BUF + 0x100, 6), b"gasang");
    }

    #[test]
    fn read_only_disk_refuses_writes_and_keeps_the_file() {
        let mut rig = Rig::new("ro", true);
        rig.ram.write_bytes(BUF, &[0x11; 512]).unwrap();
        assert_eq!(
            rig.request(VIRTIO_BLK_T_OUT, 1, &[(BUF, 512, false)]),
            (VIRTIO_BLK_S_IOERR, 1)
        );
        assert_eq!(rig.image.contents(), expected(0, SECTORS * 512));
        assert_eq!(
            rig.request(VIRTIO_BLK_T_IN, 1, &[(BUF, 512, true)]),
            (VIRTIO_BLK_S_OK, 513)
        );
        assert_eq!(
            rig.request(VIRTIO_BLK_T_FLUSH, 0, &[]),
            (VIRTIO_BLK_S_OK, 1)
        );
        assert!(!rig.dev.is_broken());
    }

    #[test]
    fn bad_requests_fail_alone() {
        let mut rig = Rig::new("bad", false);
        let ioerr = VIRTIO_BLK_S_IOERR;
        // Beyond the end, straddling the end, overflowing, and not whole sectors.
        for (sector, len) in [(SECTORS, 512), (SECTORS - 1, 1024), (u64::MAX / 256, 512)] {
            let (s, _) = rig.request(VIRTIO_BLK_T_IN, sector, &[(BUF, len, true)]);
            assert_eq!(s, ioerr, "read of {len} at {sector}");
            let (s, _) = rig.request(VIRTIO_BLK_T_OUT, sector, &[(BUF, len, false)]);
            assert_eq!(s, ioerr, "write of {len} at {sector}");
        }
        assert_eq!(
            rig.request(VIRTIO_BLK_T_IN, 0, &[(BUF, 100, true)]).0,
            ioerr
        );
        assert_eq!(rig.image.contents(), expected(0, SECTORS * 512));
        // A data buffer outside RAM fails only this request.
        assert_eq!(
            rig.request(VIRTIO_BLK_T_IN, 0, &[(0x1000, 512, true)]).0,
            ioerr
        );
        assert_eq!(
            rig.request(VIRTIO_BLK_T_OUT, 0, &[(u64::MAX - 100, 512, false)])
                .0,
            ioerr
        );
        // A header outside RAM, a short header, an unknown type.
        assert!(rig.ram.write(STATUS, 1, 0xff));
        let head = rig
            .ring
            .chain(&rig.ram, &[(0x10, 16, false), (STATUS, 1, true)]);
        assert_eq!(rig.submit(head).0, ioerr);
        assert!(rig.ram.write(STATUS, 1, 0xff));
        let head = rig
            .ring
            .chain(&rig.ram, &[(HDR, 8, false), (STATUS, 1, true)]);
        assert_eq!(rig.submit(head).0, ioerr);
        assert_eq!(rig.request(99, 0, &[]), (VIRTIO_BLK_S_UNSUPP, 1));
        // No writable byte at all: nothing to report into, but the chain is returned.
        rig.header(VIRTIO_BLK_T_IN, 0);
        let head = rig.ring.chain(&rig.ram, &[(HDR, 16, false)]);
        assert_eq!(rig.submit(head), (0xff, 0));
        // A status byte outside RAM.
        let head = rig
            .ring
            .chain(&rig.ram, &[(HDR, 16, false), (0x10, 1, true)]);
        assert_eq!(rig.submit(head).1, 0);
        assert!(!rig.dev.is_broken());
        // And the disk still works.
        assert_eq!(
            rig.request(VIRTIO_BLK_T_IN, 2, &[(BUF, 512, true)]),
            (VIRTIO_BLK_S_OK, 513)
        );
        assert_eq!(rig.guest_bytes(BUF, 512), expected(1024, 512));
    }

    #[test]
    fn open_errors_are_one_line_messages() {
        let dir = std::env::temp_dir();
        let missing = dir.join(format!("gasang-no-such-disk-{}.img", std::process::id()));
        let e = VirtioBlk::open(&missing, false).unwrap_err();
        assert!(matches!(e, BlkError::NotFound { .. }));
        assert_eq!(
            e.to_string(),
            format!("disk image {}: no such file", missing.display())
        );
        let odd = TempImage::new("odd", 513);
        let e = VirtioBlk::open(&odd.0, true).unwrap_err();
        assert!(matches!(e, BlkError::BadSize { size: 513, .. }), "{e}");
        assert!(e
            .to_string()
            .ends_with("size 513 bytes is not a multiple of 512"));
        let e = VirtioBlk::open(&dir, false).unwrap_err();
        assert!(matches!(e, BlkError::NotAFile { .. }), "{e}");
        // Permission errors (not reproducible with real files when tests run as root).
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let e = BlkError::from_io(Path::new("/x.img"), false, denied);
        assert_eq!(
            e.to_string(),
            "disk image /x.img: permission denied \
             (check write permission, or attach it read-only)"
        );
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let e = BlkError::from_io(Path::new("/x.img"), true, denied);
        assert_eq!(e.to_string(), "disk image /x.img: permission denied");
        for e in [
            e,
            BlkError::from_io(Path::new("/y"), false, io::Error::other("boom")),
        ] {
            assert!(!e.to_string().contains('\n'));
        }
        // An empty image is a valid disk of zero sectors.
        let empty = TempImage::new("empty", 0);
        assert_eq!(VirtioBlk::open(&empty.0, false).unwrap().sectors(), 0);
    }
}
