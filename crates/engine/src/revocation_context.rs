//! What the check functions of CRL and OCSP lints receive.

use crate::registry::Outcome;
use serde::Serialize;
use smimelint_cert::verify::{self, KeyKind, Verdict};
use smimelint_cert::Cert;
use smimelint_der::time::UnixTime;
use smimelint_revocation::crl::{EntryStats, RevokedEntry};
use smimelint_revocation::{Crl, CrlForm, Ocsp};
use std::cell::OnceCell;

mod ocsp;
pub use ocsp::OcspSigner;

/// Which certificates a CRL or OCSP response reports on: the SBR sets different rules for
/// subscriber certificates and for CA certificates (SBR 4.9.7, 4.9.10, 7.2.2, 7.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Subscriber,
    Ca,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Subscriber => "subscriber",
            Scope::Ca => "ca",
        }
    }
    pub fn parse(s: &str) -> Option<Scope> {
        match s.to_ascii_lowercase().as_str() {
            "subscriber" | "crl" | "end-entity" => Some(Scope::Subscriber),
            "ca" | "arl" | "carl" => Some(Scope::Ca),
            _ => None,
        }
    }
}

/// How the scope was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeSource {
    /// `--scope` (or the service's `scope` parameter).
    Override,
    /// issuingDistributionPoint onlyContainsUserCerts / onlyContainsCACerts.
    Idp,
    /// The issuer given with `--issuer` is a root CA, which issues only CA certificates.
    RootIssuer,
}

/// A CRL check on the whole list.
pub type CrlCheckFn = fn(&CrlContext<'_>) -> Outcome;
/// A CRL check on one entry; the engine runs it on every entry as the CRL streams past and
/// reports the first failure with the number of failing entries.
pub type CrlEntryCheckFn = fn(&RevokedEntry<'_>) -> Outcome;
pub type OcspCheckFn = fn(&OcspContext<'_>) -> Outcome;

#[derive(Clone, Copy)]
pub enum CrlCheck {
    Whole(CrlCheckFn),
    Entry(CrlEntryCheckFn),
}

/// One CRL with everything the lints share.
pub struct CrlContext<'c> {
    pub crl: &'c Crl<'c>,
    pub scope: Option<Scope>,
    pub scope_source: Option<ScopeSource>,
    /// The time effective dates are compared with (thisUpdate unless the user set one).
    pub at: UnixTime,
    /// The issuing CA's certificate, when the user supplied it (`--issuer`).
    pub issuer: Option<&'c Cert<'c>>,
    pub(crate) signature: OnceCell<Option<Verdict>>,
}

impl<'c> CrlContext<'c> {
    pub fn new(
        crl: &'c Crl<'c>,
        scope: Option<(Scope, ScopeSource)>,
        at: UnixTime,
        issuer: Option<&'c Cert<'c>>,
    ) -> Self {
        CrlContext {
            crl,
            scope: scope.map(|s| s.0),
            scope_source: scope.map(|s| s.1),
            at,
            issuer,
            signature: OnceCell::new(),
        }
    }

    pub fn entries(&self) -> &EntryStats {
        &self.crl.parts.stats
    }

    /// The CRL's signature checked with the issuer's key, when an issuer was given and the CRL
    /// is signed.
    pub fn issuer_signature(&self) -> Option<&Verdict> {
        self.signature
            .get_or_init(|| {
                let spki = match self.issuer?.spki_view() {
                    Some(Ok(spki)) => spki,
                    _ => return None,
                };
                if self.crl.form == CrlForm::Tbs {
                    return None;
                }
                Some(verify_crl(self.crl, spki))
            })
            .as_ref()
    }
}

fn verify_crl(crl: &Crl<'_>, spki: &smimelint_cert::spki::Spki<'_>) -> Verdict {
    let (Some(alg), Some(sig)) = (crl.signature_algorithm, crl.signature_value) else {
        return Verdict::Unsupported("the CRL has no readable signature".into());
    };
    let alg = match verify::signature_algorithm(&alg) {
        Ok(a) => a,
        Err(e) => return Verdict::Unsupported(format!("{e} is not supported")),
    };
    let key = match KeyKind::of(spki) {
        Ok(k) => k,
        Err(e) => return Verdict::Unsupported(format!("{e} is not supported")),
    };
    let Some((&0, sig)) = sig.content.split_first() else {
        return Verdict::Invalid("the signature BIT STRING has unused bits".into());
    };
    let parts = crl.parts;
    match (&parts.tbs_bytes, &parts.tbs_digest) {
        (Some(tbs), _) => verify::verify(alg, key, spki.public_key, tbs, sig),
        (None, Some((hash, digest))) => {
            verify::verify_prehashed(alg, key, spki.public_key, *hash, digest, sig)
        }
        (None, None) => Verdict::Unsupported(
            "the TBSCertList is too large to keep and its algorithm cannot be checked over a \
             running digest"
                .into(),
        ),
    }
}

/// One OCSP response with everything the lints share.
pub struct OcspContext<'c> {
    pub ocsp: &'c Ocsp<'c>,
    pub scope: Option<Scope>,
    pub scope_source: Option<ScopeSource>,
    /// The time effective dates are compared with (producedAt unless the user set one).
    pub at: UnixTime,
    pub issuer: Option<&'c Cert<'c>>,
}
