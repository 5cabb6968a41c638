//! Decoded instructions to Cranelift IR, one block at a time.

use std::mem::offset_of;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::{I16, I32, I64, I8};
use cranelift_codegen::ir::{
    AbiParam, Function, InstBuilder, MemFlagsData, SigRef, Signature, StackSlot, StackSlotData,
    StackSlotKind, Type, Value,
};
use cranelift_codegen::isa::TargetFrontendConfig;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use frontend_riscv::compiled::{JIT_END, JIT_TRAP};
use frontend_riscv::tlb::{Tlb, TlbEntry, TLB_ENTRIES};
use frontend_riscv::{HartCore, Inst, Op};

use crate::helpers;

/// Offset of `x[0]` in [`HartCore`].
const X_OFF: i32 = offset_of!(HartCore, x) as i32;
/// Offset of `pc` in [`HartCore`].
const PC_OFF: i32 = offset_of!(HartCore, pc) as i32;
/// Offset of the TLB array in [`HartCore`].
const TLB_OFF: i64 = offset_of!(HartCore, tlb) as i64;
/// Offset of `data_tlb` (the index of the TLB loads and stores use).
const DATA_TLB_OFF: i32 = offset_of!(HartCore, data_tlb) as i32;
/// Size of one TLB.
const TLB_SIZE: i64 = std::mem::size_of::<Tlb>() as i64;
/// log2 of the size of one TLB entry.
const ENTRY_SHIFT: i64 = 5;
const _: () = assert!(std::mem::size_of::<TlbEntry>() == 1 << ENTRY_SHIFT);
const _: () = assert!(std::mem::size_of::<usize>() == 8);
/// Offsets inside a TLB entry.
const TAG_R_OFF: i32 = offset_of!(TlbEntry, tag_r) as i32;
const TAG_W_OFF: i32 = offset_of!(TlbEntry, tag_w) as i32;
const ADDEND_OFF: i32 = offset_of!(TlbEntry, addend) as i32;

/// Whether the translator turns `op` into IR itself (the others call the interpreter).
pub fn supported(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Lui | Auipc
            | Jal
            | Jalr
            | Beq
            | Bne
            | Blt
            | Bge
            | Bltu
            | Bgeu
            | Lb
            | Lh
            | Lw
            | Ld
            | Lbu
            | Lhu
            | Lwu
            | Sb
            | Sh
            | Sw
            | Sd
            | Addi
            | Slti
            | Sltiu
            | Xori
            | Ori
            | Andi
            | Slli
            | Srli
            | Srai
            | Add
            | Sub
            | Sll
            | Slt
            | Sltu
            | Xor
            | Srl
            | Sra
            | Or
            | And
            | Addiw
            | Slliw
            | Srliw
            | Sraiw
            | Addw
            | Subw
            | Sllw
            | Srlw
            | Sraw
            | Mul
            | Mulh
            | Mulhsu
            | Mulhu
            | Div
            | Divu
            | Rem
            | Remu
            | Mulw
            | Divw
            | Divuw
            | Remw
            | Remuw
    )
}

/// Where an early block end (`END`) continues.
#[derive(Clone, Copy)]
enum EndPc {
    /// After the instruction (`len` bytes long).
    After(u64),
    /// At the pc the helper stored in this stack slot.
    Slot(StackSlot),
}

/// The state of translating one block.
struct Translator<'a> {
    b: FunctionBuilder<'a>,
    ptr: Type,
    core: Value,
    bus: Value,
    /// `core.pc` at entry: the block's first instruction.
    pc0: Value,
    /// Signatures of the helpers: loads, stores, binary operations.
    load_sig: SigRef,
    store_sig: SigRef,
    binop_sig: SigRef,
    interp_sig: SigRef,
}

fn flags() -> MemFlagsData {
    // Registers: aligned, inside the HartCore the hart passed.
    MemFlagsData::trusted()
}

