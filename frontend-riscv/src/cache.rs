//! The decoded-block cache: guest code decoded once, keyed by physical address, and a
//! small direct-mapped "jump cache" from (virtual pc, fetch privilege) to block.
//!
//! A block is a run of instructions on one page ending at the first instruction that
//! ends a block ([`Op::ends_block`]), at the page end, or at [`MAX_BLOCK_INSTS`].
//! Pages holding cached code are watched in [`GuestRam`]: any write to them (by a hart or
//! by DMA) queues the page, and the hart drops its blocks at the next block boundary.
//! That keeps the cache coherent without relying on `fence.i`.

use std::collections::HashMap;

use emu_core::{Bus, GuestRam, PageWatch, PAGE_SIZE};

use crate::compiled::Code;
use crate::decode::decode;
use crate::hart::HartCore;
use crate::inst::{inst_len, Inst};
use crate::trace::TRACE_IN_ASM;
use crate::trap::Exception;

/// Longest block, in instructions.
pub const MAX_BLOCK_INSTS: usize = 64;

/// Entries in the jump cache.
const JUMP_ENTRIES: usize = 4096;

/// A decoded block.
#[derive(Debug)]
pub struct Block {
    /// Physical address of the first instruction.
    pub pa: u64,
    /// Unique among all blocks this cache ever built (a slot index may be reused).
    pub id: u64,
    /// The instructions, in order.
    pub insts: Box<[Inst]>,
    /// Times the interpreter ran it (counts up to the JIT's threshold).
    pub runs: u32,
    /// Whether a region starting here was handed to the JIT and is not back yet.
    pub queued: bool,
    /// Whether it was handed again, as urgent.
    pub urgent: bool,
    /// The compiled region starting here, once hot.
    pub compiled: Option<Code>,
}

#[derive(Clone, Copy)]
struct JumpEntry {
    vpc: u64,
    mode: u32,
    block: u32,
}

const JUMP_EMPTY: JumpEntry = JumpEntry {
    vpc: u64::MAX,
    mode: u32::MAX,
    block: 0,
};

/// The per-hart block cache.
pub struct BlockCache {
    blocks: Vec<Block>,
    by_pa: HashMap<u64, u32>,
    by_page: HashMap<u64, Vec<u32>>,
    jump: Box<[JumpEntry]>,
    epoch: u64,
    live: usize,
    tlb_epoch: u64,
    /// Our id for `GuestRam::take_dirty_code`.
    ram_id: usize,
    /// The id of the next block built.
    next_id: u64,
}

impl BlockCache {
    /// An empty cache for code in `ram`.
    pub fn new(ram: &GuestRam) -> Self {
        BlockCache {
            ram_id: ram.register_code_cache(),
            blocks: Vec::new(),
            by_pa: HashMap::new(),
            by_page: HashMap::new(),
            jump: vec![JUMP_EMPTY; JUMP_ENTRIES].into_boxed_slice(),
            epoch: 0,
            live: 0,
            tlb_epoch: 0,
            next_id: 0,
        }
    }
}

/// Result of looking up the block at a pc.
pub enum Lookup {
    /// A cached block (index for [`BlockCache::block`]).
    Block(u32),
    /// The code cannot be cached (not in RAM, or an instruction straddling a page):
    /// execute one instruction the slow way.
    Uncached,
}

impl BlockCache {
    /// The block with index `i`.
    #[inline(always)]
    pub fn block(&self, i: u32) -> &Block {
        &self.blocks[i as usize]
    }

    /// The block with index `i`, to update its run count and compiled code.
    #[inline(always)]
    pub fn block_mut(&mut self, i: u32) -> &mut Block {
        &mut self.blocks[i as usize]
    }

    /// The live block starting at physical address `pa`, if any.
    pub fn block_at(&self, pa: u64) -> Option<u32> {
        self.by_pa.get(&pa).copied()
    }

    /// The live block with index `index` and id `id`, if it is still there.
    pub fn live_block(&self, index: u32, id: u64) -> Option<u32> {
        let b = self.blocks.get(index as usize)?;
        (b.id == id && self.by_pa.get(&b.pa) == Some(&index)).then_some(index)
    }

    /// Forgets all compiled code (the engine is about to free it); blocks start counting
    /// towards the threshold again.
    pub fn drop_compiled(&mut self) {
        for b in &mut self.blocks {
            b.compiled = None;
            b.queued = false;
            b.urgent = false;
            b.runs = 0;
        }
    }

    /// Number of live blocks (for statistics and tests).
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether no block is cached.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Finds or builds the block at the hart's pc.
    #[inline]
    pub fn lookup(&mut self, core: &mut HartCore, bus: &mut Bus) -> Result<Lookup, Exception> {
        if core.tlb_epoch != self.tlb_epoch {
            // Translations changed: the virtual-pc jump cache is stale.
            self.tlb_epoch = core.tlb_epoch;
            self.jump.fill(JUMP_EMPTY);
        }
        let pc = core.pc;
        let mode = core.fetch_tlb as u32;
        let slot = (pc >> 1) as usize & (JUMP_ENTRIES - 1);
        let j = self.jump[slot];
        if j.vpc == pc && j.mode == mode {
            return Ok(Lookup::Block(j.block));
        }
        self.lookup_slow(core, bus, pc, mode, slot)
    }

