//! Loads and stores: the TLB hit path inline (a tag compare and an add, as in the
//! interpreter), a helper call otherwise (page walk, MMIO, watched pages, faults).

use std::mem::offset_of;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::{I16, I32, I64, I8};
use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value};
use frontend_riscv::tlb::{Tlb, TlbEntry, TLB_ENTRIES};
use frontend_riscv::{HartCore, Inst, Op};

use super::{core_flags, At, Translator};

/// Offset of the TLB array in [`HartCore`].
const TLB_OFF: i64 = offset_of!(HartCore, tlb) as i64;
/// Offset of `data_tlb` (the index of the TLB loads and stores use).
const DATA_TLB_OFF: i32 = offset_of!(HartCore, data_tlb) as i32;
/// Size of one TLB.
const TLB_SIZE: i64 = std::mem::size_of::<Tlb>() as i64;
/// log2 of the size of one TLB entry.
const ENTRY_SHIFT: i64 = 5;
const _: () = assert!(std::mem::size_of::<TlbEntry>() == 1 << ENTRY_SHIFT);
/// Offsets inside a TLB entry.
const TAG_R_OFF: i32 = offset_of!(TlbEntry, tag_r) as i32;
const TAG_W_OFF: i32 = offset_of!(TlbEntry, tag_w) as i32;
const ADDEND_OFF: i32 = offset_of!(TlbEntry, addend) as i32;

/// Guest RAM through a TLB entry: host memory the TLB vouches for.
fn ram_flags() -> MemFlagsData {
    MemFlagsData::new().with_notrap()
}

/// The address of the TLB loads and stores use: `data_tlb` cannot change inside a
/// region (only CSR writes and traps change it, and both leave the code).
pub(super) fn data_tlb(b: &mut cranelift_frontend::FunctionBuilder, core: Value) -> Value {
    let idx = b.ins().load(I64, core_flags(), core, DATA_TLB_OFF);
    let tlb = b.ins().imul_imm_s(idx, TLB_SIZE);
    let tlb = b.ins().iadd(core, tlb);
    b.ins().iadd_imm_s(tlb, TLB_OFF)
}

impl Translator<'_> {
    /// The TLB fast path of an access of `size` bytes at `va`: the TLB entry's address,
    /// and whether its tag (`tag_off`: read or write) matches and the access stays inside
    /// the page.
    fn tlb_hit(&mut self, va: Value, size: i64, tag_off: i32) -> (Value, Value) {
        // The interpreter's check (`frontend_riscv::mem::tlb_key`): the tag is the page
        // address; a misaligned access keeps low bits and never matches.
        let key = self.b.ins().band_imm_s(va, !0xfff | (size - 1));
        // Entry (va >> 12) % TLB_ENTRIES, entries 1 << ENTRY_SHIFT bytes apart.
        let slot = self.b.ins().ushr_imm_s(va, 12 - ENTRY_SHIFT);
        let slot = self
            .b
            .ins()
            .band_imm_s(slot, (TLB_ENTRIES as i64 - 1) << ENTRY_SHIFT);
        let entry = self.b.ins().iadd(self.data_tlb, slot);
        let tag = self.b.ins().load(I64, core_flags(), entry, tag_off);
        let hit = self.b.ins().icmp(IntCC::Equal, tag, key);
        (entry, hit)
    }

    /// `addend + va`: the host address of a TLB hit.
    fn host_addr(&mut self, entry: Value, va: Value) -> Value {
        let addend = self.b.ins().load(I64, core_flags(), entry, ADDEND_OFF);
        self.b.ins().iadd(addend, va)
    }

    pub(super) fn load(&mut self, i: &Inst, at: At) {
        use Op::*;
        let (size, ty) = match i.op {
            Lb | Lbu => (1i64, I8),
            Lh | Lhu => (2, I16),
            Lw | Lwu => (4, I32),
            _ => (8, I64),
        };
        let f = self.env.load[size.trailing_zeros() as usize];
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
        let host = self.host_addr(entry, va);
        // Zero-extended here, sign-extended below as the instruction wants.
        let v = match ty {
            I64 => self.b.ins().load(I64, ram_flags(), host, 0),
            I32 => self.b.ins().uload32(ram_flags(), host, 0),
            I16 => self.b.ins().uload16(I64, ram_flags(), host, 0),
            _ => self.b.ins().uload8(I64, ram_flags(), host, 0),
        };
        self.b.ins().jump(join, &[v.into()]);

        self.b.switch_to_block(slow);
        self.store_dirty();
        let out = self.b.ins().stack_addr(self.ptr, self.scratch, 0);
        let callee = self.b.ins().iconst(self.ptr, f as i64);
        let pc = self.pc_of(at.pa);
        let rl = self.retired_len(at);
        self.b
            .ins()
            .call_indirect(self.sigs.load, callee, &[self.core, va, out, pc, rl]);
        self.leave_unless_go_on();
        let v = self.b.ins().stack_load(self.ptr, I64, self.scratch, 0);
        self.b.ins().jump(join, &[v.into()]);

        self.b.switch_to_block(join);
        let v = self.b.block_params(join)[0];
        let v = match i.op {
            Lb => self.sext_from(v, I8),
            Lh => self.sext_from(v, I16),
            Lw => self.sext_from(v, I32),
            _ => v,
        };
        self.set_x(i.rd, v);
    }

    pub(super) fn store(&mut self, i: &Inst, at: At) {
        let (size, ty) = match i.op {
            Op::Sb => (1i64, I8),
            Op::Sh => (2, I16),
            Op::Sw => (4, I32),
            _ => (8, I64),
        };
        let f = self.env.store[size.trailing_zeros() as usize];
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
        let host = self.host_addr(entry, va);
        let narrow = if ty == I64 {
            v
        } else {
            self.b.ins().ireduce(ty, v)
        };
        self.b.ins().store(ram_flags(), narrow, host, 0);
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(slow);
        self.store_dirty();
        let callee = self.b.ins().iconst(self.ptr, f as i64);
        let pc = self.pc_of(at.pa);
        let rl = self.retired_len(at);
        self.b
            .ins()
            .call_indirect(self.sigs.store, callee, &[self.core, va, v, pc, rl]);
        self.leave_unless_go_on();
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(join);
    }
}
