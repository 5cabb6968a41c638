//! The decoder checked against capstone as an independent oracle.
//!
//! For every word tried, the valid/illegal verdict of [`decode`] must agree with capstone's
//! (capstone disassembles exactly the instruction's length vs. fails), and for every word
//! both accept, the operation and all operands must agree: capstone's instruction id and
//! detail operands are normalised to the base (32-bit) instruction, with its aliases and
//! compressed forms expanded, and compared with our [`Inst`].
//!
//! The words tried are: all 16-bit patterns; a uniform random sample of 32-bit words; a
//! random sample biased to the known major opcodes; and, per known major opcode, every
//! combination of the bits that select the operation (31:20 and 14:12) with a few rd/rs1
//! choices.
//!
//! Capstone 5 (its RISC-V tables date from an old LLVM) departs from the ISA manual in a few
//! encoding classes. Each class is listed in [`CAPSTONE_WRONG`] with the spec rule that
//! makes our verdict right; a disagreement is only excused when such a predicate matches
//! it, and each predicate must be hit at least once (so none is dead).

use std::collections::BTreeMap;

use capstone::arch::riscv::{ArchExtraMode, ArchMode, RiscVOperand};
use capstone::arch::{BuildsCapstone, BuildsCapstoneExtraMode, DetailsArchInsn};
use capstone::{Capstone, Insn};
use frontend_riscv::{decode, Inst, Op};

fn capstone() -> Capstone {
    Capstone::new()
        .riscv()
        .mode(ArchMode::RiscV64)
        .extra_mode([ArchExtraMode::RiscVC].iter().copied())
        .detail(true)
        .build()
        .expect("capstone with RISC-V support")
}

/// Deterministic xorshift64 (Marsaglia), so failures reproduce.
struct XorShift64(u64);

impl XorShift64 {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn next_u32(&mut self) -> u32 {
        (self.next() >> 32) as u32
    }
}

/// The RV64GC major opcodes (bits 6:0) that have instructions.
const KNOWN_OPCODES: [u32; 21] = [
    0x03, 0x07, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x27, 0x2f, 0x33, 0x37, 0x3b, 0x43, 0x47, 0x4b, 0x4f,
    0x53, 0x63, 0x67, 0x6f, 0x73,
];

// ---------------------------------------------------------------------------------------
// Encoding classes where capstone is wrong (checked against the ISA manual).
// ---------------------------------------------------------------------------------------

#[inline]
fn bits(x: u32, hi: u32, lo: u32) -> u32 {
    (x >> lo) & ((1 << (hi - lo + 1)) - 1)
}

/// RVC quadrant (bits 1:0) and funct3 (bits 15:13) of a 16-bit parcel.
fn rvc(x: u32) -> (u32, u32) {
    (x & 3, bits(x, 15, 13))
}

/// Unpriv. spec, RVC: the all-zero parcel is "defined illegal" (c.addi4spn with nzuimm=0);
/// capstone prints it as `c.unimp`.
fn capstone_accepts_all_zero_parcel(x: u32) -> bool {
    x == 0
}

/// Unpriv. spec, C.LUI: "The code points with nzimm=0 are reserved" (rd != x0, x2 here).
fn capstone_accepts_reserved_c_lui_nzimm0(x: u32) -> bool {
    rvc(x) == (1, 3)
        && !matches!(bits(x, 11, 7), 0 | 2)
        && bits(x, 12, 12) == 0
        && bits(x, 6, 2) == 0
}

/// Unpriv. spec, RVC HINTs: C.NOP with nzimm != 0 is a HINT; capstone only takes the
/// positive immediates (bit 12 clear).
fn capstone_rejects_hint_c_nop_negative_imm(x: u32) -> bool {
    rvc(x) == (1, 0) && bits(x, 11, 7) == 0 && bits(x, 12, 12) == 1
}

/// Unpriv. spec, C.LI: "the code points with rd=x0 encode HINTs".
fn capstone_rejects_hint_c_li_rd0(x: u32) -> bool {
    rvc(x) == (1, 2) && bits(x, 11, 7) == 0
}

/// Unpriv. spec, C.LUI: with nzimm != 0, "the remaining code points with rd=x0 are HINTs".
fn capstone_rejects_hint_c_lui_rd0(x: u32) -> bool {
    rvc(x) == (1, 3) && bits(x, 11, 7) == 0 && (bits(x, 12, 12) | bits(x, 6, 2)) != 0
}

