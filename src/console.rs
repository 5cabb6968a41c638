//! The host console: standard input and output wired to the guest's UART.
//!
//! On a terminal, standard input goes into raw mode (as with QEMU's `-nographic`), so
//! every key, Ctrl-C included, reaches the guest. The terminal is restored on every exit
//! path: normal return, error, panic (a panic hook), and SIGTERM/SIGINT/SIGHUP (a flag the
//! machine loop checks). The signal handlers are installed by
//! [`install_signal_handlers`], first thing, so that a signal while images load or while
//! waiting for gdb ends the run too. Ctrl-A is the escape key: Ctrl-A X quits, Ctrl-A C toggles the
//! monitor, Ctrl-A H prints help, Ctrl-A Ctrl-A sends a literal Ctrl-A.
//!
//! When standard input is not a terminal, it is read as is (no escape handling) so that
//! scripts and tests can drive the guest; end of input is simply the end of input. After it
//! (`</dev/null`), an idle guest's wait sleeps until its next timer deadline as it does
//! while input may still come, rather than spinning on the closed channel.
//!
//! Terminal handling uses `nix`'s termios bindings and `signal-hook`, both well-kept
//! crates, rather than hand-written FFI.

use std::io::{IsTerminal, Read};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};

use nix::sys::termios::{self, LocalFlags, SetArg, Termios};

/// What the console has for the machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsoleEvent {
    /// Bytes for the guest (or the monitor, when it is active).
    Input(Vec<u8>),
    /// Ctrl-A X: quit the emulator.
    Quit,
    /// Ctrl-A C: toggle the monitor.
    ToggleMonitor,
    /// Standard input reached its end.
    Eof,
}

/// Set by SIGTERM, SIGINT and SIGHUP once [`install_signal_handlers`] ran.
static SIGNALLED: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Catches SIGTERM, SIGINT and SIGHUP from now on: they set a flag that image loading,
/// the wait for gdb and the machine loop check (ending the run with status 143) instead of
/// killing the process with the terminal in raw mode and disks unflushed. Idempotent.
pub fn install_signal_handlers() {
    signal_flag();
}

/// The flag the signal handlers set, installing them on first use.
fn signal_flag() -> &'static Arc<AtomicBool> {
    SIGNALLED.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            let _ = signal_hook::flag::register(sig, flag.clone());
        }
        flag
    })
}

/// Whether a termination signal arrived (false if the handlers were never installed).
pub fn signal_received() -> bool {
    SIGNALLED.get().is_some_and(|f| f.load(Ordering::Relaxed))
}

/// The terminal settings to restore, if raw mode was entered.
static SAVED: OnceLock<Mutex<Option<Termios>>> = OnceLock::new();

/// Restores the terminal if this process put it into raw mode. Safe to call any number of
/// times, from any exit path.
pub fn restore_terminal() {
    if let Some(m) = SAVED.get() {
        if let Some(t) = m.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSANOW, &t);
        }
    }
}

/// Puts standard input into raw mode (QEMU's settings for `-nographic`: no echo, no
/// line editing, no signals from keys, output processing kept).
fn enter_raw_mode() -> nix::Result<()> {
    let stdin = std::io::stdin();
    let fd = stdin.as_fd();
    let saved = termios::tcgetattr(fd)?;
    let mut raw = saved.clone();
    termios::cfmakeraw(&mut raw);
    raw.output_flags |= termios::OutputFlags::OPOST;
    raw.local_flags &= !LocalFlags::ISIG;
    *SAVED
        .get_or_init(|| Mutex::new(None))
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some(saved);
    termios::tcsetattr(fd, SetArg::TCSANOW, &raw)?;
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        prev(info);
    }));
    Ok(())
}

/// The console: a reader thread on standard input and the escape-key state machine.
pub struct Console {
    rx: Receiver<ConsoleEvent>,
    interactive: bool,
    shutdown: Arc<AtomicBool>,
}

impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Console")
            .field("interactive", &self.interactive)
            .finish()
    }
}

/// Splits raw terminal input into guest bytes and escape commands.
#[derive(Debug, Default)]
pub struct EscapeDecoder {
    after_escape: bool,
}

/// The escape key, Ctrl-A.
pub const ESCAPE: u8 = 0x01;

