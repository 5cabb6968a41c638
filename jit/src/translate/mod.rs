//! Regions to Cranelift IR.
//!
//! One function per region. Guest registers the region uses are Cranelift
//! [`Variable`]s: loaded from [`HartCore`] on entry and kept in host registers through
//! the region's blocks and loops. Registers a guest block writes are stored back at the
//! block's end, so `HartCore` is current at every block boundary and exits there need
//! no write-back; an exit inside a block (a trap, an early end) stores the few
//! registers written since the block began. Each guest block of the region is one IR block
//! that first looks at `irq_dirty` and the budget (the interpreter's block-boundary
//! checks), then runs its instructions; direct jumps and branches to other blocks of the
//! region are IR jumps, every other way out goes through one of two shared exits: a
//! plain return to the hart, or a look-up of the next pc in the engine's table of
//! published entries and a tail call to the code found there.

mod alu;
mod atomic;
mod mem;

use std::collections::HashMap;
use std::mem::offset_of;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{
    AbiParam, Block, Function, InstBuilder, MemFlagsData, SigRef, Signature, StackSlot,
    StackSlotData, StackSlotKind, Type, Value,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use frontend_riscv::compiled::RegionSpec;
use frontend_riscv::region::{same_page, BlockEnd};
use frontend_riscv::{HartCore, Inst, Op};

use crate::lookup;
#[allow(unused_imports)] // for the documentation
use crate::lookup::LookupTable;

pub use alu::supported_alu;

/// Offset of `x[0]` in [`HartCore`].
const X_OFF: i32 = offset_of!(HartCore, x) as i32;
/// Offset of `pc`.
const PC_OFF: i32 = offset_of!(HartCore, pc) as i32;
/// Offset of `jit_result` (helpers' results).
const JIT_RESULT_OFF: i32 = offset_of!(HartCore, jit_result) as i32;
/// Offset of `jit_retired_base`.
const RETIRED_BASE_OFF: i32 = offset_of!(HartCore, jit_retired_base) as i32;
/// Offset of `atomic_grace_end`.
const ATOMIC_GRACE_END_OFF: i32 = offset_of!(HartCore, atomic_grace_end) as i32;
/// Offset of `jit_budget`.
const BUDGET_OFF: i32 = offset_of!(HartCore, jit_budget) as i32;
/// Offset of `fetch_tlb` (a `usize`: which lookup table applies).
const FETCH_TLB_OFF: i32 = offset_of!(HartCore, fetch_tlb) as i32;
const _: () = assert!(std::mem::size_of::<bool>() == 1 && std::mem::size_of::<usize>() == 8);

/// Whether the translator turns `op` into IR itself (the others call the interpreter).
pub fn supported(op: Op) -> bool {
    use Op::*;
    supported_alu(op)
        || atomic::is_amo(op)
        || matches!(
            op,
            Jal | Jalr
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
                | Flw
                | Fld
                | Fsw
                | Fsd
                | Fence
        )
}

/// Addresses compiled code uses: the engine's table of published entries and the
/// helpers' thunks (see [`crate::compiler::Compiler::thunk`]).
#[derive(Debug, Clone, Copy)]
pub struct CodeEnv {
    /// [`LookupTable::base`].
    pub lookup_base: u64,
    /// Thunks of `helpers::load1`, `load2`, `load4`, `load8`.
    pub load: [u64; 4],
    /// Thunks of `helpers::store1`, `store2`, `store4`, `store8`.
    pub store: [u64; 4],
    /// Thunk of `helpers::interpret`.
    pub interpret: u64,
}

/// The convention compiled code calls helpers with: through thunks that save every
/// register, so that the guest registers a region keeps in host registers need not be
/// saved around calls that (on slow paths) may happen.
pub const HELPER_CALL_CONV: CallConv = CallConv::PreserveAll;

/// The calling convention of compiled regions (they tail-call each other).
pub const REGION_CALL_CONV: CallConv = CallConv::Tail;

/// The signature of a compiled region: `(core, retired) -> retired | flags`.
pub fn region_signature(ptr: Type) -> Signature {
    let mut s = Signature::new(REGION_CALL_CONV);
    s.params.extend([AbiParam::new(ptr), AbiParam::new(I64)]);
    s.returns.push(AbiParam::new(I64));
    s
}

/// Memory flags for `HartCore` fields: aligned, inside the struct the hart passed.
fn core_flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Signatures of the helpers compiled code calls.
struct Sigs {
    load: SigRef,
    store: SigRef,
    interp: SigRef,
    region: SigRef,
}

/// The state of translating one region.
struct Translator<'a> {
    b: FunctionBuilder<'a>,
    ptr: Type,
    core: Value,
    /// Physical address of the entry block: pcs are `core.pc + (pa - entry_pa)`
    /// (`core.pc` keeps the entry's pc while the region runs; exits set it).
    entry_pa: u64,
    /// `core.jit_budget`, or 0 once a helper set `irq_dirty`.
    limit: Variable,
    /// The data TLB (see [`mem::data_tlb`]).
    data_tlb: Value,
    /// Instructions retired since the hart entered compiled code.
    retired: Variable,
    /// Guest registers kept in host registers through the whole region (the most used
    /// ones); the others are loaded when a block first reads them.
    regs: [Option<Variable>; 32],
    /// The current values of the other registers the current block has read or
    /// written.
    local: [Option<Value>; 32],
    /// Guest registers written since the current block began and not stored yet.
    dirty: u32,
    /// The IR block of each guest block, by physical address.
    heads: HashMap<u64, Block>,
    /// Shared exit: `(pc, result)`, sets the pc and returns `result`.
    plain_exit: Block,
    /// Shared exit: `(result)`, returns a helper's result (the helper set the pc).
    helper_exit: Block,
    /// Shared exit: `(pc, retired)`, writes back and continues at `pc` through the
    /// lookup table, or returns `retired`.
    lookup_exit: Block,
    /// An 8-byte stack slot for helpers' out-parameters.
    scratch: StackSlot,
    sigs: Sigs,
    env: CodeEnv,
}

