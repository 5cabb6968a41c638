//! A fake one-hart machine for the stub's tests, and helpers to run gdb against it.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use gdb::{
    AddressSpace, BreakpointKind, DebugTarget, DisconnectReason, MemoryError, Register, StopReason,
    WatchKind,
};

/// Where the fake RAM starts.
pub const RAM_BASE: u64 = 0x8000_0000;
/// Fake RAM size.
pub const RAM_SIZE: usize = 0x1000;

/// The program at `RAM_BASE`, from `riscv64-unknown-elf-as -march=rv64gc`:
/// ```text
///    0: 00500513  li   a0,5          (4 bytes)
///    4: 458d      c.li a1,3          (2)
///    6: 00b50633  add  a2,a0,a1      (4)
///    a: 0001      c.nop              (2)
///    c: 00100693  li   a3,1          (4)
///   10: 0001      c.nop              (2)
///   12: 10c2b023  sd   a2,256(t0)    (4)
///   16: a001      c.j  16            (2, loops forever)
/// ```
pub const PROGRAM: [u8; 24] = [
    0x13, 0x05, 0x50, 0x00, 0x8d, 0x45, 0x33, 0x06, 0xb5, 0x00, 0x01, 0x00, 0x93, 0x06, 0x10, 0x00,
    0x01, 0x00, 0x23, 0xb0, 0xc2, 0x10, 0x01, 0xa0,
];

/// The mock's mstatus (MPP = M, UXL = SXL = 64).
pub const MSTATUS: u64 = 0xa_0000_1800;
/// The mock's satp (Sv39, a made-up root page).
pub const SATP: u64 = 0x8000_0000_0008_0123;

/// A tiny fake hart: it only models instruction lengths, `sd` and `c.j`.
pub struct Mock {
    pub x: [u64; 32],
    pub pc: u64,
    pub f: [u64; 32],
    pub csrs: HashMap<u16, u64>,
    pub privilege: u64,
    pub ram: Vec<u8>,
    pub breakpoints: Vec<u64>,
    pub watchpoints: Vec<(u64, u64, WatchKind)>,
    /// Address spaces the stub asked for, in order (to check `monitor phys`).
    pub spaces: Vec<AddressSpace>,
}

impl Default for Mock {
    fn default() -> Self {
        Self::new()
    }
}

impl Mock {
    /// The hart at `RAM_BASE` in M-mode with [`PROGRAM`] loaded.
    pub fn new() -> Self {
        let mut ram = vec![0; RAM_SIZE];
        ram[..PROGRAM.len()].copy_from_slice(&PROGRAM);
        let mut csrs = HashMap::new();
        for (n, v) in [
            (0x300, MSTATUS),
            (0x180, SATP),
            (0x301, 0x8000_0000_0014_112d),
            (0xf14, 0),
            (0x001, 0),
            (0x002, 0),
            (0x003, 0),
        ] {
            csrs.insert(n, v);
        }
        Mock {
            x: [0; 32],
            pc: RAM_BASE,
            f: [0; 32],
            csrs,
            privilege: 3,
            ram,
            breakpoints: Vec::new(),
            watchpoints: Vec::new(),
            spaces: Vec::new(),
        }
    }

    fn ram_range(&self, addr: u64, len: usize) -> Result<usize, MemoryError> {
        let off = addr.wrapping_sub(RAM_BASE);
        if addr < RAM_BASE || off >= RAM_SIZE as u64 {
            return Err(MemoryError { addr });
        }
        let off = off as usize;
        if off + len > RAM_SIZE {
            return Err(MemoryError {
                addr: RAM_BASE + RAM_SIZE as u64,
            });
        }
        Ok(off)
    }

    fn fetch(&self) -> (u32, u64) {
        let off = (self.pc - RAM_BASE) as usize;
        let lo = u16::from_le_bytes([self.ram[off], self.ram[off + 1]]) as u32;
        if lo & 3 != 3 {
            return (lo, 2);
        }
        let hi = u16::from_le_bytes([self.ram[off + 2], self.ram[off + 3]]) as u32;
        (lo | hi << 16, 4)
    }

    /// Executes one instruction; a hit watchpoint comes back as the stop.
    fn execute(&mut self) -> Option<StopReason> {
        let (insn, len) = self.fetch();
        if insn == 0xa001 {
            return None; // c.j . : pc stays
        }
        let mut stop = None;
        if len == 4 && insn & 0x7f == 0x23 && (insn >> 12) & 7 == 3 {
            let rs1 = ((insn >> 15) & 31) as usize;
            let rs2 = ((insn >> 20) & 31) as usize;
            let imm = ((((insn >> 25) << 5) | ((insn >> 7) & 31)) as i32) << 20 >> 20;
            let addr = self.x[rs1].wrapping_add(imm as i64 as u64);
            let off = self.ram_range(addr, 8).expect("mock sd outside RAM");
            self.ram[off..off + 8].copy_from_slice(&self.x[rs2].to_le_bytes());
            for &(a, l, kind) in &self.watchpoints {
                if kind != WatchKind::Read && addr < a + l && a < addr + 8 {
                    stop = Some(StopReason::Watchpoint {
                        hart: 0,
                        kind,
                        addr,
                    });
                }
            }
        }
        self.pc += len;
        stop
    }
}

