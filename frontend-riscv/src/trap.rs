//! Exceptions and interrupts (privileged spec 3.1.15, table "mcause values").

/// A synchronous exception, with the value that goes to `xtval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exception {
    /// Instruction address misaligned (cause 0); tval = the target address.
    InstMisaligned(u64),
    /// Instruction access fault (cause 1); tval = the address.
    InstAccessFault(u64),
    /// Illegal instruction (cause 2); tval = the instruction bits.
    IllegalInst(u32),
    /// Breakpoint (cause 3); tval = the pc of the `ebreak`.
    Breakpoint(u64),
    /// Load address misaligned (cause 4).
    LoadMisaligned(u64),
    /// Load access fault (cause 5).
    LoadAccessFault(u64),
    /// Store/AMO address misaligned (cause 6).
    StoreMisaligned(u64),
    /// Store/AMO access fault (cause 7).
    StoreAccessFault(u64),
    /// Environment call from U-mode (8), S-mode (9) or M-mode (11): see [`Exception::cause`].
    Ecall(Priv),
    /// Instruction page fault (cause 12).
    InstPageFault(u64),
    /// Load page fault (cause 13).
    LoadPageFault(u64),
    /// Store/AMO page fault (cause 15).
    StorePageFault(u64),
}

impl Exception {
    /// The exception code written to `xcause`.
    pub fn cause(self) -> u64 {
        use Exception::*;
        match self {
            InstMisaligned(_) => 0,
            InstAccessFault(_) => 1,
            IllegalInst(_) => 2,
            Breakpoint(_) => 3,
            LoadMisaligned(_) => 4,
            LoadAccessFault(_) => 5,
            StoreMisaligned(_) => 6,
            StoreAccessFault(_) => 7,
            Ecall(Priv::User) => 8,
            Ecall(Priv::Supervisor) => 9,
            Ecall(Priv::Machine) => 11,
            InstPageFault(_) => 12,
            LoadPageFault(_) => 13,
            StorePageFault(_) => 15,
        }
    }

    /// The value written to `xtval`.
    pub fn tval(self) -> u64 {
        use Exception::*;
        match self {
            InstMisaligned(a) | InstAccessFault(a) | Breakpoint(a) | LoadMisaligned(a)
            | LoadAccessFault(a) | StoreMisaligned(a) | StoreAccessFault(a) | InstPageFault(a)
            | LoadPageFault(a) | StorePageFault(a) => a,
            IllegalInst(bits) => bits as u64,
            Ecall(_) => 0,
        }
    }
}

/// Interrupt numbers (bit positions in `mip`/`mie`).
pub mod irq {
    /// Supervisor software interrupt.
    pub const SSI: u32 = 1;
    /// Machine software interrupt.
    pub const MSI: u32 = 3;
    /// Supervisor timer interrupt.
    pub const STI: u32 = 5;
    /// Machine timer interrupt.
    pub const MTI: u32 = 7;
    /// Supervisor external interrupt.
    pub const SEI: u32 = 9;
    /// Machine external interrupt.
    pub const MEI: u32 = 11;
    /// Order in which simultaneous interrupts are taken (priv spec 3.1.9).
    pub const PRIORITY: [u32; 6] = [MEI, MSI, MTI, SEI, SSI, STI];
}

/// Privilege level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Priv {
    /// User mode (0).
    User = 0,
    /// Supervisor mode (1).
    Supervisor = 1,
    /// Machine mode (3).
    Machine = 3,
}

impl Priv {
    /// The level encoded in an MPP-style field; the reserved value 2 is not a level.
    pub fn from_bits(b: u64) -> Option<Priv> {
        match b {
            0 => Some(Priv::User),
            1 => Some(Priv::Supervisor),
            3 => Some(Priv::Machine),
            _ => None,
        }
    }
}
