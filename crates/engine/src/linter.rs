//! Lints one certificate: parse, detect the profile, run every selected lint, collect results.
//! This is the single code path behind the CLI, the batch runner and the library API.

use crate::config::{ProfileConstraints, StatusOverride};
use crate::detect::{self, CertType, DetectOptions, Kind, PolicyMap, TypeSource};
use crate::lint_context::LintContext;
use crate::registry::{self, Lint, Outcome, Source, Status};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use smimelint_cert::{Cert, Form};
use smimelint_der::time::{self, UnixTime};
use smimelint_input::{InputItem, InputNote, Limits};
use std::convert::Infallible;
use std::sync::Arc;

/// Name of the lint that reports inputs that are not certificates at all.
pub const NOT_A_CERTIFICATE: &str = "e_input_not_certificate";
/// Name of the lint that reports a panic inside smimelint (a bug, never the input's fault).
pub const INTERNAL_ERROR: &str = "e_internal_error";

/// One lint result on one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The lint's stable name, e.g. `e_smime_eku_missing`.
    pub lint: &'static str,
    /// `fatal`, `error`, `warn`, `notice` (findings) or `pass`, `NA`, `NE`.
    pub status: Status,
    /// Where the rule comes from, e.g. `SBR 7.1.2.3(f)`.
    pub citation: &'static str,
    /// What exactly is wrong, naming the offending value (None for pass/NA/NE).
    pub details: Option<String>,
}

/// The result record for one input certificate.
#[derive(Clone, Debug, Serialize)]
pub struct CertResult {
    /// Input name: `PATH`, `PATH#N` or `-`.
    pub input: String,
    /// SHA-256 of the DER, hex; None when no DER could be framed.
    pub sha256: Option<String>,
    /// `certificate` or `tbs`; None when the input is not one.
    pub form: Option<&'static str>,
    /// `subscriber`, `root-ca` or `subordinate-ca`.
    pub kind: Option<Kind>,
    /// The SBR certificate type the lints ran for (subscribers), e.g. `mailbox-strict`.
    #[serde(rename = "type")]
    pub cert_type: Option<CertType>,
    /// How the type was decided: policy OID, policy map, override or a guess.
    pub type_source: Option<TypeSource>,
    /// Findings (notice and above), plus pass/NA/NE results when
    /// [`Options::include_passes`] is set; in registry order.
    pub findings: Vec<Finding>,
    /// How many lints were NE because they take effect after the evaluation time (lints
    /// withdrawn before it are not counted), whether or not `findings` lists them. Not
    /// serialized: JSON lists NE results with `--all`.
    #[serde(skip)]
    pub not_yet_effective: usize,
    /// Whether the evaluation time was set by the caller (`--at`) rather than the notBefore.
    #[serde(skip)]
    pub at_requested: bool,
}

impl CertResult {
    /// The most severe status among the findings (pass when there are none).
    pub fn worst(&self) -> Status {
        self.findings
            .iter()
            .map(|f| f.status)
            .max()
            .unwrap_or(Status::Pass)
    }
    /// Findings only (notice and above), leaving out pass/NA/NE results.
    pub fn issues(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status.is_finding())
    }
}

/// Longest glob accepted from a user (flag, configuration file or query parameter). Lint names
/// are far shorter; the cap bounds the cost of matching.
pub const MAX_GLOB_LEN: usize = 128;
/// Most globs accepted in one include or exclude list.
pub const MAX_GLOBS: usize = 64;

/// Shell-style glob with `*` and `?`, matched in O(pattern × text) steps at worst.
#[derive(Clone, Debug)]
pub struct Glob(String);

impl Glob {
    /// A glob without checks (library use). Runs of `*` are one `*`.
    pub fn new(pattern: &str) -> Glob {
        let mut p = String::with_capacity(pattern.len());
        for c in pattern.chars() {
            if !(c == '*' && p.ends_with('*')) {
                p.push(c);
            }
        }
        Glob(p)
    }

