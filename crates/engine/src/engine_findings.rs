//! Findings the engine reports itself rather than a lint's check: the input is not a
//! certificate, or smimelint failed on it. They are registered like lints so that they can be
//! listed, explained and selected, but they have no check function.

use crate::dates;
use crate::lint;
use crate::registry::{Applies, Source};

/// Name of the lint that reports inputs that are not certificates at all.
pub const NOT_A_CERTIFICATE: &str = "e_input_not_certificate";
/// Name of the lint that reports a panic inside smimelint (a bug, never the input's fault).
pub const INTERNAL_ERROR: &str = "e_internal_error";

lint! {
    /// ## What it checks
    /// That each input unit is a certificate or TBSCertificate at all: a PEM block with a
    /// certificate label and valid base64, a DER SEQUENCE holding a Certificate or
    /// TBSCertificate, a base64 line, and not an empty, truncated or oversized blob. A DER
    /// structure whose shape is that of something else (a PKCS#10 request, a CRL, a PKCS#8,
    /// SEC1 or PKCS#1 private key, a public key, a PKCS#12 file, an OCSP request or response, a
    /// CMS/PKCS#7 message) is refused, and the details name what it looks like; damaged
    /// certificates are not refused but linted.
    ///
    /// ## Why
    /// Every input yields exactly one result record. Input that cannot be read is reported
    /// with status `fatal` under this lint instead of being skipped. Key material is never
    /// decoded or repeated in the details.
    ///
    /// ## Example
    /// A `-----BEGIN CERTIFICATE-----` block without its END line; a file of random bytes;
    /// a PEM block labelled `PRIVATE KEY`; a DER certificate request.
    E_INPUT_NOT_CERTIFICATE {
        name: "e_input_not_certificate",
        description: "The input is not a readable certificate or TBSCertificate",
        citation: "RFC 5280 4.1",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
    }
}

lint! {
    /// ## What it checks
    /// Nothing about the certificate: it reports a panic inside smimelint while parsing or
    /// linting it.
    ///
    /// ## Why
    /// A linter in an issuance path must never crash on input. If a lint has a bug, the record
    /// for that certificate says so (status `fatal`) and the rest of the batch goes on.
    /// Please report such findings as bugs.
    E_INTERNAL_ERROR {
        name: "e_internal_error",
        description: "smimelint failed internally while linting this input",
        citation: "",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
    }
}
