//! The RV64GC architecture as gdb sees it: register numbering, the `g` packet layout and
//! the target description XML (features `org.gnu.gdb.riscv.{cpu,fpu,csr,virtual}`).
//!
//! Register numbers follow gdb's own RISC-V numbering: x0..x31 are 0..31, pc is 32,
//! f0..f31 are 33..64, CSR `n` is `65 + n` (so fflags, frm and fcsr are 66, 67 and 68)
//! and `priv` is `65 + 4096 = 4161`. The XML gives every register its number explicitly,
//! so gdb's `p`/`P` packets use exactly these.

use std::fmt::Write;
use std::num::NonZeroUsize;
use std::sync::OnceLock;

use frontend_riscv::csr::num;
use gdbstub::arch::{Arch, RegId, Registers};

use crate::target::Register;

/// gdb's register number of the first CSR (CSR `n` is `CSR_BASE + n`).
pub const CSR_BASE: usize = 65;
/// gdb's register number of `priv`.
pub const PRIV_REGNUM: usize = CSR_BASE + 4096;

/// ABI names of x0..x31, as gdb's `64bit-cpu.xml` spells them.
pub const X_NAMES: [&str; 32] = [
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1", "a0", "a1", "a2", "a3", "a4",
    "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
    "t5", "t6",
];

/// ABI names of f0..f31, as gdb's `64bit-fpu.xml` spells them.
pub const F_NAMES: [&str; 32] = [
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2",
    "fa3", "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9",
    "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
];

/// The CSRs the `org.gnu.gdb.riscv.csr` feature lists (fflags, frm and fcsr are in the
/// FPU feature), as (name, number).
pub fn csr_list() -> Vec<(String, u16)> {
    let mut v: Vec<(String, u16)> = [
        ("mstatus", num::MSTATUS),
        ("misa", num::MISA),
        ("medeleg", num::MEDELEG),
        ("mideleg", num::MIDELEG),
        ("mie", num::MIE),
        ("mtvec", num::MTVEC),
        ("mcounteren", num::MCOUNTEREN),
        ("menvcfg", num::MENVCFG),
        ("mscratch", num::MSCRATCH),
        ("mepc", num::MEPC),
        ("mcause", num::MCAUSE),
        ("mtval", num::MTVAL),
        ("mip", num::MIP),
        ("sstatus", num::SSTATUS),
        ("sie", num::SIE),
        ("stvec", num::STVEC),
        ("scounteren", num::SCOUNTEREN),
        ("senvcfg", num::SENVCFG),
        ("sscratch", num::SSCRATCH),
        ("sepc", num::SEPC),
        ("scause", num::SCAUSE),
        ("stval", num::STVAL),
        ("sip", num::SIP),
        ("satp", num::SATP),
        ("stimecmp", num::STIMECMP),
        ("cycle", num::CYCLE),
        ("time", num::TIME),
        ("instret", num::INSTRET),
        ("mcycle", num::MCYCLE),
        ("minstret", num::MINSTRET),
        ("mhartid", num::MHARTID),
        ("mvendorid", num::MVENDORID),
        ("marchid", num::MARCHID),
        ("mimpid", num::MIMPID),
        ("pmpcfg0", num::PMPCFG0),
        ("pmpcfg2", num::PMPCFG0 + 2),
    ]
    .iter()
    .map(|&(n, c)| (n.to_string(), c))
    .collect();
    for i in 0..16u16 {
        v.push((format!("pmpaddr{i}"), num::PMPADDR0 + i));
    }
    v
}

