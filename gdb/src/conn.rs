//! The connection to gdb: a TCP stream whose blocking reads (while the guest is stopped
//! and gdb is silent) look every [`QUIT_POLL`] at the target's quit check, so that a
//! termination signal ends the session instead of waiting for gdb's next packet.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use gdbstub::conn::{Connection, ConnectionExt};

/// How often a blocked read looks at the quit check.
const QUIT_POLL: Duration = Duration::from_millis(50);

/// A gdb connection that gives up waiting when `quit()` says so.
pub(crate) struct GdbConnection {
    stream: TcpStream,
    quit: fn() -> bool,
}

impl GdbConnection {
    /// Wraps `stream`; `quit` is polled while a read waits.
    pub(crate) fn new(stream: TcpStream, quit: fn() -> bool) -> Self {
        GdbConnection { stream, quit }
    }
}

impl Connection for GdbConnection {
    type Error = io::Error;

    fn write(&mut self, byte: u8) -> Result<(), io::Error> {
        Write::write_all(&mut self.stream, &[byte])
    }

    fn write_all(&mut self, buf: &[u8]) -> Result<(), io::Error> {
        Write::write_all(&mut self.stream, buf)
    }

    fn flush(&mut self) -> Result<(), io::Error> {
        Write::flush(&mut self.stream)
    }

    fn on_session_start(&mut self) -> Result<(), io::Error> {
        // Small packets go out at once (gdbstub's advice for TCP).
        self.stream.set_nodelay(true)
    }
}

impl ConnectionExt for GdbConnection {
    fn read(&mut self) -> Result<u8, io::Error> {
        self.stream.set_nonblocking(false)?;
        self.stream.set_read_timeout(Some(QUIT_POLL))?;
        let mut buf = [0u8];
        loop {
            match Read::read(&mut self.stream, &mut buf) {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(_) => return Ok(buf[0]),
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    if (self.quit)() {
                        return Err(io::Error::other("the target quits"));
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, io::Error> {
        self.stream.set_nonblocking(true)?;
        let mut buf = [0u8];
        match TcpStream::peek(&self.stream, &mut buf) {
            Ok(0) => Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(_) => Ok(Some(buf[0])),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(e),
        }
    }
}
