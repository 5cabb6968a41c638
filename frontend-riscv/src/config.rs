//! Optional features of the hart, chosen at start-up (QEMU's `-cpu rv64,prop=on|off`).
//!
//! Every extension the hart implements can be turned off where QEMU lets one: its
//! instructions then decode as illegal (where blocks are decoded and on the uncached
//! fetch path, see [`CpuConfig::decodes`]), its CSRs do not exist, and `misa` and the
//! device tree leave it out.

use crate::inst::{Inst, Op};
use crate::mmu::MENVCFG_ADUE;

/// An extension the hart implements that `-cpu` can turn off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Ext {
    /// Integer multiply and divide.
    M,
    /// Atomics (LR/SC and AMOs).
    A,
    /// Single-precision floating point (with its CSRs and mstatus.FS).
    F,
    /// Double-precision floating point.
    D,
    /// Compressed instructions (16-bit encodings, 2-byte instruction alignment).
    C,
    /// CSR instructions.
    Zicsr,
    /// `fence.i`.
    Zifencei,
    /// The `cycle`, `time` and `instret` counters.
    Zicntr,
    /// The `pause` hint (a FENCE encoding that runs either way).
    Zihintpause,
    /// Address generation.
    Zba,
    /// Basic bit manipulation.
    Zbb,
    /// Single-bit instructions.
    Zbs,
    /// Conditional zero.
    Zicond,
    /// Supervisor timer compare (`stimecmp`).
    Sstc,
    /// Debug triggers (`tselect`, `tdata1..3`, `tinfo`, `tcontrol`).
    Sdtrig,
}

/// Each switchable extension: its name as the device tree spells it, the other names
/// QEMU accepts for it, and the extensions it needs.
const EXTENSIONS: &[(Ext, &str, &[&str], &[Ext])] = &[
    // In the ISA string's canonical order: single letters, then Z extensions by
    // category (i before b) and name, then S extensions by name.
    (Ext::M, "m", &[], &[]),
    (Ext::A, "a", &[], &[]),
    (Ext::F, "f", &[], &[Ext::Zicsr]),
    (Ext::D, "d", &[], &[Ext::F]),
    (Ext::C, "c", &[], &[]),
    (Ext::Zicntr, "zicntr", &[], &[Ext::Zicsr]),
    (Ext::Zicond, "zicond", &[], &[]),
    (Ext::Zicsr, "zicsr", &[], &[]),
    (Ext::Zifencei, "zifencei", &[], &[]),
    (Ext::Zihintpause, "zihintpause", &[], &[]),
    (Ext::Zba, "zba", &[], &[]),
    (Ext::Zbb, "zbb", &[], &[]),
    (Ext::Zbs, "zbs", &[], &[]),
    // QEMU 7.2 calls the trigger module `debug`.
    (Ext::Sdtrig, "sdtrig", &["debug"], &[Ext::Zicsr]),
    (Ext::Sstc, "sstc", &[], &[Ext::Zicsr, Ext::Zicntr]),
];

/// Extensions (and CPU options) QEMU knows that this hart does not implement: `=off`
/// is accepted (they are off), `=on` is refused by name.
const NOT_IMPLEMENTED: &[&str] = &[
    "e",
    "v",
    "h",
    "zfh",
    "zfhmin",
    "zfa",
    "zfinx",
    "zdinx",
    "zhinx",
    "zhinxmin",
    "zve32f",
    "zve64f",
    "zve64d",
    "zbc",
    "zbkb",
    "zbkc",
    "zbkx",
    "zk",
    "zkn",
    "zknd",
    "zkne",
    "zknh",
    "zkr",
    "zks",
    "zksed",
    "zksh",
    "zkt",
    "zmmul",
    "zicbom",
    "zicboz",
    "zicbop",
    "zawrs",
    "zacas",
    "zca",
    "zcb",
    "zcd",
    "zcf",
    "zcmp",
    "zcmt",
    "zfbfmin",
    "zvfh",
    "zvfhmin",
    "zihpm",
    "svinval",
    "svnapot",
    "svpbmt",
    "smaia",
    "ssaia",
    "smstateen",
    "sscofpmf",
    "smepmp",
    "epmp",
    "zimop",
    "zcmop",
    "zama16b",
    "ztso",
    "zaamo",
    "zalrsc",
];

