//! The RV64GC decoder (RV64I, M, A, F, D, C, Zicsr, Zifencei, the privileged
//! instructions, and Zba, Zbb, Zbs, Zicond). One function, [`decode`], turns raw bits into an [`Inst`]; reserved
//! encodings decode to [`Op::Illegal`].

use crate::inst::{Inst, Op};

#[inline]
fn bits(x: u32, hi: u32, lo: u32) -> u32 {
    (x >> lo) & ((1 << (hi - lo + 1)) - 1)
}

#[inline]
fn sext(x: u32, width: u32) -> i32 {
    let s = 32 - width;
    ((x << s) as i32) >> s
}

/// Decodes one instruction. If the low two bits of `raw` are not `11`, only the low 16
/// bits are used (a compressed instruction).
pub fn decode(raw: u32) -> Inst {
    if raw & 3 != 3 {
        decode16(raw as u16)
    } else {
        decode32(raw)
    }
}

fn r(op: Op, raw: u32) -> Inst {
    let mut i = Inst::new(op, raw, 4);
    i.rd = bits(raw, 11, 7) as u8;
    i.rs1 = bits(raw, 19, 15) as u8;
    i.rs2 = bits(raw, 24, 20) as u8;
    i.rs3 = bits(raw, 31, 27) as u8;
    i.rm = bits(raw, 14, 12) as u8;
    i
}

fn i_type(op: Op, raw: u32) -> Inst {
    let mut i = r(op, raw);
    i.imm = (raw as i32) >> 20;
    i
}

fn s_type(op: Op, raw: u32) -> Inst {
    let mut i = r(op, raw);
    i.rd = 0;
    i.imm = sext((bits(raw, 31, 25) << 5) | bits(raw, 11, 7), 12);
    i
}

fn b_type(op: Op, raw: u32) -> Inst {
    let mut i = r(op, raw);
    i.rd = 0;
    let imm = (bits(raw, 31, 31) << 12)
        | (bits(raw, 7, 7) << 11)
        | (bits(raw, 30, 25) << 5)
        | (bits(raw, 11, 8) << 1);
    i.imm = sext(imm, 13);
    i
}

fn u_type(op: Op, raw: u32) -> Inst {
    let mut i = Inst::new(op, raw, 4);
    i.rd = bits(raw, 11, 7) as u8;
    i.imm = (raw & 0xffff_f000) as i32;
    i
}

fn j_type(op: Op, raw: u32) -> Inst {
    let mut i = Inst::new(op, raw, 4);
    i.rd = bits(raw, 11, 7) as u8;
    let imm = (bits(raw, 31, 31) << 20)
        | (bits(raw, 19, 12) << 12)
        | (bits(raw, 20, 20) << 11)
        | (bits(raw, 30, 21) << 1);
    i.imm = sext(imm, 21);
    i
}

/// Valid static rounding modes: RNE, RTZ, RDN, RUP, RMM, and DYN (7).
#[inline]
fn rm_ok(raw: u32) -> bool {
    !matches!(bits(raw, 14, 12), 5 | 6)
}

