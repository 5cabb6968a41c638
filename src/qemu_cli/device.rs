//! `-device`, `-object` and `-global`: virtio-blk and virtio-rng on the virtio-mmio
//! buses (`bus=virtio-mmio-bus.N` is slot N, at 0x1000_1000 + N * 0x1000), QEMU's generic
//! loader, the random-number backends, and the one global property gasang has
//! (`virtio-mmio.force-legacy`).

use std::path::PathBuf;

use super::options::{DriveSpec, Interface, LoaderSpec, RngBackend, VirtioSpec};
use super::opts::{parse_bool, parse_u64, Opts};
use super::refusal::Report;

/// The number of virtio-mmio buses on the virt board.
pub const VIRTIO_BUSES: u32 = 8;
/// The host source of `rng-builtin` and of a virtio-rng without `rng=`.
pub const DEFAULT_RNG_FILE: &str = "/dev/urandom";

const NET: &str = "networking (virtio-net, -netdev user) is not implemented yet";

/// Reads `-object` values into random-number backends.
pub fn parse_objects(values: &[(String, String)], report: &mut Report) -> Vec<RngBackend> {
    let mut out: Vec<RngBackend> = Vec::new();
    for (shown, v) in values {
        let o = Opts::parse(v, Some("qom-type"));
        let Some(id) = o.get("id").filter(|i| !i.is_empty()) else {
            report.refuse(shown, "id=ID is missing");
            continue;
        };
        if out.iter().any(|b| b.id == id) {
            report.refuse(shown, format!("attempt to add duplicate property '{id}'"));
            continue;
        }
        match o.get("qom-type") {
            Some("rng-random") => {
                if let Some(k) = o.unknown_keys(&["qom-type", "id", "filename"]).first() {
                    report.refuse(shown, format!("property '{k}' is not supported"));
                    continue;
                }
                out.push(RngBackend {
                    id: id.into(),
                    filename: PathBuf::from(o.get("filename").unwrap_or("/dev/urandom")),
                });
            }
            Some("rng-builtin") => {
                if let Some(k) = o.unknown_keys(&["qom-type", "id"]).first() {
                    report.refuse(shown, format!("property '{k}' is not supported"));
                    continue;
                }
                out.push(RngBackend {
                    id: id.into(),
                    filename: PathBuf::from(DEFAULT_RNG_FILE),
                });
            }
            Some("rng-egd") => report.refuse(
                shown,
                "rng-egd is not supported (use rng-random,filename=/dev/urandom)",
            ),
            Some(t) if t.starts_with("memory-backend") => report.refuse(
                shown,
                format!("{t}: guest RAM is anonymous memory, set by -m"),
            ),
            Some(t) => report.refuse(
                shown,
                format!("object type '{t}' is not supported (rng-random, rng-builtin)"),
            ),
            None => report.refuse(shown, "which object type?"),
        }
    }
    out
}

/// Reads `-global` values; returns `virtio-mmio.force-legacy` (QEMU's default: true).
pub fn parse_globals(values: &[(String, String)], report: &mut Report) -> bool {
    let mut legacy = true;
    for (shown, v) in values {
        // Either DRIVER.PROP=VALUE or driver=D,property=P,value=V.
        let (driver, prop, value) = if v.contains("driver=") {
            let o = Opts::parse(v, None);
            (
                o.get("driver").unwrap_or("").to_string(),
                o.get("property").unwrap_or("").to_string(),
                o.get("value").unwrap_or("").to_string(),
            )
        } else {
            let Some((dp, value)) = v.split_once('=') else {
                report.refuse(shown, "use DRIVER.PROPERTY=VALUE");
                continue;
            };
            let Some((d, p)) = dp.rsplit_once('.') else {
                report.refuse(shown, "use DRIVER.PROPERTY=VALUE");
                continue;
            };
            (d.to_string(), p.to_string(), value.to_string())
        };
        match (driver.as_str(), prop.as_str()) {
            ("virtio-mmio", "force-legacy") => match parse_bool(&value) {
                Some(b) => legacy = b,
                None => report.refuse(shown, format!("force-legacy={value}: use on or off")),
            },
            ("virtio-mmio", p) => report.refuse(
                shown,
                format!("virtio-mmio property '{p}' is not supported (force-legacy is)"),
            ),
            (d, p) => report.refuse(
                shown,
                format!(
                    "global property '{p}' of '{d}' is not supported (gasang has \
                     virtio-mmio.force-legacy)"
                ),
            ),
        }
    }
    legacy
}

