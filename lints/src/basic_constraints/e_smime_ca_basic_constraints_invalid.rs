use super::*;

fn check_basic_constraints_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::BASIC_CONSTRAINTS) else {
        return fail!("the certificate has no basicConstraints extension");
    };
    match (e.critical, ctx.cert.basic_constraints()) {
        (false, _) => fail!("basicConstraints is not marked critical"),
        (true, Ext::Present(_, bc)) if bc.ca => Outcome::Pass,
        (true, Ext::Present(..)) => fail!("basicConstraints cA is not TRUE"),
        // An undecodable value is reported by the structure lints.
        (true, _) => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A CA certificate has basicConstraints, marked critical, with cA TRUE.
    ///
    /// ## Why
    /// SBR 7.1.2.1(a) (root) and 7.1.2.2(d) (subordinate CA): the extension SHALL be present and
    /// marked critical, and cA SHALL be TRUE. Path validation (RFC 5280 §6.1.4(k)) accepts an
    /// issuer only when cA is TRUE, and criticality keeps software that ignores the extension
    /// from using the certificate at all.
    ///
    /// ## Example
    /// A sub-CA with `basicConstraints: cA TRUE` not marked critical.
    E_SMIME_CA_BASIC_CONSTRAINTS_INVALID {
        name: "e_smime_ca_basic_constraints_invalid",
        description: "CA certificate basicConstraints is absent, not critical, or has cA FALSE",
        citation: "SBR 7.1.2.1(a); 7.1.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.basic_constraints_extension_not_critical"],
        zlint: [],
        catalog: ["e_smime_ca_basic_constraints_invalid"],
        applies: Applies::CA,
        check: check_basic_constraints_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{CertBuilder, KeyAlg};

    #[test]
    fn basic_constraints_invalid() {
        let good = root().build();
        assert_lint(
            "e_smime_ca_basic_constraints_invalid",
            &root().critical(&oid::BASIC_CONSTRAINTS, false).build(),
            &good,
            &[],
        );
        let sub = CertBuilder::sub_ca(KeyAlg::Rsa2048);
        assert_lint(
            "e_smime_ca_basic_constraints_invalid",
            &sub.clone().critical(&oid::BASIC_CONSTRAINTS, false).build(),
            &sub.build(),
            &[],
        );
    }
}
