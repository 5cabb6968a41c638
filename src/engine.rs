//! Which engine runs guest code: the interpreter, the JIT, or both in lockstep.

use std::str::FromStr;

/// The engines (`--engine`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EngineKind {
    /// The interpreter alone (the reference).
    Interp,
    /// The Cranelift JIT: hot regions compiled on a background thread (the default).
    #[default]
    Jit,
    /// The JIT with the interpreter in lockstep on a shadow hart: the first difference
    /// ends the run with a report (see `frontend_riscv::check`). Time follows executed
    /// instructions, so that both see the same clock.
    Check,
}

impl FromStr for EngineKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "interp" | "interpreter" => Ok(EngineKind::Interp),
            "jit" => Ok(EngineKind::Jit),
            "check" => Ok(EngineKind::Check),
            _ => Err(format!("unknown engine '{s}' (interp, jit or check)")),
        }
    }
}

/// How the JIT is set up: interpreted runs before a region is compiled
/// (`GASANG_JIT_THRESHOLD` overrides the default, for experiments), and whether it
/// compiles on a background thread (`GASANG_JIT_BACKGROUND=0`: at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JitSettings {
    /// Runs of a block before its region is compiled.
    pub threshold: u32,
    /// Compile on a background thread.
    pub background: bool,
}

impl JitSettings {
    /// The settings for `engine`: check mode compiles at once and early, so that the
    /// comparison covers compiled code from the start.
    pub fn for_engine(engine: EngineKind) -> JitSettings {
        let env_threshold = std::env::var("GASANG_JIT_THRESHOLD")
            .ok()
            .and_then(|v| v.parse().ok());
        let env_background = std::env::var("GASANG_JIT_BACKGROUND")
            .ok()
            .map(|v| v != "0");
        match engine {
            EngineKind::Check => JitSettings {
                threshold: env_threshold.unwrap_or(2),
                background: env_background.unwrap_or(false),
            },
            _ => JitSettings {
                threshold: env_threshold.unwrap_or(frontend_riscv::interp::HOT_RUNS),
                background: env_background.unwrap_or(true),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!("interp".parse(), Ok(EngineKind::Interp));
        assert_eq!("jit".parse(), Ok(EngineKind::Jit));
        assert_eq!("check".parse(), Ok(EngineKind::Check));
        assert!("fast".parse::<EngineKind>().unwrap_err().contains("'fast'"));
        assert_eq!(EngineKind::default(), EngineKind::Jit);
    }
}
