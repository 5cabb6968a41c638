//! The version 2 virtio-mmio registers (virtio 1.2 section 4.2.2): both 32-bit feature
//! words, FEATURES_OK, QueueReady and the 64-bit addresses of each part of a queue, as
//! Linux's `virtio_mmio.c`, U-Boot and xv6 use them.
//!
//! Like QEMU, the transport forgives a driver that never accepts `VIRTIO_F_VERSION_1`
//! (or never writes the high feature word, or never sets FEATURES_OK): it still gets a
//! working device with the features it did accept.

use super::regs::*;
use super::{set_half, VirtioMmio};
use crate::virtio::{VIRTIO_F_VERSION_1, VIRTIO_RING_F_EVENT_IDX, VIRTIO_RING_F_INDIRECT_DESC};

/// Features every device gets from the version 2 transport and the ring implementation.
const TRANSPORT_FEATURES: u64 =
    VIRTIO_F_VERSION_1 | VIRTIO_RING_F_INDIRECT_DESC | VIRTIO_RING_F_EVENT_IDX;

impl VirtioMmio {
    /// The offer of a version 2 device: its own features and the transport's.
    pub(super) fn modern_offered(&self) -> u64 {
        self.device.features() | TRANSPORT_FEATURES
    }

    /// Whether this status write makes the feature choice final: FEATURES_OK, or
    /// DRIVER_OK from a driver that skipped FEATURES_OK.
    pub(super) fn modern_features_final(&mut self, old: u32, value: u32) -> bool {
        let features_ok = value & STATUS_FEATURES_OK != 0 && old & STATUS_FEATURES_OK == 0;
        let driver_ok_without_features_ok = value & STATUS_DRIVER_OK != 0
            && old & STATUS_DRIVER_OK == 0
            && (value | old) & STATUS_FEATURES_OK == 0;
        let last = features_ok || driver_ok_without_features_ok;
        if last && self.driver_features & VIRTIO_F_VERSION_1 == 0 && !self.warned_no_version_1 {
            self.warned_no_version_1 = true;
            eprintln!(
                "{}: driver did not accept VIRTIO_F_VERSION_1 (legacy-ish driver); \
                 continuing with the features it did accept",
                self.name
            );
        }
        last
    }

    pub(super) fn modern_write_driver_features(&mut self, value: u32) {
        if self.status & STATUS_FEATURES_OK != 0 {
            self.log.error(format_args!(
                "driver features written after FEATURES_OK; ignored"
            ));
        } else if self.driver_features_sel < 2 {
            let high = self.driver_features_sel == 1;
            self.driver_features = set_half(self.driver_features, high, value as u64);
        }
    }

    /// Reads a register that is not common to both versions.
    pub(super) fn modern_read(&self, offset: u64) -> u32 {
        let Some(q) = self.queues.get(self.queue_sel as usize) else {
            return 0;
        };
        match offset {
            REG_QUEUE_READY => q.ready() as u32,
            REG_QUEUE_DESC_LOW..=REG_QUEUE_DEVICE_HIGH => {
                let (desc, avail, used) = q.addresses();
                let v = match offset & !7 {
                    REG_QUEUE_DESC_LOW => desc,
                    REG_QUEUE_DRIVER_LOW => avail,
                    REG_QUEUE_DEVICE_LOW => used,
                    _ => return 0,
                };
                (v >> (8 * (offset & 4))) as u32
            }
            REG_CONFIG_GENERATION => 0,
            _ => 0,
        }
    }

