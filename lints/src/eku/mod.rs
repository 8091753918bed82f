//! extKeyUsage of subscriber certificates (SBR 7.1.2.3(f), 7.1.2.4).
//!
//! The presence lint reads the extension list; the others read the decoded `ctx.cert.eku()`
//! view and return NA when the extension is absent (reported by `e_smime_eku_missing`) or
//! undecodable (reported by `e_asn1_field_invalid`).
//!
//! Each KeyPurposeId is reported by one lint only: the four purposes the SBR forbids in every
//! generation by `e_smime_eku_prohibited_purpose`; in Strict every other purpose by
//! `e_smime_eku_strict_extra_purpose`; in Multipurpose and Legacy id-kp-OCSPSigning by
//! `w_smime_eku_ocsp_signing` and the rest by `n_smime_eku_additional_purpose`.
//!
//! Criticality: there is no lint. SBR 7.1.2.3(f) says nothing about it for subscriber
//! certificates, and RFC 5280 4.2.1.12 lets the issuer mark the extension critical or not. RFC
//! 5280's only constraint, that the extension SHOULD NOT be critical when it contains
//! anyExtendedKeyUsage, can only arise in a certificate that `e_smime_eku_prohibited_purpose`
//! already reports for that anyExtendedKeyUsage.
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;
use const_oid::ObjectIdentifier;

fn is(kp: &[u8], o: &ObjectIdentifier) -> bool {
    kp == o.as_bytes()
}

mod e_smime_eku_email_protection_missing;
mod e_smime_eku_missing;
mod e_smime_eku_prohibited_purpose;
mod e_smime_eku_strict_extra_purpose;
mod e_smime_root_eku_present;
mod e_smime_subca_eku_email_protection_missing;
mod e_smime_subca_eku_missing;
mod e_smime_subca_eku_prohibited_purpose;
mod n_smime_eku_additional_purpose;
mod w_smime_eku_ocsp_signing;
mod w_smime_subca_eku_critical;
