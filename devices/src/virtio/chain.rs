//! Descriptor chains: the buffers of one request, and sequential access to their
//! device-readable and device-writable parts.

use emu_core::GuestRam;
use thiserror::Error;

/// A buffer of a chain could not be accessed as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ChainIoError {
    /// The buffer lies (partly) outside guest RAM.
    #[error("buffer at {addr:#x} ({len:#x} bytes) lies outside guest RAM")]
    OutOfRam {
        /// Guest physical address of the buffer.
        addr: u64,
        /// Its length.
        len: u32,
    },
    /// The chain's buffers are shorter than the data.
    #[error("descriptor chain is too short")]
    Short,
}

/// One buffer of a descriptor chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Descriptor {
    /// Guest physical address (not checked against RAM until accessed).
    pub addr: u64,
    /// Length in bytes.
    pub len: u32,
    /// Whether the device writes it (otherwise it reads it).
    pub writable: bool,
}

/// The buffers of one request, in chain order, with indirect tables flattened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescriptorChain {
    head: u16,
    descs: Vec<Descriptor>,
}

impl DescriptorChain {
    /// A chain with head index `head` made of `descs`.
    pub(crate) fn new(head: u16, descs: Vec<Descriptor>) -> Self {
        DescriptorChain { head, descs }
    }

    /// The head index, which identifies the chain in the used ring.
    pub fn head(&self) -> u16 {
        self.head
    }

    /// All buffers in chain order.
    pub fn descriptors(&self) -> &[Descriptor] {
        &self.descs
    }

    /// Total length of the device-readable buffers.
    pub fn readable_len(&self) -> u64 {
        self.descs
            .iter()
            .filter(|d| !d.writable)
            .map(|d| d.len as u64)
            .sum()
    }

    /// Total length of the device-writable buffers.
    pub fn writable_len(&self) -> u64 {
        self.descs
            .iter()
            .filter(|d| d.writable)
            .map(|d| d.len as u64)
            .sum()
    }

    /// Guest address of the last device-writable byte (virtio-blk's status byte).
    pub fn last_writable_byte(&self) -> Option<u64> {
        self.descs
            .iter()
            .rev()
            .find(|d| d.writable && d.len > 0)
            .and_then(|d| d.addr.checked_add(d.len as u64 - 1))
    }

    /// Sequential reader over the device-readable buffers.
    pub fn reader<'a>(&'a self, ram: &'a GuestRam) -> ChainReader<'a> {
        ChainReader {
            ram,
            cursor: Cursor::new(&self.descs, false, u64::MAX),
        }
    }

    /// Sequential writer over the device-writable buffers, limited to `limit` bytes.
    pub fn writer<'a>(&'a self, ram: &'a GuestRam, limit: u64) -> ChainWriter<'a> {
        ChainWriter {
            ram,
            cursor: Cursor::new(&self.descs, true, limit),
        }
    }
}

/// A position in the readable or writable buffers of a chain.
#[derive(Debug)]
struct Cursor<'a> {
    descs: &'a [Descriptor],
    writable: bool,
    /// Index into `descs` of the current buffer.
    index: usize,
    /// Bytes consumed of the current buffer.
    offset: u32,
    /// Bytes left before the limit.
    left: u64,
    done: u64,
}

impl<'a> Cursor<'a> {
    fn new(descs: &'a [Descriptor], writable: bool, limit: u64) -> Self {
        let total: u64 = descs
            .iter()
            .filter(|d| d.writable == writable)
            .map(|d| d.len as u64)
            .sum();
        Cursor {
            descs,
            writable,
            index: 0,
            offset: 0,
            left: total.min(limit),
            done: 0,
        }
    }

    /// The next piece of at most `max` bytes: (guest address, length, whole buffer).
    fn next_piece(&mut self, max: usize) -> Option<(u64, usize, Descriptor)> {
        if self.left == 0 || max == 0 {
            return None;
        }
        loop {
            let d = *self.descs.get(self.index)?;
            if d.writable != self.writable || self.offset >= d.len {
                self.index += 1;
                self.offset = 0;
                continue;
            }
            let n = ((d.len - self.offset) as u64)
                .min(self.left)
                .min(max as u64);
            let addr = d.addr.wrapping_add(self.offset as u64);
            self.offset += n as u32;
            self.left -= n;
            self.done += n;
            return Some((addr, n as usize, d));
        }
    }
}

