//! Cranelift, set up for the host: regions and the entry trampoline to position-
//! independent machine code (no relocations: helpers are called through absolute
//! addresses), which the engine copies into its code memory.

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{AbiParam, InstBuilder, MemFlagsData, Signature, UserFuncName};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use frontend_riscv::compiled::RegionSpec;

use crate::translate::{region_signature, translate, CodeEnv, HELPER_CALL_CONV};
use crate::JitError;

/// A Cranelift compiler for the host.
pub struct Compiler {
    isa: OwnedTargetIsa,
    ctx: Context,
    fctx: FunctionBuilderContext,
}

impl std::fmt::Debug for Compiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiler")
            .field("isa", &self.isa.name())
            .finish()
    }
}

/// Cranelift's optimization level (`GASANG_JIT_OPT` = none, speed, speed_and_size).
fn opt_level() -> String {
    std::env::var("GASANG_JIT_OPT").unwrap_or_else(|_| "speed".into())
}

impl Compiler {
    /// A compiler for the host CPU.
    pub fn new() -> Result<Self, JitError> {
        let host = |e: &dyn std::fmt::Display| JitError::Host(e.to_string());
        let mut flags = settings::builder();
        flags.set("opt_level", &opt_level()).map_err(|e| host(&e))?;
        // The IR verifier costs more than the rest of compilation; debug builds keep it.
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        flags.set("enable_verifier", verify).map_err(|e| host(&e))?;
        flags.set("is_pic", "false").map_err(|e| host(&e))?;
        if let Ok(a) = std::env::var("GASANG_JIT_REGALLOC") {
            flags.set("regalloc_algorithm", &a).map_err(|e| host(&e))?;
        }
        // Cranelift's tail calls (regions continuing into each other) need frames.
        flags
            .set("preserve_frame_pointers", "true")
            .map_err(|e| host(&e))?;
        let isa = cranelift_native::builder()
            .map_err(|e| host(&e))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| host(&e))?;
        Ok(Compiler {
            isa,
            ctx: Context::new(),
            fctx: FunctionBuilderContext::new(),
        })
    }

    /// Machine code for `spec` (see [`crate::translate`]) in an engine with `env`.
    pub fn region(&mut self, spec: &RegionSpec, env: &CodeEnv) -> Result<Vec<u8>, String> {
        self.ctx.clear();
        let config = self.isa.frontend_config();
        self.ctx.func.signature = region_signature(config.pointer_type());
        // Named by the entry's physical page and offset, for dumps.
        let pa = spec.blocks[0].pa;
        self.ctx.func.name = UserFuncName::user((pa >> 12) as u32, (pa & 0xfff) as u32);
        translate(&mut self.ctx.func, &mut self.fctx, config, spec, env);
        // For developers: `GASANG_JIT_DUMP=DIR` writes each region's IR there.
        if let Some(dir) = std::env::var_os("GASANG_JIT_DUMP") {
            let name = format!("{:x}.clif", spec.blocks[0].pa);
            let _ = std::fs::write(
                std::path::Path::new(&dir).join(name),
                self.ctx.func.display().to_string(),
            );
            self.ctx.set_disasm(true);
        }
        self.finish()
    }

    /// Machine code for the entry trampoline: `extern "C" fn(code, core) -> u64`,
    /// which calls the region at `code` (tail-call convention) with nothing retired yet.
    pub fn trampoline(&mut self) -> Result<Vec<u8>, String> {
        self.ctx.clear();
        let config = self.isa.frontend_config();
        let ptr = config.pointer_type();
        let mut sig = Signature::new(config.default_call_conv);
        sig.params.extend([AbiParam::new(ptr); 2]);
        sig.returns.push(AbiParam::new(I64));
        self.ctx.func.signature = sig;
        let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
        let region = b.import_signature(region_signature(ptr));
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (code, core) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        let zero = b.ins().iconst(I64, 0);
        let call = b.ins().call_indirect(region, code, &[core, zero]);
        let r = b.inst_results(call)[0];
        b.ins().return_(&[r]);
        b.seal_all_blocks();
        b.finalize(config);
        self.finish()
    }

    /// Machine code for a thunk that calls the `extern "C"` function at `target` with
    /// `params` 64-bit arguments, the first a `*mut HartCore`, and stores its 64-bit
    /// result in `HartCore::jit_result`, saving every register ([`HELPER_CALL_CONV`]).
    /// (A preserve-all function restores every register it used on return, so it cannot
    /// return a value in one.)
    pub fn thunk(&mut self, target: usize, params: usize) -> Result<Vec<u8>, String> {
        self.ctx.clear();
        let config = self.isa.frontend_config();
        let mut sig = Signature::new(HELPER_CALL_CONV);
        sig.params
            .extend(std::iter::repeat_n(AbiParam::new(I64), params));
        let mut c_sig = sig.clone();
        c_sig.call_conv = config.default_call_conv;
        c_sig.returns.push(AbiParam::new(I64));
        self.ctx.func.signature = sig;
        let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
        let c_sig = b.import_signature(c_sig);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let args = b.block_params(entry).to_vec();
        let callee = b.ins().iconst(I64, target as i64);
        let call = b.ins().call_indirect(c_sig, callee, &args);
        let r = b.inst_results(call)[0];
        let core = args[0];
        b.ins().store(
            MemFlagsData::trusted(),
            r,
            core,
            std::mem::offset_of!(frontend_riscv::HartCore, jit_result) as i32,
        );
        b.ins().return_(&[]);
        b.seal_all_blocks();
        b.finalize(config);
        self.finish()
    }

    fn finish(&mut self) -> Result<Vec<u8>, String> {
        let fname = self.ctx.func.name.to_string();
        let compiled = self
            .ctx
            .compile(&*self.isa, &mut ControlPlane::default())
            .map_err(|e| format!("{:?}", e.inner))?;
        if let (Some(dir), Some(text)) = (std::env::var_os("GASANG_JIT_DUMP"), &compiled.vcode) {
            let name = format!("{fname}.s");
            let _ = std::fs::write(std::path::Path::new(&dir).join(name), text);
        }
        if !compiled.buffer.relocs().is_empty() {
            return Err(format!(
                "code needs relocations: {:?}",
                compiled.buffer.relocs()
            ));
        }
        Ok(compiled.code_buffer().to_vec())
    }
}
