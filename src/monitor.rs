//! The monitor (Ctrl-A C): a few commands to look at the machine, as on QEMU.

use std::io::Write;

use crate::virt::VirtMachine;

/// The monitor's line editor and commands.
#[derive(Debug, Default)]
pub struct Monitor {
    line: Vec<u8>,
}

impl Monitor {
    /// Opens the monitor (prints the banner and prompt).
    pub fn start() -> Monitor {
        eprint!("\r\ngasang monitor - type 'help' for commands\r\n(gasang) ");
        Monitor::default()
    }

    /// Feeds typed bytes; runs complete lines. Returns true for `quit`.
    pub fn feed(&mut self, bytes: &[u8], m: &mut VirtMachine) -> bool {
        let mut err = std::io::stderr();
        for &b in bytes {
            match b {
                b'\r' | b'\n' => {
                    let _ = write!(err, "\r\n");
                    let line = String::from_utf8_lossy(&self.line).trim().to_string();
                    self.line.clear();
                    if run_command(&line, m) {
                        return true;
                    }
                    let _ = write!(err, "(gasang) ");
                }
                0x7f | 0x08 if self.line.pop().is_some() => {
                    let _ = write!(err, "\x08 \x08");
                }
                b if b >= 0x20 => {
                    self.line.push(b);
                    let _ = err.write_all(&[b]);
                }
                _ => {}
            }
        }
        let _ = err.flush();
        false
    }
}

/// Help for the commands [`info_command`] runs.
pub const INFO_HELP: &str = "\
info registers [N]   registers, FPU registers and every CSR of hart N (default: the
                     selected hart; -a: all harts)
info mem [N]         the page-table mappings hart N sees (satp): vaddr, paddr, size,
                     attributes rwxugad; `info tlb` is the same
info status          instructions executed
";

/// Runs an `info` command about the machine for `hart` (the selected one when the
/// command names none). `None` if `cmd` is not one.
pub fn info_command(m: &mut VirtMachine, hart: usize, cmd: &str) -> Option<String> {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let (what, arg) = match words.as_slice() {
        ["info", what] => (*what, None),
        ["info", what, arg] => (*what, Some(*arg)),
        _ => return None,
    };
    let harts: Vec<usize> = match arg {
        None => vec![hart.min(m.harts.len() - 1)],
        Some("-a") => (0..m.harts.len()).collect(),
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n < m.harts.len() => vec![n],
            _ => return Some(format!("no hart {n} (0 to {})\n", m.harts.len() - 1)),
        },
    };
    let mut out = String::new();
    match what {
        "registers" | "r" => {
            for h in harts {
                out += &crate::regs::format_all_registers(&mut m.harts[h].core);
            }
        }
        "mem" | "tlb" => {
            for h in harts {
                out += &format!("hart {h}:\n");
                out += &frontend_riscv::format_mappings(&m.harts[h].core);
            }
        }
        "status" => out = format!("{} instructions executed\n", m.executed()),
        _ => return None,
    }
    Some(out)
}

/// Runs one monitor command; returns true for `quit`.
pub fn run_command(line: &str, m: &mut VirtMachine) -> bool {
    let out = |s: String| eprint!("{}", s.replace('\n', "\r\n"));
    match line {
        "" => {}
        "help" | "?" => out(format!(
            "{INFO_HELP}quit | q             stop the emulator\nC-a c                back to the console\n"
        )),
        "quit" | "q" => return true,
        // Without a hart number, the console's `info registers` shows every hart.
        "info registers" | "info r" => out(info_command(m, 0, "info registers -a").unwrap_or_default()),
        other => match info_command(m, 0, other) {
            Some(text) => out(text),
            None => out(format!("unknown command: {other} (try 'help')\n")),
        },
    }
    false
}