/// Unpriv. spec, C.SLLI: "For all base ISAs, the code points with rd=x0 are HINTs".
fn capstone_rejects_hint_c_slli_rd0(x: u32) -> bool {
    rvc(x) == (2, 0) && bits(x, 11, 7) == 0
}

/// Unpriv. spec, C.MV: "The code points with rs2≠x0 and rd=x0 are HINTs".
fn capstone_rejects_hint_c_mv_rd0(x: u32) -> bool {
    rvc(x) == (2, 4) && bits(x, 12, 12) == 0 && bits(x, 11, 7) == 0 && bits(x, 6, 2) != 0
}

/// Unpriv. spec, C.ADD: "The code points with rs2≠x0 and rd=x0 are HINTs".
fn capstone_rejects_hint_c_add_rd0(x: u32) -> bool {
    rvc(x) == (2, 4) && bits(x, 12, 12) == 1 && bits(x, 11, 7) == 0 && bits(x, 6, 2) != 0
}

/// Unpriv. spec, FENCE: implementations "shall ignore" rd and rs1, and treat reserved
/// fm/pred/succ configurations "as normal fences with fm=0000"; capstone only accepts
/// rd = rs1 = 0 with fm = 0, or the exact FENCE.TSO encoding.
fn capstone_rejects_fence_reserved_fields(x: u32) -> bool {
    let is_tso = bits(x, 31, 20) == 0x833;
    bits(x, 6, 0) == 0x0f
        && bits(x, 14, 12) == 0
        && (bits(x, 11, 7) != 0 || bits(x, 19, 15) != 0 || (bits(x, 31, 28) != 0 && !is_tso))
}

/// Zifencei: "base implementations shall ignore" FENCE.I's imm[11:0], rs1 and rd fields.
fn capstone_rejects_fence_i_reserved_fields(x: u32) -> bool {
    bits(x, 6, 0) == 0x0f && bits(x, 14, 12) == 1 && (bits(x, 31, 15) != 0 || bits(x, 11, 7) != 0)
}

/// D extension: FCVT.D.S, FCVT.D.W and FCVT.D.WU have an rm field like every conversion
/// (only rm = 5, 6 are reserved); capstone's old LLVM tables hard-wire rm = 000.
fn capstone_rejects_exact_fcvt_d_with_rm(x: u32) -> bool {
    let exact = match bits(x, 31, 25) {
        0x21 => bits(x, 24, 20) == 0, // fcvt.d.s
        0x69 => bits(x, 24, 20) <= 1, // fcvt.d.w, fcvt.d.wu
        _ => false,
    };
    bits(x, 6, 0) == 0x53 && exact && matches!(bits(x, 14, 12), 1..=4 | 7)
}

/// URET belongs to the N extension, which is not part of RV64GC (and was dropped from the
/// privileged spec in v1.12); capstone still decodes it.
fn capstone_accepts_uret(x: u32) -> bool {
    x == 0x0020_0073
}

/// Zba, Zbb, Zbs and Zicond postdate capstone 5's tables, so it rejects them all. The
/// encodings, from the bit-manipulation spec (v1.0) and Zicond (v1.0):
/// OP/OP-32 register forms by (opcode, funct7, funct3), OP-IMM/OP-IMM-32 forms by their
/// fixed upper immediate bits.
fn capstone_lacks_bitmanip_zicond(x: u32) -> bool {
    let (opc, f3, f7) = (bits(x, 6, 0), bits(x, 14, 12), bits(x, 31, 25));
    let (f6, f12, rs2) = (bits(x, 31, 26), bits(x, 31, 20), bits(x, 24, 20));
    match opc {
        0x33 => matches!(
            (f7, f3),
            (0x10, 2 | 4 | 6) // sh1add sh2add sh3add
                | (0x20, 4 | 6 | 7) // xnor orn andn
                | (0x05, 4..=7) // min minu max maxu
                | (0x30, 1 | 5) // rol ror
                | (0x24, 1 | 5) // bclr bext
                | (0x34, 1) // binv
                | (0x14, 1) // bset
                | (0x07, 5 | 7) // czero.eqz czero.nez
        ),
        0x3b => {
            matches!((f7, f3), (0x04, 0) | (0x10, 2 | 4 | 6) | (0x30, 1 | 5))
                || (f7, f3, rs2) == (0x04, 4, 0)
        } // add.uw shNadd.uw rolw rorw zext.h
        0x13 => {
            matches!((f6, f3), (0x12 | 0x1a | 0x0a, 1) | (0x18 | 0x12, 5))
                || (f3 == 1 && matches!(f12, 0x600 | 0x601 | 0x602 | 0x604 | 0x605))
                || (f3 == 5 && matches!(f12, 0x287 | 0x6b8))
        }
        0x1b => {
            matches!((f6, f3), (0x02, 1))
                || (f7, f3) == (0x30, 5)
                || (f7 == 0x30 && f3 == 1 && rs2 <= 2)
        }
        _ => false,
    }
}

