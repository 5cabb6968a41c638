//! Refused options: each names the option as given and says why, one line each, so a
//! command line with several problems is answered with all of them at once.

/// One refused option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The option as given (`-drive file=x.img,format=qcow2`).
    pub option: String,
    /// Why (`format=qcow2 is not supported yet ...`).
    pub reason: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.option, self.reason)
    }
}

/// The refusals and warnings collected while reading a command line.
#[derive(Debug, Default)]
pub struct Report {
    /// What cannot be honoured.
    pub refusals: Vec<Refusal>,
    /// What is accepted but probably not what was meant (printed, not fatal).
    pub warnings: Vec<String>,
}

impl Report {
    /// Refuses `option` for `reason`.
    pub fn refuse(&mut self, option: impl Into<String>, reason: impl Into<String>) {
        self.refusals.push(Refusal {
            option: option.into(),
            reason: reason.into(),
        });
    }

    /// Adds a warning.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.warnings.push(text.into());
    }
}

/// `-name value` as the user wrote it, for messages.
pub fn shown(name: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("-{name} {v}"),
        None => format!("-{name}"),
    }
}
