//! Integer operations: RV64I and M arithmetic, Zba, Zbb, Zbs and Zicond.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::{I16, I32, I64, I8};
use cranelift_codegen::ir::{InstBuilder, Type, Value};
use frontend_riscv::{Inst, Op};

use super::{At, Translator};

/// Whether `op` is an integer operation the translator computes inline (or with a pure
/// helper): it reads registers and writes `rd`, nothing else.
pub fn supported_alu(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Lui | Auipc
            | Addi
            | Slti
            | Sltiu
            | Xori
            | Ori
            | Andi
            | Slli
            | Srli
            | Srai
            | Add
            | Sub
            | Sll
            | Slt
            | Sltu
            | Xor
            | Srl
            | Sra
            | Or
            | And
            | Addiw
            | Slliw
            | Srliw
            | Sraiw
            | Addw
            | Subw
            | Sllw
            | Srlw
            | Sraw
            | Mul
            | Mulh
            | Mulhsu
            | Mulhu
            | Div
            | Divu
            | Rem
            | Remu
            | Mulw
            | Divw
            | Divuw
            | Remw
            | Remuw
            | AddUw
            | Sh1add
            | Sh2add
            | Sh3add
            | Sh1addUw
            | Sh2addUw
            | Sh3addUw
            | SlliUw
            | Andn
            | Orn
            | Xnor
            | Clz
            | Clzw
            | Ctz
            | Ctzw
            | Cpop
            | Cpopw
            | Max
            | Maxu
            | Min
            | Minu
            | SextB
            | SextH
            | ZextH
            | Rol
            | Rolw
            | Ror
            | Rori
            | Roriw
            | Rorw
            | OrcB
            | Rev8
            | Bclr
            | Bclri
            | Bext
            | Bexti
            | Binv
            | Binvi
            | Bset
            | Bseti
            | CzeroEqz
            | CzeroNez
    )
}