/// Parts of the hart `-cpu` cannot take away (QEMU's names).
const ALWAYS_ON: &[&str] = &["i", "s", "u", "g", "mmu", "pmp"];

/// A set of [`Ext`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extensions(u32);

impl Extensions {
    /// Every switchable extension.
    pub const ALL: Extensions = Extensions((1 << EXTENSIONS.len()) - 1);

    /// Whether `e` is in the set.
    #[inline]
    pub fn has(self, e: Ext) -> bool {
        self.0 & (1 << e as u32) != 0
    }

    /// Adds or removes `e`.
    pub fn set(&mut self, e: Ext, on: bool) {
        if on {
            self.0 |= 1 << e as u32;
        } else {
            self.0 &= !(1 << e as u32);
        }
    }
}

/// The hart's configurable features. [`CpuConfig::default`] is what QEMU's `rv64` CPU does
/// where the spec leaves a choice, with every extension the hart implements on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CpuConfig {
    /// Svadu: the hart updates PTE A/D bits itself while `menvcfg.ADUE` is set, and ADUE
    /// resets to 1 (QEMU's default, which kernels such as xv6 rely on).
    pub svadu: bool,
    /// Svade: with `menvcfg.ADUE` clear (or without Svadu), an access that needs A or D
    /// set raises a page fault and software updates the bits.
    pub svade: bool,
    /// The switchable extensions that are on.
    pub ext: Extensions,
}

impl Default for CpuConfig {
    fn default() -> Self {
        CpuConfig {
            svadu: true,
            svade: false,
            ext: Extensions::ALL,
        }
    }
}

/// The CPU models `-cpu` accepts (all the same hart).
const MODELS: &[&str] = &["rv64", "max"];

/// The extension an operation belongs to (`None`: the base ISA and privileged
/// instructions, always there).
fn extension_of(op: Op) -> Option<Ext> {
    use Op::*;
    let o = op as u8;
    let within = |first: Op, last: Op| (first as u8..=last as u8).contains(&o);
    Some(if within(Mul, Remuw) {
        Ext::M
    } else if within(LrW, AmomaxuD) {
        Ext::A
    } else if within(AddUw, SlliUw) {
        Ext::Zba
    } else if within(Andn, Rev8) {
        Ext::Zbb
    } else if within(Bclr, Bseti) {
        Ext::Zbs
    } else if within(CzeroEqz, CzeroNez) {
        Ext::Zicond
    } else if within(Flw, FmvWX) {
        Ext::F
    } else if within(Fld, FmvDX) {
        Ext::D
    } else if within(Csrrw, Csrrci) {
        Ext::Zicsr
    } else if op == FenceI {
        Ext::Zifencei
    } else {
        return None;
    })
}

impl CpuConfig {
    /// Whether extension `e` is on.
    #[inline]
    pub fn has(&self, e: Ext) -> bool {
        self.ext.has(e)
    }

    /// `inst` as this hart decodes it: an illegal instruction when its extension is off
    /// (compressed encodings need C).
    #[inline]
    pub fn decodes(&self, inst: Inst) -> Inst {
        if self.ext == Extensions::ALL {
            return inst;
        }
        let off = extension_of(inst.op).is_some_and(|e| !self.has(e))
            || (inst.len == 2 && !self.has(Ext::C));
        if off {
            Inst::illegal(inst.raw, inst.len)
        } else {
            inst
        }
    }

    /// Instruction alignment in bytes minus one (IALIGN: 16 bits with C, else 32).
    #[inline]
    pub fn ialign_mask(&self) -> u64 {
        if self.has(Ext::C) {
            1
        } else {
            3
        }
    }

    /// `misa`: RV64 (MXL = 2), I, S, U and the single-letter extensions that are on.
    pub fn misa(&self) -> u64 {
        let mut v = (2 << 62) | letter(b'I') | letter(b'S') | letter(b'U');
        for (e, l) in [
            (Ext::M, b'M'),
            (Ext::A, b'A'),
            (Ext::F, b'F'),
            (Ext::D, b'D'),
            (Ext::C, b'C'),
        ] {
            if self.has(e) {
                v |= letter(l);
            }
        }
        v
    }

    /// `menvcfg` at reset: ADUE set where Svadu is implemented (as QEMU resets it).
    pub fn menvcfg_reset(&self) -> u64 {
        if self.svadu {
            MENVCFG_ADUE
        } else {
            0
        }
    }

