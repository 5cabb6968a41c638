//! The debug trigger module (Sdtrig, RISC-V debug spec 1.0 chapter 5): two triggers,
//! each an address match trigger (`mcontrol`, type 2, or `mcontrol6`, type 6) on
//! instruction execution, loads and stores, or an instruction count trigger (`icount`,
//! type 3), and `tcontrol`'s M-mode enable. Every trigger's action is a breakpoint
//! exception (action 0): there is no Debug Mode.
//!
//! This file keeps the trigger state, its CSR rules (WARL fields) and the match logic;
//! the hart asks it at three points, all free when nothing is armed ([`Triggers::armed`]
//! is 0): the run loop before each instruction (execute triggers, icount), the slow
//! path of every load and store (the TLB keeps no data entries while a load or store
//! trigger is armed), and trap entry and `mret` (tcontrol, icount).

use crate::trap::Priv;

/// Number of triggers (as on QEMU).
pub const TRIGGERS: usize = 2;

/// [`Triggers::armed`]: an execute trigger is set.
pub const ARMED_EXEC: u8 = 1;
/// [`Triggers::armed`]: a load or store trigger is set.
pub const ARMED_DATA: u8 = 2;
/// [`Triggers::armed`]: an icount trigger is counting or pending.
pub const ARMED_ICOUNT: u8 = 4;

/// `tdata1.type` values.
mod ty {
    pub const MCONTROL: u64 = 2;
    pub const ICOUNT: u64 = 3;
    pub const MCONTROL6: u64 = 6;
    pub const DISABLED: u64 = 15;
}

const TYPE_SHIFT: u32 = 60;
const LOAD: u64 = 1 << 0;
const STORE: u64 = 1 << 1;
const EXECUTE: u64 = 1 << 2;
/// The u, s and m bits of mcontrol/mcontrol6 (bits 3, 4 and 6: 3 + privilege number).
const MC_MODES: u64 = (1 << 3) | (1 << 4) | (1 << 6);
const MC_MODE_SHIFT: u32 = 3;
const MATCH_SHIFT: u32 = 7;
const MATCH: u64 = 0xf << MATCH_SHIFT;
const CHAIN: u64 = 1 << 11;
/// mcontrol: sizelo (17:16) and sizehi (22:21).
const MC_SIZELO: u64 = 3 << 16;
const MC_SIZEHI: u64 = 3 << 21;
const MC_HIT: u64 = 1 << 20;
/// mcontrol6: size (18:16) and hit0 (22).
const MC6_SIZE: u64 = 7 << 16;
const MC6_HIT0: u64 = 1 << 22;
/// icount fields.
const IC_MODES: u64 = (1 << 6) | (1 << 7) | (1 << 9);
const IC_MODE_SHIFT: u32 = 6;
const IC_PENDING: u64 = 1 << 8;
const IC_COUNT_SHIFT: u32 = 10;
const IC_COUNT: u64 = 0x3fff << IC_COUNT_SHIFT;
const IC_HIT: u64 = 1 << 24;

/// `tcontrol.mte`: triggers may fire in M-mode.
pub const TCONTROL_MTE: u64 = 1 << 3;
/// `tcontrol.mpte`: mte before the last trap into M-mode.
pub const TCONTROL_MPTE: u64 = 1 << 7;

/// `tinfo`: version 1 (Sdtrig 1.0) and the supported types 2, 3, 6 and 15.
pub const TINFO: u64 = (1 << 24) | (1 << 2) | (1 << 3) | (1 << 6) | (1 << 15);

/// Largest NAPOT range of mcontrol6 (log2 bytes): any.
const MASKMAX6: u32 = 63;

/// A memory access a load/store trigger looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataAccess {
    /// Lowest virtual address accessed.
    pub va: u64,
    /// Size in bytes (1, 2, 4 or 8).
    pub size: u64,
    /// It reads memory (loads, LR, AMOs).
    pub load: bool,
    /// It writes memory (stores, SC, AMOs).
    pub store: bool,
}

