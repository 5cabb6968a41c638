//! `-machine`/`-M` (merged, QEMU 7.2's virt properties; see `-machine virt,help`),
//! `-accel` and `-action`. Properties that do not change the board are accepted;
//! properties that would (the AIA and ACLINT interrupt controllers, ACPI tables, USB)
//! are refused with the reason.

use std::path::PathBuf;

use super::opts::{parse_bool, Opts};
use super::refusal::Report;

/// The properties of `-machine` that gasang acts on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Machine {
    /// `dumpdtb=FILE`.
    pub dumpdtb: Option<PathBuf>,
    /// `firmware=` (also `-bios`).
    pub firmware: Option<String>,
    /// `kernel=` (also `-kernel`).
    pub kernel: Option<String>,
    /// `initrd=` (also `-initrd`).
    pub initrd: Option<String>,
    /// `append=` (also `-append`).
    pub append: Option<String>,
    /// `dtb=` (also `-dtb`).
    pub dtb: Option<String>,
}

/// The `-machine help` text.
pub const MACHINE_HELP: &str = "\
Supported machines are:
virt                 RISC-V VirtIO board (gasang)
";

/// The `-machine virt,help` text.
pub const MACHINE_PROPS_HELP: &str = "\
virt-machine options (gasang):
  aclint=off           the ACLINT is not modelled (the SiFive CLINT is)
  acpi=off|auto        no ACPI tables are made
  aia=none             the AIA controllers are not modelled (the PLIC is)
  append=<string>      Linux kernel command line
  dtb=<string>         device tree file used instead of the generated one
  dumpdtb=<string>     dump the device tree to a file and quit
  firmware=<string>    firmware image (-bios)
  initrd=<string>      initial ramdisk (-initrd)
  kernel=<string>      kernel image (-kernel)
  accel=tcg, boot=, dump-guest-core=, graphics=, mem-merge=, suppress-vmdesc=, usb=off:
                       accepted, no effect
";

/// Reads the merged machine options (the bare word is `type`).
pub fn parse_machine(o: &Opts, report: &mut Report) -> Machine {
    let shown = |k: &str, v: &str| format!("-machine {k}={v}");
    let mut m = Machine::default();
    // Every key once, its last value (QEMU's merged lists).
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in o.0.iter().rev() {
        if seen.contains(&k.as_str()) {
            continue;
        }
        seen.push(k);
        let v = o.get(k).unwrap_or("");
        let mut bool_prop = |ok_when: Option<bool>, why: &str| match parse_bool(v) {
            None => report.refuse(shown(k, v), "use on or off"),
            Some(b) if ok_when.is_some_and(|w| w != b) => report.refuse(shown(k, v), why),
            Some(_) => {}
        };
        match k.as_str() {
            "type" => {
                if v != "virt" {
                    report.refuse(
                        format!("-machine {v}"),
                        "gasang's board is 'virt' (for spike-style bare programs: gasang run)",
                    );
                }
            }
            "dumpdtb" => m.dumpdtb = Some(PathBuf::from(v)),
            "firmware" => m.firmware = Some(v.to_string()),
            "kernel" => m.kernel = Some(v.to_string()),
            "initrd" => m.initrd = Some(v.to_string()),
            "append" => m.append = Some(v.to_string()),
            "dtb" => m.dtb = Some(v.to_string()),
            "aclint" => bool_prop(
                Some(false),
                "the ACLINT (MSWI, MTIMER, SSWI) is not modelled: gasang has the SiFive CLINT",
            ),
            "aia" => {
                if v != "none" {
                    report.refuse(
                        shown(k, v),
                        "the AIA interrupt controllers (APLIC, IMSIC) are not modelled: gasang \
                         has the PLIC",
                    );
                }
            }
            "aia-guests" => {
                if v != "0" {
                    report.refuse(shown(k, v), "the AIA (IMSIC) is not modelled");
                }
            }
            "acpi" => {
                if !matches!(v, "off" | "auto") {
                    report.refuse(shown(k, v), "gasang makes no ACPI tables (acpi=off)");
                }
            }
            "usb" => bool_prop(Some(false), "the virt board has no USB"),
            "graphics" | "dump-guest-core" | "mem-merge" | "suppress-vmdesc" => bool_prop(None, ""),
            "boot" => {}
            "accel" => {
                // A ':'-separated list tried in order: tcg must be in it.
                if !v.split(':').any(|a| a == "tcg") {
                    report.refuse(shown(k, v), "only accel=tcg: gasang emulates RISC-V itself");
                }
            }
            "memory-backend" => {
                report.refuse(shown(k, v), "guest RAM is anonymous memory, set by -m")
            }
            "pflash0" | "pflash1" => {
                report.refuse(shown(k, v), "the virt board's flash is not modelled")
            }
            _ => report.refuse(
                shown(k, v),
                format!("machine property '{k}' is not supported"),
            ),
        }
    }
    m
}

