//! The Cranelift dynamic binary translator.
//!
//! Not implemented yet: gasang runs guests with the interpreter in `frontend-riscv`. This
//! crate holds the place the design gives the JIT (block translation, code cache, inlined
//! soft-TLB fast path, invalidation and dispatch) and exports nothing until then.
