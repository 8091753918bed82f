use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_syntax;

fn check_org_identifier_syntax(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_syntax)
}

lint! {
    /// ## What it checks
    /// organizationIdentifier follows the structure of SBR 7.1.4.2.2(d): a 3-character
    /// Registration Scheme identifier, a 2-letter country code, optionally `+` and an ISO 3166-2
    /// subdivision of 1 to 3 letters or digits, then optionally `-` and a non-empty Registration
    /// Reference (the leftmost hyphen separates; later hyphens belong to the reference).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) prescribes the parts and their order, and since SMC011 forbids (SHALL NOT)
    /// hyphens inside the scheme, the country code and the subdivision. Relying parties parse the
    /// value by this structure.
    ///
    /// ## Example
    /// `GOV` (no country); `NTRFR+PARI-123` (4-character subdivision); `NTR GB 123`.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_SYNTAX {
        name: "e_smime_subject_org_identifier_syntax",
        description: "organizationIdentifier does not follow SCHEME CC [+SUB] [-REFERENCE]",
        citation: "SBR 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC011",
        pkilint: ["cabf.invalid_subject_organization_identifier_format"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_syntax"],
        applies: OV_SV,
        check: check_org_identifier_syntax,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::organization_identifier::ov;

    use smimelint_engine::testing::{assert_lint, findings};

    #[test]
    fn syntax_scheme_country() {
        let good = ov("NTRGB-12345678", Some("GB"));
        assert_lint(
            "e_smime_subject_org_identifier_syntax",
            &ov("GOV", None),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_syntax",
            &ov("NTRFR+PARI-AEYE00EKXESVZUUEBP67", None),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_scheme_unknown",
            &ov("TAXUS-123456", None),
            &good,
            &[],
        );
        for bad in ["NTRZZ-123", "GOVXG", "INTUS", "VATXG-123", "NTRgb-123"] {
            assert_lint(
                "e_smime_subject_org_identifier_country_invalid",
                &ov(bad, None),
                &good,
                &[],
            );
        }
        for fine in [
            "VATEL-123",
            "VATXI-123",
            "GOVUS",
            "GOVUS+PA",
            "INTXG",
            "LEIXG-AEYE00EKXESVZUUEBP67",
            "PSDBE-NBB-1234.567.890",
            "NTRDE-DER3306.HRB12345",
        ] {
            assert_eq!(findings(&ov(fine, None)), Vec::<&str>::new(), "{fine}");
        }
    }
}