struct Exception {
    name: &'static str,
    /// Capstone's (wrong) verdict in this class; ours is the opposite.
    capstone_accepts: bool,
    matches: fn(u32) -> bool,
    compressed: bool,
}

const CAPSTONE_WRONG: &[Exception] = &[
    Exception {
        name: "capstone_accepts_all_zero_parcel",
        capstone_accepts: true,
        matches: capstone_accepts_all_zero_parcel,
        compressed: true,
    },
    Exception {
        name: "capstone_accepts_reserved_c_lui_nzimm0",
        capstone_accepts: true,
        matches: capstone_accepts_reserved_c_lui_nzimm0,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_hint_c_nop_negative_imm",
        capstone_accepts: false,
        matches: capstone_rejects_hint_c_nop_negative_imm,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_hint_c_li_rd0",
        capstone_accepts: false,
        matches: capstone_rejects_hint_c_li_rd0,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_hint_c_lui_rd0",
        capstone_accepts: false,
        matches: capstone_rejects_hint_c_lui_rd0,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_hint_c_slli_rd0",
        capstone_accepts: false,
        matches: capstone_rejects_hint_c_slli_rd0,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_hint_c_mv_rd0",
        capstone_accepts: false,
        matches: capstone_rejects_hint_c_mv_rd0,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_hint_c_add_rd0",
        capstone_accepts: false,
        matches: capstone_rejects_hint_c_add_rd0,
        compressed: true,
    },
    Exception {
        name: "capstone_rejects_fence_reserved_fields",
        capstone_accepts: false,
        matches: capstone_rejects_fence_reserved_fields,
        compressed: false,
    },
    Exception {
        name: "capstone_rejects_fence_i_reserved_fields",
        capstone_accepts: false,
        matches: capstone_rejects_fence_i_reserved_fields,
        compressed: false,
    },
    Exception {
        name: "capstone_rejects_exact_fcvt_d_with_rm",
        capstone_accepts: false,
        matches: capstone_rejects_exact_fcvt_d_with_rm,
        compressed: false,
    },
    Exception {
        name: "capstone_lacks_bitmanip_zicond",
        capstone_accepts: false,
        matches: capstone_lacks_bitmanip_zicond,
        compressed: false,
    },
    Exception {
        name: "capstone_accepts_uret",
        capstone_accepts: true,
        matches: capstone_accepts_uret,
        compressed: false,
    },
];

// ---------------------------------------------------------------------------------------
// A common view of an instruction: base mnemonic and operands in assembly order.
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opnd {
    /// Integer register.
    X(u8),
    /// Floating-point register.
    F(u8),
    Imm(i64),
    /// Memory operand: base integer register and displacement.
    Mem(u8, i64),
    Csr(u16),
    /// Rounding mode (7 = dynamic).
    Rm(u8),
    /// Not shown by capstone (the immediate of a `c.nop` HINT).
    Any,
}

fn same(a: &[Opnd], b: &[Opnd]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || *x == Opnd::Any || *y == Opnd::Any)
}

/// `FcvtWuS` -> `fcvt.wu.s`, `AmoaddW` -> `amoadd.w`, `Addi` -> `addi`.
fn op_name(op: Op) -> String {
    let mut s = String::new();
    for (k, c) in format!("{op:?}").chars().enumerate() {
        if c.is_ascii_uppercase() && k > 0 {
            s.push('.');
        }
        s.push(c.to_ascii_lowercase());
    }
    s
}

