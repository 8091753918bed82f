//! Who signed an OCSP response and whether the signature holds (RFC 6960 §4.2.2.2).

use super::OcspContext;
use smimelint_cert::verify::{self, KeyKind, Verdict};
use smimelint_cert::Cert;
use smimelint_revocation::OcspForm;

/// The certificate whose key responderID says signed the response.
#[derive(Clone, Copy, Debug)]
pub enum OcspSigner<'c> {
    /// The issuing CA given with `--issuer`.
    Ca(&'c Cert<'c>),
    /// A certificate carried in `certs` (a delegated responder, or the CA's own certificate
    /// when no issuer was given).
    Certs(&'c Cert<'c>),
}

impl<'c> OcspSigner<'c> {
    pub fn cert(self) -> &'c Cert<'c> {
        match self {
            OcspSigner::Ca(c) | OcspSigner::Certs(c) => c,
        }
    }
}

impl<'c> OcspContext<'c> {
    /// The signer responderID designates: the `--issuer` CA when it names that, else the
    /// matching certificate in `certs`; None when neither is at hand.
    pub fn signer(&self) -> Option<OcspSigner<'c>> {
        let ocsp: &'c smimelint_revocation::Ocsp<'c> = self.ocsp;
        if let Some(ca) = self.issuer.filter(|ca| ocsp.responder_is(ca)) {
            return Some(OcspSigner::Ca(ca));
        }
        ocsp.responder_cert().map(OcspSigner::Certs)
    }

    /// The response's signature checked with the signer's key; None without a signer or when
    /// the input is unsigned ResponseData.
    pub fn signature(&self) -> Option<Verdict> {
        if self.ocsp.form == OcspForm::ResponseData {
            return None;
        }
        let spki = match self.signer()?.cert().spki_view() {
            Some(Ok(spki)) => spki,
            _ => return None,
        };
        let (Some(tbs), Some(alg), Some(sig)) = (
            self.ocsp.tbs,
            self.ocsp.signature_algorithm,
            self.ocsp.signature_value,
        ) else {
            return Some(Verdict::Unsupported(
                "the response has no readable signature".into(),
            ));
        };
        let alg = match verify::signature_algorithm(&alg) {
            Ok(a) => a,
            Err(e) => return Some(Verdict::Unsupported(format!("{e} is not supported"))),
        };
        let key = match KeyKind::of(spki) {
            Ok(k) => k,
            Err(e) => return Some(Verdict::Unsupported(format!("{e} is not supported"))),
        };
        let Some((&0, sig)) = sig.content.split_first() else {
            return Some(Verdict::Invalid(
                "the signature BIT STRING has unused bits".into(),
            ));
        };
        Some(verify::verify(alg, key, spki.public_key, tbs.raw, sig))
    }

    /// Whether `cert` was signed by the `--issuer` CA's key; None without an issuer.
    pub fn issued_by_ca(&self, cert: &Cert<'_>) -> Option<Verdict> {
        let spki = match self.issuer?.spki_view() {
            Some(Ok(spki)) => spki,
            _ => return None,
        };
        Some(verify::verify_cert(cert, spki))
    }
}
