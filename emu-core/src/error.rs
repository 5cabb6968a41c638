//! Error types of the core.

use thiserror::Error;

/// A physical access that could not be carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum BusError {
    /// Nothing is mapped at the address (becomes an access fault in the guest).
    #[error("no device or memory at physical address {addr:#x}")]
    Unmapped {
        /// The physical address of the access.
        addr: u64,
    },
    /// A device refused the access width or offset (also an access fault in the guest).
    #[error("device at {addr:#x} does not accept a {size}-byte access")]
    BadAccess {
        /// The physical address of the access.
        addr: u64,
        /// The access width in bytes.
        size: u8,
    },
}

/// Failure to set up or load guest RAM.
#[derive(Debug, Error)]
pub enum RamError {
    /// The requested RAM size is not usable.
    #[error("invalid RAM size {size:#x}: {reason}")]
    BadSize {
        /// The requested size in bytes.
        size: u64,
        /// Why it was refused.
        reason: &'static str,
    },
    /// The host could not provide the mapping.
    #[error(
        "cannot map {size:#x} bytes of guest RAM (is -m more than the host can give?): {error}"
    )]
    Map {
        /// The requested size in bytes.
        size: u64,
        /// The host error.
        error: std::io::Error,
    },
    /// Data to be loaded does not fit inside RAM.
    #[error("{len:#x} bytes at {addr:#x} do not fit in RAM [{base:#x}, {end:#x})")]
    OutOfRange {
        /// Start of the data (guest physical).
        addr: u64,
        /// Length of the data.
        len: u64,
        /// RAM base.
        base: u64,
        /// RAM end (exclusive).
        end: u64,
    },
}
