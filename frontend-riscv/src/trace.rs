//! Trace events (QEMU's `-d` items): what the hart reports to a [`Tracer`] when tracing
//! is on. The hart only checks [`HartCore::trace_flags`] (one load and branch per block
//! when tracing is off); formatting and output belong to the tracer.

use crate::hart::HartCore;
use crate::inst::Inst;
use crate::trap::Priv;

/// Which events to trace: a set of the `TRACE_*` bits.
pub type TraceFlags = u32;

/// `in_asm`: each block when it is first decoded (per hart: each hart has its own cache).
pub const TRACE_IN_ASM: TraceFlags = 1 << 0;
/// `exec`: each block (or uncached instruction) as it starts to execute.
pub const TRACE_EXEC: TraceFlags = 1 << 1;
/// `cpu`: the registers after each block.
pub const TRACE_CPU: TraceFlags = 1 << 2;
/// `int`: every trap and interrupt taken.
pub const TRACE_INT: TraceFlags = 1 << 3;
/// `mmu`: every page fault raised by a translation.
pub const TRACE_MMU: TraceFlags = 1 << 4;

/// The trace items by their QEMU names, with a one-line description each.
pub const TRACE_ITEMS: [(&str, TraceFlags, &str); 5] = [
    (
        "in_asm",
        TRACE_IN_ASM,
        "show the guest code of each block when it is decoded",
    ),
    (
        "exec",
        TRACE_EXEC,
        "show each block (pc, symbol) as it starts to run",
    ),
    ("cpu", TRACE_CPU, "show the registers after each block"),
    ("int", TRACE_INT, "show every trap and interrupt taken"),
    ("mmu", TRACE_MMU, "show every page fault"),
];

/// Parses a QEMU-style `-d` list (`in_asm,int`). `all` means every item.
pub fn parse_trace_items(list: &str) -> Result<TraceFlags, String> {
    let mut flags = 0;
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if item == "all" {
            flags |= TRACE_ITEMS.iter().fold(0, |a, i| a | i.1);
            continue;
        }
        match TRACE_ITEMS.iter().find(|i| i.0 == item) {
            Some(i) => flags |= i.1,
            None => {
                let known: Vec<&str> = TRACE_ITEMS.iter().map(|i| i.0).collect();
                return Err(format!(
                    "unknown trace item '{item}' (known: {}, all)",
                    known.join(", ")
                ));
            }
        }
    }
    if flags == 0 {
        return Err("empty trace item list".into());
    }
    Ok(flags)
}

/// A trap as `-d int` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrapEvent {
    /// The hart.
    pub hartid: u64,
    /// Interrupt (true) or exception.
    pub interrupt: bool,
    /// The exception or interrupt code (without the interrupt bit).
    pub code: u64,
    /// The value written to `xtval`.
    pub tval: u64,
    /// The pc the trap was taken at (written to `xepc`).
    pub epc: u64,
    /// The privilege level before the trap.
    pub from: Priv,
    /// The privilege level the handler runs in.
    pub to: Priv,
    /// The handler's address (the new pc).
    pub handler: u64,
}

/// A page fault as `-d mmu` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageFaultEvent {
    /// The hart.
    pub hartid: u64,
    /// The faulting virtual address.
    pub va: u64,
    /// The exception code (12 fetch, 13 load, 15 store/AMO).
    pub code: u64,
    /// The pc of the access.
    pub pc: u64,
    /// `satp` at the time.
    pub satp: u64,
    /// The effective privilege of the access.
    pub privilege: Priv,
}

/// Receives the events a hart traces. Implementations must not touch the hart.
pub trait Tracer: Send + Sync {
    /// A block of `insts` at virtual `vpc` (physical `pa`) was decoded.
    fn block_decoded(&self, hartid: u64, vpc: u64, pa: u64, insts: &[Inst]);
    /// A block (or one uncached instruction) at `core.pc` starts to execute.
    fn block_start(&self, core: &HartCore);
    /// A block finished (or trapped): `core` is the state after it.
    fn block_end(&self, core: &HartCore);
    /// A trap was taken.
    fn trap(&self, event: &TrapEvent);
    /// A translation raised a page fault.
    fn page_fault(&self, event: &PageFaultEvent);
}
