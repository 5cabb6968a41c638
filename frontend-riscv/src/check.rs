//! `--engine check`: the JIT and the interpreter in lockstep.
//!
//! Each time the machine runs the hart (one [`Hart::run`] call, a quantum), the
//! [`Lockstep`] runs it twice from the same state: first with the JIT on the real hart,
//! recording every RAM write (RAM journals them and the hart's TLBs hold no write entries
//! meanwhile, so every store reaches RAM's journal); then, after putting memory back, on
//! a shadow hart with the interpreter, the reference. The two must end with the same
//! architectural state (registers, pc, CSRs, the retired count) and the same memory
//! writes. The first difference is reported with both states and the code around the
//! pc. A quantum in which the JIT touched a device is not repeated (a device access
//! cannot be undone): the shadow takes the real hart's state after it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use emu_core::{Bus, JournalEntry};

use crate::decode::decode;
use crate::hart::HartCore;
use crate::interp::{Exit, Hart};
use crate::pmp::Pmp;
use crate::trap::Priv;
use crate::trigger::Triggers;

/// The architectural state two engines must agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchState {
    x: [u64; 32],
    pc: u64,
    f: [u64; 32],
    fcsr: u64,
    instret: u64,
    priv_level: Priv,
    waiting: bool,
    csrs: [u64; 24],
    pmp: Pmp,
    triggers: Triggers,
    reservation: Option<u64>,
    atomic_grace_end: u64,
}

/// Names of [`ArchState::csrs`], in order.
const CSR_NAMES: [&str; 24] = [
    "mstatus",
    "medeleg",
    "mideleg",
    "mie",
    "mip",
    "mip_lines",
    "mtvec",
    "mcounteren",
    "menvcfg",
    "mscratch",
    "mepc",
    "mcause",
    "mtval",
    "stvec",
    "scounteren",
    "senvcfg",
    "sscratch",
    "sepc",
    "scause",
    "stval",
    "satp",
    "stimecmp",
    "cycle_offset",
    "time",
];

impl ArchState {
    /// The state of `c`.
    pub fn of(c: &HartCore) -> ArchState {
        ArchState {
            x: c.x,
            pc: c.pc,
            f: c.f,
            fcsr: c.fcsr,
            instret: c.instret,
            priv_level: c.priv_level,
            waiting: c.waiting,
            csrs: [
                c.mstatus,
                c.medeleg,
                c.mideleg,
                c.mie,
                c.mip,
                c.mip_lines,
                c.mtvec,
                c.mcounteren,
                c.menvcfg,
                c.mscratch,
                c.mepc,
                c.mcause,
                c.mtval,
                c.stvec,
                c.scounteren,
                c.senvcfg,
                c.sscratch,
                c.sepc,
                c.scause,
                c.stval,
                c.satp,
                c.stimecmp,
                c.cycle_offset,
                c.time,
            ],
            pmp: c.pmp.clone(),
            triggers: c.triggers.clone(),
            reservation: c.ram.reservation(c.hartid as usize),
            atomic_grace_end: c.atomic_grace_end,
        }
    }

    /// Gives `c` this state (and drops its cached translations if they may differ).
    pub fn apply(&self, c: &mut HartCore) {
        let same_translation = c.satp == self.csrs[20]
            && c.priv_level == self.priv_level
            && c.mstatus == self.csrs[0]
            && c.pmp == self.pmp;
        c.x = self.x;
        c.pc = self.pc;
        c.f = self.f;
        c.fcsr = self.fcsr;
        c.instret = self.instret;
        c.priv_level = self.priv_level;
        c.waiting = self.waiting;
        let s = &self.csrs;
        (c.mstatus, c.medeleg, c.mideleg, c.mie, c.mip, c.mip_lines) =
            (s[0], s[1], s[2], s[3], s[4], s[5]);
        (
            c.mtvec,
            c.mcounteren,
            c.menvcfg,
            c.mscratch,
            c.mepc,
            c.mcause,
        ) = (s[6], s[7], s[8], s[9], s[10], s[11]);
        (
            c.mtval,
            c.stvec,
            c.scounteren,
            c.senvcfg,
            c.sscratch,
            c.sepc,
        ) = (s[12], s[13], s[14], s[15], s[16], s[17]);
        (
            c.scause,
            c.stval,
            c.satp,
            c.stimecmp,
            c.cycle_offset,
            c.time,
        ) = (s[18], s[19], s[20], s[21], s[22], s[23]);
        c.pmp = self.pmp.clone();
        c.triggers = self.triggers.clone();
        c.atomic_grace_end = self.atomic_grace_end;
        c.ram.set_reservation(c.hartid as usize, self.reservation);
        c.update_tlb_index();
        c.irq_dirty = true;
        if !same_translation {
            c.flush_tlb();
        }
    }

