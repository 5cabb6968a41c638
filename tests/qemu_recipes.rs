//! The QEMU command lines that the virt board's users publish (OpenSBI's
//! docs/platform/qemu_virt.md, U-Boot's doc/board/emulation/qemu-riscv.rst, buildroot's
//! board/qemu/riscv64-virt/readme.txt, xv6-riscv's Makefile, the Debian wiki, Fedora's
//! and FreeBSD's pages), run with the binary name changed and local stand-ins for their
//! files: each is accepted and boots to a marker, or is refused as README.md's "QEMU
//! command-line compatibility" table says, every refused option on its own line.

mod common;

use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;

use common::{gasang, Session};

const FW_JUMP_ELF: &str = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf";
const FW_JUMP_BIN: &str = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin";
const UBOOT_SMODE_ELF: &str = "/usr/lib/u-boot/qemu-riscv64_smode/uboot.elf";
const UBOOT_SMODE_BIN: &str = "/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin";
const UBOOT_MMODE_BIN: &str = "/usr/lib/u-boot/qemu-riscv64/u-boot.bin";

/// A position-independent stand-in kernel (RV64, any mode): prints
/// "stand-in kernel: hello" on the UART at 0x1000_0000, then powers off through
/// sifive_test at 0x10_0000 (`li t0,0x10000000; la t2,msg; loop: lbu/beqz/sb/addi/j;
/// li t0,0x100000; li t1,0x5555; sw t1,0(t0); wfi; j .-4; msg: .asciz ...`).
const STAND_IN: [u8; 72] = [
    0xb7, 0x02, 0x00, 0x10, 0x97, 0x03, 0x00, 0x00, 0x93, 0x83, 0xc3, 0x02, 0x03, 0xc3, 0x03, 0x00,
    0x63, 0x06, 0x03, 0x00, 0x23, 0x80, 0x62, 0x00, 0x85, 0x03, 0xcd, 0xbf, 0xb7, 0x02, 0x10, 0x00,
    0x15, 0x63, 0x1b, 0x03, 0x53, 0x55, 0x23, 0xa0, 0x62, 0x00, 0x73, 0x00, 0x50, 0x10, 0xf5, 0xbf,
    0x73, 0x74, 0x61, 0x6e, 0x64, 0x2d, 0x69, 0x6e, 0x20, 0x6b, 0x65, 0x72, 0x6e, 0x65, 0x6c, 0x3a,
    0x20, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x0a, 0x00,
];
const MARKER: &str = "stand-in kernel: hello";

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("gasang-recipes-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn file(name: &str, bytes: &[u8]) -> String {
    let p = dir().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// The stand-in as an ELF file with one segment at `addr` (entry there too).
fn stand_in_elf(addr: u64) -> Vec<u8> {
    let mut f = vec![0u8; 0x78];
    f[0..4].copy_from_slice(b"\x7fELF");
    f[4] = 2; // 64-bit
    f[5] = 1; // little-endian
    f[6] = 1;
    f[16..18].copy_from_slice(&2u16.to_le_bytes()); // ET_EXEC
    f[18..20].copy_from_slice(&243u16.to_le_bytes()); // EM_RISCV
    f[20..24].copy_from_slice(&1u32.to_le_bytes());
    f[24..32].copy_from_slice(&addr.to_le_bytes());
    f[32..40].copy_from_slice(&0x40u64.to_le_bytes()); // phoff
    f[52..54].copy_from_slice(&0x40u16.to_le_bytes());
    f[54..56].copy_from_slice(&0x38u16.to_le_bytes());
    f[56..58].copy_from_slice(&1u16.to_le_bytes());
    let ph = &mut f[0x40..0x78];
    ph[0..4].copy_from_slice(&1u32.to_le_bytes()); // PT_LOAD
    ph[4..8].copy_from_slice(&7u32.to_le_bytes()); // RWX
    ph[8..16].copy_from_slice(&0x78u64.to_le_bytes());
    ph[16..24].copy_from_slice(&addr.to_le_bytes());
    ph[24..32].copy_from_slice(&addr.to_le_bytes());
    ph[32..40].copy_from_slice(&(STAND_IN.len() as u64).to_le_bytes());
    ph[40..48].copy_from_slice(&(STAND_IN.len() as u64).to_le_bytes());
    f.extend_from_slice(&STAND_IN);
    f
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `args` (with `--max-insns` as a safety net) and asserts it prints the marker
/// and exits 0 (the stand-in's power-off).
fn boots(args: &[&str]) {
    let mut a = args.to_vec();
    a.extend(["--max-insns", "50000000"]);
    let o = gasang(&a);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(MARKER), "{args:?}: {out}\n{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

/// Asserts `args` is refused: exit 2, one line per refused option, each needle on one.
fn refused(args: &[&str], needles: &[&str]) {
    let o = gasang(args);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
    assert_eq!(e.lines().count(), needles.len(), "{args:?}: {e}");
    for n in needles {
        assert!(
            e.lines().any(|l| l.contains(n)),
            "{args:?}: no '{n}' in {e}"
        );
    }
    assert!(!e.contains("panicked") && !e.contains("error:"), "{e}");
}

/// Waits for U-Boot's banner (the boot got through the firmware to the payload).
fn boots_u_boot(args: &[&str]) {
    if !std::path::Path::new(UBOOT_SMODE_BIN).exists() {
        eprintln!("skipped: u-boot-qemu is not installed");
        return;
    }
    let mut s = Session::start(args);
    s.wait_for("U-Boot 20", Duration::from_secs(60));
}

fn disk(name: &str) -> String {
    file(name, &vec![0u8; 1 << 20])
}

#[test]
fn xv6_makefile() {
    // QEMUOPTS of xv6-riscv's Makefile, 1 and 3 harts (CPUS), default and modern transport.
    let kernel = file("xv6-kernel", &stand_in_elf(0x8000_0000));
    let fs = disk("fs.img");
    let drive = format!("file={fs},if=none,format=raw,id=x0");
    for cpus in ["1", "3"] {
        for global in [&["-global", "virtio-mmio.force-legacy=false"][..], &[][..]] {
            let mut a = vec![
                "-machine",
                "virt",
                "-bios",
                "none",
                "-kernel",
                &kernel,
                "-m",
                "128M",
                "-smp",
                cpus,
                "-nographic",
            ];
            a.extend_from_slice(global);
            a.extend([
                "-drive",
                &drive,
                "-device",
                "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0",
            ]);
            boots(&a);
        }
    }
    // `make qemu-gdb` greps the help for a line starting with -gdb.
    let help = String::from_utf8_lossy(&gasang(&["-help"]).stdout).into_owned();
    assert!(help.lines().any(|l| l.starts_with("-gdb")), "{help}");
}

#[test]
fn opensbi_qemu_virt_md() {
    let payload = file("fw_payload.elf", &stand_in_elf(0x8000_0000));
    let image = file("Image", &STAND_IN);
    let rootfs = disk("rootfs.img");
    let drive = format!("file={rootfs},format=raw,id=hd0");
    let common = [
        "-M", "virt", "-m", "256M", "-display", "none", "-serial", "stdio",
    ];
    // `-kernel fw_payload.elf` with QEMU's default firmware: both at 0x8000_0000. QEMU 7.2
    // refuses it too ("Some ROM regions are overlapping"); -bios none makes it run.
    refused(
        &[&common[..], &["-kernel", &payload]].concat(),
        &["overlap in RAM"],
    );
    boots(&[&common[..], &["-bios", "none", "-kernel", &payload]].concat());
    // fw_jump with the payload put in place by the generic loader (at FW_JUMP_ADDR of
    // Debian's generic fw_jump, 0x8020_0000), and the disk pattern.
    if std::path::Path::new(FW_JUMP_ELF).exists() {
        let loader = format!("loader,file={image},addr=0x80200000");
        boots(
            &[
                &common[..],
                &[
                    "-bios",
                    FW_JUMP_ELF,
                    "-device",
                    &loader,
                    "-drive",
                    &drive,
                    "-device",
                    "virtio-blk-device,drive=hd0",
                    "-append",
                    "root=/dev/vda rw console=ttyS0",
                ],
            ]
            .concat(),
        );
        boots(&[&common[..], &["-bios", FW_JUMP_BIN, "-kernel", &image]].concat());
    }
}

#[test]
fn u_boot_qemu_riscv_rst() {
    if std::path::Path::new(UBOOT_MMODE_BIN).exists() {
        boots_u_boot(&["-nographic", "-machine", "virt", "-bios", UBOOT_MMODE_BIN]);
    }
    // The SPL form: firmware plus a loader blob (stand-ins for both).
    let spl = file("u-boot-spl.bin", &STAND_IN);
    let itb = file("u-boot.itb", &[0x5a; 4096]);
    let loader = format!("loader,file={itb},addr=0x80200000");
    boots(&[
        "-nographic",
        "-machine",
        "virt",
        "-bios",
        &spl,
        "-device",
        &loader,
    ]);
    // The AHCI disk: the virt board here has no PCI.
    refused(
        &[
            "-nographic",
            "-machine",
            "virt",
            "-bios",
            &spl,
            "-device",
            "ich9-ahci,id=ahci",
            "-drive",
            "if=none,file=x.img,format=raw,id=mydisk",
            "-device",
            "ide-hd,drive=mydisk,bus=ahci.0",
        ],
        &["'ich9-ahci' is not supported", "'ide-hd' is not supported"],
    );
}

#[test]
fn buildroot_readme() {
    let image = file("br-Image", &STAND_IN);
    let rootfs = disk("rootfs.ext2");
    let drive = format!("file={rootfs},format=raw,id=hd0");
    let net = [
        "-netdev",
        "user,id=net0",
        "-device",
        "virtio-net-device,netdev=net0",
    ];
    let base = [
        "-M",
        "virt",
        "-bios",
        FW_JUMP_ELF,
        "-kernel",
        &image,
        "-append",
        "rootwait root=/dev/vda ro",
        "-drive",
        &drive,
        "-device",
        "virtio-blk-device,drive=hd0",
    ];
    refused(
        &[&base[..], &net, &["-nographic"]].concat(),
        &[
            "-netdev user,id=net0: networking",
            "virtio-net-device: networking",
        ],
    );
    if std::path::Path::new(FW_JUMP_ELF).exists() {
        boots(&[&base[..], &["-nographic"]].concat());
    }
    // The no-MMU build: -cpu rv64,mmu=off is refused by name.
    let o = gasang(&[
        "-M",
        "virt",
        "-bios",
        "none",
        "-kernel",
        &image,
        "-nographic",
        "-cpu",
        "rv64,mmu=off",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-cpu rv64,mmu=off: "), "{}", stderr(&o));
}

#[test]
fn debian_wiki() {
    let raw = disk("debian.raw");
    let mut qcow2 = b"QFI\xfb\0\0\0\x03".to_vec();
    qcow2.resize(1 << 16, 0);
    let qcow2 = file("debian.qcow2", &qcow2);
    let qcow2_drive = format!("file={qcow2},format=qcow2,id=hd0");
    let net = [
        "-device",
        "virtio-net-device,netdev=usernet",
        "-netdev",
        "user,id=usernet,hostfwd=tcp::22222-:22",
    ];
    let head = [
        "-nographic",
        "-machine",
        "virt",
        "-m",
        "1.9G",
        "-bios",
        FW_JUMP_ELF,
        "-kernel",
        UBOOT_SMODE_ELF,
        "-object",
        "rng-random,filename=/dev/urandom,id=rng0",
        "-device",
        "virtio-rng-device,rng=rng0",
        "-append",
        "console=ttyS0 rw root=/dev/vda1",
        "-device",
        "virtio-blk-device,drive=hd0",
    ];
    // As published: a qcow2 image and user networking.
    refused(
        &[&head[..], &["-drive", &qcow2_drive], &net].concat(),
        &[
            "qcow2 images are not supported yet",
            "-netdev user",
            "virtio-net-device",
        ],
    );
    // The same qcow2 image without format= is probed and refused, not used as raw.
    let probed = format!("file={qcow2},if=none,id=hd0");
    refused(
        &[&head[..], &["-drive", &probed]].concat(),
        &["is a qcow2 image: gasang opens raw images only"],
    );
    // A raw image: OpenSBI's fw_jump.elf and U-Boot's ELF, loaded at their addresses.
    let drive = format!("file={raw},format=raw,id=hd0");
    if std::path::Path::new(FW_JUMP_ELF).exists() {
        boots_u_boot(&[&head[..], &["-drive", &drive]].concat());
    }
}

#[test]
fn fedora_and_freebsd_pages() {
    let raw = disk("fedora.raw");
    let drive = format!("file={raw},format=raw,id=hd0");
    let fedora = [
        "-nographic",
        "-machine",
        "virt",
        "-smp",
        "8",
        "-m",
        "8G",
        "-kernel",
        UBOOT_SMODE_BIN,
        "-object",
        "rng-random,filename=/dev/urandom,id=rng0",
        "-device",
        "virtio-rng-device,rng=rng0",
        "-device",
        "virtio-blk-device,drive=hd0",
        "-drive",
        &drive,
    ];
    refused(
        &[
            &fedora[..],
            &[
                "-device",
                "virtio-net-device,netdev=usernet",
                "-netdev",
                "user,id=usernet,hostfwd=tcp::10000-:22",
            ],
        ]
        .concat(),
        &["virtio-net-device", "-netdev user"],
    );
    boots_u_boot(&fedora);
    if std::path::Path::new(FW_JUMP_ELF).exists() {
        boots_u_boot(&[
            "-machine",
            "virt",
            "-m",
            "2048M",
            "-smp",
            "2",
            "-nographic",
            "-bios",
            FW_JUMP_ELF,
            "-kernel",
            UBOOT_SMODE_ELF,
            "-drive",
            &drive,
            "-device",
            "virtio-blk-device,drive=hd0",
        ]);
    }
}

#[test]
fn console_and_housekeeping_options() {
    let kernel = file("k.bin", &STAND_IN);
    let pid = dir().join("gasang.pid");
    let pid = pid.to_string_lossy();
    for extra in [
        &[
            "-chardev",
            "stdio,id=c,mux=on,signal=off",
            "-serial",
            "chardev:c",
            "-mon",
            "chardev=c",
            "-display",
            "none",
        ][..],
        &[
            "-serial",
            "mon:stdio",
            "-display",
            "none",
            "-vga",
            "none",
            "-k",
            "en-us",
        ][..],
        &[
            "-name",
            "guest0,debug-threads=on",
            "-rtc",
            "base=utc,clock=host",
            "-no-reboot",
            "-accel",
            "tcg,thread=single",
        ][..],
        &[
            "-rtc",
            "base=2006-06-17T16:01:21",
            "-pidfile",
            &pid,
            "-M",
            "virt,acpi=off,aclint=off",
            "-M",
            "virt",
        ][..],
        &[
            "-smp",
            "4,sockets=2,cores=2",
            "-m",
            "1G,slots=2,maxmem=2G",
            "-cpu",
            "rv64",
        ][..],
    ] {
        let mut a = vec!["-bios", "none", "-kernel", &kernel];
        a.extend_from_slice(extra);
        boots(&a);
    }
    assert!(
        !std::path::Path::new(&*pid).exists(),
        "the pid file is removed at exit"
    );
    refused(
        &[
            "-bios",
            "none",
            "-kernel",
            &kernel,
            "-semihosting",
            "-enable-kvm",
            "-M",
            "virt,aia=aplic-imsic",
            "-serial",
            "pty",
            "-nic",
            "user",
            "-icount",
            "shift=auto",
        ],
        &[
            "-semihosting:",
            "-enable-kvm:",
            "aia=aplic-imsic",
            "-serial pty:",
            "-nic user:",
            "-icount",
        ],
    );
}

#[test]
fn no_shutdown_keeps_gasang_after_power_off() {
    let kernel = file("ns.bin", &STAND_IN);
    let pid = dir().join("ns.pid").to_string_lossy().into_owned();
    let mut s = Session::start(&[
        "-bios",
        "none",
        "-kernel",
        &kernel,
        "-no-shutdown",
        "-pidfile",
        &pid,
        "-name",
        "g,process=gasang-ns-test",
    ]);
    s.wait_for("-no-shutdown keeps gasang", Duration::from_secs(20));
    std::thread::sleep(Duration::from_millis(300));
    let written = std::fs::read_to_string(&pid).unwrap();
    let n: i32 = written.trim().parse().unwrap();
    let comm = std::fs::read_to_string(format!("/proc/{n}/comm")).unwrap();
    assert_eq!(
        comm.trim(),
        "gasang-ns-test",
        "-name process= renames the process"
    );
    // (The console's bytes may interleave with gasang's message in the combined output.)
    assert!(s.stdout().contains(MARKER), "{}", s.output());
    // Still there: end it as a user would with a signal (Ctrl-A X needs a terminal).
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &n.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(143));
    assert!(!std::path::Path::new(&pid).exists(), "removed at exit");
}

#[test]
fn dtb_and_generic_loader() {
    // -dtb: the given tree, with /chosen/bootargs set from -append as QEMU does.
    let a = dir().join("a.dtb").to_string_lossy().into_owned();
    let b = dir().join("b.dtb").to_string_lossy().into_owned();
    let kernel = file("dtb-k.bin", &STAND_IN);
    let dump = format!("virt,dumpdtb={a}");
    let o = gasang(&[
        "-M", &dump, "-bios", "none", "-kernel", &kernel, "-append", "old",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = gasang(&[
        "-dtb",
        &a,
        "-bios",
        "none",
        "-kernel",
        &kernel,
        "-append",
        "console=new",
        "--dumpdtb",
        &b,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let blob = std::fs::read(&b).unwrap();
    assert!(blob.windows(12).any(|w| w == b"console=new\0"));
    assert!(!blob.windows(4).any(|w| w == b"old\0"));
    boots(&["-dtb", &a, "-bios", "none", "-kernel", &kernel]);
    let junk = file("junk.dtb", b"not a device tree");
    let o = gasang(&["-dtb", &junk, "-bios", "none", "-kernel", &kernel]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("-dtb: not a valid device tree blob"),
        "{}",
        stderr(&o)
    );

    // -object rng-random reads the file it names.
    let o = gasang(&[
        "-bios",
        "none",
        "-kernel",
        &kernel,
        "-object",
        "rng-random,filename=/nonexistent/rng,id=r",
        "-device",
        "virtio-rng-device,rng=r",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot open /nonexistent/rng for virtio-rng"),
        "{}",
        stderr(&o)
    );
    // The host's reason once, not twice.
    assert_eq!(
        stderr(&o).matches("No such file or directory").count(),
        1,
        "{}",
        stderr(&o)
    );
    let entropy = file("entropy", &[7u8; 4096]);
    let rng = format!("rng-random,filename={entropy},id=r");
    boots(&[
        "-bios",
        "none",
        "-kernel",
        &kernel,
        "-object",
        &rng,
        "-device",
        "virtio-rng-device,rng=r",
    ]);

    // loader,data=: a byte stored after the images (the message's first letter);
    // loader,addr=,cpu-num=: hart 0 starts where the file was loaded.
    let o = gasang(&[
        "-bios",
        "none",
        "-kernel",
        &kernel,
        "-device",
        "loader,addr=0x80000030,data=0x4a,data-len=1",
        "--max-insns",
        "1000000",
    ]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Jtand-in kernel"),
        "{}",
        stderr(&o)
    );
    let loader = format!("loader,file={kernel},addr=0x80200000");
    boots(&[
        "-bios",
        "none",
        "-device",
        &loader,
        "-device",
        "loader,addr=0x80200000,cpu-num=0",
    ]);
    let elf = file("loader.elf", &stand_in_elf(0x8030_0000));
    let loader = format!("loader,file={elf},cpu-num=0");
    boots(&["-bios", "none", "-device", &loader]);
    refused(
        &[
            "-bios",
            "none",
            "-device",
            "loader,addr=0x80000000",
            "-device",
            "loader,data=1",
        ],
        &["cpu_num must be specified", "Both data and data-len"],
    );
}
