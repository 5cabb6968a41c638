//! Loads and stores: the TLB hit path inline (a tag compare and an add, as in the
//! interpreter), a helper call otherwise (page walk, MMIO, watched pages, faults).

use std::mem::offset_of;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::{I16, I32, I64, I8};
use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value};
use frontend_riscv::csr::mstatus;
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
/// Offset of `mstatus`.
const MSTATUS_OFF: i32 = offset_of!(HartCore, mstatus) as i32;
/// Offset of `f[0]`.
const F_OFF: i32 = offset_of!(HartCore, f) as i32;
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

    /// [`Translator::tlb_hit`] for a write.
    pub(super) fn tlb_hit_write(&mut self, va: Value, size: i64) -> (Value, Value) {
        self.tlb_hit(va, size, TAG_W_OFF)
    }

    /// [`Translator::host_addr`], for other modules.
    pub(super) fn tlb_host_addr(&mut self, entry: Value, va: Value) -> Value {
        self.host_addr(entry, va)
    }

    /// `addend + va`: the host address of a TLB hit.
    fn host_addr(&mut self, entry: Value, va: Value) -> Value {
        let addend = self.b.ins().load(I64, core_flags(), entry, ADDEND_OFF);
        self.b.ins().iadd(addend, va)
    }

    /// Loads `size` bytes at `va` (zero-extended): the TLB hit inline, the load helper
    /// otherwise (which may leave the code with a fault).
    fn load_value(&mut self, va: Value, size: i64, at: At) -> Value {
        let ty = mem_type(size);
        let f = self.env.load[size.trailing_zeros() as usize];
        let (entry, hit) = self.tlb_hit(va, size, TAG_R_OFF);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        self.b.set_cold_block(slow);
        self.b.ins().brif(hit, fast, &[], slow, &[]);

        self.b.switch_to_block(fast);
        let host = self.host_addr(entry, va);
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
        let rl = self.site(at);
        self.b
            .ins()
            .call_indirect(self.sigs.load, callee, &[self.core, va, out, pc, rl]);
        self.leave_unless_go_on();
        let v = self.b.ins().stack_load(self.ptr, I64, self.scratch, 0);
        self.b.ins().jump(join, &[v.into()]);

        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// Stores the low `size` bytes of `v` at `va`: the TLB hit inline, the store helper
    /// otherwise (which may leave the code with a fault, or after the store when it hit
    /// a watched page).
    fn store_value(&mut self, va: Value, v: Value, size: i64, at: At) {
        let ty = mem_type(size);
        let f = self.env.store[size.trailing_zeros() as usize];
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
        let rl = self.site(at);
        self.b
            .ins()
            .call_indirect(self.sigs.store, callee, &[self.core, va, v, pc, rl]);
        self.leave_unless_go_on();
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(join);
    }

    /// The effective address `rs1 + imm`.
    fn address(&mut self, i: &Inst) -> Value {
        let base = self.x(i.rs1);
        self.b.ins().iadd_imm_s(base, i.imm as i64)
    }

    pub(super) fn load(&mut self, i: &Inst, at: At) {
        use Op::*;
        let size = match i.op {
            Lb | Lbu => 1,
            Lh | Lhu => 2,
            Lw | Lwu => 4,
            _ => 8,
        };
        let va = self.address(i);
        let v = self.load_value(va, size, at);
        let v = match i.op {
            Lb => self.sext_from(v, I8),
            Lh => self.sext_from(v, I16),
            Lw => self.sext_from(v, I32),
            _ => v,
        };
        self.set_x(i.rd, v);
    }

    pub(super) fn store(&mut self, i: &Inst, at: At) {
        let size = match i.op {
            Op::Sb => 1,
            Op::Sh => 2,
            Op::Sw => 4,
            _ => 8,
        };
        let va = self.address(i);
        let v = self.x(i.rs2);
        self.store_value(va, v, size, at);
    }

    /// `flw`, `fld`, `fsw`, `fsd` (F/D spec: the f registers live in `HartCore`). With
    /// `mstatus.FS` off they are illegal: the interpreter raises that.
    pub(super) fn fp_memory(&mut self, i: &Inst, at: At) {
        let mstatus = self.b.ins().load(I64, core_flags(), self.core, MSTATUS_OFF);
        let fs = self.b.ins().band_imm_s(mstatus, mstatus::FS as i64);
        let on = self.b.create_block();
        let off = self.b.create_block();
        let join = self.b.create_block();
        self.b.set_cold_block(off);
        self.b.ins().brif(fs, on, &[], off, &[]);

        // Off: the interpreter's illegal-instruction trap (it leaves the code). Both
        // paths continue with the same registers unstored.
        self.b.switch_to_block(off);
        let (dirty, local) = (self.dirty, self.local);
        self.interpreted(i, at);
        (self.dirty, self.local) = (dirty, local);
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(on);
        let va = self.address(i);
        let f_off = |r: u8| F_OFF + 8 * (r & 31) as i32;
        match i.op {
            Op::Flw | Op::Fld => {
                let size = if i.op == Op::Flw { 4 } else { 8 };
                let v = self.load_value(va, size, at);
                // A single is NaN-boxed (upper 32 bits all ones).
                let v = if size == 4 {
                    self.b.ins().bor_imm_s(v, 0xffff_ffff_0000_0000u64 as i64)
                } else {
                    v
                };
                self.b.ins().store(core_flags(), v, self.core, f_off(i.rd));
                // Writing an f register makes the F state dirty (priv spec 3.1.6.6).
                let mstatus = self.b.ins().load(I64, core_flags(), self.core, MSTATUS_OFF);
                let dirty = self.b.ins().bor_imm_s(mstatus, mstatus::FS as i64);
                self.b
                    .ins()
                    .store(core_flags(), dirty, self.core, MSTATUS_OFF);
            }
            _ => {
                let size = if i.op == Op::Fsw { 4 } else { 8 };
                let v = self
                    .b
                    .ins()
                    .load(I64, core_flags(), self.core, f_off(i.rs2));
                self.store_value(va, v, size, at);
            }
        }
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
        // Values first read inside one path do not reach the join.
        self.local = local;
    }
}

/// The Cranelift type of a `size`-byte access.
fn mem_type(size: i64) -> cranelift_codegen::ir::Type {
    match size {
        1 => I8,
        2 => I16,
        4 => I32,
        _ => I64,
    }
}
