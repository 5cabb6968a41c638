//! The `virt` board: QEMU's layout (see DESIGN.md's memory map) with the boot ROM,
//! sifive_test, goldfish RTC, CLINT, PLIC, NS16550A UART and eight virtio-mmio slots,
//! 1 to 8 harts interleaved on one host thread in fixed quanta (deterministic order).

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use devices::{
    BlkFlusher, Clint, ClintState, EmptySlot, GoldfishRtc, GoldfishRtcState, Plic, PlicState,
    PowerRequest, Rom, SifiveTest, TestDeviceState, Uart, UartInput, VirtioBlk, VirtioMmio,
    VirtioRng, CLINT_SIZE, GOLDFISH_RTC_SIZE, PLIC_SIZE, SIFIVE_TEST_SIZE, UART_SIZE,
    VIRTIO_MMIO_SIZE,
};
use emu_core::{Bus, Clock, ClockMode, GuestRam, IrqLine, TIMEBASE_HZ};
use firmware::boot::{plan_boot, BootImages, BootPlan};
use firmware::bootrom::{reset_vector, BOOTROM_BASE, BOOTROM_SIZE};
use firmware::fdt::{build_fdt, BoardDescription, VIRT_LAYOUT};
use frontend_riscv::trap::irq;
use frontend_riscv::{Exit, Hart, Step};
use thiserror::Error;

use crate::console::{Console, ConsoleEvent};
use crate::monitor::Monitor;

/// RAM base of the board.
pub const RAM_BASE: u64 = 0x8000_0000;
/// Most harts the board supports.
pub const MAX_HARTS: usize = 8;
/// Instructions a hart runs before the next hart's turn (`GASANG_QUANTUM` overrides it,
/// for reproducing scheduling-dependent guest behaviour).
fn quantum() -> u64 {
    static Q: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *Q.get_or_init(|| {
        std::env::var("GASANG_QUANTUM")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&q| q > 0)
            .unwrap_or(8192)
    })
}
/// How often [`VirtMachine::run`] looks for a gdb connection.
const GDB_POLL: Duration = Duration::from_millis(20);
/// Instructions per `mtime` tick in deterministic mode.
pub const DETERMINISTIC_INSNS_PER_TICK: u64 = 10;
/// Fixed RTC start time in deterministic mode (2026-01-01T00:00:00Z).
const DETERMINISTIC_EPOCH_NS: u64 = 1_767_225_600 * 1_000_000_000;

/// A virtio-blk disk.
#[derive(Debug, Clone)]
pub struct DriveConfig {
    /// Raw image file.
    pub path: PathBuf,
    /// Attach read-only.
    pub read_only: bool,
}

/// Everything that configures the board.
#[derive(Debug, Clone)]
pub struct VirtConfig {
    /// RAM size in bytes.
    pub ram_size: u64,
    /// Number of harts.
    pub harts: usize,
    /// Firmware, kernel, initrd.
    pub images: BootImages,
    /// Kernel command line.
    pub append: Option<String>,
    /// Disks, in slot order.
    pub drives: Vec<DriveConfig>,
    /// Attach a virtio-rng.
    pub rng: bool,
    /// The harts' optional features (`-cpu`).
    pub cpu: frontend_riscv::CpuConfig,
    /// Host time, or deterministic time following instructions.
    pub clock: ClockMode,
}

