//! The split virtqueue (virtio 1.2, section 2.7): descriptor table, available ring and
//! used ring in guest memory, with descriptor chains, indirect tables and event-index
//! notification suppression.
//!
//! Every guest access is bounds-checked through [`GuestRam`]; a malformed ring yields a
//! [`QueueError`], never a panic or an endless walk.

use std::sync::atomic::{fence, Ordering};

use emu_core::GuestRam;
use thiserror::Error;

use super::chain::{Descriptor, DescriptorChain};

/// Descriptor flag: the chain continues at `next`.
pub const VIRTQ_DESC_F_NEXT: u16 = 1;
/// Descriptor flag: the buffer is device-writable (otherwise device-readable).
pub const VIRTQ_DESC_F_WRITE: u16 = 2;
/// Descriptor flag: the buffer is a table of descriptors.
pub const VIRTQ_DESC_F_INDIRECT: u16 = 4;
/// Available-ring flag: the driver does not want used-buffer interrupts.
pub const VIRTQ_AVAIL_F_NO_INTERRUPT: u16 = 1;

/// Size of one descriptor in bytes.
const DESC_SIZE: u64 = 16;
/// Largest indirect table accepted (entries); `next` is 16 bits wide anyway.
const MAX_INDIRECT: u64 = 1 << 16;

/// A malformed or unusable ring. The transport marks the device broken on any of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum QueueError {
    /// The queue size is zero, not a power of two, or above the maximum.
    #[error("queue size {size} is invalid (maximum {max}, must be a power of two)")]
    BadSize {
        /// The size the driver set.
        size: u16,
        /// The device's maximum.
        max: u16,
    },
    /// Part of a ring lies outside guest RAM.
    #[error("{what} at {addr:#x} ({len:#x} bytes) lies outside guest RAM")]
    RingOutOfRam {
        /// Which ring.
        what: &'static str,
        /// Its guest physical address.
        addr: u64,
        /// Its size in bytes.
        len: u64,
    },
    /// The driver's available index moved further than the queue size.
    #[error("available index jumped from {from} to {to} in a queue of {size}")]
    AvailJump {
        /// The next index the device expected to take.
        from: u16,
        /// The index the driver published.
        to: u16,
        /// The queue size.
        size: u16,
    },
    /// A head or `next` index outside its descriptor table.
    #[error("descriptor index {index} is outside its table of {len} entries")]
    IndexOutOfRange {
        /// The offending index.
        index: u32,
        /// Entries in the table.
        len: u64,
    },
    /// A chain visits more descriptors than its table holds: it loops or is too long.
    #[error("descriptor chain from head {head} loops or is longer than its table ({len} entries)")]
    ChainTooLong {
        /// The chain's head index.
        head: u16,
        /// Entries in the table being walked.
        len: u64,
    },
    /// An indirect descriptor is unusable.
    #[error("indirect table at {addr:#x} ({len:#x} bytes) is invalid: {reason}")]
    BadIndirect {
        /// Guest physical address of the table.
        addr: u64,
        /// Its length in bytes.
        len: u32,
        /// What is wrong.
        reason: &'static str,
    },
}

/// `vring_need_event`: whether moving the used index from `old` to `new` passes `event`.
fn need_event(event: u16, new: u16, old: u16) -> bool {
    new.wrapping_sub(event).wrapping_sub(1) < new.wrapping_sub(old)
}

/// One split virtqueue: its configuration (set by the transport from the driver's
/// register writes) and the device's position in the rings.
#[derive(Debug, Clone)]
pub struct Queue {
    max_size: u16,
    size: u16,
    ready: bool,
    desc_table: u64,
    avail_ring: u64,
    used_ring: u64,
    event_idx: bool,
    next_avail: u16,
    next_used: u16,
    /// Used index when the need for an interrupt was last decided (event index mode).
    signalled_used: Option<u16>,
}

impl Queue {
    /// An unconfigured queue that accepts sizes up to `max_size`.
    pub fn new(max_size: u16) -> Self {
        Queue {
            max_size,
            size: max_size,
            ready: false,
            desc_table: 0,
            avail_ring: 0,
            used_ring: 0,
            event_idx: false,
            next_avail: 0,
            next_used: 0,
            signalled_used: None,
        }
    }

