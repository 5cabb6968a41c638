//! The SiFive PLIC (platform-level interrupt controller) as on QEMU's `virt` board:
//! interrupt sources 1..=95 (source 0 does not exist), 3-bit priorities, and two
//! contexts per hart (context `2h` = hart `h` in M-mode, `2h + 1` = S-mode).
//!
//! Register map (all registers 32 bits, 32-bit accesses only):
//!
//! | offset | register |
//! | --- | --- |
//! | `0x0 + 4*src` | priority of `src` (WARL, 0..=7; 0 = never interrupts) |
//! | `0x1000 + 4*w` | pending bits of sources `32w..32w+31` (read-only) |
//! | `0x2000 + 0x80*ctx + 4*w` | enable bits of context `ctx` |
//! | `0x20_0000 + 0x1000*ctx` | priority threshold of `ctx` (WARL, 0..=7) |
//! | `0x20_0000 + 0x1000*ctx + 4` | claim (read) / complete (write) of `ctx` |
//!
//! Unpopulated registers inside the window read as zero and ignore writes, as on QEMU.
//!
//! Gateway and core state machine of one source (level-triggered):
//!
//! ```text
//!            line high                 claim (by any context)
//!   idle ─────────────────▶ pending ─────────────────────────▶ in service
//!     ▲  ◀───────────────── (line low)                             │
//!     │                                                            │ complete
//!     └──────────── line low ◀──── (line still high: pending) ◀────┘
//! ```
//!
//! A source is pending while its line is high and it is not in service. As on QEMU, a
//! line that drops before the claim withdraws the request (the spec lets a real gateway
//! keep it, which only adds spurious claims). Completion ends service; a line that is still
//! high makes the source pending again at once (priv spec PLIC chapter: "gateway ... will
//! not forward another request until completion").
//!
//! A context's interrupt output (MEIP or SEIP of its hart) is high while some pending
//! source that the context enables has a priority above the context's threshold. The
//! machine reads it with [`PlicState::context_pending`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use emu_core::{BusError, InterruptSink, MmioDevice};

/// Size of the PLIC's MMIO window on the virt board.
pub const PLIC_SIZE: u64 = 0x60_0000;
/// Number of source ids, including the non-existent source 0 (so sources are 1..=95).
pub const PLIC_NUM_SOURCES: u32 = 96;
/// The highest priority (priorities and thresholds are 3-bit WARL fields).
pub const PLIC_MAX_PRIORITY: u32 = 7;
/// Most harts the register layout of the window can address (two contexts each).
pub const PLIC_MAX_HARTS: usize = 512;

const PRIORITY_BASE: u64 = 0x0;
const PENDING_BASE: u64 = 0x1000;
const ENABLE_BASE: u64 = 0x2000;
const ENABLE_STRIDE: u64 = 0x80;
const CONTEXT_BASE: u64 = 0x20_0000;
const CONTEXT_STRIDE: u64 = 0x1000;
const CONTEXT_THRESHOLD: u64 = 0x0;
const CONTEXT_CLAIM: u64 = 0x4;

/// 32-bit words in a bitmap over all sources.
const WORDS: usize = PLIC_NUM_SOURCES.div_ceil(32) as usize;
/// Mask of the bits of a bitmap that name real sources (bit 0, source 0, is never set).
const SOURCE_MASK: [u32; WORDS] = [!1, u32::MAX, u32::MAX];

/// Called when some context's interrupt output rises (see [`PlicState::set_wakeup`]).
pub type PlicWakeup = Arc<dyn Fn() + Send + Sync>;

/// The mutable register state, behind the [`PlicState`] lock.
#[derive(Debug)]
struct Regs {
    /// Priority per source id (index 0 unused, always 0).
    priority: [u32; PLIC_NUM_SOURCES as usize],
    /// Input line levels, one bit per source.
    level: [u32; WORDS],
    /// Sources claimed and not yet completed ("in service"), one bit per source.
    in_service: [u32; WORDS],
    /// Enable bits per context.
    enable: Vec<[u32; WORDS]>,
    /// Threshold per context.
    threshold: Vec<u32>,
}

impl Regs {
    /// Pending word `w`: line high and not in service.
    fn pending(&self, w: usize) -> u32 {
        self.level[w] & !self.in_service[w] & SOURCE_MASK[w]
    }