/// `bus=virtio-mmio-bus.N` as a slot number.
fn virtio_bus(o: &Opts, shown: &str, report: &mut Report) -> Result<Option<u32>, ()> {
    match o.get("bus") {
        None => Ok(None),
        Some(b) => match b
            .strip_prefix("virtio-mmio-bus.")
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| n < VIRTIO_BUSES)
        {
            Some(n) => Ok(Some(n)),
            None => {
                report.refuse(
                    shown,
                    format!("Bus '{b}' not found (virtio-mmio-bus.0 to .7)"),
                );
                Err(())
            }
        },
    }
}

/// What `-device` values ask for.
#[derive(Debug, Default)]
pub struct Devices {
    /// virtio devices, in command-line order.
    pub virtio: Vec<VirtioSpec>,
    /// Loaders, in order.
    pub loaders: Vec<LoaderSpec>,
}

/// Reads `-device` values against the drives and rng backends; also marks which drives a
/// device claimed (`claimed[i]`).
pub fn parse_devices(
    values: &[(String, String)],
    drives: &[DriveSpec],
    refused_drives: &[String],
    rngs: &[RngBackend],
    claimed: &mut [bool],
    report: &mut Report,
) -> Devices {
    let mut out = Devices::default();
    for (shown, v) in values {
        let o = Opts::parse(v, Some("driver"));
        let refuse_unknown = |known: &[&str], report: &mut Report| {
            let unknown = o.unknown_keys(known);
            for k in &unknown {
                report.refuse(shown, format!("property '{k}' is not supported"));
            }
            unknown.is_empty()
        };
        match o.get("driver") {
            Some("virtio-blk-device") => {
                if !refuse_unknown(&["driver", "drive", "bus", "id", "serial"], report) {
                    continue;
                }
                let Ok(slot) = virtio_bus(&o, shown, report) else {
                    continue;
                };
                let Some(id) = o.get("drive") else {
                    report.refuse(shown, "drive=ID is missing (a -drive ...,id=ID)");
                    continue;
                };
                let Some(i) = drives.iter().position(|d| d.id == id) else {
                    if !refused_drives.iter().any(|r| r == id) {
                        report.refuse(shown, format!("no -drive with id={id}"));
                    }
                    continue;
                };
                if claimed[i] || drives[i].interface == Interface::Virtio {
                    report.refuse(
                        shown,
                        format!("drive '{id}' is already in use by another device"),
                    );
                    continue;
                }
                claimed[i] = true;
                out.virtio.push(VirtioSpec::Blk {
                    drive: i,
                    slot,
                    serial: o.get("serial").map(String::from),
                });
            }
            Some("virtio-rng-device") => {
                if !refuse_unknown(
                    &["driver", "rng", "bus", "id", "max-bytes", "period"],
                    report,
                ) {
                    continue;
                }
                let Ok(slot) = virtio_bus(&o, shown, report) else {
                    continue;
                };
                let filename = match o.get("rng") {
                    None => PathBuf::from(DEFAULT_RNG_FILE),
                    Some(id) => match rngs.iter().find(|r| r.id == id) {
                        Some(r) => r.filename.clone(),
                        None => {
                            report.refuse(shown, format!("no -object rng-random with id={id}"));
                            continue;
                        }
                    },
                };
                out.virtio.push(VirtioSpec::Rng { filename, slot });
            }
            Some("loader") => {
                if let Some(l) = parse_loader(shown, &o, report) {
                    out.loaders.push(l);
                }
            }
            Some(
                d @ ("virtio-net-device" | "virtio-net-pci" | "virtio-net" | "e1000" | "e1000e"
                | "rtl8139"),
            ) => report.refuse(shown, format!("{d}: {NET}")),
            Some(d) if d.ends_with("-pci") => report.refuse(
                shown,
                format!(
                    "{d}: gasang has no PCI (use the virtio-mmio form, e.g. virtio-blk-device)"
                ),
            ),
            Some("help") => {}
            Some(d) => report.refuse(
                shown,
                format!(
                    "device '{d}' is not supported (virtio-blk-device, virtio-rng-device, \
                     loader)"
                ),
            ),
            None => report.refuse(shown, "which device? ('-device help' lists them)"),
        }
    }
    out
}

