//! `smimelint.toml`: settings a CA keeps next to its certificate profiles, so that every run
//! (CLI, CI job, pre-issuance hook) lints the same way. Command-line flags override it.
//!
//! Unknown keys are rejected with the key's name: a misspelt setting that silently did nothing
//! would let non-compliant certificates through.

use crate::detect::{CertType, PolicyMap};
use crate::filter::LintFilter;
use crate::glob::parse_globs;
pub use crate::options::StatusOverride;
use crate::options::{parse_at, Options};
pub use crate::profile_constraints::ProfileConstraints;
use crate::registry::{self, Source, Status};
use const_oid::ObjectIdentifier;
use serde::Deserialize;
use smimelint_der::time::UnixTime;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// File name looked up in the working directory when `--config` is not given.
pub const DEFAULT_FILE: &str = "smimelint.toml";

/// Largest configuration (or policy map) file read. Real ones are a few kilobytes; the cap keeps
/// `--config /dev/zero` from growing without end.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The file as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub lint: LintSection,
    /// CA policy OID → certificate type, e.g. `"1.3.6.1.4.1.99999.1.1" = "mailbox-strict"`.
    #[serde(default)]
    pub policy_map: BTreeMap<String, String>,
    /// Per-lint settings, keyed by lint name.
    #[serde(default)]
    pub lints: BTreeMap<String, LintSetting>,
    #[serde(default)]
    pub profile: ProfileSection,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintSection {
    /// `now` or `YYYY-MM-DD`.
    pub at: Option<String>,
    /// Lint every certificate as this type.
    #[serde(rename = "type")]
    pub cert_type: Option<String>,
    pub guess: Option<bool>,
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub include_sources: Vec<String>,
    #[serde(default)]
    pub exclude_sources: Vec<String>,
    /// `notice`, `warn`, `error`, `fatal` or `never`.
    pub fail_on: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintSetting {
    /// `off` to skip the lint, or the status its findings are reported with
    /// (`notice`, `warn`, `error`).
    pub status: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSection {
    /// Policy OIDs every subscriber certificate of this CA must carry.
    #[serde(default)]
    pub required_policies: Vec<String>,
    /// Policy OIDs allowed besides the SBR-reserved ones and the required ones. When set, any
    /// other policy OID is a finding.
    pub allowed_policies: Option<Vec<String>>,
    /// EKUs allowed in Multipurpose certificates besides emailProtection. When set, any other
    /// EKU is a finding.
    pub allowed_multipurpose_ekus: Option<Vec<String>>,
    /// Mailbox domains this CA may certify: `example.com` (that domain) or `.example.com`
    /// (subdomains). When set, any mailbox address outside them is a finding.
    pub allowed_mailbox_domains: Option<Vec<String>>,
}

/// The file, checked and turned into engine settings.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    pub at: Option<UnixTime>,
    pub cert_type: Option<CertType>,
    pub guess: Option<bool>,
    pub filter: LintFilter,
    pub fail_on: Option<FailOn>,
    pub policy_map: Option<PolicyMap>,
    pub overrides: Vec<(&'static str, StatusOverride)>,
    pub constraints: Option<ProfileConstraints>,
}

fn oid(key: &str, s: &str) -> Result<ObjectIdentifier, String> {
    ObjectIdentifier::new(s.trim()).map_err(|e| format!("{key}: bad OID '{s}': {e}"))
}

fn oids(key: &str, list: &[String]) -> Result<Vec<ObjectIdentifier>, String> {
    list.iter().map(|s| oid(key, s)).collect()
}

// Every value below is checked by one function whatever path it comes from (command line,
// configuration file, `smimelint config`), so that no path accepts what another refuses.

/// Lint sources by name; `what` names the setting in the error. A source no registered lint
/// comes from is refused like a glob that matches no lint: selecting by it would silently run
/// nothing (include) or do nothing (exclude).
pub fn parse_sources(what: &str, names: &[String]) -> Result<Vec<Source>, String> {
    names
        .iter()
        .map(|n| {
            let source = Source::parse(n).ok_or_else(|| {
                let known: Vec<&str> = Source::ALL.iter().map(|s| s.as_str()).collect();
                format!("{what}: unknown source '{n}' (known: {})", known.join(", "))
            })?;
            if !registry::all().iter().any(|l| l.source == source) {
                return Err(format!("{what}: no lint comes from source '{n}'"));
            }
            Ok(source)
        })
        .collect()
}

/// An evaluation time as a setting: `now` or `YYYY-MM-DD`; `what` names the setting in the error.
pub fn parse_at_setting(what: &str, s: &str) -> Result<UnixTime, String> {
    parse_at(s).ok_or_else(|| format!("{what}: expected 'now' or YYYY-MM-DD, got '{s}'"))
}

/// The lowest status that makes a run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    At(Status),
    Never,
}

impl FailOn {
    pub const NAMES: &'static str = "notice, warn, error, fatal or never";

    pub fn parse(what: &str, s: &str) -> Result<FailOn, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "notice" => FailOn::At(Status::Notice),
            "warn" => FailOn::At(Status::Warn),
            "error" => FailOn::At(Status::Error),
            "fatal" => FailOn::At(Status::Fatal),
            "never" => FailOn::Never,
            _ => return Err(format!("{what}: '{s}' (expected {})", FailOn::NAMES)),
        })
    }

    /// Whether a run whose worst status is `worst` fails.
    pub fn fails(self, worst: Option<Status>) -> bool {
        matches!((self, worst), (FailOn::At(t), Some(w)) if w >= t)
    }
}