/// Our decoded instruction in assembly operand order.
fn our_view(i: &Inst) -> (String, Vec<Opnd>) {
    use Op::*;
    use Opnd::*;
    let (rd, rs1, rs2, rs3) = (i.rd, i.rs1, i.rs2, i.rs3);
    let imm = i.imm as i64;
    let mut name = op_name(i.op);
    let ops = match i.op {
        Illegal => unreachable!(),
        Lui | Auipc => vec![X(rd), Imm(((i.imm as u32) >> 12) as i64)],
        Jal => vec![X(rd), Imm(imm)],
        Jalr => vec![X(rd), X(rs1), Imm(imm)],
        Beq | Bne | Blt | Bge | Bltu | Bgeu => vec![X(rs1), X(rs2), Imm(imm)],
        Lb | Lh | Lw | Ld | Lbu | Lhu | Lwu => vec![X(rd), Mem(rs1, imm)],
        Flw | Fld => vec![F(rd), Mem(rs1, imm)],
        Sb | Sh | Sw | Sd => vec![X(rs2), Mem(rs1, imm)],
        Fsw | Fsd => vec![F(rs2), Mem(rs1, imm)],
        Addi | Slti | Sltiu | Xori | Ori | Andi | Slli | Srli | Srai | Addiw | Slliw | Srliw
        | Sraiw => vec![X(rd), X(rs1), Imm(imm)],
        Add | Sub | Sll | Slt | Sltu | Xor | Srl | Sra | Or | And | Addw | Subw | Sllw | Srlw
        | Sraw | Mul | Mulh | Mulhsu | Mulhu | Div | Divu | Rem | Remu | Mulw | Divw | Divuw
        | Remw | Remuw => vec![X(rd), X(rs1), X(rs2)],
        Fence => {
            let (fm, pred, succ) = ((i.imm >> 8) & 0xf, (i.imm >> 4) & 0xf, i.imm & 0xf);
            if (fm, pred, succ) == (8, 3, 3) {
                name = "fence.tso".into();
                vec![]
            } else {
                vec![Imm(pred as i64), Imm(succ as i64)]
            }
        }
        FenceI | Ecall | Ebreak | Mret | Sret | Wfi => vec![],
        SfenceVma => vec![X(rs1), X(rs2)],
        Csrrw | Csrrs | Csrrc => vec![X(rd), Csr(i.imm as u16), X(rs1)],
        Csrrwi | Csrrsi | Csrrci => vec![X(rd), Csr(i.imm as u16), Imm(rs1 as i64)],
        LrW | LrD | ScW | ScD | AmoswapW | AmoaddW | AmoxorW | AmoandW | AmoorW | AmominW
        | AmomaxW | AmominuW | AmomaxuW | AmoswapD | AmoaddD | AmoxorD | AmoandD | AmoorD
        | AmominD | AmomaxD | AmominuD | AmomaxuD => {
            name += ["", ".rl", ".aq", ".aqrl"][i.rm as usize & 3];
            if matches!(i.op, LrW | LrD) {
                vec![X(rd), X(rs1)]
            } else {
                vec![X(rd), X(rs2), X(rs1)]
            }
        }
        FmaddS | FmsubS | FnmsubS | FnmaddS | FmaddD | FmsubD | FnmsubD | FnmaddD => {
            vec![F(rd), F(rs1), F(rs2), F(rs3), Rm(i.rm)]
        }
        FaddS | FsubS | FmulS | FdivS | FaddD | FsubD | FmulD | FdivD => {
            vec![F(rd), F(rs1), F(rs2), Rm(i.rm)]
        }
        FsqrtS | FsqrtD | FcvtSD => vec![F(rd), F(rs1), Rm(i.rm)],
        // Capstone's tables give the exact conversions no rounding-mode operand.
        FcvtDS => vec![F(rd), F(rs1)],
        FcvtDW | FcvtDWu => vec![F(rd), X(rs1)],
        FsgnjS | FsgnjnS | FsgnjxS | FminS | FmaxS | FsgnjD | FsgnjnD | FsgnjxD | FminD | FmaxD => {
            vec![F(rd), F(rs1), F(rs2)]
        }
        FeqS | FltS | FleS | FeqD | FltD | FleD => vec![X(rd), F(rs1), F(rs2)],
        FclassS | FclassD | FmvXW | FmvXD => vec![X(rd), F(rs1)],
        FmvWX | FmvDX => vec![F(rd), X(rs1)],
        FcvtWS | FcvtWuS | FcvtLS | FcvtLuS | FcvtWD | FcvtWuD | FcvtLD | FcvtLuD => {
            vec![X(rd), F(rs1), Rm(i.rm)]
        }
        FcvtSW | FcvtSWu | FcvtSL | FcvtSLu | FcvtDL | FcvtDLu => vec![F(rd), X(rs1), Rm(i.rm)],
        // Capstone 5 knows none of these (see `capstone_lacks_bitmanip_zicond`); the
        // decoder's own tests check them against GNU as.
        AddUw | Sh1add | Sh2add | Sh3add | Sh1addUw | Sh2addUw | Sh3addUw | Andn | Orn | Xnor
        | Max | Maxu | Min | Minu | Rol | Rolw | Ror | Rorw | Bclr | Bext | Binv | Bset
        | CzeroEqz | CzeroNez => vec![X(rd), X(rs1), X(rs2)],
        SlliUw | Rori | Roriw | Bclri | Bexti | Binvi | Bseti => vec![X(rd), X(rs1), Imm(imm)],
        Clz | Clzw | Ctz | Ctzw | Cpop | Cpopw | SextB | SextH | ZextH | OrcB | Rev8 => {
            vec![X(rd), X(rs1)]
        }
    };
    (name, ops)
}

