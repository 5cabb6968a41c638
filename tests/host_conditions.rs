//! Hostile host conditions: full or closed output, signals at any moment, stdin at its
//! end. gasang keeps its documented exit status and never spins when idle.

mod common;

use std::fs::File;
use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::checks::*;
use common::programs::*;
use common::rom;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

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
