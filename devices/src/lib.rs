//! Devices of gasang's machines, one per file: the virt board's NS16550A UART, PLIC,
//! CLINT, sifive_test finisher, goldfish RTC, virtio-mmio transport with virtio-blk and
//! virtio-rng, the boot ROM, and the HTIF host interface of bare-metal test programs.
//!
//! Devices that raise interrupts or need the machine's attention share their state
//! through an `Arc<...State>` between the bus-mapped side and the machine.

// println!/eprintln! that never panic on a closed pipe or a full disk (emu_core::stdio).
#[macro_use]
extern crate emu_core;

mod clint;
pub mod disk_format;
mod goldfish_rtc;
mod htif;
mod image_lock;
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
    EmptySlot, Queue, QueueError, VirtioBlk, VirtioDevice, VirtioMmio, VirtioMmioVersion,
    VirtioRng, BLK_SECTOR_SIZE, VIRTIO_F_VERSION_1, VIRTIO_ID_BLOCK, VIRTIO_ID_NET, VIRTIO_ID_RNG,
    VIRTIO_MMIO_SIZE, VIRTIO_RING_F_EVENT_IDX, VIRTIO_RING_F_INDIRECT_DESC,
};

/// Checks that an access is a naturally aligned 32-bit access inside a `window`-byte
/// register window (devices with 32-bit registers only).
pub(crate) fn check_word_access(
    offset: u64,
    size: u8,
    window: u64,
) -> Result<(), emu_core::BusError> {
    if size != 4 || !offset.is_multiple_of(4) || offset >= window {
        return Err(emu_core::BusError::BadAccess { addr: offset, size });
    }
    Ok(())
}
