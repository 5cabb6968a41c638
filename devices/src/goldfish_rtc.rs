//! The Goldfish real-time clock as on QEMU's `virt` board (`google,goldfish-rtc`,
//! driven by Linux's `rtc-goldfish`): a 64-bit nanosecond count since the Unix epoch and
//! one alarm with an interrupt line.
//!
//! Register map (32-bit registers, 32-bit accesses only):
//!
//! | offset | register | behaviour |
//! | --- | --- | --- |
//! | 0x00 | `TIME_LOW` | read: low half of the time, latches the high half; write: sets the low half |
//! | 0x04 | `TIME_HIGH` | read: the half latched by the last `TIME_LOW` read; write: sets the high half |
//! | 0x08 | `ALARM_LOW` | read: low half of the alarm; write: sets it and arms the alarm |
//! | 0x0c | `ALARM_HIGH` | read/write: high half of the alarm (write it first) |
//! | 0x10 | `IRQ_ENABLED` | bit 0 gates the interrupt line |
//! | 0x14 | `CLEAR_ALARM` | write: disarms the alarm |
//! | 0x18 | `ALARM_STATUS` | read: 1 while the alarm is armed |
//! | 0x1c | `CLEAR_INTERRUPT` | write: acknowledges the interrupt |
//!
//! Other offsets of the window read as zero and ignore writes, as on QEMU.
//!
//! Alarm state machine:
//!
//! ```text
//!   write ALARM_LOW, alarm in the future          time >= alarm (seen by poll or a read)
//!   idle ─────────────────────────────────▶ armed ─────────────────────────────────▶ fired
//!    ▲  ◀──── CLEAR_ALARM ─────────────────┘                                           │
//!    │   write ALARM_LOW, alarm not in the future: straight to fired                   │
//!    └───────────────────────────── CLEAR_INTERRUPT ◀──────────────────────────────────┘
//! ```
//!
//! "fired" sets the interrupt-pending flag; the line is high while the flag is set and
//! `IRQ_ENABLED` is 1. Setting the time (Linux writes `TIME_HIGH`, then `TIME_LOW`)
//! moves an offset over the time source, as QEMU does; it never changes the source.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use emu_core::{BusError, Clock, IrqLine, MmioDevice, TIMEBASE_HZ};

/// Size of the RTC's MMIO window on the virt board.
pub const GOLDFISH_RTC_SIZE: u64 = 0x1000;

const TIME_LOW: u64 = 0x00;
const TIME_HIGH: u64 = 0x04;
const ALARM_LOW: u64 = 0x08;
const ALARM_HIGH: u64 = 0x0c;
const IRQ_ENABLED: u64 = 0x10;
const CLEAR_ALARM: u64 = 0x14;
const ALARM_STATUS: u64 = 0x18;
const CLEAR_INTERRUPT: u64 = 0x1c;

/// Nanoseconds per tick of the emulator [`Clock`].
const NS_PER_TICK: u64 = 1_000_000_000 / TIMEBASE_HZ;

/// Where the RTC's time comes from (before the guest's own adjustments).
#[derive(Debug, Clone)]
pub enum RtcTimeSource {
    /// The host's wall clock (`SystemTime::now()`).
    Host,
    /// `start_ns` nanoseconds since the Unix epoch at tick 0 of `clock`, advancing 100 ns
    /// per tick: repeatable runs with [`emu_core::ClockMode::Instructions`], and an RTC
    /// that follows the guest's own time when the machine skips idle time.
    Clock {
        /// Nanoseconds since the Unix epoch at clock tick 0.
        start_ns: u64,
        /// The machine clock.
        clock: Arc<Clock>,
    },
}

impl RtcTimeSource {
    /// Nanoseconds since the Unix epoch according to the source.
    fn now_ns(&self) -> u64 {
        match self {
            RtcTimeSource::Host => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64),
            RtcTimeSource::Clock { start_ns, clock } => {
                start_ns.wrapping_add(clock.now().wrapping_mul(NS_PER_TICK))
            }
        }
    }
}

/// The mutable registers, behind the [`GoldfishRtcState`] lock.
#[derive(Debug, Default)]
struct Regs {
    /// Added (wrapping) to the source's time: what the guest set minus what it was.
    offset_ns: u64,
    /// High half latched by the last `TIME_LOW` read.
    time_high_latch: u32,
    /// The alarm time (both halves as last written).
    alarm_ns: u64,
    /// The alarm is armed and has not fired yet (`ALARM_STATUS`).
    alarm_armed: bool,
    /// The alarm fired and the guest has not cleared the interrupt yet.
    irq_pending: bool,
    /// `IRQ_ENABLED` bit 0.
    irq_enabled: bool,
    /// Last level driven on the line.
    line: bool,
}

