//! `x /FMT ADDR` and `xp /FMT ADDR`: memory dumps in QEMU's format (monitor/hmp-cmds.c
//! `memory_dump`). FMT is `[count][format][size]`: format `x` hex, `d` signed... as QEMU
//! prints it (the value read, in decimal), `u` unsigned, `o` octal, `c` characters, `i`
//! instructions; size `b`, `h`, `w` or `g`. Format and size are remembered between
//! commands, as on QEMU. `x` reads through the hart's current translation, `xp` physical
//! memory (devices included, with their read side effects, as on QEMU).

use crate::disasm::Disassembler;
use crate::virt::VirtMachine;

/// The remembered format and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DumpFormat {
    /// `x`, `d`, `u`, `o`, `c` or `i`.
    pub format: char,
    /// 1, 2, 4 or 8 bytes.
    pub size: u8,
}

impl Default for DumpFormat {
    fn default() -> Self {
        DumpFormat {
            format: 'x',
            size: 4,
        }
    }
}

/// Parses `/FMT` (without the slash) over the remembered `last`: `(count, format)`.
fn parse_fmt(s: &str, last: DumpFormat) -> Result<(u64, DumpFormat), String> {
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let count = if digits == 0 {
        1
    } else {
        s[..digits]
            .parse()
            .map_err(|_| format!("invalid count in '{s}'"))?
    };
    let mut f = last;
    let mut size_given = false;
    for c in s[digits..].chars() {
        match c {
            'x' | 'd' | 'u' | 'o' | 'c' | 'i' => f.format = c,
            'b' => (f.size, size_given) = (1, true),
            'h' => (f.size, size_given) = (2, true),
            'w' => (f.size, size_given) = (4, true),
            'g' => (f.size, size_given) = (8, true),
            _ => return Err(format!("invalid char in format: '{c}'")),
        }
    }
    if f.format == 'c' && !size_given {
        f.size = 1;
    }
    Ok((count, f))
}

/// An address: a number (hex with 0x, else decimal), `$pc` or `$REG` (an ABI or `xN`
/// register name), optionally `+ N` or `- N`.
fn parse_addr(s: &str, m: &VirtMachine, hart: usize) -> Result<u64, String> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (base, off) = match s.rfind(['+', '-']).filter(|&i| i > 0) {
        Some(i) => {
            let n = number(&s[i + 1..])?;
            let off = if &s[i..=i] == "-" {
                n.wrapping_neg()
            } else {
                n
            };
            (&s[..i], off)
        }
        None => (s.as_str(), 0),
    };
    let v = match base.strip_prefix('$') {
        Some(reg) => register(reg, m, hart).ok_or_else(|| format!("unknown register '{reg}'"))?,
        None => number(base)?,
    };
    Ok(v.wrapping_add(off))
}

fn number(s: &str) -> Result<u64, String> {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16),
        None => s.parse(),
    }
    .map_err(|_| format!("invalid number '{s}'"))
}

fn register(name: &str, m: &VirtMachine, hart: usize) -> Option<u64> {
    const ABI: [&str; 32] = [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
        "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
        "t5", "t6",
    ];
    let core = &m.harts[hart].core;
    if name == "pc" {
        return Some(core.pc);
    }
    if name == "fp" {
        return Some(core.x[8]);
    }
    let i = ABI.iter().position(|r| *r == name).or_else(|| {
        name.strip_prefix('x')
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n < 32)
    })?;
    Some(core.x[i])
}

/// Reads `buf.len()` bytes at `addr`, physical or through hart `hart`'s translation.
fn read(m: &mut VirtMachine, hart: usize, addr: u64, buf: &mut [u8], physical: bool) -> bool {
    for (i, b) in buf.iter_mut().enumerate() {
        let va = addr.wrapping_add(i as u64);
        let pa = if physical {
            va
        } else {
            match m.harts[hart].core.translate_quiet(va, 1) {
                Ok(pa) => pa,
                Err(_) => return false,
            }
        };
        match m.bus.read(pa, 1) {
            Ok(v) => *b = v as u8,
            Err(_) => return false,
        }
    }
    true
}

