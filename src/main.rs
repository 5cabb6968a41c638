//! The `gasang` command line: QEMU-style options boot the `virt` board (with no options,
//! the bundled Linux image); `gasang run` runs a bare-metal program.

// println!/eprintln! that never panic on a closed pipe or a full disk (emu_core::stdio).
#[macro_use]
extern crate emu_core;

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use emu_core::ClockMode;
use firmware::boot::BootImages;
use firmware::LoadedImage;
use frontend_riscv::trace::{parse_trace_items, TraceFlags, TRACE_ITEMS};
use frontend_riscv::CpuConfig;
use gasang::console::{restore_terminal, Console};
use gasang::disasm::Disassembler;
use gasang::images::{bundled, decompress, read_image};
use gasang::qemu_args::{normalize, KeyValues};
use gasang::size::parse_size;
use gasang::trace::TraceLog;
use gasang::virt::{DriveConfig, VirtConfig, VirtExit, VirtMachine, DETERMINISTIC_INSNS_PER_TICK};
use gasang::{BareMachine, Outcome};

/// gasang: a full-system emulator for 64-bit RISC-V.
///
/// With no arguments it boots the bundled Linux image on the virt board. The options
/// follow QEMU's (`-m`, `-smp`, `-kernel`, `-initrd`, `-append`, `-bios`, `-drive`,
/// `-device`, `-nographic`, `-no-reboot`), with one or two dashes, so a QEMU command line
/// for the virt board works with the binary name changed. Ctrl-A X quits, Ctrl-A C opens
/// the monitor.
#[derive(Parser, Debug)]
#[command(
    name = "gasang",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    virt: VirtArgs,
}

/// Options of the virt board (QEMU's spelling).
#[derive(Parser, Debug)]
struct VirtArgs {
    /// RAM size (QEMU style: 256M, 1G; a bare number is MiB). Default 256M.
    #[arg(short = 'm', long = "memory", value_name = "SIZE", value_parser = parse_ram)]
    memory: Option<u64>,
    /// Number of harts, 1 to 8 (`4` or `cpus=4`).
    #[arg(long = "smp", value_name = "N")]
    smp: Option<String>,
    /// CPU model and features: `rv64[,svade=on|off][,svadu=on|off]` (QEMU's spelling).
    /// The default updates PTE A/D bits in hardware (Svadu), as QEMU does.
    #[arg(long = "cpu", value_name = "MODEL[,PROP=on|off...]", value_parser = parse_cpu)]
    cpu: Option<CpuConfig>,
    /// Machine type: only `virt`.
    #[arg(long = "machine", value_name = "TYPE")]
    machine: Option<String>,
    /// M-mode firmware: a file, `default` (the bundled OpenSBI fw_dynamic) or `none`
    /// (the kernel runs in M-mode).
    #[arg(long = "bios", value_name = "FILE")]
    bios: Option<String>,
    /// Kernel (a Linux `Image`, U-Boot, or any ELF); gzip/xz compressed is fine.
    #[arg(long = "kernel", value_name = "FILE")]
    kernel: Option<PathBuf>,
    /// Initial RAM disk.
    #[arg(long = "initrd", value_name = "FILE")]
    initrd: Option<PathBuf>,
    /// Kernel command line.
    #[arg(long = "append", value_name = "CMDLINE")]
    append: Option<String>,
    /// A disk: `file=PATH,format=raw[,readonly=on][,if=virtio|none][,id=ID]`. With
    /// `if=none` it is attached by `-device virtio-blk-device,drive=ID`.
    #[arg(long = "drive", value_name = "SPEC")]
    drive: Vec<String>,
    /// A device: `virtio-blk-device,drive=ID` or `virtio-rng-device`.
    #[arg(long = "device", value_name = "SPEC")]
    device: Vec<String>,
    /// Console on standard input/output (the default; accepted for QEMU compatibility).
    #[arg(long = "nographic")]
    nographic: bool,
    /// Exit instead of rebooting when the guest resets.
    #[arg(long = "no-reboot")]
    no_reboot: bool,
    /// `-serial mon:stdio` or `stdio` (what gasang does anyway).
    #[arg(long = "serial", value_name = "DEV")]
    serial: Option<String>,
    /// `-display none` (gasang has no display).
    #[arg(long = "display", value_name = "TYPE")]
    display: Option<String>,
    /// Write the generated device tree to FILE and exit.
    #[arg(long = "dumpdtb", value_name = "FILE")]
    dumpdtb: Option<PathBuf>,
    /// Deterministic time: `mtime` follows executed instructions (one tick per 10) instead
    /// of the host clock, so runs repeat exactly.
    #[arg(long = "deterministic")]
    deterministic: bool,
    /// Stop after this many instructions (all harts together).
    #[arg(long = "max-insns", value_name = "N")]
    max_insns: Option<u64>,
    /// Wait for gdb before the first instruction (with -s or -gdb). Without it the
    /// guest runs at once and gdb may attach at any time.
    #[arg(short = 'S')]
    gdb_wait: bool,
    /// gdb stub on 127.0.0.1:1234 (`-gdb tcp::1234`).
    #[arg(short = 's')]
    gdb_default: bool,
    /// gdb stub address: `tcp::PORT` (127.0.0.1) or `tcp:HOST:PORT`.
    #[arg(long = "gdb", value_name = "DEV")]
    gdb: Option<String>,
    #[command(flatten)]
    exec: ExecArgs,
}

