//! The `virt` board: QEMU's layout (see DESIGN.md's memory map) with the boot ROM,
//! sifive_test, goldfish RTC, CLINT, PLIC, NS16550A UART and eight virtio-mmio slots
//! (all legacy, version 1, as QEMU's default, or all version 2), 1 to 8 harts
//! interleaved on one host thread in fixed quanta (deterministic order).

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use devices::{
    BlkFlusher, Clint, ClintState, EmptySlot, GoldfishRtc, GoldfishRtcState, Plic, PlicState,
    PowerRequest, Rom, SifiveTest, TestDeviceState, Uart, UartInput, VirtioBlk, VirtioMmio,
    VirtioMmioVersion, VirtioRng, CLINT_SIZE, GOLDFISH_RTC_SIZE, PLIC_SIZE, SIFIVE_TEST_SIZE,
    UART_SIZE, VIRTIO_MMIO_SIZE,
};
use emu_core::{Bus, Clock, ClockMode, GuestRam, IrqLine, TIMEBASE_HZ};
use firmware::boot::{plan_boot, BootImages, BootPlan};
use firmware::bootrom::{reset_vector, BOOTROM_BASE, BOOTROM_SIZE};
use firmware::fdt::{build_fdt, BoardDescription, VIRT_LAYOUT};
use frontend_riscv::check::Lockstep;
use frontend_riscv::trap::irq;
use frontend_riscv::{Exit, Hart, Step};
use thiserror::Error;

use crate::console::{Console, ConsoleEvent};
use crate::engine::{EngineKind, JitSettings};
use crate::monitor::{Monitor, MonitorAction};

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
#[derive(Debug, Clone, Default)]
pub struct DriveConfig {
    /// Raw image file.
    pub path: PathBuf,
    /// Attach read-only.
    pub read_only: bool,
    /// QEMU's `snapshot=on`: the guest's writes go to a temporary overlay.
    pub snapshot: bool,
    /// The format was probed, not given: writes may not make sector 0 look like another
    /// format (QEMU's rule for probed raw images).
    pub probed: bool,
    /// The serial number GET_ID reports.
    pub serial: Option<String>,
}

/// A device on a virtio-mmio slot.
#[derive(Debug, Clone)]
pub enum VirtioKind {
    /// A virtio-blk disk.
    Blk(DriveConfig),
    /// A virtio-rng reading this host file.
    Rng(PathBuf),
}

/// A virtio device and, if given (`bus=virtio-mmio-bus.N`), its slot.
#[derive(Debug, Clone)]
pub struct VirtioConfig {
    /// The device.
    pub kind: VirtioKind,
    /// Slot 0 to 7 (address 0x1000_1000 + slot * 0x1000, IRQ 1 + slot); `None`: the
    /// highest free slot, as QEMU picks.
    pub slot: Option<u32>,
}

/// The slots of virtio devices in creation order, as QEMU assigns them: a device with a
/// `bus=` takes that slot, one without takes the highest free slot (QEMU finds the
/// buses last created first, so the first device is the first node in the device tree
/// and becomes /dev/vda). A slot taken twice is "full", as QEMU says.
pub fn assign_virtio_slots(wanted: &[Option<u32>]) -> Result<Vec<u32>, String> {
    let count = VIRT_LAYOUT.virtio.2;
    let mut used = vec![false; count as usize];
    let mut out = Vec::new();
    for w in wanted {
        let slot = match *w {
            Some(n) if n >= count => {
                return Err(format!("Bus 'virtio-mmio-bus.{n}' not found"));
            }
            Some(n) if used[n as usize] => {
                return Err(format!("Bus 'virtio-mmio-bus.{n}' is full"));
            }
            Some(n) => n,
            None => (0..count)
                .rev()
                .find(|&n| !used[n as usize])
                .ok_or_else(|| {
                    format!("too many virtio devices: the board has {count} virtio-mmio slots")
                })?,
        };
        used[slot as usize] = true;
        out.push(slot);
    }
    Ok(out)
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
    /// The virtio devices, in creation order (see [`assign_virtio_slots`]).
    pub virtio: Vec<VirtioConfig>,
    /// The legacy virtio-mmio transport (version 1), QEMU's default; false with
    /// `-global virtio-mmio.force-legacy=false` (the modern transport, version 2).
    pub virtio_legacy: bool,
    /// A device tree to give the guest instead of the generated one (`-dtb`), with
    /// `/chosen` updated as QEMU does.
    pub dtb: Option<Vec<u8>>,
    /// The RTC's time at start, in ns since the Unix epoch (`-rtc base=`); `None`: the
    /// host's time (or a fixed date in deterministic mode).
    pub rtc_start_ns: Option<u64>,
    /// The RTC follows the machine's clock (`-rtc clock=vm`) instead of the host's.
    pub rtc_vm_clock: bool,
    /// Harts that start elsewhere than the boot ROM (`-device loader,addr=,cpu-num=`).
    pub hart_start: Vec<(usize, u64)>,
    /// Bytes stored in RAM at start (`-device loader,data=`), after the images.
    pub ram_writes: Vec<(u64, Vec<u8>)>,
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
    #[error("cannot open {} for virtio-rng: {error}", .path.display())]
    Rng {
        /// The file.
        path: PathBuf,
        /// The host error (not a `source`: the message has it already, and `{:#}` would
        /// print it twice).
        error: std::io::Error,
    },
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
    /// `--engine check` found the JIT and the interpreter in different states
    /// ([`VirtMachine::mismatch`] has the report).
    EngineMismatch,
    /// gdb connected to the stub's listener: [`VirtMachine::take_debugger`] has the
    /// connection.
    DebuggerAttached,
}

