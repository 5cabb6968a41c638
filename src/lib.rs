//! gasang: a full-system emulator for 64-bit RISC-V.
//!
//! This crate wires the pieces into machines and holds the command line's building
//! blocks:
//! - [`bare`]: the bare-metal machine that runs test ROMs and benchmarks (RAM at
//!   0x8000_0000, one hart in M-mode, HTIF).
//! - [`disasm`]: capstone disassembly for traces.
//! - [`size`]: parsing of QEMU-style sizes (`-m 256M`).
//! - [`qemu_cli`]: the virt board's command line, read as QEMU reads it, and
//!   [`virt_setup`]: from that to the board's configuration.

// println!/eprintln! that never panic on a closed pipe or a full disk (emu_core::stdio).
#[macro_use]
extern crate emu_core;

pub mod bare;
pub mod console;
pub mod debug;
pub mod disasm;
pub mod engine;
pub mod images;
pub mod monitor;
pub mod qemu_cli;
pub mod regs;
pub mod size;
pub mod trace;
pub mod virt;
pub mod virt_setup;

pub use bare::{BareMachine, MachineError, Outcome};
