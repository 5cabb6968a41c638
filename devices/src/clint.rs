//! The CLINT / ACLINT (MSWI + MTIMER) of the virt and spike boards: per hart a
//! machine software-interrupt register (`msip`, +0x0 + 4*hart) and a timer compare
//! register (`mtimecmp`, +0x4000 + 8*hart), and the shared `mtime` (+0xbff8).
//!
//! The register state is shared ([`ClintState`]) between the bus-mapped device and the
//! machine, which turns it into interrupt lines (MSIP, MTIP) for the harts.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;

use emu_core::{BusError, Clock, MmioDevice};

/// Size of the CLINT's MMIO window.
pub const CLINT_SIZE: u64 = 0x10000;
const MSIP_BASE: u64 = 0x0;
const MTIMECMP_BASE: u64 = 0x4000;
const MTIME: u64 = 0xbff8;

/// The CLINT registers, shared between the device and the machine.
#[derive(Debug)]
pub struct ClintState {
    clock: Arc<Clock>,
    msip: Vec<AtomicU32>,
    mtimecmp: Vec<AtomicU64>,
}

impl ClintState {
    /// A CLINT for `harts` harts on `clock`; `mtimecmp` resets to all ones (no interrupt).
    pub fn new(clock: Arc<Clock>, harts: usize) -> Arc<Self> {
        Arc::new(ClintState {
            clock,
            msip: (0..harts).map(|_| AtomicU32::new(0)).collect(),
            mtimecmp: (0..harts).map(|_| AtomicU64::new(u64::MAX)).collect(),
        })
    }

    /// Current `mtime`.
    pub fn mtime(&self) -> u64 {
        self.clock.now()
    }

    /// The clock behind `mtime`.
    pub fn clock(&self) -> &Arc<Clock> {
        &self.clock
    }

    /// Whether hart `h`'s machine timer interrupt is pending (`mtime >= mtimecmp`).
    pub fn mtip(&self, h: usize) -> bool {
        self.mtimecmp
            .get(h)
            .is_some_and(|c| self.mtime() >= c.load(Ordering::Relaxed))
    }

    /// Whether hart `h`'s machine software interrupt is pending.
    pub fn msip(&self, h: usize) -> bool {
        self.msip
            .get(h)
            .is_some_and(|m| m.load(Ordering::Relaxed) & 1 != 0)
    }

    /// The earliest `mtimecmp` that is still in the future, if any.
    pub fn next_deadline(&self) -> Option<u64> {
        let now = self.mtime();
        self.mtimecmp
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .filter(|&c| c > now && c != u64::MAX)
            .min()
    }
}

/// The bus-mapped side of the CLINT.
#[derive(Debug)]
pub struct Clint(pub Arc<ClintState>);

/// Reads `size` bytes at byte `off` of the little-endian 64-bit `reg`.
fn sub_read(reg: u64, off: u64, size: u8) -> u64 {
    let v = reg >> (8 * off);
    if size == 8 {
        v
    } else {
        v & ((1u64 << (8 * size as u32)) - 1)
    }
}

/// Replaces `size` bytes at byte `off` of `reg` with `value`.
fn sub_write(reg: u64, off: u64, size: u8, value: u64) -> u64 {
    let mask = if size == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * size as u32)) - 1
    } << (8 * off);
    (reg & !mask) | ((value << (8 * off)) & mask)
}

impl MmioDevice for Clint {
    fn name(&self) -> &str {
        "clint"
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        let s = &self.0;
        let bad = Err(BusError::BadAccess { addr: offset, size });
        if !offset.is_multiple_of(size as u64) {
            return bad;
        }
        let harts = s.msip.len() as u64;
        match offset {
            o if o < MSIP_BASE + 4 * harts && size <= 4 => {
                let h = (o / 4) as usize;
                Ok(sub_read(
                    s.msip[h].load(Ordering::Relaxed) as u64,
                    o % 4,
                    size,
                ))
            }
            o if (MTIMECMP_BASE..MTIMECMP_BASE + 8 * harts).contains(&o) => {
                let h = ((o - MTIMECMP_BASE) / 8) as usize;
                Ok(sub_read(s.mtimecmp[h].load(Ordering::Relaxed), o % 8, size))
            }
            o if (MTIME..MTIME + 8).contains(&o) => Ok(sub_read(s.mtime(), o - MTIME, size)),
            // Unpopulated parts of the window read as zero, as on QEMU.
            o if o < CLINT_SIZE => Ok(0),
            _ => bad,
        }
    }

    fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError> {
        let s = &self.0;
        if !offset.is_multiple_of(size as u64) {
            return Err(BusError::BadAccess { addr: offset, size });
        }
        let harts = s.msip.len() as u64;
        match offset {
            o if o < MSIP_BASE + 4 * harts && size <= 4 => {
                let h = (o / 4) as usize;
                // Only bit 0 of msip is writable.
                let old = s.msip[h].load(Ordering::Relaxed) as u64;
                let new = sub_write(old, o % 4, size, value) & 1;
                s.msip[h].store(new as u32, Ordering::Relaxed);
            }
            o if (MTIMECMP_BASE..MTIMECMP_BASE + 8 * harts).contains(&o) => {
                let h = ((o - MTIMECMP_BASE) / 8) as usize;
                let old = s.mtimecmp[h].load(Ordering::Relaxed);
                s.mtimecmp[h].store(sub_write(old, o % 8, size, value), Ordering::Relaxed);
            }
            // mtime is read-only here (a write would rewind the shared clock); other
            // offsets in the window ignore writes, as on QEMU.
            o if o < CLINT_SIZE => {}
            _ => return Err(BusError::BadAccess { addr: offset, size }),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use emu_core::ClockMode;

    #[test]
    fn timer_compare_and_software_interrupt() {
        let clock = Arc::new(Clock::new(ClockMode::Instructions(1)));
        let st = ClintState::new(clock.clone(), 2);
        let mut dev = Clint(st.clone());
        assert!(!st.mtip(0));
        dev.write(0x4008, 8, 100).unwrap(); // hart 1
        assert_eq!(st.next_deadline(), Some(100));
        clock.retired(99);
        assert!(!st.mtip(1));
        clock.retired(1);
        assert!(st.mtip(1) && !st.mtip(0));
        assert_eq!(dev.read(0xbff8, 8).unwrap(), 100);
        assert_eq!(dev.read(0xbffc, 4).unwrap(), 0);
        // 32-bit halves of mtimecmp, as RV32 software writes them.
        dev.write(0x4000, 4, 0x1234).unwrap();
        dev.write(0x4004, 4, 0).unwrap();
        assert_eq!(dev.read(0x4000, 8).unwrap(), 0x1234);
        dev.write(0x4, 4, 0xffff_ffff).unwrap();
        assert!(st.msip(1) && !st.msip(0));
        assert_eq!(dev.read(0x4, 4).unwrap(), 1);
        assert!(dev.read(0x4001, 4).is_err());
    }
}
