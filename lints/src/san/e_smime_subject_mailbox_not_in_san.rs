use super::*;
use crate::support::name_rules::on_subject;

fn check_subject_mailbox_not_in_san(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_mailboxes_not_in_san)
}

lint! {
    /// ## What it checks
    /// Every subject attribute other than commonName whose value is a Mailbox Address
    /// (emailAddress, but also any other attribute holding only an address) is repeated as an
    /// rfc822Name or SmtpUTF8Mailbox of the subjectAltName. Local parts compare exactly, domains
    /// without regard to case. commonName is checked by `e_smime_subject_cn_mailbox_not_in_san`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1: each Mailbox Address of the subject SHALL appear again in the SAN as an
    /// rfc822Name or SmtpUTF8Mailbox. Only the SAN's Mailbox Fields are validated for mailbox
    /// control (3.2.2).
    ///
    /// ## Example
    /// `emailAddress=hanako.yamada@example.com` with SAN `rfc822Name=hanako@example.com`;
    /// `SN=Yamada@example.com`.
    ///
    /// ## Differences from pkilint
    /// pkilint compares addresses as exact strings; smimelint ignores case in the domain (RFC 5321
    /// §2.4).
    E_SMIME_SUBJECT_MAILBOX_NOT_IN_SAN {
        name: "e_smime_subject_mailbox_not_in_san",
        description: "A Mailbox Address in the subject is not repeated in the subjectAltName",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "pkix.subject_email_address_not_in_san",
            "cabf.smime.email_address_in_attribute_not_in_san",
        ],
        zlint: ["e_mailbox_address_shall_contain_an_rfc822_name"],
        catalog: ["e_smime_subject_mailbox_not_in_san"],
        applies: Applies::SUBSCRIBER,
        check: check_subject_mailbox_not_in_san,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{name, CertBuilder};

    #[test]
    fn subject_mailbox_not_in_san() {
        let subject =
            |email: &'static str| name(&[("CN", "alice@example.com"), ("emailAddress", email)]);
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject_raw(subject("bob@example.com"))
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .subject_raw(subject("alice@Example.Com"))
            .build();
        assert_lint("e_smime_subject_mailbox_not_in_san", &bad, &good, &[]);
        // Any attribute holding a mailbox counts; the local part is case-sensitive.
        let iv = |sn: &'static str| {
            CertBuilder::subscriber("individual-strict")
                .subject(&[("C", "GB"), ("GN", "Alice"), ("SN", sn)])
                .build()
        };
        assert_lint(
            "e_smime_subject_mailbox_not_in_san",
            &iv("Alice@example.com"),
            &iv("alice@example.com"),
            &[],
        );
    }
}
