//! QEMU-style command lines: single-dash long options (`-kernel`, `-smp`) and the
//! comma-separated `key=value` syntax of `-drive`, `-device` and `-smp`.

/// Options that take a value, in their QEMU spelling (without dashes).
const WITH_VALUE: &[&str] = &[
    "m",
    "smp",
    "kernel",
    "initrd",
    "append",
    "bios",
    "drive",
    "device",
    "machine",
    "cpu",
    "M",
    "serial",
    "monitor",
    "display",
    "gdb",
    "d",
    "D",
    "dumpdtb",
    "max-insns",
    "clock",
    "global",
];

/// Rewrites QEMU's single-dash long options (`-kernel x`) into clap's double-dash form
/// (`--kernel x`), leaving option values untouched (an `-append` value may start with a
/// dash). Returns the rewritten arguments (program name excluded).
pub fn normalize(args: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut value_next = false;
    for a in args {
        if value_next {
            value_next = false;
            out.push(a);
            continue;
        }
        let rewritten = match a.strip_prefix('-') {
            Some(rest) if !rest.starts_with('-') && rest.len() > 1 => format!("--{rest}"),
            _ => a.clone(),
        };
        let name = rewritten.trim_start_matches('-');
        let name = name.split('=').next().unwrap_or(name);
        if !a.contains('=') && WITH_VALUE.contains(&name) {
            value_next = true;
        }
        // QEMU's -M is an alias of -machine.
        if rewritten == "-M" {
            out.push("--machine".into());
        } else {
            out.push(rewritten);
        }
    }
    out
}

/// A parsed `key=value,key=value` option; a leading bare word is stored under `""`
/// (e.g. `-device virtio-blk-device,drive=d0`, `-smp 4`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyValues(pub Vec<(String, String)>);

impl KeyValues {
    /// Parses `s`.
    pub fn parse(s: &str) -> KeyValues {
        KeyValues(
            s.split(',')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (String::new(), p.to_string()),
                })
                .collect(),
        )
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first key not in `known`, if any.
    pub fn unknown_key(&self, known: &[&str]) -> Option<&str> {
        self.0
            .iter()
            .map(|(k, _)| k.as_str())
            .find(|k| !known.contains(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn single_dash_options_become_long() {
        assert_eq!(
            normalize(v(&[
                "-m",
                "256M",
                "-kernel",
                "Image",
                "-append",
                "-x console=ttyS0",
                "-nographic",
                "-s"
            ])),
            v(&[
                "-m",
                "256M",
                "--kernel",
                "Image",
                "--append",
                "-x console=ttyS0",
                "--nographic",
                "-s"
            ])
        );
        assert_eq!(
            normalize(v(&["-M", "virt", "-smp", "4", "--bios", "none"])),
            v(&["--machine", "virt", "--smp", "4", "--bios", "none"])
        );
    }

    #[test]
    fn key_values() {
        let kv = KeyValues::parse("file=disk.img,format=raw,readonly=on");
        assert_eq!(kv.get("file"), Some("disk.img"));
        assert_eq!(kv.get("readonly"), Some("on"));
        assert_eq!(kv.unknown_key(&["file", "format"]), Some("readonly"));
        let kv = KeyValues::parse("virtio-blk-device,drive=d0");
        assert_eq!(kv.get(""), Some("virtio-blk-device"));
        assert_eq!(kv.get("drive"), Some("d0"));
    }
}
