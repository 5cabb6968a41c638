//! QEMU-style `-d` traces: the [`Tracer`] that formats a hart's trace events (capstone
//! disassembly, symbol names from the loaded ELF images) and writes them to stderr or
//! the `-D` file.

use std::cell::RefCell;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;

use firmware::LoadedImage;
use frontend_riscv::trace::{PageFaultEvent, TraceFlags, Tracer, TrapEvent};
use frontend_riscv::{HartCore, Inst, Op, Priv};

use crate::disasm::Disassembler;

thread_local! {
    // Capstone handles are not Send: one per thread that traces.
    static DISASSEMBLER: RefCell<Option<Disassembler>> = const { RefCell::new(None) };
}

/// Names of exception causes (priv spec table 3.6), by code.
const EXCEPTIONS: [&str; 16] = [
    "instruction address misaligned",
    "instruction access fault",
    "illegal instruction",
    "breakpoint",
    "load address misaligned",
    "load access fault",
    "store/AMO address misaligned",
    "store/AMO access fault",
    "environment call from U-mode",
    "environment call from S-mode",
    "reserved",
    "environment call from M-mode",
    "instruction page fault",
    "load page fault",
    "reserved",
    "store/AMO page fault",
];

/// Names of interrupts, by code.
fn interrupt_name(code: u64) -> &'static str {
    match code {
        1 => "supervisor software interrupt",
        3 => "machine software interrupt",
        5 => "supervisor timer interrupt",
        7 => "machine timer interrupt",
        9 => "supervisor external interrupt",
        11 => "machine external interrupt",
        _ => "reserved interrupt",
    }
}

fn priv_letter(p: Priv) -> char {
    match p {
        Priv::User => 'U',
        Priv::Supervisor => 'S',
        Priv::Machine => 'M',
    }
}

/// Writes trace events as text. Shared by all harts of a machine.
pub struct TraceLog {
    flags: TraceFlags,
    out: Mutex<Box<dyn Write + Send>>,
    symbols: Vec<LoadedImage>,
}

impl std::fmt::Debug for TraceLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TraceLog")
            .field("flags", &self.flags)
            .finish_non_exhaustive()
    }
}

impl TraceLog {
    /// A log of the events in `flags` written to `file` (created or truncated), or to
    /// stderr when there is none; symbols are looked up in `symbols`.
    pub fn new(
        flags: TraceFlags,
        file: Option<&Path>,
        symbols: Vec<LoadedImage>,
    ) -> std::io::Result<Self> {
        let out: Box<dyn Write + Send> = match file {
            Some(p) => Box::new(BufWriter::new(File::create(p)?)),
            None => Box::new(std::io::stderr()),
        };
        Self::check_disassembler()?;
        Ok(TraceLog {
            flags,
            out: Mutex::new(out),
            symbols,
        })
    }

    /// The events to trace.
    pub fn flags(&self) -> TraceFlags {
        self.flags
    }

    /// Writes out what is buffered.
    pub fn flush(&self) {
        if let Ok(mut o) = self.out.lock() {
            let _ = o.flush();
        }
    }

    fn check_disassembler() -> std::io::Result<()> {
        Disassembler::new()
            .map(drop)
            .map_err(|e| std::io::Error::other(e.to_string()))
    }

    /// ` <symbol+0xoff>` for `addr`, or nothing.
    fn symbol(&self, addr: u64) -> String {
        self.symbols
            .iter()
            .find_map(|img| img.symbolize(addr))
            .map(|(s, off)| {
                if off == 0 {
                    format!(" <{s}>")
                } else {
                    format!(" <{s}+{off:#x}>")
                }
            })
            .unwrap_or_default()
    }

    fn write(&self, text: &str) {
        if let Ok(mut o) = self.out.lock() {
            // A trace that cannot be written (disk full, closed pipe) must not stop the
            // guest.
            let _ = o.write_all(text.as_bytes());
        }
    }
}

fn disassemble(inst: &Inst, pc: u64) -> String {
    DISASSEMBLER.with(|d| {
        let mut d = d.borrow_mut();
        if d.is_none() {
            *d = Disassembler::new().ok();
        }
        d.as_ref()
            .and_then(|d| d.disassemble(inst.raw, inst.len, pc))
            .unwrap_or_else(|| "(unknown)".into())
    })
}

