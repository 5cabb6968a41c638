//! Control and status registers: numbers, access rules and the WARL behaviour of each
//! implemented field (privileged spec chapters 2, 3 and 4).

use crate::config::Ext;
use crate::hart::HartCore;
use crate::trap::{irq, Exception, Priv};
use crate::trigger::ARMED_DATA;

/// CSR numbers.
#[allow(missing_docs)]
pub mod num {
    pub const FFLAGS: u16 = 0x001;
    pub const FRM: u16 = 0x002;
    pub const FCSR: u16 = 0x003;
    pub const CYCLE: u16 = 0xc00;
    pub const TIME: u16 = 0xc01;
    pub const INSTRET: u16 = 0xc02;
    pub const HPMCOUNTER3: u16 = 0xc03;
    pub const HPMCOUNTER31: u16 = 0xc1f;
    pub const SSTATUS: u16 = 0x100;
    pub const SIE: u16 = 0x104;
    pub const STVEC: u16 = 0x105;
    pub const SCOUNTEREN: u16 = 0x106;
    pub const SENVCFG: u16 = 0x10a;
    pub const SSCRATCH: u16 = 0x140;
    pub const SEPC: u16 = 0x141;
    pub const SCAUSE: u16 = 0x142;
    pub const STVAL: u16 = 0x143;
    pub const SIP: u16 = 0x144;
    pub const STIMECMP: u16 = 0x14d;
    pub const SATP: u16 = 0x180;
    pub const MVENDORID: u16 = 0xf11;
    pub const MARCHID: u16 = 0xf12;
    pub const MIMPID: u16 = 0xf13;
    pub const MHARTID: u16 = 0xf14;
    pub const MCONFIGPTR: u16 = 0xf15;
    pub const MSTATUS: u16 = 0x300;
    pub const MISA: u16 = 0x301;
    pub const MEDELEG: u16 = 0x302;
    pub const MIDELEG: u16 = 0x303;
    pub const MIE: u16 = 0x304;
    pub const MTVEC: u16 = 0x305;
    pub const MCOUNTEREN: u16 = 0x306;
    pub const MENVCFG: u16 = 0x30a;
    pub const MCOUNTINHIBIT: u16 = 0x320;
    pub const MHPMEVENT3: u16 = 0x323;
    pub const MHPMEVENT31: u16 = 0x33f;
    pub const MSCRATCH: u16 = 0x340;
    pub const MEPC: u16 = 0x341;
    pub const MCAUSE: u16 = 0x342;
    pub const MTVAL: u16 = 0x343;
    pub const MIP: u16 = 0x344;
    pub const PMPCFG0: u16 = 0x3a0;
    pub const PMPCFG15: u16 = 0x3af;
    pub const PMPADDR0: u16 = 0x3b0;
    pub const PMPADDR63: u16 = 0x3ef;
    pub const TSELECT: u16 = 0x7a0;
    pub const TDATA1: u16 = 0x7a1;
    pub const TDATA2: u16 = 0x7a2;
    pub const TDATA3: u16 = 0x7a3;
    pub const TINFO: u16 = 0x7a4;
    pub const TCONTROL: u16 = 0x7a5;
    pub const MCYCLE: u16 = 0xb00;
    pub const MINSTRET: u16 = 0xb02;
    pub const MHPMCOUNTER3: u16 = 0xb03;
    pub const MHPMCOUNTER31: u16 = 0xb1f;
}

/// `mstatus` bit positions and masks.
#[allow(missing_docs)]
pub mod mstatus {
    pub const SIE: u64 = 1 << 1;
    pub const MIE: u64 = 1 << 3;
    pub const SPIE: u64 = 1 << 5;
    pub const MPIE: u64 = 1 << 7;
    pub const SPP: u64 = 1 << 8;
    pub const MPP_SHIFT: u32 = 11;
    pub const MPP: u64 = 3 << MPP_SHIFT;
    pub const FS: u64 = 3 << 13;
    pub const MPRV: u64 = 1 << 17;
    pub const SUM: u64 = 1 << 18;
    pub const MXR: u64 = 1 << 19;
    pub const TVM: u64 = 1 << 20;
    pub const TW: u64 = 1 << 21;
    pub const TSR: u64 = 1 << 22;
    /// UXL = SXL = 2 (64-bit), read-only.
    pub const XLEN_FIELDS: u64 = (2 << 32) | (2 << 34);
    pub const SD: u64 = 1 << 63;
    /// Bits software may write through `mstatus`.
    pub const M_WRITABLE: u64 =
        SIE | MIE | SPIE | MPIE | SPP | MPP | MPRV | SUM | MXR | TVM | TW | TSR;
    /// Bits visible through `sstatus`.
    pub const S_VISIBLE: u64 = SIE | SPIE | SPP | FS | SUM | MXR | (3 << 32) | SD;
    /// Bits software may write through `sstatus`.
    pub const S_WRITABLE: u64 = SIE | SPIE | SPP | SUM | MXR;
}

