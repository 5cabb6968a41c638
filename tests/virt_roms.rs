//! Test ROMs built for the virt board (`test-roms/bin/qemu-virt/`, ending through the
//! sifive_test device): they pass on gasang's virt board, on the interpreter and with
//! the JIT, and on QEMU's.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// ROMs on which QEMU 7.2 departs from the spec, with the case it fails.
const QEMU_DEVIATIONS: &[(&str, i32)] = &[
    // QEMU latches the PLIC's SEIP signal into mip on a csrrs/csrrc of mip
    ("virt-seip_rmw", 4),
];

fn run(cmd: &mut Command) -> Option<i32> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if let Some(st) = child.try_wait().unwrap() {
            return st.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

/// gasang on the virt board with `args`, on the interpreter or (`jit`) with the JIT
/// compiling every region at its first run, on the hart's thread.
fn gasang(args: &[&str], rom: &std::path::Path, jit: bool) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gasang"));
    if jit {
        cmd.arg("--jit")
            .env("GASANG_JIT_THRESHOLD", "1")
            .env("GASANG_JIT_BACKGROUND", "0");
    }
    cmd.args(["-bios", "none", "-nographic"])
        .args(args)
        .arg("-kernel")
        .arg(rom);
    cmd
}

/// QEMU's virt board with `args`.
fn qemu(args: &[&str], rom: &std::path::Path) -> Command {
    let mut cmd = Command::new("qemu-system-riscv64");
    cmd.args([
        "-M",
        "virt",
        "-bios",
        "none",
        "-nographic",
        "-monitor",
        "none",
    ])
    .args(args)
    .arg("-kernel")
    .arg(rom);
    cmd
}

#[test]
fn virt_board_roms_pass_on_gasang_and_qemu() {
    let dir = common::repo().join("test-roms/bin/qemu-virt");
    let mut roms: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "elf"))
        .collect();
    roms.sort();
    assert!(roms.len() >= 2, "no ROMs in {}", dir.display());
    for rom in &roms {
        for jit in [false, true] {
            let ours = run(&mut gasang(&[], rom, jit));
            assert_eq!(ours, Some(0), "{} on gasang (jit: {jit})", rom.display());
        }
        let qemu = run(&mut qemu(&[], rom));
        let name = rom.file_stem().unwrap().to_string_lossy();
        match QEMU_DEVIATIONS.iter().find(|(n, _)| *n == name) {
            Some(&(_, case)) => assert!(
                qemu == Some(0) || qemu == Some(case),
                "{} on QEMU: {qemu:?}",
                rom.display()
            ),
            None => assert_eq!(qemu, Some(0), "{} on QEMU", rom.display()),
        }
    }
}

#[test]
fn smp_roms_pass_on_1_2_4_harts() {
    // amo_smp: LR/SC, AMOs and a ticket lock on every hart, the last hart checks the
    // totals. smc_smp: hart 0 rewrites code that every hart runs hot (fence.i on each).
    // GASANG_QUANTUM=1: harts take turns as often as the scheduler allows.
    for name in ["virt-amo_smp", "virt-smc_smp"] {
        let rom = common::repo().join(format!("test-roms/bin/qemu-virt/{name}.elf"));
        for smp in ["1", "2", "4"] {
            let args = ["-smp", smp];
            for jit in [false, true] {
                assert_eq!(
                    run(&mut gasang(&args, &rom, jit)),
                    Some(0),
                    "{name} -smp {smp} on gasang (jit: {jit})"
                );
                assert_eq!(
                    run(gasang(&args, &rom, jit).env("GASANG_QUANTUM", "1")),
                    Some(0),
                    "{name} -smp {smp} on gasang, quantum 1 (jit: {jit})"
                );
            }
            assert_eq!(
                run(&mut qemu(&args, &rom)),
                Some(0),
                "{name} -smp {smp} on QEMU"
            );
        }
    }
}