/// Why the board could not be built.
#[derive(Debug, Error)]
pub enum VirtError {
    /// Bad board parameters.
    #[error("{0}")]
    Config(String),
    /// Guest RAM.
    #[error(transparent)]
    Ram(#[from] emu_core::RamError),
    /// The boot images.
    #[error(transparent)]
    Boot(#[from] firmware::boot::BootError),
    /// A disk image (the message names the file).
    #[error(transparent)]
    Disk(#[from] devices::BlkError),
    /// The device tree.
    #[error("cannot build the device tree: {0}")]
    Fdt(String),
    /// The host random source.
    #[error("cannot open the host random source for virtio-rng: {0}")]
    Rng(std::io::Error),
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VirtExit {
    /// The guest powered off (sifive_test 0x5555).
    PowerOff,
    /// The guest powered off with a failure code (sifive_test 0x3333).
    Fail(u16),
    /// The guest asked for a reset.
    Reset,
    /// The user quit (Ctrl-A X, or the monitor's `quit`).
    Quit,
    /// A termination signal arrived.
    Signal,
    /// The instruction limit was reached.
    InsnLimit(u64),
    /// gdb connected to the stub's listener: [`VirtMachine::take_debugger`] has the
    /// connection.
    DebuggerAttached,
}

/// The board.
pub struct VirtMachine {
    /// The physical bus.
    pub bus: Bus,
    /// The harts.
    pub harts: Vec<Hart>,
    ram: Arc<GuestRam>,
    clock: Arc<Clock>,
    clint: Arc<ClintState>,
    plic: Arc<PlicState>,
    rtc: Arc<GoldfishRtcState>,
    test: Arc<TestDeviceState>,
    uart_in: Arc<UartInput>,
    flushers: Vec<BlkFlusher>,
    fdt: Vec<u8>,
    /// Where the images went.
    pub plan: BootPlan,
    executed: u64,
    /// Budget spent by harts that took traps without retiring anything (a trap loop):
    /// counts toward `--max-insns` so that the limit fires in a trap loop too.
    trap_steps: u64,
    /// A gdb connection accepted while running.
    debugger: Option<TcpStream>,
    /// The hart [`VirtMachine::run_round`] starts with.
    round_start: usize,
}

/// Why [`VirtMachine::run_round`] ended early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundStop {
    /// The guest ended.
    Exit(VirtExit),
    /// This hart reached a breakpoint.
    Breakpoint(usize),
}

impl std::fmt::Debug for VirtMachine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VirtMachine")
            .field("harts", &self.harts.len())
            .field("ram", &self.ram)
            .finish_non_exhaustive()
    }
}

impl VirtMachine {
    /// Builds the board, loads the images and writes the device tree. UART output goes to
    /// `console_out`.
    pub fn new(cfg: &VirtConfig, console_out: Box<dyn Write + Send>) -> Result<Self, VirtError> {
        if !(1..=MAX_HARTS).contains(&cfg.harts) {
            return Err(VirtError::Config(format!(
                "-smp {}: the virt board supports 1 to {MAX_HARTS} harts",
                cfg.harts
            )));
        }
        let (vbase, vstride, vcount, virq) = VIRT_LAYOUT.virtio;
        if cfg.drives.len() + cfg.rng as usize > vcount as usize {
            return Err(VirtError::Config(format!(
                "too many virtio devices: the board has {vcount} virtio-mmio slots"
            )));
        }
        let ram = Arc::new(GuestRam::new(RAM_BASE, cfg.ram_size)?);
        let mut board = BoardDescription {
            ram_base: RAM_BASE,
            ram_size: cfg.ram_size,
            harts: cfg.harts,
            isa_extensions: frontend_riscv::isa::extensions(&cfg.cpu)
                .into_iter()
                .map(String::from)
                .collect(),
            mmu_type: frontend_riscv::isa::MMU_TYPE.into(),
            timebase_hz: TIMEBASE_HZ as u32,
            bootargs: cfg.append.clone(),
            // A stand-in range until the initrd is placed: only the size counts here.
            initrd: cfg.images.initrd.as_ref().map(|_| (0, 0)),
            rng_seed: rng_seed(cfg.clock),
            layout: VIRT_LAYOUT,
        };
        // Room for the device tree as it really is (a long -append makes it large), so
        // that no image is placed where it will be written.
        let fdt_size = build_fdt(&board)
            .map_err(|e| VirtError::Fdt(e.to_string()))?
            .len() as u64;
        let plan = plan_boot(&ram, &cfg.images, fdt_size)?;
        let clock = Arc::new(Clock::new(cfg.clock));
        let clint = ClintState::new(clock.clone(), cfg.harts);
        let plic = PlicState::new(cfg.harts);
        let line = |n: u32| IrqLine::new(plic.clone(), n);
        let rtc = match cfg.clock {
            ClockMode::Host => GoldfishRtcState::host(line(VIRT_LAYOUT.rtc.1)),
            ClockMode::Instructions(_) => GoldfishRtcState::with_clock(
                DETERMINISTIC_EPOCH_NS,
                clock.clone(),
                line(VIRT_LAYOUT.rtc.1),
            ),
        };
        let test = TestDeviceState::new();
        let uart_in = UartInput::new();

        let mut bus = Bus::new(ram.clone());
        bus.map(
            VIRT_LAYOUT.test,
            SIFIVE_TEST_SIZE,
            Box::new(SifiveTest(test.clone())),
        );
        bus.map(
            VIRT_LAYOUT.rtc.0,
            GOLDFISH_RTC_SIZE,
            Box::new(GoldfishRtc(rtc.clone())),
        );
        bus.map(
            VIRT_LAYOUT.clint,
            CLINT_SIZE,
            Box::new(Clint(clint.clone())),
        );
        bus.map(VIRT_LAYOUT.plic.0, PLIC_SIZE, Box::new(Plic(plic.clone())));
        bus.map(
            VIRT_LAYOUT.uart.0,
            UART_SIZE,
            Box::new(Uart::new(
                console_out,
                uart_in.clone(),
                line(VIRT_LAYOUT.uart.1),
            )),
        );
        let mut flushers = Vec::new();
        // Like QEMU, the first device takes the highest slot (the first node in the
        // device tree, so it is probed first and becomes /dev/vda).
        let mut used = 0u32;
        let next_slot = |used: &mut u32| {
            *used += 1;
            vcount - *used
        };
        for d in &cfg.drives {
            let blk = VirtioBlk::open(&d.path, d.read_only)?;
            flushers.push(blk.flusher());
            let slot = next_slot(&mut used);
            let addr = vbase + vstride * slot as u64;
            bus.map(
                addr,
                VIRTIO_MMIO_SIZE,
                Box::new(VirtioMmio::new(
                    format!("virtio-blk@{addr:x}"),
                    Box::new(blk),
                    ram.clone(),
                    line(virq + slot),
                )),
            );
        }
        if cfg.rng {
            let slot = next_slot(&mut used);
            let addr = vbase + vstride * slot as u64;
            let rng = VirtioRng::new().map_err(VirtError::Rng)?;
            bus.map(
                addr,
                VIRTIO_MMIO_SIZE,
                Box::new(VirtioMmio::new(
                    format!("virtio-rng@{addr:x}"),
                    Box::new(rng),
                    ram.clone(),
                    line(virq + slot),
                )),
            );
        }
        for s in 0..vcount - used {
            let addr = vbase + vstride * s as u64;
            bus.map(
                addr,
                VIRTIO_MMIO_SIZE,
                Box::new(EmptySlot::new(format!("virtio-mmio@{addr:x}"))),
            );
        }

        // The device tree now that the initrd's place is known: the same size as the
        // one planned for (the initrd properties have fixed sizes).
        board.initrd = plan.initrd;
        let fdt = build_fdt(&board).map_err(|e| VirtError::Fdt(e.to_string()))?;
        if fdt.len() as u64 > plan.fdt_size {
            return Err(VirtError::Fdt(format!(
                "it grew from {} to {} bytes after the images were placed",
                plan.fdt_size,
                fdt.len()
            )));
        }
        ram.write_bytes(plan.fdt_addr, &fdt)
            .map_err(|_| VirtError::Fdt("the device tree does not fit in RAM".into()))?;
        let rom = reset_vector(plan.start, plan.fdt_addr, plan.fw_dynamic);
        bus.map(
            BOOTROM_BASE,
            BOOTROM_SIZE,
            Box::new(Rom::new("bootrom", rom, BOOTROM_SIZE)),
        );
        let harts = (0..cfg.harts)
            .map(|h| {
                let mut hart = Hart::new(h as u64, ram.clone(), BOOTROM_BASE);
                hart.core.configure(cfg.cpu);
                hart.core.clock = Some(clock.clone());
                hart
            })
            .collect();
        Ok(VirtMachine {
            bus,
            harts,
            ram,
            clock,
            clint,
            plic,
            rtc,
            test,
            uart_in,
            flushers,
            fdt,
            plan,
            executed: 0,
            trap_steps: 0,
            debugger: None,
            round_start: 0,
        })
    }

