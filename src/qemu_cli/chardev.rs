//! `-serial`, `-monitor`, `-mon` and `-chardev`: gasang's console is the terminal, with
//! the monitor multiplexed on it (Ctrl-A C), as QEMU's `mon:stdio`. The UART can also go
//! to a file or nowhere.

use std::path::PathBuf;

use super::options::SerialOut;
use super::opts::Opts;
use super::refusal::Report;

/// A `-chardev` backend gasang has.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Backend {
    Stdio,
    Null,
    File(PathBuf),
}

/// Where the console goes and whether the monitor can be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Console {
    /// The UART's output.
    pub serial: SerialOut,
    /// Ctrl-A C opens the monitor.
    pub monitor: bool,
}

/// Reads the character-device options. `nodefaults`: QEMU then adds no serial port
/// backend and no monitor unless asked.
pub fn parse_console(
    chardevs: &[(String, String)],
    serials: &[(String, String)],
    monitors: &[(String, String)],
    mons: &[(String, String)],
    nodefaults: bool,
    report: &mut Report,
) -> Console {
    let mut backends: Vec<(String, Backend)> = Vec::new();
    for (shown, v) in chardevs {
        let o = Opts::parse(v, Some("backend"));
        let Some(id) = o.get("id").filter(|i| !i.is_empty()) else {
            report.refuse(shown, "chardev: no id specified");
            continue;
        };
        let (backend, known): (Option<Backend>, &[&str]) = match o.get("backend") {
            Some("stdio") => (Some(Backend::Stdio), &["backend", "id", "mux", "signal"]),
            Some("null") => (Some(Backend::Null), &["backend", "id"]),
            Some("file") => match o.get("path") {
                Some(p) => (
                    Some(Backend::File(PathBuf::from(p))),
                    &["backend", "id", "path", "append"],
                ),
                None => {
                    report.refuse(shown, "chardev: file: no filename given");
                    continue;
                }
            },
            Some(b) => {
                report.refuse(
                    shown,
                    format!("chardev backend '{b}' is not supported (stdio, null, file)"),
                );
                continue;
            }
            None => {
                report.refuse(shown, "which backend?");
                continue;
            }
        };
        let unknown = o.unknown_keys(known);
        for k in &unknown {
            report.refuse(shown, format!("chardev property '{k}' is not supported"));
        }
        if let Some(b) = backend.filter(|_| unknown.is_empty()) {
            backends.push((id.to_string(), b));
        }
    }
    let lookup = |id: &str| {
        backends
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, b)| b.clone())
    };

    let mut serial = None;
    for (shown, v) in serials {
        let out = match v.as_str() {
            "mon:stdio" | "stdio" => Some(SerialOut::Stdio),
            "null" | "none" => Some(SerialOut::Null),
            s => {
                if let Some(path) = s.strip_prefix("file:") {
                    Some(SerialOut::File(PathBuf::from(path)))
                } else if let Some(id) = s.strip_prefix("chardev:") {
                    match lookup(id) {
                        Some(Backend::Stdio) => Some(SerialOut::Stdio),
                        Some(Backend::Null) => Some(SerialOut::Null),
                        Some(Backend::File(p)) => Some(SerialOut::File(p)),
                        None => {
                            report.refuse(shown, format!("no -chardev with id={id}"));
                            None
                        }
                    }
                } else {
                    report.refuse(
                        shown,
                        "only stdio, mon:stdio, chardev:ID, file:PATH, null or none (the \
                         console is the terminal)",
                    );
                    None
                }
            }
        };
        // The virt board has one UART: the first -serial is it (QEMU ignores the others).
        if serial.is_none() {
            serial = out;
        }
    }
    let mut monitor = !nodefaults
        || serials.iter().any(|(_, v)| v.starts_with("mon:"))
        || !monitors.is_empty()
        || !mons.is_empty();
    for (shown, v) in monitors {
        match v.as_str() {
            "stdio" | "mon:stdio" | "vc" => {}
            "none" | "null" => monitor = false,
            s if s.starts_with("chardev:") && lookup(&s[8..]) == Some(Backend::Stdio) => {}
            _ => report.refuse(
                shown,
                "the monitor is on the console only (Ctrl-A C): use -monitor stdio or none",
            ),
        }
    }
    for (shown, v) in mons {
        let o = Opts::parse(v, Some("chardev"));
        for k in o.unknown_keys(&["chardev", "mode", "pretty"]) {
            report.refuse(shown, format!("property '{k}' is not supported"));
        }
        match o.get("mode") {
            None | Some("readline") => {}
            Some("control") => report.refuse(shown, "mode=control: QMP is not implemented"),
            Some(m) => report.refuse(shown, format!("mode={m}: use readline")),
        }
        match o.get("chardev") {
            Some(id) => match lookup(id) {
                Some(Backend::Stdio) => {}
                Some(_) => report.refuse(shown, "the monitor can only be on a stdio chardev"),
                None => report.refuse(shown, format!("no -chardev with id={id}")),
            },
            None => report.refuse(shown, "chardev=ID is missing"),
        }
    }
    let serial = serial.unwrap_or(if nodefaults {
        SerialOut::Null
    } else {
        SerialOut::Stdio
    });
    Console { serial, monitor }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(name: &str, vals: &[&str]) -> Vec<(String, String)> {
        vals.iter()
            .map(|x| (format!("-{name} {x}"), x.to_string()))
            .collect()
    }

    #[test]
    fn stdio_forms_are_the_console() {
        let mut r = Report::default();
        let c = parse_console(
            &v("chardev", &["stdio,id=c,mux=on,signal=off"]),
            &v("serial", &["chardev:c"]),
            &[],
            &v("mon", &["chardev=c"]),
            false,
            &mut r,
        );
        assert!(r.refusals.is_empty(), "{:?}", r.refusals);
        assert_eq!(
            c,
            Console {
                serial: SerialOut::Stdio,
                monitor: true
            }
        );
        let c = parse_console(&[], &v("serial", &["mon:stdio"]), &[], &[], true, &mut r);
        assert_eq!(
            c,
            Console {
                serial: SerialOut::Stdio,
                monitor: true
            }
        );
        let c = parse_console(&[], &[], &[], &[], true, &mut r);
        assert_eq!(
            c,
            Console {
                serial: SerialOut::Null,
                monitor: false
            }
        );
        let c = parse_console(
            &[],
            &v("serial", &["file:/tmp/x"]),
            &v("monitor", &["none"]),
            &[],
            false,
            &mut r,
        );
        assert_eq!(c.serial, SerialOut::File("/tmp/x".into()));
        assert!(!c.monitor);
        assert!(r.refusals.is_empty());
    }

    #[test]
    fn other_backends_are_refused() {
        let mut r = Report::default();
        parse_console(
            &v("chardev", &["socket,id=s,port=4444", "stdio"]),
            &v("serial", &["pty", "chardev:nope"]),
            &v("monitor", &["telnet::4444,server"]),
            &v("mon", &["chardev=s,mode=control"]),
            false,
            &mut r,
        );
        assert_eq!(r.refusals.len(), 7, "{:#?}", r.refusals);
    }
}
