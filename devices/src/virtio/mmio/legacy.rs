//! The version 1 ("legacy") virtio-mmio registers (virtio 1.2 section 4.2.4), QEMU's
//! default on the `virt` board: the driver writes its page size once (GuestPageSize), and
//! for each queue its size, the alignment of its used ring (QueueAlign) and the page
//! number of one contiguous area holding the whole ring (QueuePFN), laid out as in
//! section 2.7.2 ([`legacy_ring_layout`]). There is no FEATURES_OK and no
//! VIRTIO_F_VERSION_1; only the low feature word exists.
//!
//! Malformed values never panic: a page size or alignment that is zero or not a power of
//! two, a size above the maximum, or a page number whose ring lies outside RAM are logged,
//! and a ring outside RAM marks the device broken when the driver notifies it, as a bad
//! version 2 ring does.

use super::regs::*;
use super::{Transport, VirtioMmio};
use crate::virtio::{VIRTIO_RING_F_EVENT_IDX, VIRTIO_RING_F_INDIRECT_DESC};

/// QueueAlign before the driver writes it (QEMU's `VIRTIO_PCI_VRING_ALIGN`).
const DEFAULT_QUEUE_ALIGN: u32 = 4096;

/// Where the three parts of a legacy ring of `size` entries starting at `base` lie:
/// `(descriptor table, available ring, used ring)`.
///
/// Virtio 1.2 section 2.7.2 (legacy interfaces): the descriptor table (16 bytes an
/// entry), right after it the available ring (flags, idx, `size` entries and
/// `used_event`: 6 + 2 × size bytes), then the used ring at the next multiple of `align`.
/// (QEMU leaves `used_event` out of the sum; Linux's `vring_init` and the spec count it.
/// The two agree for every power-of-two size when QueueAlign is 16 or more.)
/// `None` if the ring would wrap around the address space or `align` is not a power of
/// two.
pub(crate) fn legacy_ring_layout(base: u64, size: u16, align: u32) -> Option<(u64, u64, u64)> {
    if !align.is_power_of_two() {
        return None;
    }
    let n = size as u64;
    let avail = base.checked_add(16 * n)?;
    let avail_end = avail.checked_add(6 + 2 * n)?;
    let mask = align as u64 - 1;
    let used = avail_end.checked_add(mask)? & !mask;
    Some((base, avail, used))
}

/// One queue's legacy registers.
#[derive(Debug, Clone, Copy)]
struct LegacyQueue {
    /// QueuePFN: the ring's page number, 0 while the queue is not in use.
    pfn: u32,
    /// QueueAlign: alignment of the used ring in bytes (a power of two).
    align: u32,
}

/// What the legacy transport keeps besides the common state.
#[derive(Debug)]
pub(super) struct LegacyState {
    /// log2 of GuestPageSize. QEMU starts at 0 (page numbers are byte addresses until
    /// the driver says otherwise).
    page_shift: u32,
    queues: Vec<LegacyQueue>,
}

impl LegacyState {
    /// The state after power-on, for `queues` queues.
    pub(super) fn new(queues: usize) -> Self {
        LegacyState {
            page_shift: 0,
            queues: vec![
                LegacyQueue {
                    pfn: 0,
                    align: DEFAULT_QUEUE_ALIGN,
                };
                queues
            ],
        }
    }

    /// A driver reset (Status 0): every queue goes out of use. GuestPageSize and
    /// QueueAlign stay, as on QEMU: Linux writes GuestPageSize once, at probe time,
    /// before the reset that starts every driver.
    pub(super) fn reset(&mut self) {
        for q in &mut self.queues {
            q.pfn = 0;
        }
    }
}

impl VirtioMmio {
    fn legacy_state(&mut self) -> Option<&mut LegacyState> {
        match &mut self.transport {
            Transport::Legacy(l) => Some(l),
            Transport::Modern => None,
        }
    }

    /// The offer of a legacy device: the low word of its features and the ring
    /// features, without VIRTIO_F_VERSION_1.
    pub(super) fn legacy_offered(&self) -> u64 {
        (self.device.features() | VIRTIO_RING_F_INDIRECT_DESC | VIRTIO_RING_F_EVENT_IDX)
            & 0xffff_ffff
    }

    /// Legacy drivers never set FEATURES_OK: the choice is final at DRIVER_OK.
    pub(super) fn legacy_features_final(old: u32, value: u32) -> bool {
        value & STATUS_DRIVER_OK != 0 && old & STATUS_DRIVER_OK == 0
    }

