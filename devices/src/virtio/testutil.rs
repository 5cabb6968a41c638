//! Test helpers: a small guest RAM, split rings built by hand as a driver would (in the
//! version 2 placement or the legacy layout), and a simple device.

use std::sync::{Arc, Mutex};

use emu_core::GuestRam;

use super::mmio::VirtioMmio;
use super::queue::{Queue, VIRTQ_DESC_F_INDIRECT, VIRTQ_DESC_F_NEXT, VIRTQ_DESC_F_WRITE};
use super::{read_config_bytes, QueueError, VirtioDevice};

/// Guest physical base of the test RAM.
pub const RAM_BASE: u64 = 0x8000_0000;
/// Size of the test RAM.
pub const RAM_SIZE: u64 = 0x40000;
/// Where tests put their buffers (after the rings).
pub const DATA: u64 = RAM_BASE + 0x8000;

/// A fresh test RAM.
pub fn ram() -> GuestRam {
    GuestRam::new(RAM_BASE, RAM_SIZE).unwrap()
}

/// A split ring at fixed addresses, filled the way a driver fills it.
#[derive(Debug)]
pub struct TestRing {
    pub size: u16,
    pub desc: u64,
    pub avail: u64,
    pub used: u64,
    /// QueueAlign of a legacy ring (0 for a version 2 ring).
    pub align: u64,
    next_desc: u16,
    avail_idx: u16,
}

impl TestRing {
    /// A ring of `size` entries (up to 256) in the first 32 KiB of the test RAM.
    pub fn new(size: u16) -> Self {
        TestRing {
            size,
            desc: RAM_BASE,
            avail: RAM_BASE + 0x1000,
            used: RAM_BASE + 0x2000,
            align: 0,
            next_desc: 0,
            avail_idx: 0,
        }
    }

    /// A legacy ring of `size` entries at the start of the test RAM, laid out as virtio
    /// 1.2 section 2.7.2 says: descriptors, then the available ring (6 + 2 * size bytes
    /// with `used_event`), then the used ring at the next multiple of `align`.
    pub fn legacy(size: u16, align: u64) -> Self {
        let desc = RAM_BASE;
        let avail = desc + 16 * size as u64;
        let used = (avail + 6 + 2 * size as u64).div_ceil(align) * align;
        TestRing {
            size,
            desc,
            avail,
            used,
            align,
            next_desc: 0,
            avail_idx: 0,
        }
    }

    /// Zeroes the ring's memory.
    pub fn clear(&self, ram: &GuestRam) {
        let len = self.used + 6 + 8 * self.size as u64 - self.desc;
        ram.write_bytes(self.desc, &vec![0; len as usize]).unwrap();
    }

    /// Sets queue `index` of a legacy transport up through its registers, as Linux does
    /// (GuestPageSize, QueueSel, QueueNum, QueueAlign, QueuePFN).
    pub fn configure_legacy_mmio(&self, dev: &mut VirtioMmio, index: u32, page_size: u64) {
        use emu_core::MmioDevice;
        let w = |dev: &mut VirtioMmio, off: u64, v: u64| dev.write(off, 4, v).unwrap();
        w(dev, 0x28, page_size);
        w(dev, 0x30, index as u64);
        w(dev, 0x38, self.size as u64);
        w(dev, 0x3c, self.align);
        w(dev, 0x40, self.desc / page_size);
    }

    /// Points `q` at this ring and enables it.
    pub fn configure(&self, q: &mut Queue) {
        q.set_size(self.size);
        q.set_desc_table(self.desc);
        q.set_avail_ring(self.avail);
        q.set_used_ring(self.used);
        q.set_ready(true);
    }

    /// Sets queue `index` of a transport up through its registers, as Linux does.
    pub fn configure_mmio(&self, dev: &mut VirtioMmio, index: u32) {
        use emu_core::MmioDevice;
        let w = |dev: &mut VirtioMmio, off: u64, v: u64| dev.write(off, 4, v).unwrap();
        w(dev, 0x30, index as u64);
        w(dev, 0x38, self.size as u64);
        w(dev, 0x80, self.desc & 0xffff_ffff);
        w(dev, 0x84, self.desc >> 32);
        w(dev, 0x90, self.avail & 0xffff_ffff);
        w(dev, 0x94, self.avail >> 32);
        w(dev, 0xa0, self.used & 0xffff_ffff);
        w(dev, 0xa4, self.used >> 32);
        w(dev, 0x44, 1);
    }

    /// Writes descriptor `i` of the table at `table`.
    pub fn write_desc(
        ram: &GuestRam,
        table: u64,
        i: u16,
        addr: u64,
        len: u32,
        flags: u16,
        next: u16,
    ) {
        let at = table + 16 * i as u64;
        assert!(ram.write(at, 8, addr));
        assert!(ram.write(at + 8, 4, len as u64));
        assert!(ram.write(at + 12, 2, flags as u64));
        assert!(ram.write(at + 14, 2, next as u64));
    }

    fn alloc(&mut self) -> u16 {
        let i = self.next_desc;
        self.next_desc = (self.next_desc + 1) % self.size;
        i
    }

