//! The `gasang run` command line: exit codes and one-line errors.

mod common;

use std::process::Output;

use common::{gasang, rom};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("gasang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// Asserts exit code 2 and exactly one line on stderr containing `needle`.
fn assert_one_line_error(o: &Output, needle: &str) {
    let e = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {e}");
    assert_eq!(e.lines().count(), 1, "expected one line, got: {e}");
    assert!(e.contains(needle), "expected '{needle}' in: {e}");
    assert!(!e.contains("panicked"), "{e}");
}

#[test]
fn passing_rom_exits_zero() {
    let o = gasang(&["run", &rom("rv64ui-add")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn failing_rom_exits_one_and_names_the_case() {
    let o = gasang(&["run", &rom("misc-fail_case5")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("test case 5"), "{}", stderr(&o));
}

#[test]
fn truncated_elf_is_one_clear_error() {
    let full = std::fs::read(rom("rv64ui-add")).unwrap();
    for cut in [20, 100, full.len() / 2] {
        let p = tmp_file(&format!("trunc{cut}.elf"), &full[..cut]);
        let o = gasang(&["run", &p]);
        assert_one_line_error(&o, "ELF");
    }
}

#[test]
fn foreign_elf_is_refused() {
    // The test binary itself is an ELF for the host, not for RISC-V.
    let me = std::env::current_exe().unwrap();
    let o = gasang(&["run", me.to_str().unwrap()]);
    assert_one_line_error(&o, "not a RISC-V 64-bit");
}

#[test]
fn missing_file_and_bad_flags() {
    assert_one_line_error(&gasang(&["run", "/nonexistent/x.elf"]), "cannot read");
    assert_one_line_error(
        &gasang(&["run", "--frobnicate", &rom("rv64ui-add")]),
        "--frobnicate",
    );
    assert_one_line_error(&gasang(&["run", "-m", "12Q", &rom("rv64ui-add")]), "12Q");
    assert_one_line_error(
        &gasang(&["run", "--max-insns", "many", &rom("rv64ui-add")]),
        "many",
    );
    // 8 KiB of RAM cannot hold the ROM.
    assert_one_line_error(
        &gasang(&["run", "-m", "8K", &rom("rv64ui-add")]),
        "does not fit",
    );
}

#[test]
fn instruction_limit_stops_a_runaway_guest() {
    // A raw binary: `j .` forever, and no tohost.
    let p = tmp_file("loop.bin", &0x0000_006fu32.to_le_bytes());
    let o = gasang(&["run", "--max-insns", "10000", &p]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("10000 instructions"), "{}", stderr(&o));
}

#[test]
fn trace_shows_disassembly_registers_and_traps() {
    let o = gasang(&["run", "--trace", &rom("rv64ui-add")]);
    assert_eq!(o.status.code(), Some(0));
    let e = stderr(&o);
    // The environment's first instruction, a compressed jump, disassembled by capstone.
    assert!(
        e.lines()
            .next()
            .unwrap()
            .starts_with("0x0000000080000000 <_start+0x0>"),
        "{e}"
    );
    assert!(e.contains(" add a4, ra, sp"), "{e}");
    assert!(e.contains("x14 = 0x"), "{e}");
    let p = tmp_file("ill.bin", &0u32.to_le_bytes());
    let o = gasang(&["run", "--trace", "--max-insns", "3", &p]);
    assert!(stderr(&o).contains("trap: IllegalInst"), "{}", stderr(&o));
}

#[test]
fn virt_board_bad_inputs_are_one_line_errors() {
    let odd = tmp_file("odd.img", &[0u8; 1000]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["-kernel", "/nonexistent/Image"],
            "cannot read /nonexistent/Image",
        ),
        (
            &["-initrd", "/nonexistent/initrd"],
            "cannot read /nonexistent/initrd",
        ),
        (
            &["-bios", "/nonexistent/fw.bin"],
            "cannot read /nonexistent/fw.bin",
        ),
        (
            &["-drive", "file=/nonexistent/disk.img,format=raw,if=virtio"],
            "/nonexistent/disk.img",
        ),
        (
            &["-drive", &format!("file={odd},format=raw,if=virtio")],
            "512",
        ),
        (
            &["-drive", "file=x.img,format=qcow2"],
            "qcow2 images are not supported yet",
        ),
        (&["-drive", "format=raw"], "file=PATH"),
        (&["-device", "e1000"], "e1000"),
        (
            &["-device", "virtio-blk-device,drive=nope"],
            "no -drive with id=nope",
        ),
        (&["-smp", "9"], "-smp 9"),
        (&["-machine", "sifive_u"], "gasang's board is 'virt'"),
        (&["-netdev", "user,id=n0"], "-netdev user,id=n0: networking"),
        (&["-S"], "-S waits for gdb"),
        (&["-gdb", "udp::1234"], "udp::1234"),
        (&["-m", "2M"], "use a larger -m"),
    ];
    for (args, needle) in cases {
        let o = gasang(args);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert_eq!(
            e.lines().count(),
            1,
            "{args:?}: expected one line, got: {e}"
        );
        assert!(e.contains(needle), "{args:?}: expected '{needle}' in: {e}");
    }
}

#[test]
fn trap_loop_exits_three_with_the_limit_or_without() {
    for extra in [&[][..], &["--max-insns", "1000"][..]] {
        let mut args = vec!["run"];
        args.extend_from_slice(extra);
        let r = rom("exit-trap_loop");
        args.push(&r);
        let o = gasang(&args);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
}

#[test]
fn cpu_option_selects_svade() {
    // rv64vm-ad probes menvcfg.ADUE: present by default (Svadu) and with svadu=on, absent
    // with svade=on. The ROM passes either way; a bad property is one line, exit 2.
    for cpu in ["rv64", "rv64,svade=on", "rv64,svade=on,svadu=on"] {
        let o = gasang(&["run", "--cpu", cpu, &rom("rv64vm-ad")]);
        assert_eq!(o.status.code(), Some(0), "{cpu}: {}", stderr(&o));
    }
    // Page tables without A/D bits run by default and fault under Svade, as on QEMU.
    for r in ["rv64vm-noad_sv39", "rv64vm-noad_sv48"] {
        assert_eq!(gasang(&["run", &rom(r)]).status.code(), Some(0), "{r}");
        let o = gasang(&["run", "--cpu", "rv64,svade=on", &rom(r)]);
        assert_eq!(o.status.code(), Some(1), "{r}");
        assert!(stderr(&o).contains("test case 2"), "{}", stderr(&o));
    }
    assert_one_line_error(
        &gasang(&["run", "--cpu", "rv64,v=on", &rom("rv64ui-add")]),
        "'v'",
    );
}

#[test]
fn cpu_option_turns_extensions_off() {
    // zba=off: the first sh1add is an illegal instruction (tval = its bits), so the
    // ROM fails its first case; Zbb off leaves Zba alone.
    let o = gasang(&[
        "run",
        "--cpu",
        "rv64,zba=off",
        "-d",
        "int",
        &rom("rv64uzb-shadd"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("test case 2"), "{e}");
    let trap = e
        .lines()
        .find(|l| l.starts_with("int:"))
        .unwrap_or_default();
    assert!(trap.contains("exception 2 (illegal instruction)"), "{e}");
    assert!(trap.contains("tval 0x20"), "sh1add's bits: {e}");
    let o = gasang(&["run", "--cpu", "rv64,Zbb=false", &rom("rv64uzb-shadd")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        gasang(&["run", "--cpu", "rv64,zbb=off", &rom("rv64uzb-andn")])
            .status
            .code(),
        Some(1)
    );
    // rv64mi-ext_off follows misa: without C a jump to a 2-mod-4 target faults and a
    // 16-bit instruction is illegal, without F mstatus.FS stays Off, without D, M, A
    // their instructions are illegal. The strict build (exact mtval, mepc[1] masked,
    // AMOs illegal) with the interpreter and the JIT; the default build on QEMU too.
    let off = "rv64,c=off,f=off,d=off,m=off,a=off";
    let strict = rom("rv64mi-ext_off_strict");
    let o = gasang(&["run", "--cpu", off, &strict]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The JIT compiling every block at its first run.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(["run", "--jit", "--cpu", off, &strict])
        .env("GASANG_JIT_THRESHOLD", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "jit: {}", stderr(&o));
    let qemu = std::process::Command::new("qemu-system-riscv64")
        .args(["-M", "spike", "-cpu", off, "-bios", "none", "-nographic"])
        .args(["-monitor", "none", "-kernel", &rom("rv64mi-ext_off")])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("qemu-system-riscv64 runs (scripts/test.sh installs it)");
    assert_eq!(qemu.status.code(), Some(0), "QEMU: {}", stderr(&qemu));
    // What the hart lacks cannot be turned on; what it needs cannot go.
    assert_one_line_error(
        &gasang(&["run", "--cpu", "rv64,zicbom=on", &rom("rv64ui-add")]),
        "'zicbom' is not implemented",
    );
    assert_one_line_error(
        &gasang(&["run", "--cpu", "rv64,f=off,d=on", &rom("rv64ui-add")]),
        "'d' requires 'f'",
    );
}

/// The count in the line "gasang: executed N instructions" (`--stats`, `GASANG_STATS=1`),
/// if present.
fn executed(o: &Output) -> Option<u64> {
    stderr(o).lines().find_map(|l| {
        l.strip_prefix("gasang: executed ")?
            .strip_suffix(" instructions")?
            .parse()
            .ok()
    })
}

#[test]
fn stats_prints_the_instruction_count() {
    let r = rom("coremark-like-small");
    // Stopped by the limit: the limit, or a few more to finish the block.
    let o = gasang(&["run", "--stats", "--max-insns", "12345", &r]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        executed(&o).is_some_and(|n| (12345..12345 + 64).contains(&n)),
        "{}",
        stderr(&o)
    );
    // The whole run: the same count on the interpreter and the JIT (~7.6 M).
    let interp = gasang(&["run", "--stats", &r]);
    assert_eq!(interp.status.code(), Some(0), "{}", stderr(&interp));
    let n = executed(&interp).expect("a count");
    assert!((7_000_000..8_000_000).contains(&n), "{n}");
    let jit = gasang(&["run", "--stats", "--jit", &r]);
    assert_eq!(jit.status.code(), Some(0), "{}", stderr(&jit));
    assert_eq!(executed(&jit), Some(n));
    // Without --stats: no count.
    assert_eq!(executed(&gasang(&["run", &r])), None);
    // GASANG_STATS=1 asks for it too.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(["run", &r])
        .env("GASANG_STATS", "1")
        .output()
        .unwrap();
    assert_eq!(executed(&o), Some(n));
}

#[test]
fn stats_on_the_virt_board() {
    let r = common::repo().join("test-roms/bin/qemu-virt/rv64si-sstc.elf");
    let r = r.to_str().unwrap();
    let stats = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gasang"))
            .args(args)
            .env("GASANG_STATS", "1")
            .output()
            .unwrap()
    };
    let o = stats(&["-bios", "none", "-nographic", "-kernel", r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(executed(&o).is_some_and(|n| n > 1000), "{}", stderr(&o));
    let o = gasang(&["-bios", "none", "-nographic", "-kernel", r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(executed(&o), None, "no count without GASANG_STATS");
    let o = stats(&[
        "--max-insns",
        "500",
        "-bios",
        "none",
        "-nographic",
        "-kernel",
        r,
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        executed(&o).is_some_and(|n| (500..500 + 64).contains(&n)),
        "{}",
        stderr(&o)
    );
}
