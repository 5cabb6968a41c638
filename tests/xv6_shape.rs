//! xv6-riscv's QEMU command line, unchanged but for the binary name, with the project's
//! xv6-shaped M-mode kernel (test-roms/kernel/): it starts on every hart in M-mode,
//! delegates to S-mode, turns Sv39 on with A = D = 0 page tables, finds its disk on
//! virtio-mmio slot 0 through the legacy transport (QEMU's default) or version 2
//! (`-global virtio-mmio.force-legacy=false`), reads and writes sectors with interrupts
//! through the PLIC, and answers commands on the UART. QEMU runs the same command lines
//! as the oracle: the transcripts must be the same (up to the order of the harts' lines).

mod common;

use std::process::Command;
use std::time::Duration;

use common::{gasang, repo, Session};

const WAIT: Duration = Duration::from_secs(60);

fn kernel() -> String {
    repo()
        .join("test-roms/bin/kernels/xv6-shape.elf")
        .to_string_lossy()
        .into_owned()
}

/// A 1 MiB disk image whose sector 0 starts with a label the kernel prints.
fn fs_img(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("gasang-xv6-{name}-{}.img", std::process::id()));
    let mut data = vec![0u8; 1 << 20];
    data[..16].copy_from_slice(b"GASANG-XV6-DISK!");
    std::fs::write(&p, data).unwrap();
    p
}

