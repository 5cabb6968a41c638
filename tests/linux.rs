//! The bundled Linux guest (OpenSBI + Linux 6.12 + busybox) on the virt board, driven by
//! its autotest protocol (firmware/IMAGES.md): each autotest line starts `AUTOTEST: `.

mod common;

use std::time::Duration;

use common::Session;

const BOOT: Duration = Duration::from_secs(240);

/// Boots with `gasang.autotest=MODE` and `extra` options; returns the AUTOTEST lines and
/// the exit code.
fn autotest(mode: &str, extra: &[&str]) -> (Vec<String>, Option<i32>) {
    let append = format!("console=ttyS0 gasang.autotest={mode}");
    let mut args = vec!["-append", append.as_str()];
    args.extend_from_slice(extra);
    let mut s = Session::start(&args);
    s.wait_for("AUTOTEST: done", BOOT);
    let code = s.wait_exit(Duration::from_secs(60));
    let lines = s
        .output()
        .lines()
        .filter_map(|l| l.trim_end_matches('\r').strip_prefix("AUTOTEST: "))
        .map(str::to_string)
        .collect();
    (lines, code)
}

fn value<'a>(lines: &'a [String], key: &str) -> &'a str {
    let prefix = format!("{key}: ");
    lines
        .iter()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no '{key}:' line in {lines:#?}"))
}

/// The autotest disk pattern: 4096 lines "gasang%09d\n", 64 KiB at offset 1 MiB.
fn pattern() -> Vec<u8> {
    (0..4096)
        .flat_map(|i| format!("gasang{i:09}\n").into_bytes())
        .collect()
}

fn disk(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("gasang-{name}-{}.img", std::process::id()));
    std::fs::write(&p, vec![0u8; 4 << 20]).unwrap();
    p
}

#[test]
fn linux_boots_and_passes_its_checks() {
    let (l, code) = autotest("1", &[]);
    assert_eq!(code, Some(0), "{l:#?}");
    assert!(
        value(&l, "uname").starts_with("Linux gasang 6.12"),
        "{l:#?}"
    );
    assert_eq!(value(&l, "cpus"), "1");
    // /proc/cpuinfo shows the ISA the device tree offers.
    assert!(value(&l, "isa").starts_with("rv64imafdc_"), "{l:#?}");
    assert!(value(&l, "isa").contains("zba_zbb_zbs"), "{l:#?}");
    // The date comes from the goldfish RTC, which follows the host clock.
    assert_eq!(value(&l, "rtc"), "/dev/rtc0");
    let guest: u64 = value(&l, "epoch").parse().unwrap();
    let host = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        guest.abs_diff(host) < 300,
        "guest epoch {guest}, host {host}"
    );
    assert_eq!(value(&l, "disk"), "none");
}

#[test]
fn linux_smp4_brings_all_harts_online() {
    let (l, code) = autotest("1", &["-smp", "4"]);
    assert_eq!(code, Some(0), "{l:#?}");
    assert_eq!(value(&l, "cpus"), "4");
    assert_eq!(l.iter().filter(|x| x.starts_with("isa: ")).count(), 4);
}

#[test]
fn linux_disk_write_is_on_disk_and_survives_a_reboot() {
    let img = disk("rw");
    let drive = format!("file={},format=raw,if=virtio", img.display());
    let (l, code) = autotest("write", &["-drive", &drive]);
    assert_eq!(code, Some(0), "{l:#?}");
    assert_eq!(value(&l, "disk"), "/dev/vda sectors=8192");
    assert_eq!(
        value(&l, "disk-write"),
        value(&l, "disk-readback"),
        "{l:#?}"
    );
    // What the guest wrote is in the file.
    let bytes = std::fs::read(&img).unwrap();
    assert_eq!(&bytes[1 << 20..(1 << 20) + 65536], &pattern()[..]);
    // A second boot, with QEMU's long -drive/-device form and 2 harts, reads it back.
    let drive = format!("file={},format=raw,if=none,id=d0", img.display());
    let (l2, code) = autotest(
        "read",
        &[
            "-drive",
            &drive,
            "-device",
            "virtio-blk-device,drive=d0",
            "-smp",
            "2",
        ],
    );
    assert_eq!(code, Some(0), "{l2:#?}");
    assert_eq!(value(&l2, "disk-read"), value(&l, "disk-write"));
    let _ = std::fs::remove_file(img);
}

