//! Hostile host inputs and conditions: whatever the files, flags, pipes and signals, gasang
//! ends with a documented exit status and (for bad input) one line on stderr, never a
//! panic, a hang or a busy idle loop.

mod common;

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

use common::{gasang, rom};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

/// Generous bound for a run that should end by itself: a guard against hangs, not a
/// timing goal.
const HANG: Duration = Duration::from_secs(120);

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_gasang")
}

fn stderr_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory for this test process.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gasang-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tmp_file(name: &str, bytes: &[u8]) -> String {
    let p = scratch().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// Asserts exit code 2 and exactly one line on stderr containing `needle`.
fn assert_one_line_error(what: &str, o: &Output, needle: &str) {
    let e = stderr_of(o);
    assert_eq!(o.status.code(), Some(2), "{what}: {e}");
    assert_eq!(e.lines().count(), 1, "{what}: expected one line, got: {e}");
    assert!(e.contains(needle), "{what}: expected '{needle}' in: {e}");
}

/// Waits for `child` to exit, killing it (and failing) after [`HANG`].
fn wait(child: &mut Child) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("gasang did not exit within {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A raw RISC-V program: the 32-bit instructions, little-endian.
fn program(insns: &[u32]) -> Vec<u8> {
    insns.iter().flat_map(|i| i.to_le_bytes()).collect()
}

const WFI: u32 = 0x1050_0073;
/// `j .-4` (back to the instruction before).
const J_BACK_4: u32 = 0xffdf_f06f;
/// `j .`
const J_SELF: u32 = 0x0000_006f;

/// M-mode: arms the CLINT timer 98304 ticks (about 10 ms) ahead, waits for it in `wfi`,
/// forever (mie.MTIE set, mstatus.MIE clear: the interrupt ends `wfi` without a trap).
const TIMER_LOOP: [u32; 10] = [
    0x0200_42b7, // lui   t0, 0x2004        (mtimecmp of hart 0)
    0x0200_c337, // lui   t1, 0x200c        (mtime is at t1 - 8)
    0x0800_0393, // li    t2, 0x80          (MTIE)
    0x3043_9073, // csrw  mie, t2
    0xff83_3e03, // 1: ld t3, -8(t1)
    0x0001_8eb7, // lui   t4, 0x18
    0x01de_0e33, // add   t3, t3, t4
    0x01c2_b023, // sd    t3, 0(t0)
    0x1050_0073, // wfi
    0xfedf_f06f, // j     1b
];

/// `sw 0x5555` to the virt board's sifive_test: power off (exit 0).
const POWER_OFF: [u32; 5] = [
    0x0010_02b7, // lui  t0, 0x100          (sifive_test at 0x10_0000)
    0x0000_5337, // lui  t1, 0x5
    0x5553_0313, // addi t1, t1, 0x555
    0x0062_a023, // sw   t1, 0(t0)
    0x0000_006f, // j    .
];

/// A RISC-V ELF64 executable: `code` loaded and entered at `addr` (one PT_LOAD), with a
/// `.text` section and a symbol table of `symbols` (name bytes, address) in it.
fn elf(addr: u64, code: &[u8], symbols: &[(&[u8], u64)]) -> Vec<u8> {
    fn put(f: &mut [u8], at: usize, v: &[u8]) {
        f[at..at + v.len()].copy_from_slice(v);
    }
    let align8 = |f: &mut Vec<u8>| f.resize(f.len().next_multiple_of(8), 0);
    let mut f = vec![0u8; 0x80];
    f.extend_from_slice(code);
    // .strtab
    align8(&mut f);
    let strtab_off = f.len();
    f.push(0);
    let mut names = Vec::new();
    for (name, _) in symbols {
        names.push((f.len() - strtab_off) as u32);
        f.extend_from_slice(name);
        f.push(0);
    }
    let strtab_len = f.len() - strtab_off;
    // .symtab: the null symbol, then global functions in .text (section 1)
    align8(&mut f);
    let symtab_off = f.len();
    f.extend_from_slice(&[0; 24]);
    for ((_, value), name) in symbols.iter().zip(&names) {
        let mut sym = [0u8; 24];
        put(&mut sym, 0, &name.to_le_bytes());
        sym[4] = 0x12; // STB_GLOBAL, STT_FUNC
        put(&mut sym, 6, &1u16.to_le_bytes());
        put(&mut sym, 8, &value.to_le_bytes());
        f.extend_from_slice(&sym);
    }
    let symtab_len = f.len() - symtab_off;
    // .shstrtab
    let shstr_off = f.len();
    f.extend_from_slice(b"\0.text\0.symtab\0.strtab\0.shstrtab\0");
    let shstr_len = f.len() - shstr_off;
    // Section headers: null, .text, .symtab, .strtab, .shstrtab
    align8(&mut f);
    let shoff = f.len();
    /// One section header: name offset, type, flags, address, file offset, size, link,
    /// info, entry size.
    struct Section(u32, u32, u64, u64, usize, usize, u32, u32, u64);
    let sections = [
        Section(0, 0, 0, 0, 0, 0, 0, 0, 0),
        Section(1, 1, 6, addr, 0x80, code.len(), 0, 0, 0),
        Section(7, 2, 0, 0, symtab_off, symtab_len, 3, 1, 24),
        Section(15, 3, 0, 0, strtab_off, strtab_len, 0, 0, 0),
        Section(23, 3, 0, 0, shstr_off, shstr_len, 0, 0, 0),
    ];
    for Section(name, kind, flags, sh_addr, off, size, link, info, entsize) in sections {
        let mut sh = [0u8; 64];
        put(&mut sh, 0, &name.to_le_bytes());
        put(&mut sh, 4, &kind.to_le_bytes());
        put(&mut sh, 8, &flags.to_le_bytes());
        put(&mut sh, 16, &sh_addr.to_le_bytes());
        put(&mut sh, 24, &(off as u64).to_le_bytes());
        put(&mut sh, 32, &(size as u64).to_le_bytes());
        put(&mut sh, 40, &link.to_le_bytes());
        put(&mut sh, 44, &info.to_le_bytes());
        put(&mut sh, 48, &1u64.to_le_bytes());
        put(&mut sh, 56, &entsize.to_le_bytes());
        f.extend_from_slice(&sh);
    }
    // ELF header
    put(&mut f, 0, b"\x7fELF\x02\x01\x01");
    put(&mut f, 16, &2u16.to_le_bytes()); // ET_EXEC
    put(&mut f, 18, &243u16.to_le_bytes()); // EM_RISCV
    put(&mut f, 20, &1u32.to_le_bytes());
    put(&mut f, 24, &addr.to_le_bytes()); // entry
    put(&mut f, 32, &0x40u64.to_le_bytes()); // phoff
    put(&mut f, 40, &(shoff as u64).to_le_bytes());
    put(&mut f, 52, &0x40u16.to_le_bytes()); // ehsize
    put(&mut f, 54, &0x38u16.to_le_bytes()); // phentsize
    put(&mut f, 56, &1u16.to_le_bytes()); // phnum
    put(&mut f, 58, &64u16.to_le_bytes()); // shentsize
    put(&mut f, 60, &5u16.to_le_bytes()); // shnum
    put(&mut f, 62, &4u16.to_le_bytes()); // shstrndx
                                          // PT_LOAD, R+X
    put(&mut f, 0x40, &1u32.to_le_bytes());
    put(&mut f, 0x44, &5u32.to_le_bytes());
    put(&mut f, 0x48, &0x80u64.to_le_bytes());
    put(&mut f, 0x50, &addr.to_le_bytes());
    put(&mut f, 0x58, &addr.to_le_bytes());
    put(&mut f, 0x60, &(code.len() as u64).to_le_bytes());
    put(&mut f, 0x68, &(code.len() as u64).to_le_bytes());
    put(&mut f, 0x70, &8u64.to_le_bytes());
    f
}

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

// --- broken pipes and full disks ----------------------------------------------------

/// Runs gasang with stdout and stderr as given; stdin is empty.
fn run_with(args: &[&str], stdout: Stdio, stderr: Stdio) -> ExitStatus {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .unwrap();
    wait(&mut child)
}

fn dev_full() -> Stdio {
    Stdio::from(File::options().write(true).open("/dev/full").unwrap())
}

/// A pipe whose reading end is already closed: every write fails with EPIPE.
fn closed_pipe() -> Stdio {
    let (r, w) = nix::unistd::pipe().unwrap();
    drop(r);
    Stdio::from(w)
}

#[test]
fn full_or_closed_output_keeps_the_exit_status() {
    let fail = rom("misc-fail_case5");
    let hello = rom("misc-htif_putchar");
    let spin = tmp_file("spin.bin", &program(&[J_SELF]));
    let cases: &[(&[&str], i32)] = &[
        (&["run", &hello], 0),
        (&["run", &fail], 1),
        (&["run", "--frobnicate", &hello], 2),
        (&["run", "--max-insns", "1000", &spin], 3),
        (&["run", "--trace", "--max-insns", "1000", &spin], 3),
        (&["-d", "help"], 0),
        (
            &[
                "-bios",
                "none",
                "-kernel",
                &spin,
                "-d",
                "exec",
                "--max-insns",
                "100000",
            ],
            3,
        ),
        // The bundled Linux writes its boot log to the console.
        (&["--max-insns", "20000000"], 3),
    ];
    for (args, code) in cases {
        for (how, out, err) in [
            ("stdout full", dev_full(), Stdio::null()),
            ("stderr full", Stdio::null(), dev_full()),
            ("both full", dev_full(), dev_full()),
            ("stdout closed", closed_pipe(), Stdio::null()),
            ("stderr closed", Stdio::null(), closed_pipe()),
        ] {
            let st = run_with(args, out, err);
            assert_eq!(st.code(), Some(*code), "{args:?} with {how}: {st}");
        }
    }
}

#[test]
fn reader_that_stops_early_keeps_the_exit_status() {
    // `gasang | head -c 10`: the reader takes 10 bytes of the boot log and goes away.
    let mut child = Command::new(bin())
        .args(["--max-insns", "30000000"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut ten = [0u8; 10];
    out.read_exact(&mut ten).unwrap();
    drop(out);
    assert_eq!(wait(&mut child).code(), Some(3));
}

// --- signals --------------------------------------------------------------------------

/// A free TCP port on 127.0.0.1 (bound and released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Reads the child's stderr until it contains `text` (or ends).
fn stderr_until(child: &mut Child, text: &str) -> String {
    let mut err = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains(text) {
        match err.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    child.stderr = Some(err);
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn signals_end_the_wait_for_gdb() {
    let spin = tmp_file("spin-gdb.bin", &program(&[J_SELF]));
    for sig in [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP] {
        let port = free_port().to_string();
        let mut child = Command::new(bin())
            .args(["-bios", "none", "-kernel", &spin, "-S", "-gdb"])
            .arg(format!("tcp::{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let seen = stderr_until(&mut child, "waiting for gdb");
        assert!(seen.contains("waiting for gdb"), "{sig}: {seen}");
        kill(Pid::from_raw(child.id() as i32), sig).unwrap();
        let st = wait(&mut child);
        assert_eq!(st.code(), Some(143), "{sig}: {st}");
    }
}

#[test]
fn signals_end_a_gdb_session_that_waits_for_gdb() {
    // gdb is attached, the guest stopped, and gdb says nothing (a person at its prompt).
    let spin = tmp_file("spin-gdb-session.bin", &program(&[J_SELF]));
    for sig in [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP] {
        let port = free_port();
        let mut child = Command::new(bin())
            .args(["-bios", "none", "-kernel", &spin, "-S", "-gdb"])
            .arg(format!("tcp::{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let seen = stderr_until(&mut child, "waiting for gdb");
        assert!(seen.contains("waiting for gdb"), "{sig}: {seen}");
        let mut gdb = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        // One exchange, so that the session is surely being served.
        std::io::Write::write_all(&mut gdb, b"$?#3f").unwrap();
        let mut reply = [0u8; 1];
        gdb.read_exact(&mut reply).unwrap();
        assert_eq!(&reply, b"+", "{sig}");
        kill(Pid::from_raw(child.id() as i32), sig).unwrap();
        let st = wait(&mut child);
        assert_eq!(st.code(), Some(143), "{sig}: {st}");
        drop(gdb);
    }
}

/// The resident memory of process `pid` in bytes (0 once it is gone).
fn rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb << 10)
}

#[test]
fn signals_while_images_load_end_the_run() {
    // A kernel that takes a while to unpack (300 MiB of zeros): the signal arrives while
    // the output grows, before any machine exists.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, &vec![0u8; 300 << 20]).unwrap();
    let gz = tmp_file("load-300M.gz", &enc.finish().unwrap());
    for sig in [Signal::SIGINT, Signal::SIGTERM] {
        let mut child = Command::new(bin())
            .args(["-m", "1G", "-bios", "none", "-kernel", &gz])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while rss(child.id()) < 64 << 20 && start.elapsed() < HANG {
            std::thread::sleep(Duration::from_millis(1));
        }
        kill(Pid::from_raw(child.id() as i32), sig).unwrap();
        let st = wait(&mut child);
        let err = stderr_until(&mut child, "\n");
        assert_eq!(st.code(), Some(143), "{sig}: {st}: {err}");
        assert_eq!(err.trim(), "gasang: terminated by a signal", "{sig}");
    }
}

// --- idle guests ------------------------------------------------------------------------

/// User plus system CPU time of process `pid` so far (`/proc/PID/stat`, in USER_HZ = 100
/// ticks per second as the proc ABI fixes it).
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which may hold spaces) start at state, field 3.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 10)
}

#[test]
fn idle_guest_with_stdin_at_eof_sleeps() {
    // `wfi` in a loop, with nothing that could wake it, and with a timer that fires every
    // so often; stdin from /dev/null (at EOF at once) and from a regular file.
    let idle = tmp_file("idle.bin", &program(&[WFI, J_BACK_4]));
    let timer = tmp_file("timer.bin", &program(&TIMER_LOOP));
    let input = tmp_file("input.txt", b"some input\n");
    for (kernel, stdin) in [
        (&idle, "/dev/null"),
        (&timer, "/dev/null"),
        (&timer, input.as_str()),
    ] {
        let mut child = Command::new(bin())
            .args(["-bios", "none", "-kernel", kernel])
            .stdin(File::open(stdin).unwrap())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        std::thread::sleep(Duration::from_secs(3));
        let cpu = cpu_time(child.id());
        let wall = start.elapsed();
        let _ = child.kill();
        let _ = child.wait();
        // A sleeping guest uses well under 1% here, a spinning one all of a core (less
        // when other tests compete for the cores: hence a tenth, not a half).
        assert!(
            cpu < wall / 10,
            "{kernel} with stdin {stdin}: {cpu:?} of CPU in {wall:?}: the idle guest spins"
        );
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