/// How guest code runs and is traced (the virt board and `gasang run` alike).
#[derive(clap::Args, Debug)]
struct ExecArgs {
    /// QEMU-style traces: a comma-separated list of in_asm, exec, cpu, int, mmu (or
    /// `all`); `-d help` lists them.
    #[arg(short = 'd', value_name = "ITEMS")]
    trace_items: Option<String>,
    /// Write the `-d` traces to FILE instead of stderr.
    #[arg(short = 'D', value_name = "FILE")]
    trace_file: Option<PathBuf>,
    /// Run hot code through the Cranelift JIT (experimental; the interpreter is the
    /// default).
    #[arg(long = "jit")]
    jit: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a bare-metal program (ELF or raw binary) in M-mode, riscv-tests style: the
    /// program ends by writing to `tohost`. Exit status: 0 pass, 1 the program reported a
    /// failure, 2 bad input, 3 instruction limit reached or hart stuck.
    Run(RunArgs),
}

#[derive(Parser, Debug)]
struct RunArgs {
    /// RAM size at 0x8000_0000 (QEMU style: 128M, 1G; a bare number is MiB).
    #[arg(short = 'm', long = "memory", default_value = "128M", value_parser = parse_ram)]
    memory: u64,
    /// Stop after this many instructions.
    #[arg(long = "max-insns", value_name = "N")]
    max_insns: Option<u64>,
    /// CPU model and features, as on the virt board (`rv64,svade=on`).
    #[arg(long = "cpu", value_name = "MODEL[,PROP=on|off...]", value_parser = parse_cpu)]
    cpu: Option<CpuConfig>,
    /// Print each executed instruction to stderr: pc, raw bits, disassembly, register
    /// written, and traps.
    #[arg(long)]
    trace: bool,
    #[command(flatten)]
    exec: ExecArgs,
    /// The program.
    program: PathBuf,
}

fn parse_cpu(s: &str) -> Result<CpuConfig, String> {
    CpuConfig::parse_qemu(s)
}

fn parse_ram(s: &str) -> Result<u64, String> {
    let n = parse_size(s)?;
    if n < 4096 || n % 4096 != 0 {
        return Err(format!(
            "RAM size {s} must be a multiple of 4 KiB and at least 4K"
        ));
    }
    if n > 1 << 40 {
        return Err(format!("RAM size {s} is larger than 1T"));
    }
    Ok(n)
}