fn decode32(raw: u32) -> Inst {
    use Op::*;
    let ill = Inst::illegal(raw, 4);
    let f3 = bits(raw, 14, 12);
    let f7 = bits(raw, 31, 25);
    match bits(raw, 6, 0) {
        0x03 => {
            let op = match f3 {
                0 => Lb,
                1 => Lh,
                2 => Lw,
                3 => Ld,
                4 => Lbu,
                5 => Lhu,
                6 => Lwu,
                _ => return ill,
            };
            i_type(op, raw)
        }
        0x07 => match f3 {
            2 => i_type(Flw, raw),
            3 => i_type(Fld, raw),
            _ => ill,
        },
        0x0f => match f3 {
            // FENCE: unused fields are reserved for future use and must be ignored
            // (unprivileged spec 2.7), so any rd/rs1/fm decodes as a fence.
            0 => i_type(Fence, raw),
            1 => i_type(FenceI, raw),
            _ => ill,
        },
        0x13 => {
            let shamt_hi = bits(raw, 31, 26);
            let f12 = bits(raw, 31, 20);
            match f3 {
                0 => i_type(Addi, raw),
                1 if shamt_hi == 0 => shift(Slli, raw, 6),
                1 if shamt_hi == 0x12 => shift(Bclri, raw, 6),
                1 if shamt_hi == 0x1a => shift(Binvi, raw, 6),
                1 if shamt_hi == 0x0a => shift(Bseti, raw, 6),
                1 => match f12 {
                    0x600 => r(Clz, raw),
                    0x601 => r(Ctz, raw),
                    0x602 => r(Cpop, raw),
                    0x604 => r(SextB, raw),
                    0x605 => r(SextH, raw),
                    _ => ill,
                },
                2 => i_type(Slti, raw),
                3 => i_type(Sltiu, raw),
                4 => i_type(Xori, raw),
                5 if shamt_hi == 0 => shift(Srli, raw, 6),
                5 if shamt_hi == 0x10 => shift(Srai, raw, 6),
                5 if shamt_hi == 0x18 => shift(Rori, raw, 6),
                5 if shamt_hi == 0x12 => shift(Bexti, raw, 6),
                5 if f12 == 0x287 => r(OrcB, raw),
                5 if f12 == 0x6b8 => r(Rev8, raw),
                6 => i_type(Ori, raw),
                7 => i_type(Andi, raw),
                _ => ill,
            }
        }
        0x17 => u_type(Auipc, raw),
        0x1b => match (f3, f7) {
            (0, _) => i_type(Addiw, raw),
            (1, 0) => shift(Slliw, raw, 5),
            (1, 4 | 5) => shift(SlliUw, raw, 6),
            (1, 0x30) => match bits(raw, 24, 20) {
                0 => r(Clzw, raw),
                1 => r(Ctzw, raw),
                2 => r(Cpopw, raw),
                _ => ill,
            },
            (5, 0) => shift(Srliw, raw, 5),
            (5, 0x20) => shift(Sraiw, raw, 5),
            (5, 0x30) => shift(Roriw, raw, 5),
            _ => ill,
        },
        0x23 => {
            let op = match f3 {
                0 => Sb,
                1 => Sh,
                2 => Sw,
                3 => Sd,
                _ => return ill,
            };
            s_type(op, raw)
        }
        0x27 => match f3 {
            2 => s_type(Fsw, raw),
            3 => s_type(Fsd, raw),
            _ => ill,
        },
        0x2f => decode_amo(raw),
        0x33 => {
            let op = match (f7, f3) {
                (0, 0) => Add,
                (0, 1) => Sll,
                (0, 2) => Slt,
                (0, 3) => Sltu,
                (0, 4) => Xor,
                (0, 5) => Srl,
                (0, 6) => Or,
                (0, 7) => And,
                (0x20, 0) => Sub,
                (0x20, 5) => Sra,
                (1, 0) => Mul,
                (1, 1) => Mulh,
                (1, 2) => Mulhsu,
                (1, 3) => Mulhu,
                (1, 4) => Div,
                (1, 5) => Divu,
                (1, 6) => Rem,
                (1, 7) => Remu,
                (0x10, 2) => Sh1add,
                (0x10, 4) => Sh2add,
                (0x10, 6) => Sh3add,
                (0x20, 7) => Andn,
                (0x20, 6) => Orn,
                (0x20, 4) => Xnor,
                (0x05, 6) => Max,
                (0x05, 7) => Maxu,
                (0x05, 4) => Min,
                (0x05, 5) => Minu,
                (0x30, 1) => Rol,
                (0x30, 5) => Ror,
                (0x24, 1) => Bclr,
                (0x24, 5) => Bext,
                (0x34, 1) => Binv,
                (0x14, 1) => Bset,
                (0x07, 5) => CzeroEqz,
                (0x07, 7) => CzeroNez,
                _ => return ill,
            };
            r(op, raw)
        }
        0x37 => u_type(Lui, raw),
        0x3b => {
            let op = match (f7, f3) {
                (0, 0) => Addw,
                (0, 1) => Sllw,
                (0, 5) => Srlw,
                (0x20, 0) => Subw,
                (0x20, 5) => Sraw,
                (1, 0) => Mulw,
                (1, 4) => Divw,
                (1, 5) => Divuw,
                (1, 6) => Remw,
                (1, 7) => Remuw,
                (0x04, 0) => AddUw,
                (0x04, 4) if bits(raw, 24, 20) == 0 => ZextH,
                (0x10, 2) => Sh1addUw,
                (0x10, 4) => Sh2addUw,
                (0x10, 6) => Sh3addUw,
                (0x30, 1) => Rolw,
                (0x30, 5) => Rorw,
                _ => return ill,
            };
            r(op, raw)
        }
        opc @ (0x43 | 0x47 | 0x4b | 0x4f) => {
            if !rm_ok(raw) {
                return ill;
            }
            let op = match (opc, bits(raw, 26, 25)) {
                (0x43, 0) => FmaddS,
                (0x47, 0) => FmsubS,
                (0x4b, 0) => FnmsubS,
                (0x4f, 0) => FnmaddS,
                (0x43, 1) => FmaddD,
                (0x47, 1) => FmsubD,
                (0x4b, 1) => FnmsubD,
                (0x4f, 1) => FnmaddD,
                _ => return ill,
            };
            r(op, raw)
        }
        0x53 => decode_fp(raw),
        0x63 => {
            let op = match f3 {
                0 => Beq,
                1 => Bne,
                4 => Blt,
                5 => Bge,
                6 => Bltu,
                7 => Bgeu,
                _ => return ill,
            };
            b_type(op, raw)
        }
        0x67 if f3 == 0 => i_type(Jalr, raw),
        0x6f => j_type(Jal, raw),
        0x73 => decode_system(raw),
        _ => ill,
    }
}