    /// The highest-priority source that context `ctx` would take (priority above the
    /// threshold; ties go to the lowest id), if any.
    fn best(&self, ctx: usize) -> Option<u32> {
        let threshold = self.threshold[ctx];
        let mut best: Option<(u32, u32)> = None;
        for w in 0..WORDS {
            let mut bits = self.pending(w) & self.enable[ctx][w];
            while bits != 0 {
                let src = w as u32 * 32 + bits.trailing_zeros();
                bits &= bits - 1;
                let prio = self.priority[src as usize];
                if prio > threshold && best.is_none_or(|(_, p)| prio > p) {
                    best = Some((src, prio));
                }
            }
        }
        best.map(|(src, _)| src)
    }
}

/// The PLIC's state, shared by the bus-mapped [`Plic`], the devices' interrupt lines
/// (it is their [`InterruptSink`]) and the machine, which reads each context's output.
pub struct PlicState {
    regs: Mutex<Regs>,
    /// Interrupt output per context, recomputed after every change (read lock-free).
    outputs: Vec<AtomicBool>,
    wakeup: Mutex<Option<PlicWakeup>>,
}

impl std::fmt::Debug for PlicState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlicState")
            .field("contexts", &self.outputs.len())
            .field("regs", &*self.lock())
            .finish()
    }
}

impl PlicState {
    /// A PLIC for `harts` harts (contexts `0..2 * harts`), everything reset to zero: no
    /// priorities, nothing enabled, thresholds 0.
    ///
    /// # Panics
    /// If `harts` is 0 or more than [`PLIC_MAX_HARTS`] (a board-wiring bug).
    pub fn new(harts: usize) -> Arc<Self> {
        assert!(
            (1..=PLIC_MAX_HARTS).contains(&harts),
            "PLIC supports 1..={PLIC_MAX_HARTS} harts, not {harts}"
        );
        let contexts = 2 * harts;
        Arc::new(PlicState {
            regs: Mutex::new(Regs {
                priority: [0; PLIC_NUM_SOURCES as usize],
                level: [0; WORDS],
                in_service: [0; WORDS],
                enable: vec![[0; WORDS]; contexts],
                threshold: vec![0; contexts],
            }),
            outputs: (0..contexts).map(|_| AtomicBool::new(false)).collect(),
            wakeup: Mutex::new(None),
        })
    }

    /// Number of contexts (two per hart).
    pub fn contexts(&self) -> usize {
        self.outputs.len()
    }

    /// The context of hart `hart` in M-mode (its output drives `mip.MEIP`).
    pub fn m_context(hart: usize) -> usize {
        2 * hart
    }

    /// The context of hart `hart` in S-mode (its output drives `mip.SEIP`).
    pub fn s_context(hart: usize) -> usize {
        2 * hart + 1
    }

    /// Whether context `ctx` has an interrupt to take: an enabled pending source with a
    /// priority above the context's threshold. False for a context that does not exist.
    pub fn context_pending(&self, ctx: usize) -> bool {
        self.outputs
            .get(ctx)
            .is_some_and(|o| o.load(Ordering::Acquire))
    }

    /// Registers `wakeup`, called (outside the PLIC's lock) whenever a context's output
    /// rises, so a machine whose harts sleep in WFI on other threads can wake them.
    pub fn set_wakeup(&self, wakeup: PlicWakeup) {
        *self.wakeup.lock().unwrap_or_else(|e| e.into_inner()) = Some(wakeup);
    }

    /// Whether source `src`'s pending bit is set (false for source 0 and unknown ids).
    pub fn is_pending(&self, src: u32) -> bool {
        if src == 0 || src >= PLIC_NUM_SOURCES {
            return false;
        }
        let (w, b) = (src as usize / 32, src % 32);
        self.lock().pending(w) & (1 << b) != 0
    }

    /// Claims for context `ctx` (what a read of its claim register does): returns the
    /// best source (see the module docs) and puts it in service, or 0 if there is none.
    pub fn claim(&self, ctx: usize) -> u32 {
        if ctx >= self.contexts() {
            return 0;
        }
        let mut regs = self.lock();
        let Some(src) = regs.best(ctx) else {
            return 0;
        };
        regs.in_service[src as usize / 32] |= 1 << (src % 32);
        self.update(regs);
        src
    }

    /// Completes `src` for context `ctx` (what a write of its claim register does). Ignored
    /// unless `src` is a source that `ctx` enables (PLIC spec: "If the completion ID does
    /// not match an interrupt source that is currently enabled for the target, the
    /// completion is silently ignored").
    pub fn complete(&self, ctx: usize, src: u32) {
        if ctx >= self.contexts() || src == 0 || src >= PLIC_NUM_SOURCES {
            return;
        }
        let (w, bit) = (src as usize / 32, 1u32 << (src % 32));
        let mut regs = self.lock();
        if regs.enable[ctx][w] & bit == 0 {
            return;
        }
        regs.in_service[w] &= !bit;
        self.update(regs);
    }

