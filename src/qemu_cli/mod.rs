//! The virt board's command line, read as QEMU reads it, so that a QEMU command line
//! works with the binary name changed: options with one or two dashes, taken from one
//! table ([`table`]); `-machine`, `-m`, `-smp`, `-rtc` merge their `key=value` lists;
//! `-kernel`, `-append` and the like keep their last value; `-drive`, `-device`, `-object`,
//! `-global` and `-chardev` accumulate. Nothing stops at the first problem: every refused
//! option is reported, one line each ([`refusal::Report`]).

pub mod chardev;
pub mod device;
pub mod drive;
pub mod machine;
pub mod memory;
pub mod options;
pub mod opts;
pub mod refusal;
pub mod rtc;
pub mod smp;
pub mod table;

use std::path::PathBuf;

use frontend_riscv::CpuConfig;

use options::{Bios, Interface, VirtOptions};
use opts::{parse_u64, Opts};
use refusal::{shown, Report};
use table::{lookup, OptionSpec};

/// What the command line asks gasang to do.
#[derive(Debug)]
pub enum Request {
    /// Boot the board.
    Boot(Box<VirtOptions>),
    /// Print this (help, version, a list) and exit with status 0.
    Print(String),
}

/// One occurrence of an option.
struct Occurrence {
    spec: &'static OptionSpec,
    value: Option<String>,
}

/// Splits `args` (without the program name) into option occurrences; unknown and
/// refused options go into `report`.
fn scan(args: &[String], report: &mut Report) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        let Some(body) = a.strip_prefix("--").or_else(|| a.strip_prefix('-')) else {
            // QEMU takes a bare argument as the first hard disk image.
            out.push(Occurrence {
                spec: lookup("hda").expect("-hda is in the table"),
                value: Some(a.clone()),
            });
            continue;
        };
        // `--name=value` (gasang's own long style); QEMU itself has no `=` form.
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) if a.starts_with("--") => (n, Some(v.to_string())),
            _ => (body, None),
        };
        let Some(spec) = lookup(name) else {
            report.refuse(
                a.as_str(),
                "unknown option (gasang is QEMU's virt board: 'gasang -help' lists the options)",
            );
            continue;
        };
        let value = match (spec.value, inline) {
            (None, None) => None,
            (None, Some(_)) => {
                report.refuse(a.as_str(), "takes no value");
                continue;
            }
            (Some(_), Some(v)) => Some(v),
            (Some(_), None) => match args.get(i) {
                Some(v) => {
                    i += 1;
                    Some(v.clone())
                }
                None => {
                    report.refuse(format!("-{name}"), "requires an argument");
                    continue;
                }
            },
        };
        if let Some(why) = spec.refused {
            report.refuse(shown(name, value.as_deref()), why);
            continue;
        }
        out.push(Occurrence { spec, value });
    }
    out
}

/// Every value of the options named in `names`, in order, with how each was shown.
fn values(occ: &[Occurrence], names: &[&str]) -> Vec<(String, String)> {
    occ.iter()
        .filter(|o| names.contains(&o.spec.name))
        .filter_map(|o| {
            let v = o.value.clone()?;
            Some((shown(o.spec.name, Some(&v)), v))
        })
        .collect()
}

/// The last value of `name`.
fn last(occ: &[Occurrence], name: &str) -> Option<String> {
    values(occ, &[name]).pop().map(|(_, v)| v)
}

fn has(occ: &[Occurrence], name: &str) -> bool {
    occ.iter().any(|o| o.spec.name == name)
}

/// The merged `key=value` lists of the options named in `names` (`implied`: the key of
/// a leading bare word).
fn merged(occ: &[Occurrence], names: &[&str], implied: Option<&str>) -> Opts {
    let mut o = Opts::default();
    for (_, v) in values(occ, names) {
        o.merge(Opts::parse(&v, implied));
    }
    o
}

