use super::*;
use crate::support::countries;

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

    use crate::test_support::ca_subject::sub_ca;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{CertBuilder, KeyAlg};

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