    fn lock(&self) -> MutexGuard<'_, Regs> {
        self.regs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Recomputes every context's output after a change, releases the lock, and calls
    /// the wakeup hook if an output rose.
    fn update(&self, regs: MutexGuard<'_, Regs>) {
        let mut rose = false;
        for (ctx, out) in self.outputs.iter().enumerate() {
            let level = regs.best(ctx).is_some();
            if out.swap(level, Ordering::AcqRel) != level && level {
                rose = true;
            }
        }
        drop(regs);
        if rose {
            let hook = self
                .wakeup
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            if let Some(hook) = hook {
                hook();
            }
        }
    }

    /// A 32-bit register read at `offset` (already checked for size and alignment).
    fn read_reg(&self, offset: u64) -> u32 {
        let contexts = self.contexts() as u64;
        match offset {
            o if o < PENDING_BASE => {
                let src = ((o - PRIORITY_BASE) / 4) as usize;
                self.lock().priority.get(src).copied().unwrap_or(0)
            }
            o if o < ENABLE_BASE => {
                let w = ((o - PENDING_BASE) / 4) as usize;
                if w < WORDS {
                    self.lock().pending(w)
                } else {
                    0
                }
            }
            o if o < CONTEXT_BASE => {
                let ctx = (o - ENABLE_BASE) / ENABLE_STRIDE;
                let w = ((o - ENABLE_BASE) % ENABLE_STRIDE / 4) as usize;
                if ctx < contexts && w < WORDS {
                    self.lock().enable[ctx as usize][w]
                } else {
                    0
                }
            }
            o => {
                let ctx = (o - CONTEXT_BASE) / CONTEXT_STRIDE;
                if ctx >= contexts {
                    return 0;
                }
                match (o - CONTEXT_BASE) % CONTEXT_STRIDE {
                    CONTEXT_THRESHOLD => self.lock().threshold[ctx as usize],
                    CONTEXT_CLAIM => self.claim(ctx as usize),
                    _ => 0,
                }
            }
        }
    }

    /// A 32-bit register write at `offset` (already checked for size and alignment).
    fn write_reg(&self, offset: u64, value: u32) {
        let contexts = self.contexts() as u64;
        match offset {
            o if o < PENDING_BASE => {
                let src = ((o - PRIORITY_BASE) / 4) as usize;
                // Source 0 does not exist: its priority stays 0.
                if src != 0 && src < PLIC_NUM_SOURCES as usize {
                    let mut regs = self.lock();
                    regs.priority[src] = value & PLIC_MAX_PRIORITY;
                    self.update(regs);
                }
            }
            // The pending bits are read-only here (they follow the lines).
            o if o < ENABLE_BASE => {}
            o if o < CONTEXT_BASE => {
                let ctx = (o - ENABLE_BASE) / ENABLE_STRIDE;
                let w = ((o - ENABLE_BASE) % ENABLE_STRIDE / 4) as usize;
                if ctx < contexts && w < WORDS {
                    let mut regs = self.lock();
                    regs.enable[ctx as usize][w] = value & SOURCE_MASK[w];
                    self.update(regs);
                }
            }
            o => {
                let ctx = (o - CONTEXT_BASE) / CONTEXT_STRIDE;
                if ctx >= contexts {
                    return;
                }
                match (o - CONTEXT_BASE) % CONTEXT_STRIDE {
                    CONTEXT_THRESHOLD => {
                        let mut regs = self.lock();
                        regs.threshold[ctx as usize] = value & PLIC_MAX_PRIORITY;
                        self.update(regs);
                    }
                    CONTEXT_CLAIM => self.complete(ctx as usize, value),
                    _ => {}
                }
            }
        }
    }
}

impl InterruptSink for PlicState {
    /// Drives source `irq`'s line; ids outside 1..=95 are ignored.
    fn set_irq(&self, irq: u32, level: bool) {
        if irq == 0 || irq >= PLIC_NUM_SOURCES {
            return;
        }
        let (w, bit) = (irq as usize / 32, 1u32 << (irq % 32));
        let mut regs = self.lock();
        let old = regs.level[w];
        if level {
            regs.level[w] |= bit;
        } else {
            regs.level[w] &= !bit;
        }
        if regs.level[w] != old {
            self.update(regs);
        }
    }
}

/// The bus-mapped side of the PLIC.
#[derive(Debug)]
pub struct Plic(pub Arc<PlicState>);

impl Plic {
    /// Checks that an access is a naturally aligned 32-bit access inside the window.
    fn check(offset: u64, size: u8) -> Result<(), BusError> {
        crate::check_word_access(offset, size, PLIC_SIZE)
    }
}