impl Tracer for TraceLog {
    fn block_decoded(&self, hartid: u64, vpc: u64, pa: u64, insts: &[Inst]) {
        let mut s = format!("IN: hart {hartid}{} (pa {pa:#x})\n", self.symbol(vpc));
        let mut pc = vpc;
        for i in insts {
            let raw = if i.len == 2 {
                format!("{:04x}    ", i.raw)
            } else {
                format!("{:08x}", i.raw)
            };
            s += &format!("0x{pc:016x}:  {raw}  {}", disassemble(i, pc));
            // Capstone shows pc-relative offsets: add the target and its symbol.
            if matches!(
                i.op,
                Op::Jal | Op::Beq | Op::Bne | Op::Blt | Op::Bge | Op::Bltu | Op::Bgeu
            ) {
                let target = pc.wrapping_add(i.imm as i64 as u64);
                s += &format!("  # 0x{target:x}{}", self.symbol(target));
            }
            s.push('\n');
            pc = pc.wrapping_add(i.len as u64);
        }
        s.push('\n');
        self.write(&s);
    }

    fn block_start(&self, core: &HartCore) {
        self.write(&format!(
            "Trace {}: 0x{:016x} [{}]{}\n",
            core.hartid,
            core.pc,
            priv_letter(core.priv_level),
            self.symbol(core.pc)
        ));
    }

    fn block_end(&self, core: &HartCore) {
        let mut s = format!(
            " pc       {:016x}  priv {}  hart {}\n mstatus  {:016x}  satp {:016x}\n",
            core.pc,
            priv_letter(core.priv_level),
            core.hartid,
            core.mstatus_value(),
            core.satp
        );
        for (i, name) in crate::regs::ABI.iter().enumerate() {
            s += &format!(" x{i:<2}/{name:<4} {:016x}", core.x[i]);
            s += if i % 4 == 3 { "\n" } else { " " };
        }
        self.write(&s);
    }

    fn trap(&self, e: &TrapEvent) {
        let (kind, name) = if e.interrupt {
            ("interrupt", interrupt_name(e.code))
        } else {
            (
                "exception",
                EXCEPTIONS
                    .get(e.code as usize)
                    .copied()
                    .unwrap_or("reserved"),
            )
        };
        self.write(&format!(
            "int: hart {} {kind} {} ({name}) at pc 0x{:x}{}, tval 0x{:x}: {} -> {}, handler 0x{:x}{}\n",
            e.hartid,
            e.code,
            e.epc,
            self.symbol(e.epc),
            e.tval,
            priv_letter(e.from),
            priv_letter(e.to),
            e.handler,
            self.symbol(e.handler)
        ));
    }

    fn page_fault(&self, e: &PageFaultEvent) {
        let kind = match e.code {
            12 => "fetch",
            13 => "load",
            _ => "store",
        };
        let mode = match e.satp >> 60 {
            0 => "bare",
            8 => "Sv39",
            9 => "Sv48",
            10 => "Sv57",
            _ => "?",
        };
        self.write(&format!(
            "mmu: hart {} {kind} page fault at va 0x{:x} (pc 0x{:x}{}, {}-mode, {mode} root 0x{:x})\n",
            e.hartid,
            e.va,
            e.pc,
            self.symbol(e.pc),
            priv_letter(e.privilege),
            (e.satp & ((1 << 44) - 1)) << 12
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontend_riscv::decode;

    struct Shared(std::sync::Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn formats_blocks_and_traps() {
        let buf = std::sync::Arc::new(Mutex::new(Vec::new()));
        let img = LoadedImage {
            symbols: vec![firmware::Symbol {
                name: "main".into(),
                addr: 0x8000_0000,
                size: 0x100,
            }],
            ..Default::default()
        };
        let log = TraceLog {
            flags: 0,
            out: Mutex::new(Box::new(Shared(buf.clone()))),
            symbols: vec![img],
        };
        // addi a0, zero, 5 ; c.ebreak
        log.block_decoded(
            0,
            0x8000_0000,
            0x8000_0000,
            &[decode(0x0050_0513), decode(0x9002)],
        );
        log.trap(&TrapEvent {
            hartid: 0,
            interrupt: false,
            code: 3,
            tval: 0x8000_0004,
            epc: 0x8000_0004,
            from: Priv::Machine,
            to: Priv::Machine,
            handler: 0x8000_0200,
        });
        let text = String::from_utf8(buf.lock().unwrap().clone()).unwrap();
        assert!(text.contains("IN: hart 0 <main>"), "{text}");
        assert!(
            text.contains("0x0000000080000000:  00500513  addi a0, zero, 5"),
            "{text}"
        );
        assert!(
            text.contains("0x0000000080000004:  9002      c.ebreak"),
            "{text}"
        );
        assert!(
            text.contains("int: hart 0 exception 3 (breakpoint) at pc 0x80000004 <main+0x4>, tval 0x80000004: M -> M, handler 0x80000200\n"),
            "{text}"
        );
    }
}