/// Runs `x` (`physical` false) or `xp` with the arguments `args` (`/FMT ADDR`), for
/// hart `hart`; `last` is updated as QEMU updates it.
pub fn examine(
    m: &mut VirtMachine,
    hart: usize,
    args: &str,
    physical: bool,
    last: &mut DumpFormat,
) -> String {
    let args = args.trim();
    let (fmt, addr) = match args.strip_prefix('/') {
        Some(rest) => {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], rest[end..].trim())
        }
        None => ("", args),
    };
    if addr.is_empty() {
        return format!("usage: {} /FMT ADDR\n", if physical { "xp" } else { "x" });
    }
    let (count, f) = match parse_fmt(fmt, *last) {
        Ok(x) => x,
        Err(e) => return format!("{e}\n"),
    };
    let addr = match parse_addr(addr, m, hart) {
        Ok(a) => a,
        Err(e) => return format!("{e}\n"),
    };
    *last = f;
    if f.format == 'i' {
        return disassemble(m, hart, addr, count, physical);
    }
    let mut out = String::new();
    let mut wsize = f.size as u64;
    let mut len = wsize * count;
    let line_size = if wsize == 1 { 8 } else { 16 };
    let max_digits = match f.format {
        'o' => (wsize * 8).div_ceil(3) as usize,
        'u' | 'd' => (wsize * 8 * 10).div_ceil(33) as usize,
        'c' => {
            wsize = 1;
            0
        }
        _ => (wsize * 8 / 4) as usize,
    };
    let mut addr = addr;
    while len > 0 {
        out += &format!("{addr:016x}:");
        let l = len.min(line_size);
        let mut buf = vec![0u8; l as usize];
        if !read(m, hart, addr, &mut buf, physical) {
            out += " Cannot access memory\n";
            break;
        }
        for chunk in buf.chunks(wsize as usize) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            let v = u64::from_le_bytes(b);
            out += &match f.format {
                'o' => format!(" {:>w$}", format!("0{v:o}"), w = max_digits),
                'u' | 'd' => format!(" {v:>max_digits$}"),
                'c' => format!(" {}", printc(v as u8)),
                _ => format!(" 0x{v:0max_digits$x}"),
            };
        }
        out += "\n";
        addr = addr.wrapping_add(l);
        len -= l;
    }
    out
}

/// A byte as QEMU's `monitor_printc` shows it.
fn printc(c: u8) -> String {
    match c {
        b'\'' => "'\\''".into(),
        b'\\' => "'\\\\'".into(),
        b'\n' => "'\\n'".into(),
        b'\r' => "'\\r'".into(),
        0x20..=0x7e => format!("'{}'", c as char),
        _ => format!("'\\x{c:02x}'"),
    }
}

fn disassemble(
    m: &mut VirtMachine,
    hart: usize,
    mut addr: u64,
    count: u64,
    physical: bool,
) -> String {
    let Ok(dis) = Disassembler::new() else {
        return "the disassembler is not available\n".into();
    };
    let mut out = String::new();
    for _ in 0..count {
        let mut b = [0u8; 4];
        if !read(m, hart, addr, &mut b[..2], physical) {
            out += &format!("0x{addr:016x}:  Cannot access memory\n");
            break;
        }
        let len = if b[0] & 3 == 3 { 4 } else { 2 };
        if len == 4 && !read(m, hart, addr + 2, &mut b[2..], physical) {
            out += &format!("0x{addr:016x}:  Cannot access memory\n");
            break;
        }
        let raw = u32::from_le_bytes(b) & if len == 2 { 0xffff } else { u32::MAX };
        let text = dis
            .disassemble(raw, len, addr)
            .unwrap_or_else(|| "(bad)".into());
        let (mnemonic, ops) = text.split_once(' ').unwrap_or((&text, ""));
        let hex = if len == 2 {
            format!("{raw:04x}")
        } else {
            format!("{raw:08x}")
        };
        out += &format!(
            "0x{addr:016x}:  {hex:<18}{mnemonic:<24}{}\n",
            ops.replace(", ", ",")
        );
        addr += len as u64;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_remember_the_last_one() {
        let d = DumpFormat::default();
        assert_eq!(
            parse_fmt("4xw", d),
            Ok((
                4,
                DumpFormat {
                    format: 'x',
                    size: 4
                }
            ))
        );
        assert_eq!(
            parse_fmt("2g", d),
            Ok((
                2,
                DumpFormat {
                    format: 'x',
                    size: 8
                }
            ))
        );
        assert_eq!(
            parse_fmt("8c", d),
            Ok((
                8,
                DumpFormat {
                    format: 'c',
                    size: 1
                }
            ))
        );
        let last = DumpFormat {
            format: 'o',
            size: 2,
        };
        assert_eq!(parse_fmt("", last), Ok((1, last)));
        assert!(parse_fmt("3q", d).is_err());
        assert_eq!(printc(b'A'), "'A'");
        assert_eq!(printc(0x97), "'\\x97'");
    }
}