impl MmioDevice for Plic {
    fn name(&self) -> &str {
        "plic"
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        Self::check(offset, size)?;
        Ok(self.0.read_reg(offset) as u64)
    }

    fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError> {
        Self::check(offset, size)?;
        self.0.write_reg(offset, value as u32);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    const M0: usize = 0;
    const S0: usize = 1;
    const S1: usize = 3;

    fn enable_reg(ctx: usize, w: u64) -> u64 {
        ENABLE_BASE + ENABLE_STRIDE * ctx as u64 + 4 * w
    }

    fn threshold_reg(ctx: usize) -> u64 {
        CONTEXT_BASE + CONTEXT_STRIDE * ctx as u64
    }

    fn claim_reg(ctx: usize) -> u64 {
        threshold_reg(ctx) + 4
    }

    /// A two-hart PLIC with sources 1..=95 at priority 1.
    fn plic() -> (Arc<PlicState>, Plic) {
        let st = PlicState::new(2);
        let mut dev = Plic(st.clone());
        for src in 1..PLIC_NUM_SOURCES as u64 {
            dev.write(4 * src, 4, 1).unwrap();
        }
        (st, dev)
    }

    #[test]
    fn claim_and_complete_with_level_retrigger() {
        let (st, mut dev) = plic();
        dev.write(enable_reg(S0, 0), 4, 1 << 10).unwrap();
        assert!(!st.context_pending(S0));
        st.set_irq(10, true);
        assert!(st.context_pending(S0) && !st.context_pending(M0));
        assert_eq!(dev.read(PENDING_BASE, 4).unwrap(), 1 << 10);
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 10);
        // In service: not pending, output low, a second claim finds nothing.
        assert!(!st.context_pending(S0));
        assert_eq!(dev.read(PENDING_BASE, 4).unwrap(), 0);
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 0);
        // Completing while the line is still high makes it pending again.
        dev.write(claim_reg(S0), 4, 10).unwrap();
        assert!(st.context_pending(S0));
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 10);
        // The device is served: line low, then complete; nothing more to do.
        st.set_irq(10, false);
        dev.write(claim_reg(S0), 4, 10).unwrap();
        assert!(!st.context_pending(S0));
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 0);
    }

    #[test]
    fn line_dropped_before_claim_withdraws_the_request() {
        let (st, mut dev) = plic();
        dev.write(enable_reg(M0, 0), 4, 1 << 3).unwrap();
        st.set_irq(3, true);
        assert!(st.is_pending(3));
        st.set_irq(3, false);
        assert!(!st.is_pending(3) && !st.context_pending(M0));
        assert_eq!(dev.read(claim_reg(M0), 4).unwrap(), 0);
    }

    #[test]
    fn priorities_thresholds_and_ties() {
        let (st, mut dev) = plic();
        dev.write(enable_reg(S0, 0), 4, (1 << 5) | (1 << 7) | (1 << 9))
            .unwrap();
        dev.write(enable_reg(S0, 1), 4, 1 << (40 - 32)).unwrap();
        dev.write(4 * 5, 4, 2).unwrap();
        dev.write(4 * 7, 4, 6).unwrap();
        dev.write(4 * 9, 4, 6).unwrap();
        dev.write(4 * 40, 4, 7).unwrap();
        // WARL: 3 bits.
        dev.write(4 * 9, 4, 0xe).unwrap();
        assert_eq!(dev.read(4 * 9, 4).unwrap(), 6);
        for src in [5, 7, 9, 40] {
            st.set_irq(src, true);
        }
        // Threshold 6: only priority 7 gets through.
        dev.write(threshold_reg(S0), 4, 6).unwrap();
        assert_eq!(dev.read(threshold_reg(S0), 4).unwrap(), 6);
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 40);
        assert!(!st.context_pending(S0));
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 0);
        // Threshold 0: 7 and 9 tie at 6, the lower id wins; then 9; then 5.
        dev.write(threshold_reg(S0), 4, 0).unwrap();
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 7);
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 9);
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 5);
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 0);
        // Priority 0 never interrupts.
        dev.write(4 * 5, 4, 0).unwrap();
        dev.write(claim_reg(S0), 4, 5).unwrap();
        assert!(st.is_pending(5) && !st.context_pending(S0));
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 0);
        // Threshold 7 masks everything.
        dev.write(4 * 5, 4, 7).unwrap();
        assert!(st.context_pending(S0));
        dev.write(threshold_reg(S0), 4, 7).unwrap();
        assert!(!st.context_pending(S0));
    }

    #[test]
    fn enables_are_per_context_and_complete_needs_enable() {
        let (st, mut dev) = plic();
        dev.write(enable_reg(S1, 0), 4, 1 << 1).unwrap();
        st.set_irq(1, true);
        assert!(st.context_pending(S1));
        assert!(!st.context_pending(S0) && !st.context_pending(M0));
        assert_eq!(dev.read(claim_reg(S0), 4).unwrap(), 0);
        assert_eq!(dev.read(claim_reg(S1), 4).unwrap(), 1);
        // A completion from a context that does not enable the source is ignored...
        dev.write(claim_reg(S0), 4, 1).unwrap();
        assert!(!st.is_pending(1));
        // ... and so is one after the claiming context disabled it (Linux toggles the
        // enable bit around such a completion).
        dev.write(enable_reg(S1, 0), 4, 0).unwrap();
        dev.write(claim_reg(S1), 4, 1).unwrap();
        assert!(!st.is_pending(1));
        dev.write(enable_reg(S1, 0), 4, 1 << 1).unwrap();
        dev.write(claim_reg(S1), 4, 1).unwrap();
        assert!(st.is_pending(1) && st.context_pending(S1));
    }

    #[test]
    fn source_zero_and_unknown_sources_never_pend() {
        let (st, mut dev) = plic();
        dev.write(0, 4, 7).unwrap();
        assert_eq!(dev.read(0, 4).unwrap(), 0);
        dev.write(enable_reg(M0, 0), 4, u32::MAX as u64).unwrap();
        assert_eq!(dev.read(enable_reg(M0, 0), 4).unwrap(), 0xffff_fffe);
        st.set_irq(0, true);
        st.set_irq(96, true);
        st.set_irq(u32::MAX, true);
        assert_eq!(dev.read(PENDING_BASE, 4).unwrap(), 0);
        assert!(!st.context_pending(M0));
        assert_eq!(dev.read(claim_reg(M0), 4).unwrap(), 0);
        // Completing ids that do not exist is harmless.
        dev.write(claim_reg(M0), 4, 0).unwrap();
        dev.write(claim_reg(M0), 4, 1000).unwrap();
        // The highest source works.
        st.set_irq(95, true);
        dev.write(enable_reg(M0, 2), 4, 1 << 31).unwrap();
        assert_eq!(dev.read(PENDING_BASE + 8, 4).unwrap(), 1 << 31);
        assert_eq!(dev.read(claim_reg(M0), 4).unwrap(), 95);
    }

    #[test]
    fn bad_accesses_are_refused_and_holes_read_zero() {
        let (_st, mut dev) = plic();
        for (offset, size) in [
            (0, 1),
            (0, 2),
            (0, 8),
            (2, 4),
            (PLIC_SIZE, 4),
            (u64::MAX, 4),
        ] {
            assert!(dev.read(offset, size).is_err(), "{offset:#x}/{size}");
            assert!(dev.write(offset, size, 0).is_err(), "{offset:#x}/{size}");
        }
        // Pending bits are read-only; holes and absent contexts read zero, ignore writes.
        dev.write(PENDING_BASE, 4, u32::MAX as u64).unwrap();
        assert_eq!(dev.read(PENDING_BASE, 4).unwrap(), 0);
        for offset in [
            4 * PLIC_NUM_SOURCES as u64,
            PENDING_BASE + 0x40,
            enable_reg(S1, 3),
            enable_reg(4, 0),
            threshold_reg(4),
            claim_reg(4),
            threshold_reg(0) + 8,
            PLIC_SIZE - 4,
        ] {
            dev.write(offset, 4, 0xffff_ffff).unwrap();
            assert_eq!(dev.read(offset, 4).unwrap(), 0, "{offset:#x}");
        }
        assert!(!(0..4).any(|c| dev.0.context_pending(c)));
    }

    #[test]
    fn wakeup_hook_runs_when_an_output_rises() {
        let (st, mut dev) = plic();
        let calls = Arc::new(AtomicUsize::new(0));
        let c = calls.clone();
        st.set_wakeup(Arc::new(move || {
            c.fetch_add(1, Ordering::Relaxed);
        }));
        st.set_irq(2, true); // not enabled anywhere: no output rises
        assert_eq!(calls.load(Ordering::Relaxed), 0);
        dev.write(enable_reg(M0, 0), 4, 1 << 2).unwrap();
        assert_eq!(calls.load(Ordering::Relaxed), 1);
        st.set_irq(2, true); // no change
        assert_eq!(calls.load(Ordering::Relaxed), 1);
        assert_eq!(PlicState::m_context(1), 2);
        assert_eq!(PlicState::s_context(1), 3);
    }
}
