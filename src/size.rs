//! QEMU's sizes (`qemu_strtosz`, util/cutils.c): a decimal number, optionally with a
//! fraction, and an optional suffix B, K, M, G, T, P or E (powers of 1024, either case);
//! `0x...` hexadecimal without fraction or suffix. `-m` (and `gasang run -m`) adds QEMU's
//! legacy rule: a value that ends in a digit counts MiB.

/// A size without the `-m` rule: a bare number is bytes (`qemu_strtosz`).
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    strtosz(s.trim())
}

/// A size as `-m` reads it: `512` is 512 MiB, `1.9G`, `65536K`, `0x1000` (MiB, as QEMU
/// counts a bare hexadecimal number too).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let n = strtosz(s)?;
    // vl.c parse_memory_options: "Fix up legacy suffix-less format".
    if s.ends_with(|c: char| c.is_ascii_digit()) {
        n.checked_mul(1 << 20)
            .ok_or_else(|| format!("size '{s}' is too large"))
    } else {
        Ok(n)
    }
}

fn suffix_mul(c: char) -> Option<u64> {
    let shift = match c.to_ascii_uppercase() {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        'T' => 40,
        'P' => 50,
        'E' => 60,
        _ => return None,
    };
    Some(1 << shift)
}

/// `qemu_strtosz` with default suffix B: the integer part and the fraction times the
/// suffix, rounded half up; a fraction needs a suffix other than B.
fn strtosz(s: &str) -> Result<u64, String> {
    let bad =
        || format!("'{s}' is not a size (a number with an optional suffix K, M, G, T, P or E)");
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        return u64::from_str_radix(hex, 16).map_err(|_| bad());
    }
    let int_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if int_end == 0 {
        return Err(bad());
    }
    let int: u64 = s[..int_end]
        .parse()
        .map_err(|_| format!("size '{s}' is too large"))?;
    let mut rest = &s[int_end..];
    // The fraction as a 64-bit fixed-point value, as QEMU keeps it.
    let mut frac: u128 = 0;
    if let Some(f) = rest.strip_prefix('.') {
        let digits_end = f.find(|c: char| !c.is_ascii_digit()).unwrap_or(f.len());
        let digits = &f[..digits_end];
        let value: f64 = format!("0.{digits}0").parse().map_err(|_| bad())?;
        frac = (value * 18_446_744_073_709_551_616.0) as u128;
        rest = &f[digits_end..];
    }
    let mut chars = rest.chars();
    let mul = match chars.next() {
        None => 1,
        Some(c) => suffix_mul(c).ok_or_else(bad)?,
    };
    if chars.next().is_some() {
        return Err(bad());
    }
    if mul == 1 && frac != 0 {
        return Err(bad());
    }
    let whole = (int as u128) * (mul as u128);
    let part = frac * mul as u128;
    // Round 0.5 upward.
    let total = whole + (part >> 64) + ((part >> 63) & 1);
    u64::try_from(total).map_err(|_| format!("size '{s}' is too large"))
}

/// A byte count for messages: `128 MiB`, `1 GiB`, `1536 KiB`, or bytes when it is not a
/// whole number of KiB.
pub fn format_size(n: u64) -> String {
    const UNITS: [(&str, u32); 4] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        if n >= 1 << shift && n.is_multiple_of(1 << shift) {
            return format!("{} {unit}", n >> shift);
        }
    }
    format!("{n} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_qemu_sizes() {
        assert_eq!(parse_size("128M"), Ok(128 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("512"), Ok(512 << 20));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("1.5m"), Ok(3 << 19));
        assert_eq!(parse_size("0x10"), Ok(16 << 20));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("abc").is_err());
        assert!(parse_size("").is_err());
        assert!(
            parse_size("1.5").is_err(),
            "a fraction needs a suffix, as on QEMU"
        );
        assert!(parse_size("1e3M").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert!(parse_size("-1G").is_err());
        assert_eq!(parse_bytes("4096"), Ok(4096));
    }

    #[test]
    fn fractions_round_as_qemu_does() {
        // 1.9 * 2^30 = 2040109465.6: QEMU rounds to 2040109466 (then -m aligns to 8 KiB).
        assert_eq!(parse_size("1.9G"), Ok(2_040_109_466));
        assert_eq!(parse_size("1.0000001M"), Ok(1_048_576));
    }

    #[test]
    fn formats_sizes_for_messages() {
        assert_eq!(format_size(128 << 20), "128 MiB");
        assert_eq!(format_size(1 << 30), "1 GiB");
        assert_eq!(format_size(1536 << 10), "1536 KiB");
        assert_eq!(format_size(1000), "1000 bytes");
    }
}
