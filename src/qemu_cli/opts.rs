//! QEMU's `key=value,key=value` option syntax (QemuOpts, util/qemu-option.c): a comma in
//! a value is written `,,`; a leading bare word is the value of the option's implied key
//! (`-device virtio-blk-device,...` is `driver=virtio-blk-device`).

/// One parsed option string: its `(key, value)` pairs in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opts(pub Vec<(String, String)>);

impl Opts {
    /// Parses `s`. A bare word is the implied key's value when it comes first and the
    /// option has one (`implied`), otherwise a boolean `key=on` (QEMU's legacy short form).
    pub fn parse(s: &str, implied: Option<&str>) -> Opts {
        let mut out = Vec::new();
        for (i, part) in split_unescaped(s).into_iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            match part.split_once('=') {
                Some((k, v)) => out.push((k.to_string(), v.to_string())),
                None => match implied {
                    Some(key) if i == 0 => out.push((key.to_string(), part)),
                    _ => out.push((part, "on".to_string())),
                },
            }
        }
        Opts(out)
    }

    /// The last value of `key` (QEMU keeps the last one given).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether `key` was given.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys not in `known`, each once, in order.
    pub fn unknown_keys<'a>(&'a self, known: &[&str]) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for (k, _) in &self.0 {
            if !known.contains(&k.as_str()) && !out.contains(&k.as_str()) {
                out.push(k);
            }
        }
        out
    }

    /// Appends `other`'s pairs (QEMU's merged option lists: `-machine`, `-smp`, `-m`).
    pub fn merge(&mut self, other: Opts) {
        self.0.extend(other.0);
    }

    /// `key` as a QEMU boolean, `default` when absent.
    pub fn bool(&self, key: &str, default: bool) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => parse_bool(v).ok_or_else(|| format!("{key}={v}: use on or off")),
        }
    }
}

/// A QEMU boolean (`qapi_bool_parse`): on/yes/true/y or off/no/false/n.
pub fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "on" | "yes" | "true" | "y" => Some(true),
        "off" | "no" | "false" | "n" => Some(false),
        _ => None,
    }
}

/// A number as QEMU's integer properties read it: decimal, or hexadecimal with `0x`.
pub fn parse_u64(v: &str) -> Option<u64> {
    match v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => v.parse().ok(),
    }
}

/// Splits at single commas; `,,` stands for a comma inside a value.
fn split_unescaped(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ',' {
            if chars.peek() == Some(&',') {
                chars.next();
                parts.last_mut().unwrap().push(',');
            } else {
                parts.push(String::new());
            }
        } else {
            parts.last_mut().unwrap().push(c);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_key_escapes_and_last_value() {
        let o = Opts::parse(
            "virtio-blk-device,drive=d0,bus=virtio-mmio-bus.0",
            Some("driver"),
        );
        assert_eq!(o.get("driver"), Some("virtio-blk-device"));
        assert_eq!(o.get("bus"), Some("virtio-mmio-bus.0"));
        let o = Opts::parse("file=a,,b.img,format=raw,format=qcow2", None);
        assert_eq!(o.get("file"), Some("a,b.img"));
        assert_eq!(o.get("format"), Some("qcow2"), "the last value wins");
        assert_eq!(o.unknown_keys(&["file"]), vec!["format"]);
        let o = Opts::parse("4", Some("cpus"));
        assert_eq!(o.get("cpus"), Some("4"));
        let o = Opts::parse("file=x,snapshot", None);
        assert_eq!(o.bool("snapshot", false), Ok(true));
        assert!(Opts::parse("readonly=maybe", None)
            .bool("readonly", false)
            .is_err());
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_u64("0x80400000"), Some(0x8040_0000));
        assert_eq!(parse_u64("42"), Some(42));
        assert_eq!(parse_u64("zz"), None);
    }
}