    /// The fields that differ from `other`'s, one per line: `name: ours vs theirs`.
    fn differences(&self, other: &ArchState) -> Vec<String> {
        let mut d = Vec::new();
        let mut cmp = |name: String, a: u64, b: u64| {
            if a != b {
                d.push(format!("{name}: {a:#x} vs {b:#x}"));
            }
        };
        for r in 1..32 {
            cmp(format!("x{r}"), self.x[r], other.x[r]);
        }
        cmp("pc".into(), self.pc, other.pc);
        for r in 0..32 {
            cmp(format!("f{r}"), self.f[r], other.f[r]);
        }
        cmp("fcsr".into(), self.fcsr, other.fcsr);
        cmp("instret".into(), self.instret, other.instret);
        cmp(
            "priv".into(),
            self.priv_level as u64,
            other.priv_level as u64,
        );
        cmp("wfi".into(), self.waiting as u64, other.waiting as u64);
        for (k, name) in CSR_NAMES.iter().enumerate() {
            cmp(name.to_string(), self.csrs[k], other.csrs[k]);
        }
        cmp(
            "reservation".into(),
            self.reservation.unwrap_or(u64::MAX),
            other.reservation.unwrap_or(u64::MAX),
        );
        cmp(
            "atomic_grace_end".into(),
            self.atomic_grace_end,
            other.atomic_grace_end,
        );
        if self.pmp != other.pmp {
            d.push(format!("pmp: {:?} vs {:?}", self.pmp, other.pmp));
        }
        if self.triggers != other.triggers {
            d.push(format!(
                "triggers: {:?} vs {:?}",
                self.triggers, other.triggers
            ));
        }
        d
    }
}

/// The final value of every byte `journal` wrote.
fn written_bytes(journal: &[JournalEntry]) -> BTreeMap<u64, u8> {
    let mut m = BTreeMap::new();
    for e in journal {
        for k in 0..e.size as u64 {
            m.insert(e.addr + k, (e.new >> (8 * k)) as u8);
        }
    }
    m
}

/// One comparison's result.
struct Step {
    /// How the JIT's run ended.
    exit: Exit,
    /// What differs (nothing: they agree).
    diffs: Vec<String>,
    /// What the interpreter wrote (memory holds it).
    interp_writes: Vec<JournalEntry>,
}

/// What [`Lockstep::run`] found: the two engines disagree.
#[derive(Debug, Clone)]
pub struct Mismatch {
    /// The report: what differs, both states, the code around the pc.
    pub report: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.report)
    }
}

/// The shadow hart and its RAM-only bus, for one hart run in check mode.
pub struct Lockstep {
    shadow: Hart,
    bus: Bus,
    /// Quanta compared so far.
    pub checked: u64,
    /// Quanta not repeated (the JIT touched a device).
    pub unchecked: u64,
}

impl std::fmt::Debug for Lockstep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lockstep")
            .field("checked", &self.checked)
            .field("unchecked", &self.unchecked)
            .finish()
    }
}

impl Lockstep {
    /// A shadow of `primary` (which should have the JIT), and puts `primary` in journal
    /// mode (no write entries in its TLBs).
    pub fn new(primary: &mut Hart) -> Lockstep {
        let c = &mut primary.core;
        c.journal = true;
        c.flush_tlb();
        let mut shadow = Hart::new(c.hartid, c.ram.clone(), c.pc);
        shadow.core.configure(c.cpu);
        shadow.core.clock = c.clock.clone();
        shadow.core.journal = true;
        ArchState::of(c).apply(&mut shadow.core);
        Lockstep {
            bus: Bus::new(c.ram.clone()),
            shadow,
            checked: 0,
            unchecked: 0,
        }
    }

    /// Runs `primary` for `budget` instructions on `bus`, then the shadow from the same
    /// state and memory with the interpreter, and compares. On a difference, narrows it
    /// down to the first block where the engines part (running both again from the same
    /// start with shorter budgets) and reports that.
    pub fn run(
        &mut self,
        primary: &mut Hart,
        bus: &mut Bus,
        budget: u64,
    ) -> Result<Exit, Mismatch> {
        let before = ArchState::of(&primary.core);
        let retired0 = primary.retired();
        let devices0 = bus.device_accesses;
        let step = self.compare(primary, bus, &before, retired0, budget);
        if bus.device_accesses != devices0 {
            // Not repeatable (a device access cannot be undone): the JIT's run stands and
            // the shadow takes its result.
            self.unchecked += 1;
            ArchState::of(&primary.core).apply(&mut self.shadow.core);
            return Ok(step.exit);
        }
        self.checked += 1;
        if step.diffs.is_empty() {
            return Ok(step.exit);
        }
        // Both ran from `before` and memory holds the interpreter's result: put it back
        // and bisect on the budget (both engines stop at the same block boundaries).
        let ram = primary.core.ram.clone();
        ram.journal_undo(&step.interp_writes);
        let (mut agree, mut differ) = (0u64, budget);
        let mut worst = step.diffs;
        while differ - agree > 1 {
            let mid = agree + (differ - agree) / 2;
            let s = self.compare(primary, bus, &before, retired0, mid);
            ram.journal_undo(&s.interp_writes);
            if s.diffs.is_empty() {
                agree = mid;
            } else {
                differ = mid;
                worst = s.diffs;
            }
        }
        // The state where they still agree: the start of the block that differs.
        let s = self.compare(primary, bus, &before, retired0, agree);
        let at = ArchState::of(&self.shadow.core);
        ram.journal_undo(&s.interp_writes);
        Err(Mismatch {
            report: self.report(&before, &at, agree, &worst, budget),
        })
    }