    /// A glob as a user gives it: at most [`MAX_GLOB_LEN`] bytes.
    pub fn parse(pattern: &str) -> Result<Glob, String> {
        if pattern.len() > MAX_GLOB_LEN {
            return Err(format!(
                "glob of {} bytes (at most {MAX_GLOB_LEN})",
                pattern.len()
            ));
        }
        Ok(Glob::new(pattern))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn matches(&self, text: &str) -> bool {
        self.match_counting(text).0
    }

    /// The match and the number of steps it took. Two pointers; on a mismatch after a `*`,
    /// that star absorbs one more character and matching resumes. An earlier star never needs
    /// to be revisited, since a later star can absorb whatever it would have, so every text
    /// position is retried at most once per star.
    fn match_counting(&self, text: &str) -> (bool, usize) {
        let (p, t) = (self.0.as_bytes(), text.as_bytes());
        // `?` matches one character, not one byte.
        let is_start = |i: usize| i < t.len() && !(0x80..0xC0).contains(&t[i]);
        let next = |mut i: usize| {
            i += 1;
            while i < t.len() && !is_start(i) {
                i += 1;
            }
            i
        };
        let (mut pi, mut ti, mut steps) = (0, 0, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while ti < t.len() {
            steps += 1;
            match p.get(pi) {
                Some(b'*') => {
                    star = Some((pi, ti));
                    pi += 1;
                }
                Some(b'?') => {
                    pi += 1;
                    ti = next(ti);
                }
                Some(&c) if c == t[ti] => {
                    pi += 1;
                    ti += 1;
                }
                _ => match star {
                    Some((sp, st)) => {
                        let st = next(st);
                        star = Some((sp, st));
                        pi = sp + 1;
                        ti = st;
                    }
                    None => return (false, steps),
                },
            }
        }
        while p.get(pi) == Some(&b'*') {
            pi += 1;
        }
        (pi == p.len(), steps)
    }
}

/// Checks globs given by a user, the same way on every path (`--include`/`--exclude`,
/// smimelint.toml, the service's query): count, length, and that each one selects at least one
/// lint, so that a typo cannot silently run nothing (include) or everything (exclude).
/// `what` names the setting in the error.
pub fn parse_globs(what: &str, patterns: &[String]) -> Result<Vec<Glob>, String> {
    if patterns.len() > MAX_GLOBS {
        return Err(format!(
            "{what}: {} globs (at most {MAX_GLOBS})",
            patterns.len()
        ));
    }
    patterns
        .iter()
        .map(|g| {
            let glob = Glob::parse(g).map_err(|e| format!("{what}: {e}"))?;
            if !registry::all().iter().any(|l| glob.matches(l.name)) {
                return Err(format!("{what}: '{g}' matches no lint"));
            }
            Ok(glob)
        })
        .collect()
}

/// Which lints run: a lint runs when it matches an `include` glob (or there are none), matches
/// no `exclude` glob, and its source passes the same two tests.
#[derive(Clone, Debug, Default)]
pub struct LintFilter {
    pub include: Vec<Glob>,
    pub exclude: Vec<Glob>,
    pub include_sources: Vec<Source>,
    pub exclude_sources: Vec<Source>,
}

impl LintFilter {
    pub fn selects(&self, lint: &Lint) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(lint.name)))
            && !self.exclude.iter().any(|g| g.matches(lint.name))
            && (self.include_sources.is_empty() || self.include_sources.contains(&lint.source))
            && !self.exclude_sources.contains(&lint.source)
    }
}

/// Everything that changes how certificates are linted.
#[derive(Clone, Debug)]
pub struct Options {
    /// Evaluation time for effective dates; None = each certificate's notBefore.
    pub at: Option<UnixTime>,
    /// Lint every certificate as this type instead of detecting it.
    pub override_type: Option<CertType>,
    /// The CA's own policy OIDs mapped to types, consulted when no SBR policy OID decides.
    pub policy_map: Option<Arc<PolicyMap>>,
    /// Guess the type from the subject when nothing else decides it.
    pub guess: bool,
    pub filter: LintFilter,
    /// Also report pass, NA and NE results.
    pub include_passes: bool,
    /// DER of the issuing CA's certificate, for the chain-aware lints (NA without it).
    pub issuer: Option<Arc<[u8]>>,
    /// Per-lint status changes from the configuration file (`off` drops the lint).
    pub overrides: Vec<(&'static str, StatusOverride)>,
    /// The CA's own profile constraints (`[profile]` in smimelint.toml).
    pub constraints: Option<Arc<ProfileConstraints>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            at: None,
            override_type: None,
            policy_map: None,
            guess: true,
            filter: LintFilter::default(),
            include_passes: false,
            issuer: None,
            overrides: Vec::new(),
            constraints: None,
        }
    }
}

