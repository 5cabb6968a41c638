//! Test ROMs built for the virt board (`test-roms/bin/qemu-virt/`, ending through the
//! sifive_test device): they pass on gasang's virt board and on QEMU's.

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
        let ours = run(Command::new(env!("CARGO_BIN_EXE_gasang"))
            .args(["-bios", "none", "-nographic", "-kernel"])
            .arg(rom));
        assert_eq!(ours, Some(0), "{} on gasang", rom.display());
        let qemu = run(Command::new("qemu-system-riscv64")
            .args([
                "-M",
                "virt",
                "-bios",
                "none",
                "-nographic",
                "-monitor",
                "none",
                "-kernel",
            ])
            .arg(rom));
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
