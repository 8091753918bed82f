//! Lints CRLs and OCSP responses with the same registry, options and records as certificates.
//! A CRL is read as a stream: entry lints run on each entry as it passes, so that a CRL of any
//! size is linted in bounded memory.

use crate::linter::{sha256_hex, CertResult, Finding, Linter};
use crate::registry::{Lint, Outcome, Status};
use crate::revocation_context::{CrlCheck, CrlContext, OcspContext, Scope, ScopeSource};
use smimelint_cert::{verify, Cert};
use smimelint_der::time::{self, UnixTime};
use smimelint_revocation::crl::{read_crl, CrlLimits, RevokedEntry};
use smimelint_revocation::{Crl, CrlForm, Ocsp, OcspForm};
use std::io::Read;

/// Results of one entry lint over all entries.
#[derive(Default)]
struct Tally {
    checked: u64,
    failed: u64,
    fatal: bool,
    first: Option<String>,
}

impl Tally {
    fn observe(&mut self, outcome: Outcome, entry: &RevokedEntry<'_>) {
        match outcome {
            Outcome::Pass => self.checked += 1,
            Outcome::NotApplicable => {}
            Outcome::Fail(d) => self.fail(d, entry),
            Outcome::Fatal(d) => {
                self.fatal = true;
                self.fail(d, entry);
            }
        }
    }

    fn fail(&mut self, details: String, entry: &RevokedEntry<'_>) {
        self.checked += 1;
        self.failed += 1;
        if self.first.is_none() {
            self.first = Some(format!("{}: {details}", entry.label()));
        }
    }

    fn outcome(&self) -> Outcome {
        let Some(first) = &self.first else {
            return if self.checked == 0 {
                Outcome::NotApplicable
            } else {
                Outcome::Pass
            };
        };
        let details = match self.failed - 1 {
            0 => first.clone(),
            1 => format!("{first} (and 1 more entry)"),
            more => format!("{first} (and {more} more entries)"),
        };
        if self.fatal {
            Outcome::Fatal(details)
        } else {
            Outcome::Fail(details)
        }
    }
}

impl Linter {
    /// Lints a CRL or TBSCertList read from `reader`, streaming its entries.
    pub fn lint_crl_reader<R: Read>(&self, name: String, reader: R) -> CertResult {
        let mut name = name;
        self.guard(&mut name, None, |name| self.crl_record(name, reader, None))
    }

    /// Lints an OCSPResponse, BasicOCSPResponse or ResponseData.
    pub fn lint_ocsp_der(&self, name: String, der: &[u8]) -> CertResult {
        let mut name = name;
        self.guard(&mut name, Some(der), |name| self.ocsp_record(name, der))
    }

    pub(crate) fn crl_record<R: Read>(
        &self,
        name: &mut String,
        reader: R,
        sha: Option<String>,
    ) -> CertResult {
        let lints = &self.by_document.crl;
        let mut tallies: Vec<Tally> = lints.iter().map(|_| Tally::default()).collect();
        let mut hasher = sha.is_none().then(sha2_stream);
        let counting = CountingReader {
            inner: reader,
            hasher: hasher.as_mut(),
        };
        let parts = read_crl(counting, CrlLimits::default(), &mut |entry| {
            for (lint, tally) in lints.iter().zip(tallies.iter_mut()) {
                if let Some(CrlCheck::Entry(f)) = lint.crl {
                    tally.observe(f(entry), entry);
                }
            }
        });
        let sha = sha.or_else(|| hasher.map(finish_sha));
        let parts = match parts {
            Ok(p) => p,
            Err(e) => {
                return self.not_a_document(
                    std::mem::take(name),
                    sha,
                    format!("not a CRL: {}", e.0),
                )
            }
        };
        let crl = Crl::new(&parts);
        let issuer = self.issuer_cert();
        let scope = self.crl_scope(&crl, issuer.as_ref());
        let at = self
            .options()
            .at
            .or_else(|| crl.this_update_time())
            .unwrap_or_else(time::now);
        let ctx = CrlContext::new(&crl, scope, at, issuer.as_ref());
        let mut findings = Vec::new();
        let mut not_yet = 0;
        for (lint, tally) in lints.iter().zip(&tallies) {
            let (status, details) = gate(lint, ctx.scope, at).unwrap_or_else(|| {
                let outcome = match lint.crl {
                    Some(CrlCheck::Whole(f)) => f(&ctx),
                    Some(CrlCheck::Entry(_)) => tally.outcome(),
                    None => Outcome::NotApplicable,
                };
                status_of(lint, outcome)
            });
            not_yet += usize::from(status == Status::NotEffective && at < lint.effective);
            self.push_finding(&mut findings, lint, status, details);
        }
        let form = match crl.form {
            CrlForm::Crl => "crl",
            CrlForm::Tbs => "tbs-crl",
        };
        self.document_record(
            std::mem::take(name),
            sha,
            form,
            ctx.scope,
            findings,
            not_yet,
        )
    }

