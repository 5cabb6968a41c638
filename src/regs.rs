//! A readable dump of a hart's registers (monitor, error reports).

use frontend_riscv::HartCore;

const ABI: [&str; 32] = [
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
