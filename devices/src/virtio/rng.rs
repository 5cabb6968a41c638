//! virtio-rng, the entropy device (virtio 1.2, section 5.4): one queue whose
//! device-writable buffers the device fills with random bytes.
//!
//! The bytes come from the host's `/dev/urandom`, opened once at construction, or from
//! any reader given to [`VirtioRng::with_source`] (a seeded generator makes runs
//! reproducible).

use std::io::{self, Read};

use emu_core::GuestRam;

use super::chain::DescriptorChain;
use super::queue::{Queue, QueueError};
use super::{GuestLog, VirtioDevice, VIRTIO_ID_RNG};

/// The most bytes given for one request; larger buffers are filled only this far (the
/// used length tells the driver).
const MAX_REQUEST: usize = 64 * 1024;
/// Queue size offered to the driver.
const QUEUE_SIZE: u16 = 64;

/// A virtio entropy device.
pub struct VirtioRng {
    source: Box<dyn Read + Send>,
    buf: Vec<u8>,
    log: GuestLog,
}

impl std::fmt::Debug for VirtioRng {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VirtioRng").finish_non_exhaustive()
    }
}

impl VirtioRng {
    /// An entropy device reading the host's `/dev/urandom`.
    pub fn new() -> io::Result<Self> {
        Self::open("/dev/urandom")
    }

    /// An entropy device reading the host file `path` (QEMU's
    /// `-object rng-random,filename=PATH`).
    pub fn open(path: impl AsRef<std::path::Path>) -> io::Result<Self> {
        let f = std::fs::File::open(path)?;
        Ok(Self::with_source(Box::new(f)))
    }

    /// An entropy device reading `source` (e.g. a seeded generator for deterministic
    /// runs).
    pub fn with_source(source: Box<dyn Read + Send>) -> Self {
        VirtioRng {
            source,
            buf: vec![0; MAX_REQUEST],
            log: GuestLog::new("virtio-rng"),
        }
    }

    /// Fills the writable part of `chain`; returns the number of bytes written.
    fn handle(&mut self, chain: &DescriptorChain, ram: &GuestRam) -> u32 {
        let n = chain.writable_len().min(MAX_REQUEST as u64) as usize;
        let buf = &mut self.buf[..n];
        if let Err(e) = self.source.read_exact(buf) {
            self.log
                .error(format_args!("host randomness unavailable: {e}"));
            return 0;
        }
        let mut w = chain.writer(ram, n as u64);
        if let Err(e) = w.write_all(buf) {
            self.log.error(format_args!("request: {e}"));
        }
        w.written() as u32
    }
}

impl VirtioDevice for VirtioRng {
    fn device_id(&self) -> u32 {
        VIRTIO_ID_RNG
    }

    fn features(&self) -> u64 {
        0
    }

    fn read_config(&self, _offset: u64, data: &mut [u8]) {
        data.fill(0);
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
    use std::sync::Arc;

    use super::super::testutil::{ram, TestRing, DATA};
    use super::super::VirtioMmio;
    use super::*;
    use emu_core::{IrqLine, MmioDevice, RecordingSink};

    /// A reader yielding 1, 2, 3, ... (wrapping), for checkable "randomness".
    struct Counter(u8);

    impl Read for Counter {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            for b in buf.iter_mut() {
                self.0 = self.0.wrapping_add(1);
                *b = self.0;
            }
            Ok(buf.len())
        }
    }

    fn rig(rng: VirtioRng) -> (VirtioMmio, Arc<GuestRam>, TestRing, Arc<RecordingSink>) {
        let ram = Arc::new(ram());
        let sink = Arc::new(RecordingSink::default());
        let mut dev = VirtioMmio::new(
            "rng",
            Box::new(rng),
            ram.clone(),
            IrqLine::new(sink.clone(), 8),
        );
        dev.write(0x70, 4, 1 | 2 | 8 | 4).unwrap();
        let ring = TestRing::new(8);
        ring.configure_mmio(&mut dev, 0);
        (dev, ram, ring, sink)
    }

    #[test]
    fn fills_buffers_and_reports_the_length() {
        let (mut dev, ram, mut ring, sink) = rig(VirtioRng::with_source(Box::new(Counter(0))));
        assert_eq!(dev.read(0x8, 4).unwrap(), 4);
        assert_eq!(dev.read(0x34, 4).unwrap(), 64);
        // A readable descriptor is skipped; two writable ones are filled in order.
        let h = ring.chain(
            &ram,
            &[
                (DATA, 4, false),
                (DATA + 0x100, 3, true),
                (DATA + 0x200, 2, true),
            ],
        );
        ring.publish(&ram, h);
        dev.write(0x50, 4, 0).unwrap();
        assert_eq!(ring.used(&ram), vec![(h as u32, 5)]);
        assert_eq!(ram.read(DATA + 0x100, 4), Some(0x0003_0201));
        assert_eq!(ram.read(DATA + 0x200, 2), Some(0x0504));
        assert_eq!(ram.read(DATA, 4), Some(0));
        assert!(sink.level(8));
        // A buffer outside RAM gets nothing but does not break the device.
        let h = ring.chain(&ram, &[(0x100, 16, true)]);
        ring.publish(&ram, h);
        dev.write(0x50, 4, 0).unwrap();
        assert_eq!(ring.last_used(&ram), (h as u32, 0));
        assert!(!dev.is_broken());
    }

    #[test]
    fn host_urandom_fills_a_page() {
        let (mut dev, ram, mut ring, _) = rig(VirtioRng::new().unwrap());
        let h = ring.chain(&ram, &[(DATA, 4096, true)]);
        ring.publish(&ram, h);
        dev.write(0x50, 4, 0).unwrap();
        assert_eq!(ring.last_used(&ram), (h as u32, 4096));
        let mut page = vec![0u8; 4096];
        ram.read_bytes(DATA, &mut page).unwrap();
        // 4096 random bytes are all zero with probability 2^-32768.
        assert!(page.iter().any(|&b| b != 0));
    }

    #[test]
    fn a_named_file_is_the_source() {
        // -object rng-random,filename=PATH
        let path = std::env::temp_dir().join(format!("gasang-rng-{}", std::process::id()));
        std::fs::write(&path, [0xab; 64]).unwrap();
        let (mut dev, ram, mut ring, _) = rig(VirtioRng::open(&path).unwrap());
        let h = ring.chain(&ram, &[(DATA, 16, true)]);
        ring.publish(&ram, h);
        dev.write(0x50, 4, 0).unwrap();
        assert_eq!(ring.last_used(&ram), (h as u32, 16));
        assert_eq!(ram.read(DATA, 8), Some(0xabab_abab_abab_abab));
        std::fs::remove_file(&path).unwrap();
        assert!(VirtioRng::open("/nonexistent/rng").is_err());
    }
}