fn main() -> ExitCode {
    let args = normalize(std::env::args().skip(1));
    let cli = match Cli::try_parse_from(std::iter::once("gasang".to_string()).chain(args)) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            // One line: clap's first line, without its "error: " prefix.
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            eprintln!(
                "gasang: {} (see 'gasang --help')",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Some(Command::Run(args)) => run(&args),
        None => {
            // First thing, so that a signal while the images load ends the run (143).
            gasang::console::install_signal_handlers();
            boot_virt(&cli.virt)
        }
    };
    restore_terminal();
    match result {
        Ok(code) => code,
        // Loading stopped because of a signal.
        Err(_) if gasang::console::signal_received() => {
            eprintln!("gasang: terminated by a signal");
            ExitCode::from(143)
        }
        Err(e) => {
            eprintln!("gasang: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The default command line: the bundled OpenSBI, Linux and initramfs.
const DEFAULT_APPEND: &str = "console=ttyS0 earlycon";

fn virt_config(a: &VirtArgs) -> Result<VirtConfig> {
    if a.gdb_wait && !a.gdb_default && a.gdb.is_none() {
        bail!("-S waits for gdb: give -s or -gdb tcp::PORT too");
    }
    if let Some(m) = &a.machine {
        let kv = KeyValues::parse(m);
        if kv.get("") != Some("virt") {
            bail!("-machine {m}: only the 'virt' machine is supported");
        }
        if let Some(k) = kv.unknown_key(&[""]) {
            bail!("-machine {m}: option '{k}' is not supported");
        }
    }
    if let Some(s) = &a.serial {
        if !matches!(s.as_str(), "mon:stdio" | "stdio") {
            bail!("-serial {s}: only 'mon:stdio' or 'stdio' is supported");
        }
    }
    if let Some(d) = &a.display {
        if d != "none" {
            bail!("-display {d}: gasang has no display (use -display none or -nographic)");
        }
    }
    let harts = match &a.smp {
        None => 1,
        Some(s) => {
            let kv = KeyValues::parse(s);
            if let Some(k) = kv.unknown_key(&["", "cpus"]) {
                bail!("-smp {s}: option '{k}' is not supported");
            }
            let n = kv.get("cpus").or(kv.get("")).unwrap_or("");
            n.parse::<usize>()
                .ok()
                .filter(|n| (1..=gasang::virt::MAX_HARTS).contains(n))
                .with_context(|| format!("-smp {s}: give a number of harts from 1 to 8"))?
        }
    };
    let ram_size = a.memory.unwrap_or(256 << 20);
    let no_images = a.kernel.is_none() && a.bios.is_none() && a.initrd.is_none();
    let mut images = BootImages {
        firmware: match a.bios.as_deref() {
            Some("none") => None,
            None | Some("default") => Some(bundled("fw_dynamic.bin")?),
            Some(path) => Some(read_image(path.as_ref(), ram_size)?),
        },
        ..Default::default()
    };
    let mut append = a.append.clone();
    if no_images {
        // No images at all: the bundled Linux guest.
        images.kernel = Some(bundled("Image.xz")?);
        images.initrd = Some(bundled("initramfs.cpio.gz")?);
        append.get_or_insert_with(|| DEFAULT_APPEND.to_string());
    } else {
        let read = |p: &Path| read_image(p, ram_size);
        images.kernel = a.kernel.as_deref().map(read).transpose()?;
        images.initrd = a.initrd.as_deref().map(read).transpose()?;
    }
    for img in [&mut images.firmware, &mut images.kernel]
        .into_iter()
        .flatten()
    {
        decompress(img, ram_size)?;
    }
    let (drives, rng) = parse_drives(&a.drive, &a.device)?;
    Ok(VirtConfig {
        ram_size,
        harts,
        images,
        append,
        drives,
        rng,
        cpu: a.cpu.unwrap_or_default(),
        clock: if a.deterministic {
            ClockMode::Instructions(DETERMINISTIC_INSNS_PER_TICK)
        } else {
            ClockMode::Host
        },
    })
}

/// `-drive` and `-device` options into disks (in order) and whether there is an rng.
fn parse_drives(drives: &[String], devices: &[String]) -> Result<(Vec<DriveConfig>, bool)> {
    let mut out = Vec::new();
    let mut by_id: Vec<(String, DriveConfig)> = Vec::new();
    for d in drives {
        let kv = KeyValues::parse(d);
        if let Some(k) = kv.unknown_key(&["file", "format", "readonly", "if", "id", "cache"]) {
            bail!("-drive {d}: option '{k}' is not supported");
        }
        let file = kv
            .get("file")
            .with_context(|| format!("-drive {d}: file=PATH is missing"))?;
        if let Some(f) = kv.get("format") {
            if f != "raw" {
                bail!("-drive {d}: only format=raw is supported");
            }
        }
        let read_only = match kv.get("readonly") {
            None | Some("off") => false,
            Some("on") => true,
            Some(v) => bail!("-drive {d}: readonly={v} (use on or off)"),
        };
        let cfg = DriveConfig {
            path: PathBuf::from(file),
            read_only,
        };
        match kv.get("if") {
            None | Some("virtio") => out.push(cfg),
            Some("none") => {
                let id = kv
                    .get("id")
                    .with_context(|| format!("-drive {d}: if=none needs id=NAME"))?;
                by_id.push((id.to_string(), cfg));
            }
            Some(i) => bail!("-drive {d}: if={i} is not supported (virtio or none)"),
        }
    }
    let mut rng = false;
    for dev in devices {
        let kv = KeyValues::parse(dev);
        match kv.get("") {
            Some("virtio-blk-device") => {
                if let Some(k) = kv.unknown_key(&["", "drive"]) {
                    bail!("-device {dev}: option '{k}' is not supported");
                }
                let id = kv
                    .get("drive")
                    .with_context(|| format!("-device {dev}: drive=ID is missing"))?;
                let at = by_id
                    .iter()
                    .position(|(i, _)| i == id)
                    .with_context(|| format!("-device {dev}: no -drive with id={id}"))?;
                out.push(by_id.remove(at).1);
            }
            Some("virtio-rng-device") => rng = true,
            Some(other) => {
                bail!("-device {other}: not supported (virtio-blk-device, virtio-rng-device)")
            }
            None => bail!("-device {dev}: which device?"),
        }
    }
    if let Some((id, _)) = by_id.first() {
        bail!("-drive id={id} (if=none) is not used by any -device");
    }
    Ok((out, rng))
}

fn boot_virt(a: &VirtArgs) -> Result<ExitCode> {
    let cfg = virt_config(a)?;
    if let Some(path) = &a.dumpdtb {
        let m = VirtMachine::new(&cfg, Box::new(std::io::sink()))?;
        std::fs::write(path, m.dtb())
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let gdb_addr = match (&a.gdb, a.gdb_default) {
        (Some(spec), _) => Some(gdb::parse_gdb_spec(spec).map_err(anyhow::Error::msg)?),
        (None, true) => Some(gdb::parse_gdb_spec("tcp::1234").map_err(anyhow::Error::msg)?),
        (None, false) => None,
    };
    let trace_items = trace_flags(a.exec.trace_items.as_deref(), a.exec.trace_file.as_deref())?;
    // The stub listens from the start (so a busy port is reported at once); gdb may
    // connect before the first instruction (-S) or at any time later, and again after
    // detaching.
    let listener = match gdb_addr {
        Some(addr) => Some(
            TcpListener::bind(addr)
                .with_context(|| format!("gdb stub: cannot listen on {addr}"))?,
        ),
        None => None,
    };
    // With -S gdb drives from the start: the terminal stays in cooked mode.
    let console = Console::start(!a.gdb_wait);
    let mut wait_for_gdb = a.gdb_wait;
    let mut tracer: Option<Arc<TraceLog>> = None;
    loop {
        let mut m = VirtMachine::new(&cfg, Box::new(std::io::stdout()))?;
        if a.exec.jit {
            m.enable_jit(jit_threshold())?;
        }
        if let Some(flags) = trace_items {
            if tracer.is_none() {
                let mut symbols = m.plan.symbols.clone();
                if a.kernel.is_none() && a.bios.is_none() && a.initrd.is_none() {
                    symbols.push(bundled_kernel_symbols()?);
                }
                tracer = Some(Arc::new(
                    TraceLog::new(flags, a.exec.trace_file.as_deref(), symbols)
                        .context("cannot open the trace file (-D)")?,
                ));
            }
            for h in &mut m.harts {
                h.core.set_tracer(tracer.clone().map(|t| t as _), flags);
            }
        }
        let _flush = FlushOnDrop(tracer.clone());
        let mut gdb_conn = None;
        if let (Some(l), Some(addr)) = (&listener, gdb_addr) {
            if std::mem::take(&mut wait_for_gdb) {
                eprintln!("gasang: waiting for gdb on {addr}");
                // None: a signal came first, and the run below ends at once (143).
                gdb_conn = gasang::debug::wait_for_gdb(l).context("gdb stub: accept failed")?;
            } else {
                eprintln!("gasang: gdb stub listening on {addr}");
            }
            l.set_nonblocking(true)
                .context("gdb stub: cannot poll the listener")?;
        }
        let exit = loop {
            if let Some(conn) = gdb_conn.take() {
                let mut dm = gasang::debug::DebuggedMachine::new(&mut m, Some(&console));
                let reason = gdb::serve(&mut dm, conn);
                if let Some(e) = dm.exit {
                    break e;
                }
                match reason {
                    Ok(gdb::DisconnectReason::Kill) => break VirtExit::Quit,
                    Ok(_) => {}
                    // gdb went away (killed, crashed, a port probe): like a detach.
                    Err(e) => eprintln!("gasang: {e}; the guest goes on"),
                }
            }
            match m.run(Some(&console), a.max_insns, listener.as_ref()) {
                VirtExit::DebuggerAttached => gdb_conn = m.take_debugger(),
                e => break e,
            }
        };
        m.flush_disks();
        let _ = std::io::stdout().flush();
        match exit {
            VirtExit::Reset if !a.no_reboot => continue,
            VirtExit::Reset | VirtExit::PowerOff | VirtExit::Quit | VirtExit::DebuggerAttached => {
                return Ok(ExitCode::SUCCESS)
            }
            VirtExit::Fail(code) => return Ok(ExitCode::from(code.clamp(1, 255) as u8)),
            VirtExit::Signal => {
                restore_terminal();
                if std::env::var_os("GASANG_DUMP_ON_EXIT").is_some() {
                    for h in &m.harts {
                        eprint!("{}", gasang::regs::format_registers(&h.core));
                    }
                    eprintln!("{}", m.plic_debug());
                }
                eprintln!("gasang: terminated by a signal");
                return Ok(ExitCode::from(143));
            }
            VirtExit::InsnLimit(n) => {
                restore_terminal();
                eprintln!("gasang: stopped after {n} instructions (--max-insns)");
                return Ok(ExitCode::from(3));
            }
        }
    }
}

/// Interpreted runs before the JIT compiles a block (`GASANG_JIT_THRESHOLD` overrides
/// the default, for experiments).
fn jit_threshold() -> u32 {
    std::env::var("GASANG_JIT_THRESHOLD")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(frontend_riscv::interp::HOT_RUNS)
}

/// Flushes the trace log when the run ends, whichever way.
struct FlushOnDrop(Option<Arc<TraceLog>>);

impl Drop for FlushOnDrop {
    fn drop(&mut self) {
        if let Some(t) = &self.0 {
            t.flush();
        }
    }
}

/// The `-d` items, or `None` without `-d`. `-d help` prints the list and exits.
fn trace_flags(items: Option<&str>, file: Option<&Path>) -> Result<Option<TraceFlags>> {
    match items {
        None if file.is_some() => bail!("-D FILE writes the traces -d ITEMS selects: give -d too"),
        None => Ok(None),
        Some("help") => {
            println!("Trace items for -d (comma-separated):");
            for (name, _, what) in TRACE_ITEMS {
                println!("{name:<8} {what}");
            }
            println!("{:<8} all of the above", "all");
            std::process::exit(0);
        }
        Some(list) => parse_trace_items(list)
            .map(Some)
            .map_err(|e| anyhow::anyhow!("-d {list}: {e}")),
    }
}

/// Symbols of the bundled kernel (its `vmlinux`, kept for traces and gdb).
fn bundled_kernel_symbols() -> Result<LoadedImage> {
    let mut img = bundled("vmlinux.xz")?;
    decompress(&mut img, gasang::images::BUNDLED_LIMIT)?;
    firmware::read_symbols(&img.bytes).with_context(|| format!("{}: no symbols", img.name))
}

fn run(args: &RunArgs) -> Result<ExitCode> {
    let trace_items = trace_flags(
        args.exec.trace_items.as_deref(),
        args.exec.trace_file.as_deref(),
    )?;
    let program = gasang::images::read_program(&args.program, args.memory)?;
    let mut m = BareMachine::new(&program, args.memory, Box::new(std::io::stdout()))
        .with_context(|| format!("cannot load {}", args.program.display()))?;
    m.hart.core.configure(args.cpu.unwrap_or_default());
    if !m.has_htif() {
        eprintln!(
            "gasang: warning: {} has no 'tohost' symbol: it cannot report a result",
            args.program.display()
        );
    }
    if args.exec.jit {
        m.enable_jit(jit_threshold())?;
    }
    let tracer = match trace_items {
        Some(flags) => {
            let t = Arc::new(
                TraceLog::new(
                    flags,
                    args.exec.trace_file.as_deref(),
                    vec![m.image.clone()],
                )
                .context("cannot open the trace file (-D)")?,
            );
            m.hart.core.set_tracer(Some(t.clone()), flags);
            Some(t)
        }
        None => None,
    };
    let _flush = FlushOnDrop(tracer);
    let outcome = if args.trace {
        run_traced(&mut m, args.max_insns)?
    } else {
        m.run(args.max_insns)
    };
    let _ = std::io::stdout().flush();
    Ok(match outcome {
        Outcome::Pass => ExitCode::SUCCESS,
        Outcome::Fail(code) => {
            eprintln!(
                "gasang: FAIL: {} reported failure: test case {code} (tohost exit code {code})",
                args.program.display()
            );
            ExitCode::from(1)
        }
        Outcome::InsnLimit(n) => {
            eprintln!(
                "gasang: stopped after {n} instructions (--max-insns) at pc {:#x}",
                m.hart.core.pc
            );
            ExitCode::from(3)
        }
        Outcome::Stuck { pc } => {
            eprintln!(
                "gasang: the hart waits for an interrupt (wfi) at pc {pc:#x}, and nothing on this machine can raise one"
            );
            ExitCode::from(3)
        }
        Outcome::TrapLoop { pc, cause } => {
            eprintln!(
                "gasang: hart stuck in a trap loop at pc {pc:#x} (mcause {cause:#x}): every trap faults again before an instruction retires"
            );
            ExitCode::from(3)
        }
    })
}

fn run_traced(m: &mut BareMachine, max: Option<u64>) -> Result<Outcome> {
    let dis = Disassembler::new().map_err(anyhow::Error::msg)?;
    let err = std::io::stderr();
    // A full or closed stderr loses the trace, not the run's exit status.
    let mut out = std::io::BufWriter::new(emu_core::stdio::Lossy(err.lock()));
    let limit = max.unwrap_or(u64::MAX);
    let mut count = 0u64;
    loop {
        if count >= limit {
            out.flush()?;
            return Ok(Outcome::InsnLimit(m.executed()));
        }
        count += 1;
        let (step, outcome) = m.step();
        if let Some(irq) = step.interrupt {
            writeln!(out, "interrupt {irq} taken at {:#x}", step.pc)?;
        }
        if let Some(inst) = step.inst {
            let text = dis
                .disassemble(inst.raw, inst.len, step.pc)
                .unwrap_or_else(|| "(unknown)".into());
            let sym = m
                .image
                .symbolize(step.pc)
                .map(|(s, off)| format!(" <{s}+{off:#x}>"))
                .unwrap_or_default();
            let raw = if inst.len == 2 {
                format!("{:04x}    ", inst.raw)
            } else {
                format!("{:08x}", inst.raw)
            };
            write!(out, "{:#018x}{sym} ({raw}) {text:<32}", step.pc)?;
            if step.trap.is_none() && inst.rd != 0 && inst.op.writes_int_rd() {
                write!(
                    out,
                    " x{} = {:#x}",
                    inst.rd, m.hart.core.x[inst.rd as usize]
                )?;
            }
            writeln!(out)?;
        }
        if let Some(e) = step.trap {
            writeln!(
                out,
                "  trap: {e:?} (cause {}, tval {:#x}) -> pc {:#x}",
                e.cause(),
                e.tval(),
                m.hart.core.pc
            )?;
        }
        if let Some(o) = outcome {
            out.flush()?;
            return Ok(o);
        }
    }
}
