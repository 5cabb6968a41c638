//! The virtio-mmio transport, version 2 (virtio 1.2, section 4.2.2), as Linux's
//! `virtio_mmio.c`, U-Boot and OpenSBI-era firmware expect it on QEMU's `virt` board.
//!
//! Registers are 32 bits wide; the device configuration space at 0x100 takes 1-, 2-, 4-
//! and 8-byte accesses. Like QEMU, the transport is forgiving: a register access of the
//! wrong width reads 0 and is ignored, features the device did not offer are dropped,
//! and a driver that never accepts `VIRTIO_F_VERSION_1` (or never writes the high feature
//! word, or never sets FEATURES_OK) still gets a working device.

use std::sync::Arc;

use emu_core::{BusError, GuestRam, IrqLine, MmioDevice};

use super::queue::Queue;
use super::{
    GuestLog, VirtioDevice, VIRTIO_F_VERSION_1, VIRTIO_RING_F_EVENT_IDX,
    VIRTIO_RING_F_INDIRECT_DESC,
};

/// Size of one virtio-mmio window on the `virt` board.
pub const VIRTIO_MMIO_SIZE: u64 = 0x1000;

const MAGIC: u32 = 0x7472_6976; // "virt"
const VERSION: u32 = 2;
const VENDOR_QEMU: u32 = 0x554d_4551; // "QEMU"

const REG_MAGIC: u64 = 0x000;
const REG_VERSION: u64 = 0x004;
const REG_DEVICE_ID: u64 = 0x008;
const REG_VENDOR_ID: u64 = 0x00c;
const REG_DEVICE_FEATURES: u64 = 0x010;
const REG_DEVICE_FEATURES_SEL: u64 = 0x014;
const REG_DRIVER_FEATURES: u64 = 0x020;
const REG_DRIVER_FEATURES_SEL: u64 = 0x024;
const REG_QUEUE_SEL: u64 = 0x030;
const REG_QUEUE_NUM_MAX: u64 = 0x034;
const REG_QUEUE_NUM: u64 = 0x038;
const REG_QUEUE_READY: u64 = 0x044;
const REG_QUEUE_NOTIFY: u64 = 0x050;
const REG_INTERRUPT_STATUS: u64 = 0x060;
const REG_INTERRUPT_ACK: u64 = 0x064;
const REG_STATUS: u64 = 0x070;
// The queue addresses are 64-bit: low half here, high half at +4.
const REG_QUEUE_DESC_LOW: u64 = 0x080;
const REG_QUEUE_DRIVER_LOW: u64 = 0x090;
const REG_QUEUE_DEVICE_LOW: u64 = 0x0a0;
const REG_QUEUE_DEVICE_HIGH: u64 = 0x0a4;
const REG_SHM_LEN_LOW: u64 = 0x0b0;
const REG_SHM_BASE_HIGH: u64 = 0x0bc;
const REG_CONFIG_GENERATION: u64 = 0x0fc;
const CONFIG: u64 = 0x100;

/// InterruptStatus bit: the device used a buffer.
const INT_VRING: u32 = 1;
/// InterruptStatus bit: the configuration (or DEVICE_NEEDS_RESET) changed.
const INT_CONFIG: u32 = 2;

const STATUS_DRIVER_OK: u32 = 4;
const STATUS_FEATURES_OK: u32 = 8;
const STATUS_NEEDS_RESET: u32 = 64;

/// Features every device gets from the transport and ring implementation.
const TRANSPORT_FEATURES: u64 =
    VIRTIO_F_VERSION_1 | VIRTIO_RING_F_INDIRECT_DESC | VIRTIO_RING_F_EVENT_IDX;

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
    device_features_sel: u32,
    driver_features_sel: u32,
    driver_features: u64,
    queue_sel: u32,
    interrupt_status: u32,
    status: u32,
    broken: bool,
    log: GuestLog,
    warned_legacy: bool,
    warned_width: bool,
}

impl std::fmt::Debug for VirtioMmio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VirtioMmio")
            .field("name", &self.name)
            .field("device_id", &self.device.device_id())
            .field("status", &self.status)
            .field("interrupt_status", &self.interrupt_status)
            .field("broken", &self.broken)
            .finish()
    }
}

