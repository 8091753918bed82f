use super::*;
use const_oid::ObjectIdentifier;

/// The attributes SBR 7.1.4.3.1 (a)–(c) require.
const REQUIRED: [&ObjectIdentifier; 3] = [
    &oid::AT_COMMON_NAME,
    &oid::AT_ORGANIZATION,
    &oid::AT_COUNTRY,
];

fn check_required_attribute_missing(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(subject)) = ctx.cert.subject_name() else {
        return Outcome::NotApplicable;
    };
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|o| !subject.has(o))
        .map(|o| oid::attribute_name(o))
        .collect();
    if missing.is_empty() {
        Outcome::Pass
    } else {
        fail!("the CA subject has no {}", missing.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// The subject of a root or subordinate CA certificate contains commonName,
    /// organizationName and countryName.
    ///
    /// ## Why
    /// SBR 7.1.4.3.1 (a)–(c): each of the three "SHALL be present". They identify the CA
    /// organisation and where it does business to relying parties and auditors.
    ///
    /// ## Example
    /// A sub-CA whose subject is only `CN=Example S/MIME CA`.
    E_SMIME_CA_SUBJECT_REQUIRED_ATTRIBUTE_MISSING {
        name: "e_smime_ca_subject_required_attribute_missing",
        description: "CA subject lacks commonName, organizationName or countryName",
        citation: "SBR 7.1.4.3.1(a)-(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_ca_subject_required_attribute_missing"],
        applies: Applies::CA,
        check: check_required_attribute_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::ca_subject::sub_ca;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{name, CertBuilder, KeyAlg};

    #[test]
    fn required_attribute_missing() {
        assert_lint(
            "e_smime_ca_subject_required_attribute_missing",
            &sub_ca(&[("C", "GB"), ("CN", "Example S/MIME CA")]),
            &CertBuilder::sub_ca(KeyAlg::Rsa2048).build(),
            &[],
        );
        // A root too.
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048)
            .subject_raw(name(&[("O", "Example CA Ltd"), ("CN", "Example Root CA")]))
            .self_signed();
        assert_lint(
            "e_smime_ca_subject_required_attribute_missing",
            &root.build(),
            &CertBuilder::root_ca(KeyAlg::Rsa2048).build(),
            &[],
        );
    }
}
