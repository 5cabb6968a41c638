//! AMOs (the A extension's read-modify-write operations) in host code when the TLB has
//! a write entry for the page: the page is RAM that nobody watches (no reservation, no
//! cached code, no device), so a load, the operation and a store are the AMO on this
//! hart's thread. Otherwise (misaligned, MMIO, a watched page, a fault, data triggers)
//! the interpreter does it. LR and SC always go to the interpreter (reservations).

use cranelift_codegen::ir::types::{I32, I64};
use cranelift_codegen::ir::{InstBuilder, Value};
use frontend_riscv::interp::ATOMIC_GRACE;
use frontend_riscv::{Inst, Op};

use super::{core_flags, At, Translator, ATOMIC_GRACE_END_OFF, RETIRED_BASE_OFF};

/// Whether `op` is an AMO the translator does in host code.
pub fn is_amo(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        AmoswapW
            | AmoaddW
            | AmoxorW
            | AmoandW
            | AmoorW
            | AmominW
            | AmomaxW
            | AmominuW
            | AmomaxuW
            | AmoswapD
            | AmoaddD
            | AmoxorD
            | AmoandD
            | AmoorD
            | AmominD
            | AmomaxD
            | AmominuD
            | AmomaxuD
    )
}

impl Translator<'_> {
    /// `op` applied to the memory value `a` and the register value `b` (both of the
    /// access's width).
    fn amo_op(&mut self, op: Op, a: Value, b: Value) -> Value {
        use Op::*;
        let ins = self.b.ins();
        match op {
            AmoswapW | AmoswapD => b,
            AmoaddW | AmoaddD => ins.iadd(a, b),
            AmoxorW | AmoxorD => ins.bxor(a, b),
            AmoandW | AmoandD => ins.band(a, b),
            AmoorW | AmoorD => ins.bor(a, b),
            AmominW | AmominD => ins.smin(a, b),
            AmomaxW | AmomaxD => ins.smax(a, b),
            AmominuW | AmominuD => ins.umin(a, b),
            _ => ins.umax(a, b),
        }
    }

    /// An AMO (see the module documentation).
    pub(super) fn amo(&mut self, i: &Inst, at: At) {
        let word = matches!(
            i.op,
            Op::AmoswapW
                | Op::AmoaddW
                | Op::AmoxorW
                | Op::AmoandW
                | Op::AmoorW
                | Op::AmominW
                | Op::AmomaxW
                | Op::AmominuW
                | Op::AmomaxuW
        );
        let size = if word { 4 } else { 8 };
        let va = self.x(i.rs1);
        let b = self.x(i.rs2);
        let (entry, hit) = self.tlb_hit_write(va, size);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        self.b.set_cold_block(slow);
        self.b.ins().brif(hit, fast, &[], slow, &[]);

        self.b.switch_to_block(fast);
        let host = self.tlb_host_addr(entry, va);
        let flags = cranelift_codegen::ir::MemFlagsData::new().with_notrap();
        let old = if word {
            let old = self.b.ins().load(I32, flags, host, 0);
            let b32 = self.b.ins().ireduce(I32, b);
            let new = self.amo_op(i.op, old, b32);
            self.b.ins().store(flags, new, host, 0);
            self.b.ins().sextend(I64, old)
        } else {
            let old = self.b.ins().load(I64, flags, host, 0);
            let new = self.amo_op(i.op, old, b);
            self.b.ins().store(flags, new, host, 0);
            old
        };
        // The scheduling grace after an atomic, as the interpreter gives it
        // (`Hart::run`): from the hart's count at the start of this block.
        let base = self
            .b
            .ins()
            .load(I64, core_flags(), self.core, RETIRED_BASE_OFF);
        let r = self.b.use_var(self.retired);
        let end = self.b.ins().iadd(base, r);
        let end = self.b.ins().iadd_imm_s(end, ATOMIC_GRACE as i64);
        self.b
            .ins()
            .store(core_flags(), end, self.core, ATOMIC_GRACE_END_OFF);
        self.b.ins().jump(join, &[old.into()]);

        // Anything else: the interpreter (which writes rd or leaves the code). Both paths
        // continue with the same registers unstored.
        self.b.switch_to_block(slow);
        let (dirty, local) = (self.dirty, self.local);
        self.interpreted(i, at);
        let v = self.x(i.rd);
        (self.dirty, self.local) = (dirty, local);
        self.b.ins().jump(join, &[v.into()]);

        self.b.switch_to_block(join);
        let v = self.b.block_params(join)[0];
        self.set_x(i.rd, v);
    }
}