/// `-device loader,...` with QEMU's rules (hw/core/generic-loader.c `realize`).
fn parse_loader(shown: &str, o: &Opts, report: &mut Report) -> Option<LoaderSpec> {
    let known = [
        "driver",
        "file",
        "addr",
        "data",
        "data-len",
        "data-be",
        "cpu-num",
        "force-raw",
        "id",
    ];
    let unknown = o.unknown_keys(&known);
    for k in &unknown {
        report.refuse(shown, format!("loader property '{k}' is not supported"));
    }
    if !unknown.is_empty() {
        return None;
    }
    let mut bad = false;
    let mut num = |k: &str| -> Option<u64> {
        let v = o.get(k)?;
        let n = parse_u64(v);
        if n.is_none() {
            report.refuse(shown, format!("{k}={v} is not a number"));
            bad = true;
        }
        n
    };
    let addr = num("addr");
    let data = num("data");
    let data_len = num("data-len");
    let cpu = num("cpu-num");
    let (force_raw, data_be) = match (o.bool("force-raw", false), o.bool("data-be", false)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            report.refuse(shown, e);
            return None;
        }
    };
    if bad {
        return None;
    }
    let file = o.get("file").map(PathBuf::from);
    let mut refuse = |why: &str| {
        report.refuse(shown, why);
        None
    };
    if data.is_some() || data_len.is_some() || data_be {
        if file.is_some() {
            return refuse("Specifying a file is not supported when loading memory values");
        }
        if force_raw {
            return refuse("Specifying force-raw is not supported when loading memory values");
        }
        let Some(len) = data_len else {
            return refuse("Both data and data-len must be specified");
        };
        if !matches!(len, 1 | 2 | 4 | 8) {
            return refuse("data-len must be 1, 2, 4 or 8");
        }
        let Some(addr) = addr else {
            return refuse("addr=ADDRESS is missing");
        };
        return Some(LoaderSpec::Data {
            addr,
            value: data.unwrap_or(0),
            len: len as u8,
            big_endian: data_be,
        });
    }
    if let Some(file) = file {
        return Some(LoaderSpec::File {
            option: shown.to_string(),
            file,
            addr: addr.unwrap_or(0),
            force_raw,
            cpu: cpu.map(|c| c as usize),
        });
    }
    if force_raw {
        return refuse("force-raw needs file=FILE");
    }
    match (addr, cpu) {
        (Some(addr), Some(cpu)) => Some(LoaderSpec::Pc {
            cpu: cpu as usize,
            addr,
        }),
        (Some(_), None) => refuse("cpu_num must be specified when setting a program counter"),
        _ => refuse("please include valid arguments (file=, data= or addr=,cpu-num=)"),
    }
}

