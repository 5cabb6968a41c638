//! Tiny guest programs for the virt board and `gasang run`, and a minimal ELF writer to
//! wrap them in (with a symbol table when a test needs one).

/// A raw RISC-V program: the 32-bit instructions, little-endian.
pub fn program(insns: &[u32]) -> Vec<u8> {
    insns.iter().flat_map(|i| i.to_le_bytes()).collect()
}

pub const WFI: u32 = 0x1050_0073;
/// `j .-4` (back to the instruction before).
pub const J_BACK_4: u32 = 0xffdf_f06f;
/// `j .`
pub const J_SELF: u32 = 0x0000_006f;

/// M-mode: arms the CLINT timer 98304 ticks (about 10 ms) ahead, waits for it in `wfi`,
/// forever (mie.MTIE set, mstatus.MIE clear: the interrupt ends `wfi` without a trap).
pub const TIMER_LOOP: [u32; 10] = [
    0x0200_42b7, // lui   t0, 0x2004        (mtimecmp of hart 0)
    0x0200_c337, // lui   t1, 0x200c        (mtime is at t1 - 8)
    0x0800_0393, // li    t2, 0x80          (MTIE)
    0x3043_9073, // csrw  mie, t2
    0xff83_3e03, // 1: ld t3, -8(t1)
    0x0001_8eb7, // lui   t4, 0x18
    0x01de_0e33, // add   t3, t3, t4
    0x01c2_b023, // sd    t3, 0(t0)
    0x1050_0073, // wfi
    0xfedf_f06f, // j     1b
];

/// `sw 0x5555` to the virt board's sifive_test: power off (exit 0).
pub const POWER_OFF: [u32; 5] = [
    0x0010_02b7, // lui  t0, 0x100          (sifive_test at 0x10_0000)
    0x0000_5337, // lui  t1, 0x5
    0x5553_0313, // addi t1, t1, 0x555
    0x0062_a023, // sw   t1, 0(t0)
    0x0000_006f, // j    .
];

/// A RISC-V ELF64 executable: `code` loaded and entered at `addr` (one PT_LOAD), with a
/// `.text` section and a symbol table of `symbols` (name bytes, address) in it.
pub fn elf(addr: u64, code: &[u8], symbols: &[(&[u8], u64)]) -> Vec<u8> {
    fn put(f: &mut [u8], at: usize, v: &[u8]) {
        f[at..at + v.len()].copy_from_slice(v);
    }
    let align8 = |f: &mut Vec<u8>| f.resize(f.len().next_multiple_of(8), 0);
    let mut f = vec![0u8; 0x80];
    f.extend_from_slice(code);
    // .strtab
    align8(&mut f);
    let strtab_off = f.len();
    f.push(0);
    let mut names = Vec::new();
    for (name, _) in symbols {
        names.push((f.len() - strtab_off) as u32);
        f.extend_from_slice(name);
        f.push(0);
    }
    let strtab_len = f.len() - strtab_off;
    // .symtab: the null symbol, then global functions in .text (section 1)
    align8(&mut f);
    let symtab_off = f.len();
    f.extend_from_slice(&[0; 24]);
    for ((_, value), name) in symbols.iter().zip(&names) {
        let mut sym = [0u8; 24];
        put(&mut sym, 0, &name.to_le_bytes());
        sym[4] = 0x12; // STB_GLOBAL, STT_FUNC
        put(&mut sym, 6, &1u16.to_le_bytes());
        put(&mut sym, 8, &value.to_le_bytes());
        f.extend_from_slice(&sym);
    }
    let symtab_len = f.len() - symtab_off;
    // .shstrtab
    let shstr_off = f.len();
    f.extend_from_slice(b"\0.text\0.symtab\0.strtab\0.shstrtab\0");
    let shstr_len = f.len() - shstr_off;
    // Section headers: null, .text, .symtab, .strtab, .shstrtab
    align8(&mut f);
    let shoff = f.len();
    /// One section header: name offset, type, flags, address, file offset, size, link,
    /// info, entry size.
    struct Section(u32, u32, u64, u64, usize, usize, u32, u32, u64);
    let sections = [
        Section(0, 0, 0, 0, 0, 0, 0, 0, 0),
        Section(1, 1, 6, addr, 0x80, code.len(), 0, 0, 0),
        Section(7, 2, 0, 0, symtab_off, symtab_len, 3, 1, 24),
        Section(15, 3, 0, 0, strtab_off, strtab_len, 0, 0, 0),
        Section(23, 3, 0, 0, shstr_off, shstr_len, 0, 0, 0),
    ];
    for Section(name, kind, flags, sh_addr, off, size, link, info, entsize) in sections {
        let mut sh = [0u8; 64];
        put(&mut sh, 0, &name.to_le_bytes());
        put(&mut sh, 4, &kind.to_le_bytes());
        put(&mut sh, 8, &flags.to_le_bytes());
        put(&mut sh, 16, &sh_addr.to_le_bytes());
        put(&mut sh, 24, &(off as u64).to_le_bytes());
        put(&mut sh, 32, &(size as u64).to_le_bytes());
        put(&mut sh, 40, &link.to_le_bytes());
        put(&mut sh, 44, &info.to_le_bytes());
        put(&mut sh, 48, &1u64.to_le_bytes());
        put(&mut sh, 56, &entsize.to_le_bytes());
        f.extend_from_slice(&sh);
    }
    // ELF header
    put(&mut f, 0, b"\x7fELF\x02\x01\x01");
    put(&mut f, 16, &2u16.to_le_bytes()); // ET_EXEC
    put(&mut f, 18, &243u16.to_le_bytes()); // EM_RISCV
    put(&mut f, 20, &1u32.to_le_bytes());
    put(&mut f, 24, &addr.to_le_bytes()); // entry
    put(&mut f, 32, &0x40u64.to_le_bytes()); // phoff
    put(&mut f, 40, &(shoff as u64).to_le_bytes());
    put(&mut f, 52, &0x40u16.to_le_bytes()); // ehsize
    put(&mut f, 54, &0x38u16.to_le_bytes()); // phentsize
    put(&mut f, 56, &1u16.to_le_bytes()); // phnum
    put(&mut f, 58, &64u16.to_le_bytes()); // shentsize
    put(&mut f, 60, &5u16.to_le_bytes()); // shnum
    put(&mut f, 62, &4u16.to_le_bytes()); // shstrndx
                                          // PT_LOAD, R+X
    put(&mut f, 0x40, &1u32.to_le_bytes());
    put(&mut f, 0x44, &5u32.to_le_bytes());
    put(&mut f, 0x48, &0x80u64.to_le_bytes());
    put(&mut f, 0x50, &addr.to_le_bytes());
    put(&mut f, 0x58, &addr.to_le_bytes());
    put(&mut f, 0x60, &(code.len() as u64).to_le_bytes());
    put(&mut f, 0x68, &(code.len() as u64).to_le_bytes());
    put(&mut f, 0x70, &8u64.to_le_bytes());
    f
}
