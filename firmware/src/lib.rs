//! Boot support: loading guest images into RAM.
//!
//! So far: ELF images (PT_LOAD segments at their physical addresses, the entry point, the
//! symbol table with the HTIF `tohost`/`fromhost` symbols) and raw binaries. The boot
//! ROM, device tree and OpenSBI hand-off come with the machine work.

pub mod boot;
pub mod bootrom;
mod elf;
pub mod fdt;
pub mod fdt_edit;

pub use elf::{load_elf, load_image, load_raw, read_symbols, LoadError, LoadedImage, Symbol};
