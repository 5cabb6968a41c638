//! `-m [size=]SIZE[,slots=N,maxmem=SIZE]` (vl.c `parse_memory_options`): the size is
//! rounded up to 8 KiB as QEMU does; `slots` and `maxmem` are checked as QEMU checks them
//! and otherwise ignored (the virt board has no memory hotplug).

use super::opts::{parse_u64, Opts};
use crate::size::{parse_bytes, parse_size};

/// QEMU's default RAM for the virt board is 128 MiB; gasang's is 256 MiB, which the
/// bundled Linux wants.
pub const DEFAULT_RAM: u64 = 256 << 20;
/// The largest RAM gasang maps.
pub const MAX_RAM: u64 = 1 << 40;

/// The RAM size `opts` (merged `-m` options) asks for; `None` for QEMU's "use the default"
/// (`-m 0`).
pub fn parse_memory(opts: &Opts) -> Result<Option<u64>, String> {
    if let Some(k) = opts.unknown_keys(&["size", "slots", "maxmem"]).first() {
        return Err(format!("Invalid parameter '{k}'"));
    }
    let size = match opts.get("size") {
        None => None,
        Some("") => return Err("missing 'size' option value".into()),
        Some(s) => Some(parse_size(s)?),
    };
    let size = size.filter(|&n| n != 0);
    // QEMU_ALIGN_UP(sz, 8192).
    let size = match size {
        Some(n) => Some(
            n.checked_add(8191)
                .ok_or_else(|| "the size is too large".to_string())?
                & !8191,
        ),
        None => None,
    };
    let ram = size.unwrap_or(DEFAULT_RAM);
    let slots = match opts.get("slots") {
        None => None,
        Some(v) => Some(parse_u64(v).ok_or_else(|| format!("slots={v} is not a number"))?),
    };
    match (opts.get("maxmem"), slots) {
        (Some(m), _) => {
            let max = parse_bytes(m)?;
            if max < ram {
                return Err(format!(
                    "invalid value of maxmem: maximum memory size ({max:#x}) must be at least \
                     the initial memory size ({ram:#x})"
                ));
            }
        }
        (None, Some(n)) if n > 0 => return Err("slots specified but no max-size".into()),
        _ => {}
    }
    if ram > MAX_RAM {
        return Err("gasang maps at most 1T of RAM".into());
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Result<Option<u64>, String> {
        parse_memory(&Opts::parse(s, Some("size")))
    }

    #[test]
    fn sizes_round_to_8k_as_qemu() {
        assert_eq!(m("256"), Ok(Some(256 << 20)));
        assert_eq!(m("512M"), Ok(Some(512 << 20)));
        // QEMU 7.2 gives 1.9G as 0x7999a000 bytes.
        assert_eq!(m("1.9G"), Ok(Some(0x7999_a000)));
        assert_eq!(m("size=1G"), Ok(Some(1 << 30)));
        assert_eq!(m("1000K"), Ok(Some(0xfa000)));
        assert_eq!(m("3K"), Ok(Some(8192)));
        assert_eq!(m("0"), Ok(None));
    }

    #[test]
    fn slots_and_maxmem_are_checked_then_ignored() {
        assert_eq!(m("1G,slots=2,maxmem=2G"), Ok(Some(1 << 30)));
        assert!(m("1G,maxmem=512M").unwrap_err().contains("at least"));
        assert!(m("1G,slots=2").unwrap_err().contains("no max-size"));
        assert_eq!(m("1G,maxmem=2G"), Ok(Some(1 << 30)), "QEMU 7.2 accepts it");
        assert!(m("size=1G,foo=1").unwrap_err().contains("'foo'"));
        assert!(m("1.5").is_err());
        assert!(m("2T").unwrap_err().contains("1T"));
    }
}
