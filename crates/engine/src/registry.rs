//! The lint registry: metadata, statuses and the [`lint!`](crate::lint) declaration macro.
//!
//! Every lint in `lints/` is declared with `lint!`, which places a static [`Lint`] in the
//! [`LINTS`] distributed slice at link time. There is no hand-maintained list to go stale.
//! The engine declares the findings it reports itself the same way, without a check.

use crate::detect::{Generation, Kind, Profile, Validation};
use crate::lint_context::LintContext;
pub use crate::revocation_context::{CrlCheck, OcspCheckFn, Scope};
use serde::Serialize;
use smimelint_der::time::UnixTime;
use std::sync::OnceLock;

/// Every lint compiled into the library, in link order (see [`all`] for the sorted view).
// linkme places the slice with `#[link_section]`, which `unsafe_code` flags; no unsafe code is ours.
#[allow(unsafe_code)]
#[linkme::distributed_slice]
pub static LINTS: [Lint];

/// Severity implied by a lint's name prefix: `e_` SHALL, `w_` SHOULD, `n_` notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Notice,
    Warn,
    Error,
}

impl Level {
    /// Derives the level from the name prefix; names are validated by a test.
    pub const fn from_name(name: &str) -> Level {
        match name.as_bytes() {
            [b'w', b'_', ..] => Level::Warn,
            [b'n', b'_', ..] => Level::Notice,
            _ => Level::Error,
        }
    }
    pub fn status(self) -> Status {
        match self {
            Level::Notice => Status::Notice,
            Level::Warn => Status::Warn,
            Level::Error => Status::Error,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Notice => "notice",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

/// Result status of one lint on one certificate, as zlint users know them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Status {
    #[serde(rename = "pass")]
    Pass,
    #[serde(rename = "NA")]
    NotApplicable,
    #[serde(rename = "NE")]
    NotEffective,
    #[serde(rename = "notice")]
    Notice,
    #[serde(rename = "warn")]
    Warn,
    #[serde(rename = "error")]
    Error,
    #[serde(rename = "fatal")]
    Fatal,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::NotApplicable => "NA",
            Status::NotEffective => "NE",
            Status::Notice => "notice",
            Status::Warn => "warn",
            Status::Error => "error",
            Status::Fatal => "fatal",
        }
    }
    /// Notice, warn, error and fatal are findings; pass, NA and NE are not.
    pub fn is_finding(self) -> bool {
        self >= Status::Notice
    }
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s.to_ascii_lowercase().as_str() {
            "pass" => Status::Pass,
            "na" => Status::NotApplicable,
            "ne" => Status::NotEffective,
            "notice" | "info" => Status::Notice,
            "warn" | "warning" => Status::Warn,
            "error" => Status::Error,
            "fatal" => Status::Fatal,
            _ => return None,
        })
    }
}

/// The document a lint's requirement comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Source {
    /// CA/Browser Forum S/MIME Baseline Requirements.
    #[serde(rename = "SBR")]
    Sbr,
    #[serde(rename = "RFC5280")]
    Rfc5280,
    #[serde(rename = "RFC6818")]
    Rfc6818,
    #[serde(rename = "RFC9598")]
    Rfc9598,
    /// OCSP (X.509 Internet PKI Online Certificate Status Protocol).
    #[serde(rename = "RFC6960")]
    Rfc6960,
    /// ITU-T X.690 Distinguished Encoding Rules.
    #[serde(rename = "X690")]
    X690,
    /// Checks that keep smimelint itself honest (input framing, undecodable structures).
    #[serde(rename = "smimelint")]
    Smimelint,
}