/// A certificate type by name.
pub fn parse_type(what: &str, s: &str) -> Result<CertType, String> {
    s.parse::<CertType>().map_err(|e| format!("{what}: {e}"))
}

/// Reads a settings file of at most [`MAX_FILE_BYTES`] as UTF-8.
pub fn read_capped(path: &Path) -> std::io::Result<String> {
    read_text(path, MAX_FILE_BYTES)
}

/// Reads a UTF-8 file of at most `max` bytes; a larger one (or an endless device) is an error
/// after reading `max + 1` bytes.
pub fn read_text(path: &Path, max: u64) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let file = std::fs::File::open(path)?;
    // A regular file's size is known: refuse it before reading.
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() > max) {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {max} bytes"),
        ));
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {max} bytes"),
        ));
    }
    String::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::InvalidData, "not UTF-8 text"))
}

impl Config {
    pub fn parse(text: &str) -> Result<Config, String> {
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(format!("larger than {MAX_FILE_BYTES} bytes"));
        }
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Validates every value (OIDs, types, lint names) and converts to engine settings.
    pub fn load(self) -> Result<Loaded, String> {
        let cert_type = self
            .lint
            .cert_type
            .as_deref()
            .map(|t| parse_type("lint.type", t))
            .transpose()?;
        let policy_map = if self.policy_map.is_empty() {
            None
        } else {
            let mut map = PolicyMap::parse("")?;
            for (o, t) in &self.policy_map {
                let ty = parse_type(&format!("policy_map.\"{o}\""), t)?;
                map.insert(&oid("policy_map", o)?, ty);
            }
            Some(map)
        };
        let mut overrides = Vec::new();
        for (name, setting) in &self.lints {
            let lint = registry::find(name)
                .ok_or_else(|| format!("lints.{name}: no lint with this name"))?;
            if let Some(s) = &setting.status {
                let o = match s.as_str() {
                    "off" => StatusOverride::Off,
                    "notice" => StatusOverride::Report(Status::Notice),
                    "warn" => StatusOverride::Report(Status::Warn),
                    "error" => StatusOverride::Report(Status::Error),
                    other => {
                        return Err(format!(
                            "lints.{name}.status: '{other}' (expected off, notice, warn or error)"
                        ))
                    }
                };
                overrides.push((lint.name, o));
            }
        }
        let p = &self.profile;
        let constraints = ProfileConstraints {
            required_policies: oids("profile.required_policies", &p.required_policies)?,
            allowed_policies: p
                .allowed_policies
                .as_deref()
                .map(|l| oids("profile.allowed_policies", l))
                .transpose()?,
            allowed_multipurpose_ekus: p
                .allowed_multipurpose_ekus
                .as_deref()
                .map(|l| oids("profile.allowed_multipurpose_ekus", l))
                .transpose()?,
            allowed_mailbox_domains: p
                .allowed_mailbox_domains
                .as_ref()
                .map(|l| l.iter().map(|d| d.trim().to_ascii_lowercase()).collect()),
        };
        let l = &self.lint;
        Ok(Loaded {
            path: None,
            at: l
                .at
                .as_deref()
                .map(|s| parse_at_setting("lint.at", s))
                .transpose()?,
            cert_type,
            guess: l.guess,
            filter: LintFilter {
                include: parse_globs("lint.include", &l.include)?,
                exclude: parse_globs("lint.exclude", &l.exclude)?,
                include_sources: parse_sources("lint.include_sources", &l.include_sources)?,
                exclude_sources: parse_sources("lint.exclude_sources", &l.exclude_sources)?,
            },
            fail_on: l
                .fail_on
                .as_deref()
                .map(|s| FailOn::parse("lint.fail_on", s))
                .transpose()?,
            policy_map,
            overrides,
            constraints: (!constraints.is_empty()).then_some(constraints),
        })
    }
}