/// What a trigger is compared against.
#[derive(Debug, Clone, Copy)]
enum Event {
    /// Executing the instruction at this address, of this length in bytes (0: not yet
    /// known, because its fetch failed).
    Exec { pc: u64, len: u64 },
    /// A load or store.
    Data(DataAccess),
}

/// The trigger module of one hart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triggers {
    select: usize,
    tdata1: [u64; TRIGGERS],
    tdata2: [u64; TRIGGERS],
    tcontrol: u64,
    /// Which kinds of trigger are set (`ARMED_*` bits); 0 when none is, so the hart's
    /// checks cost one test.
    pub armed: u8,
    /// The instruction now running wrote an icount trigger: its own retirement does not
    /// count against the new value (debug spec 5.7.13, icount).
    icount_written: bool,
    /// tcontrol when the instruction now running was fetched (its retirement counts by
    /// the mode and mte it was fetched with: `mret` restores mte after).
    fetch_tcontrol: u64,
}

impl Default for Triggers {
    /// The reset state (as QEMU resets it): every trigger an mcontrol that matches
    /// nothing, tselect 0, tcontrol 0 (no triggers in M-mode).
    fn default() -> Self {
        Triggers {
            select: 0,
            tdata1: [ty::MCONTROL << TYPE_SHIFT; TRIGGERS],
            tdata2: [0; TRIGGERS],
            tcontrol: 0,
            armed: 0,
            icount_written: false,
            fetch_tcontrol: 0,
        }
    }
}

fn trigger_type(tdata1: u64) -> u64 {
    tdata1 >> TYPE_SHIFT
}

/// Bytes of an mcontrol/mcontrol6 size encoding (1, 2, 3, 5: 8 to 64 bits), 0 = any;
/// `None` for sizes this hart never accesses (48 bits, 128 bits, reserved).
fn size_bytes(code: u64) -> Option<u64> {
    match code {
        0 => Some(0),
        1 => Some(1),
        2 => Some(2),
        3 => Some(4),
        5 => Some(8),
        _ => None,
    }
}

impl Triggers {
    /// `tselect`.
    pub fn tselect(&self) -> u64 {
        self.select as u64
    }

    /// Writes `tselect`: an index past the last trigger leaves it unchanged (WARL, as
    /// QEMU does), so a debugger reading it back sees the count.
    pub fn set_tselect(&mut self, v: u64) {
        if v < TRIGGERS as u64 {
            self.select = v as usize;
        }
    }

    /// `tdata1` of the selected trigger.
    pub fn tdata1(&self) -> u64 {
        self.tdata1[self.select]
    }

    /// `tdata2` of the selected trigger.
    pub fn tdata2(&self) -> u64 {
        self.tdata2[self.select]
    }

    /// `tcontrol`.
    pub fn tcontrol(&self) -> u64 {
        self.tcontrol
    }

    /// Writes `tcontrol` (mte and mpte are the only fields).
    pub fn set_tcontrol(&mut self, v: u64) {
        self.tcontrol = v & (TCONTROL_MTE | TCONTROL_MPTE);
    }