impl VirtioMmio {
    /// The transport for `device`, named `name` in diagnostics (e.g. "virtio-mmio@10001000"),
    /// doing DMA into `ram` and interrupting through `irq` (the `virt` board uses PLIC
    /// source 1 + slot).
    pub fn new(
        name: impl Into<String>,
        device: Box<dyn VirtioDevice>,
        ram: Arc<GuestRam>,
        irq: IrqLine,
    ) -> Self {
        let name = name.into();
        let queues = (0..device.num_queues())
            .map(|i| Queue::new(device.queue_max_size(i)))
            .collect();
        VirtioMmio {
            log: GuestLog::new(name.clone()),
            name,
            device,
            ram,
            irq,
            queues,
            device_features_sel: 0,
            driver_features_sel: 0,
            driver_features: 0,
            queue_sel: 0,
            interrupt_status: 0,
            status: 0,
            broken: false,
            warned_legacy: false,
            warned_width: false,
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

    /// Everything the device offers.
    fn offered(&self) -> u64 {
        self.device.features() | TRANSPORT_FEATURES
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
        self.device_features_sel = 0;
        self.driver_features_sel = 0;
        self.driver_features = 0;
        self.queue_sel = 0;
        self.status = 0;
        self.broken = false;
        self.interrupt_status = 0;
        self.update_irq();
    }

    /// The driver's feature choice is final (FEATURES_OK, or DRIVER_OK without it).
    fn finalize_features(&mut self) {
        let extra = self.driver_features & !self.offered();
        if extra != 0 {
            self.log.error(format_args!(
                "driver accepted features {extra:#x} that were not offered; ignoring them"
            ));
        }
        self.driver_features = self.negotiated();
        if self.driver_features & VIRTIO_F_VERSION_1 == 0 && !self.warned_legacy {
            self.warned_legacy = true;
            eprintln!(
                "{}: driver did not accept VIRTIO_F_VERSION_1 (legacy-ish driver); \
                 continuing with the features it did accept",
                self.name
            );
        }
        self.device.ack_features(self.driver_features);
    }

    fn write_status(&mut self, value: u32) {
        let value = value & 0xff;
        if value == 0 {
            self.reset();
            return;
        }
        let old = self.status;
        let features_ok = value & STATUS_FEATURES_OK != 0 && old & STATUS_FEATURES_OK == 0;
        let driver_ok_without_features_ok = value & STATUS_DRIVER_OK != 0
            && old & STATUS_DRIVER_OK == 0
            && (value | old) & STATUS_FEATURES_OK == 0;
        if features_ok || driver_ok_without_features_ok {
            self.finalize_features();
        }
        self.status = value & !STATUS_NEEDS_RESET;
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
            REG_VERSION => VERSION,
            REG_DEVICE_ID => self.device.device_id(),
            REG_VENDOR_ID => VENDOR_QEMU,
            REG_DEVICE_FEATURES => match self.device_features_sel {
                0 => self.offered() as u32,
                1 => (self.offered() >> 32) as u32,
                _ => 0,
            },
            REG_QUEUE_NUM_MAX => queue.map_or(0, |q| q.max_size() as u32),
            REG_QUEUE_NUM => queue.map_or(0, |q| q.size() as u32),
            REG_QUEUE_READY => queue.is_some_and(|q| q.ready()) as u32,
            REG_INTERRUPT_STATUS => self.interrupt_status,
            REG_STATUS => self.status | if self.broken { STATUS_NEEDS_RESET } else { 0 },
            REG_QUEUE_DESC_LOW..=REG_QUEUE_DEVICE_HIGH => {
                let Some(q) = queue else { return 0 };
                let (desc, avail, used) = q.addresses();
                let v = match offset & !7 {
                    REG_QUEUE_DESC_LOW => desc,
                    REG_QUEUE_DRIVER_LOW => avail,
                    REG_QUEUE_DEVICE_LOW => used,
                    _ => return 0,
                };
                (v >> (8 * (offset & 4))) as u32
            }
            // No shared memory regions: length and base read as all ones.
            REG_SHM_LEN_LOW..=REG_SHM_BASE_HIGH => u32::MAX,
            REG_CONFIG_GENERATION => 0,
            _ => 0,
        }
    }

    fn write_register(&mut self, offset: u64, value: u32) {
        let v = value as u64;
        let sel = self.queue_sel as usize;
        match offset {
            REG_DEVICE_FEATURES_SEL => self.device_features_sel = value,
            REG_DRIVER_FEATURES => {
                if self.status & STATUS_FEATURES_OK != 0 {
                    self.log.error(format_args!(
                        "driver features written after FEATURES_OK; ignored"
                    ));
                } else if self.driver_features_sel < 2 {
                    let high = self.driver_features_sel == 1;
                    self.driver_features = set_half(self.driver_features, high, v);
                }
            }
            REG_DRIVER_FEATURES_SEL => self.driver_features_sel = value,
            REG_QUEUE_SEL => self.queue_sel = value,
            REG_QUEUE_NUM => {
                let Some(q) = self.queues.get_mut(sel) else {
                    return;
                };
                if value == 0 || value > q.max_size() as u32 || !value.is_power_of_two() {
                    let max = q.max_size();
                    self.log.error(format_args!(
                        "queue {sel}: size {value} refused (maximum {max}, power of two)"
                    ));
                } else {
                    q.set_size(value as u16);
                }
            }
            REG_QUEUE_READY => {
                if let Some(q) = self.queues.get_mut(sel) {
                    q.set_ready(value & 1 != 0);
                }
            }
            REG_QUEUE_NOTIFY => self.notify(v & 0xffff),
            REG_INTERRUPT_ACK => {
                self.interrupt_status &= !value;
                self.update_irq();
            }
            REG_STATUS => self.write_status(value),
            REG_QUEUE_DESC_LOW..=REG_QUEUE_DEVICE_HIGH => {
                let Some(q) = self.queues.get_mut(sel) else {
                    return;
                };
                let high = offset & 4 != 0;
                let (desc, avail, used) = q.addresses();
                match offset & !7 {
                    REG_QUEUE_DESC_LOW => q.set_desc_table(set_half(desc, high, v)),
                    REG_QUEUE_DRIVER_LOW => q.set_avail_ring(set_half(avail, high, v)),
                    REG_QUEUE_DEVICE_LOW => q.set_used_ring(set_half(used, high, v)),
                    _ => {}
                }
            }
            // Read-only and unknown registers (including legacy ones) ignore writes.
            _ => {}
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

/// An unpopulated virtio-mmio slot: answers the magic value, version 2 and device ID 0
/// (which Linux and U-Boot skip); everything else reads 0 and ignores writes.
#[derive(Debug, Clone)]
pub struct EmptySlot {
    name: String,
}

impl EmptySlot {
    /// An empty slot named `name` in diagnostics.
    pub fn new(name: impl Into<String>) -> Self {
        EmptySlot { name: name.into() }
    }
}

impl MmioDevice for EmptySlot {
    fn name(&self) -> &str {
        &self.name
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        Ok(match (offset, size) {
            (REG_MAGIC, 4) => MAGIC as u64,
            (REG_VERSION, 4) => VERSION as u64,
            (REG_VENDOR_ID, 4) => VENDOR_QEMU as u64,
            _ => 0,
        })
    }

    fn write(&mut self, _offset: u64, _size: u8, _value: u64) -> Result<(), BusError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{ram, TestRing, DATA};
    use super::super::{read_config_bytes, QueueError};
    use super::*;
    use emu_core::RecordingSink;

    /// A device with one queue that writes 0xaa into every writable byte, or fails.
    struct Echo {
        config: [u8; 12],
        seen: Arc<std::sync::Mutex<Seen>>,
    }

    /// What the device was told: accepted features and resets.
    #[derive(Debug, Default)]
    struct Seen {
        acked: Option<u64>,
        resets: u32,
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

    type Shared = Arc<std::sync::Mutex<Seen>>;

    fn setup_seen() -> (VirtioMmio, Arc<RecordingSink>, Arc<GuestRam>, Shared) {
        let sink = Arc::new(RecordingSink::default());
        let ram = Arc::new(ram());
        let seen = Shared::default();
        let echo = Echo {
            config: *b"0123456789ab",
            seen: seen.clone(),
        };
        let dev = VirtioMmio::new(
            "virtio-test",
            Box::new(echo),
            ram.clone(),
            IrqLine::new(sink.clone(), 3),
        );
        (dev, sink, ram, seen)
    }

    fn setup() -> (VirtioMmio, Arc<RecordingSink>, Arc<GuestRam>) {
        let (dev, sink, ram, _) = setup_seen();
        (dev, sink, ram)
    }

    fn r(dev: &mut VirtioMmio, off: u64) -> u64 {
        dev.read(off, 4).unwrap()
    }

    fn w(dev: &mut VirtioMmio, off: u64, v: u64) {
        dev.write(off, 4, v).unwrap()
    }

    #[test]
    fn identity_features_and_config() {
        let (mut dev, _, _) = setup();
        assert_eq!(r(&mut dev, 0x0), 0x7472_6976);
        assert_eq!(r(&mut dev, 0x4), 2);
        assert_eq!(r(&mut dev, 0x8), 42);
        assert_eq!(r(&mut dev, 0xc), 0x554d_4551);
        assert_eq!(r(&mut dev, 0x10), (1 << 3) | (1 << 28) | (1 << 29));
        w(&mut dev, 0x14, 1);
        assert_eq!(r(&mut dev, 0x10), 1); // VERSION_1
        w(&mut dev, 0x14, 2);
        assert_eq!(r(&mut dev, 0x10), 0);
        assert_eq!(r(&mut dev, 0x34), 16);
        w(&mut dev, 0x30, 1);
        assert_eq!(r(&mut dev, 0x34), 0); // queue 1 does not exist
                                          // Config space at 0x100 in every width; past the end reads zero.
        assert_eq!(dev.read(0x100, 1).unwrap(), b'0' as u64);
        assert_eq!(dev.read(0x102, 2).unwrap(), 0x3332);
        assert_eq!(dev.read(0x104, 4).unwrap(), 0x3736_3534);
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
        assert_eq!(r(&mut dev, 0x70), 0);
        assert_eq!(r(&mut dev, 0xfc), 0);
        assert_eq!(r(&mut dev, 0xb0), 0xffff_ffff);
    }

    #[test]
    fn negotiation_modern_and_forgiving() {
        // Modern: both feature words, FEATURES_OK sticks.
        let (mut dev, _, _, seen) = setup_seen();
        w(&mut dev, 0x70, 1 | 2);
        w(&mut dev, 0x24, 1);
        w(&mut dev, 0x20, 1);
        w(&mut dev, 0x24, 0);
        w(&mut dev, 0x20, (1 << 29) | (1 << 3) | (1 << 5)); // bit 5 was not offered
        w(&mut dev, 0x70, 1 | 2 | 8);
        assert_eq!(r(&mut dev, 0x70), 11);
        let acked = seen.lock().unwrap().acked;
        assert_eq!(acked, Some((1 << 32) | (1 << 29) | (1 << 3)));
        // Feature writes after FEATURES_OK are ignored.
        w(&mut dev, 0x20, 0);
        assert_eq!(dev.negotiated() & (1 << 29), 1 << 29);
        w(&mut dev, 0x70, 15);
        assert_eq!(r(&mut dev, 0x70), 15);

        // Legacy-ish: only the low word, no FEATURES_OK, straight to DRIVER_OK.
        let (mut dev, sink, ram, seen) = setup_seen();
        w(&mut dev, 0x70, 1 | 2);
        w(&mut dev, 0x20, 1 << 3);
        w(&mut dev, 0x70, 1 | 2 | 4);
        assert_eq!(seen.lock().unwrap().acked, Some(1 << 3));
        assert!(dev.warned_legacy);
        // The device still works.
        let mut ring = TestRing::new(8);
        ring.configure_mmio(&mut dev, 0);
        assert_eq!(r(&mut dev, 0x44), 1);
        let h = ring.chain(&ram, &[(DATA, 4, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used(&ram), vec![(h as u32, 4)]);
        assert_eq!(ram.read(DATA, 4), Some(0xaaaa_aaaa));
        assert!(sink.level(3));
        assert_eq!(r(&mut dev, 0x60), 1);
        w(&mut dev, 0x64, 1);
        assert!(!sink.level(3));
        assert_eq!(r(&mut dev, 0x60), 0);
    }

    #[test]
    fn queue_registers_and_reset() {
        let (mut dev, sink, _, seen) = setup_seen();
        let ring = TestRing::new(8);
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        ring.configure_mmio(&mut dev, 0);
        assert_eq!(r(&mut dev, 0x38), 8);
        assert_eq!(r(&mut dev, 0x80), ring.desc & 0xffff_ffff);
        assert_eq!(r(&mut dev, 0x84), ring.desc >> 32);
        assert_eq!(r(&mut dev, 0x90), ring.avail & 0xffff_ffff);
        assert_eq!(r(&mut dev, 0xa0), ring.used & 0xffff_ffff);
        // Invalid sizes are refused and keep the previous one.
        w(&mut dev, 0x38, 32);
        w(&mut dev, 0x38, 6);
        w(&mut dev, 0x38, 0);
        assert_eq!(r(&mut dev, 0x38), 8);
        // Notifying an unknown queue is harmless.
        w(&mut dev, 0x50, 7);
        assert!(!dev.is_broken());
        // Reset: status, queues, features and the interrupt go back to zero.
        dev.raise(INT_VRING);
        assert!(sink.level(3));
        w(&mut dev, 0x70, 0);
        assert_eq!(r(&mut dev, 0x70), 0);
        assert_eq!(r(&mut dev, 0x44), 0);
        assert_eq!(r(&mut dev, 0x80), 0);
        assert_eq!(r(&mut dev, 0x38), 16);
        assert_eq!(r(&mut dev, 0x60), 0);
        assert!(!sink.level(3));
        assert_eq!(dev.driver_features, 0);
        assert_eq!(seen.lock().unwrap().resets, 1);
    }

    #[test]
    fn malformed_ring_marks_the_device_broken_until_reset() {
        let (mut dev, sink, ram) = setup();
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        let mut ring = TestRing::new(8);
        ring.configure_mmio(&mut dev, 0);
        // One good request, then a looping chain.
        let good = ring.chain(&ram, &[(DATA, 1, true)]);
        ring.publish(&ram, good);
        TestRing::write_desc(&ram, ring.desc, 5, DATA, 1, 1, 6);
        TestRing::write_desc(&ram, ring.desc, 6, DATA, 1, 1, 5);
        ring.publish(&ram, 5);
        w(&mut dev, 0x50, 0);
        assert!(dev.is_broken());
        assert_eq!(r(&mut dev, 0x70), 64 | 15);
        assert_eq!(r(&mut dev, 0x60), 3); // used buffer + config change
        assert!(sink.level(3));
        assert_eq!(ring.used_idx(&ram), 1);
        assert!(dev.guest_errors() > 0);
        // Further notifications are ignored until a reset.
        let again = ring.chain(&ram, &[(DATA, 1, true)]);
        ring.publish(&ram, again);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used_idx(&ram), 1);
        w(&mut dev, 0x70, 0);
        assert!(!dev.is_broken());
        assert_eq!(r(&mut dev, 0x70), 0);
        assert!(!sink.level(3));
        // A ring outside RAM is caught at notify time too.
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        w(&mut dev, 0x80, 0x1000);
        w(&mut dev, 0x84, 0);
        w(&mut dev, 0x44, 1);
        w(&mut dev, 0x50, 0);
        assert!(dev.is_broken());
    }

    #[test]
    fn event_index_through_the_transport() {
        let (mut dev, sink, ram) = setup();
        w(&mut dev, 0x24, 1);
        w(&mut dev, 0x20, 1);
        w(&mut dev, 0x24, 0);
        w(&mut dev, 0x20, 1 << 29);
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        let mut ring = TestRing::new(8);
        ring.configure_mmio(&mut dev, 0);
        let used_event = ring.avail + 4 + 2 * 8;
        let h = ring.chain(&ram, &[(DATA, 1, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert!(sink.level(3));
        w(&mut dev, 0x64, 1);
        // The driver wants an interrupt only once used idx passes 2.
        ram.write(used_event, 2, 2);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert!(!sink.level(3));
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert!(sink.level(3));
        assert_eq!(ram.read(ring.used + 4 + 8 * 8, 2), Some(3)); // avail_event
    }

    #[test]
    fn empty_slot_probes_as_no_device() {
        let mut s = EmptySlot::new("virtio-mmio@10008000");
        assert_eq!(s.read(0, 4).unwrap(), 0x7472_6976);
        assert_eq!(s.read(4, 4).unwrap(), 2);
        assert_eq!(s.read(8, 4).unwrap(), 0);
        s.write(0x70, 4, 1).unwrap();
        assert_eq!(s.read(0x70, 4).unwrap(), 0);
    }
}
