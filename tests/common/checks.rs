//! Running gasang against hostile host input and conditions: scratch files, the checks
//! of exit status and one-line errors, and a guard against hangs.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, ExitStatus, Output};
use std::time::{Duration, Instant};

/// Generous bound for a run that should end by itself: a guard against hangs, not a
/// timing goal.
pub const HANG: Duration = Duration::from_secs(120);

/// The gasang binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_gasang")
}

/// What a finished run wrote on stderr.
pub fn stderr_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory for this test process.
pub fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gasang-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to `name` in the scratch directory; returns its path.
pub fn tmp_file(name: &str, bytes: &[u8]) -> String {
    let p = scratch().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// Asserts exit code 2 and exactly one line on stderr containing `needle`.
pub fn assert_one_line_error(what: &str, o: &Output, needle: &str) {
    let e = stderr_of(o);
    assert_eq!(o.status.code(), Some(2), "{what}: {e}");
    assert_eq!(e.lines().count(), 1, "{what}: expected one line, got: {e}");
    assert!(e.contains(needle), "{what}: expected '{needle}' in: {e}");
}

/// Waits for `child` to exit, killing it (and failing) after [`HANG`].
pub fn wait(child: &mut Child) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("gasang did not exit within {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A free TCP port on 127.0.0.1 (bound and released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Reads the child's stderr until it contains `text` (or ends).
pub fn stderr_until(child: &mut Child, text: &str) -> String {
    let mut err = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains(text) {
        match err.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    child.stderr = Some(err);
    String::from_utf8_lossy(&seen).into_owned()
}
