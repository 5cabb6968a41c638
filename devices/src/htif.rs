//! HTIF, the Berkeley host-target interface used by riscv-tests and Spike: the guest
//! writes a command to the 64-bit `tohost` word in RAM and the host answers in
//! `fromhost`.
//!
//! Command layout: `device << 56 | command << 48 | payload`.
//! - device 0, command 0, payload odd: exit with code `payload >> 1` (0 = pass).
//! - device 0, command 0, payload even and non-zero: a proxied system call; `payload`
//!   points at `magic_mem[8]` = `[number, arg0, arg1, ...]`. `write` (64) to fd 1 or 2 and
//!   `exit` (93) are served; the return value goes to `magic_mem[0]`, then fromhost = 1.
//! - device 1, command 1: console putchar of the low byte; answered with
//!   fromhost = `1 << 56 | 1 << 48 | 0x100 | byte`, as Spike does.
//!
//! `tohost` is cleared once a command has been taken.

use std::io::Write;

use emu_core::{GuestRam, PageWatch};

const SYS_WRITE: u64 = 64;
const SYS_EXIT: u64 = 93;
const ENOSYS: u64 = 38;

/// Something the host must act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtifEvent {
    /// The guest asked to stop with this code (0 = pass).
    Exit(u64),
}

/// The HTIF endpoint of one program.
pub struct Htif {
    tohost: u64,
    fromhost: Option<u64>,
    console: Box<dyn Write + Send>,
}

impl std::fmt::Debug for Htif {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Htif")
            .field("tohost", &format_args!("{:#x}", self.tohost))
            .field("fromhost", &self.fromhost)
            .finish()
    }
}

impl Htif {
    /// HTIF at physical `tohost` (and `fromhost`, if the program has one), printing console
    /// output to `console`. Watches the `tohost` page so that writes reach the host.
    pub fn new(
        ram: &GuestRam,
        tohost: u64,
        fromhost: Option<u64>,
        console: Box<dyn Write + Send>,
    ) -> Option<Self> {
        if !ram.contains(tohost, 8) || fromhost.is_some_and(|f| !ram.contains(f, 8)) {
            return None;
        }
        ram.add_watch(tohost, PageWatch::HOST);
        Some(Htif {
            tohost,
            fromhost,
            console,
        })
    }

    /// Guest physical address of `tohost`.
    pub fn tohost(&self) -> u64 {
        self.tohost
    }

    /// Handles a pending command, if `tohost` holds one.
    pub fn poll(&mut self, ram: &GuestRam) -> Option<HtifEvent> {
        let cmd = ram.read(self.tohost, 8)?;
        if cmd == 0 {
            return None;
        }
        let device = cmd >> 56;
        let command = (cmd >> 48) & 0xff;
        let payload = cmd & 0xffff_ffff_ffff;
        ram.write(self.tohost, 8, 0);
        match (device, command) {
            (0, 0) if payload & 1 == 1 => return Some(HtifEvent::Exit(payload >> 1)),
            (0, 0) => {
                if let Some(code) = self.syscall(ram, payload) {
                    return Some(HtifEvent::Exit(code));
                }
                self.respond(ram, 1);
            }
            (1, 1) => {
                let _ = self.console.write_all(&[payload as u8]);
                let _ = self.console.flush();
                self.respond(ram, (1 << 56) | (1 << 48) | 0x100 | (payload & 0xff));
            }
            // Console getchar and unknown devices: answer "nothing" so guests that poll
            // fromhost do not hang.
            _ => self.respond(ram, (device << 56) | (command << 48)),
        }
        None
    }

    fn respond(&self, ram: &GuestRam, value: u64) {
        if let Some(f) = self.fromhost {
            ram.write(f, 8, value);
        }
    }

    /// Serves a proxied system call; returns an exit code for `exit`.
    fn syscall(&mut self, ram: &GuestRam, magic: u64) -> Option<u64> {
        let word = |i: u64| ram.read(magic.wrapping_add(8 * i), 8);
        let number = word(0)?;
        let ret = match number {
            SYS_EXIT => return Some(word(1).unwrap_or(0)),
            SYS_WRITE => {
                let (fd, buf, len) = (word(1)?, word(2)?, word(3)?);
                let mut data = vec![0; len.min(1 << 20) as usize];
                match (fd, ram.read_bytes(buf, &mut data)) {
                    (1 | 2, Ok(())) => {
                        let _ = self.console.write_all(&data);
                        let _ = self.console.flush();
                        data.len() as u64
                    }
                    _ => (-14i64) as u64, // EFAULT / bad fd
                }
            }
            _ => (-(ENOSYS as i64)) as u64,
        };
        ram.write(magic, 8, ret);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn exit_putchar_and_syscall_write() {
        let ram = GuestRam::new(0x8000_0000, 0x4000).unwrap();
        let sink = Sink::default();
        let mut h =
            Htif::new(&ram, 0x8000_1000, Some(0x8000_1040), Box::new(sink.clone())).unwrap();
        assert!(ram.watch(0x8000_1000).contains(PageWatch::HOST));
        assert_eq!(h.poll(&ram), None);

        ram.write(0x8000_1000, 8, (1 << 56) | (1 << 48) | b'A' as u64);
        assert_eq!(h.poll(&ram), None);
        assert_eq!(ram.read(0x8000_1000, 8), Some(0));
        assert_eq!(
            ram.read(0x8000_1040, 8),
            Some((1 << 56) | (1 << 48) | 0x141)
        );

        ram.write_bytes(0x8000_2000, b"hi\n").unwrap();
        for (i, v) in [SYS_WRITE, 1, 0x8000_2000, 3].iter().enumerate() {
            ram.write(0x8000_3000 + 8 * i as u64, 8, *v);
        }
        ram.write(0x8000_1000, 8, 0x8000_3000);
        assert_eq!(h.poll(&ram), None);
        assert_eq!(ram.read(0x8000_3000, 8), Some(3));
        assert_eq!(&*sink.0.lock().unwrap(), b"Ahi\n");

        ram.write(0x8000_1000, 8, (7 << 1) | 1);
        assert_eq!(h.poll(&ram), Some(HtifEvent::Exit(7)));
        assert!(Htif::new(&ram, 0x9000_0000, None, Box::new(sink)).is_none());
    }
}