    /// Writes `tdata1` of the selected trigger, keeping only what this hart supports
    /// (every field is WARL). Writing 0, or a type the trigger cannot be, disables it
    /// (type 15, as the spec asks of triggers with several types).
    pub fn set_tdata1(&mut self, v: u64) {
        let i = self.select;
        let last = i + 1 == TRIGGERS;
        let new = match trigger_type(v) {
            ty::MCONTROL => {
                let size = (v & MC_SIZELO) >> 16 | (v & MC_SIZEHI) >> 19;
                // NAPOT needs maskmax > 0, which mcontrol reports as 0 (mcontrol6 has it).
                let m = legal_match((v & MATCH) >> MATCH_SHIFT, false);
                let mut t = (ty::MCONTROL << TYPE_SHIFT)
                    | (v & (LOAD | STORE | EXECUTE | MC_MODES | MC_HIT))
                    | (m << MATCH_SHIFT);
                if size_bytes(size).is_some() {
                    t |= v & (MC_SIZELO | MC_SIZEHI);
                }
                if !last {
                    t |= v & CHAIN;
                }
                t
            }
            ty::MCONTROL6 => {
                let m = legal_match((v & MATCH) >> MATCH_SHIFT, true);
                let mut t = (ty::MCONTROL6 << TYPE_SHIFT)
                    | (v & (LOAD | STORE | EXECUTE | MC_MODES | MC6_HIT0))
                    | (m << MATCH_SHIFT);
                if size_bytes((v & MC6_SIZE) >> 16).is_some() {
                    t |= v & MC6_SIZE;
                }
                if !last {
                    t |= v & CHAIN;
                }
                t
            }
            ty::ICOUNT => {
                self.icount_written = true;
                (ty::ICOUNT << TYPE_SHIFT) | (v & (IC_MODES | IC_PENDING | IC_COUNT | IC_HIT))
            }
            _ => ty::DISABLED << TYPE_SHIFT,
        };
        self.tdata1[i] = new;
        if trigger_type(new) == ty::MCONTROL6 {
            // tdata2's NAPOT rule depends on the match type: re-apply it.
            self.tdata2[i] = self.legal_tdata2(i, self.tdata2[i]);
        }
        self.update_armed();
    }

    /// Writes `tdata2` of the selected trigger.
    pub fn set_tdata2(&mut self, v: u64) {
        let i = self.select;
        self.tdata2[i] = self.legal_tdata2(i, v);
    }

    /// mcontrol6 NAPOT: with bits maskmax6-1:0 all ones, bit maskmax6-1 reads 0
    /// (mcontrol6.match = 1), so software can discover maskmax6.
    fn legal_tdata2(&self, i: usize, v: u64) -> u64 {
        let t1 = self.tdata1[i];
        let napot = matches!((t1 & MATCH) >> MATCH_SHIFT, 1 | 9);
        let low = (1u64 << MASKMAX6) - 1;
        if trigger_type(t1) == ty::MCONTROL6 && napot && v & low == low {
            v & !(1 << (MASKMAX6 - 1))
        } else {
            v
        }
    }

    fn update_armed(&mut self) {
        let mut armed = 0;
        for &t in &self.tdata1 {
            match trigger_type(t) {
                ty::MCONTROL | ty::MCONTROL6 if t & MC_MODES != 0 => {
                    if t & EXECUTE != 0 {
                        armed |= ARMED_EXEC;
                    }
                    if t & (LOAD | STORE) != 0 {
                        armed |= ARMED_DATA;
                    }
                }
                ty::ICOUNT if t & IC_MODES != 0 && t & (IC_COUNT | IC_PENDING) != 0 => {
                    armed |= ARMED_ICOUNT;
                }
                _ => {}
            }
        }
        self.armed = armed;
    }

    /// Whether trigger `i` (mcontrol, mcontrol6 or icount) may match in `p`. Triggers
    /// only fire in M-mode while tcontrol.mte is set (debug spec 5.4, the second
    /// solution to re-entrancy).
    fn enabled_in(&self, i: usize, p: Priv) -> bool {
        self.enabled_with(i, p, self.tcontrol)
    }

    /// [`Triggers::enabled_in`] with tcontrol = `tcontrol`.
    fn enabled_with(&self, i: usize, p: Priv, tcontrol: u64) -> bool {
        let t = self.tdata1[i];
        if p == Priv::Machine && tcontrol & TCONTROL_MTE == 0 {
            return false;
        }
        let shift = match trigger_type(t) {
            ty::MCONTROL | ty::MCONTROL6 => MC_MODE_SHIFT,
            ty::ICOUNT => IC_MODE_SHIFT,
            _ => return false,
        };
        (t >> shift) & (1 << p as u32) != 0
    }

