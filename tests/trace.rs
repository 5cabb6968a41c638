//! QEMU-style `-d` traces: the text of each item on ROMs whose behaviour is known.

mod common;

use std::path::PathBuf;

use common::{gasang, rom};

fn log_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gasang-trace-{}-{name}.log", std::process::id()))
}

/// Runs `gasang run -d ITEMS -D LOG rom`, expects a pass, returns the log.
fn traced(items: &str, rom_name: &str) -> String {
    let log = log_path(&format!("{rom_name}-{items}"));
    let o = gasang(&[
        "run",
        "-d",
        items,
        "-D",
        log.to_str().unwrap(),
        &rom(rom_name),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty(), "with -D nothing goes to stderr");
    let text = std::fs::read_to_string(&log).expect("the trace file exists");
    let _ = std::fs::remove_file(&log);
    text
}

#[test]
fn in_asm_and_int_on_a_trapping_rom() {
    // rv64mi-illegal: test_2 executes c.unimp (0x0000) at test_2+0x10, which traps to
    // trap_vector in M-mode with mtval = 0.
    let t = traced("in_asm,int", "rv64mi-illegal");
    assert!(t.contains("IN: hart 0 <_start> (pa 0x80000000)\n"), "{t}");
    assert!(
        t.contains("0x0000000080000000:  a819      c.j 0x16  # 0x80000016 <reset_vector>\n"),
        "{t}"
    );
    assert!(
        t.contains("0x0000000080000064:  30529073  csrw mtvec, t0\n"),
        "{t}"
    );
    assert!(
        t.contains("0x0000000080002014:  0000      c.unimp\n"),
        "{t}"
    );
    let trap = "int: hart 0 exception 2 (illegal instruction) at pc 0x80002014 <test_2+0x10>, \
                tval 0x0: M -> M, handler 0x80000004 <trap_vector>\n";
    assert!(t.contains(trap), "{t}");
    // The trap comes after the block that raised it was shown, and each block is shown
    // once (the handler runs many times).
    assert!(t.find("c.unimp").unwrap() < t.find(trap).unwrap());
    assert_eq!(t.matches("IN: hart 0 <trap_vector>").count(), 1, "{t}");
    // Only the items asked for.
    assert!(!t.contains("Trace ") && !t.contains("mmu:"), "{t}");
}

#[test]
fn mmu_reports_page_faults_with_the_access() {
    // rv64vm-perm test_2 loads from a page without R in S-mode under Sv39.
    let t = traced("mmu,int", "rv64vm-perm");
    let fault = "mmu: hart 0 load page fault at va 0x10018 (pc 0x8000228a <test_2+0x44>, \
                 S-mode, Sv39 root 0x80008000)\n";
    assert!(t.contains(fault), "{t}");
    let trap = "int: hart 0 exception 13 (load page fault) at pc 0x8000228a <test_2+0x44>, \
                tval 0x10018: S -> M";
    let at = t.find(fault).unwrap();
    assert!(
        t[at..].starts_with(fault) && t[at + fault.len()..].starts_with(trap),
        "{t}"
    );
    assert!(
        t.contains("mmu: hart 0 fetch page fault at va 0x10000"),
        "{t}"
    );
}

#[test]
fn exec_and_cpu_follow_the_blocks() {
    let t = traced("exec,cpu", "rv64mi-illegal");
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "Trace 0: 0x0000000080000000 [M] <_start>");
    // After the first block (c.j to reset_vector) the registers show the new pc.
    assert_eq!(lines[1], " pc       0000000080000016  priv M  hart 0");
    assert!(lines[3].starts_with(" x0 /zero 0000000000000000"), "{t}");
    assert!(
        t.contains("Trace 0: 0x0000000080000016 [M] <reset_vector>\n"),
        "{t}"
    );
    assert!(
        t.contains("Trace 0: 0x0000000080000004 [M] <trap_vector>\n"),
        "{t}"
    );
    // test_2 sets gp = 2 (the test number) before trapping.
    let trap_entry = t.find("Trace 0: 0x0000000080000004").unwrap();
    assert!(
        t[..trap_entry].contains(" x3 /gp   0000000000000002"),
        "{t}"
    );
}

#[test]
fn traces_go_to_stderr_without_d_file() {
    let o = gasang(&["run", "-d", "int", &rom("rv64mi-ebreak")]);
    assert_eq!(o.status.code(), Some(0));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("exception 3 (breakpoint) at pc 0x"),
        "breakpoint trap on stderr: {e}"
    );
}

#[test]
fn bad_trace_options_are_one_line_errors() {
    for (args, needle) in [
        (
            vec!["run", "-d", "in_asm,bogus", "x.elf"],
            "unknown trace item 'bogus'",
        ),
        (vec!["run", "-D", "/tmp/x.log", "x.elf"], "give -d too"),
        (
            vec![
                "run",
                "-d",
                "int",
                "-D",
                "/nonexistent-dir/x.log",
                &rom("rv64mi-ebreak"),
            ],
            "cannot open the trace file",
        ),
        (vec!["-d", "exec,nope"], "unknown trace item 'nope'"),
    ] {
        let o = gasang(&args);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert_eq!(e.lines().count(), 1, "{args:?}: {e}");
        assert!(e.contains(needle), "{args:?}: {e}");
    }
}

#[test]
fn d_help_lists_the_items() {
    let o = gasang(&["-d", "help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    for item in ["in_asm", "exec", "cpu", "int", "mmu"] {
        assert!(out.lines().any(|l| l.starts_with(item)), "{out}");
    }
}

#[test]
fn virt_board_traces_with_kernel_symbols() {
    // The bundled kernel on the virt board: the first traps of OpenSBI and Linux, with
    // symbols from the bundled vmlinux. --max-insns keeps it short.
    let log = log_path("virt");
    let o = gasang(&[
        "-d",
        "int",
        "-D",
        log.to_str().unwrap(),
        "--max-insns",
        "60000000",
        "--deterministic",
    ]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let t = std::fs::read_to_string(&log).unwrap();
    let _ = std::fs::remove_file(&log);
    // Linux turns on paging with stvec pointing at the virtual address of
    // relocate_enable_mmu's continuation: the first S-mode trap is that fetch fault.
    assert!(
        t.contains("int: hart 0 exception 12 (instruction page fault) at pc 0x80200088, tval 0x80200088: S -> S, handler 0xffffffff80000088 <relocate_enable_mmu+0x48>"),
        "{t}"
    );
    assert!(t.contains("<handle_exception>"), "{t}");
}