fn shift(op: Op, raw: u32, width: u32) -> Inst {
    let mut i = r(op, raw);
    i.imm = bits(raw, 20 + width - 1, 20) as i32;
    i
}

fn decode_amo(raw: u32) -> Inst {
    use Op::*;
    let ill = Inst::illegal(raw, 4);
    let f5 = bits(raw, 31, 27);
    let word = match bits(raw, 14, 12) {
        2 => true,
        3 => false,
        _ => return ill,
    };
    let op = match (f5, word) {
        (0x02, true) => LrW,
        (0x03, true) => ScW,
        (0x01, true) => AmoswapW,
        (0x00, true) => AmoaddW,
        (0x04, true) => AmoxorW,
        (0x0c, true) => AmoandW,
        (0x08, true) => AmoorW,
        (0x10, true) => AmominW,
        (0x14, true) => AmomaxW,
        (0x18, true) => AmominuW,
        (0x1c, true) => AmomaxuW,
        (0x02, false) => LrD,
        (0x03, false) => ScD,
        (0x01, false) => AmoswapD,
        (0x00, false) => AmoaddD,
        (0x04, false) => AmoxorD,
        (0x0c, false) => AmoandD,
        (0x08, false) => AmoorD,
        (0x10, false) => AmominD,
        (0x14, false) => AmomaxD,
        (0x18, false) => AmominuD,
        (0x1c, false) => AmomaxuD,
        _ => return ill,
    };
    if matches!(op, LrW | LrD) && bits(raw, 24, 20) != 0 {
        return ill;
    }
    let mut i = r(op, raw);
    i.rs3 = 0;
    i.rm = bits(raw, 26, 25) as u8;
    i
}