/// xv6-riscv's Makefile line (`make qemu`), with `-smp` and the `-global` options given.
fn xv6_args(img: &std::path::Path, smp: &str, globals: &[&str], bus: bool) -> Vec<String> {
    let mut a: Vec<String> = [
        "-machine",
        "virt",
        "-bios",
        "none",
        "-kernel",
        &kernel(),
        "-m",
        "128M",
        "-smp",
        smp,
        "-nographic",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    a.extend(globals.iter().map(|s| s.to_string()));
    a.push("-drive".into());
    a.push(format!("file={},if=none,format=raw,id=x0", img.display()));
    a.push("-device".into());
    a.push(if bus {
        "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0".into()
    } else {
        "virtio-blk-device,drive=x0".into()
    });
    a
}

fn qemu(args: &[String]) -> Command {
    let mut c = Command::new("qemu-system-riscv64");
    c.args(args).args(["-monitor", "none"]);
    c
}

fn gasang_cmd(args: &[String]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gasang"));
    c.args(args);
    c
}

/// Boots to the prompt, runs `echo`, `harts` and `poweroff`; returns the transcript
/// (lines, CRs removed) and the exit code.
fn shell_session(cmd: Command, harts: usize) -> (Vec<String>, Option<i32>) {
    let mut s = Session::start_command(cmd);
    let at = s.wait_for("\n$ ", WAIT);
    s.send("echo hi from the xv6 shape\n");
    let at = s.wait_for_from(at, "hi from the xv6 shape\r\n$ ", WAIT);
    s.send("harts\n");
    let at = s.wait_for_from(at, &format!("{harts} of {harts} harts checked in:"), WAIT);
    s.send("poweroff\n");
    s.wait_for_from(at, "power off", WAIT);
    let code = s.wait_exit(WAIT);
    let lines = s
        .output()
        .replace('\r', "")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (lines, code)
}

fn sector(img: &std::path::Path, n: usize) -> String {
    let bytes = std::fs::read(img).unwrap();
    String::from_utf8_lossy(&bytes[512 * n..512 * (n + 1)])
        .trim_end_matches('\0')
        .to_string()
}

#[test]
fn xv6_command_line_boots_the_kernel_on_both_transports_as_on_qemu() {
    let configs = [
        ("legacy", &[][..], "1"),
        ("legacy", &[][..], "3"),
        (
            "modern",
            &["-global", "virtio-mmio.force-legacy=false"][..],
            "1",
        ),
        (
            "modern",
            &["-global", "virtio-mmio.force-legacy=false"][..],
            "3",
        ),
    ];
    for (transport, globals, smp) in configs {
        let what = format!("{transport}, -smp {smp}");
        let harts: usize = smp.parse().unwrap();
        let version = if transport == "legacy" { 1 } else { 2 };
        let written = format!(
            "xv6-shape wrote sector 1 through the {transport} transport with {}\n",
            if harts == 1 {
                "1 hart"
            } else {
                "several harts"
            }
        );

        let img = fs_img(&format!("{transport}-{smp}"));
        let (ours, code) = shell_session(gasang_cmd(&xv6_args(&img, smp, globals, true)), harts);
        assert_eq!(code, Some(0), "{what}: {ours:#?}");
        let expect = [
            format!("xv6-shape: hart 0 in S-mode, {harts} harts in the device tree"),
            "xv6-shape: sv39 on, kernel page table with A = D = 0".into(),
            // Svadu (the default): the hart set A on the code page, A and D on the data page.
            "xv6-shape: A/D set by the hart: code page A=1 D=0, data page A=1 D=1".into(),
            format!("xv6-shape: {harts} of {harts} harts checked in"),
            format!(
                "xv6-shape: virtio-mmio slot 0: magic 74726976, version {version}, device 2, vendor 554d4551"
            ),
            format!("xv6-shape: virtio-blk through the {transport} transport, 2048 sectors"),
            "xv6-shape: sector 0 reads \"GASANG-XV6-DISK!\"".into(),
            "xv6-shape: sector 1 written and read back".into(),
            "xv6-shape: disk interrupts through the PLIC (source 1): 3".into(),
            "hi from the xv6 shape".into(),
            format!(
                "{harts} of {harts} harts checked in:{}",
                (0..harts).map(|h| format!(" {h}")).collect::<String>()
            ),
        ];
        for line in &expect {
            assert!(ours.contains(line), "{what}: no {line:?} in {ours:#?}");
        }
        for h in 1..harts {
            let line = format!("xv6-shape: hart {h} checked in (S-mode, sv39)");
            assert!(ours.contains(&line), "{what}: no {line:?} in {ours:#?}");
        }
        // What the guest wrote is in the image file; sector 0 is untouched.
        assert_eq!(sector(&img, 1), written, "{what}");
        assert!(sector(&img, 0).starts_with("GASANG-XV6-DISK!"), "{what}");

        // The oracle: QEMU with the same command line and a fresh image.
        let qimg = fs_img(&format!("{transport}-{smp}-qemu"));
        let (theirs, qcode) = shell_session(qemu(&xv6_args(&qimg, smp, globals, true)), harts);
        assert_eq!(qcode, Some(0), "QEMU, {what}: {theirs:#?}");
        let (mut a, mut b) = (ours.clone(), theirs.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b, "{what}: gasang {ours:#?}\nQEMU {theirs:#?}");
        assert_eq!(sector(&qimg, 1), written, "QEMU, {what}");
        for p in [img, qimg] {
            let _ = std::fs::remove_file(p);
        }
    }
}

#[test]
fn without_bus_the_disk_is_not_on_slot_0_and_empty_slots_answer_the_version() {
    // Without bus=virtio-mmio-bus.0 the disk takes the highest slot, as on QEMU: slot 0
    // is empty and answers magic, the board's version and device 0. The kernel says so and
    // ends with code 3.
    for (globals, version) in [
        (&[][..], 1),
        (&["-global", "virtio-mmio.force-legacy=false"][..], 2),
    ] {
        for cmd in ["gasang", "qemu"] {
            let img = fs_img(&format!("nobus-{version}-{cmd}"));
            let args = xv6_args(&img, "1", globals, false);
            let c = if cmd == "gasang" {
                gasang_cmd(&args)
            } else {
                qemu(&args)
            };
            let mut s = Session::start_command(c);
            s.wait_for(
                &format!("slot 0: magic 74726976, version {version}, device 0, vendor 554d4551"),
                WAIT,
            );
            s.wait_for("no virtio disk at virtio-mmio slot 0", WAIT);
            assert_eq!(s.wait_exit(WAIT), Some(3), "{cmd}: {}", s.output());
            let _ = std::fs::remove_file(img);
        }
    }
}

#[test]
fn bad_global_and_bus_options_are_one_line_errors() {
    let img = fs_img("refused");
    let drive = format!("file={},if=none,format=raw,id=x0", img.display());
    let k = kernel();
    for (extra, device, needle) in [
        (
            &["-global", "virtio-mmio.force-legacy=maybe"][..],
            "virtio-blk-device,drive=x0",
            "force-legacy=maybe",
        ),
        (
            &["-global", "virtio-blk-device.scsi=off"][..],
            "virtio-blk-device,drive=x0",
            "virtio-blk-device.scsi=off",
        ),
        (
            &[][..],
            "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.8",
            "virtio-mmio-bus.8",
        ),
        (&[][..], "virtio-blk-device,drive=x0,bus=pci.0", "bus=pci.0"),
    ] {
        let mut args = vec!["-bios", "none", "-kernel", &k, "-drive", &drive];
        args.extend_from_slice(&["-device", device]);
        args.extend_from_slice(extra);
        let o = gasang(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // Two disks on one bus.
    let img2 = fs_img("refused-2");
    let drive2 = format!("file={},if=none,format=raw,id=x1", img2.display());
    let o = gasang(&[
        "-bios",
        "none",
        "-kernel",
        &k,
        "-drive",
        &drive,
        "-drive",
        &drive2,
        "-device",
        "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0",
        "-device",
        "virtio-blk-device,drive=x1,bus=virtio-mmio-bus.0",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("virtio-mmio-bus.0"), "{err}");
    for p in [img, img2] {
        let _ = std::fs::remove_file(p);
    }
}