    /// A debugging dump of the interrupt controller's state.
    pub fn plic_debug(&self) -> String {
        let outs: Vec<bool> = (0..self.plic.contexts())
            .map(|c| self.plic.context_pending(c))
            .collect();
        format!("{:?}\noutputs {outs:?}", self.plic)
    }

    /// The device tree blob given to the guest.
    pub fn dtb(&self) -> &[u8] {
        &self.fdt
    }

    /// Instructions executed so far (all harts).
    pub fn executed(&self) -> u64 {
        self.executed
    }

    /// Feeds console input to the UART.
    pub fn console_input(&self, bytes: &[u8]) {
        self.uart_in.push(bytes);
    }

    /// Writes completed disk writes through to the image files.
    pub fn flush_disks(&self) {
        for f in &self.flushers {
            if let Err(e) = f.flush() {
                eprintln!("gasang: flushing a disk image failed: {e}");
            }
        }
    }

    /// Brings hart `h`'s time and interrupt lines up to date.
    fn sync_hart(&mut self, h: usize) {
        let c = &mut self.harts[h].core;
        c.set_time(self.clint.mtime());
        c.set_interrupt_line(irq::MTI, self.clint.mtip(h));
        c.set_interrupt_line(irq::MSI, self.clint.msip(h));
        c.set_interrupt_line(irq::MEI, self.plic.context_pending(PlicState::m_context(h)));
        c.set_interrupt_line(irq::SEI, self.plic.context_pending(PlicState::s_context(h)));
    }