/// Reads `-accel` values: tcg only.
pub fn parse_accels(values: &[(String, String)], report: &mut Report) {
    for (shown, v) in values {
        let o = Opts::parse(v, Some("accel"));
        match o.get("accel") {
            Some("tcg") => {
                for k in o.unknown_keys(&["accel", "thread", "tb-size", "one-insn-per-tb"]) {
                    report.refuse(shown, format!("tcg property '{k}' is not supported"));
                }
            }
            Some(a @ ("kvm" | "hvf" | "whpx" | "xen" | "nvmm")) => {
                // QEMU tries the accelerators in order: a later -accel tcg is the fallback.
                if !values.iter().any(|(_, v)| v.starts_with("tcg")) {
                    report.refuse(
                        shown,
                        format!("{a} is not available: gasang emulates RISC-V itself (-accel tcg)"),
                    );
                }
            }
            Some(a) => report.refuse(shown, format!("unknown accelerator '{a}'")),
            None => report.refuse(shown, "which accelerator?"),
        }
    }
}

/// Reads merged `-action` options: `(no_reboot, no_shutdown)` changes.
pub fn parse_action(o: &Opts, report: &mut Report) -> (Option<bool>, Option<bool>) {
    let mut out = (None, None);
    for k in o.unknown_keys(&["reboot", "shutdown", "panic", "watchdog"]) {
        report.refuse(
            format!("-action {k}"),
            format!("action '{k}' is not supported"),
        );
    }
    match o.get("reboot") {
        None => {}
        Some("reset") => out.0 = Some(false),
        Some("shutdown") => out.0 = Some(true),
        Some(v) => report.refuse(format!("-action reboot={v}"), "use reset or shutdown"),
    }
    match o.get("shutdown") {
        None => {}
        Some("poweroff") => out.1 = Some(false),
        Some("pause") => out.1 = Some(true),
        Some(v) => report.refuse(format!("-action shutdown={v}"), "use poweroff or pause"),
    }
    for k in ["panic", "watchdog"] {
        if let Some(v) = o.get(k).filter(|v| *v != "none") {
            report.refuse(
                format!("-action {k}={v}"),
                format!("there is no {k} device"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn machine(s: &[&str]) -> (Machine, Vec<String>) {
        let mut o = Opts::default();
        for x in s {
            o.merge(Opts::parse(x, Some("type")));
        }
        let mut r = Report::default();
        let m = parse_machine(&o, &mut r);
        (m, r.refusals.iter().map(|x| x.to_string()).collect())
    }

    #[test]
    fn harmless_properties_pass_and_board_changes_are_refused() {
        let (m, e) = machine(&["virt", "dumpdtb=x.dtb,acpi=off,aclint=off,aia=none,usb=off"]);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(m.dumpdtb, Some(PathBuf::from("x.dtb")));
        let (_, e) = machine(&["virt,aia=aplic-imsic,aclint=on,acpi=on,frob=1"]);
        assert_eq!(e.len(), 4, "{e:?}");
        assert!(e.iter().any(|x| x.contains("APLIC")));
        let (_, e) = machine(&["sifive_u"]);
        assert!(e[0].contains("'virt'"), "{e:?}");
        // The last value of a key wins.
        let (_, e) = machine(&["sifive_u", "virt"]);
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn accelerators() {
        let v = |s: &[&str]| -> Vec<(String, String)> {
            s.iter()
                .map(|x| (format!("-accel {x}"), x.to_string()))
                .collect()
        };
        let mut r = Report::default();
        parse_accels(&v(&["tcg,thread=single"]), &mut r);
        parse_accels(&v(&["kvm", "tcg"]), &mut r);
        assert!(r.refusals.is_empty());
        parse_accels(&v(&["kvm"]), &mut r);
        assert!(r.refusals[0].reason.contains("not available"));
    }
}
