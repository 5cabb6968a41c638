//! The Cranelift dynamic binary translator: compiles hot decoded blocks to host code.
//!
//! [`Jit`] implements [`BlockCompiler`]: the hart's block cache hands it a block once the
//! interpreter has run it a few times, and runs the compiled code from then on (the
//! contract is in [`frontend_riscv::compiled`]). It translates RV64I integer
//! instructions, M, loads and stores (the TLB hit path inline, a helper call
//! otherwise), jumps and branches; other instructions (CSR, atomics, floating point,
//! system) call the interpreter for that one instruction from the compiled code.
//!
//! Guest registers live in [`HartCore`] (`#[repr(C)]`, `x` first): the code loads and
//! stores them at fixed offsets. Code is never freed while the [`Jit`] lives; blocks the
//! cache drops (self-modifying code) leave their code behind (see [`Jit::code_bytes`]).

mod helpers;
mod translate;

pub use translate::supported;

use cranelift_codegen::ir::{types, AbiParam};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Module};
use frontend_riscv::compiled::{BlockCompiler, CompiledBlock, CompiledFn};
use frontend_riscv::Inst;
use thiserror::Error;

/// Why the JIT cannot start.
#[derive(Debug, Error)]
pub enum JitError {
    /// Cranelift does not support this host, or rejected a setting.
    #[error("the JIT cannot target this host: {0}")]
    Host(String),
}

/// A block compiler for one hart (each hart has its own block cache).
pub struct Jit {
    module: JITModule,
    ctx: Context,
    fctx: FunctionBuilderContext,
    compiled: usize,
    code_bytes: usize,
}

impl std::fmt::Debug for Jit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jit")
            .field("compiled", &self.compiled)
            .field("code_bytes", &self.code_bytes)
            .finish()
    }
}

impl Jit {
    /// A JIT for the host CPU.
    pub fn new() -> Result<Self, JitError> {
        let host = |e: &dyn std::fmt::Display| JitError::Host(e.to_string());
        let mut flags = settings::builder();
        flags.set("opt_level", &opt_level()).map_err(|e| host(&e))?;
        // The IR verifier costs more than the rest of compilation; debug builds keep it.
        flags
            .set(
                "enable_verifier",
                if cfg!(debug_assertions) {
                    "true"
                } else {
                    "false"
                },
            )
            .map_err(|e| host(&e))?;
        flags.set("is_pic", "false").map_err(|e| host(&e))?;
        flags
            .set("use_colocated_libcalls", "false")
            .map_err(|e| host(&e))?;
        let isa = cranelift_native::builder()
            .map_err(|e| host(&e))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| host(&e))?;
        let module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let ctx = module.make_context();
        Ok(Jit {
            module,
            ctx,
            fctx: FunctionBuilderContext::new(),
            compiled: 0,
            code_bytes: 0,
        })
    }

    /// Bytes of host code generated so far.
    pub fn code_bytes(&self) -> usize {
        self.code_bytes
    }
}

/// Cranelift's optimization level (`GASANG_JIT_OPT` = none, speed; for experiments).
fn opt_level() -> String {
    std::env::var("GASANG_JIT_OPT").unwrap_or_else(|_| "speed".into())
}

impl BlockCompiler for Jit {
    fn compile(&mut self, insts: &[Inst]) -> Option<CompiledBlock> {
        // Instructions the translator does not handle call the interpreter, so the
        // whole block compiles; a block of nothing but those is left to the
        // interpreter itself (nothing to gain).
        if !insts.iter().any(|i| translate::supported(i.op)) {
            return None;
        }
        let covers = insts.len();
        self.module.clear_context(&mut self.ctx);
        let config = self.module.target_config();
        let ptr = config.pointer_type();
        let sig = &mut self.ctx.func.signature;
        sig.params.push(AbiParam::new(ptr));
        sig.params.push(AbiParam::new(ptr));
        sig.returns.push(AbiParam::new(types::I64));
        translate::translate(&mut self.ctx.func, &mut self.fctx, config, &insts[..covers]);
        let id = self
            .module
            .declare_anonymous_function(&self.ctx.func.signature)
            .ok()?;
        self.module.define_function(id, &mut self.ctx).ok()?;
        self.code_bytes += self
            .ctx
            .compiled_code()
            .map_or(0, |c| c.code_buffer().len());
        self.module.clear_context(&mut self.ctx);
        self.module.finalize_definitions().ok()?;
        let code = self.module.get_finalized_function(id);
        self.compiled += 1;
        // SAFETY: the function was declared with the signature of `CompiledFn`
        // (two pointers in, one i64 out, the platform's C calling convention, which is
        // Cranelift's default for the host ISA), and the module keeps its code alive
        // while this Jit exists.
        let code: CompiledFn = unsafe { std::mem::transmute::<*const u8, CompiledFn>(code) };
        Some(CompiledBlock { code, covers })
    }

    fn compiled_blocks(&self) -> usize {
        self.compiled
    }
}