    /// Back to the state after [`Queue::new`].
    pub fn reset(&mut self) {
        *self = Queue::new(self.max_size);
    }

    /// The largest size the driver may choose.
    pub fn max_size(&self) -> u16 {
        self.max_size
    }

    /// The current size (defaults to the maximum).
    pub fn size(&self) -> u16 {
        self.size
    }

    /// Sets the size; validity is checked by [`Queue::validate`].
    pub fn set_size(&mut self, size: u16) {
        self.size = size;
    }

    /// Whether the driver enabled the queue.
    pub fn ready(&self) -> bool {
        self.ready
    }

    /// Enables or disables the queue (ring positions are kept).
    pub fn set_ready(&mut self, ready: bool) {
        self.ready = ready;
    }

    /// Guest physical addresses of the descriptor table, available ring and used ring.
    pub fn addresses(&self) -> (u64, u64, u64) {
        (self.desc_table, self.avail_ring, self.used_ring)
    }

    /// Sets the guest physical address of the descriptor table.
    pub fn set_desc_table(&mut self, addr: u64) {
        self.desc_table = addr;
    }

    /// Sets the guest physical address of the available ring (the "driver area").
    pub fn set_avail_ring(&mut self, addr: u64) {
        self.avail_ring = addr;
    }

    /// Sets the guest physical address of the used ring (the "device area").
    pub fn set_used_ring(&mut self, addr: u64) {
        self.used_ring = addr;
    }

    /// Turns event-index notification suppression on or off (the negotiated
    /// [`super::VIRTIO_RING_F_EVENT_IDX`]).
    pub fn set_event_idx(&mut self, on: bool) {
        self.event_idx = on;
    }

    /// The device's used index (next entry it will write).
    pub fn used_idx(&self) -> u16 {
        self.next_used
    }

    /// Checks the size and that all three rings lie inside RAM.
    pub fn validate(&self, ram: &GuestRam) -> Result<(), QueueError> {
        let size = self.size;
        if size == 0 || size > self.max_size || !size.is_power_of_two() {
            return Err(QueueError::BadSize {
                size,
                max: self.max_size,
            });
        }
        let n = size as u64;
        for (what, addr, len) in [
            ("descriptor table", self.desc_table, DESC_SIZE * n),
            ("available ring", self.avail_ring, 6 + 2 * n),
            ("used ring", self.used_ring, 6 + 8 * n),
        ] {
            if !ram.contains(addr, len) {
                return Err(QueueError::RingOutOfRam { what, addr, len });
            }
        }
        Ok(())
    }

    fn ring_read(&self, ram: &GuestRam, what: &'static str, addr: u64) -> Result<u16, QueueError> {
        ram.read(addr, 2)
            .map(|v| v as u16)
            .ok_or(QueueError::RingOutOfRam { what, addr, len: 2 })
    }

    fn ring_write(
        &self,
        ram: &GuestRam,
        what: &'static str,
        addr: u64,
        size: u8,
        value: u64,
    ) -> Result<(), QueueError> {
        if ram.write(addr, size, value) {
            Ok(())
        } else {
            Err(QueueError::RingOutOfRam {
                what,
                addr,
                len: size as u64,
            })
        }
    }

    /// The driver's available index.
    fn avail_idx(&self, ram: &GuestRam) -> Result<u16, QueueError> {
        self.ring_read(ram, "available ring", self.avail_ring.wrapping_add(2))
    }

    /// Takes the next available chain, if any.
    pub fn pop(&mut self, ram: &GuestRam) -> Result<Option<DescriptorChain>, QueueError> {
        if !self.ready {
            return Ok(None);
        }
        self.validate(ram)?;
        let avail = self.avail_idx(ram)?;
        let pending = avail.wrapping_sub(self.next_avail);
        if pending == 0 {
            return Ok(None);
        }
        if pending > self.size {
            return Err(QueueError::AvailJump {
                from: self.next_avail,
                to: avail,
                size: self.size,
            });
        }
        // Read the ring entry only after seeing the index that published it.
        fence(Ordering::Acquire);
        let slot = (self.next_avail % self.size) as u64;
        let at = self.avail_ring.wrapping_add(4 + 2 * slot);
        let head = self.ring_read(ram, "available ring", at)?;
        self.next_avail = self.next_avail.wrapping_add(1);
        self.walk(ram, head).map(Some)
    }

