use super::*;

fn check_aki_key_identifier_missing(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.aki() {
        Ext::Present(_, aki) if aki.key_id.is_none() => {
            fail!("authorityKeyIdentifier has no keyIdentifier")
        }
        Ext::Present(..) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// The authorityKeyIdentifier extension contains the keyIdentifier field.
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): "The keyIdentifier field SHALL be present."
    ///
    /// ## Example
    /// An authorityKeyIdentifier that is an empty SEQUENCE.
    E_SMIME_AKI_KEY_IDENTIFIER_MISSING {
        name: "e_smime_aki_key_identifier_missing",
        description: "authorityKeyIdentifier has no keyIdentifier",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_key_identifier_keyid_missing"],
        zlint: ["e_authority_key_identifier_correct"],
        catalog: ["e_smime_aki_key_identifier_missing", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_key_identifier_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext_values, gn, name};

    #[test]
    fn aki_key_identifier_missing() {
        let issuer = vec![gn::directory_name(&name(&[("CN", "Example S/MIME CA")]))];
        assert_lint(
            "e_smime_aki_key_identifier_missing",
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(None, &[], None),
                )
                .build(),
            &base().build(),
            &[],
        );
        // Issuer and serial instead of a key identifier break both rules.
        assert_lint(
            "e_smime_aki_key_identifier_missing",
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(None, &issuer, Some(&[0x01])),
                )
                .build(),
            &base().build(),
            &["e_smime_aki_issuer_and_serial_present"],
        );
    }
}