    /// Whether address `a` matches trigger `i`'s match type and tdata2.
    fn address_matches(&self, i: usize, a: u64) -> bool {
        let (t1, t2) = (self.tdata1[i], self.tdata2[i]);
        let m = (t1 & MATCH) >> MATCH_SHIFT;
        let hit = match m & 7 {
            0 => a == t2,
            1 => {
                // The bits above the lowest 0 of tdata2 are compared (debug spec 5.7.11).
                let ignored = t2.trailing_ones() + 1;
                let mask = if ignored >= 64 {
                    0
                } else {
                    u64::MAX << ignored
                };
                a & mask == t2 & mask
            }
            2 => a >= t2,
            3 => a < t2,
            4 => (a as u32) & (t2 >> 32) as u32 == t2 as u32,
            5 => ((a >> 32) as u32) & (t2 >> 32) as u32 == t2 as u32,
            _ => false,
        };
        // Bit 3 of match negates it (8, 9, 12, 13).
        hit != (m & 8 != 0)
    }

    /// Whether trigger `i` matches `e` in privilege `p`; `Some(address)` that matched.
    fn matches(&self, i: usize, e: Event, p: Priv) -> Option<u64> {
        let t = self.tdata1[i];
        let size_code = match trigger_type(t) {
            ty::MCONTROL => (t & MC_SIZELO) >> 16 | (t & MC_SIZEHI) >> 19,
            ty::MCONTROL6 => (t & MC6_SIZE) >> 16,
            _ => return None,
        };
        if !self.enabled_in(i, p) {
            return None;
        }
        let size = size_bytes(size_code).unwrap_or(0);
        match e {
            Event::Exec { pc, len } => {
                let size_ok = size == 0 || size == len;
                (t & EXECUTE != 0 && size_ok && self.address_matches(i, pc)).then_some(pc)
            }
            Event::Data(d) => {
                let kind = (t & LOAD != 0 && d.load) || (t & STORE != 0 && d.store);
                if !kind || (size != 0 && size != d.size) {
                    return None;
                }
                // Every accessed byte's address is a compare value (debug spec 5.7.11,
                // select = 0); the lowest that matches is the faulting address.
                (0..d.size)
                    .map(|b| d.va.wrapping_add(b))
                    .find(|&a| self.address_matches(i, a))
            }
        }
    }

    /// The first chain of triggers that all match `e` (a chain is a run of triggers
    /// with chain = 1 and the one that ends it; a lone trigger is a chain of one):
    /// its first and last index and the matched address (for `xtval`).
    fn find_chain(&self, e: Event, p: Priv) -> Option<(usize, usize, u64)> {
        let mut start = 0;
        while start < TRIGGERS {
            let mut end = start;
            while end + 1 < TRIGGERS && self.tdata1[end] & CHAIN != 0 {
                end += 1;
            }
            let mut addr = None;
            for i in start..=end {
                addr = self.matches(i, e, p);
                if addr.is_none() {
                    break;
                }
            }
            if let Some(a) = addr {
                return Some((start, end, a));
            }
            start = end + 1;
        }
        None
    }

    /// [`Triggers::find_chain`], and sets the hit bits of the chain that fires.
    fn fire(&mut self, e: Event, p: Priv) -> Option<u64> {
        let (start, end, addr) = self.find_chain(e, p)?;
        for i in start..=end {
            self.set_hit(i);
        }
        Some(addr)
    }

    fn set_hit(&mut self, i: usize) {
        self.tdata1[i] |= match trigger_type(self.tdata1[i]) {
            ty::MCONTROL => MC_HIT,
            ty::MCONTROL6 => MC6_HIT0, // hit1:hit0 = 1: fired before the instruction
            ty::ICOUNT => IC_HIT,
            _ => 0,
        };
    }

    /// An execute trigger fires on the instruction at `pc` of `len` bytes (0 if its
    /// fetch failed: size-specific triggers then do not match) in privilege `p`:
    /// `Some(pc)`, the value for `xtval`. Timing is always "before": the instruction
    /// has not run.
    pub fn exec_fires(&mut self, pc: u64, len: u64, p: Priv) -> Option<u64> {
        self.fire(Event::Exec { pc, len }, p)
    }

