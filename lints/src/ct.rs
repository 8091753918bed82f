//! Certificate Transparency log entries: findings the CT reader makes while taking an entry
//! apart (`smimelint ct`), reported under these names.

use super::prelude::*;

fn produced_by_ct_reader(_: &LintContext<'_>) -> Outcome {
    // The CT reader attaches these findings to the entry's record; a certificate alone has
    // nothing to check.
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// For a precert log entry, that the precertificate carried in `extra_data` is the one the
    /// leaf was logged for: its TBSCertificate, with the CT poison extension removed, must equal
    /// the TBSCertificate in `leaf_input` field by field and extension by extension. When the
    /// precertificate was signed by a Precertificate Signing Certificate (the first certificate
    /// of the chain, with the 1.3.6.1.4.1.11129.2.4.4 EKU), the leaf's issuer must be that
    /// certificate's issuer, and the authority key identifier may differ.
    ///
    /// ## Why
    /// RFC 6962 3.2 builds the logged TBSCertificate from the precertificate that way. smimelint
    /// lints the precertificate (the leaf has no signature); if it is not the one logged, the
    /// findings would be about another certificate than the one in the log.
    ///
    /// ## Example
    /// A precert entry whose `extra_data` carries a precertificate with another subject or
    /// serial number than the leaf's TBSCertificate.
    E_CT_PRECERT_TBS_MISMATCH {
        name: "e_ct_precert_tbs_mismatch",
        description: "A precert entry's precertificate does not match the TBSCertificate logged in its leaf",
        citation: "RFC 6962 3.2",
        source: Source::Smimelint,
        effective: smimelint_cert::time::date(2013, 6, 1),
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: produced_by_ct_reader,
    }
}

lint! {
    /// ## What it checks
    /// That the certificate chain in a log entry's `extra_data` is well formed: valid base64, a
    /// `certificate_chain` (x509 entries) or `precertificate_chain` (precert entries) vector
    /// whose length fields add up, each certificate at least one byte long.
    ///
    /// ## Why
    /// RFC 6962 4.6 defines `extra_data` as that chain. A broken chain does not stop the
    /// certificate from being linted (it is whole in `leaf_input`, or in the precertificate), so
    /// the chain problem is reported on its own here.
    ///
    /// ## Example
    /// An x509 entry whose `extra_data` claims a chain longer than the bytes that follow.
    E_CT_CHAIN_INVALID {
        name: "e_ct_chain_invalid",
        description: "A CT log entry's extra_data certificate chain is malformed",
        citation: "RFC 6962 4.6",
        source: Source::Smimelint,
        effective: smimelint_cert::time::date(2013, 6, 1),
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: produced_by_ct_reader,
    }
}
