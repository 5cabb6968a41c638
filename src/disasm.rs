//! Disassembly for traces, through capstone (RV64 with the C extension).

use capstone::arch::riscv::{ArchExtraMode, ArchMode};
use capstone::arch::BuildsCapstone;
use capstone::arch::BuildsCapstoneExtraMode;
use capstone::Capstone;

/// A RISC-V disassembler.
pub struct Disassembler {
    cs: Capstone,
}

impl std::fmt::Debug for Disassembler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Disassembler")
    }
}

impl Disassembler {
    /// A disassembler for RV64GC.
    pub fn new() -> Result<Self, String> {
        let cs = Capstone::new()
            .riscv()
            .mode(ArchMode::RiscV64)
            .extra_mode([ArchExtraMode::RiscVC].iter().copied())
            .build()
            .map_err(|e| format!("cannot start capstone: {e}"))?;
        Ok(Disassembler { cs })
    }

    /// Text of the instruction with raw bits `raw` (`len` = 2 or 4 bytes) at `pc`, or
    /// `None` if capstone does not know it.
    pub fn disassemble(&self, raw: u32, len: u8, pc: u64) -> Option<String> {
        let bytes = raw.to_le_bytes();
        let insns = self.cs.disasm_count(&bytes[..len as usize], pc, 1).ok()?;
        let i = insns.iter().next()?;
        if i.len() != len as usize {
            return None;
        }
        let m = i.mnemonic().unwrap_or("?");
        Some(match i.op_str() {
            Some(ops) if !ops.is_empty() => format!("{m} {ops}"),
            _ => m.to_string(),
        })
    }
}
