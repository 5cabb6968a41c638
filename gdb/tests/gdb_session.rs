//! Stock `gdb-multiarch` against the stub serving a mock hart.

mod common;

use std::time::Duration;

use common::{run_gdb, spawn_server, Mock, SessionEnd, MSTATUS, SATP};
use gdb::{AddressSpace, DisconnectReason};

/// Waits for the server thread to report the end of the session.
fn finish(rx: std::sync::mpsc::Receiver<SessionEnd>) -> (DisconnectReason, Mock) {
    let (result, mock) = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the stub did not finish the session");
    (result.expect("session error"), mock)
}

#[test]
fn registers_step_breakpoint_monitor() {
    let (port, rx) = spawn_server(Mock::new());
    let out = run_gdb(
        port,
        &[
            "info registers pc",
            "p/x $mstatus",
            "p/x $satp",
            "p $priv",
            "info registers priv",
            "set $a0 = 42",
            "p $a0",
            "info registers sp fflags",
            "x/2i $pc",
            "stepi",
            "p/x $pc",
            "break *0x80000010",
            "continue",
            "p/x $pc",
            "stepi",
            "p/x $pc",
            "info threads",
            "info registers",
            "info registers csr",
            "monitor help",
            "monitor info mock",
            "detach",
        ],
    );
    assert!(out.contains("pc             0x80000000"), "{out}");
    assert!(out.contains(&format!("= {MSTATUS:#x}")), "mstatus: {out}");
    assert!(out.contains(&format!("= {SATP:#x}")), "satp: {out}");
    assert!(out.contains("$3 = 3"), "p $priv: {out}");
    assert!(
        out.contains("prv:3 [Machine]"),
        "info registers priv: {out}"
    );
    assert!(out.contains("= 42"), "a0: {out}");
    assert!(out.contains("sp             0x0"), "sp by name: {out}");
    assert!(out.contains("fflags"), "fflags: {out}");
    assert!(out.contains("li\ta0,5"), "disassembly: {out}");
    assert!(out.contains("li\ta1,3"), "disassembly: {out}");
    // stepi over the 4-byte li: pc + 4.
    assert!(out.contains("= 0x80000004"), "stepi: {out}");
    assert!(out.contains("Breakpoint 1 at 0x80000010"), "{out}");
    assert!(
        out.contains("Breakpoint 1, 0x0000000080000010"),
        "continue: {out}"
    );
    // stepi over the 2-byte c.nop: pc + 2.
    assert!(out.contains("= 0x80000012"), "compressed stepi: {out}");
    assert!(out.contains("Thread 1.1"), "threads: {out}");
    assert!(out.contains("a0             0x2a"), "info registers: {out}");
    for csr in ["stimecmp", "menvcfg", "pmpaddr15", "mhartid"] {
        assert!(out.contains(csr), "info registers csr lacks {csr}: {out}");
    }
    assert!(out.contains("phys"), "monitor help: {out}");
    assert!(out.contains("info mock"), "machine help: {out}");
    assert!(
        out.contains("mock pc=0x80000012"),
        "forwarded monitor: {out}"
    );
    assert!(out.contains("[Inferior 1 (process 1) detached]"), "{out}");
    let (reason, mock) = finish(rx);
    assert_eq!(reason, DisconnectReason::Disconnect);
    assert_eq!(mock.x[10], 42);
    assert!(mock.breakpoints.is_empty(), "gdb removed its breakpoint");
}

#[test]
fn watchpoint_unmapped_memory_and_phys_mode() {
    let (port, rx) = spawn_server(Mock::new());
    let out = run_gdb(
        port,
        &[
            "set $t0 = 0x80000800",
            "set $a2 = 0x1234",
            "watch *(long *)0x80000900",
            "continue",
            "p/x $pc",
            "x/1x 0x10",
            "monitor phys",
            "x/1xg 0x80000900",
            "monitor virt",
            "kill",
        ],
    );
    assert!(
        out.contains("Hardware watchpoint 1: *(long *)0x80000900"),
        "{out}"
    );
    assert!(out.contains("Old value = 0"), "{out}");
    assert!(out.contains("New value = 4660"), "{out}");
    // The watchpoint stops after the sd at 0x80000012.
    assert!(out.contains("= 0x80000016"), "{out}");
    assert!(
        out.contains("Cannot access memory at address 0x10"),
        "{out}"
    );
    assert!(!out.contains("0x10:\t0x"), "unmapped read gave data: {out}");
    assert!(out.contains("0x80000900:\t0x0000000000001234"), "{out}");
    assert!(out.contains("physical addresses"), "{out}");
    let (reason, mock) = finish(rx);
    assert_eq!(reason, DisconnectReason::Kill);
    assert_eq!(mock.spaces.last(), Some(&AddressSpace::Physical));
    assert!(mock.spaces.contains(&AddressSpace::Virtual));
}
