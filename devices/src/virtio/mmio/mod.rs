//! The virtio-mmio transport (virtio 1.2, section 4.2) in both of its versions, as QEMU's
//! `virt` board offers them: version 1, the legacy interface (section 4.2.4), which is
//! QEMU's default, and version 2 (section 4.2.2), which QEMU gives with
//! `-global virtio-mmio.force-legacy=false`.
//!
//! - this file: a slot with a device behind it ([`VirtioMmio`]) and what both versions
//!   share: identity, feature words, queue selection and size, notification, interrupts,
//!   status and reset, the configuration space;
//! - `modern`: the version 2 registers (64-bit queue addresses, QueueReady, FEATURES_OK);
//! - `legacy`: the version 1 registers (GuestPageSize, QueueAlign, QueuePFN) and the
//!   legacy ring layout;
//! - `empty`: [`EmptySlot`], a slot with no device;
//! - `regs`: the register offsets.
//!
//! Registers are 32 bits wide; the device configuration space at 0x100 takes 1-, 2-, 4-
//! and 8-byte accesses. Like QEMU, the transport is forgiving: a register access of the
//! wrong width reads 0 and is ignored, features the device did not offer are dropped, and
//! a register of the other version reads 0 and ignores writes (with one hint on stderr,
//! since it means the driver expects the other `-global virtio-mmio.force-legacy`).

mod empty;
mod legacy;
mod modern;
mod regs;

use std::sync::Arc;

use emu_core::{BusError, GuestRam, IrqLine, MmioDevice};

use super::queue::Queue;
use super::{GuestLog, VirtioDevice, VIRTIO_RING_F_EVENT_IDX};
pub use empty::EmptySlot;
use legacy::LegacyState;
use regs::*;

/// Size of one virtio-mmio window on the `virt` board.
pub const VIRTIO_MMIO_SIZE: u64 = 0x1000;

/// Which register layout a virtio-mmio slot presents (its `Version` register).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VirtioMmioVersion {
    /// Version 1, the legacy interface (virtio 1.2 section 4.2.4): the driver gives
    /// GuestPageSize, QueueAlign and a page number (QueuePFN) for each queue, and the
    /// device does not offer VIRTIO_F_VERSION_1. QEMU's default on the `virt` board.
    Legacy,
    /// Version 2 (section 4.2.2): 64-bit addresses for each part of a queue,
    /// QueueReady, FEATURES_OK and VIRTIO_F_VERSION_1.
    Modern,
}

impl VirtioMmioVersion {
    /// The value of the `Version` register: 1 or 2.
    pub fn register_value(self) -> u32 {
        match self {
            VirtioMmioVersion::Legacy => 1,
            VirtioMmioVersion::Modern => 2,
        }
    }

    /// The version QEMU gives for `-global virtio-mmio.force-legacy=<force_legacy>`.
    pub fn from_force_legacy(force_legacy: bool) -> Self {
        if force_legacy {
            VirtioMmioVersion::Legacy
        } else {
            VirtioMmioVersion::Modern
        }
    }
}

/// What only one version keeps.
#[derive(Debug)]
enum Transport {
    Legacy(LegacyState),
    Modern,
}

/// Replaces 32-bit half `high` of `v` with `half`.
fn set_half(v: u64, high: bool, half: u64) -> u64 {
    let half = half & 0xffff_ffff;
    if high {
        (v & 0xffff_ffff) | half << 32
    } else {
        (v & !0xffff_ffff) | half
    }
}

/// A virtio-mmio slot with a device behind it.
pub struct VirtioMmio {
    name: String,
    device: Box<dyn VirtioDevice>,
    ram: Arc<GuestRam>,
    irq: IrqLine,
    queues: Vec<Queue>,
    transport: Transport,
    device_features_sel: u32,
    driver_features_sel: u32,
    driver_features: u64,
    queue_sel: u32,
    interrupt_status: u32,
    status: u32,
    broken: bool,
    log: GuestLog,
    /// A version 2 driver did not accept VIRTIO_F_VERSION_1 (said once).
    warned_no_version_1: bool,
    /// A register of the other version was written (said once).
    warned_other_version: bool,
    warned_width: bool,
}

impl std::fmt::Debug for VirtioMmio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VirtioMmio")
            .field("name", &self.name)
            .field("version", &self.version())
            .field("device_id", &self.device.device_id())
            .field("status", &self.status)
            .field("interrupt_status", &self.interrupt_status)
            .field("broken", &self.broken)
            .finish()
    }
}