/// A configured linter. Build it once and share it (`&Linter` or `Arc<Linter>`) between
/// threads; every method takes `&self`.
///
/// ```
/// use smimelint_engine::linter::{Linter, Options};
/// let linter = Linter::new(Options { include_passes: true, ..Options::default() });
/// assert_eq!(linter.lints().len(), smimelint_engine::registry::all().len());
/// ```
#[derive(Clone, Debug)]
pub struct Linter {
    lints: Vec<&'static Lint>,
    opts: Options,
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new(Options::default())
    }
}

impl Linter {
    /// A linter running the lints `opts.filter` selects.
    pub fn new(opts: Options) -> Linter {
        let lints = registry::all()
            .iter()
            .copied()
            .filter(|l| opts.filter.selects(l))
            .filter(|l| !opts.overrides.contains(&(l.name, StatusOverride::Off)))
            .collect();
        Linter { lints, opts }
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The lints this linter runs.
    pub fn lints(&self) -> &[&'static Lint] {
        &self.lints
    }

    /// Lints one framed input (a certificate, or the error that replaced it). Never panics:
    /// see [`Linter::lint_der`].
    pub fn lint_item(&self, item: InputItem) -> CertResult {
        let Ok((result, _)) = self.lint_item_with(item, |_| Ok::<(), Infallible>(()));
        result
    }

    /// Lints one DER certificate or TBSCertificate. Never panics: a panic anywhere in the
    /// pipeline (parsing, detection, a lint) is caught and reported as a fatal
    /// `e_internal_error` finding.
    pub fn lint_der(&self, name: String, der: &[u8]) -> CertResult {
        let mut name = name;
        let Ok((result, _)) = self.guarded(&mut name, Ok(der), |_| Ok::<(), Infallible>(()));
        result
    }

    /// [`Linter::lint_item`], with `inspect` called on the parsed certificate before it is
    /// linted (for the runner's skip filter and issuer labels): `Err` skips the certificate
    /// (no record), `Ok` is returned beside the record. `inspect` runs only for inputs that
    /// parse as certificates, and inside the same panic boundary as everything else: a panic
    /// in it also becomes an `e_internal_error` record.
    pub fn lint_item_with<T, S>(
        &self,
        item: InputItem,
        inspect: impl FnOnce(&Cert<'_>) -> Result<T, S>,
    ) -> Result<(CertResult, Option<T>), S> {
        let InputItem {
            mut name,
            der,
            notes,
            ..
        } = item;
        let der = der.as_deref().map_err(|e| e.message.as_str());
        let mut out = self.guarded(&mut name, der, inspect)?;
        self.add_notes(&mut out.0, notes);
        Ok(out)
    }

    /// Framing findings are reported like lints: only when selected, and in place of the pass
    /// the lint itself gives when passes are listed.
    fn add_notes(&self, result: &mut CertResult, notes: Vec<InputNote>) {
        for note in notes {
            if let Some(lint) = self.lints.iter().find(|l| l.name == note.lint) {
                let finding = Finding {
                    lint: lint.name,
                    status: lint.level().status(),
                    citation: lint.citation,
                    details: Some(note.details),
                };
                match result.findings.iter_mut().find(|f| f.lint == lint.name) {
                    Some(f) => *f = finding,
                    None => result.findings.push(finding),
                }
            }
        }
    }

    /// The per-certificate pipeline (framing result → parse → inspect → detect → lint →
    /// record) inside the one panic boundary every entry point goes through. `name` is taken
    /// only when the record is built, so it is still there for the panic record.
    fn guarded<T, S>(
        &self,
        name: &mut String,
        der: Result<&[u8], &str>,
        inspect: impl FnOnce(&Cert<'_>) -> Result<T, S>,
    ) -> Result<(CertResult, Option<T>), S> {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.pipeline(name, der, inspect)
        }));
        run.unwrap_or_else(|panic| {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let finding = Finding {
                lint: INTERNAL_ERROR,
                status: Status::Fatal,
                citation: "",
                details: Some(format!("smimelint failed on this input (a bug): {msg}")),
            };
            let record = CertResult {
                input: std::mem::take(name),
                sha256: der.ok().map(sha256_hex),
                form: None,
                kind: None,
                cert_type: None,
                type_source: None,
                findings: vec![finding],
                not_yet_effective: 0,
                at_requested: self.opts.at.is_some(),
            };
            Ok((record, None))
        })
    }

