//! The physical bus: RAM plus memory-mapped devices.

use std::sync::Arc;

use crate::{BusError, GuestRam};

/// A memory-mapped device. Offsets are relative to the device's base address; sizes are
/// 1, 2, 4 or 8 bytes. A device returns [`BusError::BadAccess`] (with the offset as
/// address; the bus rewrites it) for an access it does not accept.
pub trait MmioDevice: Send {
    /// Short name for diagnostics (e.g. "uart0").
    fn name(&self) -> &str;
    /// Reads `size` bytes at `offset`, zero-extended.
    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError>;
    /// Writes the low `size` bytes of `value` at `offset`.
    fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError>;
    /// Called by the machine regularly (between runs of the harts) so the device can
    /// take host-side events: console input, timers, completed I/O.
    fn poll(&mut self) {}
}

struct Region {
    base: u64,
    size: u64,
    device: Box<dyn MmioDevice>,
}

/// Routes physical accesses to RAM or to a device.
pub struct Bus {
    ram: Arc<GuestRam>,
    regions: Vec<Region>,
    /// Device (non-RAM) accesses so far.
    pub device_accesses: u64,
}

impl std::fmt::Debug for Bus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut l = f.debug_list();
        l.entry(&self.ram);
        for r in &self.regions {
            l.entry(&format_args!(
                "{} @ {:#x}+{:#x}",
                r.device.name(),
                r.base,
                r.size
            ));
        }
        l.finish()
    }
}

impl Bus {
    /// A bus with RAM and no devices.
    pub fn new(ram: Arc<GuestRam>) -> Self {
        Bus {
            ram,
            regions: Vec::new(),
            device_accesses: 0,
        }
    }

    /// The RAM behind this bus.
    pub fn ram(&self) -> &Arc<GuestRam> {
        &self.ram
    }

    /// Maps `device` at `[base, base + size)`.
    ///
    /// # Panics
    /// If the range overlaps RAM or another device: that is a board-wiring bug.
    pub fn map(&mut self, base: u64, size: u64, device: Box<dyn MmioDevice>) {
        let end = base.checked_add(size).expect("device range overflows");
        assert!(
            end <= self.ram.base() || base >= self.ram.end(),
            "{} overlaps RAM",
            device.name()
        );
        for r in &self.regions {
            assert!(
                end <= r.base || base >= r.base + r.size,
                "{} overlaps {}",
                device.name(),
                r.device.name()
            );
        }
        let at = self.regions.partition_point(|r| r.base < base);
        self.regions.insert(at, Region { base, size, device });
    }

    fn region(&mut self, addr: u64, size: u8) -> Result<&mut Region, BusError> {
        let i = self.regions.partition_point(|r| r.base <= addr);
        if i > 0 {
            let r = &mut self.regions[i - 1];
            if addr - r.base < r.size {
                if addr - r.base + size as u64 > r.size {
                    return Err(BusError::BadAccess { addr, size });
                }
                return Ok(r);
            }
        }
        Err(BusError::Unmapped { addr })
    }

    /// The mapped devices in address order: base, size and name (a monitor's memory
    /// map).
    pub fn mappings(&self) -> impl Iterator<Item = (u64, u64, &str)> {
        self.regions
            .iter()
            .map(|r| (r.base, r.size, r.device.name()))
    }

    /// Polls every device (see [`MmioDevice::poll`]).
    pub fn poll_devices(&mut self) {
        for r in &mut self.regions {
            r.device.poll();
        }
    }

    /// Reads `size` bytes at physical `addr`, zero-extended.
    pub fn read(&mut self, addr: u64, size: u8) -> Result<u64, BusError> {
        if let Some(v) = self.ram.read(addr, size) {
            return Ok(v);
        }
        self.device_accesses += 1;
        let r = self.region(addr, size)?;
        r.device
            .read(addr - r.base, size)
            .map_err(|e| fix_addr(e, addr))
    }

    /// Writes the low `size` bytes of `value` at physical `addr`.
    pub fn write(&mut self, addr: u64, size: u8, value: u64) -> Result<(), BusError> {
        if self.ram.write(addr, size, value) {
            return Ok(());
        }
        self.device_accesses += 1;
        let r = self.region(addr, size)?;
        r.device
            .write(addr - r.base, size, value)
            .map_err(|e| fix_addr(e, addr))
    }
}

fn fix_addr(e: BusError, addr: u64) -> BusError {
    match e {
        BusError::BadAccess { size, .. } => BusError::BadAccess { addr, size },
        BusError::Unmapped { .. } => BusError::Unmapped { addr },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Scratch {
        reg: u64,
    }

    impl MmioDevice for Scratch {
        fn name(&self) -> &str {
            "scratch"
        }
        fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
            if offset != 0 || size != 4 {
                return Err(BusError::BadAccess { addr: offset, size });
            }
            Ok(self.reg)
        }
        fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError> {
            if offset != 0 || size != 4 {
                return Err(BusError::BadAccess { addr: offset, size });
            }
            self.reg = value;
            Ok(())
        }
    }

    #[test]
    fn routes_to_ram_devices_and_holes() {
        let ram = Arc::new(GuestRam::new(0x8000_0000, 0x1000).unwrap());
        let mut bus = Bus::new(ram);
        bus.map(0x1000_0000, 0x100, Box::new(Scratch { reg: 0 }));
        bus.write(0x8000_0008, 8, 42).unwrap();
        assert_eq!(bus.read(0x8000_0008, 8), Ok(42));
        bus.write(0x1000_0000, 4, 7).unwrap();
        assert_eq!(bus.read(0x1000_0000, 4), Ok(7));
        assert_eq!(
            bus.read(0x1000_0004, 1),
            Err(BusError::BadAccess {
                addr: 0x1000_0004,
                size: 1
            })
        );
        assert_eq!(
            bus.read(0x2000_0000, 4),
            Err(BusError::Unmapped { addr: 0x2000_0000 })
        );
        // Straddling the end of a device region is refused, not split.
        assert!(bus.read(0x1000_00fe, 4).is_err());
        // Straddling the end of RAM is an unmapped access.
        assert!(bus.read(0x8000_0ffe, 4).is_err());
    }
}