    /// Writes a register that is not common to both versions.
    pub(super) fn modern_write(&mut self, offset: u64, value: u32) {
        if is_legacy_only(offset) {
            self.other_version_register(offset);
            return;
        }
        let Some(q) = self.queues.get_mut(self.queue_sel as usize) else {
            return;
        };
        let v = value as u64;
        match offset {
            REG_QUEUE_READY => q.set_ready(value & 1 != 0),
            REG_QUEUE_DESC_LOW..=REG_QUEUE_DEVICE_HIGH => {
                let high = offset & 4 != 0;
                let (desc, avail, used) = q.addresses();
                match offset & !7 {
                    REG_QUEUE_DESC_LOW => q.set_desc_table(set_half(desc, high, v)),
                    REG_QUEUE_DRIVER_LOW => q.set_avail_ring(set_half(avail, high, v)),
                    REG_QUEUE_DEVICE_LOW => q.set_used_ring(set_half(used, high, v)),
                    _ => {}
                }
            }
            // Read-only and unknown registers ignore writes.
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::super::testutil::{ram, Echo, Seen, TestRing, DATA};
    use super::super::INT_VRING;
    use super::*;
    use emu_core::{GuestRam, IrqLine, MmioDevice, RecordingSink};

    type Shared = Arc<std::sync::Mutex<Seen>>;

    fn setup_seen() -> (VirtioMmio, Arc<RecordingSink>, Arc<GuestRam>, Shared) {
        let sink = Arc::new(RecordingSink::default());
        let ram = Arc::new(ram());
        let echo = Echo::default();
        let seen = echo.seen.clone();
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
    fn identity_and_features() {
        let (mut dev, _, _) = setup();
        assert_eq!(r(&mut dev, 0x4), 2);
        assert_eq!(r(&mut dev, 0x10), (1 << 3) | (1 << 28) | (1 << 29));
        w(&mut dev, 0x14, 1);
        assert_eq!(r(&mut dev, 0x10), 1); // VERSION_1
        w(&mut dev, 0x14, 2);
        assert_eq!(r(&mut dev, 0x10), 0);
        assert_eq!(r(&mut dev, 0x34), 16);
        w(&mut dev, 0x30, 1);
        assert_eq!(r(&mut dev, 0x34), 0); // queue 1 does not exist
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
        assert!(dev.warned_no_version_1);
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
    fn xv6_riscv_driver_sequence_works() {
        // xv6-riscv's virtio_disk_init on version 2: the low feature word only (it never
        // accepts VIRTIO_F_VERSION_1), FEATURES_OK, which must read back, then the queue.
        // QEMU accepts this; so does gasang (with one warning).
        let (mut dev, sink, ram, seen) = setup_seen();
        assert_eq!(r(&mut dev, 0x4), 2);
        w(&mut dev, 0x70, 0);
        w(&mut dev, 0x70, 1);
        w(&mut dev, 0x70, 1 | 2);
        let features = r(&mut dev, 0x10) & !((1 << 27) | (1 << 28) | (1 << 29));
        w(&mut dev, 0x20, features);
        w(&mut dev, 0x70, 1 | 2 | 8);
        assert_eq!(r(&mut dev, 0x70) & 8, 8);
        assert_eq!(seen.lock().unwrap().acked, Some(1 << 3));
        w(&mut dev, 0x30, 0);
        assert_eq!(r(&mut dev, 0x44), 0);
        assert!(r(&mut dev, 0x34) >= 8);
        let mut ring = TestRing::new(8);
        ring.configure_mmio(&mut dev, 0);
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        let h = ring.chain(
            &ram,
            &[
                (DATA, 16, false),
                (DATA + 0x400, 1024, true),
                (DATA + 0x10, 1, true),
            ],
        );
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used(&ram), vec![(h as u32, 1025)]);
        assert!(sink.level(3));
        let status = r(&mut dev, 0x60);
        w(&mut dev, 0x64, status & 3);
        assert!(!sink.level(3));
        assert_eq!(dev.guest_errors(), 0);
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
    fn legacy_registers_do_nothing_on_a_modern_slot() {
        // A legacy-only driver on a version 2 slot: its GuestPageSize, QueueAlign and
        // QueuePFN writes are ignored (as on QEMU), so the queue never becomes ready and a
        // notification does nothing.
        let (mut dev, sink, ram) = setup();
        let mut ring = TestRing::legacy(8, 4096);
        w(&mut dev, 0x70, 1 | 2 | 4);
        ring.configure_legacy_mmio(&mut dev, 0, 4096);
        assert_eq!(r(&mut dev, 0x40), 0);
        assert_eq!(r(&mut dev, 0x44), 0);
        assert!(dev.warned_other_version);
        let h = ring.chain(&ram, &[(DATA, 4, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used_idx(&ram), 0);
        assert!(!sink.level(3));
        assert!(!dev.is_broken());
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
}
