use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_cn_ov_invalid;

fn check_cn_ov_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_ov_invalid)
}

lint! {
    /// ## What it checks
    /// In Organization-validated certificates, each commonName equals one of the subject's
    /// organizationName values or is a Mailbox Address. The comparison is exact, including case.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): for `Organization-validated` the commonName holds either the
    /// organizationName or a Mailbox Address. The organizationName itself may abbreviate
    /// the legal name (7.1.4.2.2(b)); the commonName may not vary from it further.
    ///
    /// ## Example
    /// `O=Acme Industries, Ltd., CN=ACME INDUSTRIES, LTD.`
    E_SMIME_SUBJECT_CN_OV_INVALID {
        name: "e_smime_subject_cn_ov_invalid",
        description: "An Organization-validated commonName is neither an organizationName value nor a Mailbox Address",
        citation: "SBR 7.1.4.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.common_name_value_unknown_source"],
        zlint: ["e_org_validated_invalid_cn"],
        catalog: ["e_smime_subject_cn_ov_invalid"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization]),
        check: check_cn_ov_invalid,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{name, CertBuilder};

    #[test]
    fn cn_ov_invalid() {
        let subject = |cn: &'static str| {
            name(&[
                ("C", "GB"),
                ("O", "Example Ltd"),
                ("organizationIdentifier", "NTRGB-12345678"),
                ("CN", cn),
            ])
        };
        let bad = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject("EXAMPLE LTD"))
            .build();
        let good = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject("alice@example.com"))
            .build();
        assert_lint("e_smime_subject_cn_ov_invalid", &bad, &good, &[]);
    }
}