/// The RTC's state, shared between the bus-mapped [`GoldfishRtc`] and the machine (which
/// may ask for the next alarm deadline).
#[derive(Debug)]
pub struct GoldfishRtcState {
    source: RtcTimeSource,
    irq: IrqLine,
    regs: Mutex<Regs>,
}

impl GoldfishRtcState {
    /// An RTC reading `source`, raising `irq` (IRQ 11 on the virt board) when its alarm
    /// fires. The line starts low.
    pub fn new(source: RtcTimeSource, irq: IrqLine) -> Arc<Self> {
        Arc::new(GoldfishRtcState {
            source,
            irq,
            regs: Mutex::new(Regs::default()),
        })
    }

    /// An RTC following the host's wall clock.
    pub fn host(irq: IrqLine) -> Arc<Self> {
        Self::new(RtcTimeSource::Host, irq)
    }

    /// A deterministic RTC: `start_ns` (nanoseconds since the Unix epoch) at tick 0 of
    /// `clock`, then 100 ns per tick.
    pub fn with_clock(start_ns: u64, clock: Arc<Clock>, irq: IrqLine) -> Arc<Self> {
        Self::new(RtcTimeSource::Clock { start_ns, clock }, irq)
    }

    /// The time the guest sees, in nanoseconds since the Unix epoch.
    pub fn time_ns(&self) -> u64 {
        let regs = self.lock();
        self.source.now_ns().wrapping_add(regs.offset_ns)
    }

    /// The clock tick at which the armed alarm fires, for a machine that skips idle time
    /// to the next deadline. `None` if no alarm is armed or the source is the host clock
    /// (whose alarms the machine's regular [`MmioDevice::poll`] catches).
    pub fn next_deadline(&self) -> Option<u64> {
        let RtcTimeSource::Clock { start_ns, clock } = &self.source else {
            return None;
        };
        let regs = self.lock();
        if !regs.alarm_armed {
            return None;
        }
        // The source time at which guest time reaches the alarm.
        let target = regs.alarm_ns.wrapping_sub(regs.offset_ns);
        let after_start = target.saturating_sub(*start_ns);
        let tick = after_start.div_ceil(NS_PER_TICK);
        Some(tick.max(clock.now()))
    }

    /// Sets the time the guest reads now (as a guest's `TIME_HIGH`/`TIME_LOW` writes do):
    /// the board's start time (`-rtc base=localtime` or a date). The source is unchanged.
    pub fn set_time_ns(&self, ns: u64) {
        let mut regs = self.lock();
        self.set_time(&mut regs, ns);
    }

    /// Fires the alarm if its time has come and updates the line (what `poll` does).
    pub fn check_alarm(&self) {
        let mut regs = self.lock();
        self.fire_if_due(&mut regs);
        self.update_line(&mut regs);
    }

    fn lock(&self) -> MutexGuard<'_, Regs> {
        self.regs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn now(&self, regs: &Regs) -> u64 {
        self.source.now_ns().wrapping_add(regs.offset_ns)
    }

    /// armed → fired when the time has come.
    fn fire_if_due(&self, regs: &mut Regs) {
        if regs.alarm_armed && self.now(regs) >= regs.alarm_ns {
            regs.alarm_armed = false;
            regs.irq_pending = true;
        }
    }

    /// Drives the line to `pending && enabled` if that changed.
    fn update_line(&self, regs: &mut Regs) {
        let level = regs.irq_pending && regs.irq_enabled;
        if level != regs.line {
            regs.line = level;
            self.irq.set(level);
        }
    }

    /// Moves the guest's time so that it reads `new` now.
    fn set_time(&self, regs: &mut Regs, new: u64) {
        let current = self.now(regs);
        regs.offset_ns = regs.offset_ns.wrapping_add(new.wrapping_sub(current));
    }

    fn read_reg(&self, offset: u64) -> u32 {
        let mut regs = self.lock();
        self.fire_if_due(&mut regs);
        let value = match offset {
            TIME_LOW => {
                let now = self.now(&regs);
                regs.time_high_latch = (now >> 32) as u32;
                now as u32
            }
            TIME_HIGH => regs.time_high_latch,
            ALARM_LOW => regs.alarm_ns as u32,
            ALARM_HIGH => (regs.alarm_ns >> 32) as u32,
            IRQ_ENABLED => regs.irq_enabled as u32,
            ALARM_STATUS => regs.alarm_armed as u32,
            _ => 0,
        };
        self.update_line(&mut regs);
        value
    }

