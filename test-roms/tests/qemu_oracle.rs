//! Every ROM must also pass on Debian's QEMU (`qemu-system-riscv64 -M spike`), the
//! independent oracle: a test that passes on gasang but fails on QEMU is a wrong test.
//! The `*_strict` ROMs check rules where QEMU 7.2 departs from the spec; there QEMU may
//! fail exactly the documented case.

use std::process::Command;
use std::time::Duration;

/// ROMs on which QEMU 7.2 departs from the spec, with the case it fails.
const QEMU_DEVIATIONS: &[(&str, i32)] = &[
    // misaligned AMO: QEMU raises cause 4, the spec says 6
    ("rv64mi-ma_amo_strict", 2),
    // AMO to a hole: QEMU raises cause 5, the spec says 7
    ("rv64mi-access_fault_strict", 15),
    // csrs to the read-only mhartid with a zero-valued register must trap
    ("rv64mi-illegal_strict", 8),
    // mepc[0] must read as zero
    ("rv64mi-mret_strict", 6),
    // QEMU takes the lowest interrupt number first, not MEI > MSI > MTI > SEI > SSI > STI
    ("rv64mi-irq_priority_strict", 2),
    // medeleg[11] must be read-only zero
    ("rv64mi-priv_mdeleg_strict", 3),
    ("rv64si-ecall_strict", 11),
    // mret/sret to a mode below M must clear MPRV
    ("rv64mi-priv_modes_strict", 17),
    ("rv64si-sret_strict", 12),
    ("rv64vm-mprv_strict", 16),
    // misaligned AMO: cause 6, not 4
    ("rv64si-trap_deleg_strict", 32),
    // sstatus.UXL must stay 2; sepc[0] reads 0
    ("rv64si-scsr_strict", 4),
    // S interrupts: SEI > SSI > STI
    ("rv64si-sirq_strict", 10),
    // QEMU's spike board has no `time` CSR, hence no Sstc (the virt-board builds of
    // these ROMs run on QEMU's virt board, see tests/virt_roms.rs)
    ("rv64si-counteren_strict", 2),
    ("rv64si-sstc_strict", 2),
    // QEMU checks PMP once per translated block
    ("rv64pmp-fetch_strict", 5),
    // pmpcfg R=0 W=1 is reserved (WARL)
    ("rv64pmp-rw_reserved_strict", 3),
    // a TOR entry 0 with pmpaddr0 = 0 matches nothing
    ("rv64pmp-tor_strict", 6),
    // AMO page fault: QEMU raises cause 13 (load), the spec says 15 (store/AMO)
    ("jit-pf_loop_strict", 18),
    // QEMU 7.2 has no Svade/Svadu control (menvcfg.ADUE)
    ("rv64vm-ad_strict", 2),
    // see the ROM's source for the FS rule QEMU misses
    ("rv64uf-fs_strict", 40),
    // debug triggers: QEMU 7.2 writes mtval = 0, not the matched address
    ("rv64mi-breakpoint_strict", 4),
    ("rv64mi-trigger_match_strict", 2),
    // no tcontrol (M-mode triggers fire with no mte)
    ("rv64mi-trigger_modes_strict", 2),
    // tinfo 0x44: no version 1 (which mcontrol6 needs), no type 15
    ("rv64mi-trigger_csr_strict", 2),
    // no icount trigger (type 3)
    ("rv64mi-trigger_icount_strict", 2),
];

/// ROMs for extensions QEMU 7.2 does not implement (it raises illegal instruction).
const QEMU_LACKS: &[&str] = &["rv64uzb-czero"]; // Zicond

/// ROMs built to fail, with their case.
const EXPECTED_FAILURES: &[(&str, i32)] = &[("misc-fail_case5", 5), ("exit-envp_fail3", 3)];

/// ROMs that never end by design (gasang reports them; QEMU spins until killed).
const NEVER_END: &[&str] = &["exit-trap_loop"];

/// ROMs that rely on the bare machine's deterministic time (mtime advances one tick
/// per 10 retired instructions; they check minstret between arming the timer and the
/// interrupt): QEMU's mtime follows the host clock and its minstret counts host
/// ticks, so it cannot run them. Their plain builds (without `_exact`) run here.
const GASANG_TIMING: &[&str] = &["jit-timer_spin_exact"];

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
        .filter(|n| !NEVER_END.contains(&n.as_str()))
        .filter(|n| !GASANG_TIMING.contains(&n.as_str()))
        .collect();
    assert!(roms.len() > 100, "only {} ROMs found", roms.len());
    let mut bad = Vec::new();
    for rom in &roms {
        let got = qemu_exit(rom);
        if QEMU_LACKS.contains(&rom.as_str()) {
            continue;
        }
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
