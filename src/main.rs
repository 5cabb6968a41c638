//! The `gasang` command line: QEMU's options boot the `virt` board (with no options, the
//! bundled Linux image; the options are read by `gasang::qemu_cli`); `gasang run` runs a
//! bare-metal program.

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
use firmware::LoadedImage;
use frontend_riscv::trace::{parse_trace_items, TraceFlags, TRACE_ITEMS};
use frontend_riscv::CpuConfig;
use gasang::console::{restore_terminal, Console};
use gasang::disasm::Disassembler;
use gasang::engine::{EngineKind, JitSettings};
use gasang::images::{bundled, decompress};
use gasang::qemu_cli::options::{SerialOut, VirtOptions};
use gasang::qemu_cli::refusal::Report;
use gasang::qemu_cli::{self, Request};
use gasang::size::parse_size;
use gasang::trace::TraceLog;
use gasang::virt::{RunState, VirtConfig, VirtExit, VirtMachine};
use gasang::virt_setup;
use gasang::{BareMachine, Outcome};

/// `gasang run`: the bare-metal machine (the virt board's options are read by
/// `gasang::qemu_cli`, QEMU's way).
#[derive(Parser, Debug)]
#[command(
    name = "gasang",
    version,
    about = "gasang: a full-system emulator for 64-bit RISC-V"
)]
struct RunCli {
    #[command(subcommand)]
    command: Command,
}

