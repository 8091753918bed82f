use super::*;

fn check_name_constraints_in_end_entity(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.extension(&oid::NAME_CONSTRAINTS) {
        None => Outcome::Pass,
        Some(e) => fail!(
            "nameConstraints (extension {}) is present in a certificate that is not a CA certificate",
            e.index
        ),
    }
}

lint! {
    /// ## What it checks
    /// A subscriber (end-entity) certificate does not contain the nameConstraints extension
    /// (2.5.29.30).
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10: "The name constraints extension, which MUST be used only in a CA
    /// certificate, indicates a name space within which all subject names in subsequent
    /// certificates in a certification path MUST be located." SBR 7.1.2.4 requires every field
    /// and extension to follow RFC 5280, and nameConstraints is not among the subscriber
    /// extensions SBR 7.1.2.3 lists (`n_smime_unlisted_extension` reports that too).
    ///
    /// ## Example
    /// A Mailbox-validated certificate with a nameConstraints permitting `example.com`.
    E_SMIME_RFC5280_NAME_CONSTRAINTS_IN_END_ENTITY {
        name: "e_smime_rfc5280_name_constraints_in_end_entity",
        description: "nameConstraints in a certificate that is not a CA certificate",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.name_constraints_in_ee_certificate"],
        zlint: [],
        catalog: ["e_smime_rfc5280_name_constraints_in_end_entity"],
        applies: Applies::SUBSCRIBER,
        check: check_name_constraints_in_end_entity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn, CertBuilder};

    #[test]
    fn name_constraints_in_end_entity() {
        // permittedSubtrees [0] holding one GeneralSubtree { base rfc822Name "example.com" }.
        let permitted = der::seq(&[der::explicit(0, &der::seq(&[gn::rfc822("example.com")]))]);
        let bad = CertBuilder::subscriber("mailbox-strict")
            .ext(&oid::NAME_CONSTRAINTS, true, permitted)
            .build();
        assert_lint(
            "e_smime_rfc5280_name_constraints_in_end_entity",
            &bad,
            &CertBuilder::subscriber("mailbox-strict").build(),
            &["n_smime_unlisted_extension"],
        );
    }
}