    fn pipeline<T, S>(
        &self,
        name: &mut String,
        der: Result<&[u8], &str>,
        inspect: impl FnOnce(&Cert<'_>) -> Result<T, S>,
    ) -> Result<(CertResult, Option<T>), S> {
        let der = match der {
            Ok(der) => der,
            Err(message) => {
                let record = self.fatal_record(std::mem::take(name), None, message.to_string());
                return Ok((record, None));
            }
        };
        let sha = Some(sha256_hex(der));
        let cert = match Cert::parse(der) {
            Ok(c) => c,
            Err(e) => {
                let message = format!("not a certificate: {}", e.0);
                return Ok((self.fatal_record(std::mem::take(name), sha, message), None));
            }
        };
        let inspected = inspect(&cert)?;
        // Re-walking the issuer per certificate costs about a microsecond and keeps `Options`
        // free of self-referential borrows.
        let issuer = self
            .opts
            .issuer
            .as_deref()
            .and_then(|d| Cert::parse(d).ok());
        let (profile, findings, not_yet_effective) = self.run(&cert, issuer.as_ref());
        let record = CertResult {
            input: std::mem::take(name),
            sha256: sha,
            form: Some(match cert.form {
                Form::Certificate => "certificate",
                Form::Tbs => "tbs",
            }),
            kind: Some(profile.kind),
            cert_type: profile.cert_type,
            type_source: profile.source,
            findings,
            not_yet_effective,
            at_requested: self.opts.at.is_some(),
        };
        Ok((record, Some(inspected)))
    }

    fn run<'c>(
        &'c self,
        cert: &'c Cert<'c>,
        issuer: Option<&'c Cert<'c>>,
    ) -> (detect::Profile, Vec<Finding>, usize) {
        let detect_opts = DetectOptions {
            override_type: self.opts.override_type,
            policy_map: self.opts.policy_map.as_deref(),
            guess: self.opts.guess,
        };
        let profile = detect::detect(cert, &detect_opts);
        let at = self
            .opts
            .at
            .or_else(|| cert.not_before_time())
            .unwrap_or_else(time::now);
        let ctx = LintContext {
            cert,
            profile,
            at,
            issuer,
            constraints: self.opts.constraints.as_deref(),
            facts: Default::default(),
        };
        let mut findings = Vec::new();
        let mut not_yet_effective = 0;
        for lint in &self.lints {
            let (mut status, details) = evaluate(lint, &ctx);
            not_yet_effective += usize::from(status == Status::NotEffective && at < lint.effective);
            if status.is_finding() && status != Status::Fatal {
                if let Some((_, StatusOverride::Report(s))) =
                    self.opts.overrides.iter().find(|(n, _)| *n == lint.name)
                {
                    status = *s;
                }
            }
            if status.is_finding() || self.opts.include_passes {
                findings.push(Finding {
                    lint: lint.name,
                    status,
                    citation: lint.citation,
                    details,
                });
            }
        }
        (profile, findings, not_yet_effective)
    }

    fn fatal_record(&self, name: String, sha: Option<String>, message: String) -> CertResult {
        let citation = registry::find(NOT_A_CERTIFICATE).map_or("", |l| l.citation);
        CertResult {
            input: name,
            sha256: sha,
            form: None,
            kind: None,
            cert_type: None,
            type_source: None,
            findings: vec![Finding {
                lint: NOT_A_CERTIFICATE,
                status: Status::Fatal,
                citation,
                details: Some(message),
            }],
            not_yet_effective: 0,
            at_requested: self.opts.at.is_some(),
        }
    }
}

/// Batch and framing entry points: the same [`Linter::lint_der`] / [`Linter::lint_item`] per
/// certificate, fanned out over rayon's thread pool.
impl Linter {
    /// Lints many DER certificates or TBSCertificates in parallel. Results come back in input
    /// order, one per buffer, named `#1`, `#2`, … .
    ///
    /// ```
    /// use smimelint_engine::linter::Linter;
    /// let linter = Linter::default();
    /// let results = linter.lint_batch(&[&b"junk"[..], &b"\x30\x00"[..]]);
    /// assert_eq!(results.len(), 2);
    /// assert_eq!(results[1].input, "#2");
    /// ```
    pub fn lint_batch<D: AsRef<[u8]> + Sync>(&self, ders: &[D]) -> Vec<CertResult> {
        if ders.len() == 1 {
            return vec![self.lint_der("#1".into(), ders[0].as_ref())];
        }
        ders.par_iter()
            .enumerate()
            .map(|(i, der)| self.lint_der(format!("#{}", i + 1), der.as_ref()))
            .collect()
    }