/// `menvcfg.STCE`: Sstc's `stimecmp` enabled.
pub const MENVCFG_STCE: u64 = 1 << 63;
/// Writable `menvcfg` bits whatever the configuration: FIOM. ADUE (Svadu) and STCE
/// (Sstc) depend on it ([`crate::CpuConfig::menvcfg_optional`]).
const MENVCFG_WRITABLE: u64 = 1;

/// Exceptions that `medeleg` can delegate (all but ecall from M-mode and reserved codes).
const MEDELEG_WRITABLE: u64 = 0xb3ff;
/// Supervisor interrupts, the only ones `mideleg` can delegate.
const S_INTERRUPTS: u64 = (1 << irq::SSI) | (1 << irq::STI) | (1 << irq::SEI);
/// Interrupt-enable bits that exist.
const MIE_WRITABLE: u64 = S_INTERRUPTS | (1 << irq::MSI) | (1 << irq::MTI) | (1 << irq::MEI);

impl HartCore {
    /// Reads CSR `csr` as the current privilege level may, or says why it cannot.
    /// `write` tells whether the instruction will also write it (for the read-only check).
    pub fn csr_read(&self, csr: u16, write: bool) -> Result<u64, Exception> {
        use num::*;
        let illegal = Err(Exception::IllegalInst(0));
        // Privileged spec 2.1: bits 9:8 give the lowest privilege, 11:10 = 3 means read-only.
        if (self.priv_level as u16) < ((csr >> 8) & 3) || (write && csr >> 10 == 3) {
            return illegal;
        }
        let v = match csr {
            FFLAGS | FRM | FCSR => {
                self.fp_enabled()?;
                match csr {
                    FFLAGS => self.fcsr & 0x1f,
                    FRM => (self.fcsr >> 5) & 7,
                    _ => self.fcsr & 0xff,
                }
            }
            CYCLE | TIME | INSTRET | HPMCOUNTER3..=HPMCOUNTER31 => {
                if csr <= INSTRET && !self.cpu.has(Ext::Zicntr) {
                    return illegal;
                }
                self.counter_allowed(csr - CYCLE)?;
                match csr {
                    CYCLE => self.mcycle(),
                    TIME => self.clock.as_ref().map_or(self.time, |c| c.now()),
                    INSTRET => self.instret,
                    _ => 0,
                }
            }
            SSTATUS => self.mstatus_value() & mstatus::S_VISIBLE,
            SIE => self.mie & self.mideleg,
            STVEC => self.stvec,
            SCOUNTEREN => self.scounteren,
            SENVCFG => self.senvcfg,
            SSCRATCH => self.sscratch,
            SEPC => self.sepc,
            SCAUSE => self.scause,
            STVAL => self.stval,
            SIP => self.mip_value() & self.mideleg,
            SATP => {
                if self.priv_level == Priv::Supervisor && self.mstatus & mstatus::TVM != 0 {
                    return illegal;
                }
                self.satp
            }
            MVENDORID | MARCHID | MIMPID | MCONFIGPTR => 0,
            MHARTID => self.hartid,
            MSTATUS => self.mstatus_value(),
            MISA => self.cpu.misa(),
            MEDELEG => self.medeleg,
            MIDELEG => self.mideleg,
            MIE => self.mie,
            MTVEC => self.mtvec,
            MCOUNTEREN => self.mcounteren,
            MENVCFG => self.menvcfg,
            MCOUNTINHIBIT => 0,
            MHPMEVENT3..=MHPMEVENT31 => 0,
            MSCRATCH => self.mscratch,
            MEPC => self.mepc,
            MCAUSE => self.mcause,
            MTVAL => self.mtval,
            MIP => self.mip_value(),
            MCYCLE => self.mcycle(),
            MINSTRET => self.instret,
            MHPMCOUNTER3..=MHPMCOUNTER31 => 0,
            // Odd pmpcfg registers do not exist on RV64 (priv spec 3.7.1).
            PMPCFG0..=PMPCFG15 if csr.is_multiple_of(2) => {
                self.pmp.read_cfg((csr - PMPCFG0) as usize)
            }
            PMPADDR0..=PMPADDR63 => self.pmp.read_addr((csr - PMPADDR0) as usize),
            STIMECMP => {
                self.stimecmp_allowed()?;
                self.stimecmp
            }
            TSELECT..=TCONTROL => {
                if !self.cpu.has(Ext::Sdtrig) {
                    return illegal;
                }
                let t = &self.triggers;
                match csr {
                    TSELECT => t.tselect(),
                    TDATA1 => t.tdata1(),
                    TDATA2 => t.tdata2(),
                    TINFO => crate::trigger::TINFO,
                    TCONTROL => t.tcontrol(),
                    _ => 0, // tdata3 (textra): no extra match conditions
                }
            }
            _ => return illegal,
        };
        Ok(v)
    }

