use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_cn_pseudonym_mismatch;

fn check_cn_pseudonym_mismatch(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_pseudonym_mismatch)
}

lint! {
    /// ## What it checks
    /// In Sponsor-validated and Individual-validated certificates with a pseudonym attribute,
    /// each commonName that is not a Mailbox Address contains the pseudonym (case-sensitively).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): a Pseudonym in commonName SHALL include the pseudonym attribute's value
    /// when that attribute exists, and a commonName with a Personal Name SHALL NOT be combined
    /// with a pseudonym attribute. A commonName that does not contain the pseudonym is a Personal
    /// Name, so either way the pair is not allowed.
    ///
    /// ## Example
    /// `pseudonym=Mark Twain, CN=YAMADA Hanako`; `pseudonym=Yamada Hanako, CN=YAMADA Hanako`.
    E_SMIME_SUBJECT_CN_PSEUDONYM_MISMATCH {
        name: "e_smime_subject_cn_pseudonym_mismatch",
        description: "With a pseudonym attribute, a non-mailbox commonName does not contain the pseudonym",
        citation: "SBR 7.1.4.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: ["cabf.smime.common_name_value_unknown_source"],
        zlint: [],
        catalog: ["e_smime_subject_cn_pseudonym_mismatch"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_cn_pseudonym_mismatch,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn cn_pseudonym_mismatch() {
        let bad = iv("individual-legacy")
            .subject(&[
                ("C", "GB"),
                ("pseudonym", "Mark Twain"),
                ("CN", "Samuel Clemens"),
            ])
            .build();
        let good = iv("individual-legacy")
            .subject(&[
                ("C", "GB"),
                ("pseudonym", "Mark Twain"),
                ("CN", "Mark Twain (pseudonym)"),
            ])
            .build();
        assert_lint("e_smime_subject_cn_pseudonym_mismatch", &bad, &good, &[]);
    }
}