fn decode_fp(raw: u32) -> Inst {
    use Op::*;
    let ill = Inst::illegal(raw, 4);
    let f3 = bits(raw, 14, 12);
    let rs2 = bits(raw, 24, 20);
    let op = match bits(raw, 31, 25) {
        0x00 => FaddS,
        0x01 => FaddD,
        0x04 => FsubS,
        0x05 => FsubD,
        0x08 => FmulS,
        0x09 => FmulD,
        0x0c => FdivS,
        0x0d => FdivD,
        0x2c if rs2 == 0 => FsqrtS,
        0x2d if rs2 == 0 => FsqrtD,
        0x10 | 0x11 => {
            let d = bits(raw, 25, 25) == 1;
            let op = match (f3, d) {
                (0, false) => FsgnjS,
                (1, false) => FsgnjnS,
                (2, false) => FsgnjxS,
                (0, true) => FsgnjD,
                (1, true) => FsgnjnD,
                (2, true) => FsgnjxD,
                _ => return ill,
            };
            return r(op, raw);
        }
        0x14 | 0x15 => {
            let d = bits(raw, 25, 25) == 1;
            let op = match (f3, d) {
                (0, false) => FminS,
                (1, false) => FmaxS,
                (0, true) => FminD,
                (1, true) => FmaxD,
                _ => return ill,
            };
            return r(op, raw);
        }
        0x20 if rs2 == 1 => FcvtSD,
        0x21 if rs2 == 0 => FcvtDS,
        0x50 | 0x51 => {
            let d = bits(raw, 25, 25) == 1;
            let op = match (f3, d) {
                (2, false) => FeqS,
                (1, false) => FltS,
                (0, false) => FleS,
                (2, true) => FeqD,
                (1, true) => FltD,
                (0, true) => FleD,
                _ => return ill,
            };
            return r(op, raw);
        }
        0x60 => match rs2 {
            0 => FcvtWS,
            1 => FcvtWuS,
            2 => FcvtLS,
            3 => FcvtLuS,
            _ => return ill,
        },
        0x61 => match rs2 {
            0 => FcvtWD,
            1 => FcvtWuD,
            2 => FcvtLD,
            3 => FcvtLuD,
            _ => return ill,
        },
        0x68 => match rs2 {
            0 => FcvtSW,
            1 => FcvtSWu,
            2 => FcvtSL,
            3 => FcvtSLu,
            _ => return ill,
        },
        0x69 => match rs2 {
            0 => FcvtDW,
            1 => FcvtDWu,
            2 => FcvtDL,
            3 => FcvtDLu,
            _ => return ill,
        },
        0x70 if rs2 == 0 && f3 == 0 => return r(FmvXW, raw),
        0x70 if rs2 == 0 && f3 == 1 => return r(FclassS, raw),
        0x71 if rs2 == 0 && f3 == 0 => return r(FmvXD, raw),
        0x71 if rs2 == 0 && f3 == 1 => return r(FclassD, raw),
        0x78 if rs2 == 0 && f3 == 0 => return r(FmvWX, raw),
        0x79 if rs2 == 0 && f3 == 0 => return r(FmvDX, raw),
        _ => return ill,
    };
    if !rm_ok(raw) {
        return ill;
    }
    r(op, raw)
}

fn decode_system(raw: u32) -> Inst {
    use Op::*;
    let ill = Inst::illegal(raw, 4);
    let f3 = bits(raw, 14, 12);
    if f3 == 0 {
        let rd = bits(raw, 11, 7);
        let rs1 = bits(raw, 19, 15);
        let f12 = bits(raw, 31, 20);
        if bits(raw, 31, 25) == 0x09 && rd == 0 {
            return r(SfenceVma, raw);
        }
        if rd != 0 || rs1 != 0 {
            return ill;
        }
        let op = match f12 {
            0x000 => Ecall,
            0x001 => Ebreak,
            0x102 => Sret,
            0x302 => Mret,
            0x105 => Wfi,
            _ => return ill,
        };
        return Inst::new(op, raw, 4);
    }
    let op = match f3 {
        1 => Csrrw,
        2 => Csrrs,
        3 => Csrrc,
        5 => Csrrwi,
        6 => Csrrsi,
        7 => Csrrci,
        _ => return ill,
    };
    let mut i = r(op, raw);
    i.rs2 = 0;
    i.rs3 = 0;
    i.imm = bits(raw, 31, 20) as i32;
    i
}

