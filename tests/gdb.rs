//! Stock gdb-multiarch debugging a guest on the virt board through gasang's stub:
//! `-s -S`, registers, CSRs, breakpoints, stepi, register writes, watchpoints, kill.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::Session;

const BOOT: Duration = Duration::from_secs(240);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts gasang with `args` plus `-S -gdb tcp::PORT` and waits until the stub listens
/// (it says so on stderr; a probe connection would take the one session it accepts).
fn start_waiting_for_gdb(args: &[&str], env: &[(&str, &str)]) -> (std::process::Child, u16) {
    let port = free_port();
    let spec = format!("tcp::{port}");
    let mut emu = Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(["-S", "-gdb", &spec])
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(emu.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut err, &mut line).unwrap();
    assert!(line.contains("waiting for gdb"), "{line}");
    (emu, port)
}

/// Runs gdb-multiarch in batch mode on `file` with the `-ex` commands; returns its
/// stdout and stderr together.
fn gdb_batch(file: &std::path::Path, timeout_s: u32, commands: &[&str]) -> String {
    let mut cmd = Command::new("timeout");
    // `timeout` bounds the session if the stub ever stops answering.
    cmd.args([&timeout_s.to_string(), "gdb-multiarch", "-nx", "-batch"])
        .arg(file);
    for c in commands {
        cmd.args(["-ex", c]);
    }
    let out = cmd
        .output()
        .expect("gdb-multiarch runs (scripts/test.sh installs the Debian package gdb-multiarch)");
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

/// Boots ROM `name` (`-bios none -kernel`, plus `extra` options and `env`) waiting for
/// gdb, runs gdb-multiarch on it with `target remote` and then `commands`, and returns
/// gdb's output once the emulator is gone.
fn debug_rom(name: &str, extra: &[&str], env: &[(&str, &str)], commands: &[&str]) -> String {
    let rom = common::rom(name);
    let mut args = vec!["-bios", "none", "-kernel", rom.as_str()];
    args.extend_from_slice(extra);
    let (mut emu, port) = start_waiting_for_gdb(&args, env);
    let target = format!("target remote 127.0.0.1:{port}");
    let mut all = vec![target.as_str()];
    all.extend_from_slice(commands);
    let text = gdb_batch(std::path::Path::new(&rom), 120, &all);
    let _ = emu.kill();
    let _ = emu.wait();
    text
}

/// Asserts that `needles` appear in `text` in this order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut at = 0;
    for needle in needles {
        match text[at..].find(needle) {
            Some(i) => at += i + needle.len(),
            None => panic!("{needle:?} missing (in order) from gdb's output:\n{text}"),
        }
    }
}

/// The ROM session: rv64ui-add on the virt board in M-mode, with `extra` options and
/// `env`. gdb puts `break test_5` after what it takes for the prologue: 0x8000205c, the
/// `bne a4,t2,fail` ending test_5.
fn rom_session(extra: &[&str], env: &[(&str, &str)]) {
    let text = debug_rom(
        "rv64ui-add",
        extra,
        env,
        &[
            "info registers pc",
            "x/4i $pc",
            "break test_5",
            "continue",
            "bt",
            "info registers gp",
            "stepi",
            // A 4-byte branch, not taken.
            "p/x $pc",
            // An ebreak gdb writes itself (not through Z0) stops into gdb, and the guest's
            // trap handler never runs (mcause stays 0).
            "set $orig = *(unsigned int *)0x80002064",
            "set *(unsigned int *)0x80002064 = 0x00100073",
            "continue",
            "p/x $pc",
            "p/x $mcause",
            "set *(unsigned int *)0x80002064 = $orig",
            "delete",
            "hbreak test_7",
            "continue",
            "p/x $pc",
            "p/x $mstatus",
            "p $priv",
            "p/x $satp",
            "set $a0 = 42",
            "p $a0",
            "monitor info registers",
            // Past `add a4,ra,sp`: change the sum the guest then checks. test_7 fails, and
            // the guest reports it through tohost: (7 << 1) | 1 = 15.
            "stepi 4",
            "p/x $pc",
            "set $a4 = 42",
            "delete",
            "watch *(long *)&tohost",
            "continue",
            "p/x $pc",
            "detach",
        ],
    );
    assert_in_order(
        &text,
        &[
            "pc             0x1000",
            "=> 0x1000:\tauipc\tt0,0x0",
            "Breakpoint 1 at 0x8000205c",
            "Breakpoint 1, 0x000000008000205c in test_5 ()",
            "#0  0x000000008000205c in test_5 ()",
            "gp             0x5",
            "$1 = 0x80002060",
            "Program received signal SIGTRAP",
            "$2 = 0x80002064",
            "$3 = 0x0",
            "Hardware assisted breakpoint 2 at 0x80002084",
            "Breakpoint 2, 0x0000000080002084 in test_7 ()",
            "$4 = 0x80002084",
            "$5 = 0xa00000000",
            "$6 = 3",
            "$7 = 0x0",
            "$8 = 42",
            "$9 = 0x80002094",
            "Hardware watchpoint 3: *(long *)&tohost",
            "Old value = 0",
            "New value = 15",
            "[Inferior 1 (process 1) detached]",
        ],
    );
    // monitor info registers (its own stream): every CSR, with the a0 gdb wrote.
    for needle in [
        "x10 a0   000000000000002a",
        "mstatus    0000000a00000000",
        "mhartid    0000000000000000",
        "pmpaddr15  0000000000000000",
    ] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
}

