//! A readable dump of a hart's registers (monitor, error reports).

use frontend_riscv::HartCore;

/// ABI names of x0..x31.
pub const ABI: [&str; 32] = [
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
    "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
    "t5", "t6",
];

/// The integer registers, pc, privilege and the main CSRs of `c`.
pub fn format_registers(c: &HartCore) -> String {
    let mut s = format!(
        "hart {}  pc {:016x}  priv {:?}  instret {}\n",
        c.hartid, c.pc, c.priv_level, c.instret
    );
    for (i, name) in ABI.iter().enumerate() {
        s += &format!("x{i:<2} {name:<4} {:016x}", c.x[i]);
        s += if i % 4 == 3 { "\n" } else { "  " };
    }
    let csrs = [
        ("mstatus", c.mstatus_value()),
        ("mtvec", c.mtvec),
        ("mepc", c.mepc),
        ("mcause", c.mcause),
        ("mtval", c.mtval),
        ("mie", c.mie),
        ("mip", c.mip_value()),
        ("mip.sw", c.mip),
        ("mip.line", c.mip_lines),
        ("medeleg", c.medeleg),
        ("mideleg", c.mideleg),
        ("stvec", c.stvec),
        ("sepc", c.sepc),
        ("scause", c.scause),
        ("stval", c.stval),
        ("satp", c.satp),
    ];
    for (i, (n, v)) in csrs.iter().enumerate() {
        s += &format!("{n:<8} {v:016x}");
        s += if i % 4 == 3 { "\n" } else { "  " };
    }
    s.push('\n');
    s
}

/// Reads CSR `num` of `c` as M-mode would, whatever mode the hart is in (debuggers and
/// the monitor see every CSR). `None` if the CSR does not exist.
pub fn read_csr(c: &mut HartCore, num: u16) -> Option<u64> {
    let saved = c.priv_level;
    c.priv_level = frontend_riscv::Priv::Machine;
    let v = c.csr_read(num, false).ok();
    c.priv_level = saved;
    v
}

/// [`format_registers`] plus the floating-point registers and every CSR gdb knows of
/// (`monitor info registers`).
pub fn format_all_registers(c: &mut HartCore) -> String {
    let mut s = format_registers(c);
    for i in 0..32 {
        s += &format!("f{i:<2}  {:016x}", c.f[i]);
        s += if i % 4 == 3 { "\n" } else { "  " };
    }
    let csrs = gdb::arch::csr_list();
    let mut col = 0;
    for (name, num) in csrs.iter().map(|(n, c)| (n.as_str(), *c)).chain([
        ("fflags", 0x001),
        ("frm", 0x002),
        ("fcsr", 0x003),
    ]) {
        let Some(v) = read_csr(c, num) else { continue };
        s += &format!("{name:<10} {v:016x}");
        col += 1;
        s += if col % 4 == 0 { "\n" } else { "  " };
    }
    if col % 4 != 0 {
        s.push('\n');
    }
    s
}