impl Translator<'_> {
    fn x(&mut self, r: u8) -> Value {
        if r == 0 {
            return self.b.ins().iconst(I64, 0);
        }
        self.b
            .ins()
            .load(I64, flags(), self.core, X_OFF + 8 * (r & 31) as i32)
    }

    fn set_x(&mut self, r: u8, v: Value) {
        if r != 0 {
            self.b
                .ins()
                .store(flags(), v, self.core, X_OFF + 8 * (r & 31) as i32);
        }
    }

    /// The pc of the instruction at byte offset `off` in the block.
    fn pc_at(&mut self, off: u64) -> Value {
        self.b.ins().iadd_imm_s(self.pc0, off as i64)
    }

    fn sext32(&mut self, v: Value) -> Value {
        let low = self.b.ins().ireduce(I32, v);
        self.b.ins().sextend(I64, low)
    }

    fn bool_to_x(&mut self, cond: Value) -> Value {
        self.b.ins().uextend(I64, cond)
    }

    fn call_binop(&mut self, f: extern "C" fn(u64, u64) -> u64, a: Value, c: Value) -> Value {
        let callee = self
            .b
            .ins()
            .iconst(self.ptr, f as *const () as usize as i64);
        let call = self.b.ins().call_indirect(self.binop_sig, callee, &[a, c]);
        self.b.inst_results(call)[0]
    }

    /// Leaves the block: pc = `pc`, returns `result`.
    fn exit(&mut self, pc: Value, result: u64) {
        self.b.ins().store(flags(), pc, self.core, PC_OFF);
        let r = self.b.ins().iconst(I64, result as i64);
        self.b.ins().return_(&[r]);
    }

    /// Branches to an exit when `status` (a helper's result) is not OK: `TRAP` leaves at
    /// the instruction; with `end`, `END` leaves after it (at the pc `end` gives).
    fn check_status(&mut self, status: Value, index: usize, off: u64, end: Option<EndPc>) {
        let fail = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(fail);
        self.b.ins().brif(status, fail, &[], cont, &[]);
        self.b.switch_to_block(fail);
        self.b.seal_block(fail);
        if let Some(end_pc) = end {
            let end = self.b.create_block();
            let trap = self.b.create_block();
            self.b.set_cold_block(end);
            self.b.set_cold_block(trap);
            let is_end = self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, status, helpers::END as i64);
            self.b.ins().brif(is_end, end, &[], trap, &[]);
            self.b.switch_to_block(end);
            self.b.seal_block(end);
            let next = match end_pc {
                EndPc::After(len) => self.pc_at(off + len),
                EndPc::Slot(slot) => self.b.ins().stack_load(self.ptr, I64, slot, 0),
            };
            self.exit(next, (index as u64 + 1) | JIT_END);
            self.b.switch_to_block(trap);
            self.b.seal_block(trap);
        }
        let pc = self.pc_at(off);
        self.exit(pc, index as u64 | JIT_TRAP);
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
    }

    /// The TLB fast path of an access of `size` bytes at `va` (the interpreter's, in
    /// IR): the TLB entry's address, and whether its tag (`tag_off`: read or write)
    /// matches and the access stays inside the page.
    fn tlb_hit(&mut self, va: Value, size: i64, tag_off: i32) -> (Value, Value) {
        let vpn = self.b.ins().ushr_imm_s(va, 12);
        let idx = self.b.ins().load(I64, flags(), self.core, DATA_TLB_OFF);
        let tlb = self.b.ins().imul_imm_s(idx, TLB_SIZE);
        let tlb = self.b.ins().iadd(self.core, tlb);
        let tlb = self.b.ins().iadd_imm_s(tlb, TLB_OFF);
        let slot = self.b.ins().band_imm_s(vpn, TLB_ENTRIES as i64 - 1);
        let slot = self.b.ins().ishl_imm_s(slot, ENTRY_SHIFT);
        let entry = self.b.ins().iadd(tlb, slot);
        let tag = self.b.ins().load(I64, flags(), entry, tag_off);
        let tag_ok = self.b.ins().icmp(IntCC::Equal, tag, vpn);
        let in_page = self.b.ins().band_imm_s(va, 0xfff);
        let fits = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, in_page, 4096 - size);
        let hit = self.b.ins().band(tag_ok, fits);
        (entry, hit)
    }

    /// Guest memory through a TLB entry: `addend + va`. Unaligned, little-endian (the
    /// host is x86-64 or another little-endian target Cranelift supports).
    fn host_addr(&mut self, entry: Value, va: Value) -> Value {
        let addend = self.b.ins().load(I64, flags(), entry, ADDEND_OFF);
        self.b.ins().iadd(addend, va)
    }

    fn load(&mut self, i: &Inst, index: usize, off: u64) {
        use Op::*;
        let (size, ty) = match i.op {
            Lb | Lbu => (1, I8),
            Lh | Lhu => (2, I16),
            Lw | Lwu => (4, I32),
            _ => (8, I64),
        };
        let f = match size {
            1 => helpers::load1 as *const () as usize,
            2 => helpers::load2 as *const () as usize,
            4 => helpers::load4 as *const () as usize,
            _ => helpers::load8 as *const () as usize,
        };
        let base = self.x(i.rs1);
        let va = self.b.ins().iadd_imm_s(base, i.imm as i64);
        let (entry, hit) = self.tlb_hit(va, size, TAG_R_OFF);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        self.b.set_cold_block(slow);
        self.b.ins().brif(hit, fast, &[], slow, &[]);

        self.b.switch_to_block(fast);
        self.b.seal_block(fast);
        let host = self.host_addr(entry, va);
        // Guest RAM is readable wherever the TLB says so; the value is zero-extended
        // here and sign-extended below as the instruction wants.
        let raw = self
            .b
            .ins()
            .load(ty, MemFlagsData::new().with_notrap(), host, 0);
        let v = if ty == I64 {
            raw
        } else {
            self.b.ins().uextend(I64, raw)
        };
        self.b.ins().jump(join, &[v.into()]);

        self.b.switch_to_block(slow);
        self.b.seal_block(slow);
        let slot =
            self.b
                .create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
        let out = self.b.ins().stack_addr(self.ptr, slot, 0);
        let callee = self.b.ins().iconst(self.ptr, f as i64);
        let call =
            self.b
                .ins()
                .call_indirect(self.load_sig, callee, &[self.core, self.bus, va, out]);
        let status = self.b.inst_results(call)[0];
        self.check_status(status, index, off, None);
        let v = self.b.ins().stack_load(self.ptr, I64, slot, 0);
        self.b.ins().jump(join, &[v.into()]);

        self.b.switch_to_block(join);
        self.b.seal_block(join);
        let v = self.b.block_params(join)[0];
        let v = match i.op {
            Lb => self.sext_from(v, I8),
            Lh => self.sext_from(v, I16),
            Lw => self.sext_from(v, I32),
            _ => v,
        };
        self.set_x(i.rd, v);
    }

    fn sext_from(&mut self, v: Value, ty: Type) -> Value {
        let low = self.b.ins().ireduce(ty, v);
        self.b.ins().sextend(I64, low)
    }

    fn store(&mut self, i: &Inst, index: usize, off: u64) {
        let (size, ty, f) = match i.op {
            Op::Sb => (1, I8, helpers::store1 as *const () as usize),
            Op::Sh => (2, I16, helpers::store2 as *const () as usize),
            Op::Sw => (4, I32, helpers::store4 as *const () as usize),
            _ => (8, I64, helpers::store8 as *const () as usize),
        };
        let base = self.x(i.rs1);
        let va = self.b.ins().iadd_imm_s(base, i.imm as i64);
        let v = self.x(i.rs2);
        let (entry, hit) = self.tlb_hit(va, size, TAG_W_OFF);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let join = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(hit, fast, &[], slow, &[]);

        // A valid write tag means the page is RAM and watched by nobody (no cached
        // code, no reservation, no host interest): a plain store, as in the interpreter.
        self.b.switch_to_block(fast);
        self.b.seal_block(fast);
        let host = self.host_addr(entry, va);
        let narrow = if ty == I64 {
            v
        } else {
            self.b.ins().ireduce(ty, v)
        };
        self.b
            .ins()
            .store(MemFlagsData::new().with_notrap(), narrow, host, 0);
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(slow);
        self.b.seal_block(slow);
        let callee = self.b.ins().iconst(self.ptr, f as i64);
        let call =
            self.b
                .ins()
                .call_indirect(self.store_sig, callee, &[self.core, self.bus, va, v]);
        let status = self.b.inst_results(call)[0];
        self.check_status(status, index, off, Some(EndPc::After(i.len as u64)));
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(join);
        self.b.seal_block(join);
    }

    /// An instruction the translator leaves to the interpreter (CSR, atomics, floating
    /// point, system, ...): a call to `helpers::interpret`. Returns whether it ended the
    /// block (it ends blocks in the interpreter too), in which case the code has left.
    fn interpreted(&mut self, i: &Inst, index: usize, off: u64) -> bool {
        let slot =
            self.b
                .create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
        let out = self.b.ins().stack_addr(self.ptr, slot, 0);
        let pc = self.pc_at(off);
        let raw = self.b.ins().iconst(I64, i.raw as i64);
        let idx = self.b.ins().iconst(I64, index as i64);
        let callee = self
            .b
            .ins()
            .iconst(self.ptr, helpers::interpret as *const () as usize as i64);
        let call = self.b.ins().call_indirect(
            self.interp_sig,
            callee,
            &[self.core, self.bus, raw, pc, idx, out],
        );
        let status = self.b.inst_results(call)[0];
        self.check_status(status, index, off, Some(EndPc::Slot(slot)));
        if i.op.ends_block() {
            let next = self.b.ins().stack_load(self.ptr, I64, slot, 0);
            self.exit(next, index as u64 + 1);
            return true;
        }
        false
    }

    /// A 32-bit shift: `op` on the low 32 bits, sign-extended.
    fn shift32(&mut self, op: Op, a: Value, sh: Value) -> Value {
        let a32 = self.b.ins().ireduce(I32, a);
        let sh32 = self.b.ins().ireduce(I32, sh);
        // Cranelift masks the amount by the type's width, as RISC-V does (mod 32).
        let r = match op {
            Op::Slliw | Op::Sllw => self.b.ins().ishl(a32, sh32),
            Op::Srliw | Op::Srlw => self.b.ins().ushr(a32, sh32),
            _ => self.b.ins().sshr(a32, sh32),
        };
        self.b.ins().sextend(I64, r)
    }

    /// Translates one instruction that does not end the block.
    fn straight(&mut self, i: &Inst, index: usize, off: u64) {
        use Op::*;
        let imm = i.imm as i64;
        let v = match i.op {
            Lui => self.b.ins().iconst(I64, imm),
            Auipc => {
                let pc = self.pc_at(off);
                self.b.ins().iadd_imm_s(pc, imm)
            }
            Lb | Lh | Lw | Ld | Lbu | Lhu | Lwu => return self.load(i, index, off),
            Sb | Sh | Sw | Sd => return self.store(i, index, off),
            Addi | Slti | Sltiu | Xori | Ori | Andi | Slli | Srli | Srai | Addiw | Slliw
            | Srliw | Sraiw => {
                let a = self.x(i.rs1);
                match i.op {
                    Addi => self.b.ins().iadd_imm_s(a, imm),
                    Slti => {
                        let c = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, a, imm);
                        self.bool_to_x(c)
                    }
                    Sltiu => {
                        let c = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, a, imm);
                        self.bool_to_x(c)
                    }
                    Xori => self.b.ins().bxor_imm_s(a, imm),
                    Ori => self.b.ins().bor_imm_s(a, imm),
                    Andi => self.b.ins().band_imm_s(a, imm),
                    Slli => self.b.ins().ishl_imm_s(a, imm & 63),
                    Srli => self.b.ins().ushr_imm_s(a, imm & 63),
                    Srai => self.b.ins().sshr_imm_s(a, imm & 63),
                    Addiw => {
                        let s = self.b.ins().iadd_imm_s(a, imm);
                        self.sext32(s)
                    }
                    _ => {
                        let sh = self.b.ins().iconst(I64, imm & 31);
                        self.shift32(i.op, a, sh)
                    }
                }
            }
            _ => {
                let a = self.x(i.rs1);
                let c = self.x(i.rs2);
                match i.op {
                    Add => self.b.ins().iadd(a, c),
                    Sub => self.b.ins().isub(a, c),
                    Sll => self.b.ins().ishl(a, c),
                    Srl => self.b.ins().ushr(a, c),
                    Sra => self.b.ins().sshr(a, c),
                    Slt => {
                        let r = self.b.ins().icmp(IntCC::SignedLessThan, a, c);
                        self.bool_to_x(r)
                    }
                    Sltu => {
                        let r = self.b.ins().icmp(IntCC::UnsignedLessThan, a, c);
                        self.bool_to_x(r)
                    }
                    Xor => self.b.ins().bxor(a, c),
                    Or => self.b.ins().bor(a, c),
                    And => self.b.ins().band(a, c),
                    Addw => {
                        let s = self.b.ins().iadd(a, c);
                        self.sext32(s)
                    }
                    Subw => {
                        let s = self.b.ins().isub(a, c);
                        self.sext32(s)
                    }
                    Sllw | Srlw | Sraw => self.shift32(i.op, a, c),
                    Mul => self.b.ins().imul(a, c),
                    Mulh => self.b.ins().smulhi(a, c),
                    Mulhu => self.b.ins().umulhi(a, c),
                    Mulw => {
                        let p = self.b.ins().imul(a, c);
                        self.sext32(p)
                    }
                    Mulhsu => self.call_binop(helpers::mulhsu, a, c),
                    Div => self.call_binop(helpers::div, a, c),
                    Divu => self.call_binop(helpers::divu, a, c),
                    Rem => self.call_binop(helpers::rem, a, c),
                    Remu => self.call_binop(helpers::remu, a, c),
                    Divw => self.call_binop(helpers::divw, a, c),
                    Divuw => self.call_binop(helpers::divuw, a, c),
                    Remw => self.call_binop(helpers::remw, a, c),
                    Remuw => self.call_binop(helpers::remuw, a, c),
                    // `supported` admits nothing else.
                    _ => unreachable!("unsupported op {:?} reached the translator", i.op),
                }
            }
        };
        self.set_x(i.rd, v);
    }

    /// Translates a jump or branch ending the block (`count` instructions in all).
    fn transfer(&mut self, i: &Inst, off: u64, count: usize) {
        use Op::*;
        let imm = i.imm as i64;
        let pc = self.pc_at(off);
        let next = self.b.ins().iadd_imm_s(pc, i.len as i64);
        let target = match i.op {
            Jal => {
                self.set_x(i.rd, next);
                self.b.ins().iadd_imm_s(pc, imm)
            }
            Jalr => {
                // Read rs1 before writing rd (they may be the same register).
                let base = self.x(i.rs1);
                let t = self.b.ins().iadd_imm_s(base, imm);
                let t = self.b.ins().band_imm_s(t, !1);
                self.set_x(i.rd, next);
                t
            }
            _ => {
                let a = self.x(i.rs1);
                let c = self.x(i.rs2);
                let cc = match i.op {
                    Beq => IntCC::Equal,
                    Bne => IntCC::NotEqual,
                    Blt => IntCC::SignedLessThan,
                    Bge => IntCC::SignedGreaterThanOrEqual,
                    Bltu => IntCC::UnsignedLessThan,
                    _ => IntCC::UnsignedGreaterThanOrEqual,
                };
                let taken = self.b.ins().icmp(cc, a, c);
                let t = self.b.ins().iadd_imm_s(pc, imm);
                self.b.ins().select(taken, t, next)
            }
        };
        self.exit(target, count as u64);
    }
}

