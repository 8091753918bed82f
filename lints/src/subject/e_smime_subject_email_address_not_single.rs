use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_email_address_not_single;

fn check_email_address_not_single(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_email_address_not_single)
}

lint! {
    /// ## What it checks
    /// Each emailAddress value is one Mailbox Address, not a list (`a@x, b@x`, `a@x;b@x`) or a
    /// display form (`Alice <alice@example.com>`).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(h): an emailAddress value SHALL be exactly one Mailbox Address. Other syntax
    /// errors are `e_smime_subject_email_address_invalid`'s.
    ///
    /// ## Example
    /// `emailAddress=alice@example.com, bob@example.com`.
    E_SMIME_SUBJECT_EMAIL_ADDRESS_NOT_SINGLE {
        name: "e_smime_subject_email_address_not_single",
        description: "An emailAddress value holds more than one address or a display form",
        citation: "SBR 7.1.4.2.2(h)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.invalid_email_address_syntax"],
        zlint: ["e_single_email_subject_if_present", "e_single_email_if_present"],
        catalog: ["e_smime_subject_email_address_not_single"],
        applies: Applies::SUBSCRIBER,
        check: check_email_address_not_single,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn email_address_not_single_and_invalid() {
        let mb = |e: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", "alice@example.com"), ("emailAddress", e)])
                .build()
        };
        let good = mb("alice@example.com");
        assert_lint(
            "e_smime_subject_email_address_not_single",
            &mb("alice@example.com, bob@example.com"),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_email_address_not_single",
            &mb("Alice <alice@example.com>"),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_email_address_invalid",
            &mb("alice"),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_email_address_invalid",
            &mb("alice@exa mple.com"),
            &good,
            &[],
        );
    }
}