    pub(super) fn legacy_write_driver_features(&mut self, value: u32) {
        if self.status & STATUS_DRIVER_OK != 0 {
            self.log.error(format_args!(
                "driver features written after DRIVER_OK; ignored"
            ));
        } else if self.driver_features_sel == 0 {
            self.driver_features = value as u64;
        } else if value != 0 {
            // Linux writes the (zero) high word to every version; only more is an error.
            self.log.error(format_args!(
                "feature word {} ({value:#x}) written; a legacy device has only word 0",
                self.driver_features_sel
            ));
        }
    }

    /// Puts queue `sel`'s three rings where its page number, size and alignment say.
    pub(super) fn legacy_place_queue(&mut self, sel: usize) {
        let Some(l) = self.legacy_state() else {
            return;
        };
        let page_shift = l.page_shift;
        let Some(&LegacyQueue { pfn, align }) = l.queues.get(sel) else {
            return;
        };
        let Some(q) = self.queues.get_mut(sel) else {
            return;
        };
        if pfn == 0 {
            return;
        }
        let base = (pfn as u64) << page_shift;
        // A ring that wraps around is placed where no RAM is: the next notification
        // finds it outside RAM and marks the device broken.
        let (desc, avail, used) =
            legacy_ring_layout(base, q.size(), align).unwrap_or((u64::MAX, u64::MAX, u64::MAX));
        q.set_desc_table(desc);
        q.set_avail_ring(avail);
        q.set_used_ring(used);
    }

    /// Reads a register that is not common to both versions.
    pub(super) fn legacy_read(&self, l: &LegacyState, offset: u64) -> u32 {
        match offset {
            REG_QUEUE_PFN => l.queues.get(self.queue_sel as usize).map_or(0, |q| q.pfn),
            // GuestPageSize and QueueAlign are write-only; version 2 registers read 0.
            _ => 0,
        }
    }

