//! Every ROM must also pass on Debian's QEMU (`qemu-system-riscv64 -M spike`), the
//! independent oracle: a test that passes on gasang but fails on QEMU is a wrong test.
//! The `*_strict` ROMs check rules where QEMU 7.2 departs from the spec; there QEMU may
//! fail exactly the documented case.

use std::process::Command;
use std::time::Duration;

/// ROMs on which QEMU 7.2 departs from the spec, with the case it fails.
const QEMU_DEVIATIONS: &[(&str, i32)] = &[
    ("rv64mi-ma_amo_strict", 2), // misaligned AMO: QEMU raises cause 4, spec says 6
    ("rv64mi-access_fault_strict", 15), // AMO to a hole: QEMU raises cause 5, spec says 7
    ("rv64mi-illegal_strict", 8), // csrs to read-only mhartid with rs1 = x0-valued reg
    ("rv64mi-mret_strict", 6),   // mepc[0] must read as zero
];

/// ROMs built to fail, with their case.
const EXPECTED_FAILURES: &[(&str, i32)] = &[("misc-fail_case5", 5)];

fn qemu_exit(rom: &str) -> Option<i32> {
    let mut child = Command::new("qemu-system-riscv64")
        .args(["-M", "spike", "-bios", "none", "-nographic", "-monitor", "none", "-kernel"])
        .arg(test_roms::rom(rom))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start qemu-system-riscv64 ({e}): run scripts/test.sh, which installs qemu-system-misc")
        });
    for _ in 0..600 {
        if let Some(st) = child.try_wait().unwrap() {
            return st.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn every_rom_passes_on_qemu() {
    let roms: Vec<String> = test_roms::roms_with_prefix("")
        .into_iter()
        .filter(|n| n != "bench") // the full benchmark is for `cargo bench`
        .collect();
    assert!(roms.len() > 100, "only {} ROMs found", roms.len());
    let mut bad = Vec::new();
    for rom in &roms {
        let got = qemu_exit(rom);
        let deviation = QEMU_DEVIATIONS.iter().find(|(n, _)| n == rom).map(|d| d.1);
        let expected_fail = EXPECTED_FAILURES
            .iter()
            .find(|(n, _)| n == rom)
            .map(|d| d.1);
        let ok = match (expected_fail, deviation) {
            (Some(case), _) => got == Some(case),
            (None, Some(case)) => got == Some(0) || got == Some(case),
            (None, None) => got == Some(0),
        };
        if !ok {
            bad.push(format!("{rom}: QEMU exit {got:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "unexpected QEMU results:\n{}",
        bad.join("\n")
    );
}
