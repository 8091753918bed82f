use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_euid_invalid;

fn check_org_identifier_euid_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_euid_invalid)
}

lint! {
    /// ## What it checks
    /// An NTR identifier of an EU/EEA country whose Registration Reference is an EUID (it starts
    /// with an EU/EEA country code and contains a `.`) has the EUID structure: the same country
    /// code as after `NTR`, the business register identifier (letters and digits), `.`, and the
    /// domestic registration number.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 3 (SMC011) fixes the EUID structure (SHALL): the country code, equal
    /// to the one after NTR; the identifier of the business register; a dot; the domestic
    /// registration number. Example: `NTRDE-DER3306.HRB12345`.
    ///
    /// ## Example
    /// `NTRDE-FRR3306.HRB12345` (country code FR inside a German NTR identifier).
    ///
    /// ## Differences from pkilint
    /// pkilint checks the EUID only for Germany and reports every defect as the warning
    /// `cabf.smime.german_ntr_registration_reference_not_euid`. The structure is a SHALL for every
    /// EU/EEA country, so smimelint reports a malformed EUID here, as an error.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_EUID_INVALID {
        name: "e_smime_subject_org_identifier_euid_invalid",
        description: "An NTR Registration Reference in EUID form does not follow the EUID structure",
        citation: "SBR 7.1.4.2.2(d) Note 3",
        source: Source::Sbr,
        effective: dates::SMC011,
        ballot: "SMC011",
        pkilint: ["cabf.smime.german_ntr_registration_reference_not_euid"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_euid_invalid"],
        applies: OV_SV,
        check: check_org_identifier_euid_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::organization_identifier::ov;

    use smimelint_engine::testing::{assert_lint, findings};

    #[test]
    fn euid() {
        let good = ov("NTRDE-DER3306.HRB12345", Some("DE"));
        assert_lint(
            "e_smime_subject_org_identifier_euid_invalid",
            &ov("NTRDE-FRR3306.HRB12345", Some("DE")),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_euid_invalid",
            &ov("NTRFR-FR.123", Some("FR")),
            &ov("NTRFR-FRRCS.123", Some("FR")),
            &[],
        );
        for bad in [
            "NTRDE-DER3306HRB12345",
            "NTRDE+BE-DER3306.HRB12345",
            "NTRDE-HRB12345",
        ] {
            assert_lint(
                "w_smime_subject_org_identifier_de_ntr_not_euid",
                &ov(bad, None),
                &good,
                &[],
            );
        }
        // A non-EU country is not concerned.
        assert_eq!(findings(&ov("NTRGB-AB.12", Some("GB"))), Vec::<&str>::new());
    }
}