    /// Builds a chain of `(addr, len, writable)` buffers; returns its head.
    pub fn chain(&mut self, ram: &GuestRam, bufs: &[(u64, u32, bool)]) -> u16 {
        let ids: Vec<u16> = bufs.iter().map(|_| self.alloc()).collect();
        for (k, &(addr, len, writable)) in bufs.iter().enumerate() {
            let mut flags = if writable { VIRTQ_DESC_F_WRITE } else { 0 };
            let next = ids.get(k + 1).copied().unwrap_or(0);
            if k + 1 < bufs.len() {
                flags |= VIRTQ_DESC_F_NEXT;
            }
            Self::write_desc(ram, self.desc, ids[k], addr, len, flags, next);
        }
        ids[0]
    }

    /// Writes `bufs` as an indirect table at `table` and a descriptor pointing at it.
    pub fn indirect_chain(&mut self, ram: &GuestRam, table: u64, bufs: &[(u64, u32, bool)]) -> u16 {
        for (k, &(addr, len, writable)) in bufs.iter().enumerate() {
            let mut flags = if writable { VIRTQ_DESC_F_WRITE } else { 0 };
            if k + 1 < bufs.len() {
                flags |= VIRTQ_DESC_F_NEXT;
            }
            Self::write_desc(ram, table, k as u16, addr, len, flags, k as u16 + 1);
        }
        self.indirect(ram, table, bufs.len() as u32)
    }

    /// A descriptor pointing at an indirect table of `entries` at `table`.
    pub fn indirect(&mut self, ram: &GuestRam, table: u64, entries: u32) -> u16 {
        let i = self.alloc();
        Self::write_desc(
            ram,
            self.desc,
            i,
            table,
            16 * entries,
            VIRTQ_DESC_F_INDIRECT,
            0,
        );
        i
    }

    /// Makes chain `head` available.
    pub fn publish(&mut self, ram: &GuestRam, head: u16) {
        let slot = (self.avail_idx % self.size) as u64;
        assert!(ram.write(self.avail + 4 + 2 * slot, 2, head as u64));
        self.avail_idx = self.avail_idx.wrapping_add(1);
        assert!(ram.write(self.avail + 2, 2, self.avail_idx as u64));
    }

    /// The used ring's index.
    pub fn used_idx(&self, ram: &GuestRam) -> u16 {
        ram.read(self.used + 2, 2).unwrap() as u16
    }

    /// The used elements `(id, len)` published so far (up to the ring size).
    pub fn used(&self, ram: &GuestRam) -> Vec<(u32, u32)> {
        let n = self.used_idx(ram).min(self.size);
        (0..n as u64)
            .map(|i| {
                let at = self.used + 4 + 8 * i;
                (
                    ram.read(at, 4).unwrap() as u32,
                    ram.read(at + 4, 4).unwrap() as u32,
                )
            })
            .collect()
    }

    /// The last used element.
    pub fn last_used(&self, ram: &GuestRam) -> (u32, u32) {
        let i = self.used_idx(ram).wrapping_sub(1) % self.size;
        let at = self.used + 4 + 8 * i as u64;
        (
            ram.read(at, 4).unwrap() as u32,
            ram.read(at + 4, 4).unwrap() as u32,
        )
    }
}

/// What an [`Echo`] device was told: accepted features and resets.
#[derive(Debug, Default)]
pub struct Seen {
    pub acked: Option<u64>,
    pub resets: u32,
}

/// A device (ID 42, feature bit 3, one queue of up to 16, a 12-byte configuration space
/// "0123456789ab") that writes 0xaa into every writable byte of each chain.
#[derive(Debug, Clone)]
pub struct Echo {
    pub config: [u8; 12],
    pub seen: Arc<Mutex<Seen>>,
}

impl Default for Echo {
    fn default() -> Self {
        Echo {
            config: *b"0123456789ab",
            seen: Arc::default(),
        }
    }
}

impl VirtioDevice for Echo {
    fn device_id(&self) -> u32 {
        42
    }
    fn features(&self) -> u64 {
        1 << 3
    }
    fn ack_features(&mut self, features: u64) {
        self.seen.lock().unwrap().acked = Some(features);
    }
    fn read_config(&self, offset: u64, data: &mut [u8]) {
        read_config_bytes(&self.config, offset, data);
    }
    fn write_config(&mut self, offset: u64, data: &[u8]) {
        if let Some(b) = self.config.get_mut(offset as usize) {
            *b = data[0];
        }
    }
    fn num_queues(&self) -> usize {
        1
    }
    fn queue_max_size(&self, _index: usize) -> u16 {
        16
    }
    fn process_queue(
        &mut self,
        _index: usize,
        queue: &mut Queue,
        ram: &GuestRam,
    ) -> Result<bool, QueueError> {
        queue.drain(ram, |chain| {
            let n = chain.writable_len();
            let mut w = chain.writer(ram, n);
            let _ = w.write_all(&vec![0xaa; n as usize]);
            w.written() as u32
        })
    }
    fn reset(&mut self) {
        self.seen.lock().unwrap().resets += 1;
    }
}