fn cs_operand(o: &RiscVOperand) -> Opnd {
    match o {
        RiscVOperand::Reg(r) => reg(r.0),
        RiscVOperand::Imm(v) => Opnd::Imm(*v),
        RiscVOperand::Mem(m) => match reg(m.base().0) {
            Opnd::X(b) => Opnd::Mem(b, m.disp()),
            other => panic!("memory base {other:?}"),
        },
        RiscVOperand::Invalid => panic!("invalid capstone operand"),
    }
}

/// Capstone register ids: X0..X31 are 1..=32, then F<n>_32 = 33 + 2n, F<n>_64 = 34 + 2n.
fn reg(id: u16) -> Opnd {
    match id {
        1..=32 => Opnd::X(id as u8 - 1),
        33..=96 => Opnd::F(((id - 33) / 2) as u8),
        _ => panic!("unknown capstone register id {id}"),
    }
}

/// The inverse of capstone's CSR name printer (getCSRSystemRegisterName, RISCVInstPrinter.c),
/// including its swapped names for pmpaddr13/pmpaddr14. Unnamed CSRs print in decimal.
fn capstone_csr_number(tok: &str) -> u16 {
    if let Ok(n) = tok.parse::<u16>() {
        return n;
    }
    let fixed: &[(&str, u16)] = &[
        ("ustatus", 0x000),
        ("fflags", 0x001),
        ("frm", 0x002),
        ("fcsr", 0x003),
        ("uie", 0x004),
        ("utvec", 0x005),
        ("uscratch", 0x040),
        ("uepc", 0x041),
        ("ucause", 0x042),
        ("utval", 0x043),
        ("uip", 0x044),
        ("cycle", 0xc00),
        ("time", 0xc01),
        ("instret", 0xc02),
        ("cycleh", 0xc80),
        ("timeh", 0xc81),
        ("instreth", 0xc82),
        ("sstatus", 0x100),
        ("sedeleg", 0x102),
        ("sideleg", 0x103),
        ("sie", 0x104),
        ("stvec", 0x105),
        ("scounteren", 0x106),
        ("sscratch", 0x140),
        ("sepc", 0x141),
        ("scause", 0x142),
        ("stval", 0x143),
        ("sip", 0x144),
        ("satp", 0x180),
        ("mvendorid", 0xf11),
        ("marchid", 0xf12),
        ("mimpid", 0xf13),
        ("mhartid", 0xf14),
        ("mstatus", 0x300),
        ("misa", 0x301),
        ("medeleg", 0x302),
        ("mideleg", 0x303),
        ("mie", 0x304),
        ("mtvec", 0x305),
        ("mcounteren", 0x306),
        ("mscratch", 0x340),
        ("mepc", 0x341),
        ("mcause", 0x342),
        ("mtval", 0x343),
        ("mip", 0x344),
        ("mcycle", 0xb00),
        ("minstret", 0xb02),
        ("mcycleh", 0xb80),
        ("minstreth", 0xb82),
        ("tselect", 0x7a0),
        ("tdata1", 0x7a1),
        ("tdata2", 0x7a2),
        ("tdata3", 0x7a3),
        ("dcsr", 0x7b0),
        ("dpc", 0x7b1),
        ("dscratch", 0x7b2),
        // Capstone's bug: it prints 0x3bd as "pmpaddr14" and 0x3be as "pmpaddr13".
        ("pmpaddr13", 0x3be),
        ("pmpaddr14", 0x3bd),
    ];
    if let Some(&(_, n)) = fixed.iter().find(|(s, _)| *s == tok) {
        return n;
    }
    // Numbered families: (prefix, suffix, base).
    let families: &[(&str, &str, u16)] = &[
        ("mhpmcounter", "h", 0xb80),
        ("mhpmcounter", "", 0xb00),
        ("hpmcounter", "h", 0xc80),
        ("hpmcounter", "", 0xc00),
        ("mhpmevent", "", 0x320),
        ("pmpcfg", "", 0x3a0),
        ("pmpaddr", "", 0x3b0),
    ];
    for &(prefix, suffix, base) in families {
        if let Some(n) = tok
            .strip_prefix(prefix)
            .and_then(|t| t.strip_suffix(suffix))
            .and_then(|t| t.parse::<u16>().ok())
        {
            return base + n;
        }
    }
    panic!("unknown capstone CSR name {tok:?}")
}