    /// Writes a register that is not common to both versions.
    pub(super) fn legacy_write(&mut self, offset: u64, value: u32) {
        if is_modern_only(offset) {
            self.other_version_register(offset);
            return;
        }
        let sel = self.queue_sel as usize;
        match offset {
            REG_GUEST_PAGE_SIZE => {
                if !value.is_power_of_two() {
                    self.log.error(format_args!(
                        "GuestPageSize {value:#x} is not a power of two; using its lowest set bit, as QEMU does"
                    ));
                }
                // QEMU: the shift is the number of trailing zeros; 0 gives shift 0.
                let shift = match value.trailing_zeros() {
                    32 => 0,
                    s => s,
                };
                if let Some(l) = self.legacy_state() {
                    l.page_shift = shift;
                }
            }
            REG_QUEUE_ALIGN => {
                if !value.is_power_of_two() {
                    self.log.error(format_args!(
                        "queue {sel}: QueueAlign {value:#x} refused (must be a power of two)"
                    ));
                    return;
                }
                let Some(q) = self.legacy_state().and_then(|l| l.queues.get_mut(sel)) else {
                    return;
                };
                q.align = value;
                self.legacy_place_queue(sel);
            }
            REG_QUEUE_PFN => {
                let Some(q) = self.legacy_state().and_then(|l| l.queues.get_mut(sel)) else {
                    return;
                };
                q.pfn = value;
                if value == 0 {
                    // Section 4.2.4: the driver stops using the queue. (QEMU resets the
                    // whole device here; drivers write 0 only after a reset anyway.)
                    if let Some(q) = self.queues.get_mut(sel) {
                        q.reset();
                    }
                    return;
                }
                self.legacy_place_queue(sel);
                if let Some(q) = self.queues.get_mut(sel) {
                    q.set_ready(true);
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

    use super::super::super::testutil::{ram, Echo, TestRing, DATA, RAM_BASE, RAM_SIZE};
    use super::super::VirtioMmioVersion;
    use super::*;
    use emu_core::{GuestRam, IrqLine, MmioDevice, RecordingSink};

    fn setup() -> (VirtioMmio, Arc<RecordingSink>, Arc<GuestRam>, Echo) {
        let sink = Arc::new(RecordingSink::default());
        let ram = Arc::new(ram());
        let echo = Echo::default();
        let dev = VirtioMmio::with_version(
            "virtio-legacy",
            Box::new(echo.clone()),
            ram.clone(),
            IrqLine::new(sink.clone(), 5),
            VirtioMmioVersion::Legacy,
        );
        (dev, sink, ram, echo)
    }

    fn r(dev: &mut VirtioMmio, off: u64) -> u64 {
        dev.read(off, 4).unwrap()
    }

    fn w(dev: &mut VirtioMmio, off: u64, v: u64) {
        dev.write(off, 4, v).unwrap()
    }

    #[test]
    fn ring_layout_follows_the_legacy_formula() {
        let b = 0x8000_0000;
        // 8 entries: 128 bytes of descriptors, the available ring, used ring on the next page.
        assert_eq!(legacy_ring_layout(b, 8, 4096), Some((b, b + 128, b + 4096)));
        // 256 entries: the descriptors fill a page; avail ends at 4096 + 6 + 512.
        assert_eq!(
            legacy_ring_layout(b, 256, 4096),
            Some((b, b + 4096, b + 8192))
        );
        // xv6's old legacy driver: 8 entries on 4 KiB pages, used ring one page up.
        assert_eq!(
            legacy_ring_layout(b, 8, 4096).map(|l| l.2 - l.0),
            Some(4096)
        );
        // A small alignment: used_event (2 bytes) counts, as in Linux's vring_init.
        assert_eq!(legacy_ring_layout(b, 2, 4), Some((b, b + 32, b + 44)));
        assert_eq!(legacy_ring_layout(b, 2, 64), Some((b, b + 32, b + 64)));
        // Wrapping around the address space, or a bad alignment: no layout.
        assert_eq!(legacy_ring_layout(u64::MAX - 100, 8, 4096), None);
        assert_eq!(legacy_ring_layout(u64::MAX - 4000, 8, 4096), None);
        assert_eq!(legacy_ring_layout(b, 8, 0), None);
        assert_eq!(legacy_ring_layout(b, 8, 3), None);
    }

    #[test]
    fn identity_and_features_of_version_1() {
        let (mut dev, _, _, echo) = setup();
        assert_eq!(r(&mut dev, 0x4), 1);
        // The low word only: no VIRTIO_F_VERSION_1 (bit 32).
        assert_eq!(r(&mut dev, 0x10), (1 << 3) | (1 << 28) | (1 << 29));
        w(&mut dev, 0x14, 1);
        assert_eq!(r(&mut dev, 0x10), 0);
        // Linux writes both words; the zero high word is no error.
        w(&mut dev, 0x70, 1 | 2);
        w(&mut dev, 0x24, 1);
        w(&mut dev, 0x20, 0);
        w(&mut dev, 0x24, 0);
        w(&mut dev, 0x20, (1 << 3) | (1 << 28) | (1 << 7));
        assert_eq!(dev.guest_errors(), 0);
        // No FEATURES_OK in legacy: the choice is final at DRIVER_OK.
        assert_eq!(echo.seen.lock().unwrap().acked, None);
        w(&mut dev, 0x70, 1 | 2 | 4);
        assert_eq!(echo.seen.lock().unwrap().acked, Some((1 << 3) | (1 << 28)));
        assert_eq!(dev.guest_errors(), 1); // bit 7 was not offered
        assert!(!dev.warned_no_version_1);
        // Features after DRIVER_OK, and a non-zero high word, are refused.
        w(&mut dev, 0x20, 0);
        assert_eq!(dev.negotiated(), (1 << 3) | (1 << 28));
        // Version 2 registers are not there.
        assert_eq!(r(&mut dev, 0x44), 0);
        assert_eq!(r(&mut dev, 0x80), 0);
        assert_eq!(r(&mut dev, 0xfc), 0);
    }

    #[test]
    fn a_linux_style_driver_uses_the_queue() {
        let (mut dev, sink, ram, _) = setup();
        // Probe: GuestPageSize once; then the reset every driver starts with.
        w(&mut dev, 0x28, 4096);
        w(&mut dev, 0x70, 0);
        w(&mut dev, 0x70, 1 | 2);
        w(&mut dev, 0x20, 1 << 28);
        // Queue 0: not in use yet, maximum 16.
        w(&mut dev, 0x30, 0);
        assert_eq!(r(&mut dev, 0x40), 0);
        assert_eq!(r(&mut dev, 0x34), 16);
        let mut ring = TestRing::legacy(16, 4096);
        ring.configure_legacy_mmio(&mut dev, 0, 4096);
        assert_eq!(r(&mut dev, 0x40), ring.desc >> 12);
        assert_eq!(r(&mut dev, 0x38), 16);
        w(&mut dev, 0x70, 1 | 2 | 4);
        // Where the device looks for the rings: the legacy layout, used ring page-aligned.
        assert_eq!(
            dev.queues[0].addresses(),
            (RAM_BASE, RAM_BASE + 256, RAM_BASE + 4096)
        );
        // A direct and an indirect request.
        let h = ring.chain(&ram, &[(DATA, 4, false), (DATA + 0x100, 8, true)]);
        ring.publish(&ram, h);
        let table = DATA + 0x1000;
        let h2 = ring.indirect_chain(&ram, table, &[(DATA + 0x200, 3, true)]);
        ring.publish(&ram, h2);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used(&ram), vec![(h as u32, 8), (h2 as u32, 3)]);
        assert_eq!(ram.read(DATA + 0x100, 8), Some(0xaaaa_aaaa_aaaa_aaaa));
        assert_eq!(ram.read(DATA + 0x200, 4), Some(0x00aa_aaaa));
        assert!(sink.level(5));
        assert_eq!(r(&mut dev, 0x60), 1);
        w(&mut dev, 0x64, 1);
        assert!(!sink.level(5));
        // Reset: queues go out of use, GuestPageSize stays (Linux does not write it again).
        w(&mut dev, 0x70, 0);
        assert_eq!(r(&mut dev, 0x40), 0);
        assert_eq!(r(&mut dev, 0x38), 16);
        w(&mut dev, 0x70, 1 | 2 | 4);
        let mut ring = TestRing::legacy(8, 4096);
        ring.clear(&ram);
        w(&mut dev, 0x38, 8);
        w(&mut dev, 0x40, ring.desc >> 12);
        let h = ring.chain(&ram, &[(DATA, 2, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used(&ram), vec![(h as u32, 2)]);
        assert!(!dev.is_broken());
    }

    #[test]
    fn an_old_xv6_style_driver_works() {
        // xv6-riscv's legacy driver (before it moved to version 2): FEATURES_OK and
        // DRIVER_OK first, then GuestPageSize, QueueNum and QueuePFN, no QueueAlign (the
        // default, 4096, puts the used ring one page up).
        let (mut dev, sink, ram, echo) = setup();
        w(&mut dev, 0x70, 1 | 2);
        w(&mut dev, 0x20, 0);
        w(&mut dev, 0x70, 1 | 2 | 8);
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        assert_eq!(echo.seen.lock().unwrap().acked, Some(0));
        w(&mut dev, 0x28, 4096);
        w(&mut dev, 0x30, 0);
        assert_eq!(r(&mut dev, 0x34), 16);
        w(&mut dev, 0x38, 8);
        w(&mut dev, 0x40, RAM_BASE >> 12);
        let mut ring = TestRing::legacy(8, 4096);
        assert_eq!(ring.used, RAM_BASE + 4096);
        let h = ring.chain(&ram, &[(DATA, 16, false), (DATA + 0x100, 512, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used(&ram), vec![(h as u32, 512)]);
        assert!(sink.level(5));
        assert_eq!(dev.guest_errors(), 0);
    }

    #[test]
    fn queue_size_and_alignment_move_the_used_ring() {
        let (mut dev, _, ram, _) = setup();
        w(&mut dev, 0x28, 4096);
        w(&mut dev, 0x70, 1 | 2 | 4);
        w(&mut dev, 0x38, 4);
        w(&mut dev, 0x40, RAM_BASE >> 12);
        assert_eq!(dev.queues[0].addresses().2, RAM_BASE + 4096);
        // QueueAlign and QueueNum after QueuePFN re-place the rings (as on QEMU).
        w(&mut dev, 0x3c, 64);
        assert_eq!(
            dev.queues[0].addresses(),
            (RAM_BASE, RAM_BASE + 64, RAM_BASE + 128)
        );
        w(&mut dev, 0x38, 2);
        assert_eq!(
            dev.queues[0].addresses(),
            (RAM_BASE, RAM_BASE + 32, RAM_BASE + 64)
        );
        let mut ring = TestRing::legacy(2, 64);
        let h = ring.chain(&ram, &[(DATA, 1, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used(&ram), vec![(h as u32, 1)]);
        // QueuePFN 0 takes the queue out of use: notifications do nothing.
        w(&mut dev, 0x40, 0);
        assert_eq!(r(&mut dev, 0x40), 0);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used_idx(&ram), 1);
        assert!(!dev.is_broken());
    }

    #[test]
    fn malformed_values_are_refused_or_break_the_device_without_panicking() {
        // GuestPageSize 0 or not a power of two: QEMU's rule (lowest set bit; 0 gives
        // byte addresses).
        for (page_size, shift) in [(0u64, 0u32), (0x3000, 12), (1, 0), (0x8000_0000, 31)] {
            let (mut dev, _, _, _) = setup();
            w(&mut dev, 0x28, page_size);
            let Transport::Legacy(l) = &dev.transport else {
                unreachable!()
            };
            assert_eq!(l.page_shift, shift, "page size {page_size:#x}");
        }
        // GuestPageSize 0: the page number is a byte address; this one is unaligned but
        // inside RAM, and works.
        let (mut dev, _, _, _) = setup();
        w(&mut dev, 0x28, 0);
        w(&mut dev, 0x38, 8);
        w(&mut dev, 0x40, RAM_BASE + 0x10);
        assert_eq!(dev.queues[0].addresses().0, RAM_BASE + 0x10);

        // QueueAlign 0 or not a power of two, QueueNum above the maximum or not a power
        // of two: refused, the previous value stays.
        let (mut dev, _, _, _) = setup();
        w(&mut dev, 0x28, 4096);
        w(&mut dev, 0x38, 8);
        w(&mut dev, 0x40, RAM_BASE >> 12);
        for align in [0, 3, 4095, 0x1_0001] {
            w(&mut dev, 0x3c, align);
        }
        assert_eq!(dev.queues[0].addresses().2, RAM_BASE + 4096);
        for num in [0, 17, 1024, 6, 0xffff_ffff] {
            w(&mut dev, 0x38, num);
        }
        assert_eq!(r(&mut dev, 0x38), 8);
        assert!(dev.guest_errors() >= 9);
        // Registers of a queue that does not exist are ignored.
        w(&mut dev, 0x30, 5);
        w(&mut dev, 0x3c, 64);
        w(&mut dev, 0x40, 1);
        assert_eq!(r(&mut dev, 0x40), 0);
        assert_eq!(r(&mut dev, 0x34), 0);

        // A huge page number (the ring far outside RAM), an alignment that pushes the used
        // ring out of RAM, a ring wrapping around 2^64, a ring across the end of RAM: the
        // device is broken at the notification, never a panic; a reset repairs it.
        let end_pfn = (RAM_BASE + RAM_SIZE) >> 12;
        let cases: [(&str, u64, u64, u64); 4] = [
            ("huge PFN", 4096, 0xffff_ffff, 4096),
            ("alignment past RAM", 4096, end_pfn - 1, 0x8000_0000),
            ("wrapping ring", 0x8000_0000, 0xffff_ffff, 4096),
            ("ring across the end of RAM", 4096, end_pfn - 1, 4096),
        ];
        for (what, page, pfn, align) in cases {
            let (mut dev, sink, _, _) = setup();
            w(&mut dev, 0x28, page);
            w(&mut dev, 0x70, 1 | 2 | 4);
            w(&mut dev, 0x38, 16);
            w(&mut dev, 0x3c, align);
            w(&mut dev, 0x40, pfn);
            assert_eq!(r(&mut dev, 0x40), pfn, "{what}");
            w(&mut dev, 0x50, 0);
            assert!(dev.is_broken(), "{what}");
            assert_eq!(r(&mut dev, 0x70) & 64, 64, "{what}");
            assert!(sink.level(5), "{what}");
            w(&mut dev, 0x70, 0);
            assert!(!dev.is_broken(), "{what}");
            assert!(!sink.level(5), "{what}");
        }
    }

    #[test]
    fn modern_registers_do_nothing_on_a_legacy_slot() {
        // A version-2-only driver (such as today's xv6) on a legacy slot: its queue
        // addresses and QueueReady are ignored, as on QEMU; the queue never becomes ready.
        let (mut dev, sink, ram, _) = setup();
        let mut ring = TestRing::new(8);
        w(&mut dev, 0x70, 1 | 2 | 8 | 4);
        ring.configure_mmio(&mut dev, 0);
        assert!(dev.warned_other_version);
        assert_eq!(r(&mut dev, 0x44), 0);
        assert_eq!(r(&mut dev, 0x40), 0);
        let h = ring.chain(&ram, &[(DATA, 4, true)]);
        ring.publish(&ram, h);
        w(&mut dev, 0x50, 0);
        assert_eq!(ring.used_idx(&ram), 0);
        assert!(!sink.level(5));
        assert!(!dev.is_broken());
    }
}
