//! QEMU's `sifive_test` finisher (the virt board's "syscon" used by the
//! `syscon-poweroff` / `syscon-reboot` device-tree nodes, OpenSBI's reset driver and
//! bare-metal tests): a 32-bit register at offset 0 whose writes ask the host to end or
//! restart the machine.
//!
//! | value written | request |
//! | --- | --- |
//! | `0x5555` | power off, success |
//! | `0x3333 \| code << 16` | power off, failure with exit code `code` |
//! | `0x7777` | reset |
//! | anything else | ignored |
//!
//! Reads return 0. As on QEMU, 16- and 32-bit accesses are accepted (so a 16-bit write
//! of `0x5555` works too); 8-bit and 64-bit ones are refused.
//!
//! The request is kept in [`TestDeviceState`], which the machine checks after each run
//! of the harts: a device write already ends the current translated block (the store
//! slow path returns to the machine), so the request is seen before the guest goes on.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use emu_core::{BusError, MmioDevice};

/// Size of the finisher's MMIO window on the virt board.
pub const SIFIVE_TEST_SIZE: u64 = 0x1000;

const FINISHER_FAIL: u32 = 0x3333;
const FINISHER_PASS: u32 = 0x5555;
const FINISHER_RESET: u32 = 0x7777;

/// What the guest asked the machine to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowerRequest {
    /// Power off: the run passed (QEMU exits with status 0).
    PowerOff,
    /// Power off with a failure code (QEMU exits with this status).
    Fail(u16),
    /// Reset the machine (reboot).
    Reset,
}

impl PowerRequest {
    /// Decodes a finisher write; `None` for values that mean nothing.
    fn decode(value: u32) -> Option<Self> {
        match value & 0xffff {
            FINISHER_PASS => Some(PowerRequest::PowerOff),
            FINISHER_FAIL => Some(PowerRequest::Fail((value >> 16) as u16)),
            FINISHER_RESET => Some(PowerRequest::Reset),
            _ => None,
        }
    }
}

/// The finisher's state, shared between the device and the machine.
#[derive(Debug, Default)]
pub struct TestDeviceState {
    /// The last meaningful value written (0 = no request).
    request: AtomicU32,
}

impl TestDeviceState {
    /// A finisher with no request.
    pub fn new() -> Arc<Self> {
        Arc::new(TestDeviceState::default())
    }

    /// Whether a request is waiting (cheap; does not consume it).
    pub fn has_request(&self) -> bool {
        self.request.load(Ordering::Acquire) != 0
    }

    /// Takes the waiting request, if any. If the guest wrote several before the machine
    /// looked, the last one counts.
    pub fn take_request(&self) -> Option<PowerRequest> {
        PowerRequest::decode(self.request.swap(0, Ordering::AcqRel))
    }
}

/// The bus-mapped side of the finisher.
#[derive(Debug)]
pub struct SifiveTest(pub Arc<TestDeviceState>);

impl SifiveTest {
    fn check(offset: u64, size: u8) -> Result<(), BusError> {
        if !matches!(size, 2 | 4) || !offset.is_multiple_of(size as u64) {
            return Err(BusError::BadAccess { addr: offset, size });
        }
        if offset >= SIFIVE_TEST_SIZE {
            return Err(BusError::BadAccess { addr: offset, size });
        }
        Ok(())
    }
}

impl MmioDevice for SifiveTest {
    fn name(&self) -> &str {
        "sifive_test"
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        Self::check(offset, size)?;
        Ok(0)
    }

    fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError> {
        Self::check(offset, size)?;
        // Only the register at offset 0 does anything; a 16-bit write carries no code.
        if offset == 0 {
            let value = if size == 2 {
                value as u32 & 0xffff
            } else {
                value as u32
            };
            if PowerRequest::decode(value).is_some() {
                self.0.request.store(value, Ordering::Release);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_become_requests() {
        let st = TestDeviceState::new();
        let mut dev = SifiveTest(st.clone());
        assert_eq!(st.take_request(), None);
        dev.write(0, 4, 0x1234).unwrap(); // meaningless: ignored
        assert!(!st.has_request());
        dev.write(0, 4, 0x5555).unwrap();
        assert!(st.has_request());
        assert_eq!(st.take_request(), Some(PowerRequest::PowerOff));
        assert_eq!(st.take_request(), None);
        dev.write(0, 4, 0x3333 | (42 << 16)).unwrap();
        assert_eq!(st.take_request(), Some(PowerRequest::Fail(42)));
        dev.write(0, 4, 0x7777).unwrap();
        assert_eq!(st.take_request(), Some(PowerRequest::Reset));
        // 16-bit write of the pass value; writes elsewhere in the window do nothing.
        dev.write(0, 2, 0x5555).unwrap();
        assert_eq!(st.take_request(), Some(PowerRequest::PowerOff));
        dev.write(4, 4, 0x5555).unwrap();
        assert_eq!(st.take_request(), None);
        // The last request wins.
        dev.write(0, 4, 0x7777).unwrap();
        dev.write(0, 4, 0x3333 | (1 << 16)).unwrap();
        assert_eq!(st.take_request(), Some(PowerRequest::Fail(1)));
    }

    #[test]
    fn reads_are_zero_and_bad_accesses_refused() {
        let mut dev = SifiveTest(TestDeviceState::new());
        assert_eq!(dev.read(0, 4), Ok(0));
        assert_eq!(dev.read(0xffc, 4), Ok(0));
        for (offset, size) in [(0, 1), (0, 8), (1, 2), (2, 4), (0x1000, 4)] {
            assert!(dev.read(offset, size).is_err(), "{offset:#x}/{size}");
            assert!(
                dev.write(offset, size, 0x5555).is_err(),
                "{offset:#x}/{size}"
            );
        }
        assert!(!dev.0.has_request());
    }
}
