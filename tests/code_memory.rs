//! The JIT's code memory is bounded: code that keeps rewriting itself makes the JIT
//! drop and compile it again and again, and when the code memory is full all code is
//! dropped at once (as QEMU flushes its code buffer), so a long run uses no more memory
//! than a short one. Its own test binary: the peak memory of this process's children
//! (`getrusage(RUSAGE_CHILDREN)`) is that of the runs below.

mod common;

use std::process::Command;

use common::rom;

/// The peak resident memory of the children waited for so far, in bytes.
fn children_peak_rss() -> u64 {
    let u = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    u.max_rss() as u64 * 1024
}

/// Runs ROM `name` with the JIT compiling at once into 1 MiB of code memory; returns
/// the number of times the JIT dropped all code, from its statistics.
fn run(name: &str) -> u64 {
    let o = Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(["run", "--engine", "jit", &rom(name)])
        .env("GASANG_JIT_THRESHOLD", "1")
        .env("GASANG_JIT_BACKGROUND", "0")
        .env("GASANG_JIT_CODE_MB", "1")
        .env("GASANG_JIT_STATS", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{name}: {err}");
    let resets = err
        .split("resets: ")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| panic!("no JIT statistics in: {err}"));
    resets
}

#[test]
fn rewriting_code_for_long_uses_no_more_memory_than_for_short() {
    let short_resets = run("mem/smc_grow_short");
    let short_peak = children_peak_rss();
    let long_resets = run("mem/smc_grow_long");
    let long_peak = children_peak_rss();
    // Twenty times the rounds: the code memory filled up and was emptied again and again...
    assert!(
        long_resets >= 4 && long_resets > short_resets,
        "resets: short {short_resets}, long {long_resets}"
    );
    // ... and the process did not grow with it (each round compiles a few KiB: 4,000
    // rounds of compiled code kept would be about 7 MiB more).
    assert!(
        long_peak <= short_peak + (2 << 20),
        "peak memory: short {short_peak} bytes, long {long_peak} bytes"
    );
}