    /// Lints framed inputs in parallel, keeping their order (one result per item).
    pub fn lint_items(&self, items: Vec<InputItem>) -> Vec<CertResult> {
        // One item (the service's common case) is linted on the calling thread: handing it to
        // the pool would only add a wake-up.
        if items.len() == 1 {
            return items.into_iter().map(|i| self.lint_item(i)).collect();
        }
        items
            .into_par_iter()
            .map(|item| self.lint_item(item))
            .collect()
    }

    /// Frames `data` (PEM blocks, base64 lines or one DER blob, detected as the CLI does) and
    /// lints every certificate found, in order. Framing problems become fatal records, so the
    /// result is never empty. Items are named `name`, or `name#N` when there are several.
    ///
    /// ```
    /// use smimelint_engine::linter::Linter;
    /// let results = Linter::default().lint_encoded("upload", b"-----BEGIN CERTIFICATE-----\n");
    /// assert_eq!(results.len(), 1);
    /// assert_eq!(results[0].findings[0].lint, "e_input_not_certificate");
    /// ```
    pub fn lint_encoded(&self, name: &str, data: &[u8]) -> Vec<CertResult> {
        self.lint_items(frame_bytes(name, data, Limits::default()).collect())
    }
}

/// Frames an in-memory buffer exactly as the CLI frames a file.
pub fn frame_bytes<'d>(
    name: &str,
    data: &'d [u8],
    limits: Limits,
) -> impl Iterator<Item = InputItem> + 'd {
    smimelint_input::frame(name, data, limits)
}

/// Reads an issuing CA certificate (PEM, base64 or DER; the first certificate found) for
/// [`Options::issuer`]. A TBSCertificate or anything that is not a certificate is refused.
///
/// ```
/// assert!(smimelint_engine::linter::issuer_from_bytes(b"not a certificate").is_err());
/// ```
pub fn issuer_from_bytes(data: &[u8]) -> Result<Arc<[u8]>, String> {
    let item = frame_bytes("issuer", data, Limits::default())
        .next()
        .ok_or("no certificate found")?;
    let der = item.der.map_err(|e| e.message)?;
    match Cert::parse(&der) {
        Ok(c) if c.form == Form::Certificate => Ok(Arc::from(der)),
        Ok(_) => Err("a TBSCertificate, not a certificate".into()),
        Err(e) => Err(format!("not a certificate: {}", e.0)),
    }
}

/// Parses an evaluation time: `now`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`.
pub fn parse_at(s: &str) -> Option<UnixTime> {
    match s {
        "now" => Some(time::now()),
        _ => time::parse_iso(s),
    }
}

/// Runs one lint, applying its scope and effective dates first.
pub fn evaluate(lint: &Lint, ctx: &LintContext<'_>) -> (Status, Option<String>) {
    if !lint.applies.matches(&ctx.profile) {
        return (Status::NotApplicable, None);
    }
    if ctx.at < lint.effective || lint.ineffective.is_some_and(|end| ctx.at >= end) {
        return (Status::NotEffective, None);
    }
    match (lint.check)(ctx) {
        Outcome::Pass => (Status::Pass, None),
        Outcome::NotApplicable => (Status::NotApplicable, None),
        Outcome::Fail(details) => (lint.level().status(), Some(details)),
        Outcome::Fatal(details) => (Status::Fatal, Some(details)),
    }
}