impl EscapeDecoder {
    /// Feeds input bytes; returns the resulting events in order.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<ConsoleEvent> {
        let mut out = Vec::new();
        let mut data = Vec::new();
        for &b in bytes {
            if self.after_escape {
                self.after_escape = false;
                match b {
                    b'x' | b'X' => {
                        flush(&mut data, &mut out);
                        out.push(ConsoleEvent::Quit);
                    }
                    b'c' | b'C' => {
                        flush(&mut data, &mut out);
                        out.push(ConsoleEvent::ToggleMonitor);
                    }
                    b'h' | b'H' | b'?' => {
                        eprint!(
                            "\r\nC-a h    print this help\r\nC-a x    exit emulator\r\nC-a c    switch between console and monitor\r\nC-a C-a  sends C-a\r\n"
                        );
                    }
                    ESCAPE | b'a' => data.push(ESCAPE),
                    _ => {}
                }
            } else if b == ESCAPE {
                self.after_escape = true;
            } else {
                data.push(b);
            }
        }
        flush(&mut data, &mut out);
        out
    }
}

fn flush(data: &mut Vec<u8>, out: &mut Vec<ConsoleEvent>) {
    if !data.is_empty() {
        out.push(ConsoleEvent::Input(std::mem::take(data)));
    }
}

impl Console {
    /// Starts reading standard input. On a terminal, enters raw mode (unless `raw` is
    /// false) and decodes Ctrl-A escapes.
    pub fn start(raw: bool) -> Console {
        let interactive = raw && std::io::stdin().is_terminal() && enter_raw_mode().is_ok();
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("console-input".into())
            .spawn(move || {
                let mut stdin = std::io::stdin().lock();
                let mut dec = EscapeDecoder::default();
                let mut buf = [0u8; 256];
                loop {
                    match stdin.read(&mut buf) {
                        Ok(0) | Err(_) => {
                            let _ = tx.send(ConsoleEvent::Eof);
                            return;
                        }
                        Ok(n) => {
                            let events = if interactive {
                                dec.feed(&buf[..n])
                            } else {
                                vec![ConsoleEvent::Input(buf[..n].to_vec())]
                            };
                            for e in events {
                                if tx.send(e).is_err() {
                                    return;
                                }
                            }
                        }
                    }
                }
            })
            .expect("spawn console thread");
        let shutdown = signal_flag().clone();
        Console {
            rx,
            interactive,
            shutdown,
        }
    }

    /// Whether the console is an interactive terminal in raw mode.
    pub fn is_interactive(&self) -> bool {
        self.interactive
    }

    /// Whether a termination signal arrived.
    pub fn shutdown_requested(&self) -> bool {
        self.shutdown.load(Ordering::Relaxed)
    }

    /// The events that arrived since the last call.
    pub fn poll(&self) -> Vec<ConsoleEvent> {
        let mut v = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(e) => v.push(e),
                Err(TryRecvError::Empty) | Err(TryRecvError::Disconnected) => return v,
            }
        }
    }

    /// Waits up to `timeout` for an event (an idle machine sleeping until its next timer
    /// deadline or console input). After the end of input nothing more can come: the wait
    /// is a plain sleep, so an idle guest does not spin.
    pub fn wait(&self, timeout: std::time::Duration) -> Vec<ConsoleEvent> {
        match self.rx.recv_timeout(timeout) {
            Ok(e) => {
                let mut v = vec![e];
                v.extend(self.poll());
                v
            }
            Err(RecvTimeoutError::Timeout) => Vec::new(),
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(timeout);
                Vec::new()
            }
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        restore_terminal();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences() {
        let mut d = EscapeDecoder::default();
        assert_eq!(d.feed(b"ls\r"), vec![ConsoleEvent::Input(b"ls\r".to_vec())]);
        assert_eq!(
            d.feed(b"a\x01xb"),
            vec![
                ConsoleEvent::Input(b"a".to_vec()),
                ConsoleEvent::Quit,
                ConsoleEvent::Input(b"b".to_vec())
            ]
        );
        // The escape may arrive at the end of one read and its key in the next.
        assert_eq!(d.feed(b"\x01"), vec![]);
        assert_eq!(d.feed(b"c"), vec![ConsoleEvent::ToggleMonitor]);
        assert_eq!(d.feed(b"\x01\x01"), vec![ConsoleEvent::Input(vec![1])]);
        // Ctrl-C is plain guest input.
        assert_eq!(d.feed(b"\x03"), vec![ConsoleEvent::Input(vec![3])]);
    }
}
