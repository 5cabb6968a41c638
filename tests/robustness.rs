//! Hostile host inputs: whatever the files and flags, gasang ends with exit status 2 and
//! one line on stderr (or runs the guest), never a panic, a hang or a silent corruption.

mod common;

use std::fs::File;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::checks::*;
use common::programs::*;
use common::{gasang, rom};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

// --- gasang run: tiny files ---------------------------------------------------------

#[test]
fn run_refuses_empty_and_tiny_files() {
    for len in 0..4 {
        let p = tmp_file(&format!("tiny{len}.bin"), &vec![0x13; len]);
        let o = gasang(&["run", &p]);
        assert_one_line_error(&format!("{len} bytes"), &o, "too short for a program");
    }
    // One whole instruction is a program (here `j .`, stopped by the limit).
    let p = tmp_file("one-insn.bin", &program(&[J_SELF]));
    let o = gasang(&["run", "--max-insns", "100", &p]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
}

// --- sizes and counts ------------------------------------------------------------------

#[test]
fn impossible_ram_sizes_and_hart_counts_are_one_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["-m", "0"], "RAM size 0"),
        (&["-m", "1K"], "RAM size 1K"),
        (&["-m", "100T"], "larger than 1T"),
        (&["-smp", "0"], "-smp 0"),
        (&["-smp", "99"], "-smp 99"),
        (&["-smp", "-1"], "-1"),
        (&["run", "-m", "0", "x.elf"], "RAM size 0"),
    ];
    for (args, needle) in cases {
        assert_one_line_error(&format!("{args:?}"), &gasang(args), needle);
    }
    // More RAM than the host can map: one line, or (on a host that can) a normal run.
    let o = gasang(&["-m", "1T", "--max-insns", "1000"]);
    match o.status.code() {
        Some(2) => assert_one_line_error("-m 1T", &o, "cannot map"),
        Some(3) => {}
        other => panic!("-m 1T: {other:?}: {}", stderr_of(&o)),
    }
}

// --- images: only regular files, never more than RAM ---------------------------------

#[test]
fn images_must_be_regular_files() {
    let dir = scratch().join("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.to_string_lossy().into_owned();
    let fifo = scratch().join("a-fifo");
    let _ = std::fs::remove_file(&fifo);
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
    let fifo = fifo.to_string_lossy().into_owned();
    // A FIFO nobody writes to would block the open: it is refused before.
    for path in ["/dev/zero", dir.as_str(), fifo.as_str()] {
        for opt in ["-kernel", "-initrd", "-bios"] {
            let o = gasang(&["-m", "128M", opt, path]);
            assert_one_line_error(&format!("{opt} {path}"), &o, "not a regular file");
        }
        let o = gasang(&["run", path]);
        assert_one_line_error(&format!("run {path}"), &o, "not a regular file");
        let o = gasang(&["-drive", &format!("file={path},format=raw")]);
        assert_one_line_error(&format!("-drive {path}"), &o, "not a regular file");
    }
}

#[test]
fn unreadable_images_are_one_line() {
    use std::os::unix::fs::PermissionsExt;
    // Root reads anything: run gasang as nobody then (setpriv, from util-linux).
    let as_root = nix::unistd::geteuid().is_root();
    let run = |args: &[&str]| -> Output {
        let mut cmd = if as_root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin()]);
            c
        } else {
            Command::new(bin())
        };
        cmd.args(args).output().expect("gasang (or setpriv) runs")
    };
    let secret = tmp_file("unreadable.img", &[0u8; 4096]);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    if !as_root {
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    // The scratch directory must let nobody reach the file, to be refused by the file.
    std::fs::set_permissions(scratch(), std::fs::Permissions::from_mode(0o755)).unwrap();
    for opt in ["-kernel", "-initrd", "-bios"] {
        assert_one_line_error(opt, &run(&[opt, &secret]), "Permission denied");
    }
    assert_one_line_error("run", &run(&["run", &secret]), "Permission denied");
    let o = run(&["-drive", &format!("file={secret},format=raw")]);
    assert_one_line_error("-drive", &o, "permission denied");
}

