use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_european_ntr_subdivision;

fn check_org_identifier_european_ntr_subdivision(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_european_ntr_subdivision)
}

lint! {
    /// ## What it checks
    /// For certificates issued from 2024-11-22 (SMC09) until 2025-05-14 (SMC011): an NTR
    /// identifier of an EU/EEA country has no `+subdivision`.
    ///
    /// ## Why
    /// Note 3 of SBR 7.1.4.2.2(d) as written by SMC09 required NTR references of Legal Entities
    /// registered in a European country to be assigned at country level. SMC011 replaced that
    /// Note with the EUID text, so the rule applies only in that window. smimelint reads
    /// "European country" as the EU/EEA, the area of the business registers interconnection.
    ///
    /// ## Example
    /// `NTRFR+PAR-123456789` in a certificate issued on 2025-01-10.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_EUROPEAN_NTR_SUBDIVISION {
        name: "e_smime_subject_org_identifier_european_ntr_subdivision",
        description: "A European NTR organizationIdentifier has a subdivision (SMC09 to SMC011)",
        citation: "SBR 7.1.4.2.2(d) Note 3 (v1.0.7 to v1.0.8)",
        source: Source::Sbr,
        effective: dates::SMC09,
        ineffective: dates::SMC011,
        ballot: "SMC09",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_european_ntr_subdivision"],
        applies: OV_SV,
        check: check_org_identifier_european_ntr_subdivision,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_cert::time::date;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{name, CertBuilder};

    #[test]
    fn european_ntr_subdivision_window() {
        let nb = date(2025, 1, 10);
        let cert = |org_id: &'static str| {
            CertBuilder::subscriber("organization-multipurpose")
                .subject_raw(name(&[
                    ("O", "Example SA"),
                    ("organizationIdentifier", org_id),
                ]))
                .validity(nb, nb + 300 * 86_400)
                .build()
        };
        let bad = cert("NTRFR+PAR-123456789");
        let good = cert("NTRFR-123456789");
        assert_lint(
            "e_smime_subject_org_identifier_european_ntr_subdivision",
            &bad,
            &good,
            &[],
        );
    }
}