    fn write_reg(&self, offset: u64, value: u32) {
        let mut regs = self.lock();
        match offset {
            TIME_LOW => {
                let now = self.now(&regs);
                self.set_time(&mut regs, (now & !0xffff_ffff) | value as u64);
            }
            TIME_HIGH => {
                let now = self.now(&regs);
                self.set_time(&mut regs, (now & 0xffff_ffff) | ((value as u64) << 32));
            }
            ALARM_LOW => {
                regs.alarm_ns = (regs.alarm_ns & !0xffff_ffff) | value as u64;
                // Arming: an alarm that is already due fires at once (then idle).
                regs.alarm_armed = true;
            }
            ALARM_HIGH => {
                regs.alarm_ns = (regs.alarm_ns & 0xffff_ffff) | ((value as u64) << 32);
            }
            IRQ_ENABLED => regs.irq_enabled = value & 1 != 0,
            CLEAR_ALARM => regs.alarm_armed = false,
            CLEAR_INTERRUPT => regs.irq_pending = false,
            _ => {}
        }
        self.fire_if_due(&mut regs);
        self.update_line(&mut regs);
    }
}

/// The bus-mapped side of the RTC.
#[derive(Debug)]
pub struct GoldfishRtc(pub Arc<GoldfishRtcState>);

impl GoldfishRtc {
    fn check(offset: u64, size: u8) -> Result<(), BusError> {
        crate::check_word_access(offset, size, GOLDFISH_RTC_SIZE)
    }
}