#[test]
fn linux_writes_under_snapshot_are_seen_by_the_guest_and_dropped() {
    // QEMU's -snapshot, with the disk pattern of the published recipes (no if=, no
    // format=: the format is probed, raw).
    let img = disk("snap");
    let drive = format!("file={},id=hd0", img.display());
    let (l, code) = autotest(
        "write",
        &[
            "-snapshot",
            "-device",
            "virtio-blk-device,drive=hd0",
            "-drive",
            &drive,
        ],
    );
    assert_eq!(code, Some(0), "{l:#?}");
    assert_eq!(
        value(&l, "disk-write"),
        value(&l, "disk-readback"),
        "{l:#?}"
    );
    assert!(
        std::fs::read(&img).unwrap().iter().all(|&b| b == 0),
        "the image is untouched"
    );
    let _ = std::fs::remove_file(img);
}

#[test]
fn linux_gets_an_io_error_from_a_read_only_disk() {
    let img = disk("ro");
    let drive = format!("file={},format=raw,readonly=on,if=virtio", img.display());
    let (l, code) = autotest("write", &["-drive", &drive]);
    assert_eq!(code, Some(0), "{l:#?}");
    assert!(
        l.iter().any(|x| x.starts_with("error: disk write failed")),
        "{l:#?}"
    );
    assert!(std::fs::read(&img).unwrap().iter().all(|&b| b == 0));
    let _ = std::fs::remove_file(img);
}

#[test]
fn linux_interactive_shell_answers() {
    let mut s = Session::start(&[]);
    let at = s.wait_for("gasang: Linux guest ready", BOOT);
    let at = s.wait_for_from(at, "# ", Duration::from_secs(60));
    s.send("echo $((6*7))\n");
    let at = s.wait_for_from(at, "42", Duration::from_secs(60));
    s.send("poweroff -f\n");
    let _ = at;
    assert_eq!(
        s.wait_exit(Duration::from_secs(60)),
        Some(0),
        "{}",
        s.output()
    );
}

#[test]
fn linux_boots_with_the_jit_compiling_early() {
    // The JIT compiles regions after 64 runs (instead of 2048) so that most of the boot
    // runs compiled code, on two harts.
    let mut s = Session::start_with_env(
        &[
            "-smp",
            "2",
            "-append",
            "console=ttyS0 gasang.autotest=basic",
        ],
        &[("GASANG_JIT_THRESHOLD", "64")],
    );
    s.wait_for("AUTOTEST: done", BOOT);
    assert_eq!(s.wait_exit(Duration::from_secs(60)), Some(0));
    let out = s.output();
    assert!(
        out.contains("AUTOTEST: uname: Linux gasang 6.12.117"),
        "{out}"
    );
    assert!(out.contains("AUTOTEST: cpus: 2"), "{out}");
}

#[test]
fn linux_boots_with_either_a_d_scheme() {
    // Default: Svadu (menvcfg.ADUE = 1 at reset). With svade=on the hart faults on A/D
    // instead. Linux 6.12 manages the bits itself either way (it does not list Svadu or
    // Svade in /proc/cpuinfo yet; the device tree's ISA string is checked by tests/dtb.rs).
    for cpu in ["rv64", "rv64,svade=on"] {
        let (l, code) = autotest("1", &["-cpu", cpu]);
        assert_eq!(code, Some(0), "{cpu}: {l:#?}");
        assert!(value(&l, "uname").starts_with("Linux gasang"), "{l:#?}");
    }
}

/// `-global` options selecting QEMU's virtio-mmio transports: none (QEMU's default, the
/// legacy interface, version 1) and version 2.
const TRANSPORTS: [(&str, &[&str]); 2] = [
    ("legacy", &[]),
    ("modern", &["-global", "virtio-mmio.force-legacy=false"]),
];

#[test]
fn linux_disk_works_through_either_virtio_transport() {
    for (name, globals) in TRANSPORTS {
        let img = disk(&format!("transport-{name}"));
        let drive = format!("file={},format=raw,if=none,id=hd0", img.display());
        let mut args = vec![
            "-drive",
            &drive,
            "-device",
            "virtio-blk-device,drive=hd0",
            "-device",
            "virtio-rng-device",
        ];
        args.extend_from_slice(globals);
        let (l, code) = autotest("write", &args);
        assert_eq!(code, Some(0), "{name}: {l:#?}");
        assert_eq!(value(&l, "disk"), "/dev/vda sectors=8192", "{name}");
        assert_eq!(
            value(&l, "disk-write"),
            value(&l, "disk-readback"),
            "{name}"
        );
        let bytes = std::fs::read(&img).unwrap();
        assert_eq!(&bytes[1 << 20..(1 << 20) + 65536], &pattern()[..], "{name}");
        let _ = std::fs::remove_file(img);
    }
}

