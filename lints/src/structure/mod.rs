//! RFC 5280 certificate structure (incorporated by SBR 7.1.2.4) and the SBR's version rule (SBR
//! 7.1.1): version 3, no extensions or unique identifiers outside v3, a non-empty issuer, valid
//! attribute types in names, no empty SIZE (1..MAX) collections. Serial numbers, validity,
//! signature algorithm fields and duplicate or unknown extensions are in their own topics.

use crate::prelude::*;

/// "v3" for INTEGER 2, and so on; a negative value is no version at all.
fn version_text(cert: &Cert<'_>, n: i64) -> String {
    if cert.version.is_none() {
        "v1 (the version field is absent)".into()
    } else if n >= 0 {
        format!("v{} (INTEGER {n})", n + 1)
    } else {
        format!("INTEGER {n}, which is no X.509 version")
    }
}

mod e_smime_certificate_not_v3;
mod e_smime_rfc5280_empty_sequence;
mod e_smime_rfc5280_extensions_in_non_v3_certificate;
mod e_smime_rfc5280_issuer_empty;
mod e_smime_rfc5280_name_attribute_type_invalid;
mod e_smime_rfc5280_unique_identifier_present;
