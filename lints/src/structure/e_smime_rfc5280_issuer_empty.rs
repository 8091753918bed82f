use super::*;

fn check_issuer_empty(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(name)) = ctx.cert.issuer_name() else {
        return Outcome::NotApplicable;
    };
    if name.rdn_count == 0 {
        fail!("tbsCertificate.issuer is an empty SEQUENCE: the distinguished name has no RDN")
    } else if name.attributes.is_empty() {
        fail!(
            "tbsCertificate.issuer has {} RDN(s) but every one is an empty SET: the distinguished name has no attribute",
            name.rdn_count
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// The issuer distinguished name holds at least one attribute: it is neither an empty
    /// RDNSequence nor made only of empty RDN SETs (each of which
    /// `e_smime_rfc5280_empty_sequence` also reports).
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.4: "The issuer field MUST contain a non-empty distinguished name (DN)."
    /// Path building matches the issuer against the subject of the issuing CA, which is never
    /// empty.
    ///
    /// ## Example
    /// `30 00` as tbsCertificate.issuer.
    ///
    /// ## Differences from pkilint
    /// pkilint's `pkix.name_empty` counts RDNs, so an issuer made only of empty SETs passes
    /// there.
    E_SMIME_RFC5280_ISSUER_EMPTY {
        name: "e_smime_rfc5280_issuer_empty",
        description: "The issuer distinguished name is empty",
        citation: "RFC 5280 4.1.2.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.name_empty"],
        zlint: ["e_issuer_field_empty"],
        catalog: ["e_smime_rfc5280_issuer_empty"],
        applies: Applies::ALL,
        check: check_issuer_empty,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good, EMPTY};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn issuer_is_not_empty() {
        let lint = "e_smime_rfc5280_issuer_empty";
        let bad = base().issuer_raw(der::seq(&[])).build();
        assert_lint(lint, &bad, &good(), &[]);
        assert!(details(&bad, lint).contains("has no RDN"));

        let only_empty_rdns = base().issuer_raw(der::seq(&[der::set(&[])])).build();
        assert_lint(lint, &only_empty_rdns, &good(), &[EMPTY]);
        assert!(details(&only_empty_rdns, lint).contains("no attribute"));
    }
}