/// The text after `key` up to the end of its line, in the output after `from`.
fn line_after(out: &str, from: usize, key: &str) -> String {
    let rest = &out[from..];
    let at = rest.find(key).expect("key present") + key.len();
    rest[at..]
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string()
}

#[test]
fn linux_sees_the_transport_version_and_reads_the_rng() {
    for (name, globals) in TRANSPORTS {
        let img = disk(&format!("rng-{name}"));
        let drive = format!("file={},format=raw,if=none,id=d0", img.display());
        let mut args = vec![
            "-drive",
            &drive,
            "-device",
            "virtio-blk-device,drive=d0",
            "-device",
            "virtio-rng-device",
        ];
        args.extend_from_slice(globals);
        let mut s = Session::start(&args);
        let at = s.wait_for("gasang: Linux guest ready", BOOT);
        let at = s.wait_for_from(at, "# ", Duration::from_secs(60));
        // (Each key is split in two quoted halves so that the echoed command line does
        // not contain it.) Feature bit 32 (VIRTIO_F_VERSION_1) is offered by version 2 only; the disk takes
        // the highest slot and is probed first (virtio0), the rng next.
        s.send("d=/sys/bus/virtio/devices; echo \"ID\"\"S=$(cat $d/virtio0/device)/$(cat $d/virtio1/device)\"\n");
        s.send("echo \"V\"\"1=$(cut -c33 $d/virtio0/features)$(cut -c33 $d/virtio1/features)\"\n");
        s.send("echo \"RN\"\"G=$(cat /sys/class/misc/hw_random/rng_current)\"\n");
        s.send("echo \"H\"\"W=$(dd if=/dev/hwrng bs=32 count=1 2>/dev/null | od -An -tx1 | tr -d ' \\n')\"\n");
        s.send("echo E\"\"ND\n");
        s.wait_for_from(at, "\nEND", Duration::from_secs(60));
        let out = s.output();
        assert_eq!(line_after(&out, at, "IDS=0x"), "0002/0x0004", "{name}");
        let v1 = if name == "legacy" { "00" } else { "11" };
        assert_eq!(line_after(&out, at, "V1="), v1, "{name}");
        assert_eq!(line_after(&out, at, "RNG="), "virtio_rng.0", "{name}");
        let hw = line_after(&out, at, "HW=");
        assert_eq!(hw.len(), 64, "{name}: 32 bytes from /dev/hwrng: {hw:?}");
        assert!(hw.chars().any(|c| c != '0'), "{name}: {hw}");
        s.send("poweroff -f\n");
        assert_eq!(s.wait_exit(Duration::from_secs(60)), Some(0), "{name}");
        let _ = std::fs::remove_file(img);
    }
}

#[test]
fn linux_boots_under_engine_check() {
    // The JIT and the interpreter in lockstep through the whole boot and the autotest
    // checks: any difference ends the run with exit status 4 and a report.
    let (l, code) = autotest("1", &["--engine", "check"]);
    assert_eq!(code, Some(0), "{l:#?}");
    assert!(value(&l, "uname").starts_with("Linux gasang"), "{l:#?}");
}

#[test]
fn linux_boots_on_the_interpreter_alone() {
    let (l, code) = autotest("1", &["--engine", "interp"]);
    assert_eq!(code, Some(0), "{l:#?}");
}

#[test]
fn deterministic_runs_are_the_same_on_both_engines() {
    // With time following instructions, the JIT (compiling early, at once, so that most
    // of the boot runs compiled) and the interpreter stop at the same block boundaries:
    // the same console output, byte for byte, and the same instruction count.
    let run = |engine: &str| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_gasang"))
            .args([
                "--deterministic",
                "--engine",
                engine,
                "-smp",
                "2",
                "-append",
                "console=ttyS0 gasang.autotest=basic",
            ])
            .env("GASANG_STATS", "1")
            .env("GASANG_JIT_THRESHOLD", "16")
            .env("GASANG_JIT_BACKGROUND", "0")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{engine}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        let count = err
            .lines()
            .find(|l| l.contains("executed"))
            .unwrap_or_else(|| panic!("no instruction count in {err}"))
            .to_string();
        (String::from_utf8_lossy(&o.stdout).into_owned(), count)
    };
    let (out_i, n_i) = run("interp");
    let (out_j, n_j) = run("jit");
    assert!(out_i.contains("AUTOTEST: done"), "{out_i}");
    assert_eq!(n_i, n_j);
    assert_eq!(out_i, out_j);
}
