//! Printing to the host's standard output and error without panicking.
//!
//! The standard library's `println!` and `eprintln!` panic when the write fails: stdout
//! piped into `head` that has exited (EPIPE: Rust ignores SIGPIPE), or redirected to a full
//! disk (`>/dev/full`, ENOSPC). gasang's exit status must be the guest's or the documented
//! error code, never a panic's 101, so these macros of the same names write and drop the
//! error: the text is lost, the run and its status are not.
//!
//! They shadow the standard macros wherever a crate says `#[macro_use] extern crate
//! emu_core;` at its root (the macro-use prelude comes before the standard library's), so
//! every print of that crate, in every module, goes through them.

/// `std::println!` that ignores write errors (a closed pipe, a full disk).
#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stdout(), $($arg)*);
    }};
}

/// `std::print!` that ignores write errors (a closed pipe, a full disk).
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::write!(::std::io::stdout(), $($arg)*);
    }};
}

/// `std::eprintln!` that ignores write errors (a closed pipe, a full disk).
#[macro_export]
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stderr(), $($arg)*);
    }};
}

/// `std::eprint!` that ignores write errors (a closed pipe, a full disk).
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::write!(::std::io::stderr(), $($arg)*);
    }};
}

/// A writer that drops write errors (reporting every write as done), for output such as
/// traces whose loss must not end the run or change its status.
#[derive(Debug)]
pub struct Lossy<W>(pub W);

impl<W: std::io::Write> std::io::Write for Lossy<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}
