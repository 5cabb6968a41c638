//! `-drive` and `-hda`..`-hdd` (blockdev.c `drive_new`): disk images, their format, how
//! they attach, and QEMU's default ids (`none0`, `virtio0`: the interface name and the
//! first free unit). On QEMU's RISC-V virt board a drive without `if=` behaves as
//! `if=none` (QEMU 7.2: it is created but no device uses it unless a `-device` names it),
//! and `if=virtio` makes a PCI disk there; gasang has no PCI and makes it a virtio-mmio
//! disk.

use std::path::PathBuf;

use super::options::{DriveSpec, Format, Interface};
use super::opts::{parse_bool, parse_u64, Opts};
use super::refusal::Report;

/// Formats QEMU knows that gasang cannot open yet.
const OTHER_FORMATS: &[&str] = &[
    "qcow",
    "vmdk",
    "vdi",
    "vhdx",
    "vpc",
    "qed",
    "luks",
    "parallels",
    "dmg",
    "bochs",
    "cloop",
    "vvfat",
    "file",
    "host_device",
    "nbd",
    "blkdebug",
    "null-co",
    "throttle",
    "quorum",
];

/// Keys gasang accepts with no effect (the host page cache does the caching, writes go
/// through on FLUSH, and DISCARD/WRITE_ZEROES are not offered).
const NO_EFFECT: &[&str] = &[
    "cache",
    "cache.direct",
    "cache.no-flush",
    "aio",
    "discard",
    "detect-zeroes",
    "werror",
    "rerror",
    "auto-read-only",
];

/// Keys with a meaning.
const KNOWN: &[&str] = &[
    "file",
    "format",
    "if",
    "id",
    "index",
    "media",
    "readonly",
    "read-only",
    "snapshot",
    "serial",
];

/// Reads the `-drive` value `value` (`shown` is the option as given, for messages);
/// `used` holds the `(interface, unit)` pairs already taken, for default ids.
pub fn parse_drive(
    shown: &str,
    value: &str,
    used: &mut Vec<(&'static str, u64)>,
    report: &mut Report,
) -> Option<DriveSpec> {
    let o = Opts::parse(value, None);
    let mut ok = true;
    let mut refuse = |why: String| {
        report.refuse(shown, why);
        ok = false;
    };
    for k in o.unknown_keys(&[KNOWN, NO_EFFECT].concat()) {
        if k == "copy-on-read" || k.starts_with("throttling.") || k.starts_with("file.") {
            refuse(format!("'{k}' is not supported"));
        } else {
            refuse(format!("drive option '{k}' is not supported"));
        }
    }
    let file = match o.get("file") {
        Some(f) if !f.is_empty() => Some(PathBuf::from(f)),
        _ => {
            refuse("file=PATH is missing (gasang has no removable media)".into());
            None
        }
    };
    let format = match o.get("format") {
        None => Format::Probe,
        Some("raw") => Format::Raw,
        Some("qcow2") => {
            refuse(
                "format=qcow2: qcow2 images are not supported yet (convert one with \
                 'qemu-img convert -O raw IMAGE IMAGE.raw')"
                    .into(),
            );
            Format::Raw
        }
        Some(f) if OTHER_FORMATS.contains(&f) => {
            refuse(format!("format={f}: gasang opens raw images only"));
            Format::Raw
        }
        Some(f) => {
            refuse(format!(
                "format={f}: unknown format (gasang opens raw images)"
            ));
            Format::Raw
        }
    };
    let interface = match o.get("if") {
        None => Interface::Default,
        Some("virtio") => Interface::Virtio,
        Some("none") => Interface::None,
        Some(i @ ("ide" | "scsi" | "sd" | "mtd" | "pflash" | "floppy" | "xen")) => {
            refuse(format!(
                "if={i}: the virt board has no such controller (use if=virtio, or if=none \
                 with -device virtio-blk-device,drive=ID)"
            ));
            Interface::None
        }
        Some(i) => {
            refuse(format!("if={i}: unknown interface (virtio or none)"));
            Interface::None
        }
    };
    match o.get("media") {
        None | Some("disk") => {}
        Some("cdrom") => refuse("media=cdrom: the virt board has no CD-ROM drive".into()),
        Some(m) => refuse(format!("media={m}: use media=disk")),
    }
    let mut flag = |key: &str| -> bool {
        match o.get(key) {
            None => false,
            Some(v) => parse_bool(v).unwrap_or_else(|| {
                refuse(format!("{key}={v}: use on or off"));
                false
            }),
        }
    };
    let read_only = flag("readonly") || flag("read-only");
    let snapshot = flag("snapshot");
    let if_name = match interface {
        Interface::Virtio => "virtio",
        Interface::None | Interface::Default => "none",
    };
    let index = match o.get("index") {
        None => None,
        Some(v) => match parse_u64(v) {
            Some(n) => Some(n),
            None => {
                refuse(format!("index={v} is not a number"));
                None
            }
        },
    };
    let unit = match index {
        Some(n) => n,
        None => (0..).find(|u| !used.contains(&(if_name, *u))).unwrap_or(0),
    };
    if index.is_some() && used.contains(&(if_name, unit)) {
        refuse(format!(
            "drive with bus=0, unit={unit} (index={unit}) exists"
        ));
    }
    if ok {
        used.push((if_name, unit));
    }
    let id = o
        .get("id")
        .map(String::from)
        .unwrap_or_else(|| format!("{if_name}{unit}"));
    (ok && file.is_some()).then(|| DriveSpec {
        option: shown.to_string(),
        file: file.unwrap_or_default(),
        format,
        interface,
        id,
        read_only,
        snapshot,
        serial: o.get("serial").map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drive(v: &str, used: &mut Vec<(&'static str, u64)>) -> Result<DriveSpec, String> {
        let mut r = Report::default();
        parse_drive(&format!("-drive {v}"), v, used, &mut r).ok_or_else(|| {
            r.refusals
                .iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    #[test]
    fn default_ids_and_interfaces_as_qemu() {
        let mut used = Vec::new();
        let d = drive("file=a.img,format=raw", &mut used).unwrap();
        assert_eq!((d.id.as_str(), d.interface), ("none0", Interface::Default));
        let d = drive("file=b.img", &mut used).unwrap();
        assert_eq!(d.id, "none1");
        assert_eq!(d.format, Format::Probe);
        let d = drive("file=c.img,if=virtio,readonly=on,snapshot=on", &mut used).unwrap();
        assert_eq!(d.id, "virtio0");
        assert!(d.read_only && d.snapshot);
        let d = drive("file=d.img,if=none,id=x0,cache=none,aio=threads", &mut used).unwrap();
        assert_eq!(d.id, "x0");
    }

    #[test]
    fn refusals_name_every_problem() {
        let mut used = Vec::new();
        let e = drive(
            "file=x.qcow2,format=qcow2,if=ide,copy-on-read=on,frob=1",
            &mut used,
        )
        .unwrap_err();
        assert_eq!(e.lines().count(), 4, "{e}");
        assert!(e.contains("qcow2 images are not supported yet"), "{e}");
        assert!(e.contains("if=ide"), "{e}");
        assert!(e.contains("'frob'"), "{e}");
        assert!(drive("format=raw", &mut used)
            .unwrap_err()
            .contains("file=PATH"));
        assert!(drive("file=x,format=vmdk", &mut used)
            .unwrap_err()
            .contains("raw images only"));
        assert!(drive("file=x,media=cdrom", &mut used).is_err());
        drive("file=x,index=3", &mut used).unwrap();
        assert!(drive("file=y,index=3", &mut used)
            .unwrap_err()
            .contains("exists"));
    }
}
