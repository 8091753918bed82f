//! What a lint's check function receives.

use crate::detect::{CertType, Generation, Kind, Profile, Validation};
use smimelint_cert::Cert;
use smimelint_der::time::UnixTime;

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
}