impl Translator<'_> {
    fn sext32(&mut self, v: Value) -> Value {
        self.sext_from(v, I32)
    }

    /// Sign-extends the low bits (`ty` wide) of `v` to 64.
    pub(super) fn sext_from(&mut self, v: Value, ty: Type) -> Value {
        let low = self.b.ins().ireduce(ty, v);
        self.b.ins().sextend(I64, low)
    }

    /// Zero-extends the low bits (`ty` wide) of `v` to 64.
    fn zext_from(&mut self, v: Value, ty: Type) -> Value {
        let low = self.b.ins().ireduce(ty, v);
        self.b.ins().uextend(I64, low)
    }

    fn bool_to_x(&mut self, cond: Value) -> Value {
        self.b.ins().uextend(I64, cond)
    }

    /// Division and remainder with RISC-V's results where the host would trap
    /// (unprivileged spec, "Division Operations"): by zero, the quotient is all ones and
    /// the remainder the dividend; for the signed overflow (MIN / -1) the quotient is
    /// the dividend and the remainder 0. `ty` is I64 or I32 (the *W forms, whose result
    /// is sign-extended).
    fn divide(&mut self, op: Op, a: Value, c: Value, ty: Type) -> Value {
        use Op::*;
        let (a, c) = if ty == I32 {
            (self.b.ins().ireduce(I32, a), self.b.ins().ireduce(I32, c))
        } else {
            (a, c)
        };
        let signed = matches!(op, Div | Rem | Divw | Remw);
        let rem = matches!(op, Rem | Remu | Remw | Remuw);
        let zero = self.b.ins().icmp_imm_s(IntCC::Equal, c, 0);
        let mut bad = zero;
        if signed {
            let min = if ty == I32 { i32::MIN as i64 } else { i64::MIN };
            let a_min = self.b.ins().icmp_imm_s(IntCC::Equal, a, min);
            let c_m1 = self.b.ins().icmp_imm_s(IntCC::Equal, c, -1);
            let ovf = self.b.ins().band(a_min, c_m1);
            bad = self.b.ins().bor(zero, ovf);
        }
        // Divide by 1 where the host would trap, then pick the RISC-V result.
        let one = self.b.ins().iconst(ty, 1);
        let safe = self.b.ins().select(bad, one, c);
        let r = match (signed, rem) {
            (true, false) => self.b.ins().sdiv(a, safe),
            (true, true) => self.b.ins().srem(a, safe),
            (false, false) => self.b.ins().udiv(a, safe),
            (false, true) => self.b.ins().urem(a, safe),
        };
        // Overflow: a / 1 = a (the quotient wanted), a % 1 = 0 (the remainder wanted).
        // By zero: all ones, or the dividend.
        let by_zero = if rem { a } else { self.b.ins().iconst(ty, -1) };
        let r = self.b.ins().select(zero, by_zero, r);
        if ty == I32 {
            self.b.ins().sextend(I64, r)
        } else {
            r
        }
    }

    /// `mulhsu`: the high half of signed `a` times unsigned `c`, which is the unsigned
    /// high half minus `c` when `a` is negative.
    fn mulhsu(&mut self, a: Value, c: Value) -> Value {
        let hi = self.b.ins().umulhi(a, c);
        let neg = self.b.ins().sshr_imm_s(a, 63);
        let fix = self.b.ins().band(neg, c);
        self.b.ins().isub(hi, fix)
    }

    /// `op` on the low 32 bits (`f`), sign-extended: the *W operations.
    fn op32(
        &mut self,
        a: Value,
        c: Value,
        f: impl FnOnce(&mut Self, Value, Value) -> Value,
    ) -> Value {
        let a32 = self.b.ins().ireduce(I32, a);
        let c32 = self.b.ins().ireduce(I32, c);
        let r = f(self, a32, c32);
        self.b.ins().sextend(I64, r)
    }

    /// `1 << (amount & 63)`.
    fn bit(&mut self, amount: Value) -> Value {
        let one = self.b.ins().iconst(I64, 1);
        // Cranelift takes shift amounts modulo the type's width, as RISC-V does.
        self.b.ins().ishl(one, amount)
    }

    /// `orc.b`: each byte becomes 0xff if it was non-zero, else 0.
    fn orc_b(&mut self, v: Value) -> Value {
        // Bit 7 of ((b & 0x7f) + 0x7f) | b is set exactly when b != 0 (no carry leaves
        // a byte); that bit times 0xff fills the byte.
        const LOW7: i64 = 0x7f7f_7f7f_7f7f_7f7f;
        let t = self.b.ins().band_imm_s(v, LOW7);
        let t = self.b.ins().iadd_imm_s(t, LOW7);
        let t = self.b.ins().bor(t, v);
        let t = self.b.ins().band_imm_s(t, 0x8080_8080_8080_8080u64 as i64);
        let t = self.b.ins().ushr_imm_s(t, 7);
        self.b.ins().imul_imm_s(t, 0xff)
    }

    /// Translates a non-transfer instruction the translator supports.
    pub(super) fn straight(&mut self, i: &Inst, at: At) {
        use Op::*;
        match i.op {
            Lb | Lh | Lw | Ld | Lbu | Lhu | Lwu => return self.load(i, at),
            Sb | Sh | Sw | Sd => return self.store(i, at),
            Flw | Fld | Fsw | Fsd => return self.fp_memory(i, at),
            op if super::atomic::is_amo(op) => return self.amo(i, at),
            // The harts are interleaved on one thread: memory is sequentially consistent.
            Fence => return,
            _ => {}
        }
        let imm = i.imm as i64;
        let v = match i.op {
            Lui => self.b.ins().iconst(I64, imm),
            Auipc => {
                let pc = self.pc_of(at.pa);
                self.b.ins().iadd_imm_s(pc, imm)
            }
            _ => {
                let a = self.x(i.rs1);
                match self.unary(i.op, a, imm) {
                    Some(v) => v,
                    None => {
                        let c = self.x(i.rs2);
                        self.binary(i.op, a, c)
                    }
                }
            }
        };
        self.set_x(i.rd, v);
    }

    /// Operations on `rs1` and the immediate alone.
    fn unary(&mut self, op: Op, a: Value, imm: i64) -> Option<Value> {
        use Op::*;
        Some(match op {
            Addi => self.b.ins().iadd_imm_s(a, imm),
            Slti => {
                let c = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, a, imm);
                self.bool_to_x(c)
            }
            Sltiu => {
                let c = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, a, imm);
                self.bool_to_x(c)
            }
            Xori => self.b.ins().bxor_imm_s(a, imm),
            Ori => self.b.ins().bor_imm_s(a, imm),
            Andi => self.b.ins().band_imm_s(a, imm),
            Slli => self.b.ins().ishl_imm_s(a, imm & 63),
            Srli => self.b.ins().ushr_imm_s(a, imm & 63),
            Srai => self.b.ins().sshr_imm_s(a, imm & 63),
            Addiw => {
                let s = self.b.ins().iadd_imm_s(a, imm);
                self.sext32(s)
            }
            Slliw | Srliw | Sraiw => {
                let sh = self.b.ins().iconst(I32, imm & 31);
                let a32 = self.b.ins().ireduce(I32, a);
                let r = match op {
                    Slliw => self.b.ins().ishl(a32, sh),
                    Srliw => self.b.ins().ushr(a32, sh),
                    _ => self.b.ins().sshr(a32, sh),
                };
                self.b.ins().sextend(I64, r)
            }
            SlliUw => {
                let z = self.zext_from(a, I32);
                self.b.ins().ishl_imm_s(z, imm & 63)
            }
            Clz => self.b.ins().clz(a),
            Ctz => self.b.ins().ctz(a),
            Cpop => self.b.ins().popcnt(a),
            Clzw | Ctzw | Cpopw => {
                let a32 = self.b.ins().ireduce(I32, a);
                let r = match op {
                    Clzw => self.b.ins().clz(a32),
                    Ctzw => self.b.ins().ctz(a32),
                    _ => self.b.ins().popcnt(a32),
                };
                self.b.ins().uextend(I64, r)
            }
            SextB => self.sext_from(a, I8),
            SextH => self.sext_from(a, I16),
            ZextH => self.zext_from(a, I16),
            Rori => self.b.ins().rotr_imm_s(a, imm & 63),
            Roriw => {
                let a32 = self.b.ins().ireduce(I32, a);
                let r = self.b.ins().rotr_imm_s(a32, imm & 31);
                self.b.ins().sextend(I64, r)
            }
            OrcB => self.orc_b(a),
            Rev8 => self.b.ins().bswap(a),
            Bclri | Bexti | Binvi | Bseti => {
                let sh = self.b.ins().iconst(I64, imm & 63);
                return Some(self.single_bit(op, a, sh));
            }
            _ => return None,
        })
    }

    /// Zbs operations with the bit number in `amount`.
    fn single_bit(&mut self, op: Op, a: Value, amount: Value) -> Value {
        use Op::*;
        match op {
            Bclr | Bclri => {
                let m = self.bit(amount);
                self.b.ins().band_not(a, m)
            }
            Bset | Bseti => {
                let m = self.bit(amount);
                self.b.ins().bor(a, m)
            }
            Binv | Binvi => {
                let m = self.bit(amount);
                self.b.ins().bxor(a, m)
            }
            _ => {
                let s = self.b.ins().ushr(a, amount);
                self.b.ins().band_imm_s(s, 1)
            }
        }
    }

    /// Operations on `rs1` and `rs2`.
    fn binary(&mut self, op: Op, a: Value, c: Value) -> Value {
        use Op::*;
        match op {
            Add => self.b.ins().iadd(a, c),
            Sub => self.b.ins().isub(a, c),
            Sll => self.b.ins().ishl(a, c),
            Srl => self.b.ins().ushr(a, c),
            Sra => self.b.ins().sshr(a, c),
            Slt => {
                let r = self.b.ins().icmp(IntCC::SignedLessThan, a, c);
                self.bool_to_x(r)
            }
            Sltu => {
                let r = self.b.ins().icmp(IntCC::UnsignedLessThan, a, c);
                self.bool_to_x(r)
            }
            Xor => self.b.ins().bxor(a, c),
            Or => self.b.ins().bor(a, c),
            And => self.b.ins().band(a, c),
            Addw => self.op32(a, c, |t, x, y| t.b.ins().iadd(x, y)),
            Subw => self.op32(a, c, |t, x, y| t.b.ins().isub(x, y)),
            // Cranelift takes the amount modulo 32 for 32-bit values, as RISC-V does.
            Sllw => self.op32(a, c, |t, x, y| t.b.ins().ishl(x, y)),
            Srlw => self.op32(a, c, |t, x, y| t.b.ins().ushr(x, y)),
            Sraw => self.op32(a, c, |t, x, y| t.b.ins().sshr(x, y)),
            Mul => self.b.ins().imul(a, c),
            Mulh => self.b.ins().smulhi(a, c),
            Mulhu => self.b.ins().umulhi(a, c),
            Mulw => self.op32(a, c, |t, x, y| t.b.ins().imul(x, y)),
            Mulhsu => self.mulhsu(a, c),
            Div | Divu | Rem | Remu => self.divide(op, a, c, I64),
            Divw | Divuw | Remw | Remuw => self.divide(op, a, c, I32),
            AddUw | Sh1addUw | Sh2addUw | Sh3addUw => {
                let z = self.zext_from(a, I32);
                let sh = match op {
                    AddUw => 0,
                    Sh1addUw => 1,
                    Sh2addUw => 2,
                    _ => 3,
                };
                let s = self.b.ins().ishl_imm_s(z, sh);
                self.b.ins().iadd(s, c)
            }
            Sh1add | Sh2add | Sh3add => {
                let sh = match op {
                    Sh1add => 1,
                    Sh2add => 2,
                    _ => 3,
                };
                let s = self.b.ins().ishl_imm_s(a, sh);
                self.b.ins().iadd(s, c)
            }
            Andn => self.b.ins().band_not(a, c),
            Orn => self.b.ins().bor_not(a, c),
            Xnor => self.b.ins().bxor_not(a, c),
            Max => self.b.ins().smax(a, c),
            Maxu => self.b.ins().umax(a, c),
            Min => self.b.ins().smin(a, c),
            Minu => self.b.ins().umin(a, c),
            Rol => self.b.ins().rotl(a, c),
            Ror => self.b.ins().rotr(a, c),
            Rolw => self.op32(a, c, |t, x, y| t.b.ins().rotl(x, y)),
            Rorw => self.op32(a, c, |t, x, y| t.b.ins().rotr(x, y)),
            Bclr | Bext | Binv | Bset => self.single_bit(op, a, c),
            CzeroEqz => {
                let zero = self.b.ins().iconst(I64, 0);
                self.b.ins().select(c, a, zero)
            }
            CzeroNez => {
                let zero = self.b.ins().iconst(I64, 0);
                self.b.ins().select(c, zero, a)
            }
            _ => unreachable!("unsupported op {op:?} reached the translator"),
        }
    }
}
