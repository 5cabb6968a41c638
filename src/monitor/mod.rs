//! The monitor (Ctrl-A C), with QEMU's commands and output formats: `info ...`,
//! `stop`/`cont`, `system_reset`, `x`/`xp`, `cpu N`, `quit`. The guest keeps running
//! while the monitor is open, as on QEMU, unless `stop` pauses it.

mod examine;
mod info;

use std::io::Write;

pub use examine::{examine, DumpFormat};
pub use info::{info_command, INFO_HELP};

use crate::virt::{RunState, VirtMachine};

/// What a monitor command asks the machine loop to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonitorAction {
    /// `quit`: stop the emulator.
    Quit,
    /// `system_reset`: reset the machine.
    Reset,
}

/// The monitor's line editor and state.
#[derive(Debug, Default)]
pub struct Monitor {
    line: Vec<u8>,
    /// The selected hart (`cpu N`).
    cpu: usize,
    /// The last `x`/`xp` format.
    format: DumpFormat,
}

const HELP: &str = "\
stop                 pause the guest
cont | c             resume the guest
system_reset         reset the machine
x /FMT ADDR          virtual memory dump (through the selected hart's translation);
                     FMT = [count][x|d|u|o|c|i][b|h|w|g], ADDR a number or $pc, $sp...
xp /FMT ADDR         physical memory dump
cpu N                select hart N for x, info registers, info mem
quit | q             stop the emulator
C-a c                back to the console
";

impl Monitor {
    /// Opens the monitor (prints the banner and prompt).
    pub fn start() -> Monitor {
        eprint!("\r\ngasang monitor - type 'help' for commands\r\n(gasang) ");
        Monitor::default()
    }

    /// Feeds typed bytes; runs complete lines.
    pub fn feed(&mut self, bytes: &[u8], m: &mut VirtMachine) -> Option<MonitorAction> {
        let mut err = std::io::stderr();
        for &b in bytes {
            match b {
                b'\r' | b'\n' => {
                    let _ = write!(err, "\r\n");
                    let line = String::from_utf8_lossy(&self.line).trim().to_string();
                    self.line.clear();
                    let (text, action) = self.run(&line, m);
                    let _ = write!(err, "{}", text.replace('\n', "\r\n"));
                    if action.is_some() {
                        return action;
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
        None
    }

    /// Runs one command: its output, and what the machine loop must do.
    pub fn run(&mut self, line: &str, m: &mut VirtMachine) -> (String, Option<MonitorAction>) {
        let (cmd, args) = match line.find(|c: char| c.is_whitespace() || c == '/') {
            Some(i) => (&line[..i], &line[i..]),
            None => (line, ""),
        };
        let text = match cmd {
            "" => String::new(),
            "help" | "?" => format!("{INFO_HELP}{HELP}"),
            "quit" | "q" => return (String::new(), Some(MonitorAction::Quit)),
            "system_reset" => return (String::new(), Some(MonitorAction::Reset)),
            "stop" => {
                if m.run_state == RunState::Running {
                    m.run_state = RunState::Paused;
                }
                String::new()
            }
            "cont" | "c" => match m.run_state {
                RunState::Shutdown => "Resetting the Virtual Machine is required\n".into(),
                _ => {
                    m.run_state = RunState::Running;
                    String::new()
                }
            },
            "x" => examine(m, self.cpu, args, false, &mut self.format),
            "xp" => examine(m, self.cpu, args, true, &mut self.format),
            "cpu" => match args.trim().parse::<usize>() {
                Ok(n) if n < m.harts.len() => {
                    self.cpu = n;
                    String::new()
                }
                _ => "Invalid CPU index\n".into(),
            },
            // Without a hart number, the console's `info registers` shows every hart.
            "info" if matches!(args.trim(), "registers" | "r") => {
                info_command(m, self.cpu, "info registers -a").unwrap_or_default()
            }
            _ => match info_command(m, self.cpu, line) {
                Some(text) => text,
                None => format!("unknown command: {line} (try 'help')\n"),
            },
        };
        (text, None)
    }
}

#[cfg(test)]
mod tests;