/// The bundled kernel's symbols (vmlinux is shipped xz-compressed), in a temporary file.
fn vmlinux(tag: &str) -> std::path::PathBuf {
    let xz = std::fs::read(common::repo().join("firmware/images/vmlinux.xz")).unwrap();
    let mut elf = Vec::new();
    std::io::Read::read_to_end(&mut lzma_rust2::XzReader::new(&xz[..], true), &mut elf).unwrap();
    let path = std::env::temp_dir().join(format!("gasang-vmlinux-{tag}-{}", std::process::id()));
    std::fs::write(&path, elf).unwrap();
    path
}

#[test]
fn gdb_session_on_a_test_rom() {
    // The default engine, the JIT, compiling every region at its first run:
    // breakpoints, stepi and watchpoints must still stop exactly (while any is set the
    // hart runs no compiled code).
    rom_session(&[], &[("GASANG_JIT_THRESHOLD", "1")]);
}

#[test]
fn gdb_session_on_a_test_rom_with_the_interpreter() {
    rom_session(&["--engine", "interp"], &[]);
}

#[test]
fn gdb_session_on_the_bundled_kernel() {
    // Two harts: gdb sees two threads, and a breakpoint only the secondary hart reaches
    // (smp_callin) stops in thread 2.
    let vmlinux = vmlinux("kernel");
    let (mut emu, port) = start_waiting_for_gdb(&["-smp", "2"], &[]);
    let target = format!("target remote 127.0.0.1:{port}");
    let text = gdb_batch(
        &vmlinux,
        300,
        &[
            &target,
            "break start_kernel",
            "continue",
            "p $priv",
            "p/x (unsigned long)$satp >> 60",
            "p/x $mhartid",
            // A kernel virtual address, read through the hart's page table.
            "x/2gx &init_task",
            "monitor info mem",
            "break smp_callin",
            "continue",
            "p/x $mhartid",
            "info threads",
            "bt 1",
            "kill",
        ],
    );
    let _ = emu.kill();
    let _ = emu.wait();
    let _ = std::fs::remove_file(&vmlinux);
    assert_in_order(
        &text,
        &[
            "hit Breakpoint 1, 0xffffffff80400872 in start_kernel ()",
            // S-mode, with paging on (satp.MODE = Sv57 = 10), on hart 0.
            "$1 = 1",
            "$2 = 0xa",
            "$3 = 0x0",
            "<init_task>:\t0x0000000000000000\t0x0000000000000001",
            "[Switching to Thread 1.2]",
            "Thread 2 hit Breakpoint 2, 0xffffffff800070e4 in smp_callin ()",
            "$4 = 0x1",
            "  1    Thread 1.1 ",
            "* 2    Thread 1.2        0xffffffff800070e4 in smp_callin ()",
            "#0  0xffffffff800070e4 in smp_callin ()",
        ],
    );
    // monitor info mem: the kernel image mapped at the top of the address space.
    assert!(
        text.contains("vaddr            paddr            size             attr\n")
            && text.contains("ffffffff80000000 0000000080200000 "),
        "{text}"
    );
}

