//! Virtio devices on the virtio-mmio transport, as on QEMU's `virt` board.
//!
//! - [`VirtioMmio`]: the virtio-mmio transport, one per slot, in either
//!   [`VirtioMmioVersion`]: version 1 ("legacy", QEMU's default) or version 2
//!   ("modern"); it owns a [`VirtioDevice`] and its [`Queue`]s and drives an
//!   [`emu_core::IrqLine`].
//! - [`EmptySlot`]: what an unpopulated slot answers (device ID 0), so that the eight
//!   slots of the device tree can all be probed.
//! - [`VirtioBlk`]: a block device backed by a raw image file.
//! - [`VirtioRng`]: an entropy device fed by the host's `/dev/urandom`.
//!
//! Requests are processed synchronously when the driver writes `QueueNotify`, so a run is
//! deterministic given the same inputs.
//!
//! # Why not rust-vmm's `virtio-queue`
//!
//! The `virtio-queue` crate works on `vm-memory`'s `GuestMemory` traits. Adapting
//! [`emu_core::GuestRam`] to them is possible, but the crate writes guest memory through
//! `vm-memory`'s volatile slices, which bypass [`emu_core::GuestRam::write_bytes`] and so
//! the invalidation of cached (translated) guest code on DMA: a guest that reads a program
//! from disk into a page it executed before would run stale code. It would also pull in
//! `vm-memory`, `vmm-sys-util` and `libc` for what is a few hundred lines here. The split
//! ring is small enough to implement directly, with every guest access bounds-checked
//! through `GuestRam`.
//!
//! # Malformed guests
//!
//! Structural errors in a ring (a descriptor loop, a chain longer than its table, an
//! index out of range, a bad indirect table, rings outside RAM) make the device mark
//! itself broken: `Status` reads with DEVICE_NEEDS_RESET set, a configuration-change
//! interrupt is raised, and notifications are ignored until the driver resets the device.
//! A data buffer outside RAM only fails its own request (virtio-blk answers IOERR). Guest
//! errors are logged to stderr, a bounded number per device.

mod blk;
mod blk_backing;
mod chain;
mod mmio;
mod queue;
mod rng;
#[cfg(test)]
mod testutil;

pub use blk::{BlkError, BlkFlusher, VirtioBlk, BLK_SECTOR_SIZE};
pub use chain::{ChainIoError, ChainReader, ChainWriter, Descriptor, DescriptorChain};
pub use mmio::{EmptySlot, VirtioMmio, VirtioMmioVersion, VIRTIO_MMIO_SIZE};
pub use queue::{Queue, QueueError};
pub use rng::VirtioRng;

use emu_core::GuestRam;

/// Device type of a network card.
pub const VIRTIO_ID_NET: u32 = 1;
/// Device type of a block device.
pub const VIRTIO_ID_BLOCK: u32 = 2;
/// Device type of an entropy source.
pub const VIRTIO_ID_RNG: u32 = 4;

/// Feature bit: descriptors may point to indirect descriptor tables.
pub const VIRTIO_RING_F_INDIRECT_DESC: u64 = 1 << 28;
/// Feature bit: `used_event` / `avail_event` notification suppression.
pub const VIRTIO_RING_F_EVENT_IDX: u64 = 1 << 29;
/// Feature bit: the driver follows virtio 1.x (not legacy).
pub const VIRTIO_F_VERSION_1: u64 = 1 << 32;

/// A device behind a virtio transport: its identity, features, configuration space and
/// the processing of its queues. The transport handles registers, feature negotiation,
/// queue setup, interrupts and resets.
pub trait VirtioDevice: Send {
    /// The virtio device type (e.g. [`VIRTIO_ID_BLOCK`]).
    fn device_id(&self) -> u32;

    /// Device-specific feature bits. The transport adds the ring features and, in
    /// version 2, [`VIRTIO_F_VERSION_1`]; a legacy transport offers only bits 0 to 31.
    fn features(&self) -> u64;

    /// Tells the device which features the driver accepted (a subset of the offer).
    fn ack_features(&mut self, _features: u64) {}

    /// Fills `data` from the configuration space at `offset`; bytes past its end read 0.
    fn read_config(&self, offset: u64, data: &mut [u8]);

    /// Writes `data` to the configuration space at `offset` (ignored by default).
    fn write_config(&mut self, _offset: u64, _data: &[u8]) {}

    /// Number of virtqueues.
    fn num_queues(&self) -> usize;

    /// Largest size the driver may give queue `index` (a power of two).
    fn queue_max_size(&self, _index: usize) -> u16 {
        256
    }

    /// Processes the available buffers of queue `index` after a driver notification.
    /// Returns whether the driver must get a used-buffer interrupt (normally the result
    /// of [`Queue::drain`]); an error marks the device broken.
    fn process_queue(
        &mut self,
        index: usize,
        queue: &mut Queue,
        ram: &GuestRam,
    ) -> Result<bool, QueueError>;

    /// Returns the device to its initial state (the driver wrote 0 to `Status`).
    fn reset(&mut self) {}
}

/// Copies `config[offset..]` into `data`, zero-filling what lies past the end.
pub(crate) fn read_config_bytes(config: &[u8], offset: u64, data: &mut [u8]) {
    for (i, b) in data.iter_mut().enumerate() {
        *b = usize::try_from(offset)
            .ok()
            .and_then(|o| o.checked_add(i))
            .and_then(|o| config.get(o))
            .copied()
            .unwrap_or(0);
    }
}

/// How many guest errors a device logs before going quiet.
const GUEST_LOG_LIMIT: u64 = 16;

/// Rate-limited logging of guest mistakes to stderr.
#[derive(Debug)]
pub(crate) struct GuestLog {
    name: String,
    count: u64,
}

impl GuestLog {
    /// A log whose lines start with `name`.
    pub(crate) fn new(name: impl Into<String>) -> Self {
        GuestLog {
            name: name.into(),
            count: 0,
        }
    }

    /// Logs one guest error (the first [`GUEST_LOG_LIMIT`] are printed).
    pub(crate) fn error(&mut self, msg: std::fmt::Arguments<'_>) {
        self.count += 1;
        if self.count <= GUEST_LOG_LIMIT {
            eprintln!("{}: {}", self.name, msg);
        }
        if self.count == GUEST_LOG_LIMIT {
            eprintln!("{}: further guest errors are not shown", self.name);
        }
    }

    /// How many errors were reported so far.
    pub(crate) fn count(&self) -> u64 {
        self.count
    }
}
