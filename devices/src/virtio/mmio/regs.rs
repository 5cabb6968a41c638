//! Offsets and values of the virtio-mmio register window (virtio 1.2, sections 4.2.2 for
//! version 2 and 4.2.4 for the legacy version 1). Registers are 32 bits wide; the device
//! configuration space starts at [`CONFIG`].

/// "virt" in little-endian ASCII.
pub(super) const MAGIC: u32 = 0x7472_6976;
/// "QEMU": the vendor ID QEMU's transports answer.
pub(super) const VENDOR_QEMU: u32 = 0x554d_4551;

// Registers of both versions.
pub(super) const REG_MAGIC: u64 = 0x000;
pub(super) const REG_VERSION: u64 = 0x004;
pub(super) const REG_DEVICE_ID: u64 = 0x008;
pub(super) const REG_VENDOR_ID: u64 = 0x00c;
/// `HostFeatures` in the legacy layout.
pub(super) const REG_DEVICE_FEATURES: u64 = 0x010;
/// `HostFeaturesSel` in the legacy layout.
pub(super) const REG_DEVICE_FEATURES_SEL: u64 = 0x014;
/// `GuestFeatures` in the legacy layout.
pub(super) const REG_DRIVER_FEATURES: u64 = 0x020;
/// `GuestFeaturesSel` in the legacy layout.
pub(super) const REG_DRIVER_FEATURES_SEL: u64 = 0x024;
pub(super) const REG_QUEUE_SEL: u64 = 0x030;
pub(super) const REG_QUEUE_NUM_MAX: u64 = 0x034;
pub(super) const REG_QUEUE_NUM: u64 = 0x038;
pub(super) const REG_QUEUE_NOTIFY: u64 = 0x050;
pub(super) const REG_INTERRUPT_STATUS: u64 = 0x060;
pub(super) const REG_INTERRUPT_ACK: u64 = 0x064;
pub(super) const REG_STATUS: u64 = 0x070;
/// Shared memory length and base: all ones ("no region") in both versions, as on QEMU.
pub(super) const REG_SHM_LEN_LOW: u64 = 0x0b0;
pub(super) const REG_SHM_BASE_HIGH: u64 = 0x0bc;
/// Start of the device configuration space.
pub(super) const CONFIG: u64 = 0x100;

// Legacy (version 1) only.
pub(super) const REG_GUEST_PAGE_SIZE: u64 = 0x028;
pub(super) const REG_QUEUE_ALIGN: u64 = 0x03c;
pub(super) const REG_QUEUE_PFN: u64 = 0x040;

// Version 2 only. The queue addresses are 64-bit: low half here, high half at +4.
pub(super) const REG_QUEUE_READY: u64 = 0x044;
pub(super) const REG_QUEUE_DESC_LOW: u64 = 0x080;
pub(super) const REG_QUEUE_DRIVER_LOW: u64 = 0x090;
pub(super) const REG_QUEUE_DEVICE_LOW: u64 = 0x0a0;
pub(super) const REG_QUEUE_DEVICE_HIGH: u64 = 0x0a4;
pub(super) const REG_CONFIG_GENERATION: u64 = 0x0fc;

/// InterruptStatus bit: the device used a buffer.
pub(super) const INT_VRING: u32 = 1;
/// InterruptStatus bit: the configuration (or DEVICE_NEEDS_RESET) changed.
pub(super) const INT_CONFIG: u32 = 2;

/// Device status bits (virtio 1.2 section 2.1).
pub(super) const STATUS_DRIVER_OK: u32 = 4;
pub(super) const STATUS_FEATURES_OK: u32 = 8;
pub(super) const STATUS_NEEDS_RESET: u32 = 64;

/// Whether `offset` is a register only the legacy layout has.
pub(super) fn is_legacy_only(offset: u64) -> bool {
    matches!(
        offset,
        REG_GUEST_PAGE_SIZE | REG_QUEUE_ALIGN | REG_QUEUE_PFN
    )
}

/// Whether `offset` is a queue register only version 2 has (QueueReady, the queue
/// addresses).
pub(super) fn is_modern_only(offset: u64) -> bool {
    offset == REG_QUEUE_READY || (REG_QUEUE_DESC_LOW..=REG_QUEUE_DEVICE_HIGH).contains(&offset)
}
