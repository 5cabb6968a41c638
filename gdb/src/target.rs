//! What the gdb stub needs from a machine. The machine (the `gasang` package's virt board
//! or bare machine) implements [`DebugTarget`]; the stub turns gdb's remote protocol into
//! these calls. Harts are numbered from 0 here; gdb's thread ids are `hart + 1`.

/// A register as the target description names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Register {
    /// Integer register x0..x31.
    X(u8),
    /// The program counter.
    Pc,
    /// Floating-point register f0..f31 (raw 64-bit contents).
    F(u8),
    /// A CSR by number (fflags, frm and fcsr included).
    Csr(u16),
    /// The current privilege level (0 = U, 1 = S, 3 = M), gdb's `$priv`.
    Priv,
}

/// Which addresses a memory access uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressSpace {
    /// Virtual addresses, translated as the hart's current data accesses are (without
    /// setting A/D bits or filling TLBs).
    Virtual,
    /// Physical addresses.
    Physical,
}

/// A memory access the target could not do (unmapped, page fault, PMP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryError {
    /// The first address that failed.
    pub addr: u64,
}

/// Breakpoint flavours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakpointKind {
    /// gdb's software breakpoint (Z0).
    Software,
    /// gdb's hardware breakpoint (Z1).
    Hardware,
}

/// Watchpoint flavours (Z2, Z3, Z4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchKind {
    /// Stop after a write to the range.
    Write,
    /// Stop after a read of the range.
    Read,
    /// Stop after a read or a write.
    Access,
}

/// Why the machine stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// A single step finished on `hart` (after one instruction, or after entering a trap
    /// handler if the instruction trapped).
    Stepped {
        /// The hart that stepped.
        hart: usize,
    },
    /// `hart` reached a breakpoint address (the instruction there has not run).
    Breakpoint {
        /// The hart at the breakpoint.
        hart: usize,
    },
    /// `hart` accessed a watched range; the access has completed.
    Watchpoint {
        /// The hart that accessed it.
        hart: usize,
        /// The kind of access.
        kind: WatchKind,
        /// The data address accessed.
        addr: u64,
    },
    /// The debugger asked to stop (Ctrl-C); `hart` is the one to report.
    Interrupted {
        /// The hart to report.
        hart: usize,
    },
    /// The guest powered off with this exit code.
    Exited(u8),
}

/// A machine gdb can debug.
pub trait DebugTarget {
    /// Number of harts.
    fn hart_count(&self) -> usize;

    /// Reads a register of `hart`; `None` if it does not exist (gdb shows it unavailable).
    fn read_register(&mut self, hart: usize, reg: Register) -> Option<u64>;

    /// Writes a register of `hart`; false if it does not exist or is read-only.
    fn write_register(&mut self, hart: usize, reg: Register, value: u64) -> bool;

    /// Reads `buf.len()` bytes at `addr` as `hart` sees memory.
    fn read_memory(
        &mut self,
        hart: usize,
        addr: u64,
        buf: &mut [u8],
        space: AddressSpace,
    ) -> Result<(), MemoryError>;

    /// Writes `data` at `addr` as `hart` sees memory (also into code: cached blocks are
    /// invalidated).
    fn write_memory(
        &mut self,
        hart: usize,
        addr: u64,
        data: &[u8],
        space: AddressSpace,
    ) -> Result<(), MemoryError>;

    /// Executes one instruction on `hart` (the other harts do not run).
    fn step(&mut self, hart: usize) -> StopReason;

    /// Runs all harts until a breakpoint or watchpoint hits, the guest powers off, or
    /// `interrupted()` returns true (it is polled regularly).
    fn resume(&mut self, interrupted: &mut dyn FnMut() -> bool) -> StopReason;

    /// Adds (`on`) or removes a breakpoint at virtual address `addr`; false if refused.
    fn set_breakpoint(&mut self, addr: u64, kind: BreakpointKind, on: bool) -> bool;

    /// Adds (`on`) or removes a watchpoint on `[addr, addr + len)`; false if refused.
    fn set_watchpoint(&mut self, addr: u64, len: u64, kind: WatchKind, on: bool) -> bool;

    /// Runs a machine-specific `monitor` command (e.g. `info mem`, `info registers`)
    /// for `hart` (gdb's selected thread), writing its output to `out`; false if the
    /// command is unknown.
    fn monitor(&mut self, hart: usize, cmd: &str, out: &mut String) -> bool;

    /// A check the stub polls while it waits for gdb with the machine stopped: when it
    /// returns true (e.g. a termination signal arrived) the session ends. The default
    /// never quits.
    fn quit_check(&self) -> fn() -> bool {
        || false
    }
}
