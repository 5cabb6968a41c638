//! Architectural state of one hart and trap entry/return.

use std::sync::Arc;

use emu_core::{Clock, GuestRam};

use crate::config::CpuConfig;
use crate::csr::mstatus;
use crate::mem::Access;
use crate::pmp::Pmp;
use crate::tlb::Tlb;
use crate::trace::{PageFaultEvent, TraceFlags, Tracer, TrapEvent, TRACE_INT, TRACE_MMU};
use crate::trap::{irq, Exception, Priv};
use crate::trigger::{Triggers, ARMED_ICOUNT};

/// Number of TLBs: one per effective privilege level (U, S, M).
pub const TLB_COUNT: usize = 3;

/// The state of one hart. `#[repr(C)]` with the registers first, so the JIT can address
/// them at fixed offsets from a pointer to this struct.
#[repr(C)]
pub struct HartCore {
    /// Integer registers x0..x31 (x0 always reads zero).
    pub x: [u64; 32],
    /// Program counter.
    pub pc: u64,
    /// Floating-point registers f0..f31 (raw bits, NaN-boxed singles).
    pub f: [u64; 32],
    /// `fcsr`: fflags in bits 4:0, frm in bits 7:5.
    pub fcsr: u64,
    /// Retired instructions (`minstret`).
    pub instret: u64,
    /// TLBs indexed by effective privilege (0 = U, 1 = S, 2 = M).
    pub tlb: [Tlb; TLB_COUNT],
    /// Index into `tlb` for data accesses (privilege after MPRV).
    pub data_tlb: usize,
    /// Index into `tlb` for instruction fetch.
    pub fetch_tlb: usize,
    /// Current privilege level.
    pub priv_level: Priv,
    /// Bumped whenever the TLBs are flushed (caches keyed by virtual pc follow it).
    pub tlb_epoch: u64,
    /// Set when interrupt state may have changed: recheck at the next block boundary.
    pub irq_dirty: bool,
    /// Set by a memory access that must end the current block (write to watched page).
    pub stop_block: bool,
    /// Set when a store hit a page the host watches (HTIF `tohost`) or a device: the
    /// machine must look before the hart goes on.
    pub host_write: bool,
    /// The hart executed WFI and waits for an interrupt.
    pub waiting: bool,
    /// Instructions compiled code may retire before it stops at a block boundary (set
    /// by the hart before it enters the code; see [`crate::compiled`]).
    pub jit_budget: u64,
    /// Where compiled code's helper calls leave their result (Cranelift's
    /// preserve-all calls cannot return a value in a register).
    pub jit_result: u64,
    /// The `Bus` compiled code's helpers use (an address: set by the engine when it
    /// enters code, valid only during that call).
    pub jit_bus: usize,
    /// The hart's retired count when it entered compiled code (the code's blocks start
    /// at this plus what the code retired before them: `retired_now` for its helpers).
    pub jit_retired_base: u64,
    /// The TLBs hold no write entries, so that every store reaches
    /// [`GuestRam::write`] (which journals them for `--engine check`).
    pub journal: bool,
    /// Hart id (`mhartid`).
    pub hartid: u64,
    /// `time` as of the last [`HartCore::set_time`] (Sstc compares against it).
    pub time: u64,
    /// The machine clock: reads of the `time` CSR follow it live when present.
    pub clock: Option<Arc<Clock>>,
    /// `mcycle - minstret`.
    pub cycle_offset: u64,
    /// `mstatus` without the read-only fields.
    pub mstatus: u64,
    /// `medeleg`.
    pub medeleg: u64,
    /// `mideleg`.
    pub mideleg: u64,
    /// `mie`.
    pub mie: u64,
    /// Software-writable bits of `mip` (SSIP, STIP, SEIP).
    pub mip: u64,
    /// Interrupt lines driven by devices (MSIP, MTIP, MEIP, SEIP), ORed into `mip`.
    pub mip_lines: u64,
    /// `mtvec`.
    pub mtvec: u64,
    /// `mcounteren`.
    pub mcounteren: u64,
    /// `menvcfg`.
    pub menvcfg: u64,
    /// `mscratch`.
    pub mscratch: u64,
    /// `mepc`.
    pub mepc: u64,
    /// `mcause`.
    pub mcause: u64,
    /// `mtval`.
    pub mtval: u64,
    /// `stvec`.
    pub stvec: u64,
    /// `scounteren`.
    pub scounteren: u64,
    /// `senvcfg`.
    pub senvcfg: u64,
    /// `sscratch`.
    pub sscratch: u64,
    /// `sepc`.
    pub sepc: u64,
    /// `scause`.
    pub scause: u64,
    /// `stval`.
    pub stval: u64,
    /// `satp`.
    pub satp: u64,
    /// `stimecmp` (Sstc).
    pub stimecmp: u64,
    /// The exception most recently taken by the interpreter (for single-step reports).
    pub last_trap: Option<Exception>,
    /// An exception raised inside compiled code, taken by the hart when the code
    /// returns (see [`crate::compiled`]).
    pub jit_trap: Option<Exception>,
    /// The hart's retired count at the start of the current block (kept by the
    /// interpreter).
    pub retired_now: u64,
    /// Retired count until which the last successful SC or AMO grants the scheduling
    /// grace (see `Hart::run`).
    pub atomic_grace_end: u64,
    /// Physical memory protection.
    pub pmp: Pmp,
    /// The debug trigger module (Sdtrig).
    pub triggers: Triggers,
    /// `GuestRam::watch_epoch` when write permissions were last reconciled.
    pub(crate) seen_watch_epoch: u64,
    /// Guest RAM (for the TLB fill and the watch flags).
    pub ram: Arc<GuestRam>,
    /// The hart's optional features (see [`HartCore::configure`]).
    pub cpu: CpuConfig,
    /// `host pointer - guest physical address` for RAM.
    pub(crate) ram_host_delta: u64,
    /// What to trace (`TRACE_*` bits); 0 = tracing off. Set with [`HartCore::set_tracer`].
    pub trace_flags: TraceFlags,
    /// Where trace events go.
    pub tracer: Option<Arc<dyn Tracer>>,
}