impl Source {
    pub const ALL: [Source; 7] = [
        Source::Sbr,
        Source::Rfc5280,
        Source::Rfc6818,
        Source::Rfc9598,
        Source::Rfc6960,
        Source::X690,
        Source::Smimelint,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Sbr => "SBR",
            Source::Rfc5280 => "RFC5280",
            Source::Rfc6818 => "RFC6818",
            Source::Rfc9598 => "RFC9598",
            Source::Rfc6960 => "RFC6960",
            Source::X690 => "X690",
            Source::Smimelint => "smimelint",
        }
    }
    /// Case-insensitive, ignoring spaces, dots and dashes: "RFC 5280", "x.690", "sbr".
    pub fn parse(s: &str) -> Option<Source> {
        let norm: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '_'))
            .collect::<String>()
            .to_ascii_lowercase();
        Source::ALL
            .into_iter()
            .find(|src| src.as_str().to_ascii_lowercase().replace('.', "") == norm)
    }
}

/// Bit sets describing which certificates a lint applies to. Checked before the lint runs:
/// a certificate outside the set gets NA without calling the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Applies {
    kinds: u8,
    validations: u8,
    generations: u8,
}

impl Applies {
    const ALL_VALIDATIONS: u8 = 0b1111;
    const ALL_GENERATIONS: u8 = 0b111;

    /// Every certificate, whatever its kind or type.
    pub const ALL: Applies = Applies {
        kinds: Kind::ALL_BITS,
        validations: Self::ALL_VALIDATIONS,
        generations: Self::ALL_GENERATIONS,
    };
    /// Subscriber (end-entity) certificates of every type and generation.
    pub const SUBSCRIBER: Applies = Applies {
        kinds: Kind::Subscriber.bit(),
        validations: Self::ALL_VALIDATIONS,
        generations: Self::ALL_GENERATIONS,
    };
    /// Root and subordinate CA certificates.
    pub const CA: Applies = Applies {
        kinds: Kind::RootCa.bit() | Kind::SubordinateCa.bit(),
        validations: Self::ALL_VALIDATIONS,
        generations: Self::ALL_GENERATIONS,
    };

    /// Root CA certificates (self-issued and self-signed).
    pub const ROOT_CA: Applies = Applies {
        kinds: Kind::RootCa.bit(),
        validations: Self::ALL_VALIDATIONS,
        generations: Self::ALL_GENERATIONS,
    };
    /// Subordinate CA certificates.
    pub const SUBORDINATE_CA: Applies = Applies {
        kinds: Kind::SubordinateCa.bit(),
        validations: Self::ALL_VALIDATIONS,
        generations: Self::ALL_GENERATIONS,
    };

    /// Restricts to the given generations (subscriber lints only).
    pub const fn generations(mut self, gens: &[Generation]) -> Applies {
        let mut bits = 0;
        let mut i = 0;
        while i < gens.len() {
            bits |= gens[i].bit();
            i += 1;
        }
        self.generations = bits;
        self
    }

    /// Restricts to the given certificate types (subscriber lints only).
    pub const fn validations(mut self, vals: &[Validation]) -> Applies {
        let mut bits = 0;
        let mut i = 0;
        while i < vals.len() {
            bits |= vals[i].bit();
            i += 1;
        }
        self.validations = bits;
        self
    }

    fn is_type_restricted(&self) -> bool {
        self.validations != Self::ALL_VALIDATIONS || self.generations != Self::ALL_GENERATIONS
    }

    /// Whether a certificate with this profile is in scope. A subscriber of unknown type is in
    /// scope only of lints that do not depend on the type.
    pub fn matches(&self, profile: &Profile) -> bool {
        if self.kinds & profile.kind.bit() == 0 {
            return false;
        }
        if profile.kind != Kind::Subscriber || !self.is_type_restricted() {
            return true;
        }
        match profile.cert_type {
            Some(t) => {
                self.validations & t.validation.bit() != 0
                    && self.generations & t.generation.bit() != 0
            }
            None => false,
        }
    }

    /// Whether a CRL or OCSP response about certificates of this scope is in scope: the
    /// subscriber bit stands for subscriber certificates, the CA bits for CA certificates. When
    /// the scope is unknown only lints for every scope apply.
    pub fn matches_scope(&self, scope: Option<Scope>) -> bool {
        match scope {
            None => self.kinds == Kind::ALL_BITS,
            Some(Scope::Subscriber) => self.kinds & Kind::Subscriber.bit() != 0,
            Some(Scope::Ca) => self.kinds & (Kind::RootCa.bit() | Kind::SubordinateCa.bit()) != 0,
        }
    }