#[test]
fn gdb_attaches_to_a_running_guest_and_detaches() {
    // -gdb without -S: the guest boots at once; gdb attaches at the shell prompt, stops
    // it, detaches, attaches again; the shell keeps working in between.
    let vmlinux = vmlinux("attach");
    let port = free_port();
    let spec = format!("tcp::{port}");
    let mut s = Session::start(&["-gdb", &spec]);
    s.wait_for(
        &format!("gasang: gdb stub listening on 127.0.0.1:{port}"),
        BOOT,
    );
    let mark = s.wait_for("~ # ", BOOT);
    // A connection that goes away at once (a port probe) is like a detach.
    drop(std::net::TcpStream::connect(("127.0.0.1", port)).unwrap());
    s.send("echo probe-$((6*7))\n");
    let mark = s.wait_for_from(mark, "probe-42", BOOT);
    let target = format!("target remote 127.0.0.1:{port}");
    let text = gdb_batch(
        &vmlinux,
        120,
        &[&target, "p $priv", "info threads", "p/x $pc", "detach"],
    );
    assert_in_order(
        &text,
        &[
            "  Id   Target Id",
            "* 1    Thread 1.1 ",
            "[Inferior 1 (process 1) detached]",
        ],
    );
    // A privilege level: S (1) in the kernel's idle loop, or U (0)/M (3) in between.
    assert!(
        ["$1 = 0", "$1 = 1", "$1 = 3"]
            .iter()
            .any(|p| text.contains(p)),
        "{text}"
    );
    s.send("echo attach-$((6*7))\n");
    s.wait_for_from(mark, "attach-42", BOOT);
    let again = gdb_batch(&vmlinux, 120, &[&target, "p/x $mhartid", "detach"]);
    assert_in_order(&again, &["$1 = 0x0", "[Inferior 1 (process 1) detached]"]);
    s.send("echo again-$((6*7))\n");
    s.wait_for_from(mark, "again-42", BOOT);
    let _ = std::fs::remove_file(&vmlinux);
}

#[test]
fn gdb_steps_into_a_trap_and_watches_reads() {
    // rv64mi-illegal: test_2 executes c.unimp at 0x80002014; a stepi there lands in the
    // M-mode trap handler, as hardware would, with mcause and mepc set.
    let text = debug_rom(
        "rv64mi-illegal",
        &[],
        &[],
        &[
            "break *0x80002014",
            "continue",
            "x/i $pc",
            "stepi",
            "p/x $pc",
            "p/x $mcause",
            "p/x $mepc",
            "kill",
        ],
    );
    assert_in_order(
        &text,
        &[
            "Breakpoint 1, 0x0000000080002014 in test_2 ()",
            "=> 0x80002014 <test_2+16>:\tunimp",
            "in trap_vector ()",
            "$1 = 0x80000004",
            "$2 = 0x2",
            "$3 = 0x80002014",
        ],
    );

    // rv64ui-ld: test_main's first load reads tdat at 0x80003000 (ld a4,0(sp) at
    // 0x80002024). A read watchpoint stops after it with the value; an access watchpoint
    // on the next doubleword fires on the next test's load.
    let text = debug_rom(
        "rv64ui-ld",
        &[],
        &[],
        &[
            "rwatch *(long *)0x80003000",
            "continue",
            "p/x $pc",
            "p/x $a4",
            "delete",
            "awatch *(long *)0x80003008",
            "continue",
            "p/x $a4",
            "kill",
        ],
    );
    assert_in_order(
        &text,
        &[
            "Hardware read watchpoint 1: *(long *)0x80003000",
            "Value = 71777214294589695",
            "$1 = 0x80002028",
            "$2 = 0xff00ff00ff00ff",
            "Hardware access (read/write) watchpoint 2: *(long *)0x80003008",
            "Value = -71777214294589696",
            "$3 = 0xff00ff00ff00ff00",
        ],
    );
}