    /// Whether an execute trigger would fire on the instruction at `pc` of `len` bytes
    /// in privilege `p`, without recording a hit (to find where a block must stop).
    pub fn exec_would_fire(&self, pc: u64, len: u64, p: Priv) -> bool {
        self.find_chain(Event::Exec { pc, len }, p).is_some()
    }

    /// A load or store trigger fires on access `d` in privilege `p`: `Some(address)`,
    /// the lowest accessed address that matched, for `xtval`. Checked before the access
    /// (and before its address translation, debug spec 5.3 priorities).
    pub fn data_fires(&mut self, d: DataAccess, p: Priv) -> Option<u64> {
        self.fire(Event::Data(d), p)
    }

    /// Before an instruction in the run loop: forgets that the previous instruction
    /// wrote an icount trigger, and notes tcontrol as the instruction is fetched.
    pub fn start_instruction(&mut self) {
        self.icount_written = false;
        self.fetch_tcontrol = self.tcontrol;
    }

    /// A trap was taken from `p` (before tcontrol changes for it): each icount trigger
    /// enabled in `p` counts it.
    pub fn icount_trap(&mut self, p: Priv) {
        self.icount_count(p, self.tcontrol);
    }

    /// The instruction fetched in `p` (since [`Triggers::start_instruction`]) retired:
    /// each icount trigger enabled in `p` at its fetch counts it, unless the instruction
    /// wrote an icount trigger itself.
    pub fn icount_retired(&mut self, p: Priv) {
        if std::mem::take(&mut self.icount_written) {
            return;
        }
        self.icount_count(p, self.fetch_tcontrol);
    }

    /// One icount event in `p` with tcontrol `tcontrol`: a trigger enabled there counts
    /// down; at count 1 it becomes pending (and its count 0).
    fn icount_count(&mut self, p: Priv, tcontrol: u64) {
        for i in 0..TRIGGERS {
            let t = self.tdata1[i];
            if trigger_type(t) != ty::ICOUNT || !self.enabled_with(i, p, tcontrol) {
                continue;
            }
            let count = (t & IC_COUNT) >> IC_COUNT_SHIFT;
            let t = match count {
                0 => continue,
                1 => (t & !IC_COUNT) | IC_PENDING,
                n => (t & !IC_COUNT) | ((n - 1) << IC_COUNT_SHIFT),
            };
            self.tdata1[i] = t;
        }
        self.update_armed();
    }

    /// Before an instruction in `p`: a pending icount trigger enabled in `p` fires
    /// (pending is cleared, hit set). The breakpoint's `xtval` is 0.
    pub fn icount_fires(&mut self, p: Priv) -> bool {
        let mut fired = false;
        for i in 0..TRIGGERS {
            let t = self.tdata1[i];
            if trigger_type(t) == ty::ICOUNT && t & IC_PENDING != 0 && self.enabled_in(i, p) {
                self.tdata1[i] = (t & !IC_PENDING) | IC_HIT;
                fired = true;
            }
        }
        if fired {
            self.update_armed();
        }
        fired
    }

    /// A trap into M-mode: mpte = mte, mte = 0 (tcontrol).
    pub fn trap_to_machine(&mut self) {
        let mte = self.tcontrol & TCONTROL_MTE != 0;
        self.tcontrol = if mte { TCONTROL_MPTE } else { 0 };
    }

    /// `mret`: mte = mpte (tcontrol).
    pub fn mret(&mut self) {
        if self.tcontrol & TCONTROL_MPTE != 0 {
            self.tcontrol |= TCONTROL_MTE;
        } else {
            self.tcontrol &= !TCONTROL_MTE;
        }
    }
}

/// The match type a write of `m` selects: the supported ones are kept, others become
/// 0 (equal). NAPOT (1, 9) only where `napot` is supported.
fn legal_match(m: u64, napot: bool) -> u64 {
    match m {
        0 | 2 | 3 | 4 | 5 | 8 | 12 | 13 => m,
        1 | 9 if napot => m,
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