    /// Scope of a CRL or OCSP lint, e.g. "CRLs for subscriber certificates".
    pub fn describe_scope(&self, what: &str) -> String {
        let ca = self.kinds & (Kind::RootCa.bit() | Kind::SubordinateCa.bit()) != 0;
        match (self.kinds & Kind::Subscriber.bit() != 0, ca) {
            (true, true) => format!("all {what}"),
            (true, false) => format!("{what} for subscriber certificates"),
            (false, _) => format!("{what} for CA certificates"),
        }
    }

    /// Human-readable scope, e.g. "subscriber (strict, multipurpose)".
    pub fn describe(&self) -> String {
        let mut kinds: Vec<&str> = Kind::ALL
            .iter()
            .filter(|k| self.kinds & k.bit() != 0)
            .map(|k| k.as_str())
            .collect();
        if kinds.len() == Kind::ALL.len() {
            kinds = vec!["all certificates"];
        }
        let mut out = kinds.join(", ");
        if self.validations != Self::ALL_VALIDATIONS {
            let v: Vec<&str> = Validation::ALL
                .iter()
                .filter(|v| self.validations & v.bit() != 0)
                .map(|v| v.as_str())
                .collect();
            out.push_str(&format!("; types: {}", v.join(", ")));
        }
        if self.generations != Self::ALL_GENERATIONS {
            let g: Vec<&str> = Generation::ALL
                .iter()
                .filter(|g| self.generations & g.bit() != 0)
                .map(|g| g.as_str())
                .collect();
            out.push_str(&format!("; generations: {}", g.join(", ")));
        }
        out
    }
}

/// What a lint's check function reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// The certificate does not have what the lint looks at (e.g. the extension is absent).
    NotApplicable,
    /// The requirement is violated; the status is the lint's level.
    Fail(String),
    /// The lint could not be evaluated because the certificate could not be read.
    Fatal(String),
}

/// Shorthand for check functions: `fail!("{} is not allowed", x)`.
#[macro_export]
macro_rules! fail {
    ($($arg:tt)*) => { $crate::registry::Outcome::Fail(format!($($arg)*)) };
}

pub type CheckFn = fn(&LintContext<'_>) -> Outcome;

/// A lint: stable public name, metadata and the check.
pub struct Lint {
    /// Stable snake_case name with an `e_`/`w_`/`n_` prefix. Public API: never rename lightly.
    pub name: &'static str,
    pub description: &'static str,
    /// Section of the source document, e.g. `SBR 7.1.2.3(a)`.
    pub citation: &'static str,
    pub source: Source,
    /// First notBefore (or evaluation time) at which the lint applies.
    pub effective: UnixTime,
    /// From this time on the lint no longer applies (requirement withdrawn).
    pub ineffective: Option<UnixTime>,
    /// Ballot that introduced or last changed the requirement, e.g. `SMC013`.
    pub ballot: Option<&'static str>,
    /// Equivalent pkilint finding codes.
    pub pkilint: &'static [&'static str],
    /// Equivalent zlint lint names.
    pub zlint: &'static [&'static str],
    /// Ids of the rules-catalog rules (`docs/xref/sbr-rules.txt`) this lint checks; empty when it
    /// checks none. The SBR coverage table of `docs/conformance.md` is built from these.
    pub catalog: &'static [&'static str],
    pub applies: Applies,
    /// Documentation from the doc comment above the declaration (Markdown).
    pub docs: &'static str,
    /// The check on certificates; None for the findings the engine reports itself (input not a
    /// certificate, internal error) and for lints of other documents only.
    pub check: Option<CheckFn>,
    /// The check on CRLs, when the lint applies to them.
    pub crl: Option<CrlCheck>,
    /// The check on OCSP responses, when the lint applies to them.
    pub ocsp: Option<OcspCheckFn>,
}

