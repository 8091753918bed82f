//! Subject of root and subordinate CA certificates (SBR 7.1.4.3.1).

use super::countries;
use super::prelude::*;
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

fn check_country_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(subject)) = ctx.cert.subject_name() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    for c in subject.all(&oid::AT_COUNTRY) {
        seen = true;
        match c.text() {
            Some(t) if countries::is_assigned(&t) => {}
            Some(t) => {
                return fail!("countryName {t:?} is not an assigned ISO 3166-1 alpha-2 code")
            }
            None => return fail!("countryName cannot be read as a string"),
        }
    }
    if seen {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

lint! {
    /// ## What it checks
    /// Each countryName in a CA certificate's subject is an assigned ISO 3166-1 alpha-2 code in
    /// upper case.
    ///
    /// ## Why
    /// SBR 7.1.4.3.1(c): countryName "SHALL contain the two-letter ISO 3166-1 country code for
    /// the country in which the CA's place of business is located". Unlike subscribers (7.1.4.2.2(n)),
    /// a CA has no `XX` fallback: a CA's place of business is always in a country with a code.
    ///
    /// ## Example
    /// `C=UK` (reserved, the code is GB) or `C=gb`.
    E_SMIME_CA_SUBJECT_COUNTRY_INVALID {
        name: "e_smime_ca_subject_country_invalid",
        description: "CA subject countryName is not an ISO 3166-1 alpha-2 code",
        citation: "SBR 7.1.4.3.1(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_ca_subject_country_invalid"],
        applies: Applies::CA,
        check: check_country_invalid,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{name, CertBuilder, KeyAlg};

    fn sub_ca(subject: &[(&str, &str)]) -> Vec<u8> {
        CertBuilder::sub_ca(KeyAlg::Rsa2048)
            .subject_raw(name(subject))
            .build()
    }

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

    #[test]
    fn country_invalid() {
        assert_lint(
            "e_smime_ca_subject_country_invalid",
            &sub_ca(&[
                ("C", "UK"),
                ("O", "Example CA Ltd"),
                ("CN", "Example S/MIME CA"),
            ]),
            &CertBuilder::sub_ca(KeyAlg::Rsa2048).build(),
            &[],
        );
    }
}