/// Compressed register field (3 bits) to register number x8..x15.
#[inline]
fn creg(x: u16) -> u8 {
    8 + (x & 7) as u8
}

#[inline]
fn b16(x: u16, hi: u32, lo: u32) -> u32 {
    bits(x as u32, hi, lo)
}

fn c_inst(op: Op, raw: u16, rd: u8, rs1: u8, rs2: u8, imm: i32) -> Inst {
    let mut i = Inst::new(op, raw as u32, 2);
    i.rd = rd;
    i.rs1 = rs1;
    i.rs2 = rs2;
    i.imm = imm;
    i
}

/// Decodes a 16-bit instruction into the base instruction it expands to (RVC spec,
/// table 16.5-16.7, RV64 column). Reserved encodings are illegal; HINTs decode as the
/// base instruction they expand to (they are no-ops by construction).
fn decode16(x: u16) -> Inst {
    use Op::*;
    let raw = x as u32;
    let ill = Inst::illegal(raw, 2);
    let f3 = b16(x, 15, 13);
    let rd = b16(x, 11, 7) as u8;
    let rs2 = b16(x, 6, 2) as u8;
    match (x & 3, f3) {
        // Quadrant 0
        (0, 0) => {
            // c.addi4spn: nzuimm[5:4|9:6|2|3]
            let imm = (b16(x, 12, 11) << 4)
                | (b16(x, 10, 7) << 6)
                | (b16(x, 6, 6) << 2)
                | (b16(x, 5, 5) << 3);
            if imm == 0 {
                return ill; // includes the all-zero parcel, defined illegal
            }
            c_inst(Addi, x, creg(x >> 2), 2, 0, imm as i32)
        }
        (0, 1) => c_inst(Fld, x, creg(x >> 2), creg(x >> 7), 0, cld_off(x)),
        (0, 2) => c_inst(Lw, x, creg(x >> 2), creg(x >> 7), 0, clw_off(x)),
        (0, 3) => c_inst(Ld, x, creg(x >> 2), creg(x >> 7), 0, cld_off(x)),
        (0, 5) => c_inst(Fsd, x, 0, creg(x >> 7), creg(x >> 2), cld_off(x)),
        (0, 6) => c_inst(Sw, x, 0, creg(x >> 7), creg(x >> 2), clw_off(x)),
        (0, 7) => c_inst(Sd, x, 0, creg(x >> 7), creg(x >> 2), cld_off(x)),
        (0, _) => ill,
        // Quadrant 1
        (1, 0) => c_inst(Addi, x, rd, rd, 0, ci_imm(x)), // c.nop / c.addi (HINTs included)
        (1, 1) => {
            if rd == 0 {
                return ill;
            }
            c_inst(Addiw, x, rd, rd, 0, ci_imm(x))
        }
        (1, 2) => c_inst(Addi, x, rd, 0, 0, ci_imm(x)), // c.li
        (1, 3) => {
            if rd == 2 {
                let imm = (b16(x, 12, 12) << 9)
                    | (b16(x, 6, 6) << 4)
                    | (b16(x, 5, 5) << 6)
                    | (b16(x, 4, 3) << 7)
                    | (b16(x, 2, 2) << 5);
                if imm == 0 {
                    return ill;
                }
                c_inst(Addi, x, 2, 2, 0, sext(imm, 10))
            } else {
                let imm = (b16(x, 12, 12) << 17) | (b16(x, 6, 2) << 12);
                if imm == 0 {
                    return ill;
                }
                c_inst(Lui, x, rd, 0, 0, sext(imm, 18))
            }
        }
        (1, 4) => {
            let rdp = creg(x >> 7);
            let shamt = ((b16(x, 12, 12) << 5) | b16(x, 6, 2)) as i32;
            match b16(x, 11, 10) {
                0 => c_inst(Srli, x, rdp, rdp, 0, shamt),
                1 => c_inst(Srai, x, rdp, rdp, 0, shamt),
                2 => c_inst(Andi, x, rdp, rdp, 0, ci_imm(x)),
                _ => {
                    let rs2p = creg(x >> 2);
                    let op = match (b16(x, 12, 12), b16(x, 6, 5)) {
                        (0, 0) => Sub,
                        (0, 1) => Xor,
                        (0, 2) => Or,
                        (0, 3) => And,
                        (1, 0) => Subw,
                        (1, 1) => Addw,
                        _ => return ill,
                    };
                    c_inst(op, x, rdp, rdp, rs2p, 0)
                }
            }
        }
        (1, 5) => c_inst(Jal, x, 0, 0, 0, cj_off(x)),
        (1, 6) => c_inst(Beq, x, 0, creg(x >> 7), 0, cb_off(x)),
        (1, 7) => c_inst(Bne, x, 0, creg(x >> 7), 0, cb_off(x)),
        // Quadrant 2
        (2, 0) => {
            let shamt = ((b16(x, 12, 12) << 5) | b16(x, 6, 2)) as i32;
            c_inst(Slli, x, rd, rd, 0, shamt)
        }
        (2, 1) => {
            let off = (b16(x, 12, 12) << 5) | (b16(x, 6, 5) << 3) | (b16(x, 4, 2) << 6);
            c_inst(Fld, x, rd, 2, 0, off as i32)
        }
        (2, 2) => {
            if rd == 0 {
                return ill;
            }
            let off = (b16(x, 12, 12) << 5) | (b16(x, 6, 4) << 2) | (b16(x, 3, 2) << 6);
            c_inst(Lw, x, rd, 2, 0, off as i32)
        }
        (2, 3) => {
            if rd == 0 {
                return ill;
            }
            let off = (b16(x, 12, 12) << 5) | (b16(x, 6, 5) << 3) | (b16(x, 4, 2) << 6);
            c_inst(Ld, x, rd, 2, 0, off as i32)
        }
        (2, 4) => {
            let bit12 = b16(x, 12, 12);
            match (bit12, rd, rs2) {
                (0, 0, 0) => ill,                           // c.jr with rs1 = 0: reserved
                (0, _, 0) => c_inst(Jalr, x, 0, rd, 0, 0),  // c.jr
                (0, _, _) => c_inst(Add, x, rd, 0, rs2, 0), // c.mv
                (1, 0, 0) => c_inst(Ebreak, x, 0, 0, 0, 0), // c.ebreak
                (1, _, 0) => c_inst(Jalr, x, 1, rd, 0, 0),  // c.jalr
                _ => c_inst(Add, x, rd, rd, rs2, 0),        // c.add
            }
        }
        (2, 5) => {
            let off = (b16(x, 12, 10) << 3) | (b16(x, 9, 7) << 6);
            c_inst(Fsd, x, 0, 2, rs2, off as i32)
        }
        (2, 6) => {
            let off = (b16(x, 12, 9) << 2) | (b16(x, 8, 7) << 6);
            c_inst(Sw, x, 0, 2, rs2, off as i32)
        }
        (2, 7) => {
            let off = (b16(x, 12, 10) << 3) | (b16(x, 9, 7) << 6);
            c_inst(Sd, x, 0, 2, rs2, off as i32)
        }
        _ => ill,
    }
}

