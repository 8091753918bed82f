use super::*;

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
