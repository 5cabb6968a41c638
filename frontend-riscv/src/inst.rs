//! The decoded instruction: one compact type shared by the interpreter, the JIT, traces
//! and gdb.

/// An operation. Compressed instructions decode to the base operation they expand to
/// (RVC spec, chapter "C" Standard Extension), with [`Inst::len`] = 2.
#[allow(missing_docs)] // The names are the spec's mnemonics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Op {
    /// Not a valid instruction (reserved or unimplemented encoding).
    Illegal,
    // RV64I
    Lui,
    Auipc,
    Jal,
    Jalr,
    Beq,
    Bne,
    Blt,
    Bge,
    Bltu,
    Bgeu,
    Lb,
    Lh,
    Lw,
    Ld,
    Lbu,
    Lhu,
    Lwu,
    Sb,
    Sh,
    Sw,
    Sd,
    Addi,
    Slti,
    Sltiu,
    Xori,
    Ori,
    Andi,
    Slli,
    Srli,
    Srai,
    Add,
    Sub,
    Sll,
    Slt,
    Sltu,
    Xor,
    Srl,
    Sra,
    Or,
    And,
    Addiw,
    Slliw,
    Srliw,
    Sraiw,
    Addw,
    Subw,
    Sllw,
    Srlw,
    Sraw,
    Fence,
    FenceI,
    Ecall,
    Ebreak,
    // Privileged
    Mret,
    Sret,
    Wfi,
    SfenceVma,
    // Zicsr (imm = CSR number; for the *i forms rs1 holds the 5-bit immediate)
    Csrrw,
    Csrrs,
    Csrrc,
    Csrrwi,
    Csrrsi,
    Csrrci,
    // M
    Mul,
    Mulh,
    Mulhsu,
    Mulhu,
    Div,
    Divu,
    Rem,
    Remu,
    Mulw,
    Divw,
    Divuw,
    Remw,
    Remuw,
    // A (rm holds aq << 1 | rl)
    LrW,
    ScW,
    AmoswapW,
    AmoaddW,
    AmoxorW,
    AmoandW,
    AmoorW,
    AmominW,
    AmomaxW,
    AmominuW,
    AmomaxuW,
    LrD,
    ScD,
    AmoswapD,
    AmoaddD,
    AmoxorD,
    AmoandD,
    AmoorD,
    AmominD,
    AmomaxD,
    AmominuD,
    AmomaxuD,
    // Zba
    AddUw,
    Sh1add,
    Sh2add,
    Sh3add,
    Sh1addUw,
    Sh2addUw,
    Sh3addUw,
    SlliUw,
    // Zbb
    Andn,
    Orn,
    Xnor,
    Clz,
    Clzw,
    Ctz,
    Ctzw,
    Cpop,
    Cpopw,
    Max,
    Maxu,
    Min,
    Minu,
    SextB,
    SextH,
    ZextH,
    Rol,
    Rolw,
    Ror,
    Rori,
    Roriw,
    Rorw,
    OrcB,
    Rev8,
    // Zbs
    Bclr,
    Bclri,
    Bext,
    Bexti,
    Binv,
    Binvi,
    Bset,
    Bseti,
    // Zicond
    CzeroEqz,
    CzeroNez,
    // F and D (rm holds the rounding-mode field)
    Flw,
    Fsw,
    FmaddS,
    FmsubS,
    FnmsubS,
    FnmaddS,
    FaddS,
    FsubS,
    FmulS,
    FdivS,
    FsqrtS,
    FsgnjS,
    FsgnjnS,
    FsgnjxS,
    FminS,
    FmaxS,
    FcvtWS,
    FcvtWuS,
    FcvtLS,
    FcvtLuS,
    FmvXW,
    FeqS,
    FltS,
    FleS,
    FclassS,
    FcvtSW,
    FcvtSWu,
    FcvtSL,
    FcvtSLu,
    FmvWX,
    Fld,
    Fsd,
    FmaddD,
    FmsubD,
    FnmsubD,
    FnmaddD,
    FaddD,
    FsubD,
    FmulD,
    FdivD,
    FsqrtD,
    FsgnjD,
    FsgnjnD,
    FsgnjxD,
    FminD,
    FmaxD,
    FcvtSD,
    FcvtDS,
    FeqD,
    FltD,
    FleD,
    FclassD,
    FcvtWD,
    FcvtWuD,
    FcvtLD,
    FcvtLuD,
    FcvtDW,
    FcvtDWu,
    FcvtDL,
    FcvtDLu,
    FmvXD,
    FmvDX,
}