/// Where an instruction is: its block and position, for exits.
#[derive(Clone, Copy)]
struct At {
    /// Index of the instruction in its block.
    index: usize,
    /// Physical address of the instruction.
    pa: u64,
    /// Length of the instruction.
    len: u8,
}

impl Translator<'_> {
    /// The value of guest register `r`.
    fn x(&mut self, r: u8) -> Value {
        let r = r & 31;
        if r == 0 {
            return self.b.ins().iconst(I64, 0);
        }
        if let Some(v) = self.regs[r as usize] {
            return self.b.use_var(v);
        }
        if let Some(v) = self.local[r as usize] {
            return v;
        }
        // `HartCore` is current at block boundaries and for what the block has not
        // written.
        let v = self
            .b
            .ins()
            .load(I64, core_flags(), self.core, X_OFF + 8 * r as i32);
        self.local[r as usize] = Some(v);
        v
    }

    /// Sets guest register `r` (x0 ignores it).
    fn set_x(&mut self, r: u8, v: Value) {
        let r = r & 31;
        if r != 0 {
            match self.regs[r as usize] {
                Some(var) => self.b.def_var(var, v),
                None => self.local[r as usize] = Some(v),
            }
            self.dirty |= 1 << r;
        }
    }

    /// The virtual pc of physical address `pa` (on the region's page).
    fn pc_of(&mut self, pa: u64) -> Value {
        let pc0 = self.b.ins().load(I64, core_flags(), self.core, PC_OFF);
        self.b
            .ins()
            .iadd_imm_s(pc0, pa.wrapping_sub(self.entry_pa) as i64)
    }

    /// `retired` plus `n`.
    fn retired_plus(&mut self, n: usize) -> Value {
        let r = self.b.use_var(self.retired);
        if n == 0 {
            r
        } else {
            self.b.ins().iadd_imm_s(r, n as i64)
        }
    }

    /// After a helper call (made with `HartCore` current: see
    /// [`Translator::store_dirty`]): leaves when its result is not
    /// [`crate::helpers::GO_ON`] (the helper has set `core.pc`; the region returns the
    /// result), else goes on, with the limit the helper may have lowered (to 0 when it
    /// set `irq_dirty`: the code stops at the next block boundary).
    fn leave_unless_go_on(&mut self) {
        let result = self
            .b
            .ins()
            .load(I64, core_flags(), self.core, JIT_RESULT_OFF);
        let cont = self.b.create_block();
        self.b
            .ins()
            .brif(result, self.helper_exit, &[result.into()], cont, &[]);
        self.b.switch_to_block(cont);
        let limit = self.b.ins().load(I64, core_flags(), self.core, BUDGET_OFF);
        self.b.def_var(self.limit, limit);
    }

    /// The packed site argument of the helpers (`crate::helpers::Site`).
    fn site(&mut self, at: At) -> Value {
        let r = self.b.use_var(self.retired);
        let r = self.b.ins().ishl_imm_s(r, 11);
        self.b
            .ins()
            .bor_imm_s(r, ((at.index as i64) << 3) | at.len as i64)
    }

    /// Stores the registers written since the block began into `HartCore` (before a
    /// helper call, which may leave the code or read them).
    fn store_dirty(&mut self) {
        for r in 1..32u8 {
            if self.dirty & (1 << r) != 0 {
                let v = self.x(r);
                self.b
                    .ins()
                    .store(core_flags(), v, self.core, X_OFF + 8 * r as i32);
            }
        }
    }

    /// At the end of a block: `HartCore` becomes current.
    fn flush_dirty(&mut self) {
        self.store_dirty();
        self.dirty = 0;
    }

    /// Reloads register `r` after the interpreter wrote it (`HartCore` has it).
    fn reload_reg(&mut self, r: u8) {
        let r = r & 31;
        if r != 0 {
            let v = self
                .b
                .ins()
                .load(I64, core_flags(), self.core, X_OFF + 8 * r as i32);
            match self.regs[r as usize] {
                Some(var) => self.b.def_var(var, v),
                None => self.local[r as usize] = Some(v),
            }
            self.dirty &= !(1 << r);
        }
    }

    /// An instruction left to the interpreter (CSR, atomics, floating point, system):
    /// a call to `helpers::interpret`. Returns the next pc it gives.
    fn interpreted(&mut self, i: &Inst, at: At) -> Value {
        // The interpreter reads rs1 and rs2 from memory; rd is stored too, so that
        // reloading it afterwards is right whatever happened (a trap leaves it as it
        // was, an early end after a store to a watched page has written it).
        // `HartCore` becomes current (the helper may leave the code).
        self.flush_dirty();
        let out = self.b.ins().stack_addr(self.ptr, self.scratch, 0);
        let pc = self.pc_of(at.pa);
        let raw = self.b.ins().iconst(I64, i.raw as i64);
        let idx = self.site(at);
        let callee = self.b.ins().iconst(self.ptr, self.env.interpret as i64);
        self.b
            .ins()
            .call_indirect(self.sigs.interp, callee, &[self.core, raw, pc, idx, out]);
        if i.op.writes_int_rd() {
            self.reload_reg(i.rd);
        }
        self.leave_unless_go_on();
        self.b.ins().stack_load(self.ptr, I64, self.scratch, 0)
    }

    /// Whether the code must stop before the next block: an interrupt to look at, or
    /// the budget used up (the interpreter's block-boundary checks). `retired` is the
    /// count so far. Both are one compare: `irq_dirty` is clear when the code starts
    /// and only a helper can set it, which then drops `jit_budget` to 0
    /// ([`Translator::leave_unless_go_on`] reloads the limit).
    fn must_stop(&mut self, retired: Value) -> Value {
        let limit = self.b.use_var(self.limit);
        self.b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, retired, limit)
    }

    /// Emits guest block `pa` behind its IR head (current): the boundary checks, then
    /// the body, which the function's entry jumps to directly (the hart made the same
    /// checks before it entered, and a region continuing into this one made them at
    /// its exit).
    fn block(&mut self, pa: u64, insts: &[Inst], body: Block) {
        self.dirty = 0;
        self.local = [None; 32];
        let retired = self.b.use_var(self.retired);
        let stop = self.must_stop(retired);
        let stop_blk = self.b.create_block();
        self.b.set_cold_block(stop_blk);
        self.b.ins().brif(stop, stop_blk, &[], body, &[]);
        self.b.switch_to_block(stop_blk);
        let pc = self.pc_of(pa);
        self.b
            .ins()
            .jump(self.plain_exit, &[pc.into(), retired.into()]);
        self.b.switch_to_block(body);

        let mut a = pa;
        for (index, i) in insts.iter().enumerate() {
            let at = At {
                index,
                pa: a,
                len: i.len,
            };
            a += i.len as u64;
            let last = index + 1 == insts.len();
            if last && i.op.ends_block() {
                self.terminator(pa, insts, i, at);
                return;
            }
            if supported(i.op) {
                self.straight(i, at);
            } else {
                self.interpreted(i, at);
            }
        }
        // No control transfer: on to the next block.
        self.flush_dirty();
        let n = self.retired_plus(insts.len());
        self.b.def_var(self.retired, n);
        match BlockEnd::of(pa, insts) {
            BlockEnd::Next(next) => self.goto(next),
            _ => unreachable!("a block without a transfer continues at its end"),
        }
    }

    /// Continues at physical address `target`: inside the region if one of its blocks
    /// starts there, else through the lookup exit.
    fn goto(&mut self, target: u64) {
        if let Some(&h) = self.heads.get(&target) {
            self.b.ins().jump(h, &[]);
        } else {
            let pc = self.pc_of(target);
            let r = self.b.use_var(self.retired);
            self.b.ins().jump(self.lookup_exit, &[pc.into(), r.into()]);
        }
    }

    /// The instruction that ends the block.
    fn terminator(&mut self, pa: u64, insts: &[Inst], i: &Inst, at: At) {
        use Op::*;
        if !supported(i.op) {
            // CSR, fences, xRET, WFI, ecall...: the interpreter runs it. If it changed
            // what compiled code depends on (translations, pending interrupts, triggers)
            // the helper lowered the budget and the lookup exit returns to the hart;
            // otherwise the code goes on at the next pc (which may be in another mode:
            // each mode has its own table of entries).
            let next = self.interpreted(i, at);
            self.flush_dirty();
            self.bump_retired(insts.len());
            self.lookup(next);
            return;
        }
        let pc = self.pc_of(at.pa);
        let next = self.b.ins().iadd_imm_s(pc, at.len as i64);
        match i.op {
            Jal => {
                self.set_x(i.rd, next);
                self.flush_dirty();
                self.bump_retired(insts.len());
                match BlockEnd::of(pa, insts) {
                    BlockEnd::Jump(t) if same_page(t, self.entry_pa) => self.goto(t),
                    _ => {
                        let t = self.b.ins().iadd_imm_s(pc, i.imm as i64);
                        self.lookup(t);
                    }
                }
            }
            Jalr => {
                // Read rs1 before writing rd (they may be the same register).
                let base = self.x(i.rs1);
                let t = self.b.ins().iadd_imm_s(base, i.imm as i64);
                let t = self.b.ins().band_imm_s(t, !1);
                self.set_x(i.rd, next);
                self.flush_dirty();
                self.bump_retired(insts.len());
                self.lookup(t);
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
                self.flush_dirty();
                self.bump_retired(insts.len());
                let BlockEnd::Branch {
                    taken: t,
                    fallthrough: f,
                } = BlockEnd::of(pa, insts)
                else {
                    unreachable!("a branch ends in a branch")
                };
                let yes = self.b.create_block();
                let no = self.b.create_block();
                self.b.ins().brif(taken, yes, &[], no, &[]);
                for (blk, target) in [(yes, t), (no, f)] {
                    self.b.switch_to_block(blk);
                    if same_page(target, self.entry_pa) {
                        self.goto(target);
                    } else {
                        let pc = self.pc_of(target);
                        self.lookup(pc);
                    }
                }
            }
        }
    }

    fn bump_retired(&mut self, n: usize) {
        let v = self.retired_plus(n);
        self.b.def_var(self.retired, v);
    }

    /// Leaves for the computed pc `target` through the lookup exit.
    fn lookup(&mut self, target: Value) {
        let r = self.b.use_var(self.retired);
        self.b
            .ins()
            .jump(self.lookup_exit, &[target.into(), r.into()]);
    }

    /// Emits the two shared exits (`HartCore` is current when code arrives there).
    fn exits(&mut self) {
        self.b.switch_to_block(self.helper_exit);
        let result = self.b.block_params(self.helper_exit)[0];
        self.b.ins().return_(&[result]);

        // Plain: write back, pc, return.
        self.b.switch_to_block(self.plain_exit);
        let pc = self.b.block_params(self.plain_exit)[0];
        let result = self.b.block_params(self.plain_exit)[1];
        self.b.ins().store(core_flags(), pc, self.core, PC_OFF);
        self.b.ins().return_(&[result]);

        // Lookup: write back, pc, then the published entry for (pc, fetch TLB).
        self.b.switch_to_block(self.lookup_exit);
        let pc = self.b.block_params(self.lookup_exit)[0];
        let retired = self.b.block_params(self.lookup_exit)[1];
        self.b.ins().store(core_flags(), pc, self.core, PC_OFF);
        // The next region starts without checks: make them here.
        let stop = self.must_stop(retired);
        let probe = self.b.create_block();
        let back = self.b.create_block();
        self.b.ins().brif(stop, back, &[], probe, &[]);
        self.b.switch_to_block(probe);
        let mode = self
            .b
            .ins()
            .load(I64, core_flags(), self.core, FETCH_TLB_OFF);
        let table = self.b.ins().imul_imm_s(mode, lookup::TABLE_BYTES);
        let table = self.b.ins().iadd_imm_s(table, self.env.lookup_base as i64);
        let slot = self.b.ins().ushr_imm_s(pc, 1);
        let slot = self.b.ins().band_imm_s(slot, lookup::ENTRIES as i64 - 1);
        let slot = self.b.ins().ishl_imm_s(slot, 4);
        let entry = self.b.ins().iadd(table, slot);
        let key = self.b.ins().load(I64, core_flags(), entry, 0);
        let hit = self.b.ins().icmp(IntCC::Equal, key, pc);
        let go = self.b.create_block();
        self.b.ins().brif(hit, go, &[], back, &[]);
        self.b.switch_to_block(go);
        let code = self
            .b
            .ins()
            .load(self.ptr, core_flags(), entry, lookup::CODE_OFF);
        self.b
            .ins()
            .return_call_indirect(self.sigs.region, code, &[self.core, retired]);
        self.b.switch_to_block(back);
        self.b.ins().return_(&[retired]);
    }
}