    /// Follows the chain starting at `head`, flattening an indirect table.
    fn walk(&self, ram: &GuestRam, head: u16) -> Result<DescriptorChain, QueueError> {
        let mut descs = Vec::new();
        let mut table = self.desc_table;
        let mut table_len = self.size as u64;
        let mut index = head as u64;
        let mut steps = 0u64;
        let mut indirect = false;
        loop {
            if index >= table_len {
                return Err(QueueError::IndexOutOfRange {
                    index: index as u32,
                    len: table_len,
                });
            }
            steps += 1;
            if steps > table_len {
                return Err(QueueError::ChainTooLong {
                    head,
                    len: table_len,
                });
            }
            let at = table.wrapping_add(DESC_SIZE * index);
            let missing = QueueError::RingOutOfRam {
                what: "descriptor",
                addr: at,
                len: DESC_SIZE,
            };
            let addr = ram.read(at, 8).ok_or(missing)?;
            let len = ram.read(at.wrapping_add(8), 4).ok_or(missing)? as u32;
            let flags = ram.read(at.wrapping_add(12), 2).ok_or(missing)? as u16;
            let next = ram.read(at.wrapping_add(14), 2).ok_or(missing)? as u16;
            if flags & VIRTQ_DESC_F_INDIRECT != 0 {
                // Accepted even if the feature was not negotiated, as QEMU does. Any
                // NEXT on the indirect descriptor is ignored: the table ends the chain.
                let bad = |reason| QueueError::BadIndirect { addr, len, reason };
                if indirect {
                    return Err(bad("nested indirect descriptor"));
                }
                let entries = len as u64 / DESC_SIZE;
                if !(len as u64).is_multiple_of(DESC_SIZE) || entries == 0 || entries > MAX_INDIRECT
                {
                    return Err(bad("length is not a non-zero multiple of 16"));
                }
                if !ram.contains(addr, len as u64) {
                    return Err(bad("outside guest RAM"));
                }
                indirect = true;
                table = addr;
                table_len = entries;
                index = 0;
                steps = 0;
                continue;
            }
            descs.push(Descriptor {
                addr,
                len,
                writable: flags & VIRTQ_DESC_F_WRITE != 0,
            });
            if flags & VIRTQ_DESC_F_NEXT == 0 {
                return Ok(DescriptorChain::new(head, descs));
            }
            index = next as u64;
        }
    }

    /// Returns chain `head` to the driver with `len` bytes written into it.
    pub fn add_used(&mut self, ram: &GuestRam, head: u16, len: u32) -> Result<(), QueueError> {
        let slot = (self.next_used % self.size.max(1)) as u64;
        let elem = self.used_ring.wrapping_add(4 + 8 * slot);
        self.ring_write(ram, "used ring", elem, 4, head as u64)?;
        self.ring_write(ram, "used ring", elem.wrapping_add(4), 4, len as u64)?;
        self.next_used = self.next_used.wrapping_add(1);
        // The element must be visible before the index that publishes it.
        fence(Ordering::Release);
        self.ring_write(
            ram,
            "used ring",
            self.used_ring.wrapping_add(2),
            2,
            self.next_used as u64,
        )
    }

    /// Whether the driver wants an interrupt for the used buffers added since the last
    /// call (VIRTQ_AVAIL_F_NO_INTERRUPT, or `used_event` with the event index).
    pub fn needs_interrupt(&mut self, ram: &GuestRam) -> Result<bool, QueueError> {
        fence(Ordering::SeqCst);
        let new = self.next_used;
        if self.event_idx {
            let old = self.signalled_used.replace(new);
            let event_at = self.avail_ring.wrapping_add(4 + 2 * self.size as u64);
            let event = self.ring_read(ram, "used_event", event_at)?;
            Ok(match old {
                None => true,
                Some(old) => need_event(event, new, old),
            })
        } else {
            let flags = self.ring_read(ram, "available ring", self.avail_ring)?;
            Ok(flags & VIRTQ_AVAIL_F_NO_INTERRUPT == 0)
        }
    }

