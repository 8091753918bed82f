use super::*;

fn check_unknown_critical_extension(ctx: &LintContext<'_>) -> Outcome {
    let unknown = |e: &&Extension<'_>| e.critical && !oid::is_known_extension(e.oid);
    if !ctx.cert.extensions.iter().any(|e| unknown(&e)) {
        return Outcome::Pass;
    }
    let found: Vec<String> = ctx
        .cert
        .extensions
        .iter()
        .filter(unknown)
        .map(|e| format!("extensions[{}] {}", e.index, oid::dotted(e.oid)))
        .collect();
    fail!(
        "critical extension(s) that smimelint does not recognise: {}; a relying party that does not recognise a critical extension must reject the certificate",
        found.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// Every extension marked critical is one smimelint recognises: the RFC 5280 extensions,
    /// the ones S/MIME certificates use (smimeCapabilities, qcStatements, the LEI and Adobe
    /// extensions, subjectInformationAccess …) and the RFC 6962 ones. The precertificate poison
    /// (1.3.6.1.4.1.11129.2.4.3), which RFC 6962 requires to be critical, is recognised and
    /// never reported.
    ///
    /// ## Why
    /// RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it encounters
    /// a critical extension it does not recognize." A critical private extension therefore makes
    /// the certificate unusable for every mail client that does not know it. smimelint cannot
    /// know what the CA's relying parties recognise, so this is a warning, not an error.
    ///
    /// ## Example
    /// A critical extension `1.3.6.1.4.1.55555.1.2` carrying CA-internal data.
    W_SMIME_RFC5280_UNKNOWN_CRITICAL_EXTENSION {
        name: "w_smime_rfc5280_unknown_critical_extension",
        description: "A critical extension that relying parties are unlikely to recognise",
        citation: "RFC 5280 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_unknown_critical_extension,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details};
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn critical_extensions_are_recognised() {
        let lint = "w_smime_rfc5280_unknown_critical_extension";
        let private = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.55555.1.2");
        let bad = base().ext(&private, true, der::null()).build();
        let good = base().ext(&private, false, der::null()).build();
        // SBR 7.1.2.4 also notes the extension as unlisted for subscribers.
        assert_lint(lint, &bad, &good, &["n_smime_unlisted_extension"]);
        assert!(details(&bad, lint).starts_with(
            "critical extension(s) that smimelint does not recognise: extensions[8] 1.3.6.1.4.1.55555.1.2"
        ));

        // The precertificate poison must be critical and is never reported; so is a critical
        // extension smimelint knows by name.
        let poison = base().ext(&oid::CT_POISON, true, der::null()).build();
        assert_eq!(status_of(&poison, lint), Status::Pass);
        let known = base().critical(&oid::SUBJECT_ALT_NAME, true).build();
        assert_eq!(status_of(&known, lint), Status::Pass);
    }
}