impl Lint {
    pub fn level(&self) -> Level {
        Level::from_name(self.name)
    }

    /// The documents the lint checks, for listings: "certificate", "crl", "ocsp".
    pub fn documents(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.check.is_some() || (self.crl.is_none() && self.ocsp.is_none()) {
            out.push("certificate");
        }
        if self.crl.is_some() {
            out.push("crl");
        }
        if self.ocsp.is_some() {
            out.push("ocsp");
        }
        out
    }

    /// Whether the lint checks certificates (or is an engine finding about any input).
    pub fn checks_certificates(&self) -> bool {
        self.check.is_some() || (self.crl.is_none() && self.ocsp.is_none())
    }
}

impl std::fmt::Debug for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// All lints, sorted by name. Built once.
pub fn all() -> &'static [&'static Lint] {
    static SORTED: OnceLock<Vec<&'static Lint>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<&'static Lint> = LINTS.iter().collect();
        v.sort_by_key(|l| l.name);
        v
    })
}

/// Looks a lint up by exact name.
pub fn find(name: &str) -> Option<&'static Lint> {
    let lints = all();
    lints
        .binary_search_by_key(&name, |l| l.name)
        .ok()
        .map(|i| lints[i])
}

/// Declares a lint and registers it. The doc comment becomes [`Lint::docs`], printed by
/// `smimelint explain NAME`. Only the engine's own findings leave out `check`.
///
/// ```ignore
/// lint! {
///     /// ## What it checks
///     /// ...
///     E_EXAMPLE {
///         name: "e_example",
///         description: "...",
///         citation: "SBR 7.1.2.3(a)",
///         source: Source::Sbr,
///         effective: dates::SBR_1_0_0,
///         ballot: "SMC01",
///         pkilint: ["cabf.smime.example"],
///         zlint: [],
///         catalog: ["e_example"],
///         applies: Applies::SUBSCRIBER,
///         check: check_example,
///     }
/// }
/// ```
#[macro_export]
macro_rules! lint {
    (
        $(#[doc = $doc:literal])*
        $ident:ident {
            name: $name:literal,
            description: $desc:literal,
            citation: $citation:literal,
            source: $source:expr,
            effective: $effective:expr,
            $(ineffective: $ineffective:expr,)?
            $(ballot: $ballot:literal,)?
            pkilint: [$($pk:literal),* $(,)?],
            zlint: [$($zl:literal),* $(,)?],
            catalog: [$($cat:literal),* $(,)?],
            applies: $applies:expr,
            $(check: $check:expr,)?
            $(crl_check: $crl:expr,)?
            $(crl_entry_check: $crl_entry:expr,)?
            $(ocsp_check: $ocsp:expr,)?
        }
    ) => {
        // `#[link_section]` from linkme (see `LINTS`).
        #[allow(unsafe_code)]
        #[::linkme::distributed_slice($crate::registry::LINTS)]
        static $ident: $crate::registry::Lint = $crate::registry::Lint {
            name: $name,
            description: $desc,
            citation: $citation,
            source: $source,
            effective: $effective,
            ineffective: $crate::lint!(@opt $($ineffective)?),
            ballot: $crate::lint!(@opt $($ballot)?),
            pkilint: &[$($pk),*],
            zlint: &[$($zl),*],
            catalog: &[$($cat),*],
            applies: $applies,
            docs: concat!($($doc, "\n"),*),
            check: $crate::lint!(@opt $($check)?),
            crl: $crate::lint!(@crl $($crl)? ; $($crl_entry)?),
            ocsp: $crate::lint!(@opt $($ocsp)?),
        };
    };
    (@crl ;) => { None };
    (@crl $f:expr ;) => { Some($crate::registry::CrlCheck::Whole($f)) };
    (@crl ; $f:expr) => { Some($crate::registry::CrlCheck::Entry($f)) };
    (@opt) => { None };
    (@opt $v:expr) => { Some($v) };
}