    /// Processes every available chain with `handle`, which returns how many bytes it
    /// wrote into the chain, and publishes each as used. With the event index, also
    /// asks the driver to notify for the next buffer (`avail_event`) and re-checks for
    /// buffers that raced with it. Returns whether the driver needs an interrupt.
    pub fn drain<F>(&mut self, ram: &GuestRam, mut handle: F) -> Result<bool, QueueError>
    where
        F: FnMut(&DescriptorChain) -> u32,
    {
        if !self.ready {
            return Ok(false);
        }
        let mut added = false;
        loop {
            while let Some(chain) = self.pop(ram)? {
                let len = handle(&chain);
                self.add_used(ram, chain.head(), len)?;
                added = true;
            }
            if !self.event_idx {
                break;
            }
            let event_at = self.used_ring.wrapping_add(4 + 8 * self.size as u64);
            self.ring_write(ram, "avail_event", event_at, 2, self.next_avail as u64)?;
            fence(Ordering::SeqCst);
            if self.avail_idx(ram)? == self.next_avail {
                break;
            }
        }
        if !added {
            return Ok(false);
        }
        self.needs_interrupt(ram)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{ram, TestRing, DATA};
    use super::*;

    fn queue(ring: &TestRing) -> Queue {
        let mut q = Queue::new(ring.size);
        ring.configure(&mut q);
        q
    }

    #[test]
    fn chain_with_next_and_indirect_table() {
        let ram = ram();
        let mut ring = TestRing::new(8);
        let mut q = queue(&ring);
        assert_eq!(q.pop(&ram), Ok(None));
        let h = ring.chain(&ram, &[(DATA, 4, false), (DATA + 0x100, 8, true)]);
        ring.publish(&ram, h);
        let c = q.pop(&ram).unwrap().unwrap();
        assert_eq!(c.head(), h);
        assert_eq!((c.readable_len(), c.writable_len()), (4, 8));
        assert_eq!(c.last_writable_byte(), Some(DATA + 0x107));
        // Indirect: a table of two descriptors at DATA + 0x1000.
        let table = DATA + 0x1000;
        TestRing::write_desc(&ram, table, 0, DATA + 0x200, 3, VIRTQ_DESC_F_NEXT, 1);
        TestRing::write_desc(&ram, table, 1, DATA + 0x300, 5, VIRTQ_DESC_F_WRITE, 0);
        let h = ring.indirect(&ram, table, 2);
        ring.publish(&ram, h);
        let c = q.pop(&ram).unwrap().unwrap();
        assert_eq!(c.descriptors().len(), 2);
        assert_eq!((c.readable_len(), c.writable_len()), (3, 5));
        assert_eq!(c.descriptors()[1].addr, DATA + 0x300);
    }

    #[test]
    fn malformed_chains_are_errors_not_hangs() {
        let ram = ram();
        let table = DATA + 0x1000;
        type Build<'a> = Box<dyn Fn(&mut TestRing) -> u16 + 'a>;
        let cases: Vec<(&str, Build)> = vec![
            (
                "loop",
                Box::new(|r: &mut TestRing| {
                    TestRing::write_desc(&ram, r.desc, 0, DATA, 1, VIRTQ_DESC_F_NEXT, 1);
                    TestRing::write_desc(&ram, r.desc, 1, DATA, 1, VIRTQ_DESC_F_NEXT, 0);
                    0
                }),
            ),
            (
                "next out of range",
                Box::new(|r: &mut TestRing| {
                    TestRing::write_desc(&ram, r.desc, 0, DATA, 1, VIRTQ_DESC_F_NEXT, 9);
                    0
                }),
            ),
            (
                "indirect table outside RAM",
                Box::new(|r: &mut TestRing| r.indirect(&ram, 0x1000, 4)),
            ),
            (
                "indirect table with bad length",
                Box::new(|r: &mut TestRing| {
                    TestRing::write_desc(&ram, r.desc, 0, table, 17, VIRTQ_DESC_F_INDIRECT, 0);
                    0
                }),
            ),
            (
                "loop inside an indirect table",
                Box::new(|r: &mut TestRing| {
                    TestRing::write_desc(&ram, table, 0, DATA, 1, VIRTQ_DESC_F_NEXT, 1);
                    TestRing::write_desc(&ram, table, 1, DATA, 1, VIRTQ_DESC_F_NEXT, 0);
                    r.indirect(&ram, table, 2)
                }),
            ),
            (
                "nested indirect",
                Box::new(|r: &mut TestRing| {
                    TestRing::write_desc(&ram, table, 0, table, 16, VIRTQ_DESC_F_INDIRECT, 0);
                    r.indirect(&ram, table, 1)
                }),
            ),
        ];
        for (what, build) in cases {
            let mut ring = TestRing::new(8);
            let mut q = queue(&ring);
            let head = build(&mut ring);
            ring.publish(&ram, head);
            assert!(q.pop(&ram).is_err(), "{what} was accepted");
        }
        // A chain longer than the queue (all 8 descriptors plus a 9th step).
        let ring = TestRing::new(8);
        let mut q = queue(&ring);
        for i in 0..8 {
            TestRing::write_desc(&ram, ring.desc, i, DATA, 1, VIRTQ_DESC_F_NEXT, (i + 1) % 8);
        }
        let mut ring = ring;
        ring.publish(&ram, 3);
        assert!(matches!(
            q.pop(&ram),
            Err(QueueError::ChainTooLong { head: 3, .. })
        ));
        // The available index running ahead by more than the queue size.
        let mut q = queue(&ring);
        ram.write(ring.avail + 2, 2, 100);
        assert!(matches!(q.pop(&ram), Err(QueueError::AvailJump { .. })));
        // A head index out of range, and a non power-of-two size.
        let mut ring = TestRing::new(8);
        let mut q = queue(&ring);
        ring.publish(&ram, 8);
        assert!(matches!(
            q.pop(&ram),
            Err(QueueError::IndexOutOfRange { index: 8, .. })
        ));
        q.set_size(6);
        assert!(matches!(q.validate(&ram), Err(QueueError::BadSize { .. })));
    }

    #[test]
    fn no_interrupt_flag_and_event_index() {
        let ram = ram();
        let mut ring = TestRing::new(8);
        let mut q = queue(&ring);
        let h = ring.chain(&ram, &[(DATA, 1, true)]);
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 1), Ok(true));
        assert_eq!(ring.used(&ram), vec![(h as u32, 1)]);
        // NO_INTERRUPT suppresses the interrupt without event index.
        ram.write(ring.avail, 2, VIRTQ_AVAIL_F_NO_INTERRUPT as u64);
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 1), Ok(false));
        // Nothing available: no interrupt either way.
        ram.write(ring.avail, 2, 0);
        assert_eq!(q.drain(&ram, |_| 1), Ok(false));

        // Event index: the driver asks for an interrupt once used idx passes used_event.
        let mut ring = TestRing::new(8);
        let mut q = queue(&ring);
        q.set_event_idx(true);
        let used_event = ring.avail + 4 + 2 * 8;
        let avail_event = ring.used + 4 + 8 * 8;
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 0), Ok(true)); // first decision always interrupts
        assert_eq!(ram.read(avail_event, 2), Some(1));
        ram.write(used_event, 2, 2); // interrupt when entry 2 (the third) is used
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 0), Ok(false)); // used idx 1 -> 2
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 0), Ok(true)); // used idx 2 -> 3 passes 2
        ring.publish(&ram, h);
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 0), Ok(false)); // 3 -> 5, event 2 already passed
        ram.write(used_event, 2, 6);
        ring.publish(&ram, h);
        ring.publish(&ram, h);
        assert_eq!(q.drain(&ram, |_| 0), Ok(true)); // 5 -> 7 passes 6
        assert_eq!(ram.read(avail_event, 2), Some(7));
        assert_eq!(q.used_idx(), 7);
        // used_event is read modulo 2^16.
        assert!(need_event(0xffff, 0, 0xfffe));
        assert!(!need_event(0xffff, 0xfffe, 0xfffd));
    }
}