    /// Runs hart `h` for up to `budget` instructions.
    fn run_hart(&mut self, h: usize, budget: u64) -> Exit {
        let mut left = budget;
        loop {
            self.sync_hart(h);
            let before = self.harts[h].retired();
            let exit = self.harts[h].run(&mut self.bus, left);
            let n = self.harts[h].retired() - before;
            self.executed += n;
            self.clock.retired(n);
            if n == 0 && exit == Exit::Budget {
                self.trap_steps += left;
            }
            left = left.saturating_sub(n.max(1));
            // A device write: let the device's effect (an interrupt line, a power
            // request) reach the hart before it goes on.
            if exit == Exit::HostWrite && left > 0 && !self.test.has_request() {
                continue;
            }
            return exit;
        }
    }

    /// A power-off or reset the guest asked for, if any.
    fn power_request(&self) -> Option<VirtExit> {
        self.test.take_request().map(|req| match req {
            PowerRequest::PowerOff => VirtExit::PowerOff,
            PowerRequest::Fail(code) => VirtExit::Fail(code),
            PowerRequest::Reset => VirtExit::Reset,
        })
    }

    /// Executes one instruction on hart `h` (a debugger's single step); devices and time
    /// follow. Returns how the guest ended, if this step ended it.
    pub fn step_hart(&mut self, h: usize) -> Option<VirtExit> {
        self.step_hart_detailed(h).1
    }

    /// [`VirtMachine::step_hart`], also returning what the step did (the trap it took).
    pub fn step_hart_detailed(&mut self, h: usize) -> (Step, Option<VirtExit>) {
        self.sync_hart(h);
        let before = self.harts[h].retired();
        let step = self.harts[h].step(&mut self.bus);
        let n = self.harts[h].retired() - before;
        self.executed += n;
        self.clock.retired(n);
        if step.exit == Some(Exit::Wfi) && self.harts.iter().all(|x| x.core.waiting) {
            self.idle(None);
        }
        self.bus.poll_devices();
        (step, self.power_request())
    }

    /// Runs every hart for one quantum (a debugger's continue). Ends early when a hart
    /// reaches one of its [`Hart::breakpoints`](frontend_riscv::Hart::breakpoints).
    pub fn run_round(&mut self) -> Option<RoundStop> {
        let mut all_waiting = true;
        let n = self.harts.len();
        // Start after the hart that stopped the last round, so that a hart hitting a
        // breakpoint over and over does not starve the others.
        let first = self.round_start % n;
        for h in (first..n).chain(0..first) {
            let exit = self.run_hart(h, quantum());
            if exit == Exit::Breakpoint {
                self.round_start = h + 1;
                self.bus.poll_devices();
                return Some(RoundStop::Breakpoint(h));
            }
            all_waiting &= exit == Exit::Wfi;
            if self.test.has_request() {
                break;
            }
        }
        self.bus.poll_devices();
        if all_waiting {
            self.idle(None);
        }
        self.power_request().map(RoundStop::Exit)
    }

    /// The next timer deadline (CLINT, Sstc, RTC alarm) in `mtime` ticks, if any.
    fn next_deadline(&self) -> Option<u64> {
        let sstc = self
            .harts
            .iter()
            .filter(|h| h.core.menvcfg & frontend_riscv::csr::MENVCFG_STCE != 0)
            .map(|h| h.core.stimecmp);
        [self.clint.next_deadline(), self.rtc.next_deadline()]
            .into_iter()
            .flatten()
            .chain(sstc)
            .filter(|&t| t != u64::MAX)
            .min()
    }

    /// Runs hot blocks as host code compiled by the JIT (one compiler per hart), after
    /// `threshold` interpreted runs.
    pub fn enable_jit(&mut self, threshold: u32) -> Result<(), jit::JitError> {
        for h in &mut self.harts {
            h.compiler = Some(Box::new(jit::Jit::new()?));
            h.jit_threshold = threshold.max(1);
        }
        Ok(())
    }

    /// The gdb connection that ended [`VirtMachine::run`] with
    /// [`VirtExit::DebuggerAttached`].
    pub fn take_debugger(&mut self) -> Option<TcpStream> {
        self.debugger.take()
    }