/// Whether the guest runs (the monitor's `stop`/`cont`, `info status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    /// The harts run.
    Running,
    /// Paused by the monitor's `stop`.
    Paused,
    /// The guest powered off and `-no-shutdown` keeps the emulator: only a reset (or
    /// quitting) goes on.
    Shutdown,
}

/// The board.
pub struct VirtMachine {
    /// The physical bus.
    pub bus: Bus,
    /// The harts.
    pub harts: Vec<Hart>,
    /// Running, paused or shut down.
    pub run_state: RunState,
    /// Ctrl-A C opens the monitor (false with `-monitor none` or `-nodefaults`).
    pub monitor_enabled: bool,
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
    /// `--engine check`: each hart's interpreter shadow.
    lockstep: Vec<Lockstep>,
    /// What `--engine check` found, once it found a difference.
    pub mismatch: Option<String>,
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
        let slots = assign_virtio_slots(&cfg.virtio.iter().map(|v| v.slot).collect::<Vec<_>>())
            .map_err(VirtError::Config)?;
        if let Some(&(h, _)) = cfg.hart_start.iter().find(|(h, _)| *h >= cfg.harts) {
            return Err(VirtError::Config(format!(
                "-device loader,cpu-num={h}: there is no hart {h} (-smp {})",
                cfg.harts
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
        // Room for the device tree as it really is (a long -append, or a large -dtb, makes
        // it large), so that no image or loader file is placed where it will be written.
        let fdt_size = device_tree(cfg, &board)?.len() as u64;
        let plan = plan_boot(&ram, &cfg.images, fdt_size)?;
        let clock = Arc::new(Clock::new(cfg.clock));
        let clint = ClintState::new(clock.clone(), cfg.harts);
        let plic = PlicState::new(cfg.harts);
        let line = |n: u32| IrqLine::new(plic.clone(), n);
        let rtc = match (cfg.clock, cfg.rtc_vm_clock) {
            (ClockMode::Host, false) => {
                let rtc = GoldfishRtcState::host(line(VIRT_LAYOUT.rtc.1));
                if let Some(t) = cfg.rtc_start_ns {
                    rtc.set_time_ns(t);
                }
                rtc
            }
            (ClockMode::Host, true) => GoldfishRtcState::with_clock(
                cfg.rtc_start_ns.unwrap_or_else(host_time_ns),
                clock.clone(),
                line(VIRT_LAYOUT.rtc.1),
            ),
            (ClockMode::Instructions(_), _) => GoldfishRtcState::with_clock(
                cfg.rtc_start_ns.unwrap_or(DETERMINISTIC_EPOCH_NS),
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
        let version = VirtioMmioVersion::from_force_legacy(cfg.virtio_legacy);
        let mut used = vec![false; vcount as usize];
        for (v, &slot) in cfg.virtio.iter().zip(&slots) {
            let addr = vbase + vstride * slot as u64;
            let (name, dev): (String, Box<dyn devices::VirtioDevice>) = match &v.kind {
                VirtioKind::Blk(d) => {
                    let mut blk = VirtioBlk::open_with(&d.path, d.read_only, d.snapshot, d.probed)?;
                    if let Some(s) = &d.serial {
                        blk = blk.with_serial(s);
                    }
                    flushers.push(blk.flusher());
                    (format!("virtio-blk@{addr:x}"), Box::new(blk))
                }
                VirtioKind::Rng(path) => {
                    let rng = VirtioRng::open(path).map_err(|error| VirtError::Rng {
                        path: path.clone(),
                        error,
                    })?;
                    (format!("virtio-rng@{addr:x}"), Box::new(rng))
                }
            };
            used[slot as usize] = true;
            bus.map(
                addr,
                VIRTIO_MMIO_SIZE,
                Box::new(VirtioMmio::with_version(
                    name,
                    dev,
                    ram.clone(),
                    line(virq + slot),
                    version,
                )),
            );
        }
        for s in (0..vcount).filter(|&s| !used[s as usize]) {
            let addr = vbase + vstride * s as u64;
            bus.map(
                addr,
                VIRTIO_MMIO_SIZE,
                Box::new(EmptySlot::new(format!("virtio-mmio@{addr:x}"), version)),
            );
        }

        // The device tree now that the initrd's place is known: the same size as the
        // one planned for (the initrd properties have fixed sizes).
        board.initrd = plan.initrd;
        let fdt = device_tree(cfg, &board)?;
        if fdt.len() as u64 > plan.fdt_size {
            return Err(VirtError::Fdt(format!(
                "it grew from {} to {} bytes after the images were placed",
                plan.fdt_size,
                fdt.len()
            )));
        }
        for (addr, bytes) in &cfg.ram_writes {
            ram.write_bytes(*addr, bytes).map_err(|_| {
                VirtError::Config(format!(
                    "-device loader,addr={addr:#x}: the address is not in RAM"
                ))
            })?;
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
                let start = cfg
                    .hart_start
                    .iter()
                    .rev()
                    .find(|(n, _)| *n == h)
                    .map_or(BOOTROM_BASE, |&(_, pc)| pc);
                let mut hart = Hart::new(h as u64, ram.clone(), start);
                hart.core.configure(cfg.cpu);
                hart.core.clock = Some(clock.clone());
                hart
            })
            .collect();
        Ok(VirtMachine {
            bus,
            harts,
            run_state: RunState::Running,
            monitor_enabled: true,
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
            lockstep: Vec::new(),
            mismatch: None,
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

    /// The physical memory map for the monitor's `info mtree`: base, size, kind (`ram`,
    /// `rom`, `i/o`) and name, in address order.
    pub fn memory_map(&self) -> Vec<(u64, u64, &'static str, String)> {
        let mut map: Vec<(u64, u64, &'static str, String)> = self
            .bus
            .mappings()
            .map(|(b, s, n)| {
                let kind = if n == "bootrom" { "rom" } else { "i/o" };
                (b, s, kind, n.to_string())
            })
            .collect();
        map.push((self.ram.base(), self.ram.size(), "ram", "ram".into()));
        map.sort_by_key(|e| e.0);
        map
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
            let exit = match self.lockstep.get_mut(h) {
                None => self.harts[h].run(&mut self.bus, left),
                Some(l) => match l.run(&mut self.harts[h], &mut self.bus, left) {
                    Ok(e) => e,
                    Err(m) => {
                        self.mismatch = Some(m.report);
                        return Exit::Budget;
                    }
                },
            };
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

    /// Runs hot code as host code compiled by the JIT (one per hart), after `threshold`
    /// interpreted runs of a region's first block, on a background thread or (not
    /// `background`) at once.
    pub fn enable_jit(&mut self, threshold: u32, background: bool) -> Result<(), jit::JitError> {
        for h in &mut self.harts {
            h.engine = Some(Box::new(jit::Jit::with_options(jit::JitOptions {
                background,
                ..jit::JitOptions::default()
            })?));
            h.jit_threshold = threshold.max(1);
        }
        Ok(())
    }

    /// Runs guest code with `engine` (the JIT with `jit`'s settings, or also the
    /// interpreter in lockstep: then time should follow instructions, see
    /// [`EngineKind::Check`]).
    pub fn set_engine(
        &mut self,
        engine: EngineKind,
        jit: JitSettings,
    ) -> Result<(), jit::JitError> {
        if engine == EngineKind::Interp {
            return Ok(());
        }
        self.enable_jit(jit.threshold, jit.background)?;
        if engine == EngineKind::Check {
            self.lockstep = self.harts.iter_mut().map(Lockstep::new).collect();
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
            if self.mismatch.is_some() {
                return VirtExit::EngineMismatch;
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
            if self.run_state == RunState::Running {
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
            let events = if self.run_state != RunState::Running {
                con.wait(Duration::from_millis(10))
            } else if all_waiting {
                self.idle_with_console(con)
            } else {
                con.poll()
            };
            for e in events {
                match e {
                    ConsoleEvent::Input(bytes) => match monitor.as_mut() {
                        Some(m) => match m.feed(&bytes, self) {
                            Some(MonitorAction::Quit) => return VirtExit::Quit,
                            Some(MonitorAction::Reset) => return VirtExit::Reset,
                            None => {}
                        },
                        None => self.console_input(&bytes),
                    },
                    ConsoleEvent::Quit => return VirtExit::Quit,
                    ConsoleEvent::ToggleMonitor if !self.monitor_enabled => {
                        eprint!(
                            "\r\ngasang: there is no monitor (-monitor none or -nodefaults)\r\n"
                        );
                    }
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

/// The device tree the guest gets: the generated one for `board`, or the `-dtb` file with
/// `/chosen` set from `-append` and the initrd range, as QEMU sets it.
fn device_tree(cfg: &VirtConfig, board: &BoardDescription) -> Result<Vec<u8>, VirtError> {
    match &cfg.dtb {
        None => build_fdt(board).map_err(|e| VirtError::Fdt(e.to_string())),
        Some(blob) => firmware::fdt_edit::apply_chosen(blob, cfg.append.as_deref(), board.initrd)
            .map_err(|e| VirtError::Fdt(format!("-dtb: {e}"))),
    }
}

/// The host's time in ns since the Unix epoch.
fn host_time_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
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