impl MmioDevice for GoldfishRtc {
    fn name(&self) -> &str {
        "goldfish_rtc"
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

    fn poll(&mut self) {
        self.0.check_alarm();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use emu_core::{ClockMode, RecordingSink};

    const IRQ: u32 = 11;
    const START: u64 = 1_700_000_000_000_000_000; // 2023-11-14, in ns

    #[test]
    fn the_start_time_can_be_set() {
        let sink = Arc::new(RecordingSink::default());
        let rtc = GoldfishRtcState::host(IrqLine::new(sink, IRQ));
        rtc.set_time_ns(1_150_560_081_000_000_000); // -rtc base=2006-06-17T16:01:21
        let t = rtc.time_ns() - 1_150_560_081_000_000_000;
        assert!(t < 60_000_000_000, "{t}");
    }

    fn rtc() -> (Arc<Clock>, Arc<RecordingSink>, GoldfishRtc) {
        let clock = Arc::new(Clock::new(ClockMode::Instructions(1)));
        let sink = Arc::new(RecordingSink::default());
        let st =
            GoldfishRtcState::with_clock(START, clock.clone(), IrqLine::new(sink.clone(), IRQ));
        (clock, sink, GoldfishRtc(st))
    }

    fn read_time(dev: &mut GoldfishRtc) -> u64 {
        let low = dev.read(TIME_LOW, 4).unwrap();
        let high = dev.read(TIME_HIGH, 4).unwrap();
        (high << 32) | low
    }

    #[test]
    fn time_follows_the_clock_and_latches_the_high_half() {
        let (clock, _sink, mut dev) = rtc();
        assert_eq!(read_time(&mut dev), START);
        clock.retired(10);
        assert_eq!(read_time(&mut dev), START + 1000);
        // TIME_HIGH returns what the last TIME_LOW read latched, even if time moved on.
        let low = dev.read(TIME_LOW, 4).unwrap();
        clock.retired(u32::MAX as u64); // 429 s later: the high half changed
        assert_eq!(dev.read(TIME_HIGH, 4).unwrap(), START >> 32);
        assert_eq!(low, (START + 1000) & 0xffff_ffff);
    }

    #[test]
    fn guest_sets_the_time_like_linux() {
        let (clock, _sink, mut dev) = rtc();
        let new: u64 = 1_000_000_000 * 86_400 * 365 * 40; // about 2010
        dev.write(TIME_HIGH, 4, new >> 32).unwrap();
        dev.write(TIME_LOW, 4, new & 0xffff_ffff).unwrap();
        assert_eq!(read_time(&mut dev), new);
        clock.retired(5);
        assert_eq!(read_time(&mut dev), new + 500);
        assert_eq!(dev.0.time_ns(), new + 500);
    }

    #[test]
    fn alarm_fires_interrupts_and_clears() {
        let (clock, sink, mut dev) = rtc();
        let alarm = START + 10_000; // 100 ticks
        dev.write(ALARM_HIGH, 4, alarm >> 32).unwrap();
        dev.write(ALARM_LOW, 4, alarm & 0xffff_ffff).unwrap();
        dev.write(IRQ_ENABLED, 4, 1).unwrap();
        assert_eq!(dev.read(ALARM_STATUS, 4).unwrap(), 1);
        assert_eq!(dev.read(ALARM_LOW, 4).unwrap(), alarm & 0xffff_ffff);
        assert_eq!(dev.read(ALARM_HIGH, 4).unwrap(), alarm >> 32);
        assert_eq!(dev.read(IRQ_ENABLED, 4).unwrap(), 1);
        assert_eq!(dev.0.next_deadline(), Some(100));
        clock.retired(99);
        dev.poll();
        assert!(!sink.level(IRQ));
        clock.retired(1);
        dev.poll();
        assert!(sink.level(IRQ));
        assert_eq!(dev.read(ALARM_STATUS, 4).unwrap(), 0);
        assert_eq!(dev.0.next_deadline(), None);
        // The enable gates the line; CLEAR_INTERRUPT acknowledges.
        dev.write(IRQ_ENABLED, 4, 0).unwrap();
        assert!(!sink.level(IRQ));
        dev.write(IRQ_ENABLED, 4, 1).unwrap();
        assert!(sink.level(IRQ));
        dev.write(CLEAR_INTERRUPT, 4, 1).unwrap();
        assert!(!sink.level(IRQ));
    }

    #[test]
    fn alarm_is_seen_on_reads_and_past_alarms_fire_at_once() {
        let (clock, sink, mut dev) = rtc();
        dev.write(IRQ_ENABLED, 4, 1).unwrap();
        dev.write(ALARM_HIGH, 4, (START + 100) >> 32).unwrap();
        dev.write(ALARM_LOW, 4, (START + 100) & 0xffff_ffff)
            .unwrap();
        clock.retired(1);
        // No poll: a register read notices the alarm.
        assert_eq!(dev.read(ALARM_STATUS, 4).unwrap(), 0);
        assert!(sink.level(IRQ));
        dev.write(CLEAR_INTERRUPT, 4, 1).unwrap();
        // An alarm in the past fires when armed.
        dev.write(ALARM_LOW, 4, 0).unwrap();
        assert!(sink.level(IRQ));
        assert_eq!(dev.read(ALARM_STATUS, 4).unwrap(), 0);
        dev.write(CLEAR_INTERRUPT, 4, 1).unwrap();
        assert!(!sink.level(IRQ));
    }

    #[test]
    fn clear_alarm_disarms() {
        let (clock, sink, mut dev) = rtc();
        dev.write(IRQ_ENABLED, 4, 1).unwrap();
        dev.write(ALARM_HIGH, 4, (START + 1000) >> 32).unwrap();
        dev.write(ALARM_LOW, 4, (START + 1000) & 0xffff_ffff)
            .unwrap();
        dev.write(CLEAR_ALARM, 4, 1).unwrap();
        assert_eq!(dev.read(ALARM_STATUS, 4).unwrap(), 0);
        clock.retired(1000);
        dev.poll();
        assert!(!sink.level(IRQ));
    }

    #[test]
    fn host_time_is_near_now_and_bad_accesses_refused() {
        let sink = Arc::new(RecordingSink::default());
        let mut dev = GoldfishRtc(GoldfishRtcState::host(IrqLine::new(sink, IRQ)));
        let host = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        let t = read_time(&mut dev);
        assert!(t.abs_diff(host) < 60_000_000_000, "{t} vs {host}");
        assert_eq!(dev.0.next_deadline(), None);
        for (offset, size) in [(0, 1), (0, 2), (0, 8), (2, 4), (GOLDFISH_RTC_SIZE, 4)] {
            assert!(dev.read(offset, size).is_err(), "{offset:#x}/{size}");
            assert!(dev.write(offset, size, 0).is_err(), "{offset:#x}/{size}");
        }
        // Holes read zero and ignore writes.
        dev.write(0x20, 4, 5).unwrap();
        assert_eq!(dev.read(0x20, 4).unwrap(), 0);
        assert_eq!(dev.read(CLEAR_INTERRUPT, 4).unwrap(), 0);
    }
}
