//! A read-only memory region (the boot ROM).

use emu_core::{BusError, MmioDevice};

/// Read-only bytes; reads past the data return zero, writes are refused.
#[derive(Debug, Clone)]
pub struct Rom {
    name: String,
    data: Vec<u8>,
    size: u64,
}

impl Rom {
    /// A ROM window of `size` bytes holding `data` at its start.
    pub fn new(name: impl Into<String>, data: Vec<u8>, size: u64) -> Self {
        Rom {
            name: name.into(),
            data,
            size,
        }
    }
}

impl MmioDevice for Rom {
    fn name(&self) -> &str {
        &self.name
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        if offset + size as u64 > self.size {
            return Err(BusError::BadAccess { addr: offset, size });
        }
        let mut v = 0u64;
        for i in 0..size as u64 {
            let b = self.data.get((offset + i) as usize).copied().unwrap_or(0);
            v |= (b as u64) << (8 * i);
        }
        Ok(v)
    }

    fn write(&mut self, offset: u64, size: u8, _value: u64) -> Result<(), BusError> {
        Err(BusError::BadAccess { addr: offset, size })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_little_endian_and_refuses_writes() {
        let mut r = Rom::new("rom", vec![1, 2, 3, 4, 5], 0x10);
        assert_eq!(r.read(0, 4).unwrap(), 0x0403_0201);
        assert_eq!(r.read(3, 4).unwrap(), 0x0000_0504);
        assert!(r.read(0xe, 4).is_err());
        assert!(r.write(0, 4, 0).is_err());
    }
}
