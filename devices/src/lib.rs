//! Devices of gasang's machines: the HTIF host interface that bare-metal test programs
//! use (`tohost`/`fromhost`) and the CLINT (machine timer and software interrupts). The
//! virt board's UART, PLIC and virtio devices come with the machine work (see the
//! README).

mod clint;
mod goldfish_rtc;
mod htif;
mod plic;
mod rom;
mod sifive_test;
mod uart;
mod virtio;

pub use clint::{Clint, ClintState, CLINT_SIZE};
pub use goldfish_rtc::{GoldfishRtc, GoldfishRtcState, RtcTimeSource, GOLDFISH_RTC_SIZE};
pub use htif::{Htif, HtifEvent};
pub use plic::{
    Plic, PlicState, PlicWakeup, PLIC_MAX_HARTS, PLIC_MAX_PRIORITY, PLIC_NUM_SOURCES, PLIC_SIZE,
};
pub use rom::Rom;
pub use sifive_test::{PowerRequest, SifiveTest, TestDeviceState, SIFIVE_TEST_SIZE};
pub use uart::{Uart, UartInput, UART_FIFO_SIZE, UART_SIZE};
pub use virtio::{
    BlkError, BlkFlusher, ChainIoError, ChainReader, ChainWriter, Descriptor, DescriptorChain,
    EmptySlot, Queue, QueueError, VirtioBlk, VirtioDevice, VirtioMmio, VirtioRng, BLK_SECTOR_SIZE,
    VIRTIO_F_VERSION_1, VIRTIO_ID_BLOCK, VIRTIO_ID_NET, VIRTIO_ID_RNG, VIRTIO_MMIO_SIZE,
    VIRTIO_RING_F_EVENT_IDX, VIRTIO_RING_F_INDIRECT_DESC,
};
