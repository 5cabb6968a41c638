//! The monitor's commands on a small machine, with QEMU 7.2's output formats.

use emu_core::ClockMode;
use firmware::boot::{BootImages, Image};

use super::*;
use crate::virt::{VirtConfig, VirtExit};

/// `li t0,0x10000000; auipc t2,0; ...`: any code will do; the words are checked.
const CODE: [u8; 16] = [
    0xb7, 0x02, 0x00, 0x10, 0x97, 0x03, 0x00, 0x00, 0x93, 0x83, 0xc3, 0x02, 0x6f, 0x00, 0x00, 0x00,
];

fn config(harts: usize) -> VirtConfig {
    VirtConfig {
        ram_size: 256 << 20,
        harts,
        images: BootImages {
            kernel: Some(Image {
                name: "k".into(),
                bytes: CODE.to_vec(),
            }),
            ..Default::default()
        },
        append: None,
        virtio: Vec::new(),
        virtio_legacy: true,
        dtb: None,
        rtc_start_ns: None,
        rtc_vm_clock: false,
        hart_start: Vec::new(),
        ram_writes: Vec::new(),
        cpu: Default::default(),
        clock: ClockMode::Instructions(10),
    }
}

fn machine(harts: usize) -> VirtMachine {
    VirtMachine::new(&config(harts), Box::new(std::io::sink())).unwrap()
}

fn run(mon: &mut Monitor, m: &mut VirtMachine, cmd: &str) -> String {
    let (text, action) = mon.run(cmd, m);
    assert_eq!(action, None, "{cmd}");
    text
}

#[test]
fn memory_dumps_in_qemus_format() {
    let mut m = machine(1);
    assert_eq!(m.run(None, Some(100), None), VirtExit::InsnLimit(100));
    let mut mon = Monitor::default();
    assert_eq!(
        run(&mut mon, &mut m, "x /4xw 0x80000000"),
        "0000000080000000: 0x100002b7 0x00000397 0x02c38393 0x0000006f\n"
    );
    assert_eq!(
        run(&mut mon, &mut m, "xp /2xg 0x80000000"),
        "0000000080000000: 0x00000397100002b7 0x0000006f02c38393\n"
    );
    // The last format and size stay, as on QEMU.
    assert_eq!(
        run(&mut mon, &mut m, "xp 0x80000008"),
        "0000000080000008: 0x0000006f02c38393\n"
    );
    assert_eq!(
        run(&mut mon, &mut m, "xp /4db 0x80000000"),
        "0000000080000000: 183   2   0  16\n"
    );
    assert_eq!(
        run(&mut mon, &mut m, "xp /2uh 0x80000000"),
        "0000000080000000:   695  4096\n"
    );
    assert_eq!(
        run(&mut mon, &mut m, "xp /1ow 0x80000000"),
        "0000000080000000: 02000001267\n"
    );
    assert_eq!(
        run(&mut mon, &mut m, "xp /4c 0x80000000"),
        "0000000080000000: '\\xb7' '\\x02' '\\x00' '\\x10'\n"
    );
    let dis = run(&mut mon, &mut m, "x /2i $pc");
    assert!(
        dis.starts_with("0x000000008000000c:  0000006f          j"),
        "{dis}"
    );
    // Outside RAM and devices.
    assert_eq!(
        run(&mut mon, &mut m, "xp /2xw 0x70000000"),
        "0000000070000000: Cannot access memory\n"
    );
    assert!(run(&mut mon, &mut m, "x /3q 0").contains("invalid char"));
}

#[test]
fn stop_cont_reset_cpus_and_mtree() {
    let mut m = machine(2);
    let mut mon = Monitor::default();
    run(&mut mon, &mut m, "stop");
    assert!(run(&mut mon, &mut m, "info status").starts_with("VM status: paused\n"));
    // A stopped machine runs nothing.
    let before = m.executed();
    let _ = m.run(None, Some(before + 1000), None);
    run(&mut mon, &mut m, "cont");
    assert!(run(&mut mon, &mut m, "info status").starts_with("VM status: running\n"));
    let cpus = run(&mut mon, &mut m, "info cpus");
    let lines: Vec<&str> = cpus.lines().collect();
    assert_eq!(lines.len(), 2, "{cpus}");
    assert!(lines[0].starts_with("* CPU #0: pc=0x"), "{cpus}");
    assert!(lines[1].starts_with("  CPU #1: pc=0x") && lines[1].contains("thread_id="));
    run(&mut mon, &mut m, "cpu 1");
    assert!(run(&mut mon, &mut m, "info cpus")
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("* CPU #1"));
    assert_eq!(run(&mut mon, &mut m, "cpu 5"), "Invalid CPU index\n");
    let mtree = run(&mut mon, &mut m, "info mtree");
    assert!(mtree.starts_with("address-space: memory\n"), "{mtree}");
    for line in [
        "    0000000000001000-000000000000ffff (prio 0, rom): bootrom",
        "    0000000010000000-00000000100000ff (prio 0, i/o): uart0",
        "    0000000080000000-000000008fffffff (prio 0, ram): ram",
    ] {
        assert!(mtree.lines().any(|l| l == line), "{line}\n{mtree}");
    }
    assert_eq!(
        mon.run("system_reset", &mut m).1,
        Some(MonitorAction::Reset)
    );
    assert_eq!(mon.run("quit", &mut m).1, Some(MonitorAction::Quit));
    m.run_state = RunState::Shutdown;
    assert!(run(&mut mon, &mut m, "cont").contains("Resetting the Virtual Machine is required"));
}

#[test]
fn the_rtc_starts_at_the_configured_time() {
    // -rtc base=2006-06-17T16:01:21 (and deterministic time: the clock starts there).
    let cfg = VirtConfig {
        rtc_start_ns: Some(1_150_560_081_000_000_000),
        ..config(1)
    };
    let mut m = VirtMachine::new(&cfg, Box::new(std::io::sink())).unwrap();
    let lo = m.bus.read(0x10_1000, 4).unwrap();
    let hi = m.bus.read(0x10_1004, 4).unwrap();
    assert_eq!((hi << 32 | lo) / 1_000_000_000, 1_150_560_081);
}