impl VirtioMmio {
    /// A version 2 (modern) transport for `device`; see [`VirtioMmio::with_version`].
    pub fn new(
        name: impl Into<String>,
        device: Box<dyn VirtioDevice>,
        ram: Arc<GuestRam>,
        irq: IrqLine,
    ) -> Self {
        Self::with_version(name, device, ram, irq, VirtioMmioVersion::Modern)
    }

    /// The transport for `device` in register layout `version`, named `name` in
    /// diagnostics (e.g. "virtio-blk@10008000"), doing DMA into `ram` and interrupting
    /// through `irq` (the `virt` board uses PLIC source 1 + slot).
    pub fn with_version(
        name: impl Into<String>,
        device: Box<dyn VirtioDevice>,
        ram: Arc<GuestRam>,
        irq: IrqLine,
        version: VirtioMmioVersion,
    ) -> Self {
        let name = name.into();
        let queues: Vec<Queue> = (0..device.num_queues())
            .map(|i| Queue::new(device.queue_max_size(i)))
            .collect();
        let transport = match version {
            VirtioMmioVersion::Legacy => Transport::Legacy(LegacyState::new(queues.len())),
            VirtioMmioVersion::Modern => Transport::Modern,
        };
        VirtioMmio {
            log: GuestLog::new(name.clone()),
            name,
            device,
            ram,
            irq,
            queues,
            transport,
            device_features_sel: 0,
            driver_features_sel: 0,
            driver_features: 0,
            queue_sel: 0,
            interrupt_status: 0,
            status: 0,
            broken: false,
            warned_no_version_1: false,
            warned_other_version: false,
            warned_width: false,
        }
    }

    /// The register layout this slot presents.
    pub fn version(&self) -> VirtioMmioVersion {
        match self.transport {
            Transport::Legacy(_) => VirtioMmioVersion::Legacy,
            Transport::Modern => VirtioMmioVersion::Modern,
        }
    }

    /// Whether the device marked itself broken (DEVICE_NEEDS_RESET) after a malformed
    /// ring; it stays so until the driver resets it.
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// How many guest errors the transport has seen (malformed rings, bad registers).
    pub fn guest_errors(&self) -> u64 {
        self.log.count()
    }

    /// Everything the device offers in this version.
    fn offered(&self) -> u64 {
        match self.transport {
            Transport::Legacy(_) => self.legacy_offered(),
            Transport::Modern => self.modern_offered(),
        }
    }

    /// What the driver accepted, restricted to the offer.
    fn negotiated(&self) -> u64 {
        self.driver_features & self.offered()
    }

    fn update_irq(&mut self) {
        self.irq.set(self.interrupt_status != 0);
    }

    fn raise(&mut self, bits: u32) {
        self.interrupt_status |= bits;
        self.update_irq();
    }

    /// Status 0: the device and transport return to their initial state.
    fn reset(&mut self) {
        self.device.reset();
        for q in &mut self.queues {
            q.reset();
        }
        if let Transport::Legacy(l) = &mut self.transport {
            l.reset();
        }
        self.device_features_sel = 0;
        self.driver_features_sel = 0;
        self.driver_features = 0;
        self.queue_sel = 0;
        self.status = 0;
        self.broken = false;
        self.interrupt_status = 0;
        self.update_irq();
    }

    /// The driver's feature choice is final: tells the device.
    fn finalize_features(&mut self) {
        let extra = self.driver_features & !self.offered();
        if extra != 0 {
            self.log.error(format_args!(
                "driver accepted features {extra:#x} that were not offered; ignoring them"
            ));
        }
        self.driver_features = self.negotiated();
        self.device.ack_features(self.driver_features);
    }

    fn write_status(&mut self, value: u32) {
        let value = value & 0xff;
        if value == 0 {
            self.reset();
            return;
        }
        let old = self.status;
        let features_final = match self.transport {
            Transport::Legacy(_) => Self::legacy_features_final(old, value),
            Transport::Modern => self.modern_features_final(old, value),
        };
        if features_final {
            self.finalize_features();
        }
        self.status = value & !STATUS_NEEDS_RESET;
    }

