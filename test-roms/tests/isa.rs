//! Runs every committed ISA test ROM on the interpreter and checks it passes; a failure
//! names the ROM and its failing case.

use std::io::Write;
use std::sync::{Arc, Mutex};

use gasang::{BareMachine, Outcome};

/// Generous limit: ISA ROMs run well under a million instructions, bench-small ~50 M.
const MAX_INSNS: u64 = 500_000_000;

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

fn run_rom(name: &str) -> (Outcome, String) {
    run_rom_on(name, false)
}

/// Runs ROM `name` on the interpreter, or with the JIT compiling every block at its
/// first run (`jit`).
fn run_rom_on(name: &str, jit: bool) -> (Outcome, String) {
    let path = test_roms::rom(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let console = Console::default();
    let mut m = BareMachine::new(&bytes, 64 << 20, Box::new(console.clone()))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(m.has_htif(), "{name} has no tohost symbol");
    if jit {
        m.enable_jit(1, false).expect("the JIT starts on this host");
    }
    let outcome = m.run(Some(MAX_INSNS));
    let text = String::from_utf8_lossy(&console.0.lock().unwrap()).into_owned();
    (outcome, text)
}

/// Runs every ROM of a suite on the interpreter; panics listing all that did not pass.
fn run_suite(prefix: &str, at_least: usize) {
    run_suite_on(prefix, at_least, false);
}

/// Runs every ROM of a suite on the interpreter or (`jit`) with the JIT compiling
/// every region at its first run; panics listing all that did not pass.
fn run_suite_on(prefix: &str, at_least: usize, jit: bool) {
    let names = test_roms::roms_with_prefix(prefix);
    assert!(
        names.len() >= at_least,
        "expected at least {at_least} ROMs named {prefix}* in {}, found {}",
        test_roms::bin_dir().display(),
        names.len()
    );
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| match run_rom_on(n, jit).0 {
            Outcome::Pass => None,
            Outcome::Fail(case) => Some(format!("{n}: test case {case} failed")),
            other => Some(format!("{n}: {other:?}")),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} ROMs failed (jit: {jit}):\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

#[test]
fn rv64ui() {
    // The plain ROMs and their `-v` builds (S-mode under Sv39).
    run_suite("rv64ui-", 100);
}

#[test]
fn rv64uc() {
    run_suite("rv64uc-", 70);
}

#[test]
fn rv64um() {
    run_suite("rv64um-", 26);
}

#[test]
fn rv64ua() {
    run_suite("rv64ua-", 40);
}

#[test]
fn rv64mi() {
    run_suite("rv64mi-", 34);
}

#[test]
fn rv64uf() {
    run_suite("rv64uf-", 19);
}

#[test]
fn rv64ud() {
    run_suite("rv64ud-", 20);
}

#[test]
fn rv64uzb() {
    run_suite("rv64uzb-", 22);
}

#[test]
fn rv64si() {
    run_suite("rv64si-", 8);
}

#[test]
fn rv64vm() {
    run_suite("rv64vm-", 11);
}

#[test]
fn rv64pmp() {
    run_suite("rv64pmp-", 8);
}

#[test]
fn jit_hot_paths_on_the_interpreter() {
    // Data and instruction page faults in hot code, a timer arriving in spin loops,
    // self-modifying code in a hot loop, satp switches between address spaces, MPRV /
    // SUM / MXR flipped in hot loops (issue 10).
    run_suite("jit-", 8);
}

#[test]
fn jit_hot_paths_with_the_jit() {
    // The same ROMs with every region compiled at its first run.
    run_suite_on("jit-", 8, true);
}

#[test]
fn failing_rom_reports_its_case() {
    assert_eq!(run_rom("misc-fail_case5").0, Outcome::Fail(5));
}

#[test]
fn htif_console_prints() {
    let (outcome, text) = run_rom("misc-htif_putchar");
    assert_eq!(outcome, Outcome::Pass);
    assert_eq!(text, "Hello from gasang\n");
}

#[test]
fn tohost_written_as_two_words() {
    assert_eq!(run_rom("misc-tohost32").0, Outcome::Pass);
}

#[test]
fn every_way_of_writing_tohost_ends_the_run() {
    // riscv-tests' env/p exit rewrites tohost forever; a 64-bit store may be followed by
    // wfi, `j .` or more stores. Each must end promptly with the reported result.
    for (rom, want) in [
        ("exit-envp_pass", Outcome::Pass),
        ("exit-envp_fail3", Outcome::Fail(3)),
        ("exit-sd_wfi", Outcome::Pass),
        ("exit-sd_jself", Outcome::Pass),
        ("exit-sd_rewrite", Outcome::Pass),
        ("misc-tohost32", Outcome::Pass),
    ] {
        for jit in [false, true] {
            let path = test_roms::rom(rom);
            let bytes = std::fs::read(&path).unwrap();
            let mut m = BareMachine::new(&bytes, 1 << 20, Box::new(std::io::sink())).unwrap();
            if jit {
                m.enable_jit(1, false).unwrap();
            }
            assert_eq!(m.run(Some(1_000_000)), want, "{rom} (jit: {jit})");
            // Read within the settle window of the first write: a few hundred
            // instructions in all, however often the program rewrites tohost.
            assert!(m.executed() < 1_000, "{rom}: {} instructions", m.executed());
        }
    }
}

#[test]
fn trap_loop_is_reported() {
    let bytes = std::fs::read(test_roms::rom("exit-trap_loop")).unwrap();
    let mut m = BareMachine::new(&bytes, 1 << 20, Box::new(std::io::sink())).unwrap();
    match m.run(None) {
        Outcome::TrapLoop { pc: 0, cause: 1 } => {}
        other => panic!("expected a trap loop at pc 0 (fetch access fault), got {other:?}"),
    }
}

#[test]
fn small_benchmark_checksum_matches() {
    assert_eq!(run_rom("bench-small").0, Outcome::Pass);
}

#[test]
fn every_rom_passes_with_the_jit() {
    // The JIT compiles each block on its first run; blocks it cannot compile whole run
    // partly compiled, partly interpreted. Every ROM must still pass.
    // All but `bench` (500 M instructions: timed by the benchmarks instead).
    let names = test_roms::roms_with_prefix("");
    assert!(names.len() > 350, "found {} ROMs", names.len());
    let failures: Vec<String> = names
        .iter()
        .filter(|n| {
            *n != "bench"
                && !n.starts_with("misc-fail")
                && !n.starts_with("exit-envp_fail")
                && *n != "exit-trap_loop"
        })
        .filter_map(|n| match run_rom_on(n, true).0 {
            Outcome::Pass => None,
            other => Some(format!("{n}: {other:?}")),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} ROMs failed with the JIT:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(run_rom_on("misc-fail_case5", true).0, Outcome::Fail(5));
}

#[test]
fn every_rom_passes_engine_check() {
    // The JIT with the interpreter in lockstep (each quantum run twice and compared).
    let names = test_roms::roms_with_prefix("");
    let failures: Vec<String> = names
        .iter()
        .filter(|n| !n.starts_with("bench") && *n != "exit-trap_loop")
        .filter_map(|n| {
            let bytes = std::fs::read(test_roms::rom(n)).unwrap();
            let mut m = BareMachine::new(&bytes, 64 << 20, Box::new(std::io::sink())).unwrap();
            m.set_engine(
                gasang::engine::EngineKind::Check,
                gasang::engine::JitSettings::for_engine(gasang::engine::EngineKind::Check),
            )
            .unwrap();
            match m.run(Some(MAX_INSNS)) {
                Outcome::Pass | Outcome::Fail(_) => None,
                other => Some(format!("{n}: {other:?}")),
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} ROMs failed the engine check:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