/// Rounding mode from the text (printed unless dynamic, never in the detail).
fn capstone_rm(text: &str) -> u8 {
    match text.rsplit(", ").next().unwrap_or("") {
        "rne" => 0,
        "rtz" => 1,
        "rdn" => 2,
        "rup" => 3,
        "rmm" => 4,
        _ => 7,
    }
}

/// FENCE pred/succ from the text: letters i, o, r, w; "unknown" is the empty set; no
/// operands at all is the `fence` alias for `fence iorw, iorw`.
fn capstone_fence(text: &str) -> Vec<Opnd> {
    if text.is_empty() {
        return vec![Opnd::Imm(0xf), Opnd::Imm(0xf)];
    }
    text.split(", ")
        .map(|set| {
            if set == "unknown" {
                return Opnd::Imm(0);
            }
            let v = set.chars().fold(0, |acc, c| match c {
                'i' => acc | 8,
                'o' => acc | 4,
                'r' => acc | 2,
                'w' => acc | 1,
                _ => acc,
            });
            Opnd::Imm(v)
        })
        .collect()
}

/// Canonical CSR-instruction operands `rd, csr, rs1/uimm` from capstone's (aliased) output.
fn capstone_csr(mnemonic: &str, name: &str, text: &str, ops: &[Opnd]) -> Vec<Opnd> {
    use Opnd::*;
    let toks: Vec<&str> = text.split(", ").collect();
    let zero_src = if name.ends_with('i') { Imm(0) } else { X(0) };
    let implied_csr = match mnemonic {
        "rdcycle" => Some(0xc00),
        "rdtime" => Some(0xc01),
        "rdinstret" => Some(0xc02),
        "rdcycleh" => Some(0xc80),
        "rdtimeh" => Some(0xc81),
        "rdinstreth" => Some(0xc82),
        "frflags" | "fsflags" | "fsflagsi" => Some(1),
        "frrm" | "fsrm" | "fsrmi" => Some(2),
        "frcsr" | "fscsr" => Some(3),
        _ => None,
    };
    match mnemonic {
        "csrrw" | "csrrs" | "csrrc" | "csrrwi" | "csrrsi" | "csrrci" => {
            vec![ops[0], Csr(capstone_csr_number(toks[1])), ops[1]]
        }
        "csrr" => vec![ops[0], Csr(capstone_csr_number(toks[1])), zero_src],
        "csrw" | "csrs" | "csrc" | "csrwi" | "csrsi" | "csrci" => {
            vec![X(0), Csr(capstone_csr_number(toks[0])), ops[0]]
        }
        "unimp" => vec![X(0), Csr(0xc00), X(0)],
        _ => {
            let csr = Csr(implied_csr.unwrap_or_else(|| panic!("CSR alias {mnemonic}")));
            match (mnemonic.starts_with("fs"), ops.len()) {
                (false, 1) => vec![ops[0], csr, zero_src],
                (true, 2) => vec![ops[0], csr, ops[1]],
                (true, 1) => vec![X(0), csr, ops[0]],
                _ => panic!("CSR alias {mnemonic} {text}"),
            }
        }
    }
}

/// Whether capstone shows a rounding-mode operand for this (canonical) instruction.
fn capstone_has_rm(name: &str) -> bool {
    let op = name.split('.').next().unwrap_or("");
    matches!(
        op,
        "fadd" | "fsub" | "fmul" | "fdiv" | "fsqrt" | "fmadd" | "fmsub" | "fnmsub" | "fnmadd"
    ) || (op == "fcvt" && !matches!(name, "fcvt.d.s" | "fcvt.d.w" | "fcvt.d.wu"))
}