pub fn sha256_hex(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(Glob::new("e_smime_*").matches("e_smime_eku_missing"));
        assert!(Glob::new("*eku*").matches("e_smime_eku_missing"));
        assert!(Glob::new("e_?mime*").matches("e_smime_x"));
        assert!(!Glob::new("w_*").matches("e_smime_x"));
        assert!(Glob::new("exact").matches("exact"));
        assert!(!Glob::new("exact").matches("exactly"));
        assert!(Glob::new("").matches(""));
        assert!(!Glob::new("").matches("a"));
        assert!(Glob::new("*").matches(""));
        assert!(Glob::new("a*b*c").matches("abxbxc"));
        assert!(!Glob::new("a*b*c").matches("abxbxcx"));
        // `?` is one character, also when it takes several bytes.
        assert!(Glob::new("a?c").matches("a\u{e9}c"));
        assert!(!Glob::new("a??c").matches("a\u{e9}c"));
    }

    /// Reference matcher: the textbook dynamic programme over (pattern prefix, text prefix).
    fn reference(p: &[char], t: &[char]) -> bool {
        let mut m = vec![vec![false; t.len() + 1]; p.len() + 1];
        m[0][0] = true;
        for i in 1..=p.len() {
            for j in 0..=t.len() {
                m[i][j] = match p[i - 1] {
                    '*' => m[i - 1][j] || (j > 0 && m[i][j - 1]),
                    '?' => j > 0 && m[i - 1][j - 1],
                    c => j > 0 && m[i - 1][j - 1] && t[j - 1] == c,
                };
            }
        }
        m[p.len()][t.len()]
    }

    #[test]
    fn globs_agree_with_the_reference_matcher() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let alphabet = ['a', 'b', '\u{e9}', '*', '?'];
        let mut both = [0usize; 2];
        for _ in 0..20_000 {
            let p: Vec<char> = (0..next(8)).map(|_| alphabet[next(5)]).collect();
            let t: Vec<char> = (0..next(10)).map(|_| alphabet[next(3)]).collect();
            let expected = reference(&p, &t);
            let (ps, ts): (String, String) = (p.iter().collect(), t.iter().collect());
            assert_eq!(Glob::new(&ps).matches(&ts), expected, "{ps:?} {ts:?}");
            both[usize::from(expected)] += 1;
        }
        // Both outcomes were exercised.
        assert!(both[0] > 1000 && both[1] > 1000, "{both:?}");
    }

    #[test]
    fn pathological_globs_take_bounded_steps() {
        let stars = format!("{}#", "*".repeat(30));
        let alternating = format!("{}#", "*e".repeat(60));
        for pattern in [
            stars.as_str(),
            alternating.as_str(),
            "*_*_*_*_*_*_*_*_*_*_*#",
        ] {
            let glob = Glob::new(pattern);
            for lint in registry::all() {
                let (matched, steps) = glob.match_counting(lint.name);
                assert!(!matched);
                let bound = (glob.as_str().len() + 1) * (lint.name.len() + 1);
                assert!(steps <= bound, "{pattern}: {steps} steps > {bound}");
            }
        }
        // Runs of stars are one star.
        assert_eq!(Glob::new("a***b**").as_str(), "a*b*");
    }

    #[test]
    fn batch_matches_one_by_one_in_input_order() {
        let linter = Linter::default();
        let good = smimelint_factory::CertBuilder::subscriber("mailbox-strict").build();
        let tbs = smimelint_factory::CertBuilder::subscriber("organization-legacy").build_tbs();
        let inputs: Vec<Vec<u8>> = (0..40)
            .map(|i| match i % 3 {
                0 => good.clone(),
                1 => tbs.clone(),
                _ => vec![0x30, i as u8],
            })
            .collect();
        let batch = linter.lint_batch(&inputs);
        assert_eq!(batch.len(), inputs.len());
        for (i, (r, der)) in batch.iter().zip(&inputs).enumerate() {
            let one = linter.lint_der(format!("#{}", i + 1), der);
            assert_eq!(r.input, one.input);
            assert_eq!(r.sha256, one.sha256);
            assert_eq!(r.form, one.form);
            assert_eq!(r.findings, one.findings);
        }
        assert_eq!(batch[1].form, Some("tbs"));
        assert_eq!(batch[2].findings[0].lint, NOT_A_CERTIFICATE);
    }

    #[test]
    fn garbage_yields_one_fatal_finding() {
        let linter = Linter::default();
        for input in [
            &b""[..],
            b"\x00\x01",
            b"hello world",
            &[0x30, 0x82, 0xff, 0xff],
        ] {
            let r = linter.lint_der("x".into(), input);
            assert_eq!(r.findings.len(), 1);
            assert_eq!(r.findings[0].status, Status::Fatal);
            assert_eq!(r.findings[0].lint, NOT_A_CERTIFICATE);
        }
    }
}