    /// Runs the board until the guest powers off or resets, the user quits, a signal
    /// arrives, `max_insns` instructions have run, or gdb connects to `gdb_listener`
    /// (a non-blocking listener, polled every 20 ms).
    pub fn run(
        &mut self,
        console: Option<&Console>,
        max_insns: Option<u64>,
        gdb_listener: Option<&TcpListener>,
    ) -> VirtExit {
        let limit = max_insns.unwrap_or(u64::MAX);
        let mut monitor: Option<Monitor> = None;
        let mut last_poll = Instant::now();
        loop {
            // First, so that a signal that came before the run (while waiting for gdb)
            // ends it before any instruction.
            if console.is_some_and(Console::shutdown_requested) {
                return VirtExit::Signal;
            }
            if self.executed.saturating_add(self.trap_steps) >= limit {
                return VirtExit::InsnLimit(self.executed);
            }
            if let Some(l) = gdb_listener {
                if last_poll.elapsed() >= GDB_POLL {
                    last_poll = Instant::now();
                    if let Ok((conn, _)) = l.accept() {
                        if conn.set_nonblocking(false).is_ok() {
                            self.debugger = Some(conn);
                            return VirtExit::DebuggerAttached;
                        }
                    }
                }
            }
            let mut all_waiting = true;
            if monitor.is_none() {
                for h in 0..self.harts.len() {
                    let used = self.executed.saturating_add(self.trap_steps);
                    let budget = quantum().min(limit.saturating_sub(used));
                    let exit = self.run_hart(h, budget);
                    all_waiting &= exit == Exit::Wfi;
                    if self.test.has_request() {
                        break;
                    }
                }
            }
            self.bus.poll_devices();
            if let Some(e) = self.power_request() {
                return e;
            }
            let Some(con) = console else {
                if all_waiting && !self.idle(None) {
                    // Nothing can ever wake the harts.
                    return VirtExit::Quit;
                }
                continue;
            };
            let events = if all_waiting || monitor.is_some() {
                self.idle_with_console(con)
            } else {
                con.poll()
            };
            for e in events {
                match e {
                    ConsoleEvent::Input(bytes) => match monitor.as_mut() {
                        Some(m) => {
                            if m.feed(&bytes, self) {
                                return VirtExit::Quit;
                            }
                        }
                        None => self.console_input(&bytes),
                    },
                    ConsoleEvent::Quit => return VirtExit::Quit,
                    ConsoleEvent::ToggleMonitor => {
                        monitor = match monitor {
                            Some(_) => {
                                eprint!("\r\n");
                                None
                            }
                            None => Some(Monitor::start()),
                        }
                    }
                    ConsoleEvent::Eof => {}
                }
            }
        }
    }

    /// All harts wait: move time to the next deadline. Returns false if there is none.
    fn idle(&mut self, _con: Option<&Console>) -> bool {
        match (self.clock.mode(), self.next_deadline()) {
            (ClockMode::Instructions(_), Some(t)) => {
                self.clock.skip_to(t);
                true
            }
            (ClockMode::Host, Some(t)) => {
                let now = self.clock.now();
                if t > now {
                    let ticks = (t - now).min(TIMEBASE_HZ / 100);
                    std::thread::sleep(Duration::from_nanos(ticks * 100));
                }
                true
            }
            (_, None) => false,
        }
    }

    /// All harts wait (or the monitor is active): sleep until the next deadline or
    /// console input, whichever comes first.
    fn idle_with_console(&mut self, con: &Console) -> Vec<ConsoleEvent> {
        let now = self.clock.now();
        let wait_ticks = match (self.clock.mode(), self.next_deadline()) {
            (ClockMode::Instructions(_), Some(t)) => {
                // Deterministic: input that is already there counts; otherwise skip.
                let ev = con.poll();
                if ev.is_empty() {
                    self.clock.skip_to(t);
                }
                return ev;
            }
            (ClockMode::Host, Some(t)) => t.saturating_sub(now).min(TIMEBASE_HZ / 100),
            (_, None) => TIMEBASE_HZ / 100,
        };
        con.wait(Duration::from_nanos(wait_ticks.max(1) * 100))
    }
}

/// Bytes for `/chosen/rng-seed`: host randomness, or fixed in deterministic mode.
fn rng_seed(clock: ClockMode) -> Vec<u8> {
    use std::io::Read;
    let mut seed = vec![0u8; 32];
    if clock == ClockMode::Host {
        if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
            let _ = f.read_exact(&mut seed);
        }
    } else {
        for (i, b) in seed.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37).wrapping_add(11);
        }
    }
    seed
}
