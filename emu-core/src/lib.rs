//! ISA-neutral core of gasang.
//!
//! - [`GuestRam`]: guest physical RAM as one host mapping, with per-page watch flags that
//!   tell the CPU front end which pages need a slow-path store (decoded code, host-watched
//!   words such as HTIF's `tohost`).
//! - [`Bus`]: routes physical accesses of 1, 2, 4 or 8 bytes to RAM or to an
//!   [`MmioDevice`].
//! - [`IrqLine`] and [`InterruptSink`]: level-triggered interrupt lines from devices to
//!   the interrupt controller.
//! - [`Clock`]: the time base of `mtime` and the `time` CSR.
//! - [`BusError`] and [`RamError`]: what can go wrong.
//! - [`stdio`]: `println!`/`eprintln!` that never panic (a closed pipe, a full disk), for
//!   the crates above to shadow the standard ones with.

mod bus;
mod clock;
mod error;
mod irq;
mod ram;
pub mod stdio;

pub use bus::{Bus, MmioDevice};
pub use clock::{Clock, ClockMode, TIMEBASE_HZ};
pub use error::{BusError, RamError};
pub use irq::{InterruptSink, IrqLine, RecordingSink};
pub use ram::{GuestRam, JournalEntry, PageWatch, MAX_HARTS, PAGE_SHIFT, PAGE_SIZE};
