//! The boot ROM at 0x1000, as on QEMU's `virt` board: it passes the hart id in `a0`, the
//! device tree address in `a1` and the OpenSBI `fw_dynamic` info address in `a2`, then
//! jumps to the firmware (or straight to the kernel with `-bios none`).

/// Address of the boot ROM.
pub const BOOTROM_BASE: u64 = 0x1000;
/// Size of the boot ROM region.
pub const BOOTROM_SIZE: u64 = 0xf000;

/// `fw_dynamic_info.magic` ("OSBI").
const FW_DYNAMIC_MAGIC: u64 = 0x4942_534f;
/// `fw_dynamic_info.version` understood by OpenSBI 0.9 and later.
const FW_DYNAMIC_VERSION: u64 = 2;

/// The privilege level OpenSBI hands over to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextMode {
    /// Supervisor mode (Linux, U-Boot S-mode).
    Supervisor,
    /// Machine mode.
    Machine,
}

/// OpenSBI's `fw_dynamic` hand-off: where the next stage is and in which mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FwDynamic {
    /// Entry of the next stage (the kernel or U-Boot).
    pub next_addr: u64,
    /// Mode of the next stage.
    pub next_mode: NextMode,
}

/// The ROM image: the reset vector followed by its data words.
///
/// ```text
/// 0x00 auipc t0, 0
/// 0x04 addi  a2, t0, 40     # &fw_dynamic_info (0x28)
/// 0x08 csrr  a0, mhartid
/// 0x0c ld    a1, 32(t0)     # fdt address
/// 0x10 ld    t0, 24(t0)     # start address
/// 0x14 jr    t0
/// 0x18 .dword start
/// 0x20 .dword fdt
/// 0x28 fw_dynamic_info { magic, version, next_addr, next_mode, options, boot_hart }
/// ```
pub fn reset_vector(start: u64, fdt: u64, fw: Option<FwDynamic>) -> Vec<u8> {
    let code: [u32; 6] = [
        0x0000_0297, // auipc t0, 0
        0x0282_8613, // addi a2, t0, 40
        0xf140_2573, // csrr a0, mhartid
        0x0202_b583, // ld a1, 32(t0)
        0x0182_b283, // ld t0, 24(t0)
        0x0002_8067, // jr t0
    ];
    let mut rom = Vec::with_capacity(0x58);
    for w in code {
        rom.extend_from_slice(&w.to_le_bytes());
    }
    rom.extend_from_slice(&start.to_le_bytes());
    rom.extend_from_slice(&fdt.to_le_bytes());
    let (next_addr, next_mode) = match fw {
        Some(f) => (
            f.next_addr,
            match f.next_mode {
                NextMode::Supervisor => 1u64,
                NextMode::Machine => 3,
            },
        ),
        None => (0, 1),
    };
    for v in [
        FW_DYNAMIC_MAGIC,
        FW_DYNAMIC_VERSION,
        next_addr,
        next_mode,
        0, // options
        0, // boot_hart: the hart that runs the boot flow
    ] {
        rom.extend_from_slice(&v.to_le_bytes());
    }
    rom
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_the_code() {
        let rom = reset_vector(
            0x8000_0000,
            0x87e0_0000,
            Some(FwDynamic {
                next_addr: 0x8020_0000,
                next_mode: NextMode::Supervisor,
            }),
        );
        let word = |o: usize| u64::from_le_bytes(rom[o..o + 8].try_into().unwrap());
        assert_eq!(word(0x18), 0x8000_0000);
        assert_eq!(word(0x20), 0x87e0_0000);
        assert_eq!(word(0x28), FW_DYNAMIC_MAGIC);
        assert_eq!(word(0x30), 2);
        assert_eq!(word(0x38), 0x8020_0000);
        assert_eq!(word(0x40), 1);
        assert_eq!(rom.len(), 0x58);
    }
}