impl Op {
    /// Whether the instruction may change the pc to something other than the next
    /// instruction, or changes state that the block cache or translation depends on.
    /// Such an instruction ends a translation block.
    pub fn ends_block(self) -> bool {
        use Op::*;
        matches!(
            self,
            Illegal
                | Jal
                | Jalr
                | Beq
                | Bne
                | Blt
                | Bge
                | Bltu
                | Bgeu
                | FenceI
                | Ecall
                | Ebreak
                | Mret
                | Sret
                | Wfi
                | SfenceVma
                | Csrrw
                | Csrrs
                | Csrrc
                | Csrrwi
                | Csrrsi
                | Csrrci
        )
    }

    /// Whether the operation writes integer register `rd` (stores, branches, fences and
    /// system operations do not; floating-point operations write an integer register only
    /// for compares, classification, moves to x and conversions to integers).
    pub fn writes_int_rd(self) -> bool {
        use Op::*;
        match self {
            Sb | Sh | Sw | Sd | Beq | Bne | Blt | Bge | Bltu | Bgeu | Fence | FenceI | Ecall
            | Ebreak | Mret | Sret | Wfi | SfenceVma | Illegal => false,
            FeqS | FltS | FleS | FclassS | FmvXW | FcvtWS | FcvtWuS | FcvtLS | FcvtLuS | FeqD
            | FltD | FleD | FclassD | FmvXD | FcvtWD | FcvtWuD | FcvtLD | FcvtLuD => true,
            op => !op.is_float(),
        }
    }

    /// Which of `rs1` and `rs2` name integer registers the operation reads.
    pub fn int_sources(self) -> (bool, bool) {
        use Op::*;
        match self {
            Illegal | Lui | Auipc | Jal | Fence | FenceI | Ecall | Ebreak | Mret | Sret | Wfi
            | Csrrwi | Csrrsi | Csrrci => (false, false),
            Jalr | Lb | Lh | Lw | Ld | Lbu | Lhu | Lwu | Addi | Slti | Sltiu | Xori | Ori
            | Andi | Slli | Srli | Srai | Addiw | Slliw | Srliw | Sraiw | Csrrw | Csrrs | Csrrc
            | LrW | LrD | SlliUw | Clz | Clzw | Ctz | Ctzw | Cpop | Cpopw | SextB | SextH
            | ZextH | Rori | Roriw | OrcB | Rev8 | Bclri | Bexti | Binvi | Bseti | Flw | Fld
            | Fsw | Fsd | FcvtSW | FcvtSWu | FcvtSL | FcvtSLu | FmvWX | FcvtDW | FcvtDWu
            | FcvtDL | FcvtDLu | FmvDX => (true, false),
            op if op.is_float() => (false, false),
            // Stores, branches, register-register operations, AMOs, SC, sfence.vma.
            _ => (true, true),
        }
    }

    /// Whether this is an F or D extension operation.
    pub fn is_float(self) -> bool {
        (self as u8) >= (Op::Flw as u8)
    }
}

/// One decoded instruction (16 bytes).
///
/// Register fields are 0..=31 and name integer or floating-point registers as the
/// operation implies. `imm` is sign-extended where the encoding is; for CSR operations it
/// is the CSR number, for `fence` the pred/succ bits (`imm & 0xff`) and fm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Inst {
    /// The operation.
    pub op: Op,
    /// Destination register.
    pub rd: u8,
    /// First source register (or the 5-bit immediate of `csrr*i`).
    pub rs1: u8,
    /// Second source register.
    pub rs2: u8,
    /// Third source register (fused multiply-add).
    pub rs3: u8,
    /// Rounding mode (F/D) or aq/rl bits (A).
    pub rm: u8,
    /// Length in bytes: 2 (compressed) or 4.
    pub len: u8,
    _pad: u8,
    /// Immediate operand.
    pub imm: i32,
    /// The raw instruction bits (16-bit ones zero-extended).
    pub raw: u32,
}

impl Inst {
    /// An instruction with all operand fields zero.
    pub const fn new(op: Op, raw: u32, len: u8) -> Self {
        Inst {
            op,
            rd: 0,
            rs1: 0,
            rs2: 0,
            rs3: 0,
            rm: 0,
            len,
            _pad: 0,
            imm: 0,
            raw,
        }
    }

    /// The illegal instruction with these raw bits.
    pub const fn illegal(raw: u32, len: u8) -> Self {
        Inst::new(Op::Illegal, raw, len)
    }

    /// Whether this is a valid (decodable) instruction.
    pub fn is_valid(&self) -> bool {
        self.op != Op::Illegal
    }
}

/// Length in bytes of the instruction whose first 16-bit parcel is `low`.
/// (Unprivileged spec 1.5: only 16- and 32-bit encodings exist in RV64GC.)
#[inline]
pub fn inst_len(low: u16) -> u8 {
    if low & 3 == 3 {
        4
    } else {
        2
    }
}
