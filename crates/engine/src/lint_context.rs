//! What a lint's check function receives.

use crate::detect::{CertType, Generation, Kind, Profile, Validation};
use smimelint_cert::keymath::rsa::{RsaModulus, RsaPublicKey};
use smimelint_cert::spki::KeyFamily;
use smimelint_cert::verify::{self, Verdict};
use smimelint_cert::Cert;
use smimelint_der::time::UnixTime;
use std::cell::OnceCell;

/// One certificate with everything computed once for all lints.
pub struct LintContext<'c> {
    pub cert: &'c Cert<'c>,
    pub profile: Profile,
    /// The time effective dates are compared with (notBefore unless the user set one).
    pub at: UnixTime,
    /// The issuing CA's certificate, when the user supplied it (`--issuer`).
    pub issuer: Option<&'c Cert<'c>>,
    /// The CA's profile constraints from smimelint.toml, when configured.
    pub constraints: Option<&'c crate::profile_constraints::ProfileConstraints>,
    /// Costly facts several lints read, worked out on first use; they go with the context.
    pub facts: Facts,
}

/// Facts derived from one certificate (and its issuer), each computed at most once.
#[derive(Default)]
pub struct Facts {
    rsa_modulus: OnceCell<Option<RsaModulus>>,
    issuer_signature: OnceCell<Option<Verdict>>,
}

impl<'c> LintContext<'c> {
    pub fn cert_type(&self) -> Option<CertType> {
        self.profile.cert_type
    }
    pub fn generation(&self) -> Option<Generation> {
        self.profile.cert_type.map(|t| t.generation)
    }
    pub fn validation(&self) -> Option<Validation> {
        self.profile.cert_type.map(|t| t.validation)
    }
    pub fn is_subscriber(&self) -> bool {
        self.profile.kind == Kind::Subscriber
    }

    /// The subject's RSA modulus with its small-prime residues, when the key is rsaEncryption
    /// and its RSAPublicKey decodes.
    pub fn rsa_modulus(&self) -> Option<&RsaModulus> {
        self.facts
            .rsa_modulus
            .get_or_init(|| match self.cert.spki_view() {
                Some(Ok(spki)) if spki.family() == KeyFamily::Rsa => RsaPublicKey::of(spki)
                    .ok()
                    .map(|key| RsaModulus::new(key.modulus)),
                _ => None,
            })
            .as_ref()
    }

    /// The certificate's signature checked with the issuing CA's key, when an issuer with a
    /// SubjectPublicKeyInfo that decodes was given.
    pub fn issuer_signature(&self) -> Option<&Verdict> {
        self.facts
            .issuer_signature
            .get_or_init(|| match self.issuer?.spki_view() {
                Some(Ok(spki)) => Some(verify::verify_cert(self.cert, spki)),
                _ => None,
            })
            .as_ref()
    }
}