/// CI-format 6-bit signed immediate imm[5|4:0].
fn ci_imm(x: u16) -> i32 {
    sext((b16(x, 12, 12) << 5) | b16(x, 6, 2), 6)
}

/// c.lw / c.sw offset: uimm[5:3|2|6].
fn clw_off(x: u16) -> i32 {
    ((b16(x, 12, 10) << 3) | (b16(x, 6, 6) << 2) | (b16(x, 5, 5) << 6)) as i32
}

/// c.ld / c.sd / c.fld / c.fsd offset: uimm[5:3|7:6].
fn cld_off(x: u16) -> i32 {
    ((b16(x, 12, 10) << 3) | (b16(x, 6, 5) << 6)) as i32
}

/// c.j offset: imm[11|4|9:8|10|6|7|3:1|5].
fn cj_off(x: u16) -> i32 {
    let imm = (b16(x, 12, 12) << 11)
        | (b16(x, 11, 11) << 4)
        | (b16(x, 10, 9) << 8)
        | (b16(x, 8, 8) << 10)
        | (b16(x, 7, 7) << 6)
        | (b16(x, 6, 6) << 7)
        | (b16(x, 5, 3) << 1)
        | (b16(x, 2, 2) << 5);
    sext(imm, 12)
}

/// c.beqz / c.bnez offset: imm[8|4:3] … imm[7:6|2:1|5].
fn cb_off(x: u16) -> i32 {
    let imm = (b16(x, 12, 12) << 8)
        | (b16(x, 11, 10) << 3)
        | (b16(x, 6, 5) << 6)
        | (b16(x, 4, 3) << 1)
        | (b16(x, 2, 2) << 5);
    sext(imm, 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_encodings() {
        // addi a0, a0, -1
        let i = decode(0xfff50513);
        assert_eq!((i.op, i.rd, i.rs1, i.imm, i.len), (Op::Addi, 10, 10, -1, 4));
        // lui a0, 0x80000 sign-extends.
        let i = decode(0x80000537);
        assert_eq!((i.op, i.imm), (Op::Lui, i32::MIN));
        // jal ra, -4
        let i = decode(0xffdff0ef);
        assert_eq!((i.op, i.rd, i.imm), (Op::Jal, 1, -4));
        // beq a0, a1, +16
        let i = decode(0x00b50863);
        assert_eq!((i.op, i.rs1, i.rs2, i.imm), (Op::Beq, 10, 11, 16));
        // sd ra, -8(sp)
        let i = decode(0xfe113c23);
        assert_eq!((i.op, i.rs1, i.rs2, i.imm), (Op::Sd, 2, 1, -8));
        // csrrs a0, mstatus, zero
        let i = decode(0x30002573);
        assert_eq!((i.op, i.rd, i.rs1, i.imm), (Op::Csrrs, 10, 0, 0x300));
        // srai a0, a0, 63
        let i = decode(0x43f55513);
        assert_eq!((i.op, i.imm), (Op::Srai, 63));
        // amoadd.w.aqrl a0, a1, (a2)
        let i = decode(0x06b6252f);
        assert_eq!(
            (i.op, i.rd, i.rs1, i.rs2, i.rm),
            (Op::AmoaddW, 10, 12, 11, 3)
        );
    }

    #[test]
    fn decodes_compressed() {
        // c.addi sp, -16 (0x1141)
        let i = decode(0x1141);
        assert_eq!((i.op, i.rd, i.rs1, i.imm, i.len), (Op::Addi, 2, 2, -16, 2));
        // c.ldsp ra, 8(sp) (0x60a2)
        let i = decode(0x60a2);
        assert_eq!((i.op, i.rd, i.rs1, i.imm), (Op::Ld, 1, 2, 8));
        // c.jr ra (0x8082)
        let i = decode(0x8082);
        assert_eq!((i.op, i.rd, i.rs1), (Op::Jalr, 0, 1));
        // c.j -2 (0xbffd)
        let i = decode(0xbffd);
        assert_eq!((i.op, i.imm), (Op::Jal, -2));
        // c.lui a0, 0xfffff (0x757d): imm = -4096
        let i = decode(0x757d);
        assert_eq!((i.op, i.rd, i.imm), (Op::Lui, 10, -4096));
        // c.beqz a0, +8 (0xc501)
        let i = decode(0xc501);
        assert_eq!((i.op, i.rs1, i.imm), (Op::Beq, 10, 8));
    }

    #[test]
    fn reserved_encodings_are_illegal() {
        assert_eq!(decode(0x0000).op, Op::Illegal);
        assert_eq!(decode(0xffff_ffff).op, Op::Illegal);
        // c.jr x0
        assert_eq!(decode(0x8002).op, Op::Illegal);
        // c.lwsp x0
        assert_eq!(decode(0x4002).op, Op::Illegal);
        // c.addi16sp 0
        assert_eq!(decode(0x6101).op, Op::Illegal);
        // jalr with funct3 != 0
        assert_eq!(decode(0x000010e7).op, Op::Illegal);
        // slli with shamt bit 6 set (RV128 only)
        assert_eq!(decode(0x04051513).op, Op::Illegal);
        // slliw with shamt[5] set
        assert_eq!(decode(0x0205151b).op, Op::Illegal);
        // lr.w with rs2 != 0
        assert_eq!(decode(0x1015252f).op, Op::Illegal);
        // fadd.s with rm = 5
        assert_eq!(decode(0x00b5557f & !0x7f | 0x53).op, Op::Illegal);
    }

    #[test]
    fn decodes_bitmanip_and_zicond() {
        // Encodings from GNU as (-march=rv64gc_zba_zbb_zbs; Zicond via .insn), operands
        // a0, a1[, a2 | imm].
        let table: &[(u32, Op, Option<i32>)] = &[
            (0x08c5853b, Op::AddUw, None),
            (0x20c5a533, Op::Sh1add, None),
            (0x20c5c533, Op::Sh2add, None),
            (0x20c5e533, Op::Sh3add, None),
            (0x20c5a53b, Op::Sh1addUw, None),
            (0x20c5c53b, Op::Sh2addUw, None),
            (0x20c5e53b, Op::Sh3addUw, None),
            (0x0a35951b, Op::SlliUw, Some(35)),
            (0x40c5f533, Op::Andn, None),
            (0x40c5e533, Op::Orn, None),
            (0x40c5c533, Op::Xnor, None),
            (0x60059513, Op::Clz, None),
            (0x6005951b, Op::Clzw, None),
            (0x60159513, Op::Ctz, None),
            (0x6015951b, Op::Ctzw, None),
            (0x60259513, Op::Cpop, None),
            (0x6025951b, Op::Cpopw, None),
            (0x0ac5e533, Op::Max, None),
            (0x0ac5f533, Op::Maxu, None),
            (0x0ac5c533, Op::Min, None),
            (0x0ac5d533, Op::Minu, None),
            (0x60459513, Op::SextB, None),
            (0x60559513, Op::SextH, None),
            (0x0805c53b, Op::ZextH, None),
            (0x60c59533, Op::Rol, None),
            (0x60c5953b, Op::Rolw, None),
            (0x60c5d533, Op::Ror, None),
            (0x6255d513, Op::Rori, Some(37)),
            (0x6115d51b, Op::Roriw, Some(17)),
            (0x60c5d53b, Op::Rorw, None),
            (0x2875d513, Op::OrcB, None),
            (0x6b85d513, Op::Rev8, None),
            (0x48c59533, Op::Bclr, None),
            (0x4a859513, Op::Bclri, Some(40)),
            (0x48c5d533, Op::Bext, None),
            (0x4a85d513, Op::Bexti, Some(40)),
            (0x68c59533, Op::Binv, None),
            (0x6a859513, Op::Binvi, Some(40)),
            (0x28c59533, Op::Bset, None),
            (0x2a859513, Op::Bseti, Some(40)),
            (0x0ec5d533, Op::CzeroEqz, None),
            (0x0ec5f533, Op::CzeroNez, None),
        ];
        for &(raw, op, imm) in table {
            let i = decode(raw);
            assert_eq!(i.op, op, "{raw:#010x}");
            assert_eq!((i.rd, i.rs1), (10, 11), "{raw:#010x}");
            if let Some(imm) = imm {
                assert_eq!(i.imm, imm, "{raw:#010x}");
            }
        }
        // Neighbouring reserved encodings stay illegal: roriw with shamt[5] set, zext.h
        // with rs2 != 0, clz with an unknown rs2 selector.
        for raw in [0x6315d51b_u32, 0x0815c53b, 0x60359513] {
            assert_eq!(decode(raw).op, Op::Illegal, "{raw:#010x}");
        }
    }
}
