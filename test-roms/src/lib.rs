//! The project's guest programs: assembly ISA tests (riscv-tests conventions) and
//! benchmark programs, built by `build.sh` with Debian's `gcc-riscv64-unknown-elf` into
//! `bin/` (committed, so tests need no cross toolchain).

use std::path::PathBuf;

/// Directory holding the built ROMs.
pub fn bin_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bin")
}

/// Path of the built ROM `name` (without `.elf`).
pub fn rom(name: &str) -> PathBuf {
    bin_dir().join(format!("{name}.elf"))
}

/// Names of all built ROMs whose name starts with `prefix`, sorted.
pub fn roms_with_prefix(prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(bin_dir())
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".elf").map(str::to_string))
                .filter(|n| n.starts_with(prefix))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