#[test]
fn images_larger_than_ram_are_refused() {
    // A sparse 64 MiB raw image with 16 MiB of RAM: refused by its size, not read.
    let big = scratch().join("sparse-64M.bin");
    File::create(&big).unwrap().set_len(64 << 20).unwrap();
    let big = big.to_string_lossy().into_owned();
    for opt in ["-kernel", "-initrd", "-bios"] {
        let o = gasang(&["-m", "16M", opt, &big]);
        assert_one_line_error(opt, &o, "larger than the 16 MiB of RAM");
    }
    let o = gasang(&["run", "-m", "16M", &big]);
    assert_one_line_error("run", &o, "larger than the 16 MiB of RAM");
}

#[test]
fn compressed_images_unpacking_past_ram_are_refused() {
    let xz = common::repo()
        .join("tests/data/zeros-300M.xz")
        .to_string_lossy()
        .into_owned();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, &vec![0u8; 300 << 20]).unwrap();
    let gz = tmp_file("zeros-300M.gz", &enc.finish().unwrap());
    for bomb in [&xz, &gz] {
        for opt in ["-kernel", "-bios"] {
            let o = gasang(&["-m", "128M", opt, bomb]);
            assert_one_line_error(
                &format!("{opt} {bomb}"),
                &o,
                "unpacks to more than the 128 MiB of RAM",
            );
        }
    }
}

// --- the device tree and a long -append ---------------------------------------------

#[test]
fn long_append_never_overwrites_the_kernel() {
    let long = "x".repeat(64 << 10);
    // 0x87e1_0000 is just past the 64 KiB the device tree used to be given at 0x87e0_0000
    // (the top 2 MiB of 128 MiB of RAM). A short command line boots the kernel there.
    let near = tmp_file("fdt-near.elf", &elf(0x87e1_0000, &program(&POWER_OFF), &[]));
    let args = [
        "-m",
        "128M",
        "-bios",
        "none",
        "--max-insns",
        "1000000",
        "-kernel",
    ];
    let mut short = args.to_vec();
    short.extend([near.as_str(), "-append", "console=ttyS0"]);
    let o = gasang(&short);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    // 64 KiB of -append makes the device tree reach into the kernel: refused, in one line,
    // instead of writing it over the kernel's code.
    let mut overlap = args.to_vec();
    overlap.extend([near.as_str(), "-append", &long]);
    let o = gasang(&overlap);
    assert_one_line_error("long -append", &o, "the device tree");
    assert!(stderr_of(&o).contains("overlap"), "{}", stderr_of(&o));
    // Past the device tree's real end the kernel boots, and the guest gets all of it.
    let far = tmp_file("fdt-far.elf", &elf(0x87e2_0000, &program(&POWER_OFF), &[]));
    let mut boot = args.to_vec();
    boot.extend([far.as_str(), "-append", &long]);
    let o = gasang(&boot);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let dtb = scratch().join("long-append.dtb");
    let mut dump = boot.clone();
    dump.extend(["--dumpdtb", dtb.to_str().unwrap()]);
    assert_eq!(gasang(&dump).status.code(), Some(0));
    let got = Command::new("fdtget")
        .arg(&dtb)
        .args(["/chosen", "bootargs"])
        .output()
        .expect("fdtget (device-tree-compiler) runs");
    assert_eq!(String::from_utf8_lossy(&got.stdout).trim_end(), long);
    // A device tree larger than RAM is one clear error too.
    let tiny = tmp_file("fdt-tiny.elf", &elf(0x8000_0000, &program(&POWER_OFF), &[]));
    let o = gasang(&[
        "-m", "64K", "-bios", "none", "-kernel", &tiny, "-append", &long,
    ]);
    assert_one_line_error("64K of RAM", &o, "the device tree");
}