/// Capstone's instruction, normalised: compressed forms expanded to the base instruction,
/// aliases expanded to their canonical operands, CSR, rounding mode and fence sets parsed
/// from the text (capstone's detail does not carry them). Branch and jump targets are
/// pc-relative offsets in capstone's output whatever the address (disassembling at 0 or at
/// 0x1000 prints the same `jal -4`), so they compare directly with our `imm`.
fn capstone_view(cs: &Capstone, insn: &Insn) -> (String, Vec<Opnd>) {
    use Opnd::*;
    let name = cs.insn_name(insn.id()).expect("instruction name");
    let mnemonic = insn.mnemonic().unwrap_or("");
    let text = insn.op_str().unwrap_or("");
    let detail = cs.insn_detail(insn).expect("detail");
    let arch = detail.arch_detail();
    let ops: Vec<Opnd> = arch
        .riscv()
        .expect("RISC-V detail")
        .operands()
        .map(|o| cs_operand(&o))
        .collect();
    let o = |k: usize| ops[k];
    if let Some(c) = name.strip_prefix("c.") {
        let mem = |data: Opnd, off: Opnd, base: Opnd| match (off, base) {
            (Imm(d), X(b)) => vec![data, Mem(b, d)],
            _ => panic!("c.{c} operands {ops:?}"),
        };
        let (base, v) = match c {
            "addi4spn" => ("addi", vec![o(0), o(1), o(2)]),
            "fld" | "lw" | "ld" | "fldsp" | "lwsp" | "ldsp" | "fsd" | "sw" | "sd" | "fsdsp"
            | "swsp" | "sdsp" => (c.trim_end_matches("sp"), mem(o(0), o(1), o(2))),
            "nop" => ("addi", vec![X(0), X(0), Any]),
            "addi" | "addiw" | "andi" | "srli" | "srai" | "slli" | "addi16sp" => {
                (c.trim_end_matches("16sp"), vec![o(0), o(0), o(1)])
            }
            "li" => ("addi", vec![o(0), X(0), o(1)]),
            "lui" => ("lui", vec![o(0), o(1)]),
            "sub" | "xor" | "or" | "and" | "subw" | "addw" | "add" => (c, vec![o(0), o(0), o(1)]),
            "mv" => ("add", vec![o(0), X(0), o(1)]),
            "j" => ("jal", vec![X(0), o(0)]),
            "beqz" => ("beq", vec![o(0), X(0), o(1)]),
            "bnez" => ("bne", vec![o(0), X(0), o(1)]),
            "jr" => ("jalr", vec![X(0), o(0), Imm(0)]),
            "jalr" => ("jalr", vec![X(1), o(0), Imm(0)]),
            "ebreak" => ("ebreak", vec![]),
            _ => panic!("unexpected compressed instruction c.{c} {text}"),
        };
        return (base.to_string(), v);
    }
    let mut v = match mnemonic {
        "nop" => vec![X(0), X(0), Imm(0)],
        "mv" | "sext.w" => vec![o(0), o(1), Imm(0)],
        "not" => vec![o(0), o(1), Imm(-1)],
        "seqz" => vec![o(0), o(1), Imm(1)],
        "neg" | "negw" | "snez" | "sgtz" => vec![o(0), X(0), o(1)],
        "sltz" => vec![o(0), o(1), X(0)],
        "beqz" | "bnez" | "bltz" | "bgez" => vec![o(0), X(0), o(1)],
        "blez" | "bgtz" => vec![X(0), o(0), o(1)],
        "j" => vec![X(0), o(0)],
        "jal" if ops.len() == 1 => vec![X(1), o(0)],
        "jr" => vec![X(0), o(0), Imm(0)],
        "jalr" if ops.len() == 1 => vec![X(1), o(0), Imm(0)],
        "ret" => vec![X(0), X(1), Imm(0)],
        "fmv.s" | "fmv.d" | "fabs.s" | "fabs.d" | "fneg.s" | "fneg.d" => vec![o(0), o(1), o(1)],
        "sfence.vma" => {
            let mut v = ops.clone();
            v.resize(2, X(0));
            v
        }
        "fence" => capstone_fence(text),
        _ if name.starts_with("csrr") || name == "unimp" => {
            capstone_csr(mnemonic, &name, text, &ops)
        }
        _ => ops.clone(),
    };
    if capstone_has_rm(&name) {
        v.push(Rm(capstone_rm(text)));
    }
    let name = if name == "unimp" {
        "csrrw".into()
    } else {
        name
    };
    (name, v)
}

// ---------------------------------------------------------------------------------------
// The comparison.
// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct Stats {
    tried: u64,
    both_valid: u64,
    both_illegal: u64,
    /// Valid words that capstone printed under an alias or compressed mnemonic.
    expanded: u64,
    excused: BTreeMap<&'static str, u64>,
    failures: Vec<String>,
}

impl Stats {
    fn fail(&mut self, msg: String) {
        if self.failures.len() < 40 {
            self.failures.push(msg);
        }
    }

    fn finish(&self, what: &str) {
        println!(
            "{what}: {} words, {} valid and {} illegal in both ({} of the valid ones \
             printed as an alias or compressed form), excused disagreements: {:?}",
            self.tried, self.both_valid, self.both_illegal, self.expanded, self.excused
        );
        assert!(
            self.failures.is_empty(),
            "{what}: decoder and capstone disagree:\n{}",
            self.failures.join("\n")
        );
    }
}

