//! The gdb remote stub, on the `gdbstub` crate.
//!
//! A machine implements [`DebugTarget`]; [`serve`] speaks gdb's remote serial protocol
//! over a TCP connection on top of it. gdb sees one thread per hart (thread id
//! `hart + 1`), the RV64GC registers with the FPU, the supervisor and machine CSRs and
//! `$priv` (see [`arch`]), software and hardware breakpoints, watchpoints, Ctrl-C, and
//! `monitor` commands (`help`, `phys`, `virt`, the rest passed to
//! [`DebugTarget::monitor`]).
//!
//! ```no_run
//! # fn demo<T: gdb::DebugTarget>(machine: &mut T) -> Result<(), gdb::GdbError> {
//! let addr = gdb::parse_gdb_spec("tcp::1234")?;
//! let conn = gdb::accept(addr)?;
//! gdb::serve(machine, conn)?;
//! # Ok(())
//! # }
//! ```

pub mod arch;
mod conn;
mod stub;
mod target;

use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};

use gdbstub::stub::GdbStub;

pub use gdbstub::stub::DisconnectReason;
pub use target::{
    AddressSpace, BreakpointKind, DebugTarget, MemoryError, Register, StopReason, WatchKind,
};

/// The address [`parse_gdb_spec`] uses for an empty spec.
pub const DEFAULT_ADDR: &str = "127.0.0.1:1234";

/// What can go wrong setting up or running a gdb session.
#[derive(Debug, thiserror::Error)]
pub enum GdbError {
    /// The listen address could not be understood.
    #[error("bad gdb address `{0}` (expected PORT, HOST:PORT, tcp::PORT or tcp:HOST:PORT)")]
    BadSpec(String),
    /// A socket operation failed.
    #[error("gdb connection: {0}")]
    Io(#[from] std::io::Error),
    /// The session ended on a protocol or connection error.
    #[error("gdb session: {0}")]
    Protocol(String),
}

/// Parses a QEMU-style gdb address: `tcp::PORT` (localhost), `tcp:HOST:PORT`,
/// `HOST:PORT` or a bare `PORT`; an empty spec is [`DEFAULT_ADDR`]. Unlike QEMU an
/// empty host means 127.0.0.1, not every interface.
pub fn parse_gdb_spec(spec: &str) -> Result<SocketAddr, GdbError> {
    let bad = || GdbError::BadSpec(spec.to_string());
    let rest = spec.trim();
    let rest = rest.strip_prefix("tcp:").unwrap_or(rest);
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, port),
        None if rest.is_empty() => return DEFAULT_ADDR.parse().map_err(|_| bad()),
        None => ("", rest),
    };
    let port: u16 = port.parse().map_err(|_| bad())?;
    let host = match host.trim_start_matches('[').trim_end_matches(']') {
        "" => "127.0.0.1",
        h => h,
    };
    (host, port)
        .to_socket_addrs()
        .map_err(|_| bad())?
        .next()
        .ok_or_else(bad)
}

/// Listens on `addr` and waits for one gdb to connect.
pub fn accept(addr: SocketAddr) -> Result<TcpStream, GdbError> {
    let listener = TcpListener::bind(addr)?;
    let (conn, _) = listener.accept()?;
    Ok(conn)
}

/// Runs one gdb session on `conn` until gdb detaches or kills, the guest exits, the
/// connection fails, or the target's [`DebugTarget::quit_check`] fires while gdb is
/// silent (then [`DisconnectReason::Disconnect`]). The machine is stopped whenever this is not inside
/// [`DebugTarget::resume`] or [`DebugTarget::step`].
pub fn serve<T: DebugTarget>(
    target: &mut T,
    conn: TcpStream,
) -> Result<DisconnectReason, GdbError> {
    conn.set_nodelay(true)?;
    let quit = target.quit_check();
    let mut stub = stub::Stub::new(target);
    let gdb = GdbStub::new(conn::GdbConnection::new(conn, quit));
    match gdb.run_blocking::<stub::EventLoop<'_, T>>(&mut stub) {
        Ok(reason) => Ok(reason),
        // The target's quit check fired while gdb was silent: a plain end of session.
        Err(_) if quit() => Ok(DisconnectReason::Disconnect),
        Err(e) => Err(GdbError::Protocol(e.to_string())),
    }
}

/// [`accept`] then [`serve`].
pub fn listen_and_serve<T: DebugTarget>(
    target: &mut T,
    addr: SocketAddr,
) -> Result<DisconnectReason, GdbError> {
    let conn = accept(addr)?;
    serve(target, conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        let p = |s| parse_gdb_spec(s).map(|a| a.to_string()).ok();
        assert_eq!(p("tcp::1234").as_deref(), Some("127.0.0.1:1234"));
        assert_eq!(p("tcp:127.0.0.1:4321").as_deref(), Some("127.0.0.1:4321"));
        assert_eq!(p("0.0.0.0:1").as_deref(), Some("0.0.0.0:1"));
        assert_eq!(p("99").as_deref(), Some("127.0.0.1:99"));
        assert_eq!(p("").as_deref(), Some("127.0.0.1:1234"));
        assert_eq!(p("tcp:[::1]:5").as_deref(), Some("[::1]:5"));
        assert!(p("tcp::x").is_none());
        assert!(p("tcp::99999").is_none());
    }
}