/// A helper thunk's signature: no result (it is left in `HartCore::jit_result`).
fn signature(call_conv: CallConv, params: &[Type]) -> Signature {
    let mut s = Signature::new(call_conv);
    s.params.extend(params.iter().map(|&t| AbiParam::new(t)));
    s
}

/// Guest registers kept in host registers through a region, at most (x86-64 has 15
/// general registers; the region itself keeps a few values in them too).
fn promoted_max() -> usize {
    std::env::var("GASANG_JIT_PROMOTE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6)
}

/// The guest registers the region uses most (each read or write counts once), at most
/// [`promoted_max`] of them: those are kept in host registers throughout.
fn promoted(spec: &RegionSpec) -> u32 {
    let mut count = [0u32; 32];
    for i in spec.blocks.iter().flat_map(|b| b.insts.iter()) {
        let (r1, r2) = i.op.int_sources();
        count[(i.rs1 & 31) as usize] += r1 as u32;
        count[(i.rs2 & 31) as usize] += r2 as u32;
        if i.op.writes_int_rd() {
            count[(i.rd & 31) as usize] += 1;
        }
    }
    count[0] = 0;
    let mut order: Vec<usize> = (1..32).filter(|&r| count[r] > 0).collect();
    order.sort_by_key(|&r| std::cmp::Reverse(count[r]));
    order
        .into_iter()
        .take(promoted_max())
        .fold(0, |m, r| m | 1 << r)
}

/// Builds `func` for `spec`. `func`'s signature must be [`region_signature`];
/// `env` has the addresses it calls and reads.
pub fn translate(
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
    config: TargetFrontendConfig,
    spec: &RegionSpec,
    env: &CodeEnv,
) {
    let ptr = config.pointer_type();
    let c = HELPER_CALL_CONV;
    let mut b = FunctionBuilder::new(func, fctx);
    let sigs = Sigs {
        load: b.import_signature(signature(c, &[ptr, I64, ptr, I64, I64])),
        store: b.import_signature(signature(c, &[ptr, I64, I64, I64, I64])),
        interp: b.import_signature(signature(c, &[ptr, I64, I64, I64, ptr])),
        region: b.import_signature(region_signature(ptr)),
    };
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let (core, retired0) = (b.block_params(entry)[0], b.block_params(entry)[1]);
    // 0 when an interrupt may be pending (see `Engine::enter`): the first block runs and
    // the code stops before the next, as the interpreter does.
    let budget = b.ins().load(I64, core_flags(), core, BUDGET_OFF);
    let limit = b.declare_var(I64);
    b.def_var(limit, budget);
    let data_tlb = mem::data_tlb(&mut b, core);
    let retired = b.declare_var(I64);
    b.def_var(retired, retired0);
    let used = promoted(spec);
    let mut regs = [None; 32];
    for (r, slot) in regs.iter_mut().enumerate().skip(1) {
        if used & (1 << r) != 0 {
            let var = b.declare_var(I64);
            let v = b.ins().load(I64, core_flags(), core, X_OFF + 8 * r as i32);
            b.def_var(var, v);
            *slot = Some(var);
        }
    }
    let heads: HashMap<u64, Block> = spec
        .blocks
        .iter()
        .map(|blk| (blk.pa, b.create_block()))
        .collect();
    let plain_exit = b.create_block();
    b.append_block_param(plain_exit, I64);
    b.append_block_param(plain_exit, I64);
    let lookup_exit = b.create_block();
    b.append_block_param(lookup_exit, I64);
    b.append_block_param(lookup_exit, I64);
    let helper_exit = b.create_block();
    b.set_cold_block(helper_exit);
    b.append_block_param(helper_exit, I64);
    let scratch = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
    let bodies: Vec<Block> = spec.blocks.iter().map(|_| b.create_block()).collect();
    b.ins().jump(bodies[0], &[]);
    let mut t = Translator {
        b,
        ptr,
        core,
        entry_pa: spec.blocks[0].pa,
        limit,
        data_tlb,
        retired,
        regs,
        local: [None; 32],
        dirty: 0,
        heads,
        plain_exit,
        helper_exit,
        lookup_exit,
        scratch,
        sigs,
        env: *env,
    };
    for (blk, &body) in spec.blocks.iter().zip(&bodies) {
        let h = t.heads[&blk.pa];
        t.b.switch_to_block(h);
        t.block(blk.pa, &blk.insts, body);
    }
    t.exits();
    t.b.seal_all_blocks();
    t.b.finalize(config);
}