/// Reads the device-readable part of a chain front to back.
#[derive(Debug)]
pub struct ChainReader<'a> {
    ram: &'a GuestRam,
    cursor: Cursor<'a>,
}

impl ChainReader<'_> {
    /// Bytes not read yet.
    pub fn remaining(&self) -> u64 {
        self.cursor.left
    }

    /// Fills `buf` completely, or fails if the chain is too short or a buffer lies
    /// outside RAM.
    pub fn read_exact(&mut self, buf: &mut [u8]) -> Result<(), ChainIoError> {
        if (buf.len() as u64) > self.cursor.left {
            return Err(ChainIoError::Short);
        }
        let mut at = 0;
        while let Some((addr, n, d)) = self.cursor.next_piece(buf.len() - at) {
            self.ram
                .read_bytes(addr, &mut buf[at..at + n])
                .map_err(|_| ChainIoError::OutOfRam {
                    addr: d.addr,
                    len: d.len,
                })?;
            at += n;
        }
        Ok(())
    }
}

/// Writes the device-writable part of a chain front to back (through
/// [`GuestRam::write_bytes`], so cached guest code is invalidated).
#[derive(Debug)]
pub struct ChainWriter<'a> {
    ram: &'a GuestRam,
    cursor: Cursor<'a>,
}

impl ChainWriter<'_> {
    /// Room left before the limit or the end of the writable buffers.
    pub fn remaining(&self) -> u64 {
        self.cursor.left
    }

    /// Bytes written so far (including those of a failed write that did land).
    pub fn written(&self) -> u64 {
        self.cursor.done
    }

    /// Writes all of `data`, or fails if there is not enough room or a buffer lies
    /// outside RAM.
    pub fn write_all(&mut self, data: &[u8]) -> Result<(), ChainIoError> {
        if (data.len() as u64) > self.cursor.left {
            return Err(ChainIoError::Short);
        }
        let mut at = 0;
        while let Some((addr, n, d)) = self.cursor.next_piece(data.len() - at) {
            if self.ram.write_bytes(addr, &data[at..at + n]).is_err() {
                self.cursor.done -= n as u64;
                return Err(ChainIoError::OutOfRam {
                    addr: d.addr,
                    len: d.len,
                });
            }
            at += n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{ram, DATA};
    use super::*;

    fn chain(bufs: &[(u64, u32, bool)]) -> DescriptorChain {
        let descs = bufs
            .iter()
            .map(|&(addr, len, writable)| Descriptor {
                addr,
                len,
                writable,
            })
            .collect();
        DescriptorChain::new(0, descs)
    }

    #[test]
    fn reader_and_writer_cross_buffers_and_respect_limits() {
        let ram = ram();
        ram.write_bytes(DATA, b"abc").unwrap();
        ram.write_bytes(DATA + 0x10, b"defg").unwrap();
        let c = chain(&[
            (DATA, 3, false),
            (DATA + 0x100, 2, true),
            (DATA + 0x10, 4, false),
            (DATA + 0x200, 4, true),
        ]);
        assert_eq!((c.readable_len(), c.writable_len()), (7, 6));
        assert_eq!(c.last_writable_byte(), Some(DATA + 0x203));
        let mut r = c.reader(&ram);
        let mut buf = [0u8; 7];
        r.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"abcdefg");
        assert_eq!(r.read_exact(&mut [0u8; 1]), Err(ChainIoError::Short));
        let mut w = c.writer(&ram, 5);
        assert_eq!(w.write_all(b"123456"), Err(ChainIoError::Short));
        w.write_all(b"12345").unwrap();
        assert_eq!(w.written(), 5);
        let mut out = [0u8; 4];
        ram.read_bytes(DATA + 0x200, &mut out).unwrap();
        assert_eq!(&out, b"345\0");
    }

    #[test]
    fn buffers_outside_ram_fail_only_the_access() {
        let ram = ram();
        let c = chain(&[(u64::MAX - 3, 8, false), (0x10, 8, true)]);
        assert!(matches!(
            c.reader(&ram).read_exact(&mut [0; 4]),
            Err(ChainIoError::OutOfRam { .. })
        ));
        let mut w = c.writer(&ram, u64::MAX);
        assert!(matches!(
            w.write_all(&[1; 8]),
            Err(ChainIoError::OutOfRam { .. })
        ));
        assert_eq!(w.written(), 0);
    }
}