    /// Writes CSR `csr` (after [`HartCore::csr_read`] allowed the access). CSR
    /// instructions end their block, so state that blocks depend on may change here.
    pub fn csr_write(&mut self, csr: u16, v: u64) -> Result<(), Exception> {
        use num::*;
        match csr {
            FFLAGS | FRM | FCSR => {
                self.fcsr = match csr {
                    FFLAGS => (self.fcsr & !0x1f) | (v & 0x1f),
                    FRM => (self.fcsr & 0x1f) | ((v & 7) << 5),
                    _ => v & 0xff,
                };
                self.mark_fs_dirty();
                return Ok(());
            }
            SSTATUS => {
                let m = mstatus::S_WRITABLE | self.fs_writable();
                self.set_mstatus((self.mstatus & !m) | (v & m));
            }
            SIE => {
                let m = self.mideleg;
                self.mie = (self.mie & !m) | (v & m);
            }
            STVEC => self.stvec = tvec(v, self.stvec),
            SCOUNTEREN => self.scounteren = v & 0xffff_ffff,
            SENVCFG => self.senvcfg = v & 1,
            SSCRATCH => self.sscratch = v,
            SEPC => self.sepc = v & !self.cpu.ialign_mask(),
            SCAUSE => self.scause = v,
            STVAL => self.stval = v,
            SIP => {
                // Only SSIP is writable through sip (priv spec 4.1.3).
                let m = self.mideleg & (1 << irq::SSI);
                self.mip = (self.mip & !m) | (v & m);
            }
            SATP => {
                if self.priv_level == Priv::Supervisor && self.mstatus & mstatus::TVM != 0 {
                    return Err(Exception::IllegalInst(0));
                }
                // satp.MODE is WARL: a write selecting an unsupported mode has no effect
                // at all (priv spec 4.1.11). ASIDs are not implemented (ASIDLEN = 0).
                use crate::mmu::satp_mode::*;
                if matches!(v >> 60, BARE | SV39 | SV48 | SV57) {
                    self.satp = v & !(0xffff << 44);
                    self.flush_tlb();
                }
            }
            MSTATUS => {
                let m = mstatus::M_WRITABLE | self.fs_writable();
                let mut new = (self.mstatus & !m) | (v & m);
                if Priv::from_bits((new & mstatus::MPP) >> mstatus::MPP_SHIFT).is_none() {
                    // MPP is WARL: the reserved value 2 keeps the old field.
                    new = (new & !mstatus::MPP) | (self.mstatus & mstatus::MPP);
                }
                self.set_mstatus(new);
            }
            MISA => {} // WARL, not writable here.
            MEDELEG => self.medeleg = v & MEDELEG_WRITABLE,
            MIDELEG => self.mideleg = v & S_INTERRUPTS,
            MIE => self.mie = v & MIE_WRITABLE,
            MTVEC => self.mtvec = tvec(v, self.mtvec),
            MCOUNTEREN => self.mcounteren = v & 0xffff_ffff,
            MENVCFG => {
                self.menvcfg = v & (MENVCFG_WRITABLE | self.cpu.menvcfg_optional());
                self.flush_tlb(); // ADUE changes what a walk does
                self.update_sstc();
            }
            MCOUNTINHIBIT | MHPMEVENT3..=MHPMEVENT31 | MHPMCOUNTER3..=MHPMCOUNTER31 => {}
            PMPCFG0..=PMPCFG15 => {
                self.pmp.write_cfg((csr - PMPCFG0) as usize, v);
                self.flush_tlb();
            }
            PMPADDR0..=PMPADDR63 => {
                self.pmp.write_addr((csr - PMPADDR0) as usize, v);
                self.flush_tlb();
            }
            STIMECMP => {
                self.stimecmp_allowed()?;
                self.stimecmp = v;
                self.update_sstc();
            }
            TSELECT => self.triggers.set_tselect(v),
            TDATA1 => {
                let before = self.triggers.armed;
                self.triggers.set_tdata1(v);
                if self.triggers.armed & !before & ARMED_DATA != 0 {
                    // Loads and stores must take the slow path, where triggers are
                    // checked: drop the data TLB entries (none are filled while armed).
                    self.flush_tlb();
                }
            }
            TDATA2 => self.triggers.set_tdata2(v),
            TDATA3 | TINFO => {}
            TCONTROL => self.triggers.set_tcontrol(v),
            MSCRATCH => self.mscratch = v,
            MEPC => self.mepc = v & !self.cpu.ialign_mask(),
            MCAUSE => self.mcause = v,
            MTVAL => self.mtval = v,
            MIP => {
                let m = if self.menvcfg & MENVCFG_STCE != 0 {
                    S_INTERRUPTS & !(1 << irq::STI)
                } else {
                    S_INTERRUPTS
                };
                self.mip = (self.mip & !m) | (v & m);
            }
            MCYCLE => self.cycle_offset = v.wrapping_sub(self.instret),
            MINSTRET => {
                // The write wins over this instruction's own increment (priv spec 3.1.10).
                self.instret = v.wrapping_sub(1);
            }
            _ => return Err(Exception::IllegalInst(0)),
        }
        self.irq_dirty = true;
        Ok(())
    }

