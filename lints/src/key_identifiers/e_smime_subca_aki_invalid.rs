use super::*;

fn check_aki_invalid(ctx: &LintContext<'_>) -> Outcome {
    match require_noncritical(ctx, &oid::AUTHORITY_KEY_IDENTIFIER) {
        Outcome::Pass => {}
        problem => return problem,
    }
    let Ext::Present(_, aki) = ctx.cert.aki() else {
        return Outcome::NotApplicable;
    };
    let mut problems = Vec::new();
    if aki.key_id.is_none() {
        problems.push("has no keyIdentifier");
    }
    if aki.issuer.is_some() {
        problems.push("has authorityCertIssuer");
    }
    if aki.serial.is_some() {
        problems.push("has authorityCertSerialNumber");
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("authorityKeyIdentifier {}", problems.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has authorityKeyIdentifier, not marked critical, with a
    /// keyIdentifier and without authorityCertIssuer and authorityCertSerialNumber.
    ///
    /// ## Why
    /// SBR 7.1.2.2(h) requires all of this. The keyIdentifier lets path building find the
    /// issuing key; issuer name and serial would tie the sub-CA to one particular issuer
    /// certificate and break when the root is re-issued or cross-certified.
    ///
    /// ## Example
    /// `authorityKeyIdentifier: SEQUENCE { [0] keyId, [2] serial }`.
    E_SMIME_SUBCA_AKI_INVALID {
        name: "e_smime_subca_aki_invalid",
        description: "Subordinate CA authorityKeyIdentifier is absent, critical, or has the wrong fields",
        citation: "SBR 7.1.2.2(h)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_aki_invalid", "e_smime_rfc5280_aki_ski_criticality", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aki_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext_values, KeyAlg};

    #[test]
    fn aki_invalid() {
        let lint = "e_smime_subca_aki_invalid";
        assert_lint(
            lint,
            &sub().without_ext(&oid::AUTHORITY_KEY_IDENTIFIER).build(),
            &good(),
            &[],
        );
        assert_lint(
            lint,
            &sub().critical(&oid::AUTHORITY_KEY_IDENTIFIER, true).build(),
            &good(),
            &[],
        );
        let id = smimelint_factory::key_id(smimelint_factory::KeyPair::get(
            KeyAlg::Rsa2048,
            smimelint_factory::ROOT_SEED,
        ));
        assert_lint(
            lint,
            &sub()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(Some(&id), &[], Some(&[0x01])),
                )
                .build(),
            &good(),
            &[],
        );
    }
}