/// Builds the target description XML (done once; see [`Rv64Gc::target_description_xml`]).
fn build_xml() -> String {
    let mut s = String::new();
    s.push_str(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n<architecture>riscv:rv64</architecture>\n",
    );
    s.push_str("<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
    for (i, name) in X_NAMES.iter().enumerate() {
        let ty = match i {
            1 => "code_ptr",
            2..=4 => "data_ptr",
            _ => "int",
        };
        let _ = writeln!(
            s,
            "<reg name=\"{name}\" bitsize=\"64\" type=\"{ty}\" regnum=\"{i}\"/>"
        );
    }
    s.push_str("<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\" regnum=\"32\"/>\n</feature>\n");
    s.push_str("<feature name=\"org.gnu.gdb.riscv.fpu\">\n<union id=\"riscv_double\">\n<field name=\"float\" type=\"ieee_single\"/>\n<field name=\"double\" type=\"ieee_double\"/>\n</union>\n");
    for (i, name) in F_NAMES.iter().enumerate() {
        let _ = writeln!(
            s,
            "<reg name=\"{name}\" bitsize=\"64\" type=\"riscv_double\" regnum=\"{}\"/>",
            33 + i
        );
    }
    for (name, csr) in [
        ("fflags", num::FFLAGS),
        ("frm", num::FRM),
        ("fcsr", num::FCSR),
    ] {
        let _ = writeln!(
            s,
            "<reg name=\"{name}\" bitsize=\"32\" type=\"int\" regnum=\"{}\"/>",
            CSR_BASE + csr as usize
        );
    }
    s.push_str("</feature>\n<feature name=\"org.gnu.gdb.riscv.csr\">\n");
    for (name, csr) in csr_list() {
        let _ = writeln!(
            s,
            "<reg name=\"{name}\" bitsize=\"64\" type=\"int\" regnum=\"{}\" save-restore=\"no\" group=\"csr\"/>",
            CSR_BASE + csr as usize
        );
    }
    s.push_str("</feature>\n<feature name=\"org.gnu.gdb.riscv.virtual\">\n");
    let _ = writeln!(
        s,
        "<reg name=\"priv\" bitsize=\"64\" type=\"int\" regnum=\"{PRIV_REGNUM}\" save-restore=\"no\" group=\"general\"/>"
    );
    s.push_str("</feature>\n</target>\n");
    s
}

/// The register set of the `g`/`G` packets: x0..x31, pc, f0..f31. Everything else (the
/// FP CSRs, the CSRs, `priv`) is read with `p` packets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rv64Regs {
    /// x0..x31.
    pub x: [u64; 32],
    /// The program counter.
    pub pc: u64,
    /// f0..f31; `None` when the target has no FPU state to show.
    pub f: [Option<u64>; 32],
}

impl Registers for Rv64Regs {
    type ProgramCounter = u64;

    fn pc(&self) -> u64 {
        self.pc
    }

    fn gdb_serialize(&self, mut write_byte: impl FnMut(Option<u8>)) {
        for v in self.x.iter().chain(std::iter::once(&self.pc)) {
            v.to_le_bytes()
                .into_iter()
                .for_each(|b| write_byte(Some(b)));
        }
        for f in &self.f {
            match f {
                Some(v) => v
                    .to_le_bytes()
                    .into_iter()
                    .for_each(|b| write_byte(Some(b))),
                None => (0..8).for_each(|_| write_byte(None)),
            }
        }
    }

    fn gdb_deserialize(&mut self, bytes: &[u8]) -> Result<(), ()> {
        if bytes.len() < 33 * 8 {
            return Err(());
        }
        let mut words = bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()));
        for x in self.x.iter_mut() {
            *x = words.next().ok_or(())?;
        }
        self.pc = words.next().ok_or(())?;
        for f in self.f.iter_mut() {
            *f = words.next();
        }
        Ok(())
    }
}

/// A register number from a `p`/`P` packet, decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rv64RegId(pub Register);

impl RegId for Rv64RegId {
    fn from_raw_id(id: usize) -> Option<(Self, Option<NonZeroUsize>)> {
        let (reg, size) = match id {
            0..=31 => (Register::X(id as u8), 8),
            32 => (Register::Pc, 8),
            33..=64 => (Register::F((id - 33) as u8), 8),
            66..=68 => (Register::Csr((id - CSR_BASE) as u16), 4),
            65..=4160 => (Register::Csr((id - CSR_BASE) as u16), 8),
            PRIV_REGNUM => (Register::Priv, 8),
            _ => return None,
        };
        Some((Rv64RegId(reg), NonZeroUsize::new(size)))
    }
}

/// RV64GC with the FPU, the supervisor/machine CSRs and `priv` (gdbstub_arch's RISC-V
/// description has only the integer registers).
#[derive(Debug)]
pub enum Rv64Gc {}

impl Arch for Rv64Gc {
    type Usize = u64;
    type Registers = Rv64Regs;
    type BreakpointKind = usize;
    type RegId = Rv64RegId;

    fn target_description_xml() -> Option<&'static str> {
        static XML: OnceLock<String> = OnceLock::new();
        Some(XML.get_or_init(build_xml).as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regnums_round_trip() {
        let id = |n| Rv64RegId::from_raw_id(n).map(|(r, s)| (r.0, s.map(|s| s.get())));
        assert_eq!(id(10), Some((Register::X(10), Some(8))));
        assert_eq!(id(32), Some((Register::Pc, Some(8))));
        assert_eq!(id(33 + 31), Some((Register::F(31), Some(8))));
        assert_eq!(id(66), Some((Register::Csr(1), Some(4))));
        assert_eq!(id(65 + 0x300), Some((Register::Csr(0x300), Some(8))));
        assert_eq!(id(4161), Some((Register::Priv, Some(8))));
        assert_eq!(id(4162), None);
    }

    #[test]
    fn xml_names_registers() {
        let xml = Rv64Gc::target_description_xml().unwrap();
        assert!(xml.contains("<reg name=\"mstatus\" bitsize=\"64\" type=\"int\" regnum=\"833\""));
        assert!(xml.contains("name=\"priv\""));
        assert!(xml.contains("name=\"pmpaddr15\""));
    }
}
