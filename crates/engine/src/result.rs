//! What linting one input produces: its findings and the record around them.

use crate::detect::{CertType, Kind, TypeSource};
use crate::registry::Status;
use crate::revocation_context::Scope;
use serde::Serialize;
use sha2::{Digest, Sha256};

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
    /// `certificate`, `tbs`, `crl`, `tbs-crl`, `ocsp` or `tbs-ocsp`; None when the input is
    /// none of them.
    pub form: Option<&'static str>,
    /// `subscriber`, `root-ca` or `subordinate-ca`.
    pub kind: Option<Kind>,
    /// The SBR certificate type the lints ran for (subscribers), e.g. `mailbox-strict`.
    #[serde(rename = "type")]
    pub cert_type: Option<CertType>,
    /// How the type was decided: policy OID, policy map, override or a guess.
    pub type_source: Option<TypeSource>,
    /// For CRLs and OCSP responses: whether they report on subscriber or CA certificates, when
    /// known. Left out of certificate records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Findings (notice and above), plus pass/NA/NE results when
    /// `Options::include_passes` is set; in registry order.
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
    /// `crl`, `tbs-crl`, `ocsp` or `tbs-ocsp` for the documents that are not certificates.
    pub fn revocation_form(&self) -> Option<&'static str> {
        self.form
            .filter(|f| matches!(*f, "crl" | "tbs-crl" | "ocsp" | "tbs-ocsp"))
    }

    /// What a CRL or OCSP record is, for text outputs: `crl`, `crl (scope: ca)` …
    pub fn revocation_label(&self) -> Option<String> {
        let form = self.revocation_form()?;
        Some(match self.scope {
            Some(s) => format!("{form} (scope: {})", s.as_str()),
            None => form.to_string(),
        })
    }

    /// Findings only (notice and above), leaving out pass/NA/NE results.
    pub fn issues(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status.is_finding())
    }
}

/// SHA-256 of `data`, lower-case hex.
pub fn sha256_hex(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    s
}
