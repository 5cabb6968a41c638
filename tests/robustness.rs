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
        // QEMU rounds -m up to 8 KiB: too little for the bundled kernel.
        (&["-m", "1K"], "unpacks to more than the 8 KiB of RAM"),
        (&["-m", "100T"], "at most 1T"),
        (&["-smp", "99"], "-smp 99"),
        (&["-smp", "-1"], "-1"),
        (&["run", "-m", "0", "x.elf"], "RAM size 0"),
        (&["run", "-m", "1K", "x.elf"], "RAM size 1K"),
    ];
    for (args, needle) in cases {
        assert_one_line_error(&format!("{args:?}"), &gasang(args), needle);
    }
    // `-m 0` and `-smp 0` are QEMU's defaults (vl.c: "backward compatibility behaviour
    // for case -m 0"; a zero -smp count is a deprecated topology): the board runs.
    for args in [["-m", "0"], ["-smp", "0"]] {
        let mut a = args.to_vec();
        a.extend(["--max-insns", "1000"]);
        let o = gasang(&a);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr_of(&o));
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
        // Attached to a virtio-blk device, or not (QEMU opens every -drive).
        for interface in ["virtio", "none"] {
            let o = gasang(&["-drive", &format!("file={path},format=raw,if={interface}")]);
            assert_one_line_error(&format!("-drive {path}"), &o, "not a regular file");
        }
        // Not probed either (that would open it).
        let o = gasang(&["-drive", &format!("file={path},if=virtio")]);
        assert_one_line_error(&format!("-drive {path}"), &o, "not a regular file");
    }
    for opt in ["-dtb", "-device"] {
        let arg = match opt {
            "-dtb" => fifo.clone(),
            _ => format!("loader,file={fifo},addr=0x80000000"),
        };
        let o = gasang(&["-bios", "none", opt, &arg]);
        assert_one_line_error(&format!("{opt} {arg}"), &o, "not a regular file");
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
    for interface in ["virtio", "none"] {
        let o = run(&[
            "-drive",
            &format!("file={secret},format=raw,if={interface}"),
        ]);
        assert_one_line_error(&format!("-drive if={interface}"), &o, "permission denied");
    }
}

