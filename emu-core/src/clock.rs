//! The machine clock: the time base that `mtime` and the `time` CSR read.
//!
//! Two modes: following host time (the default for interactive use: 10 MHz ticks since
//! start), or deterministic, following retired instructions (a fixed number of
//! instructions per tick), so that runs repeat exactly. In both modes an idle machine
//! (every hart in WFI) may skip ahead to the next timer deadline.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Ticks per second of `mtime` (the virt board's `timebase-frequency`).
pub const TIMEBASE_HZ: u64 = 10_000_000;

/// What drives the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMode {
    /// Host wall-clock time.
    Host,
    /// One tick every this many retired instructions (summed over harts).
    Instructions(u64),
}

/// A monotonic tick counter shared by the timer devices and the harts.
#[derive(Debug)]
pub struct Clock {
    mode: ClockMode,
    start: Instant,
    insns: AtomicU64,
    skipped: AtomicU64,
}

impl Clock {
    /// A clock at tick 0.
    pub fn new(mode: ClockMode) -> Self {
        Clock {
            mode,
            start: Instant::now(),
            insns: AtomicU64::new(0),
            skipped: AtomicU64::new(0),
        }
    }

    /// The mode.
    pub fn mode(&self) -> ClockMode {
        self.mode
    }

    /// Current tick.
    pub fn now(&self) -> u64 {
        let base = match self.mode {
            ClockMode::Host => {
                let ns = self.start.elapsed().as_nanos() as u64;
                ns / (1_000_000_000 / TIMEBASE_HZ)
            }
            ClockMode::Instructions(per_tick) => {
                self.insns.load(Ordering::Relaxed) / per_tick.max(1)
            }
        };
        base + self.skipped.load(Ordering::Relaxed)
    }

    /// Accounts for `n` retired instructions (drives the deterministic mode).
    pub fn retired(&self, n: u64) {
        self.insns.fetch_add(n, Ordering::Relaxed);
    }

    /// Moves time forward to at least `tick` (an idle machine skipping to a deadline).
    pub fn skip_to(&self, tick: u64) {
        let now = self.now();
        if tick > now {
            self.skipped.fetch_add(tick - now, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_clock_follows_instructions_and_skips() {
        let c = Clock::new(ClockMode::Instructions(10));
        assert_eq!(c.now(), 0);
        c.retired(95);
        assert_eq!(c.now(), 9);
        c.skip_to(100);
        assert_eq!(c.now(), 100);
        c.skip_to(50); // never backwards
        assert_eq!(c.now(), 100);
        c.retired(10);
        assert_eq!(c.now(), 101);
    }

    #[test]
    fn host_clock_moves() {
        let c = Clock::new(ClockMode::Host);
        let a = c.now();
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert!(c.now() > a);
    }
}
