//! The RISC-V guest of gasang: decoder, hart state, CSRs, traps, memory access through the
//! software TLB, the decoded-block cache and the interpreter.
//!
//! The hart implements RV64IMAFDC with Zicsr, Zifencei, Zba, Zbb, Zbs, Zicond, Sstc and Sdtrig;
//! M, S and U privilege levels; Sv39/Sv48/Sv57 translation and PMP.

pub mod cache;
pub mod check;
pub mod compiled;
pub mod config;
pub mod csr;
pub mod decode;
pub mod fpu;
pub mod hart;
pub mod inst;
pub mod interp;
pub mod isa;
pub mod mappings;
pub mod mem;
pub mod mmu;
pub mod pmp;
pub mod region;
pub mod tlb;
pub mod trace;
pub mod trap;
pub mod trigger;

pub use config::CpuConfig;
pub use decode::decode;
pub use hart::HartCore;
pub use inst::{Inst, Op};
pub use interp::{Exit, Hart, Step};
pub use mappings::{format_mappings, mappings, Mapping, MappingsError, PageMap};
pub use trap::{Exception, Priv};
