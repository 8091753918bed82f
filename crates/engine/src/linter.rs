//! Lints one certificate: parse, detect the profile, run every selected lint, collect results.
//! This is the single code path behind the CLI, the batch runner and the library API.
//!
//! The pieces around it live in their own modules and are re-exported here, so that
//! `linter::X` names everything a caller needs.

pub use crate::engine_findings::{INTERNAL_ERROR, NOT_A_CERTIFICATE};
pub use crate::filter::LintFilter;
pub use crate::glob::{parse_globs, Glob, MAX_GLOBS, MAX_GLOB_LEN};
pub use crate::options::{issuer_from_bytes, parse_at, Options};
pub use crate::result::{sha256_hex, CertResult, Finding};

use crate::detect::{self, DetectOptions};
use crate::lint_context::LintContext;
use crate::options::{DocumentKind, StatusOverride};
use crate::registry::{self, Lint, Outcome, Status};
use rayon::prelude::*;
use smimelint_cert::verify::SelfSignatures;
use smimelint_cert::{Cert, Form};
use smimelint_der::time;
use smimelint_input::{InputItem, InputNote, Limits};
use std::convert::Infallible;
use std::sync::Arc;

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
    /// The selected lints split by the document they check, once, so the per-input loops do
    /// not filter the registry again.
    pub(crate) by_document: ByDocument,
    opts: Options,
    /// Shared by clones: a clone lints the same batch.
    self_signatures: Arc<SelfSignatures>,
}

/// The selected lints of each document kind, in registry order.
#[derive(Clone, Debug, Default)]
pub(crate) struct ByDocument {
    pub(crate) certificate: Vec<&'static Lint>,
    pub(crate) crl: Vec<&'static Lint>,
    pub(crate) ocsp: Vec<&'static Lint>,
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
            .collect::<Vec<&'static Lint>>();
        let of = |keep: fn(&Lint) -> bool| lints.iter().copied().filter(|l| keep(l)).collect();
        let by_document = ByDocument {
            certificate: of(Lint::checks_certificates),
            crl: of(|l| l.crl.is_some()),
            ocsp: of(|l| l.ocsp.is_some()),
        };
        Linter {
            lints,
            by_document,
            opts,
            self_signatures: Arc::default(),
        }
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
        let Ok((result, _)) = self.guarded(&mut name, Ok(der), None, |_| Ok::<(), Infallible>(()));
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
            pem_label,
            stream,
            ..
        } = item;
        if let Some(stream) = stream {
            let mut result = self.lint_crl_reader(name, stream.0);
            self.add_notes(&mut result, notes);
            return Ok((result, None));
        }
        let der = der.as_deref().map_err(|e| e.message.as_str());
        let label = pem_label.as_deref().and_then(DocumentKind::from_pem_label);
        let mut out = self.guarded(&mut name, der, label, inspect)?;
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
        label: Option<DocumentKind>,
        inspect: impl FnOnce(&Cert<'_>) -> Result<T, S>,
    ) -> Result<(CertResult, Option<T>), S> {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.pipeline(name, der, label, inspect)
        }));
        run.unwrap_or_else(|panic| Ok((self.panic_record(name, der.ok(), panic), None)))
    }

    /// The panic boundary around one document of another kind than a certificate.
    pub(crate) fn guard(
        &self,
        name: &mut String,
        der: Option<&[u8]>,
        lint: impl FnOnce(&mut String) -> CertResult,
    ) -> CertResult {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lint(&mut *name)));
        run.unwrap_or_else(|panic| self.panic_record(name, der, panic))
    }

    fn panic_record(
        &self,
        name: &mut String,
        der: Option<&[u8]>,
        panic: Box<dyn std::any::Any + Send>,
    ) -> CertResult {
        {
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
            CertResult {
                input: std::mem::take(name),
                sha256: der.map(sha256_hex),
                form: None,
                kind: None,
                cert_type: None,
                type_source: None,
                scope: None,
                findings: vec![finding],
                not_yet_effective: 0,
                at_requested: self.opts.at.is_some(),
            }
        }
    }

    fn pipeline<T, S>(
        &self,
        name: &mut String,
        der: Result<&[u8], &str>,
        label: Option<DocumentKind>,
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
        match self
            .opts
            .document
            .or(label)
            .or_else(|| smimelint_revocation::sniff(der))
        {
            Some(DocumentKind::Crl) => return Ok((self.crl_record(name, der, sha), None)),
            Some(DocumentKind::Ocsp) => return Ok((self.ocsp_record(name, der), None)),
            _ => {}
        }
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
            scope: None,
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
            self_signatures: Some(&self.self_signatures),
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
        for lint in &self.by_document.certificate {
            let (status, details) = evaluate(lint, &ctx);
            not_yet_effective += usize::from(status == Status::NotEffective && at < lint.effective);
            self.push_finding(&mut findings, lint, status, details);
        }
        (profile, findings, not_yet_effective)
    }

    /// The status the configuration file sets for a lint's findings, if any.
    pub(crate) fn status_override(&self, lint: &str) -> Option<Status> {
        self.opts.overrides.iter().find_map(|(n, o)| match o {
            StatusOverride::Report(s) if *n == lint => Some(*s),
            _ => None,
        })
    }

    /// A record for an input that is not a readable document of any kind.
    pub(crate) fn not_a_document(
        &self,
        name: String,
        sha: Option<String>,
        message: String,
    ) -> CertResult {
        self.fatal_record(name, sha, message)
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
            scope: None,
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

/// Runs one lint, applying its scope and effective dates first.
pub fn evaluate(lint: &Lint, ctx: &LintContext<'_>) -> (Status, Option<String>) {
    if !lint.applies.matches(&ctx.profile) {
        return (Status::NotApplicable, None);
    }
    if ctx.at < lint.effective || lint.ineffective.is_some_and(|end| ctx.at >= end) {
        return (Status::NotEffective, None);
    }
    let Some(check) = lint.check else {
        // Engine-emitted findings are produced by the pipeline itself; run as a lint they pass.
        return (Status::Pass, None);
    };
    match check(ctx) {
        Outcome::Pass => (Status::Pass, None),
        Outcome::NotApplicable => (Status::NotApplicable, None),
        Outcome::Fail(details) => (lint.level().status(), Some(details)),
        Outcome::Fatal(details) => (Status::Fatal, Some(details)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