/// Reads `path`, or `./smimelint.toml` when `path` is None and the file exists.
/// Returns None when there is no file to read.
pub fn find_and_load(path: Option<&Path>) -> Result<Option<Loaded>, String> {
    let (path, explicit) = match path {
        Some(p) => (p.to_path_buf(), true),
        None => (PathBuf::from(DEFAULT_FILE), false),
    };
    let text = match read_capped(&path) {
        Ok(t) => t,
        Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut loaded = Config::parse(&text)
        .and_then(Config::load)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    loaded.path = Some(path);
    Ok(Some(loaded))
}

impl Loaded {
    /// Fills the engine options from the file; the caller then applies command-line flags.
    pub fn apply(&self, opts: &mut Options) {
        opts.override_type = self.cert_type;
        if let Some(g) = self.guess {
            opts.guess = g;
        }
        opts.filter = self.filter.clone();
        opts.policy_map = self.policy_map.clone().map(Arc::new);
        opts.overrides = self.overrides.clone();
        opts.constraints = self.constraints.clone().map(Arc::new);
    }
}

/// `smimelint config --example`.
pub const EXAMPLE: &str = r#"# smimelint.toml — read from the working directory, or from --config FILE.
# Command-line flags override these settings. Unknown keys are errors.

[lint]
# Evaluation time for effective dates: "now" or "YYYY-MM-DD". Default: each certificate's notBefore.
# at = "now"
# Lint every certificate as this type (mailbox|organization|sponsored|individual - legacy|multipurpose|strict).
# type = "sponsored-strict"
# Guess the type from the subject when no policy OID decides it (default true).
# guess = false
# Lint name globs to run / skip.
# include = ["e_*"]
# exclude = ["w_smime_subject_*"]
# Lint sources to run / skip: SBR, RFC5280, RFC6818, X690, smimelint.
# exclude_sources = ["X690"]
# Lowest status that makes the exit code 1: notice, warn, error, fatal, never.
# fail_on = "error"

# Your CA's own policy OIDs, mapped to the certificate type they stand for. Used when a
# certificate carries no SBR-reserved policy OID that decides its type.
[policy_map]
# "1.3.6.1.4.1.99999.1.1" = "mailbox-strict"
# "1.3.6.1.4.1.99999.1.2" = "sponsored-multipurpose"

# Per-lint settings: status = "off" skips the lint; "notice", "warn" or "error" changes the
# status its findings are reported with.
[lints]
# w_smime_aia_ca_issuers_missing = { status = "off" }
# e_smime_eku_missing = { status = "error" }

# Constraints of your CA's certificate profile, checked by the e_profile_* lints.
[profile]
# Policy OIDs every subscriber certificate must carry.
# required_policies = ["1.3.6.1.4.1.99999.1.1"]
# Policy OIDs allowed besides the SBR-reserved and required ones; anything else is a finding.
# allowed_policies = ["1.3.6.1.4.1.99999.2"]
# EKUs allowed in Multipurpose certificates besides emailProtection.
# allowed_multipurpose_ekus = ["1.3.6.1.5.5.7.3.2"]
# Mailbox domains this CA may certify: "example.com" or ".example.com" for its subdomains.
# allowed_mailbox_domains = ["example.com", ".example.com"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named() {
        let e = Config::parse("[lint]\nfial_on = \"warn\"\n").unwrap_err();
        assert!(e.contains("fial_on"), "{e}");
        let e = Config::parse("[profil]\n").unwrap_err();
        assert!(e.contains("profil"), "{e}");
        let e = Config::parse("[lints]\nx = { staus = \"off\" }\n").unwrap_err();
        assert!(e.contains("staus"), "{e}");
    }

    #[test]
    fn bad_values_are_named() {
        let load = |t: &str| Config::parse(t).unwrap().load().unwrap_err();
        assert!(load("[lints]\nno_such_lint = { status = \"off\" }").contains("no_such_lint"));
        assert!(load("[profile]\nrequired_policies = [\"1.x\"]").contains("required_policies"));
        assert!(load("[policy_map]\n\"1.2.3\" = \"bogus\"").contains("policy_map"));
        assert!(load("[lint]\ntype = \"bogus\"").contains("lint.type"));
        // Each of these is refused by `lint` on the command line too.
        assert!(load("[lint]\nfail_on = \"sometimes\"").contains("lint.fail_on"));
        assert!(load("[lint]\nat = \"yesterday\"").contains("lint.at"));
        assert!(load("[lint]\ninclude_sources = [\"SBR2\"]").contains("lint.include_sources"));
        assert!(load("[lint]\nexclude_sources = [\"nope\"]").contains("lint.exclude_sources"));
        let e = load("[lint]\ninclude = [\"e_smime_eku_mising\"]");
        assert!(
            e.contains("lint.include") && e.contains("matches no lint"),
            "{e}"
        );
        let e = load("[lint]\nexclude = [\"w_smime_subjet_*\"]");
        assert!(
            e.contains("lint.exclude") && e.contains("matches no lint"),
            "{e}"
        );
        let e = load(&format!("[lint]\ninclude = [\"{}#\"]", "*".repeat(200)));
        assert!(e.contains("at most"), "{e}");
    }

    #[test]
    fn size_is_capped() {
        let big = format!("# {}\n", "x".repeat(MAX_FILE_BYTES as usize));
        assert!(Config::parse(&big).unwrap_err().contains("larger than"));
        #[cfg(unix)]
        {
            let e = read_capped(Path::new("/dev/zero")).unwrap_err();
            assert!(e.to_string().contains("larger than"), "{e}");
        }
    }

    #[test]
    fn mailbox_domains() {
        let c = ProfileConstraints {
            allowed_mailbox_domains: Some(vec!["example.com".into(), ".corp.test".into()]),
            ..Default::default()
        };
        assert!(c.mailbox_domain_allowed("Example.COM"));
        assert!(!c.mailbox_domain_allowed("sub.example.com"));
        assert!(c.mailbox_domain_allowed("eu.corp.test"));
        assert!(!c.mailbox_domain_allowed("corp.test"));
        assert!(!c.mailbox_domain_allowed("evilcorp.test"));
        assert!(ProfileConstraints::default().mailbox_domain_allowed("any.where"));
    }
}
