//! The `gasang` command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use gasang::disasm::Disassembler;
use gasang::size::parse_size;
use gasang::{BareMachine, Outcome};

/// gasang: a full-system emulator for 64-bit RISC-V.
#[derive(Parser, Debug)]
#[command(name = "gasang", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Print each executed instruction to stderr: pc, raw bits, disassembly, register
    /// written, and traps.
    #[arg(long)]
    trace: bool,
    /// The program.
    program: PathBuf,
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
    let cli = match Cli::try_parse() {
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
    match cli.command {
        Command::Run(args) => match run(&args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("gasang: {e:#}");
                ExitCode::from(2)
            }
        },
    }
}

fn run(args: &RunArgs) -> Result<ExitCode> {
    let program = std::fs::read(&args.program)
        .with_context(|| format!("cannot read {}", args.program.display()))?;
    let mut m = BareMachine::new(&program, args.memory, Box::new(std::io::stdout()))
        .with_context(|| format!("cannot load {}", args.program.display()))?;
    if !m.has_htif() {
        eprintln!(
            "gasang: warning: {} has no 'tohost' symbol: it cannot report a result",
            args.program.display()
        );
    }
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
    })
}

fn run_traced(m: &mut BareMachine, max: Option<u64>) -> Result<Outcome> {
    let dis = Disassembler::new().map_err(anyhow::Error::msg)?;
    let err = std::io::stderr();
    let mut out = std::io::BufWriter::new(err.lock());
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
            if step.trap.is_none() && inst.rd != 0 && writes_int_rd(&inst) {
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

fn writes_int_rd(i: &frontend_riscv::Inst) -> bool {
    use frontend_riscv::Op::*;
    !matches!(
        i.op,
        Sb | Sh
            | Sw
            | Sd
            | Beq
            | Bne
            | Blt
            | Bge
            | Bltu
            | Bgeu
            | Fence
            | FenceI
            | Ecall
            | Ebreak
            | Mret
            | Sret
            | Wfi
            | SfenceVma
            | Illegal
    ) && !i.op.is_float()
}
