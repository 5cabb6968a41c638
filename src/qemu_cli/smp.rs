//! `-smp [cpus=]N[,sockets=S][,dies=1][,clusters=1][,cores=C][,threads=T][,maxcpus=M]`
//! with QEMU 7.2's rules (hw/core/machine-smp.c `machine_parse_smp_config`): missing values
//! are computed preferring cores, the product of the topology must equal maxcpus, and the
//! board gets `cpus` harts. Zero counts as "not given" (QEMU warns that it is deprecated).

use super::opts::{parse_u64, Opts};

/// The most harts the virt board runs.
pub const MAX_HARTS: u64 = 8;

/// The number of harts `opts` (merged `-smp` options) asks for, and a warning if QEMU
/// would print one.
pub fn parse_smp(opts: &Opts) -> Result<(usize, Option<String>), String> {
    let keys = [
        "cpus", "sockets", "dies", "clusters", "cores", "threads", "maxcpus",
    ];
    if let Some(k) = opts.unknown_keys(&keys).first() {
        return Err(format!("Invalid parameter '{k}'"));
    }
    let mut v = [0u64; 7];
    let mut warning = None;
    for (i, k) in keys.iter().enumerate() {
        if let Some(s) = opts.get(k) {
            v[i] = parse_u64(s).ok_or_else(|| format!("{k}={s} is not a number"))?;
            if v[i] == 0 {
                warning = Some(
                    "Deprecated CPU topology (considered invalid): CPU topology parameters \
                     must be greater than zero"
                        .to_string(),
                );
            }
        }
    }
    let [cpus, mut sockets, dies, clusters, mut cores, mut threads, mut maxcpus] = v;
    if dies > 1 {
        return Err("dies not supported by this machine's CPU topology".into());
    }
    if clusters > 1 {
        return Err("clusters not supported by this machine's CPU topology".into());
    }
    let or1 = |x: u64| if x > 0 { x } else { 1 };
    if cpus == 0 && maxcpus == 0 {
        sockets = or1(sockets);
        cores = or1(cores);
        threads = or1(threads);
    } else {
        maxcpus = if maxcpus > 0 { maxcpus } else { cpus };
        // Prefer cores over sockets (QEMU 6.2 and later).
        if cores == 0 {
            sockets = or1(sockets);
            threads = or1(threads);
            cores = maxcpus / (sockets * threads);
        } else if sockets == 0 {
            threads = or1(threads);
            sockets = maxcpus / (cores * threads);
        }
        if threads == 0 {
            threads = maxcpus / (sockets * cores);
        }
    }
    let total = sockets * cores * threads;
    let maxcpus = if maxcpus > 0 { maxcpus } else { total };
    let cpus = if cpus > 0 { cpus } else { maxcpus };
    let topo = format!("sockets ({sockets}) * cores ({cores}) * threads ({threads})");
    if total != maxcpus {
        return Err(format!(
            "Invalid CPU topology: product of the hierarchy must match maxcpus: {topo} != \
             maxcpus ({maxcpus})"
        ));
    }
    if maxcpus < cpus {
        return Err(format!(
            "Invalid CPU topology: maxcpus must be equal to or greater than smp: {topo} == \
             maxcpus ({maxcpus}) < smp_cpus ({cpus})"
        ));
    }
    if maxcpus > MAX_HARTS {
        return Err(format!(
            "{maxcpus} CPUs: gasang's virt board runs at most {MAX_HARTS} harts"
        ));
    }
    Ok((cpus as usize, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smp(s: &str) -> Result<usize, String> {
        parse_smp(&Opts::parse(s, Some("cpus"))).map(|(n, _)| n)
    }

    #[test]
    fn topologies_as_qemu_computes_them() {
        assert_eq!(smp("4"), Ok(4));
        assert_eq!(smp("cpus=3"), Ok(3));
        assert_eq!(smp("4,sockets=2,cores=2"), Ok(4));
        assert_eq!(smp("sockets=2,cores=2"), Ok(4));
        assert_eq!(smp("cores=4"), Ok(4));
        assert_eq!(smp("4,maxcpus=8"), Ok(4));
        assert_eq!(smp("maxcpus=4"), Ok(4));
        assert_eq!(smp("8,sockets=2,cores=2,threads=2"), Ok(8));
        assert_eq!(smp("2,clusters=1"), Ok(2));
        assert_eq!(smp("0"), Ok(1));
        let (n, w) = parse_smp(&Opts::parse("2,sockets=0", Some("cpus"))).unwrap();
        assert_eq!(n, 2);
        assert!(w.unwrap().contains("Deprecated"));
    }

    #[test]
    fn invalid_topologies_are_refused_with_qemus_reason() {
        assert!(smp("4,sockets=3")
            .unwrap_err()
            .contains("sockets (3) * cores (1) * threads (1) != maxcpus (4)"));
        assert!(smp("3,threads=2").unwrap_err().contains("!= maxcpus (3)"));
        assert!(smp("4,dies=2").unwrap_err().contains("dies not supported"));
        assert!(smp("9").unwrap_err().contains("at most 8"));
        assert!(smp("4,maxcpus=16").unwrap_err().contains("at most 8"));
        assert!(smp("4,maxcpus=2").unwrap_err().contains("maxcpus must be"));
        assert!(smp("four").is_err());
        assert!(smp("4,nodes=2").unwrap_err().contains("'nodes'"));
    }
}