fn signature(call_conv: cranelift_codegen::isa::CallConv, params: &[Type]) -> Signature {
    let mut s = Signature::new(call_conv);
    s.params.extend(params.iter().map(|&t| AbiParam::new(t)));
    s
}

/// Builds `func` (signature already set: `(core, bus) -> i64`) for `insts` (a block:
/// only the last may end it). [`supported`] instructions are translated; the others
/// call the interpreter.
pub fn translate(
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
    config: TargetFrontendConfig,
    insts: &[Inst],
) {
    let ptr = config.pointer_type();
    let call_conv = func.signature.call_conv;
    let mut b = FunctionBuilder::new(func, fctx);
    let mut load_sig = signature(call_conv, &[ptr, ptr, I64, ptr]);
    load_sig.returns.push(AbiParam::new(I32));
    let mut store_sig = signature(call_conv, &[ptr, ptr, I64, I64]);
    store_sig.returns.push(AbiParam::new(I32));
    let mut binop_sig = signature(call_conv, &[I64, I64]);
    binop_sig.returns.push(AbiParam::new(I64));
    let mut interp_sig = signature(call_conv, &[ptr, ptr, I64, I64, I64, ptr]);
    interp_sig.returns.push(AbiParam::new(I32));
    let (load_sig, store_sig, binop_sig, interp_sig) = (
        b.import_signature(load_sig),
        b.import_signature(store_sig),
        b.import_signature(binop_sig),
        b.import_signature(interp_sig),
    );
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let (core, bus) = (b.block_params(entry)[0], b.block_params(entry)[1]);
    let pc0 = b.ins().load(I64, flags(), core, PC_OFF);
    let mut t = Translator {
        b,
        ptr,
        core,
        bus,
        pc0,
        load_sig,
        store_sig,
        binop_sig,
        interp_sig,
    };
    let mut off = 0u64;
    let mut ended = false;
    for (index, i) in insts.iter().enumerate() {
        if !supported(i.op) {
            if t.interpreted(i, index, off) {
                ended = true;
                break;
            }
            off += i.len as u64;
            continue;
        }
        // The translated instructions that end a block are the jumps and branches.
        if i.op.ends_block() {
            t.transfer(i, off, index + 1);
            ended = true;
            break;
        }
        t.straight(i, index, off);
        off += i.len as u64;
    }
    if !ended {
        let next = t.pc_at(off);
        t.exit(next, insts.len() as u64);
    }
    t.b.finalize(config);
}