/// How guest code runs and is traced.
#[derive(clap::Args, Debug)]
struct ExecArgs {
    /// QEMU-style traces: a comma-separated list of in_asm, exec, cpu, int, mmu (or
    /// `all`); `-d help` lists them.
    #[arg(short = 'd', value_name = "ITEMS")]
    trace_items: Option<String>,
    /// Write the `-d` traces to FILE instead of stderr.
    #[arg(short = 'D', value_name = "FILE")]
    trace_file: Option<PathBuf>,
    /// The engine: `jit` (the default: hot code compiled by Cranelift), `interp` (the
    /// interpreter alone) or `check` (the JIT and the interpreter in lockstep; the
    /// first difference ends the run, exit status 4).
    #[arg(
        long = "engine",
        value_name = "interp|jit|check",
        default_value = "jit"
    )]
    engine: EngineKind,
    /// Same as `--engine jit`.
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
    /// At the end, print the number of executed instructions to stderr
    /// (`gasang: executed N instructions`; also GASANG_STATS=1).
    #[arg(long)]
    stats: bool,
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.first().map(String::as_str) == Some("run") {
        let cli = match RunCli::try_parse_from(std::iter::once("gasang".to_string()).chain(args)) {
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
                    "gasang: {} (see 'gasang run --help')",
                    first.trim_start_matches("error: ")
                );
                return ExitCode::from(2);
            }
        };
        let Command::Run(r) = cli.command;
        run(&r)
    } else {
        // First thing, so that a signal while the images load ends the run (143).
        gasang::console::install_signal_handlers();
        virt_main(&args)
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

/// Prints the report's refusals, or its warnings when nothing was refused; true if
/// something was refused.
fn print_report(report: &Report) -> bool {
    if report.refusals.is_empty() {
        for w in &report.warnings {
            eprintln!("gasang: warning: {w}");
        }
    }
    for r in &report.refusals {
        eprintln!("gasang: {r}");
    }
    !report.refusals.is_empty()
}

/// The virt board: QEMU's command line.
fn virt_main(args: &[String]) -> Result<ExitCode> {
    let (request, mut report) = qemu_cli::parse(args);
    let opts = match request {
        Some(Request::Print(text)) => {
            print!("{text}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(Request::Boot(o)) => o,
        None => unreachable!("parse always answers"),
    };
    let trace = match trace_flags(opts.trace_items.as_deref(), opts.trace_file.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            report.refuse(
                format!("-d {}", opts.trace_items.as_deref().unwrap_or("")),
                format!("{e:#}"),
            );
            None
        }
    };
    if !report.refusals.is_empty() {
        print_report(&report);
        return Ok(ExitCode::from(2));
    }
    let cfg = virt_setup::virt_config(&opts, &mut report)?;
    if gasang::console::signal_received() {
        // Unpacking an image stopped for a signal: that is the run's end, not a refusal.
        bail!("interrupted by a signal while the images loaded");
    }
    if print_report(&report) {
        return Ok(ExitCode::from(2));
    }
    let cfg = cfg.expect("a configuration when nothing was refused");
    boot_virt(&opts, &cfg, trace)
}

/// Writes the pid file (`-pidfile`) and removes it when dropped, as QEMU does at exit.
struct PidFile(Option<PathBuf>);

impl PidFile {
    fn create(path: Option<&Path>) -> Result<PidFile> {
        if let Some(p) = path {
            std::fs::write(p, format!("{}\n", std::process::id()))
                .with_context(|| format!("-pidfile {}: cannot create the PID file", p.display()))?;
        }
        Ok(PidFile(path.map(Path::to_path_buf)))
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Where the UART writes.
fn console_output(serial: &SerialOut) -> Result<Box<dyn Write + Send>> {
    Ok(match serial {
        SerialOut::Stdio => Box::new(std::io::stdout()),
        SerialOut::Null => Box::new(std::io::sink()),
        SerialOut::File(p) => Box::new(
            std::fs::File::create(p)
                .with_context(|| format!("-serial file:{}: cannot create it", p.display()))?,
        ),
    })
}

fn boot_virt(
    a: &VirtOptions,
    cfg: &VirtConfig,
    trace_items: Option<TraceFlags>,
) -> Result<ExitCode> {
    if let Some(path) = &a.dumpdtb {
        let m = VirtMachine::new(cfg, Box::new(std::io::sink()))?;
        std::fs::write(path, m.dtb())
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("gasang: info: dtb dumped to {}. Exiting.", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let gdb_addr = match &a.gdb {
        Some(spec) => {
            Some(gdb::parse_gdb_spec(spec).map_err(|e| anyhow::anyhow!("-gdb {spec}: {e}"))?)
        }
        None => None,
    };
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
    let _pidfile = PidFile::create(a.pidfile.as_deref())?;
    if let Some(name) = &a.process_name {
        // QEMU's -name ...,process=NAME: the name `ps` and `top` show (at most 15 bytes).
        let short: String = name.chars().filter(|&c| c != '\0').take(15).collect();
        if let Ok(c) = std::ffi::CString::new(short) {
            let _ = nix::sys::prctl::set_name(&c);
        }
    }
    // With -S gdb drives from the start: the terminal stays in cooked mode.
    let console = Console::start(!a.gdb_wait);
    let mut wait_for_gdb = a.gdb_wait;
    let mut tracer: Option<Arc<TraceLog>> = None;
    loop {
        let mut m = VirtMachine::new(cfg, console_output(&a.serial)?)?;
        m.monitor_enabled = a.monitor;
        m.set_engine(a.engine, JitSettings::for_engine(a.engine))?;
        if let Some(flags) = trace_items {
            if tracer.is_none() {
                let mut symbols = m.plan.symbols.clone();
                if a.boots_bundled_linux() {
                    symbols.push(bundled_kernel_symbols()?);
                }
                tracer = Some(Arc::new(
                    TraceLog::new(flags, a.trace_file.as_deref(), symbols)
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
        // The guest's power-off code, kept while -no-shutdown holds the emulator.
        let mut stopped_with: Option<u8> = None;
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
            let e = match m.run(Some(&console), a.max_insns, listener.as_ref()) {
                VirtExit::DebuggerAttached => {
                    gdb_conn = m.take_debugger();
                    continue;
                }
                e => e,
            };
            if std::env::var_os("GASANG_JIT_STATS").is_some() {
                for (h, hart) in m.harts.iter().enumerate() {
                    if let Some(st) = hart.engine_stats() {
                        eprintln!("gasang: JIT: hart {h}: {st:?}");
                    }
                }
            }
            // -no-shutdown: a guest power-off (or, with -no-reboot, a reset) stops the
            // machine instead of ending gasang (QEMU's shutdown action "pause").
            let shutdown_code = match e {
                VirtExit::PowerOff => Some(0),
                VirtExit::Fail(c) => Some(c.clamp(1, 255) as u8),
                VirtExit::Reset if a.no_reboot => Some(0),
                _ => None,
            };
            match shutdown_code {
                Some(code) if a.no_shutdown && m.run_state != RunState::Shutdown => {
                    m.flush_disks();
                    let _ = std::io::stdout().flush();
                    eprint!(
                        "\r\ngasang: the guest shut down; -no-shutdown keeps gasang: Ctrl-A X \
                         quits, Ctrl-A C opens the monitor (system_reset restarts the guest)\r\n"
                    );
                    m.run_state = RunState::Shutdown;
                    stopped_with = Some(code);
                }
                _ => break e,
            }
        };
        m.flush_disks();
        let _ = std::io::stdout().flush();
        if stats_requested(false) {
            print_stats(m.executed());
        }
        match exit {
            VirtExit::Reset if !a.no_reboot || stopped_with.is_some() => continue,
            VirtExit::Quit if stopped_with.is_some() => {
                return Ok(ExitCode::from(stopped_with.unwrap_or(0)))
            }
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
            VirtExit::EngineMismatch => {
                restore_terminal();
                eprint!("gasang: {}", m.mismatch.take().unwrap_or_default());
                return Ok(ExitCode::from(4));
            }
            VirtExit::InsnLimit(n) => {
                restore_terminal();
                eprintln!("gasang: stopped after {n} instructions (--max-insns)");
                return Ok(ExitCode::from(3));
            }
        }
    }
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
    let engine = if args.exec.jit {
        EngineKind::Jit
    } else {
        args.exec.engine
    };
    m.set_engine(engine, JitSettings::for_engine(engine))?;
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
    if std::env::var_os("GASANG_JIT_STATS").is_some() {
        if let Some(st) = m.hart.engine_stats() {
            eprintln!("gasang: JIT: {st:?}");
        }
    }
    let _ = std::io::stdout().flush();
    if stats_requested(args.stats) {
        print_stats(m.executed());
    }
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
        Outcome::EngineMismatch(report) => {
            eprint!("gasang: {report}");
            ExitCode::from(4)
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

/// Whether to print the instruction count at the end: `gasang run --stats`, or
/// `GASANG_STATS=1` in the environment (also for the virt board, whose command line
/// stays QEMU's).
fn stats_requested(flag: bool) -> bool {
    flag || std::env::var_os("GASANG_STATS").is_some_and(|v| v != "0")
}

/// The instruction count, on stderr (read by bench/run.py).
fn print_stats(executed: u64) {
    eprintln!("gasang: executed {executed} instructions");
}