impl std::fmt::Debug for HartCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HartCore")
            .field("hartid", &self.hartid)
            .field("pc", &format_args!("{:#x}", self.pc))
            .field("priv", &self.priv_level)
            .field("instret", &self.instret)
            .finish_non_exhaustive()
    }
}

impl HartCore {
    /// A hart in its reset state (priv spec 3.4): M-mode, `pc` = `reset_pc`, MIE = 0,
    /// MPRV = 0, all other registers zero.
    pub fn new(hartid: u64, ram: Arc<GuestRam>, reset_pc: u64) -> Self {
        let host = ram.host_ptr(ram.base()).expect("RAM is never empty") as u64;
        let ram_host_delta = host.wrapping_sub(ram.base());
        HartCore {
            x: [0; 32],
            pc: reset_pc,
            f: [0; 32],
            fcsr: 0,
            instret: 0,
            tlb: [Tlb::default(), Tlb::default(), Tlb::default()],
            data_tlb: 2,
            fetch_tlb: 2,
            priv_level: Priv::Machine,
            tlb_epoch: 0,
            irq_dirty: true,
            stop_block: false,
            host_write: false,
            waiting: false,
            jit_budget: 0,
            jit_result: 0,
            jit_bus: 0,
            jit_retired_base: 0,
            journal: false,
            hartid,
            time: 0,
            clock: None,
            cycle_offset: 0,
            mstatus: 0,
            medeleg: 0,
            mideleg: 0,
            mie: 0,
            mip: 0,
            mip_lines: 0,
            mtvec: 0,
            mcounteren: 0,
            menvcfg: CpuConfig::default().menvcfg_reset(),
            mscratch: 0,
            mepc: 0,
            mcause: 0,
            mtval: 0,
            stvec: 0,
            scounteren: 0,
            senvcfg: 0,
            sscratch: 0,
            sepc: 0,
            scause: 0,
            stval: 0,
            satp: 0,
            stimecmp: u64::MAX,
            last_trap: None,
            jit_trap: None,
            retired_now: 0,
            atomic_grace_end: 0,
            pmp: Pmp::default(),
            triggers: Triggers::default(),
            seen_watch_epoch: u64::MAX,
            ram,
            cpu: CpuConfig::default(),
            ram_host_delta,
            trace_flags: 0,
            tracer: None,
        }
    }

    /// Gives the hart the features of `cpu`, with their reset values (call before it
    /// runs).
    pub fn configure(&mut self, cpu: CpuConfig) {
        self.cpu = cpu;
        self.menvcfg = cpu.menvcfg_reset();
        self.flush_tlb();
    }

    /// Sends the events in `flags` to `tracer` (or stops tracing with `None`).
    pub fn set_tracer(&mut self, tracer: Option<Arc<dyn Tracer>>, flags: TraceFlags) {
        self.trace_flags = if tracer.is_some() { flags } else { 0 };
        self.tracer = tracer;
    }

