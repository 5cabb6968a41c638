//! The ISA this hart implements, as a device tree lists it.

use crate::config::CpuConfig;

/// The extensions of a hart configured as `cpu`, in canonical order (single letters
/// first), lower case, for `riscv,isa` and `riscv,isa-extensions`.
pub fn extensions(cpu: &CpuConfig) -> Vec<&'static str> {
    let mut v = vec!["i"];
    v.extend(cpu.extensions());
    v
}

/// The strongest translation mode (`mmu-type`).
pub const MMU_TYPE: &str = "sv57";
