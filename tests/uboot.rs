//! Debian's U-Boot on the virt board: S-mode U-Boot as OpenSBI's payload, and M-mode
//! U-Boot as the firmware itself. Both must reach the `=>` prompt and answer commands.

mod common;

use std::time::Duration;

use common::Session;

const SMODE: &str = "/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin";
const MMODE: &str = "/usr/lib/u-boot/qemu-riscv64/u-boot.bin";

fn require(path: &str) {
    assert!(
        std::path::Path::new(path).exists(),
        "{path} is missing: run scripts/test.sh, which installs Debian's u-boot-qemu"
    );
}

#[test]
fn smode_uboot_under_opensbi_answers_commands() {
    require(SMODE);
    // -bios default: the bundled OpenSBI fw_dynamic.
    let mut s = Session::start(&["-kernel", SMODE, "-m", "256M", "-smp", "2", "-nographic"]);
    s.wait_for("OpenSBI v1.1", Duration::from_secs(60));
    s.wait_for("Platform HART Count       : 2", Duration::from_secs(10));
    // Stop autoboot and wait for the prompt.
    let at = s.wait_for("Hit any key to stop autoboot", Duration::from_secs(60));
    s.send("\n");
    let at = s.wait_for_from(at, "=> ", Duration::from_secs(60));
    s.send("version\n");
    let at = s.wait_for_from(at, "U-Boot 2023.01", Duration::from_secs(30));
    s.send("fdt addr $fdtcontroladdr; fdt print /chosen\n");
    let at = s.wait_for_from(
        at,
        "stdout-path = \"/soc/serial@10000000\"",
        Duration::from_secs(30),
    );
    s.send("poweroff\n");
    s.wait_for_from(at, "poweroff", Duration::from_secs(30));
    assert_eq!(
        s.wait_exit(Duration::from_secs(30)),
        Some(0),
        "{}",
        s.output()
    );
}

#[test]
fn mmode_uboot_as_firmware_boots() {
    mmode_uboot_boots_with(&[]);
}

#[test]
fn mmode_uboot_boots_on_the_interpreter() {
    mmode_uboot_boots_with(&["--engine", "interp"]);
}

fn mmode_uboot_boots_with(engine: &[&str]) {
    require(MMODE);
    let mut args = vec!["-bios", MMODE, "-nographic"];
    args.extend_from_slice(engine);
    let mut s = Session::start(&args);
    let at = s.wait_for("Hit any key to stop autoboot", Duration::from_secs(60));
    s.send("\n");
    let at = s.wait_for_from(at, "=> ", Duration::from_secs(60));
    // The device tree describes the hart's real ISA.
    s.send("fdt addr $fdtcontroladdr; fdt print /cpus/cpu@0 riscv,isa\n");
    s.wait_for_from(at, "riscv,isa = \"rv64i", Duration::from_secs(30));
}

/// U-Boot's virtio driver speaks both virtio-mmio versions: it reads and writes a disk
/// with QEMU's default (legacy, version 1) and with `force-legacy=false` (version 2).
#[test]
fn smode_uboot_reads_and_writes_a_disk_through_either_virtio_transport() {
    require(SMODE);
    for (name, globals) in [
        ("legacy", &[][..]),
        ("modern", &["-global", "virtio-mmio.force-legacy=false"][..]),
    ] {
        let img =
            std::env::temp_dir().join(format!("gasang-uboot-{name}-{}.img", std::process::id()));
        let mut data = vec![0u8; 4 << 20];
        data[..16].copy_from_slice(b"GASANG-SECTOR-0!");
        std::fs::write(&img, &data).unwrap();
        let drive = format!("file={},format=raw,if=none,id=d0", img.display());
        let mut args = vec![
            "-kernel",
            SMODE,
            "-nographic",
            "-drive",
            &drive,
            "-device",
            "virtio-blk-device,drive=d0",
        ];
        args.extend_from_slice(globals);
        let mut s = Session::start(&args);
        let at = s.wait_for("Hit any key to stop autoboot", Duration::from_secs(60));
        s.send("\n");
        let at = s.wait_for_from(at, "=> ", Duration::from_secs(60));
        s.send("virtio scan; virtio info\n");
        let at = s.wait_for_from(at, "Capacity: 4.0 MB", Duration::from_secs(30));
        s.send("virtio read 0x84000000 0 1; md.b 0x84000000 0x10\n");
        let at = s.wait_for_from(at, "GASANG-SECTOR-0!", Duration::from_secs(30));
        s.send("mw.b 0x84000000 0x5a 0x200; virtio write 0x84000000 5 1\n");
        let at = s.wait_for_from(at, "1 blocks written: OK", Duration::from_secs(30));
        s.send("poweroff\n");
        s.wait_for_from(at, "poweroff", Duration::from_secs(30));
        assert_eq!(s.wait_exit(Duration::from_secs(30)), Some(0), "{name}");
        let disk = std::fs::read(&img).unwrap();
        assert!(disk[5 * 512..6 * 512].iter().all(|&b| b == 0x5a), "{name}");
        assert!(disk[6 * 512..].iter().all(|&b| b == 0), "{name}");
        let _ = std::fs::remove_file(img);
    }
}
