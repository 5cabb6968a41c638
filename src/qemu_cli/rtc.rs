//! `-rtc base=utc|localtime|DATE[,clock=host|rt|vm][,driftfix=none|slew]` (vl.c
//! `configure_rtc`): where the goldfish RTC starts. DATE is `2006-06-17T16:01:21` or
//! `2006-06-17`, in UTC.

use super::options::RtcBase;
use super::opts::Opts;

/// The base and whether the RTC follows the machine's clock (`clock=vm`).
pub fn parse_rtc(o: &Opts) -> Result<(RtcBase, bool), String> {
    if let Some(k) = o.unknown_keys(&["base", "clock", "driftfix"]).first() {
        return Err(format!("Invalid parameter '{k}'"));
    }
    let base = match o.get("base") {
        None | Some("utc") => RtcBase::Utc,
        Some("localtime") => RtcBase::LocalTime,
        Some(d) => RtcBase::Date(parse_date(d).ok_or_else(|| {
            format!("invalid datetime format '{d}': valid formats: '2006-06-17T16:01:21' or '2006-06-17'")
        })?),
    };
    let vm = match o.get("clock") {
        None | Some("host") | Some("rt") => false,
        Some("vm") => true,
        Some(c) => return Err(format!("invalid option value '{c}' (host, rt or vm)")),
    };
    match o.get("driftfix") {
        None | Some("none") | Some("slew") => {}
        Some(d) => return Err(format!("invalid option value '{d}' (none or slew)")),
    }
    Ok((base, vm))
}

/// Seconds since the Unix epoch of `YYYY-MM-DD[THH:MM:SS]` (UTC).
fn parse_date(s: &str) -> Option<i64> {
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut d = date.split('-').map(|x| x.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    if d.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let secs = match time {
        None => 0,
        Some(t) => {
            let mut t = t.split(':').map(|x| x.parse::<i64>().ok());
            let (h, mi, se) = (t.next()??, t.next()??, t.next()??);
            if t.next().is_some() || h > 23 || mi > 59 || se > 60 || h < 0 || mi < 0 || se < 0 {
                return None;
            }
            h * 3600 + mi * 60 + se
        }
    };
    Some(days_from_civil(y, m, day) * 86400 + secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The host's offset from UTC now, in seconds (for `base=localtime`).
pub fn local_utc_offset() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as libc::time_t);
    // SAFETY: `localtime_r` reads `now` and writes the caller's `tm`; both live here, and
    // a zeroed `tm` is a valid value of the plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: as above; the return value is checked.
    let ok = unsafe { !libc::localtime_r(&now, &mut tm).is_null() };
    if ok {
        tm.tm_gmtoff
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_and_dates() {
        let p = |s: &str| parse_rtc(&Opts::parse(s, None));
        assert_eq!(p("base=utc"), Ok((RtcBase::Utc, false)));
        assert_eq!(p("base=localtime,clock=vm"), Ok((RtcBase::LocalTime, true)));
        assert_eq!(
            p("base=2006-06-17T16:01:21"),
            Ok((RtcBase::Date(1_150_560_081), false))
        );
        assert_eq!(
            p("base=2006-06-17,driftfix=slew"),
            Ok((RtcBase::Date(1_150_502_400), false))
        );
        assert_eq!(p("base=1970-01-01"), Ok((RtcBase::Date(0), false)));
        assert!(p("base=yesterday").unwrap_err().contains("datetime"));
        assert!(p("base=2006-13-01").is_err());
        assert!(p("clock=wall").is_err());
        assert!(p("tz=UTC").is_err());
    }
}
