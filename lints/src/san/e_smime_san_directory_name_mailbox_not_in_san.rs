use super::*;
use crate::support::name_rules::on_directory_names_as;

fn check_directory_name_mailbox_not_in_san(ctx: &LintContext<'_>) -> Outcome {
    on_directory_names_as(
        ctx,
        &[(
            "e_smime_san_directory_name_mailbox_not_in_san",
            rule_mailboxes_not_in_san,
        )],
    )
}

lint! {
    /// ## What it checks
    /// Every attribute of a subjectAltName directoryName whose value is a Mailbox Address
    /// (commonName and emailAddress included) is repeated as an rfc822Name or SmtpUTF8Mailbox of
    /// the same extension.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 extends the repetition requirement (SHALL) from the subject to the
    /// directoryName entries of the SAN: each Mailbox Address in them must also be a Mailbox
    /// Field.
    ///
    /// ## Example
    /// SAN `SmtpUTF8Mailbox=山田花子@example.com, directoryName=CN=山田花子@example.net`.
    E_SMIME_SAN_DIRECTORY_NAME_MAILBOX_NOT_IN_SAN {
        name: "e_smime_san_directory_name_mailbox_not_in_san",
        description: "A Mailbox Address in a SAN directoryName is not repeated as a Mailbox Field",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC012",
        pkilint: [
            "cabf.smime.email_address_in_attribute_not_in_san",
            "cabf.smime.common_name_value_unknown_source",
        ],
        zlint: ["e_mailbox_address_shall_contain_an_rfc822_name"],
        catalog: ["e_smime_san_directory_name_mailbox_not_in_san"],
        applies: Applies::SUBSCRIBER,
        check: check_directory_name_mailbox_not_in_san,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, dir, mv};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn directory_name_mailbox_not_in_san() {
        let bad = mv(&[alice(), dir(&[("CN", "alice@example.net")])]);
        let good = mv(&[alice(), dir(&[("CN", "alice@example.com")])]);
        assert_lint(
            "e_smime_san_directory_name_mailbox_not_in_san",
            &bad,
            &good,
            &[],
        );
    }
}
