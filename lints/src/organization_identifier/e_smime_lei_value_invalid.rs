use super::*;
use smimelint_cert::der_text::tag;

fn check_lei_value_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::LEI) else {
        return Outcome::NotApplicable;
    };
    let value = match e.single_element() {
        Some(t) if t.tag == tag::PRINTABLE_STRING => t.content,
        Some(t) => {
            return fail!(
                "the LEI value is a {}, not a PrintableString",
                smimelint_cert::der_text::tag_name(t.tag)
            )
        }
        _ => return fail!("the LEI value is not a single PrintableString"),
    };
    match lei_problem(value) {
        None => Outcome::Pass,
        Some(p) => fail!(
            "LEI \"{}\" is not a valid ISO 17442 code: {p}",
            String::from_utf8_lossy(value)
        ),
    }
}

lint! {
    /// ## What it checks
    /// The LEI extension's value is a PrintableString holding a valid ISO 17442 Legal Entity
    /// Identifier: 20 characters, 18 digits or upper-case letters followed by two digits that
    /// satisfy the ISO 7064 MOD 97-10 check.
    ///
    /// ## Why
    /// SBR 7.1.2.3(l): the LEI is "a 20-character, alpha-numeric code used in accordance with
    /// ISO 17442-1:2020, Clause 6 and ISO 17442-2:2020, Clause 4". A wrong check digit means a
    /// mistyped identifier that cannot be the one the CA verified in the GLEIF records.
    ///
    /// ## Example
    /// `5493001KJTIIGC8Y1R13` (the correct check digits are 12); a UTF8String value.
    E_SMIME_LEI_VALUE_INVALID {
        name: "e_smime_lei_value_invalid",
        description: "The LEI extension does not hold a valid ISO 17442 LEI",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["iso.lei.invalid_lei_checksum", "iso.lei.invalid_lei_format"],
        zlint: [],
        catalog: ["e_smime_lei_value_invalid"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]),
        check: check_lei_value_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::lei::{lei, with};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, CertBuilder};

    #[test]
    fn lei_value_invalid() {
        let b = || CertBuilder::subscriber("organization-multipurpose");
        assert_lint(
            "e_smime_lei_value_invalid",
            &b().ext(&oid::LEI, false, der::printable("5493001KJTIIGC8Y1R13"))
                .build(),
            &with("organization-multipurpose", &oid::LEI, false).build(),
            &[],
        );
        assert_lint(
            "e_smime_lei_value_invalid",
            &b().ext(&oid::LEI, false, der::utf8(&lei())).build(),
            &with("organization-multipurpose", &oid::LEI, false).build(),
            &[],
        );
    }
}