#[test]
fn images_larger_than_ram_are_refused() {
    // A sparse 64 MiB raw image with 16 MiB of RAM: refused by its size, not read.
    let big = scratch().join("sparse-64M.bin");
    File::create(&big).unwrap().set_len(64 << 20).unwrap();
    let big = big.to_string_lossy().into_owned();
    let loader = format!("loader,file={big},addr=0x80000000");
    for (opt, arg) in [
        ("-kernel", big.as_str()),
        ("-initrd", &big),
        ("-bios", &big),
        ("-dtb", &big),
        ("-device", &loader),
    ] {
        let o = gasang(&["-m", "16M", opt, arg]);
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

#[test]
fn a_given_device_tree_and_loader_files_keep_to_the_trees_real_room() {
    // As in the test above: a kernel at 0x87e1_0000 is past a small device tree (at
    // 0x87e0_0000 with 128 MiB of RAM), inside a 64 KiB one.
    let long = "x".repeat(64 << 10);
    let near = tmp_file("dtb-near.elf", &elf(0x87e1_0000, &program(&POWER_OFF), &[]));
    let low = tmp_file("dtb-low.elf", &elf(0x8000_0000, &program(&POWER_OFF), &[]));
    let base = ["-m", "128M", "-bios", "none", "--max-insns", "1000000"];
    let run = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend(extra);
        gasang(&a)
    };
    // A -dtb file of more than 64 KiB (a dumped tree with a long command line).
    let big_dtb = scratch().join("big-given.dtb");
    let o = run(&[
        "-kernel",
        &low,
        "-append",
        &long,
        "--dumpdtb",
        big_dtb.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let big_dtb = big_dtb.to_string_lossy().into_owned();
    let o = run(&["-kernel", &near, "-dtb", &big_dtb]);
    assert_one_line_error("-dtb over the kernel", &o, "the device tree");
    assert!(stderr_of(&o).contains("overlap"), "{}", stderr_of(&o));
    assert_eq!(
        run(&["-kernel", &low, "-dtb", &big_dtb]).status.code(),
        Some(0)
    );
    // A small -dtb made large by -append is given its real room too.
    let small_dtb = scratch().join("small-given.dtb");
    let dump = small_dtb.to_str().unwrap();
    assert_eq!(
        run(&["-kernel", &low, "--dumpdtb", dump]).status.code(),
        Some(0)
    );
    let o = run(&["-kernel", &near, "-dtb", dump]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let o = run(&["-kernel", &near, "-dtb", dump, "-append", &long]);
    assert_one_line_error("-dtb with a long -append", &o, "overlap");
    // A loader file where a long command line puts the device tree.
    let payload = tmp_file("dtb-payload.bin", &[0x13; 4096]);
    let loader = format!("loader,file={payload},addr=0x87e10000");
    let o = run(&["-kernel", &low, "-device", &loader]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let o = run(&["-kernel", &low, "-device", &loader, "-append", &long]);
    assert_one_line_error("loader file with a long -append", &o, "the device tree");
    assert!(stderr_of(&o).contains("overlap"), "{}", stderr_of(&o));
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
    let rw = format!("file={img},format=raw,if=virtio");
    let ro = format!("file={img},format=raw,if=virtio,readonly=on");
    let snapshot = format!("file={img},format=raw,if=virtio,snapshot=on");
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
    // A -snapshot disk only reads its image: it shares it with readers, not with a writer.
    assert_eq!(open_drives(&[&snapshot, &ro]).status.code(), Some(0));
    let o = open_drives(&[&snapshot, &rw]);
    assert_one_line_error("snapshot and a writer", &o, "\"write\" lock");

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
    // QEMU's drive (this closure adds if=none and the device).
    let qemu_rw = format!("file={img},format=raw");
    let refused = qemu(&qemu_rw).wait_with_output().unwrap();
    let err = stderr_of(&refused);
    assert_ne!(refused.status.code(), Some(0), "{err}");
    assert!(err.contains("Failed to get \"write\" lock"), "QEMU: {err}");
    kill(Pid::from_raw(holder.id() as i32), Signal::SIGTERM).unwrap();
    assert_eq!(wait(&mut holder).code(), Some(143));
    assert_eq!(open_drives(&[&rw]).status.code(), Some(0));

    // And the other way round: gasang stays out of an image QEMU has open. Wait for QEMU
    // to take its lock by looking (F_OFD_GETLK), not by trying: a try takes the lock for
    // a moment, and a QEMU starting at that moment would give up.
    let mut q = qemu(&qemu_rw);
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
fn an_elf_entry_point_far_from_ram_places_nothing_there() {
    // An ELF kernel starts at its lowest load address, as on QEMU, and the initrd goes
    // 128 MiB after that: an entry point near the top of the address space (whose sum with
    // 128 MiB would overflow) is neither jumped to nor used to place the initrd.
    let mut k = elf(0x8000_0000, &program(&POWER_OFF), &[]);
    k[24..32].copy_from_slice(&0xffff_ffff_ffff_f000u64.to_le_bytes());
    let k = tmp_file("high-entry.elf", &k);
    let rd = tmp_file("small.initrd", &[1u8; 4096]);
    let args = ["-m", "256M", "-bios", "none", "-kernel", &k, "-initrd", &rd];
    let o = gasang(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let dtb = scratch().join("high-entry.dtb");
    let mut dump = args.to_vec();
    dump.extend(["--dumpdtb", dtb.to_str().unwrap()]);
    assert_eq!(gasang(&dump).status.code(), Some(0));
    let got = Command::new("fdtget")
        .args(["-t", "x"])
        .arg(&dtb)
        .args(["/chosen", "linux,initrd-start"])
        .output()
        .expect("fdtget (device-tree-compiler) runs");
    assert_eq!(String::from_utf8_lossy(&got.stdout).trim(), "0 88000000");
}