    /// The `menvcfg` bits this configuration lets software change among those that
    /// depend on it (ADUE exists only with Svadu, STCE only with Sstc).
    pub fn menvcfg_optional(&self) -> u64 {
        let stce = if self.has(Ext::Sstc) {
            crate::csr::MENVCFG_STCE
        } else {
            0
        };
        self.menvcfg_reset() | stce
    }

    /// The extension names this configuration has, in canonical order (single letters
    /// first), lower case, for the device tree: the switchable ones that are on, and
    /// the A/D-bit scheme.
    pub fn extensions(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = EXTENSIONS
            .iter()
            .filter(|(e, ..)| self.has(*e))
            .map(|&(_, name, ..)| name)
            .collect();
        // Without Svadu the hart behaves as Svade does, so it says so.
        if self.svade || !self.svadu {
            v.push("svade");
        }
        if self.svadu {
            v.push("svadu");
        }
        v
    }

    /// Parses QEMU's `-cpu` value: a model (`rv64`, `max`) and `name=on|off` properties
    /// (also `true`/`false`, `yes`/`no`; a bare name means on; names in any case, as
    /// QEMU spells them: `zba`, `Zicsr`, `debug`). Every extension the hart implements
    /// can be turned off; an extension it lacks cannot be turned on. An extension turned
    /// off takes those that need it along (`f=off` turns D off), unless they were asked
    /// for. Setting `svade=on` turns Svadu off unless `svadu=on` is given too (QEMU's
    /// rule: software that asks for Svade wants the faults). Every refused part is named.
    pub fn parse_qemu(spec: &str) -> Result<CpuConfig, String> {
        let mut parts = spec.split(',');
        let model = parts.next().unwrap_or("");
        if !MODELS.contains(&model) {
            return Err(format!(
                "CPU model '{model}' is not supported (gasang's hart is 'rv64'; 'max' is the same hart)"
            ));
        }
        let mut cfg = CpuConfig::default();
        let mut svadu_set = None;
        let mut asked = Extensions(0);
        let mut errors = Vec::new();
        for p in parts.filter(|p| !p.is_empty()) {
            let (name, value) = p.split_once('=').unwrap_or((p, "on"));
            let on = match value {
                "on" | "true" | "yes" => true,
                "off" | "false" | "no" => false,
                _ => {
                    errors.push(format!("{name}={value}: expected on or off"));
                    continue;
                }
            };
            let lower = name.to_ascii_lowercase();
            let known = EXTENSIONS
                .iter()
                .find(|(_, n, aliases, _)| *n == lower || aliases.contains(&lower.as_str()));
            match (lower.as_str(), known) {
                ("svadu", _) => svadu_set = Some(on),
                ("svade", _) => cfg.svade = on,
                (_, Some(&(e, ..))) => {
                    cfg.ext.set(e, on);
                    if on {
                        asked.set(e, true);
                    }
                }
                (n, None) if NOT_IMPLEMENTED.contains(&n) => {
                    if on {
                        errors.push(format!("extension '{name}' is not implemented"));
                    }
                }
                (n, None) if ALWAYS_ON.contains(&n) => {
                    if !on {
                        errors.push(format!("'{name}' cannot be turned off"));
                    }
                }
                _ => errors.push(format!("property '{name}' is not supported")),
            }
        }
        // Dependencies: an extension whose requirement is off goes too, unless asked for.
        loop {
            let mut changed = false;
            for &(e, name, _, needs) in EXTENSIONS {
                for &n in needs {
                    if cfg.has(e) && !cfg.has(n) {
                        if asked.has(e) {
                            let need = EXTENSIONS.iter().find(|x| x.0 == n).map_or("", |x| x.1);
                            errors.push(format!("extension '{name}' requires '{need}'"));
                        }
                        cfg.ext.set(e, false);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        if !errors.is_empty() {
            errors.dedup();
            return Err(errors.join("; "));
        }
        cfg.svadu = svadu_set.unwrap_or(!cfg.svade);
        if !cfg.svadu && !cfg.svade {
            // One of the two must say how A/D bits are managed: fall back to Svade.
            cfg.svade = true;
        }
        Ok(cfg)
    }
}

/// The `misa` bit of extension letter `l`.
const fn letter(l: u8) -> u64 {
    1 << (l - b'A')
}

#[cfg(test)]
mod tests;
