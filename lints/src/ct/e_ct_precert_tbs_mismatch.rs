use super::*;

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
