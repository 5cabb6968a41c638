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

/// Runs one monitor command; returns true for `quit`.
pub fn run_command(line: &str, m: &mut VirtMachine) -> bool {
    let out = |s: String| eprint!("{}", s.replace('\n', "\r\n"));
    match line {
        "" => {}
        "help" | "?" => out(
            "info registers   show the registers and CSRs of every hart\n\
             info status      instructions executed\n\
             quit | q         stop the emulator\n\
             C-a c            back to the console\n"
                .into(),
        ),
        "info registers" | "info r" => {
            for h in &m.harts {
                out(crate::regs::format_registers(&h.core));
            }
        }
        "info status" => out(format!("{} instructions executed\n", m.executed())),
        "quit" | "q" => return true,
        other => out(format!("unknown command: {other} (try 'help')\n")),
    }
    false
}