impl DebugTarget for Mock {
    fn hart_count(&self) -> usize {
        1
    }

    fn read_register(&mut self, _hart: usize, reg: Register) -> Option<u64> {
        match reg {
            Register::X(0) => Some(0),
            Register::X(i) => Some(self.x[i as usize]),
            Register::Pc => Some(self.pc),
            Register::F(i) => Some(self.f[i as usize]),
            Register::Csr(n) => self.csrs.get(&n).copied(),
            Register::Priv => Some(self.privilege),
        }
    }

    fn write_register(&mut self, _hart: usize, reg: Register, value: u64) -> bool {
        match reg {
            Register::X(0) => {}
            Register::X(i) => self.x[i as usize] = value,
            Register::Pc => self.pc = value,
            Register::F(i) => self.f[i as usize] = value,
            Register::Csr(n) => match self.csrs.get_mut(&n) {
                Some(v) => *v = value,
                None => return false,
            },
            Register::Priv => self.privilege = value,
        }
        true
    }

    fn read_memory(
        &mut self,
        _hart: usize,
        addr: u64,
        buf: &mut [u8],
        space: AddressSpace,
    ) -> Result<(), MemoryError> {
        self.spaces.push(space);
        let off = self.ram_range(addr, buf.len())?;
        buf.copy_from_slice(&self.ram[off..off + buf.len()]);
        Ok(())
    }

    fn write_memory(
        &mut self,
        _hart: usize,
        addr: u64,
        data: &[u8],
        space: AddressSpace,
    ) -> Result<(), MemoryError> {
        self.spaces.push(space);
        let off = self.ram_range(addr, data.len())?;
        self.ram[off..off + data.len()].copy_from_slice(data);
        Ok(())
    }

    fn step(&mut self, hart: usize) -> StopReason {
        self.execute().unwrap_or(StopReason::Stepped { hart })
    }

    fn resume(&mut self, interrupted: &mut dyn FnMut() -> bool) -> StopReason {
        loop {
            if interrupted() {
                return StopReason::Interrupted { hart: 0 };
            }
            if self.breakpoints.contains(&self.pc) {
                return StopReason::Breakpoint { hart: 0 };
            }
            if let Some(stop) = self.execute() {
                return stop;
            }
        }
    }

    fn set_breakpoint(&mut self, addr: u64, _kind: BreakpointKind, on: bool) -> bool {
        if on {
            self.breakpoints.push(addr);
        } else {
            self.breakpoints.retain(|&a| a != addr);
        }
        true
    }

    fn set_watchpoint(&mut self, addr: u64, len: u64, kind: WatchKind, on: bool) -> bool {
        if on {
            self.watchpoints.push((addr, len, kind));
        } else {
            self.watchpoints.retain(|&w| w != (addr, len, kind));
        }
        true
    }

    fn monitor(&mut self, _hart: usize, cmd: &str, out: &mut String) -> bool {
        match cmd {
            "help" => out.push_str("  info mock   the mock's state\n"),
            "info mock" => out.push_str(&format!("mock pc={:#x}\n", self.pc)),
            _ => return false,
        }
        true
    }
}

/// How long one gdb run may take before it is killed.
pub const GDB_TIMEOUT: Duration = Duration::from_secs(60);

/// How a served session ended: the stub's result and the mock it left.
pub type SessionEnd = (Result<DisconnectReason, gdb::GdbError>, Mock);

/// Serves `mock` on an ephemeral 127.0.0.1 port in a thread; returns the port and a
/// receiver for the session's end (the disconnect reason and the mock).
pub fn spawn_server(mut mock: Mock) -> (u16, mpsc::Receiver<SessionEnd>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let (conn, _) = listener.accept().expect("accept");
        let result = gdb::serve(&mut mock, conn);
        let _ = tx.send((result, mock));
    });
    (port, rx)
}

/// Runs `gdb-multiarch --batch -nx` with `commands` as `-ex` arguments after connecting
/// to `port`; returns its output (stdout and stderr interleaved). Kills gdb after [`GDB_TIMEOUT`].
pub fn run_gdb(port: u16, commands: &[&str]) -> String {
    let gdb = "gdb-multiarch";
    if Command::new(gdb).arg("--version").output().is_err() {
        panic!("{gdb} not found: install the Debian package `gdb-multiarch` to run these tests");
    }
    // Through sh so stderr joins stdout in order (errors land where they happened).
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "exec \"$0\" \"$@\" 2>&1", gdb, "--batch", "-nx"])
        .args(["-ex", "set architecture riscv:rv64"])
        .args(["-ex", "set remotetimeout 20"])
        .args(["-ex", &format!("target remote 127.0.0.1:{port}")]);
    for c in commands {
        cmd.args(["-ex", c]);
    }
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn gdb-multiarch");
    let mut stdout = child.stdout.take().unwrap();
    let out_thread = thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let mut timed_out = false;
    while child.try_wait().expect("wait for gdb").is_none() {
        if start.elapsed() > GDB_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break;
        }
        thread::sleep(Duration::from_millis(20));
    }
    let out = out_thread.join().unwrap();
    assert!(!timed_out, "gdb timed out after {GDB_TIMEOUT:?}:\n{out}");
    println!("---- gdb transcript ----\n{out}------------------------");
    out
}