    fn write_queue_num(&mut self, value: u32) {
        let sel = self.queue_sel as usize;
        let Some(q) = self.queues.get_mut(sel) else {
            return;
        };
        if value == 0 || value > q.max_size() as u32 || !value.is_power_of_two() {
            let max = q.max_size();
            self.log.error(format_args!(
                "queue {sel}: size {value} refused (maximum {max}, power of two)"
            ));
            return;
        }
        q.set_size(value as u16);
        if let Transport::Legacy(_) = self.transport {
            // The legacy ring layout depends on the size.
            self.legacy_place_queue(sel);
        }
    }

    fn notify(&mut self, index: u64) {
        if self.broken {
            return;
        }
        let event_idx = self.negotiated() & VIRTIO_RING_F_EVENT_IDX != 0;
        let ram = &*self.ram;
        let Some(queue) = usize::try_from(index)
            .ok()
            .and_then(|i| self.queues.get_mut(i))
        else {
            self.log.error(format_args!(
                "notify of queue {index}, which does not exist"
            ));
            return;
        };
        if !queue.ready() {
            self.log
                .error(format_args!("notify of queue {index}, which is not ready"));
            return;
        }
        queue.set_event_idx(event_idx);
        let used_before = queue.used_idx();
        let result = queue
            .validate(ram)
            .and_then(|()| self.device.process_queue(index as usize, queue, ram));
        let used_after = queue.used_idx();
        match result {
            Ok(true) => self.raise(INT_VRING),
            Ok(false) => {}
            Err(e) => {
                self.log
                    .error(format_args!("queue {index}: {e}; device needs a reset"));
                self.broken = true;
                let mut bits = INT_CONFIG;
                if used_after != used_before {
                    bits |= INT_VRING;
                }
                self.raise(bits);
            }
        }
    }

    fn read_register(&self, offset: u64) -> u32 {
        let queue = self.queues.get(self.queue_sel as usize);
        match offset {
            REG_MAGIC => MAGIC,
            REG_VERSION => self.version().register_value(),
            REG_DEVICE_ID => self.device.device_id(),
            REG_VENDOR_ID => VENDOR_QEMU,
            REG_DEVICE_FEATURES => match self.device_features_sel {
                0 => self.offered() as u32,
                1 => (self.offered() >> 32) as u32,
                _ => 0,
            },
            REG_QUEUE_NUM_MAX => queue.map_or(0, |q| q.max_size() as u32),
            REG_QUEUE_NUM => queue.map_or(0, |q| q.size() as u32),
            REG_INTERRUPT_STATUS => self.interrupt_status,
            REG_STATUS => self.status | if self.broken { STATUS_NEEDS_RESET } else { 0 },
            // No shared memory regions: length and base read as all ones.
            REG_SHM_LEN_LOW..=REG_SHM_BASE_HIGH => u32::MAX,
            _ => match &self.transport {
                Transport::Legacy(l) => self.legacy_read(l, offset),
                Transport::Modern => self.modern_read(offset),
            },
        }
    }

    fn write_register(&mut self, offset: u64, value: u32) {
        match offset {
            REG_DEVICE_FEATURES_SEL => self.device_features_sel = value,
            REG_DRIVER_FEATURES => match self.transport {
                Transport::Legacy(_) => self.legacy_write_driver_features(value),
                Transport::Modern => self.modern_write_driver_features(value),
            },
            REG_DRIVER_FEATURES_SEL => self.driver_features_sel = value,
            REG_QUEUE_SEL => self.queue_sel = value,
            REG_QUEUE_NUM => self.write_queue_num(value),
            REG_QUEUE_NOTIFY => self.notify(value as u64 & 0xffff),
            REG_INTERRUPT_ACK => {
                self.interrupt_status &= !value;
                self.update_irq();
            }
            REG_STATUS => self.write_status(value),
            _ => match self.transport {
                Transport::Legacy(_) => self.legacy_write(offset, value),
                Transport::Modern => self.modern_write(offset, value),
            },
        }
    }

    /// A driver wrote a register that only the other version has: it was written for
    /// the other transport. Says so once, naming QEMU's option that selects it.
    fn other_version_register(&mut self, offset: u64) {
        self.log.error(format_args!(
            "write to register {offset:#x}, which this version {} transport does not have",
            self.version().register_value()
        ));
        if !self.warned_other_version {
            self.warned_other_version = true;
            let option = match self.version() {
                VirtioMmioVersion::Legacy => "false",
                VirtioMmioVersion::Modern => "true",
            };
            eprintln!(
                "{}: the driver seems to expect the other virtio-mmio version; \
                 try -global virtio-mmio.force-legacy={option}",
                self.name
            );
        }
    }

