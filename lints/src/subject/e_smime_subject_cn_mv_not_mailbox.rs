use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_cn_mv_not_mailbox;

fn check_cn_mv_not_mailbox(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_mv_not_mailbox)
}

lint! {
    /// ## What it checks
    /// In Mailbox-validated certificates, each commonName is a Mailbox Address.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): for `Mailbox-validated` the table of commonName contents lists only a
    /// Mailbox Address; nothing else about the subject is validated. Whether the address is repeated in the
    /// SAN is `e_smime_subject_cn_mailbox_not_in_san`'s concern.
    ///
    /// ## Example
    /// `CN=Alice Smith` in `mailbox-strict`.
    E_SMIME_SUBJECT_CN_MV_NOT_MAILBOX {
        name: "e_smime_subject_cn_mv_not_mailbox",
        description: "A Mailbox-validated commonName is not a Mailbox Address",
        citation: "SBR 7.1.4.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.common_name_value_unknown_source"],
        zlint: ["e_commonname_mailbox_validated"],
        catalog: ["e_smime_subject_cn_mv_not_mailbox"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Mailbox]),
        check: check_cn_mv_not_mailbox,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn cn_mv_not_mailbox() {
        let bad = CertBuilder::subscriber("mailbox-multipurpose")
            .subject(&[("CN", "Alice Smith")])
            .build();
        let good = CertBuilder::subscriber("mailbox-multipurpose").build();
        assert_lint("e_smime_subject_cn_mv_not_mailbox", &bad, &good, &[]);
    }
}
