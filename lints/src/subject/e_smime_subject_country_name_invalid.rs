use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_country_name_invalid;

fn check_country_name_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_country_name_invalid)
}

lint! {
    /// ## What it checks
    /// Each countryName is an officially assigned ISO 3166-1 alpha-2 code in upper case, or the
    /// user-assigned code `XX`. smimelint embeds the list of the 249 assigned codes.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(n): countryName SHALL be the subject's two-letter ISO 3166-1 code, and a
    /// country without an official code MUST be given as the user-assigned code XX. Other user-assigned codes (XG, XK, ZZ …) and reserved codes (EU, UK, EL) are
    /// not country codes. ISO 3166-1 codes are upper-case.
    ///
    /// ## Example
    /// `C=XG`; `C=UK`; `C=us`.
    ///
    /// ## Differences from pkilint
    /// pkilint's country list (from the Python `iso3166` package) includes `XK` (Kosovo), which
    /// ISO has not assigned; smimelint reports `XK` (use `XX`).
    E_SMIME_SUBJECT_COUNTRY_NAME_INVALID {
        name: "e_smime_subject_country_name_invalid",
        description: "countryName is not an assigned ISO 3166-1 alpha-2 code or XX",
        citation: "SBR 7.1.4.2.2(n)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: ["cabf.invalid_country_code"],
        zlint: ["e_subject_country_name", "e_subject_country_not_iso"],
        catalog: ["e_smime_subject_country_name_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_country_name_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;

    use smimelint_engine::testing::{assert_lint, findings};

    #[test]
    fn country_name_invalid() {
        let with_c = |c: &'static str| {
            iv("individual-strict")
                .subject(&[("C", c), ("GN", "Alice"), ("SN", "Smith")])
                .build()
        };
        for bad in ["XG", "UK", "us", "XK"] {
            assert_lint(
                "e_smime_subject_country_name_invalid",
                &with_c(bad),
                &with_c("XX"),
                &[],
            );
        }
        assert_eq!(findings(&with_c("JP")), Vec::<&str>::new());
    }
}
