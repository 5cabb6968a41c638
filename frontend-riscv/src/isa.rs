//! The ISA this hart implements, as a device tree lists it.

use crate::config::CpuConfig;
use crate::fpu::FPU_ENABLED;

/// The extensions of a hart configured as `cpu`, in canonical order (single letters
/// first), lower case, for `riscv,isa` and `riscv,isa-extensions`.
pub fn extensions(cpu: &CpuConfig) -> Vec<&'static str> {
    let mut v = vec!["i", "m", "a"];
    if FPU_ENABLED {
        v.extend(["f", "d"]);
    }
    v.push("c");
    v.extend([
        "zicntr",
        "zicsr",
        "zifencei",
        "zihintpause",
        "zba",
        "zbb",
        "zbs",
        "zicond",
        "sstc",
    ]);
    v.extend(cpu.extensions());
    v
}

/// The strongest translation mode (`mmu-type`).
pub const MMU_TYPE: &str = "sv57";