    pub(crate) fn ocsp_record(&self, name: &mut String, der: &[u8]) -> CertResult {
        let sha = Some(sha256_hex(der));
        let ocsp = match Ocsp::parse(der) {
            Ok(o) => o,
            Err(e) => {
                let message = format!("not an OCSP response: {}", e.0);
                return self.not_a_document(std::mem::take(name), sha, message);
            }
        };
        let issuer = self.issuer_cert();
        let scope = match self.options().scope {
            Some(s) => Some((s, ScopeSource::Override)),
            None => issuer
                .as_ref()
                .filter(|c| is_root(c))
                .map(|_| (Scope::Ca, ScopeSource::RootIssuer)),
        };
        let at = self
            .options()
            .at
            .or_else(|| ocsp.produced_at.as_ref().and_then(|t| t.parsed.time))
            .unwrap_or_else(time::now);
        let ctx = OcspContext {
            ocsp: &ocsp,
            scope: scope.map(|s| s.0),
            scope_source: scope.map(|s| s.1),
            at,
            issuer: issuer.as_ref(),
        };
        let mut findings = Vec::new();
        let mut not_yet = 0;
        for lint in &self.by_document.ocsp {
            let (status, details) = gate(lint, ctx.scope, at).unwrap_or_else(|| {
                let outcome = lint.ocsp.map_or(Outcome::NotApplicable, |f| f(&ctx));
                status_of(lint, outcome)
            });
            not_yet += usize::from(status == Status::NotEffective && at < lint.effective);
            self.push_finding(&mut findings, lint, status, details);
        }
        let form = match ocsp.form {
            OcspForm::Response | OcspForm::Basic => "ocsp",
            OcspForm::ResponseData => "tbs-ocsp",
        };
        self.document_record(
            std::mem::take(name),
            sha,
            form,
            ctx.scope,
            findings,
            not_yet,
        )
    }

    /// The CRL's scope: `--scope`, else the IDP's onlyContains flags, else CA certificates when
    /// the given issuer is a root (roots issue only CA certificates), else unknown.
    fn crl_scope(&self, crl: &Crl<'_>, issuer: Option<&Cert<'_>>) -> Option<(Scope, ScopeSource)> {
        if let Some(s) = self.options().scope {
            return Some((s, ScopeSource::Override));
        }
        if let Some(Ok(idp)) = crl.issuing_distribution_point() {
            if idp.only_ca_certs && !idp.only_user_certs {
                return Some((Scope::Ca, ScopeSource::Idp));
            }
            if idp.only_user_certs && !idp.only_ca_certs {
                return Some((Scope::Subscriber, ScopeSource::Idp));
            }
        }
        issuer
            .filter(|c| is_root(c))
            .map(|_| (Scope::Ca, ScopeSource::RootIssuer))
    }

    fn issuer_cert(&self) -> Option<Cert<'_>> {
        self.options()
            .issuer
            .as_deref()
            .and_then(|d| Cert::parse(d).ok())
    }
}