    /// Drops cached write permission for pages that gained a watch flag (cached code,
    /// a reservation, host interest) since the last call, e.g. through another hart.
    #[inline]
    pub fn sync_watches(&mut self) {
        let e = self.ram.watch_epoch();
        if e == self.seen_watch_epoch {
            return;
        }
        let seen = std::mem::replace(&mut self.seen_watch_epoch, e);
        let delta = self.ram_host_delta;
        // Usually a page or two gained a flag (an LR, a block of code): drop the write
        // permission of the entries for those pages only.
        if seen != u64::MAX {
            if let Some(pages) = self.ram.watched_since(seen, e) {
                for pa in pages {
                    let host = pa.wrapping_add(delta);
                    for t in self.tlb.iter_mut() {
                        t.revoke_write_to(host);
                    }
                }
                return;
            }
        }
        let ram = self.ram.clone();
        for t in self.tlb.iter_mut() {
            t.revoke_write_if(|host| {
                let pa = host.wrapping_sub(delta);
                !ram.contains(pa, 1) || !ram.watch(pa).is_empty()
            });
        }
    }

    /// Forgets every cached translation.
    pub fn flush_tlb(&mut self) {
        for t in self.tlb.iter_mut() {
            t.flush();
        }
        self.tlb_epoch = self.tlb_epoch.wrapping_add(1);
    }

    /// Recomputes which TLBs fetch and data accesses use (after a change of privilege or
    /// of mstatus.MPRV/MPP).
    pub(crate) fn update_tlb_index(&mut self) {
        let idx = |p: Priv| match p {
            Priv::User => 0,
            Priv::Supervisor => 1,
            Priv::Machine => 2,
        };
        self.fetch_tlb = idx(self.priv_level);
        // Priv spec 3.1.6.3: with MPRV=1, loads and stores in M-mode use MPP's privilege.
        let data_priv = if self.priv_level == Priv::Machine && self.mstatus & mstatus::MPRV != 0 {
            Priv::from_bits((self.mstatus & mstatus::MPP) >> mstatus::MPP_SHIFT)
                .unwrap_or(Priv::User)
        } else {
            self.priv_level
        };
        self.data_tlb = idx(data_priv);
    }

    /// Sets the privilege level (a debugger writing `$priv`).
    pub fn set_privilege(&mut self, p: Priv) {
        self.set_priv(p);
    }

    fn set_priv(&mut self, p: Priv) {
        self.priv_level = p;
        self.update_tlb_index();
        self.irq_dirty = true;
    }

    /// Takes a synchronous exception raised by the instruction at `self.pc`
    /// (priv spec 3.1.6.1, 3.3.1, 4.1.1).
    pub fn take_exception(&mut self, e: Exception) {
        self.trap(e.cause(), false, e.tval());
    }

    /// The interrupt to take now, if any (priv spec 3.1.9: pending, enabled, and the
    /// target mode's global enable allows it).
    pub fn pending_interrupt(&self) -> Option<u32> {
        let pending = self.mip_value() & self.mie;
        if pending == 0 {
            return None;
        }
        let m_enabled = self.priv_level < Priv::Machine || self.mstatus & mstatus::MIE != 0;
        let s_enabled = self.priv_level < Priv::Supervisor
            || (self.priv_level == Priv::Supervisor && self.mstatus & mstatus::SIE != 0);
        let m_pending = if m_enabled {
            pending & !self.mideleg
        } else {
            0
        };
        let s_pending = if s_enabled { pending & self.mideleg } else { 0 };
        let takeable = if m_pending != 0 { m_pending } else { s_pending };
        irq::PRIORITY
            .iter()
            .copied()
            .find(|&i| takeable & (1 << i) != 0)
    }

    /// Takes interrupt `code` at the current pc.
    pub fn take_interrupt(&mut self, code: u32) {
        self.waiting = false;
        self.trap(code as u64, true, 0);
    }

    fn trap(&mut self, code: u64, interrupt: bool, tval: u64) {
        let (from, epc) = (self.priv_level, self.pc);
        if self.triggers.armed & ARMED_ICOUNT != 0 {
            // icount counts traps taken from the modes it is enabled in.
            self.triggers.icount_trap(from);
        }
        if self.trace_flags & TRACE_MMU != 0 && !interrupt && matches!(code, 12 | 13 | 15) {
            self.trace_page_fault(code, tval);
        }
        self.enter_trap(code, interrupt, tval);
        if self.trace_flags & TRACE_INT != 0 {
            self.trace_trap(TrapEvent {
                hartid: self.hartid,
                interrupt,
                code,
                tval,
                epc,
                from,
                to: self.priv_level,
                handler: self.pc,
            });
        }
    }