    fn warn_width(&mut self, offset: u64, size: u8) {
        if !self.warned_width {
            self.warned_width = true;
            eprintln!(
                "{}: {size}-byte access to register {offset:#x} ignored (registers are 32-bit)",
                self.name
            );
        }
    }
}

impl MmioDevice for VirtioMmio {
    fn name(&self) -> &str {
        &self.name
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        if offset >= CONFIG {
            let mut buf = [0u8; 8];
            let n = (size as usize).min(8);
            self.device.read_config(offset - CONFIG, &mut buf[..n]);
            return Ok(u64::from_le_bytes(buf));
        }
        if size != 4 || !offset.is_multiple_of(4) {
            self.warn_width(offset, size);
            return Ok(0);
        }
        Ok(self.read_register(offset) as u64)
    }

    fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError> {
        if offset >= CONFIG {
            let n = (size as usize).min(8);
            let bytes = value.to_le_bytes();
            self.device.write_config(offset - CONFIG, &bytes[..n]);
            return Ok(());
        }
        if size != 4 || !offset.is_multiple_of(4) {
            self.warn_width(offset, size);
            return Ok(());
        }
        self.write_register(offset, value as u32);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{ram, Echo};
    use super::*;
    use emu_core::RecordingSink;

    fn slot(version: VirtioMmioVersion) -> (VirtioMmio, Arc<RecordingSink>, Arc<GuestRam>) {
        let sink = Arc::new(RecordingSink::default());
        let ram = Arc::new(ram());
        let dev = VirtioMmio::with_version(
            "virtio-test",
            Box::new(Echo::default()),
            ram.clone(),
            IrqLine::new(sink.clone(), 3),
            version,
        );
        (dev, sink, ram)
    }

    #[test]
    fn both_versions_share_identity_config_and_interrupts() {
        for (version, number) in [
            (VirtioMmioVersion::Legacy, 1),
            (VirtioMmioVersion::Modern, 2),
        ] {
            let (mut dev, sink, _) = slot(version);
            assert_eq!(dev.version(), version);
            assert_eq!(dev.read(0x0, 4).unwrap(), 0x7472_6976);
            assert_eq!(dev.read(0x4, 4).unwrap(), number);
            assert_eq!(dev.read(0x8, 4).unwrap(), 42);
            assert_eq!(dev.read(0xc, 4).unwrap(), 0x554d_4551);
            assert_eq!(dev.read(0x34, 4).unwrap(), 16);
            assert_eq!(dev.read(0xb0, 4).unwrap(), 0xffff_ffff);
            // Config space at 0x100 in every width; past the end reads zero.
            assert_eq!(dev.read(0x100, 1).unwrap(), b'0' as u64);
            assert_eq!(dev.read(0x102, 2).unwrap(), 0x3332);
            assert_eq!(
                dev.read(0x104, 8).unwrap(),
                u64::from_le_bytes(*b"456789ab")
            );
            assert_eq!(dev.read(0x10a, 4).unwrap(), 0x6261);
            dev.write(0x100, 1, b'X' as u64).unwrap();
            assert_eq!(dev.read(0x100, 1).unwrap(), b'X' as u64);
            // Wrong-width register accesses read 0 and are ignored, as on QEMU.
            assert_eq!(dev.read(0x0, 2).unwrap(), 0);
            dev.write(0x70, 1, 1).unwrap();
            assert_eq!(dev.read(0x70, 4).unwrap(), 0);
            // A malformed notification or queue selection never panics.
            dev.write(0x50, 4, 0xffff_ffff).unwrap();
            dev.write(0x30, 4, u32::MAX as u64).unwrap();
            assert_eq!(dev.read(0x34, 4).unwrap(), 0);
            dev.write(0x38, 4, 8).unwrap();
            dev.write(0x50, 4, 0).unwrap();
            assert!(!dev.is_broken());
            // The interrupt line follows InterruptStatus; ACK clears bits.
            dev.raise(INT_VRING | INT_CONFIG);
            assert!(sink.level(3));
            dev.write(0x64, 4, INT_VRING as u64).unwrap();
            assert_eq!(dev.read(0x60, 4).unwrap(), 2);
            assert!(sink.level(3));
            dev.write(0x64, 4, INT_CONFIG as u64).unwrap();
            assert!(!sink.level(3));
        }
    }
}
