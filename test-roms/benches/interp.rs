//! Interpreter and JIT speed on the benchmark ROM (`bin/bench.elf`, ~501 M guest instructions of
//! CRC-32, quicksort, matrix multiply and FNV-1a), compared with QEMU on the same ROM.
//!
//! `cargo bench -p test-roms --bench interp` prints a table: median of 3 runs of gasang's
//! interpreter (guest instructions per second, from the exact retired count) and of
//! `qemu-system-riscv64 -M spike -bios none -kernel bench.elf` (wall time of the whole
//! process, so QEMU's start-up, ~0.05 s, counts against it), and the ratio.
//! Set `GASANG_BENCH_ROM=bench-small` for a 10x shorter run.

use std::process::Command;
use std::time::{Duration, Instant};

use gasang::{BareMachine, Outcome};

const RUNS: usize = 3;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing to skip on.
    let rom_name = std::env::var("GASANG_BENCH_ROM").unwrap_or_else(|_| "bench".into());
    let path = test_roms::rom(&rom_name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));

    let run = |jit: bool| {
        let mut times = Vec::new();
        let mut insns = 0;
        for _ in 0..RUNS {
            let mut m = BareMachine::new(&bytes, 64 << 20, Box::new(std::io::sink())).unwrap();
            if jit {
                m.enable_jit(frontend_riscv::interp::HOT_RUNS, true)
                    .expect("the JIT starts");
            }
            let t = Instant::now();
            let outcome = m.run(None);
            times.push(t.elapsed());
            assert_eq!(outcome, Outcome::Pass, "benchmark ROM failed its checksum");
            insns = m.executed();
        }
        (median(times), insns)
    };
    let (ours, insns) = run(false);
    let mips = insns as f64 / ours.as_secs_f64() / 1e6;
    let (jit, _) = run(true);

    let qemu = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let st = Command::new("qemu-system-riscv64")
                .args(["-M", "spike", "-bios", "none", "-nographic", "-kernel"])
                .arg(&path)
                .status()
                .ok()?;
            st.success().then(|| t.elapsed())
        })
        .collect::<Option<Vec<_>>>()
        .map(median);

    println!();
    println!("| engine | ROM | guest instructions | median time (3 runs) | MIPS |");
    println!("| --- | --- | ---: | ---: | ---: |");
    println!(
        "| gasang interpreter | {rom_name} | {insns} | {:.3} s | {mips:.0} |",
        ours.as_secs_f64()
    );
    println!(
        "| gasang JIT (`--jit`) | {rom_name} | {insns} | {:.3} s | {:.0} |",
        jit.as_secs_f64(),
        insns as f64 / jit.as_secs_f64() / 1e6
    );
    match qemu {
        Some(q) => {
            println!(
                "| qemu-system-riscv64 (TCG JIT) | {rom_name} | ~{insns} | {:.3} s | {:.0} |",
                q.as_secs_f64(),
                insns as f64 / q.as_secs_f64() / 1e6
            );
            println!();
            println!(
                "gasang interpreter time / QEMU time = {:.2}; gasang JIT time / QEMU time = {:.2}",
                ours.as_secs_f64() / q.as_secs_f64(),
                jit.as_secs_f64() / q.as_secs_f64()
            );
        }
        None => println!("| qemu-system-riscv64 | not installed or failed | | | |"),
    }
}
