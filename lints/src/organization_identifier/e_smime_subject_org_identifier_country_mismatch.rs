use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_country_mismatch;

fn check_org_identifier_country_mismatch(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_country_mismatch)
}

lint! {
    /// ## What it checks
    /// When the Name has a countryName, the organizationIdentifier's country code equals it,
    /// except for the LEI and INT schemes. A VAT identifier with an Art. 215 prefix (`EL`, `XI`)
    /// must come with the corresponding ISO code (`GR`, `GB`).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 1: for every scheme but LEI and INT, the country code of the
    /// identifier SHALL equal countryName when the subject has one; where VAT uses the Art. 215
    /// prefix, countryName SHALL be the ISO 3166-1 code that prefix stands for.
    ///
    /// ## Example
    /// `organizationIdentifier=NTRUS+PA-123, C=JP`; `VATEL-123, C=EL`.
    ///
    /// ## Differences from pkilint
    /// pkilint compares the codes literally and so reports `VATEL-…` with `C=GR`, which Note 1
    /// expressly requires. smimelint accepts it (and reports `C=EL`).
    E_SMIME_SUBJECT_ORG_IDENTIFIER_COUNTRY_MISMATCH {
        name: "e_smime_subject_org_identifier_country_mismatch",
        description: "organizationIdentifier country code does not match countryName",
        citation: "SBR 7.1.4.2.2(d) Note 1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: ["cabf.smime.org_identifier_and_country_name_attribute_inconsistent"],
        zlint: ["e_registration_scheme_id_matches_subject_country"],
        catalog: ["e_smime_subject_org_identifier_country_mismatch"],
        applies: OV_SV,
        check: check_org_identifier_country_mismatch,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::organization_identifier::ov;

    use smimelint_engine::testing::{assert_lint, findings};

    #[test]
    fn country_mismatch() {
        let good = ov("NTRUS+PA-123", Some("US"));
        assert_lint(
            "e_smime_subject_org_identifier_country_mismatch",
            &ov("NTRUS+PA-123", Some("JP")),
            &good,
            &[],
        );
        // VAT with the Art. 215 prefix EL requires C=GR (pkilint reports this pair).
        assert_eq!(
            findings(&ov("VATEL-123456789", Some("GR"))),
            Vec::<&str>::new()
        );
        assert_lint(
            "e_smime_subject_org_identifier_country_mismatch",
            &ov("VATEL-123456789", Some("DE")),
            &ov("VATEL-123456789", Some("GR")),
            &[],
        );
        // LEI and INT are exempt.
        assert_eq!(findings(&ov("INTXG", Some("JP"))), Vec::<&str>::new());
        assert_eq!(
            findings(&ov("LEIXG-AEYE00EKXESVZUUEBP67", Some("JP"))),
            Vec::<&str>::new()
        );
    }
}