/// The `-device help` text.
pub const DEVICE_HELP: &str = "\
Devices of gasang's virt board:
name \"virtio-blk-device\", bus virtio-bus: drive=ID[,bus=virtio-mmio-bus.N][,serial=S]
name \"virtio-rng-device\", bus virtio-bus: [rng=ID][,bus=virtio-mmio-bus.N]
name \"loader\": file=F[,addr=A][,force-raw=on][,cpu-num=N] | addr=A,data=V,data-len=N[,data-be=on] | addr=A,cpu-num=N
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qemu_cli::options::Format;

    fn shown(vals: &[&str], name: &str) -> Vec<(String, String)> {
        vals.iter()
            .map(|v| (format!("-{name} {v}"), v.to_string()))
            .collect()
    }

    fn drive(id: &str, interface: Interface) -> DriveSpec {
        DriveSpec {
            option: String::new(),
            file: "x.img".into(),
            format: Format::Raw,
            interface,
            id: id.into(),
            read_only: false,
            snapshot: false,
            serial: None,
        }
    }

    #[test]
    fn globals() {
        let mut r = Report::default();
        assert!(!parse_globals(
            &shown(&["virtio-mmio.force-legacy=false"], "global"),
            &mut r
        ));
        assert!(parse_globals(
            &shown(&["virtio-mmio.force-legacy=on"], "global"),
            &mut r
        ));
        assert!(!parse_globals(
            &shown(
                &["driver=virtio-mmio,property=force-legacy,value=off"],
                "global"
            ),
            &mut r
        ));
        assert!(
            parse_globals(&[], &mut r),
            "QEMU's default is the legacy transport"
        );
        assert!(r.refusals.is_empty());
        parse_globals(
            &shown(
                &["virtio-mmio.force-legacy=maybe", "e1000.mac=1", "junk"],
                "global",
            ),
            &mut r,
        );
        assert_eq!(r.refusals.len(), 3, "{:?}", r.refusals);
    }

    #[test]
    fn devices_claim_drives_and_take_buses() {
        let drives = [
            drive("hd0", Interface::Default),
            drive("virtio0", Interface::Virtio),
        ];
        let rngs = parse_objects(
            &shown(&["rng-random,filename=/dev/urandom,id=rng0"], "object"),
            &mut Report::default(),
        );
        let mut claimed = [false, false];
        let mut r = Report::default();
        let d = parse_devices(
            &shown(
                &[
                    "virtio-rng-device,rng=rng0",
                    "virtio-blk-device,drive=hd0,bus=virtio-mmio-bus.0",
                    "loader,file=u-boot.bin,addr=0x80400000",
                    "loader,addr=0x80000000,cpu-num=0",
                    "loader,addr=0x80001000,data=0x1234,data-len=4",
                ],
                "device",
            ),
            &drives,
            &[],
            &rngs,
            &mut claimed,
            &mut r,
        );
        assert!(r.refusals.is_empty(), "{:?}", r.refusals);
        assert_eq!(claimed, [true, false]);
        assert!(matches!(d.virtio[0], VirtioSpec::Rng { slot: None, .. }));
        assert!(matches!(
            d.virtio[1],
            VirtioSpec::Blk {
                drive: 0,
                slot: Some(0),
                ..
            }
        ));
        assert_eq!(d.loaders.len(), 3);
        assert_eq!(
            d.loaders[1],
            LoaderSpec::Pc {
                cpu: 0,
                addr: 0x8000_0000
            }
        );
        let bad = [
            "virtio-blk-device,drive=nope",
            "virtio-blk-device,drive=virtio0",
            "virtio-blk-device,drive=hd0,bus=virtio-mmio-bus.8",
            "virtio-blk-device,drive=hd0,num-queues=4",
            "virtio-rng-device,rng=nope",
            "virtio-net-device,netdev=n0",
            "virtio-blk-pci,drive=hd0",
            "ich9-ahci",
            "loader,addr=0x80000000",
            "loader,data=1",
        ];
        let mut r = Report::default();
        parse_devices(
            &shown(&bad, "device"),
            &drives,
            &[],
            &rngs,
            &mut [true, false],
            &mut r,
        );
        assert_eq!(r.refusals.len(), bad.len(), "{:#?}", r.refusals);
        assert!(r.refusals[5].reason.contains("networking"));
    }
}
