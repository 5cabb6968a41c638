//! The RISC-V guest of gasang: decoder, hart state, CSRs, traps, memory access through the
//! software TLB, the decoded-block cache and the interpreter.
//!
//! The hart implements RV64IMAC with Zicsr and Zifencei, M/S/U privilege levels and Bare
//! translation. Floating point and paging come with later work (see the README).

pub mod cache;
pub mod csr;
pub mod decode;
pub mod fpu;
pub mod hart;
pub mod inst;
pub mod interp;
pub mod isa;
pub mod mem;
pub mod mmu;
pub mod pmp;
pub mod tlb;
pub mod trap;

pub use decode::decode;
pub use hart::HartCore;
pub use inst::{Inst, Op};
pub use interp::{Exit, Hart, Step};
pub use trap::{Exception, Priv};
