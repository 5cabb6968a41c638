//! Stock gdb-multiarch debugging a guest on the virt board through gasang's stub:
//! `-s -S`, registers, CSRs, breakpoints, stepi, register writes, watchpoints, kill.

mod common;

use std::process::{Command, Stdio};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts gasang with `args` plus `-S -gdb tcp::PORT` and waits until the stub listens
/// (it says so on stderr; a probe connection would take the one session it accepts).
fn start_waiting_for_gdb(args: &[&str]) -> (std::process::Child, u16) {
    let port = free_port();
    let spec = format!("tcp::{port}");
    let mut emu = Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(["-S", "-gdb", &spec])
        .args(args)
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

#[test]
fn gdb_session_on_a_test_rom() {
    let rom = common::repo().join("test-roms/bin/rv64ui-add.elf");
    let (mut emu, port) =
        start_waiting_for_gdb(&["-bios", "none", "-kernel", rom.to_str().unwrap()]);
    let target = format!("target remote 127.0.0.1:{port}");
    // `timeout` bounds the session if the stub ever stops answering.
    let out = Command::new("timeout")
        .args(["120", "gdb-multiarch", "-nx", "-batch"])
        .arg(&rom)
        .args([
            "-ex",
            &target,
            "-ex",
            "info registers pc",
            "-ex",
            "x/2i $pc",
            "-ex",
            "break test_5",
            "-ex",
            "continue",
            "-ex",
            "info registers gp",
            "-ex",
            "stepi",
            "-ex",
            "p/x $pc",
            "-ex",
            "p/x $mstatus",
            "-ex",
            "p $priv",
            "-ex",
            "set $a0 = 42",
            "-ex",
            "p $a0",
            "-ex",
            "delete 1",
            "-ex",
            "watch *(long *)&tohost",
            "-ex",
            "continue",
            "-ex",
            "kill",
        ])
        .output()
        .expect("gdb-multiarch runs (scripts/test.sh installs the Debian package gdb-multiarch)");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let _ = emu.kill();
    let _ = emu.wait();
    for needle in [
        "pc             0x1000",
        "=> 0x1000:\tauipc\tt0,0x0",
        "Breakpoint 1, ",
        "in test_5 ()",
        "gp             0x5",
        "$1 = 0x80002060",
        "$2 = 0xa00000000",
        "$3 = 3",
        "$4 = 42",
        "Hardware watchpoint 2: *(long *)&tohost",
        "Old value = 0",
        "New value = 1",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} missing from gdb's output:\n{text}"
        );
    }
}

#[test]
fn gdb_session_on_the_bundled_kernel() {
    // The kernel's symbols (vmlinux is shipped xz-compressed).
    let xz = std::fs::read(common::repo().join("firmware/images/vmlinux.xz")).unwrap();
    let mut elf = Vec::new();
    lzma_rs::xz_decompress(&mut &xz[..], &mut elf).unwrap();
    let vmlinux = std::env::temp_dir().join(format!("gasang-vmlinux-{}", std::process::id()));
    std::fs::write(&vmlinux, elf).unwrap();
    let (mut emu, port) = start_waiting_for_gdb(&[]);
    let target = format!("target remote 127.0.0.1:{port}");
    let out = Command::new("timeout")
        .args(["300", "gdb-multiarch", "-nx", "-batch"])
        .arg(&vmlinux)
        .args([
            "-ex",
            &target,
            "-ex",
            "break start_kernel",
            "-ex",
            "continue",
            "-ex",
            "p $priv",
            "-ex",
            "p/x (unsigned long)$satp >> 60",
            "-ex",
            "x/2gx &init_task",
            "-ex",
            "kill",
        ])
        .output()
        .expect("gdb-multiarch runs (scripts/test.sh installs the Debian package gdb-multiarch)");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let _ = emu.kill();
    let _ = emu.wait();
    let _ = std::fs::remove_file(&vmlinux);
    for needle in [
        "in start_kernel ()",
        // S-mode, with paging on (satp.MODE = Sv57 = 10), reading a kernel virtual address.
        "$1 = 1",
        "$2 = 0xa",
        "<init_task>:\t0x0000000000000000\t0x0000000000000001",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} missing from gdb's output:\n{text}"
        );
    }
}
