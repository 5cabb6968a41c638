//! The small builds of the benchmark ROMs (test-roms/bench/, built by
//! build-bench-roms.sh): each must compute its known checksum on the interpreter and
//! with the JIT, report it on the HTIF console, and fail when its input is corrupted.
//! (The full-size builds in bin/bench/ are timed by bench/run.py, not tested here.)

use std::io::Write;
use std::sync::{Arc, Mutex};

use gasang::{BareMachine, Outcome};

#[derive(Clone, Default)]
struct Console(Arc<Mutex<Vec<u8>>>);

impl Write for Console {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How the ROM runs.
#[derive(Clone, Copy, Debug)]
enum Engine {
    Interp,
    /// The JIT, compiling a block after this many interpreted runs.
    Jit(u32),
}

const ENGINES: [Engine; 3] = [
    Engine::Interp,
    Engine::Jit(1),
    Engine::Jit(frontend_riscv::interp::HOT_RUNS),
];

/// Runs the ELF `bytes`; returns the outcome, the console text and the instruction count.
fn run(bytes: &[u8], engine: Engine) -> (Outcome, String, u64) {
    let console = Console::default();
    let mut m = BareMachine::new(bytes, 64 << 20, Box::new(console.clone())).unwrap();
    if let Engine::Jit(threshold) = engine {
        m.enable_jit(threshold, false)
            .expect("the JIT starts on this host");
    }
    let outcome = m.run(Some(100_000_000));
    let text = String::from_utf8_lossy(&console.0.lock().unwrap()).into_owned();
    (outcome, text, m.executed())
}

fn rom(name: &str) -> Vec<u8> {
    let path = test_roms::rom(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `bytes` with the first occurrence of `from` replaced by `to` (same length).
fn patched(mut bytes: Vec<u8>, from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{:?} not in the ROM", String::from_utf8_lossy(from)));
    bytes[at..at + to.len()].copy_from_slice(to);
    bytes
}

/// The ROM passes with `line` on its console under every engine; returns the console
/// text and instruction count of each run.
fn passes_with(name: &str, line: &str) -> Vec<(String, u64)> {
    let bytes = rom(name);
    ENGINES
        .iter()
        .map(|&engine| {
            let (outcome, text, executed) = run(&bytes, engine);
            assert_eq!(outcome, Outcome::Pass, "{name} on {engine:?}: {text}");
            assert!(
                text.lines().any(|l| l == line),
                "{name} on {engine:?}: no line {line:?} in {text:?}"
            );
            (text, executed)
        })
        .collect()
}

/// With `from` replaced by `to` in its data the ROM computes another checksum, says
/// so and fails with exit code 3.
fn corrupted_fails(name: &str, from: &[u8], to: &[u8]) {
    let bytes = patched(rom(name), from, to);
    for engine in [Engine::Interp, Engine::Jit(1)] {
        let (outcome, text, _) = run(&bytes, engine);
        assert_eq!(outcome, Outcome::Fail(3), "{name} on {engine:?}: {text}");
        assert!(text.contains(" WRONG (expected 0x"), "{text}");
    }
}

#[test]
fn coremark_like_computes_its_checksum() {
    passes_with(
        "coremark-like-small",
        "coremark-like: iterations 50 checksum 0xc1dad08131ec5f7c ok",
    );
}

#[test]
fn coremark_like_detects_a_wrong_result() {
    // One of the number strings the state machine scans, made invalid.
    corrupted_fails("coremark-like-small", b"+6.02e23\0", b"+6.02x23\0");
}

#[test]
fn dhrystone_like_computes_its_checksum() {
    passes_with(
        "dhrystone-like-small",
        "dhrystone-like: iterations 10000 checksum 0x50e8d0ec012d37ca ok",
    );
}

#[test]
fn dhrystone_like_detects_a_wrong_result() {
    // The text of the main record, hashed into the checksum.
    corrupted_fails("dhrystone-like-small", b"SOME TEXT HERE", b"SOME TEXT HERX");
}

#[test]
fn sv39_timer_computes_its_checksum_while_the_timer_runs() {
    // The same workload as coremark-like, in U-mode under Sv39.
    let runs = passes_with(
        "sv39-timer-small",
        "sv39-timer: iterations 50 checksum 0xc1dad08131ec5f7c ok",
    );
    for (text, executed) in runs {
        // The bare machine's clock advances one 10 MHz tick per 10 instructions, so the
        // 1 ms timer (10,000 ticks) fires once per 100,000 instructions.
        let ticks: u64 = text
            .lines()
            .find_map(|l| l.strip_prefix("sv39-timer: timer interrupts "))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no interrupt count in {text:?}"));
        let expected = executed / 100_000;
        assert!(
            ticks + 2 >= expected && ticks <= expected,
            "{ticks} timer interrupts in {executed} instructions"
        );
    }
}

#[test]
fn sv39_timer_detects_a_wrong_result() {
    corrupted_fails("sv39-timer-small", b"+6.02e23\0", b"+6.02x23\0");
}
