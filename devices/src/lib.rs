//! Devices of gasang's machines: the HTIF host interface that bare-metal test programs
//! use (`tohost`/`fromhost`) and the CLINT (machine timer and software interrupts). The
//! virt board's UART, PLIC and virtio devices come with the machine work (see the
//! README).

mod clint;
mod htif;

pub use clint::{Clint, ClintState, CLINT_SIZE};
pub use htif::{Htif, HtifEvent};