// --- ELF files: names that are not UTF-8, corrupt tables ------------------------------

#[test]
fn elf_symbols_that_are_not_utf8_are_accepted() {
    // A riscv-tests ROM whose `_start` is renamed to bytes that are not UTF-8: it runs,
    // and traces name the symbol lossily.
    let mut f = std::fs::read(rom("rv64ui-add")).unwrap();
    let at = f.windows(7).position(|w| w == b"_start\0").unwrap();
    f[at] = 0xff;
    let p = tmp_file("not-utf8.elf", &f);
    let o = gasang(&["run", "--trace", &p]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let first = stderr_of(&o).lines().next().unwrap_or_default().to_string();
    assert!(
        first.starts_with("0x0000000080000000 <\u{fffd}start+0x0>"),
        "{first}"
    );
    // The same on the virt board, with the ELF as -kernel.
    let k = tmp_file(
        "not-utf8-kernel.elf",
        &elf(
            0x8000_0000,
            &program(&POWER_OFF),
            &[(b"\xfe\xffboot", 0x8000_0000)],
        ),
    );
    let o = gasang(&["-bios", "none", "-kernel", &k, "-d", "exec"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("[M] <\u{fffd}\u{fffd}boot>"),
        "{}",
        stderr_of(&o)
    );
}

#[test]
fn corrupt_elf_files_are_one_line_in_our_words() {
    let good = elf(0x8000_0000, &program(&POWER_OFF), &[(b"boot", 0x8000_0000)]);
    let mut cases: Vec<(Vec<u8>, &str)> = Vec::new();
    let mut class = good.clone();
    class[4] = 9;
    cases.push((class, "unknown ELF class 9"));
    let mut phnum = good.clone();
    phnum[56..58].copy_from_slice(&0xffffu16.to_le_bytes());
    cases.push((phnum, "the program headers"));
    let mut shnum = good.clone();
    shnum[60..62].copy_from_slice(&0xffffu16.to_le_bytes());
    cases.push((shnum, "the section headers"));
    let cut = good.len() - 1;
    cases.push((good[..cut].to_vec(), "the section headers"));
    for (i, (f, needle)) in cases.into_iter().enumerate() {
        let p = tmp_file(&format!("corrupt{i}.elf"), &f);
        for args in [
            vec!["run", p.as_str()],
            vec!["-bios", "none", "-kernel", p.as_str()],
        ] {
            let o = gasang(&args);
            assert_one_line_error(&format!("{args:?}"), &o, needle);
            for goblin_word in ["Malformed", "bad input", "scroll", "too big", "utf8"] {
                assert!(!stderr_of(&o).contains(goblin_word), "{}", stderr_of(&o));
            }
        }
    }
}

// --- disk images: one writer ------------------------------------------------------------

/// `gasang --dumpdtb` with `drives`: it opens (and locks) them, and exits at once.
fn open_drives(drives: &[&str]) -> Output {
    let mut args = vec!["-bios", "none", "-kernel"];
    let spin = tmp_file("spin-drive.bin", &program(&[J_SELF]));
    args.push(&spin);
    for d in drives {
        args.extend(["-drive", d]);
    }
    let dtb = scratch().join("drives.dtb");
    args.extend(["--dumpdtb", dtb.to_str().unwrap()]);
    gasang(&args)
}

#[test]
fn a_disk_image_has_one_writer() {
    let img = tmp_file("one-writer.img", &vec![0u8; 1 << 20]);
    let rw = format!("file={img},format=raw");
    let ro = format!("file={img},format=raw,readonly=on");
    // Within one command line.
    assert_eq!(open_drives(&[&rw]).status.code(), Some(0));
    let o = open_drives(&[&rw, &rw]);
    assert_one_line_error("two -drive", &o, "cannot get the \"write\" lock");
    let o = open_drives(&[&rw, &ro]);
    assert_one_line_error(
        "-drive and readonly",
        &o,
        "cannot get the shared \"write\" lock",
    );
    assert_eq!(open_drives(&[&ro, &ro]).status.code(), Some(0));

    // A running gasang (waiting for gdb, its disks open) keeps others out: a second
    // gasang, and QEMU, which takes the same locks.
    let spin = tmp_file("spin-holder.bin", &program(&[J_SELF]));
    let port = free_port().to_string();
    let mut holder = Command::new(bin())
        .args([
            "-bios", "none", "-kernel", &spin, "-drive", &rw, "-S", "-gdb",
        ])
        .arg(format!("tcp::{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let seen = stderr_until(&mut holder, "waiting for gdb");
    assert!(seen.contains("waiting for gdb"), "{seen}");
    let o = open_drives(&[&rw]);
    assert_one_line_error("second gasang", &o, "is another process");
    let o = open_drives(&[&ro]);
    assert_one_line_error("second gasang, read-only", &o, "shared \"write\" lock");
    let qemu = |drive: &str| {
        Command::new("qemu-system-riscv64")
            .args(["-M", "virt", "-S", "-display", "none", "-monitor", "none"])
            .args(["-serial", "none", "-bios", "none", "-drive"])
            .arg(format!("{drive},if=none,id=d0"))
            .args(["-device", "virtio-blk-device,drive=d0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("qemu-system-riscv64 runs")
    };
    let refused = qemu(&rw).wait_with_output().unwrap();
    let err = stderr_of(&refused);
    assert_ne!(refused.status.code(), Some(0), "{err}");
    assert!(err.contains("Failed to get \"write\" lock"), "QEMU: {err}");
    kill(Pid::from_raw(holder.id() as i32), Signal::SIGTERM).unwrap();
    assert_eq!(wait(&mut holder).code(), Some(143));
    assert_eq!(open_drives(&[&rw]).status.code(), Some(0));

    // And the other way round: gasang stays out of an image QEMU has open. Wait for QEMU
    // to take its lock by looking (F_OFD_GETLK), not by trying: a try takes the lock for
    // a moment, and a QEMU starting at that moment would give up.
    let mut q = qemu(&rw);
    let start = Instant::now();
    while !write_lock_taken(&img) {
        if let Some(st) = q.try_wait().unwrap() {
            panic!("QEMU exited ({st}): {}", stderr_until(&mut q, "\n"));
        }
        assert!(start.elapsed() < HANG, "QEMU never locked {img}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = open_drives(&[&rw]);
    let _ = q.kill();
    let _ = q.wait();
    assert_one_line_error("QEMU holds the image", &o, "cannot get the \"write\" lock");
}

/// Whether some process holds QEMU's "write" permission lock (byte 101) on `path`.
fn write_lock_taken(path: &str) -> bool {
    use nix::fcntl::{fcntl, FcntlArg};
    use nix::libc;
    let f = File::open(path).unwrap();
    let mut probe = libc::flock {
        l_type: libc::F_WRLCK as libc::c_short,
        l_whence: libc::SEEK_SET as libc::c_short,
        l_start: 101,
        l_len: 1,
        l_pid: 0,
    };
    fcntl(&f, FcntlArg::F_OFD_GETLK(&mut probe)).unwrap();
    probe.l_type != libc::F_UNLCK as libc::c_short
}

#[test]
fn an_initrd_after_an_entry_point_far_from_ram_is_one_line() {
    // The initrd goes 128 MiB after the kernel's entry point: near the top of the address
    // space that is past RAM (and the sum must not overflow).
    let mut k = elf(0x8000_0000, &program(&POWER_OFF), &[]);
    k[24..32].copy_from_slice(&0xffff_ffff_ffff_f000u64.to_le_bytes());
    let k = tmp_file("high-entry.elf", &k);
    let rd = tmp_file("small.initrd", &[1u8; 4096]);
    let o = gasang(&["-bios", "none", "-kernel", &k, "-initrd", &rd]);
    assert_one_line_error("high entry", &o, "does not fit in RAM");
}