    /// `-d mmu`: a page fault about to be taken (here, where `pc` is exact).
    #[cold]
    fn trace_page_fault(&self, code: u64, va: u64) {
        let access = match code {
            12 => Access::Fetch,
            13 => Access::Load,
            _ => Access::Store,
        };
        if let Some(t) = &self.tracer {
            t.page_fault(&PageFaultEvent {
                hartid: self.hartid,
                va,
                code,
                pc: self.pc,
                satp: self.satp,
                privilege: self.effective_priv(access),
            });
        }
    }

    #[cold]
    fn trace_trap(&self, event: TrapEvent) {
        if let Some(t) = &self.tracer {
            t.trap(&event);
        }
    }

    fn enter_trap(&mut self, code: u64, interrupt: bool, tval: u64) {
        let deleg = if interrupt {
            self.mideleg
        } else {
            self.medeleg
        };
        let cause = code | ((interrupt as u64) << 63);
        let vector_off = |tvec: u64| {
            if interrupt && tvec & 1 == 1 {
                4 * code
            } else {
                0
            }
        };
        if self.priv_level <= Priv::Supervisor && (deleg >> code) & 1 == 1 {
            self.scause = cause;
            self.sepc = self.pc;
            self.stval = tval;
            let sie = self.mstatus & mstatus::SIE != 0;
            self.mstatus &= !(mstatus::SPIE | mstatus::SIE | mstatus::SPP);
            if sie {
                self.mstatus |= mstatus::SPIE;
            }
            if self.priv_level == Priv::Supervisor {
                self.mstatus |= mstatus::SPP;
            }
            self.pc = (self.stvec & !3).wrapping_add(vector_off(self.stvec));
            self.set_priv(Priv::Supervisor);
        } else {
            self.mcause = cause;
            self.mepc = self.pc;
            self.mtval = tval;
            let mie = self.mstatus & mstatus::MIE != 0;
            self.mstatus &= !(mstatus::MPIE | mstatus::MIE | mstatus::MPP);
            if mie {
                self.mstatus |= mstatus::MPIE;
            }
            self.mstatus |= (self.priv_level as u64) << mstatus::MPP_SHIFT;
            self.triggers.trap_to_machine();
            self.pc = (self.mtvec & !3).wrapping_add(vector_off(self.mtvec));
            self.set_priv(Priv::Machine);
        }
    }

    /// `mret` (priv spec 3.3.2): returns to MPP, MIE = MPIE, MPIE = 1, MPP = U, and
    /// MPRV = 0 when leaving for a mode below M.
    pub fn mret(&mut self) {
        let mpp = Priv::from_bits((self.mstatus & mstatus::MPP) >> mstatus::MPP_SHIFT)
            .unwrap_or(Priv::User);
        let mpie = self.mstatus & mstatus::MPIE != 0;
        self.mstatus &= !(mstatus::MIE | mstatus::MPP);
        self.mstatus |= mstatus::MPIE;
        if mpie {
            self.mstatus |= mstatus::MIE;
        }
        if mpp != Priv::Machine {
            self.mstatus &= !mstatus::MPRV;
        }
        self.triggers.mret();
        self.pc = self.mepc;
        self.set_priv(mpp);
    }

    /// `sret` (priv spec 4.1.1): returns to SPP, SIE = SPIE, SPIE = 1, SPP = U, MPRV = 0.
    pub fn sret(&mut self) {
        let spp = if self.mstatus & mstatus::SPP != 0 {
            Priv::Supervisor
        } else {
            Priv::User
        };
        let spie = self.mstatus & mstatus::SPIE != 0;
        self.mstatus &= !(mstatus::SIE | mstatus::SPP | mstatus::MPRV);
        self.mstatus |= mstatus::SPIE;
        if spie {
            self.mstatus |= mstatus::SIE;
        }
        self.pc = self.sepc;
        self.set_priv(spp);
    }

    /// Drives interrupt line `code` (MSI, MTI, MEI or SEI) from a device.
    pub fn set_interrupt_line(&mut self, code: u32, level: bool) {
        let bit = 1u64 << code;
        let new = if level {
            self.mip_lines | bit
        } else {
            self.mip_lines & !bit
        };
        if new != self.mip_lines {
            self.mip_lines = new;
            self.irq_dirty = true;
        }
    }
}