    /// One comparison: the JIT on `primary` from `before` (with `retired0`) for
    /// `budget`, then the interpreter on the shadow from the same state and memory.
    /// Leaves memory as the interpreter wrote it and the primary hart as the JIT left it.
    fn compare(
        &mut self,
        primary: &mut Hart,
        bus: &mut Bus,
        before: &ArchState,
        retired0: u64,
        budget: u64,
    ) -> Step {
        let ram = primary.core.ram.clone();
        before.apply(&mut primary.core);
        primary.retired = retired0;
        let devices0 = bus.device_accesses;
        ram.journal_start();
        let exit = primary.run(bus, budget);
        let jit_writes = ram.journal_take();
        let jit_state = ArchState::of(&primary.core);
        let jit_retired = primary.retired() - retired0;
        if bus.device_accesses != devices0 {
            return Step {
                exit,
                diffs: Vec::new(),
                interp_writes: Vec::new(),
            };
        }
        ram.journal_undo(&jit_writes);
        // Inputs from outside the hart (interrupt lines, time) are in `before`.
        before.apply(&mut self.shadow.core);
        // Scheduling (the grace after an atomic) counts in the hart's retired units.
        self.shadow.retired = retired0;
        ram.journal_start();
        let shadow_exit = self.shadow.run(&mut self.bus, budget);
        let interp_writes = ram.journal_take();
        let interp_state = ArchState::of(&self.shadow.core);
        let interp_retired = self.shadow.retired() - retired0;
        let mut diffs = interp_state.differences(&jit_state);
        if shadow_exit != exit {
            diffs.push(format!("exit: {shadow_exit:?} vs {exit:?}"));
        }
        if interp_retired != jit_retired {
            diffs.push(format!("retired: {interp_retired} vs {jit_retired}"));
        }
        let (mi, mj) = (written_bytes(&interp_writes), written_bytes(&jit_writes));
        if mi != mj {
            let addrs: Vec<String> = mi
                .iter()
                .filter(|(a, v)| mj.get(a) != Some(v))
                .chain(mj.iter().filter(|(a, v)| mi.get(a) != Some(v)))
                .take(8)
                .map(|(a, _)| {
                    format!(
                        "{a:#x}: {} vs {}",
                        mi.get(a).map_or("-".into(), |v| format!("{v:#04x}")),
                        mj.get(a).map_or("-".into(), |v| format!("{v:#04x}"))
                    )
                })
                .collect();
            diffs.push(format!("memory written: {}", addrs.join(", ")));
        }
        Step {
            exit,
            diffs,
            interp_writes,
        }
    }

    /// The report of a difference (interpreter first, then the JIT): what differs
    /// after the first block where they part, the state where they still agreed (after
    /// `agree` instructions from `start`), and the code there.
    fn report(
        &mut self,
        start: &ArchState,
        at: &ArchState,
        agree: u64,
        diffs: &[String],
        budget: u64,
    ) -> String {
        let mut r = String::new();
        let _ = writeln!(
            r,
            "engine check: the JIT and the interpreter differ (hart {}): in a run of up to {budget} instructions from pc {:#x}, they agree for {agree} instructions, then differ after the block at pc {:#x} (interpreter vs JIT):",
            self.shadow.core.hartid, start.pc, at.pc
        );
        for d in diffs {
            let _ = writeln!(r, "  {d}");
        }
        let _ = writeln!(r, "state before that block:");
        for k in (0..32).step_by(4) {
            let _ = writeln!(
                r,
                "  x{k:<2} {:#018x} {:#018x} {:#018x} {:#018x}",
                at.x[k],
                at.x[k + 1],
                at.x[k + 2],
                at.x[k + 3]
            );
        }
        let _ = writeln!(
            r,
            "  priv {:?} mstatus {:#x} satp {:#x} instret {}",
            at.priv_level, at.csrs[0], at.csrs[20], at.instret
        );
        let _ = writeln!(r, "code there:");
        let c = &mut self.shadow.core;
        let mut pc = at.pc;
        for _ in 0..16 {
            let Ok(pa) = c.translate_quiet(pc, 2) else {
                break;
            };
            let Some(lo) = c.ram.read(pa, 2) else { break };
            let raw = if lo & 3 == 3 {
                c.ram.read(pa, 4).unwrap_or(lo)
            } else {
                lo
            };
            let i = decode(raw as u32);
            let _ = writeln!(r, "  {pc:#018x}: {raw:08x} {:?}", i.op);
            pc += i.len as u64;
        }
        r
    }
}
