//! Devices of gasang's machines. So far: the HTIF host interface that bare-metal test
//! programs use (`tohost`/`fromhost`). The virt board's UART, ACLINT, PLIC and virtio
//! devices come with the machine work (see the README).

mod htif;

pub use htif::{Htif, HtifEvent};
