//! Regions for the JIT: a hot block and the blocks it reaches through direct jumps and
//! branches without leaving its 4 KiB page.
//!
//! Staying on one page keeps a region correct under any mapping: every block of it is
//! at the same offset from the entry in virtual and in physical memory, so the code can
//! follow direct jumps between its blocks without translating addresses, and the page's
//! watch (see [`crate::cache`]) drops the whole region when any of its code is written.

use std::collections::HashSet;

use emu_core::PAGE_SIZE;

use crate::cache::BlockCache;
use crate::compiled::{RegionBlock, RegionSpec, Ticket};
use crate::inst::{Inst, Op};

/// Most blocks in a region.
pub const MAX_REGION_BLOCKS: usize = 16;
/// Most instructions in a region (Cranelift's compile time grows faster than the size).
pub const MAX_REGION_INSTS: usize = 160;

/// How a block ends, as far as the code can tell without running it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockEnd {
    /// A conditional branch: the physical addresses of the taken target and of the
    /// next instruction.
    Branch {
        /// Where a taken branch goes.
        taken: u64,
        /// The next instruction.
        fallthrough: u64,
    },
    /// `jal` to this physical address.
    Jump(u64),
    /// `jalr`: the target is computed.
    Indirect,
    /// An instruction that changes state translations or privilege depend on (CSR,
    /// fences, xRET, WFI, ecall, ...): the engine leaves its code after it.
    Stop,
    /// No control transfer (the block reached the page end or its length limit): it
    /// continues at this physical address.
    Next(u64),
}

impl BlockEnd {
    /// How the block of `insts` at physical address `pa` ends.
    pub fn of(pa: u64, insts: &[Inst]) -> BlockEnd {
        let Some(last) = insts.last() else {
            return BlockEnd::Next(pa);
        };
        let before: u64 = insts[..insts.len() - 1].iter().map(|i| i.len as u64).sum();
        let at = pa.wrapping_add(before);
        let next = at.wrapping_add(last.len as u64);
        let target = at.wrapping_add(last.imm as i64 as u64);
        use Op::*;
        match last.op {
            Beq | Bne | Blt | Bge | Bltu | Bgeu => BlockEnd::Branch {
                taken: target,
                fallthrough: next,
            },
            Jal => BlockEnd::Jump(target),
            Jalr => BlockEnd::Indirect,
            op if op.ends_block() => BlockEnd::Stop,
            _ => BlockEnd::Next(next),
        }
    }

    /// The physical addresses the block may continue at that are known statically.
    pub fn successors(self) -> [Option<u64>; 2] {
        match self {
            BlockEnd::Branch { taken, fallthrough } => [Some(taken), Some(fallthrough)],
            BlockEnd::Jump(t) | BlockEnd::Next(t) => [Some(t), None],
            BlockEnd::Indirect | BlockEnd::Stop => [None, None],
        }
    }
}

/// Whether physical addresses `a` and `b` are on the same page.
pub fn same_page(a: u64, b: u64) -> bool {
    a & !(PAGE_SIZE - 1) == b & !(PAGE_SIZE - 1)
}

impl BlockCache {
    /// The region starting at block `b`: `b`, then (breadth first) the cached blocks its
    /// blocks branch or jump to on the same page that ran at least `min_runs` times (or
    /// are compiled), up to [`MAX_REGION_BLOCKS`] blocks and [`MAX_REGION_INSTS`]
    /// instructions.
    pub fn region_from(&self, b: u32, min_runs: u32) -> RegionSpec {
        let entry = self.block(b);
        let mut blocks = vec![RegionBlock {
            pa: entry.pa,
            insts: entry.insts.to_vec(),
        }];
        let mut seen = HashSet::from([entry.pa]);
        let mut insts = entry.insts.len();
        let mut next = 0;
        while next < blocks.len() && blocks.len() < MAX_REGION_BLOCKS {
            let end = BlockEnd::of(blocks[next].pa, &blocks[next].insts);
            next += 1;
            for pa in end.successors().into_iter().flatten() {
                if !same_page(pa, entry.pa) || seen.contains(&pa) {
                    continue;
                }
                let Some(i) = self.block_at(pa) else {
                    continue;
                };
                let blk = self.block(i);
                let hot = blk.runs >= min_runs || blk.queued || blk.compiled.is_some();
                if !hot
                    || blocks.len() >= MAX_REGION_BLOCKS
                    || insts + blk.insts.len() > MAX_REGION_INSTS
                {
                    continue;
                }
                seen.insert(pa);
                insts += blk.insts.len();
                blocks.push(RegionBlock {
                    pa,
                    insts: blk.insts.to_vec(),
                });
            }
        }
        RegionSpec {
            ticket: Ticket {
                index: b,
                id: entry.id,
            },
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode;

    fn insts(words: &[u32]) -> Vec<Inst> {
        words.iter().map(|&w| decode(w)).collect()
    }

    #[test]
    fn block_ends() {
        // addi; beq x0, x0, -4
        let b = insts(&[0x0000_0013, 0xfe00_0ee3]);
        assert_eq!(
            BlockEnd::of(0x8000_1000, &b),
            BlockEnd::Branch {
                taken: 0x8000_1000,
                fallthrough: 0x8000_1008
            }
        );
        // jal x0, +16
        assert_eq!(
            BlockEnd::of(0x8000_1000, &insts(&[0x0100_006f])),
            BlockEnd::Jump(0x8000_1010)
        );
        // jalr x0, 0(x1)
        assert_eq!(
            BlockEnd::of(0x8000_1000, &insts(&[0x0000_8067])),
            BlockEnd::Indirect
        );
        // csrr a0, mstatus
        assert_eq!(
            BlockEnd::of(0x8000_1000, &insts(&[0x3000_2573])),
            BlockEnd::Stop
        );
        // two addi, no transfer
        assert_eq!(
            BlockEnd::of(0x8000_1ff8, &insts(&[0x13, 0x13])),
            BlockEnd::Next(0x8000_2000)
        );
        assert!(same_page(0x8000_1000, 0x8000_1ffe));
        assert!(!same_page(0x8000_1000, 0x8000_2000));
    }
}
