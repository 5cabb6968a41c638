//! An unpopulated virtio-mmio slot, as QEMU's `virt` board has them: all eight slots are
//! in the device tree, and a driver probes each one.

use emu_core::{BusError, MmioDevice};

use super::regs::{MAGIC, REG_MAGIC, REG_VENDOR_ID, REG_VERSION, VENDOR_QEMU};
use super::VirtioMmioVersion;

/// A slot with no device: answers the magic value, the slot's version (1 or 2, like the
/// populated slots of the same board) and device ID 0, which Linux, U-Boot and xv6 skip;
/// everything else reads 0 and ignores writes (QEMU's `virtio_mmio_read` without a
/// backend).
#[derive(Debug, Clone)]
pub struct EmptySlot {
    name: String,
    version: VirtioMmioVersion,
}

impl EmptySlot {
    /// An empty slot named `name` in diagnostics, answering `version`.
    pub fn new(name: impl Into<String>, version: VirtioMmioVersion) -> Self {
        EmptySlot {
            name: name.into(),
            version,
        }
    }
}

impl MmioDevice for EmptySlot {
    fn name(&self) -> &str {
        &self.name
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        Ok(match (offset, size) {
            (REG_MAGIC, 4) => MAGIC as u64,
            (REG_VERSION, 4) => self.version.register_value() as u64,
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
    use super::*;

    #[test]
    fn empty_slot_probes_as_no_device_in_either_version() {
        for (version, number) in [
            (VirtioMmioVersion::Legacy, 1),
            (VirtioMmioVersion::Modern, 2),
        ] {
            let mut s = EmptySlot::new("virtio-mmio@10008000", version);
            assert_eq!(s.read(0, 4).unwrap(), 0x7472_6976);
            assert_eq!(s.read(4, 4).unwrap(), number);
            assert_eq!(s.read(8, 4).unwrap(), 0);
            assert_eq!(s.read(0xc, 4).unwrap(), 0x554d_4551);
            s.write(0x70, 4, 1).unwrap();
            s.write(0x40, 4, 0x8000).unwrap();
            assert_eq!(s.read(0x70, 4).unwrap(), 0);
            assert_eq!(s.read(0x40, 4).unwrap(), 0);
            assert_eq!(s.read(0x100, 4).unwrap(), 0);
        }
    }
}