/// Reads the virt board's command line `args` (without the program name).
pub fn parse(args: &[String]) -> (Option<Request>, Report) {
    let mut report = Report::default();
    let occ = scan(args, &mut report);
    if let Some(text) = print_request(&occ) {
        return (Some(Request::Print(text)), report);
    }
    let mut o = VirtOptions::default();

    // -machine, with -kernel, -initrd, -append, -dtb and -bios as its properties (QEMU
    // stores them there: the last of either spelling wins).
    let mut mopts = Opts::default();
    for x in &occ {
        let key = match x.spec.name {
            "machine" | "M" => {
                mopts.merge(Opts::parse(x.value.as_deref().unwrap_or(""), Some("type")));
                continue;
            }
            "kernel" => "kernel",
            "initrd" => "initrd",
            "append" => "append",
            "dtb" => "dtb",
            "bios" => "firmware",
            _ => continue,
        };
        mopts
            .0
            .push((key.to_string(), x.value.clone().unwrap_or_default()));
    }
    let m = machine::parse_machine(&mopts, &mut report);
    o.dumpdtb = last(&occ, "dumpdtb").map(PathBuf::from).or(m.dumpdtb);
    o.kernel = m.kernel.map(PathBuf::from);
    o.initrd = m.initrd.map(PathBuf::from);
    o.append = m.append;
    o.dtb = m.dtb.map(PathBuf::from);
    o.bios_given = m.firmware.is_some();
    o.bios = match m.firmware.as_deref() {
        None | Some("default") => Bios::Default,
        Some("none") => Bios::None,
        Some(f) => Bios::File(PathBuf::from(f)),
    };
    o.data_dir = last(&occ, "L").map(PathBuf::from);
    machine::parse_accels(&values(&occ, &["accel"]), &mut report);

    let mem = merged(&occ, &["m"], Some("size"));
    if !mem.0.is_empty() {
        match memory::parse_memory(&mem) {
            Ok(n) => o.ram_size = n,
            Err(e) => report.refuse(shown("m", last(&occ, "m").as_deref()), e),
        }
    }
    let smp = merged(&occ, &["smp"], Some("cpus"));
    if !smp.0.is_empty() {
        match smp::parse_smp(&smp) {
            Ok((n, warning)) => {
                o.harts = Some(n);
                if let Some(w) = warning {
                    report.warn(w);
                }
            }
            Err(e) => report.refuse(shown("smp", last(&occ, "smp").as_deref()), e),
        }
    }
    if let Some(c) = last(&occ, "cpu") {
        match CpuConfig::parse_qemu(&c) {
            Ok(cfg) => o.cpu = Some(cfg),
            Err(e) => report.refuse(shown("cpu", Some(&c)), e),
        }
    }

    // Disks: -drive and -hda..-hdd in order, then -snapshot over all of them.
    let mut used_units = Vec::new();
    // Ids of refused drives: a -device naming one is not refused a second time.
    let mut refused_ids = Vec::new();
    for x in occ
        .iter()
        .filter(|x| matches!(x.spec.name, "drive" | "hda" | "hdb" | "hdc" | "hdd"))
    {
        let v = x.value.clone().unwrap_or_default();
        let shown_as = shown(x.spec.name, Some(&v));
        let spec = match x.spec.name {
            "drive" => v,
            hd => {
                let index = (hd.as_bytes()[2] - b'a') as u64;
                format!("file={},index={index}", v.replace(',', ",,"))
            }
        };
        match drive::parse_drive(&shown_as, &spec, &mut used_units, &mut report) {
            Some(d) if o.drives.iter().any(|e| e.id == d.id) => {
                report.refuse(shown_as, format!("Duplicate ID '{}' for drive", d.id));
            }
            Some(d) => o.drives.push(d),
            None => refused_ids.extend(Opts::parse(&spec, None).get("id").map(String::from)),
        }
    }
    if has(&occ, "snapshot") {
        for d in &mut o.drives {
            d.snapshot = true;
        }
    }
    let rngs = device::parse_objects(&values(&occ, &["object"]), &mut report);
    o.virtio_legacy = device::parse_globals(&values(&occ, &["global"]), &mut report);
    let mut claimed = vec![false; o.drives.len()];
    let devices = device::parse_devices(
        &values(&occ, &["device"]),
        &o.drives,
        &refused_ids,
        &rngs,
        &mut claimed,
        &mut report,
    );
    o.virtio = devices.virtio;
    o.loaders = devices.loaders;
    // QEMU creates the devices of if=virtio drives after the -device ones.
    for (i, d) in o.drives.iter().enumerate() {
        match d.interface {
            Interface::Virtio => o.virtio.push(options::VirtioSpec::Blk {
                drive: i,
                slot: None,
                serial: d.serial.clone(),
            }),
            _ if claimed[i] => {}
            Interface::Default => report.warn(format!(
                "{}: no if= and no -device uses it, so the guest does not see this disk (as \
                 on QEMU's virt board): add if=virtio, or -device virtio-blk-device,drive={}",
                d.option, d.id
            )),
            Interface::None => report.warn(format!(
                "{}: no -device virtio-blk-device,drive={} uses it: the guest does not see it",
                d.option, d.id
            )),
        }
    }
    if let Err(e) = crate::virt::assign_virtio_slots(
        &o.virtio
            .iter()
            .map(options::VirtioSpec::slot)
            .collect::<Vec<_>>(),
    ) {
        report.refuse("-device", e);
    }

    let nodefaults = has(&occ, "nodefaults");
    let console = chardev::parse_console(
        &values(&occ, &["chardev"]),
        &values(&occ, &["serial"]),
        &values(&occ, &["monitor"]),
        &values(&occ, &["mon"]),
        nodefaults,
        &mut report,
    );
    o.serial = console.serial;
    o.monitor = console.monitor;
    for (name, ok) in [("display", &["none"][..]), ("vga", &["none"][..])] {
        if let Some(v) = last(&occ, name) {
            let kind = v.split(',').next().unwrap_or("");
            if !ok.contains(&kind) {
                report.refuse(
                    shown(name, Some(&v)),
                    "gasang has no display: the console is the terminal (use -display none or -nographic)",
                );
            }
        }
    }

    o.no_reboot = has(&occ, "no-reboot");
    o.no_shutdown = has(&occ, "no-shutdown");
    let (reboot, shutdown) = machine::parse_action(&merged(&occ, &["action"], None), &mut report);
    o.no_reboot = reboot.unwrap_or(o.no_reboot);
    o.no_shutdown = shutdown.unwrap_or(o.no_shutdown);
    o.pidfile = last(&occ, "pidfile").map(PathBuf::from);
    if let Some(n) = last(&occ, "name") {
        let no = Opts::parse(&n, Some("guest"));
        for k in no.unknown_keys(&["guest", "process", "debug-threads"]) {
            report.refuse(shown("name", Some(&n)), format!("Invalid parameter '{k}'"));
        }
        o.name = no.get("guest").map(String::from);
        o.process_name = no.get("process").map(String::from);
    }
    let rtc = merged(&occ, &["rtc"], None);
    if !rtc.0.is_empty() {
        match rtc::parse_rtc(&rtc) {
            Ok((base, vm)) => {
                o.rtc_base = base;
                o.rtc_vm_clock = vm;
            }
            Err(e) => report.refuse(shown("rtc", last(&occ, "rtc").as_deref()), e),
        }
    }

    o.gdb = last(&occ, "gdb").or_else(|| has(&occ, "s").then(|| "tcp::1234".to_string()));
    o.gdb_wait = has(&occ, "S");
    if o.gdb_wait && o.gdb.is_none() {
        report.refuse("-S", "-S waits for gdb: give -s or -gdb tcp::PORT too");
    }
    o.trace_items = last(&occ, "d");
    o.trace_file = last(&occ, "D").map(PathBuf::from);
    if has(&occ, "jit") {
        o.engine = crate::engine::EngineKind::Jit;
    }
    if let Some(e) = last(&occ, "engine") {
        match e.parse() {
            Ok(k) => o.engine = k,
            Err(msg) => report.refuse(shown("engine", Some(&e)), msg),
        }
    }
    o.deterministic = has(&occ, "deterministic");
    if let Some(n) = last(&occ, "max-insns") {
        match parse_u64(&n) {
            Some(n) => o.max_insns = Some(n),
            None => report.refuse(shown("max-insns", Some(&n)), "give a number"),
        }
    }
    (Some(Request::Boot(Box::new(o))), report)
}