    /// The block at the hart's pc if the jump cache has it (no decoding, no page walk).
    #[inline(always)]
    pub fn probe(&self, core: &HartCore) -> Option<u32> {
        if core.tlb_epoch != self.tlb_epoch {
            return None;
        }
        let pc = core.pc;
        let j = self.jump[(pc >> 1) as usize & (JUMP_ENTRIES - 1)];
        (j.vpc == pc && j.mode == core.fetch_tlb as u32).then_some(j.block)
    }

    #[cold]
    fn lookup_slow(
        &mut self,
        core: &mut HartCore,
        bus: &mut Bus,
        pc: u64,
        mode: u32,
        slot: usize,
    ) -> Result<Lookup, Exception> {
        let _ = bus;
        if pc & core.cpu.ialign_mask() != 0 {
            return Err(Exception::InstMisaligned(pc));
        }
        let t = core.fetch_translate(pc)?;
        let pa = t.pa;
        // Code outside RAM, or on a page PMP splits (each fetch is checked then), is not
        // cached.
        if !t.cacheable || !core.ram.contains(pa, 2) {
            return Ok(Lookup::Uncached);
        }
        let idx = match self.by_pa.get(&pa) {
            Some(&i) => i,
            None => match self.build(core, pa, pc) {
                Some(i) => i,
                None => return Ok(Lookup::Uncached),
            },
        };
        self.jump[slot] = JumpEntry {
            vpc: pc,
            mode,
            block: idx,
        };
        Ok(Lookup::Block(idx))
    }

    fn build(&mut self, core: &mut HartCore, pa: u64, vpc: u64) -> Option<u32> {
        let ram = &core.ram;
        let page = pa & !(PAGE_SIZE - 1);
        let page_end = page + PAGE_SIZE;
        let mut insts = Vec::with_capacity(16);
        let mut a = pa;
        while a + 2 <= page_end {
            let lo = ram.read(a, 2)? as u16;
            let len = inst_len(lo) as u64;
            if a + len > page_end {
                break; // straddles the page: executed uncached
            }
            let raw = if len == 4 {
                ram.read(a, 4)? as u32
            } else {
                lo as u32
            };
            // Instructions of extensions that are off decode as illegal.
            let inst = core.cpu.decodes(decode(raw));
            insts.push(inst);
            a += len;
            if inst.op.ends_block() || insts.len() >= MAX_BLOCK_INSTS {
                break;
            }
        }
        if insts.is_empty() {
            return None;
        }
        // A block ending on a page boundary without a control transfer falls through:
        // the next block is looked up normally.
        if core.trace_flags & TRACE_IN_ASM != 0 {
            if let Some(t) = &core.tracer {
                t.block_decoded(core.hartid, vpc, pa, &insts);
            }
        }
        let idx = self.blocks.len() as u32;
        self.next_id += 1;
        self.blocks.push(Block {
            pa,
            id: self.next_id,
            insts: insts.into_boxed_slice(),
            runs: 0,
            queued: false,
            urgent: false,
            compiled: None,
        });
        self.by_pa.insert(pa, idx);
        self.by_page.entry(page).or_default().push(idx);
        self.live += 1;
        if !ram.watch(page).contains(PageWatch::CODE) {
            ram.add_watch(page, PageWatch::CODE);
            core.sync_watches();
        }
        Some(idx)
    }

    /// Drops blocks on pages that were written since the last call. Returns whether
    /// anything was dropped.
    #[inline]
    pub fn sync_with_ram(&mut self, ram: &GuestRam) -> bool {
        let e = ram.code_epoch();
        if e == self.epoch {
            return false;
        }
        self.epoch = e;
        for page in ram.take_dirty_code(self.ram_id) {
            if let Some(list) = self.by_page.remove(&page) {
                for i in list {
                    let pa = self.blocks[i as usize].pa;
                    if self.by_pa.get(&pa) == Some(&i) {
                        self.by_pa.remove(&pa);
                        self.live -= 1;
                    }
                }
            }
        }
        self.jump.fill(JUMP_EMPTY);
        // Dead blocks stay in the slab until it is mostly garbage; then start afresh
        // (nothing refers to a block index across a block boundary).
        if self.blocks.len() > 4096 && self.live < self.blocks.len() / 4 {
            self.clear(ram);
        }
        true
    }

    /// Forgets every block.
    pub fn clear(&mut self, ram: &GuestRam) {
        for &page in self.by_page.keys() {
            ram.remove_watch(page, PageWatch::CODE);
        }
        self.blocks.clear();
        self.by_pa.clear();
        self.by_page.clear();
        self.jump.fill(JUMP_EMPTY);
        self.live = 0;
    }
}