fn is_root(c: &Cert<'_>) -> bool {
    verify::is_self_signed(c) == Some(true)
}

/// NA outside the lint's scope, NE outside its effective dates; None when the check runs.
fn gate(lint: &Lint, scope: Option<Scope>, at: UnixTime) -> Option<(Status, Option<String>)> {
    if !lint.applies.matches_scope(scope) {
        return Some((Status::NotApplicable, None));
    }
    if at < lint.effective || lint.ineffective.is_some_and(|end| at >= end) {
        return Some((Status::NotEffective, None));
    }
    None
}

fn status_of(lint: &Lint, outcome: Outcome) -> (Status, Option<String>) {
    match outcome {
        Outcome::Pass => (Status::Pass, None),
        Outcome::NotApplicable => (Status::NotApplicable, None),
        Outcome::Fail(d) => (lint.level().status(), Some(d)),
        Outcome::Fatal(d) => (Status::Fatal, Some(d)),
    }
}

/// Hashes the bytes a reader yields, for the record's SHA-256 of a streamed input.
struct CountingReader<'h, R> {
    inner: R,
    hasher: Option<&'h mut sha2::Sha256>,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(h) = self.hasher.as_mut() {
            sha2::Digest::update(&mut **h, &buf[..n]);
        }
        Ok(n)
    }
}

fn sha2_stream() -> sha2::Sha256 {
    <sha2::Sha256 as sha2::Digest>::new()
}

fn finish_sha(h: sha2::Sha256) -> String {
    sha2::Digest::finalize(h)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Linter {
    pub(crate) fn push_finding(
        &self,
        findings: &mut Vec<Finding>,
        lint: &'static Lint,
        mut status: Status,
        details: Option<String>,
    ) {
        if status.is_finding() && status != Status::Fatal {
            if let Some(s) = self.status_override(lint.name) {
                status = s;
            }
        }
        if status.is_finding() || self.options().include_passes {
            findings.push(Finding {
                lint: lint.name,
                status,
                citation: lint.citation,
                details,
            });
        }
    }

    fn document_record(
        &self,
        input: String,
        sha256: Option<String>,
        form: &'static str,
        scope: Option<Scope>,
        findings: Vec<Finding>,
        not_yet_effective: usize,
    ) -> CertResult {
        CertResult {
            input,
            sha256,
            form: Some(form),
            kind: None,
            cert_type: None,
            type_source: None,
            scope,
            findings,
            not_yet_effective,
            at_requested: self.options().at.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_der::walk::Reader;

    /// An entry `SEQUENCE { INTEGER serial, UTCTime }` read from `der`.
    fn with_entry(serial: u8, f: impl FnOnce(&RevokedEntry<'_>)) {
        let mut der = vec![0x30, 0x12, 0x02, 0x01, serial, 0x17, 0x0d];
        der.extend_from_slice(b"250101000000Z");
        let tlv = Reader::new(&der).read().unwrap();
        f(&RevokedEntry::parse(tlv, u64::from(serial)));
    }

    #[test]
    fn entry_results_become_one_outcome() {
        let mut none = Tally::default();
        with_entry(1, |e| none.observe(Outcome::NotApplicable, e));
        assert_eq!(none.outcome(), Outcome::NotApplicable);

        let mut tally = Tally::default();
        with_entry(1, |e| tally.observe(Outcome::Pass, e));
        assert_eq!(tally.outcome(), Outcome::Pass);
        for serial in [2, 3, 4] {
            with_entry(serial, |e| tally.observe(Outcome::Fail("bad".into()), e));
        }
        assert_eq!(
            tally.outcome(),
            Outcome::Fail("entry #3 (serial 0x02): bad (and 2 more entries)".into())
        );
        with_entry(5, |e| tally.observe(Outcome::Fatal("unreadable".into()), e));
        assert!(
            matches!(tally.outcome(), Outcome::Fatal(d) if d.ends_with("(and 3 more entries)"))
        );
    }
}
