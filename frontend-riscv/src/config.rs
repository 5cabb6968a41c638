//! Optional features of the hart, chosen at start-up (QEMU's `-cpu rv64,prop=on|off`).

use crate::mmu::MENVCFG_ADUE;

/// The hart's configurable features. [`CpuConfig::default`] is what QEMU's `rv64` CPU does
/// where the spec leaves a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CpuConfig {
    /// Svadu: the hart updates PTE A/D bits itself while `menvcfg.ADUE` is set, and ADUE
    /// resets to 1 (QEMU's default, which kernels such as xv6 rely on).
    pub svadu: bool,
    /// Svade: with `menvcfg.ADUE` clear (or without Svadu), an access that needs A or D
    /// set raises a page fault and software updates the bits.
    pub svade: bool,
}

impl Default for CpuConfig {
    fn default() -> Self {
        CpuConfig {
            svadu: true,
            svade: false,
        }
    }
}

/// The CPU models `-cpu` accepts (all the same hart).
const MODELS: &[&str] = &["rv64", "max"];

impl CpuConfig {
    /// `menvcfg` at reset: ADUE set where Svadu is implemented (as QEMU resets it).
    pub fn menvcfg_reset(&self) -> u64 {
        if self.svadu {
            MENVCFG_ADUE
        } else {
            0
        }
    }

    /// The `menvcfg` bits this configuration lets software change among those that
    /// depend on it (ADUE exists only with Svadu).
    pub fn menvcfg_optional(&self) -> u64 {
        self.menvcfg_reset()
    }

    /// The extension names this configuration adds to the device tree's ISA list.
    pub fn extensions(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        // Without Svadu the hart behaves as Svade does, so it says so.
        if self.svade || !self.svadu {
            v.push("svade");
        }
        if self.svadu {
            v.push("svadu");
        }
        v
    }

    /// Parses QEMU's `-cpu` value: a model (`rv64`, `max`) and `name=on|off` properties.
    /// Setting `svade=on` turns Svadu off unless `svadu=on` is given too (QEMU's rule:
    /// software that asks for Svade wants the faults). Every refused part is named.
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
            match name {
                "svadu" => svadu_set = Some(on),
                "svade" => cfg.svade = on,
                _ => errors.push(format!("property '{name}' is not supported")),
            }
        }
        if !errors.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_svadu_with_adue_set() {
        let c = CpuConfig::default();
        assert_eq!(c.menvcfg_reset(), MENVCFG_ADUE);
        assert_eq!(c.extensions(), ["svadu"]);
        assert_eq!(CpuConfig::parse_qemu("rv64"), Ok(c));
    }

    #[test]
    fn svade_turns_svadu_off_unless_asked_for() {
        let c = CpuConfig::parse_qemu("rv64,svade=on").unwrap();
        assert!(c.svade && !c.svadu);
        assert_eq!(c.menvcfg_reset(), 0);
        assert_eq!(c.extensions(), ["svade"]);
        let both = CpuConfig::parse_qemu("rv64,svade=on,svadu=on").unwrap();
        assert!(both.svade && both.svadu);
        assert_eq!(both.extensions(), ["svade", "svadu"]);
        let neither = CpuConfig::parse_qemu("max,svadu=off").unwrap();
        assert!(neither.svade && !neither.svadu);
    }

    #[test]
    fn refusals_name_every_bad_part() {
        let e = CpuConfig::parse_qemu("sifive-u54").unwrap_err();
        assert!(e.contains("'sifive-u54'"), "{e}");
        let e = CpuConfig::parse_qemu("rv64,v=on,svade=maybe").unwrap_err();
        assert!(e.contains("'v'") && e.contains("svade=maybe"), "{e}");
    }
}