/// `-help`, `-version` and the `help` lists of `-machine`, `-cpu` and `-device`.
fn print_request(occ: &[Occurrence]) -> Option<String> {
    for x in occ {
        let v = x.value.as_deref().unwrap_or("");
        let is_help = v == "help" || v == "?" || v.ends_with(",help");
        match x.spec.name {
            "h" | "help" => return Some(table::help_text()),
            "version" => {
                return Some(format!(
                    "gasang {} (QEMU-compatible RISC-V 'virt' board)\n",
                    env!("CARGO_PKG_VERSION")
                ))
            }
            "machine" | "M" if is_help && v.contains(',') => {
                return Some(machine::MACHINE_PROPS_HELP.into())
            }
            "machine" | "M" if is_help => return Some(machine::MACHINE_HELP.into()),
            "cpu" if is_help => {
                return Some(
                    "Available CPUs:\n  rv64 (the same hart as 'max'): -cpu rv64[,svadu=on|off][,svade=on|off]\n"
                        .into(),
                )
            }
            "device" if is_help => return Some(device::DEVICE_HELP.into()),
            _ => {}
        }
    }
    None
}

impl options::VirtioSpec {
    /// The `bus=` slot, if one was given.
    pub fn slot(&self) -> Option<u32> {
        match self {
            options::VirtioSpec::Blk { slot, .. } | options::VirtioSpec::Rng { slot, .. } => *slot,
        }
    }
}

#[cfg(test)]
mod tests;