    /// Counter CSR access check from S and U mode (priv spec 3.1.11, 4.1.5).
    fn counter_allowed(&self, index: u16) -> Result<(), Exception> {
        let bit = 1u64 << index;
        let ok = match self.priv_level {
            Priv::Machine => true,
            Priv::Supervisor => self.mcounteren & bit != 0,
            Priv::User => self.mcounteren & bit != 0 && self.scounteren & bit != 0,
        };
        if ok {
            Ok(())
        } else {
            Err(Exception::IllegalInst(0))
        }
    }

    /// Sstc (`stimecmp`) access check: below M it needs menvcfg.STCE, and in S-mode also
    /// mcounteren.TM (Sstc spec 2.1).
    fn stimecmp_allowed(&self) -> Result<(), Exception> {
        let ok = self.cpu.has(Ext::Sstc)
            && (self.priv_level == Priv::Machine
                || (self.menvcfg & MENVCFG_STCE != 0 && self.mcounteren & 2 != 0));
        if ok {
            Ok(())
        } else {
            Err(Exception::IllegalInst(0))
        }
    }

    /// Recomputes the Sstc timer interrupt: with menvcfg.STCE, mip.STIP is
    /// `time >= stimecmp` and software cannot write it.
    pub fn update_sstc(&mut self) {
        if self.menvcfg & MENVCFG_STCE != 0 {
            let level = self.time >= self.stimecmp;
            self.mip &= !(1 << irq::STI);
            self.set_interrupt_line(irq::STI, level);
        } else {
            self.set_interrupt_line(irq::STI, false);
        }
    }

    /// Sets the `time` CSR's value (from the machine's timer) and updates Sstc.
    pub fn set_time(&mut self, time: u64) {
        self.time = time;
        if self.menvcfg & MENVCFG_STCE != 0 {
            self.update_sstc();
        }
    }

    /// Floating-point state is accessible: the FPU exists and mstatus.FS is not Off
    /// (priv spec 3.1.6.6).
    pub fn fp_enabled(&self) -> Result<(), Exception> {
        if crate::fpu::FPU_ENABLED && self.cpu.has(Ext::F) && self.mstatus & mstatus::FS != 0 {
            Ok(())
        } else {
            Err(Exception::IllegalInst(0))
        }
    }

    /// Records a change to floating-point state: mstatus.FS = Dirty.
    #[inline]
    pub fn mark_fs_dirty(&mut self) {
        self.mstatus |= mstatus::FS;
    }

    /// `mcycle`: follows `minstret` (one cycle per instruction) plus what software wrote.
    pub fn mcycle(&self) -> u64 {
        self.instret.wrapping_add(self.cycle_offset)
    }

    /// `mstatus` as software reads it (with the read-only XLEN fields and SD).
    pub fn mstatus_value(&self) -> u64 {
        let mut v = self.mstatus | mstatus::XLEN_FIELDS;
        if v & mstatus::FS == mstatus::FS {
            v |= mstatus::SD;
        }
        v
    }

    /// `mip` as software reads it: the software-writable bits and the interrupt lines.
    pub fn mip_value(&self) -> u64 {
        self.mip | self.mip_lines
    }

    /// mstatus.FS is writable only with F (otherwise read-only Off).
    fn fs_writable(&self) -> u64 {
        if crate::fpu::FPU_ENABLED && self.cpu.has(Ext::F) {
            mstatus::FS
        } else {
            0
        }
    }

    fn set_mstatus(&mut self, new: u64) {
        // SUM and MXR change what a cached translation permits.
        if (new ^ self.mstatus) & (mstatus::SUM | mstatus::MXR) != 0 {
            self.flush_tlb();
        }
        self.mstatus = new;
        self.update_tlb_index();
        self.irq_dirty = true;
    }
}

/// `xtvec` WARL rule: MODE 0 (direct) and 1 (vectored) are legal; a write with a reserved
/// mode keeps the old value (as QEMU does). The base is 4-byte aligned.
fn tvec(v: u64, old: u64) -> u64 {
    if v & 3 >= 2 {
        old
    } else {
        v & !2
    }
}