/// Compares one word (16-bit parcel if its low bits are not `11`).
fn check(cs: &Capstone, raw: u32, st: &mut Stats) {
    st.tried += 1;
    let ours = decode(raw);
    let (bytes, len) = if raw & 3 == 3 {
        (raw.to_le_bytes().to_vec(), 4)
    } else {
        ((raw as u16).to_le_bytes().to_vec(), 2)
    };
    let insns = cs.disasm_count(&bytes, 0, 1).ok();
    let insn = insns
        .as_ref()
        .and_then(|i| i.iter().next())
        .filter(|i| i.len() == len);
    let theirs = insn.is_some();
    if ours.is_valid() != theirs {
        let desc = match insn {
            Some(i) => format!(
                "{} {}",
                i.mnemonic().unwrap_or(""),
                i.op_str().unwrap_or("")
            ),
            None => "rejected".into(),
        };
        match CAPSTONE_WRONG
            .iter()
            .find(|e| e.capstone_accepts == theirs && (e.matches)(raw))
        {
            Some(e) => *st.excused.entry(e.name).or_default() += 1,
            None => st.fail(format!("{raw:#010x}: ours {:?}, capstone: {desc}", ours.op)),
        }
        return;
    }
    let Some(insn) = insn else {
        st.both_illegal += 1;
        return;
    };
    st.both_valid += 1;
    if ours.len as usize != len {
        st.fail(format!("{raw:#010x}: our length {} != {len}", ours.len));
        return;
    }
    let (our_name, our_ops) = our_view(&ours);
    let (cs_name, cs_ops) = capstone_view(cs, insn);
    if insn.mnemonic() != Some(cs_name.as_str()) || len == 2 {
        st.expanded += 1;
    }
    if our_name != cs_name || !same(&our_ops, &cs_ops) {
        st.fail(format!(
            "{raw:#010x} ({} {}): ours {our_name} {our_ops:?}, capstone {cs_name} {cs_ops:?}",
            insn.mnemonic().unwrap_or(""),
            insn.op_str().unwrap_or("")
        ));
    }
}

fn assert_exceptions_hit(st: &Stats, compressed: bool) {
    for e in CAPSTONE_WRONG.iter().filter(|e| e.compressed == compressed) {
        assert!(
            st.excused.contains_key(e.name),
            "exception class {} never matched a disagreement",
            e.name
        );
    }
}

#[test]
fn all_16bit_parcels_agree_with_capstone() {
    let cs = capstone();
    let mut st = Stats::default();
    for x in (0u32..=0xffff).filter(|x| x & 3 != 3) {
        check(&cs, x, &mut st);
    }
    st.finish("16-bit parcels");
    assert_eq!(st.tried, 49_152);
    assert_exceptions_hit(&st, true);
}

#[test]
fn uniform_random_32bit_words_agree_with_capstone() {
    let cs = capstone();
    let mut st = Stats::default();
    let mut rng = XorShift64(0x9e37_79b9_7f4a_7c15);
    for _ in 0..2_000_000 {
        check(&cs, rng.next_u32() | 3, &mut st);
    }
    st.finish("uniform random 32-bit words");
}

#[test]
fn random_words_with_known_opcodes_agree_with_capstone() {
    let cs = capstone();
    let mut st = Stats::default();
    let mut rng = XorShift64(0x0123_4567_89ab_cdef);
    for _ in 0..2_000_000 {
        let opcode = KNOWN_OPCODES[(rng.next() % KNOWN_OPCODES.len() as u64) as usize];
        check(&cs, (rng.next_u32() & !0x7f) | opcode, &mut st);
    }
    st.finish("random words with known opcodes");
    assert!(st.both_valid > 800_000, "too few valid words sampled");
}

/// Every value of the operation-selecting fields (bits 31:20, which hold funct7/rs2/
/// funct12/imm, and funct3) under every known opcode, with rd/rs1 zero and non-zero.
#[test]
fn all_function_fields_agree_with_capstone() {
    let cs = capstone();
    let mut st = Stats::default();
    for &opcode in &KNOWN_OPCODES {
        for (rd, rs1) in [(0, 0), (0, 13), (9, 0), (21, 30)] {
            for hi in 0u32..1 << 12 {
                for f3 in 0..8 {
                    check(
                        &cs,
                        (hi << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opcode,
                        &mut st,
                    );
                }
            }
        }
    }
    st.finish("function fields");
    assert_exceptions_hit(&st, false);
}
