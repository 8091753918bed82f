use super::*;
use crate::support::mailbox;
use crate::support::name_rules::{on_subject, NameCtx};

pub(crate) fn rule_cn_mailbox_not_in_san(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for cn in n.all(&oid::AT_COMMON_NAME) {
        let Some(t) = cn.text() else { continue };
        if mailbox::is_mailbox(&t) && !mailbox::in_san(n.cert, &t) {
            out.push(format!(
                "commonName {t:?} is a Mailbox Address that is not an rfc822Name or \
                 SmtpUTF8Mailbox of the subjectAltName"
            ));
        }
    }
}

fn check_cn_mailbox_not_in_san(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_mailbox_not_in_san)
}

lint! {
    /// ## What it checks
    /// A subject commonName holding a Mailbox Address equals an rfc822Name or SmtpUTF8Mailbox of
    /// the subjectAltName. Local parts compare exactly, domains without regard to case (and a
    /// U-label domain equals its A-label form).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): a Mailbox Address in commonName SHALL be taken from an rfc822Name or
    /// SmtpUTF8Mailbox of the SAN, and 7.1.4.2.1 requires every Mailbox Address of the subject
    /// to be repeated there. Only the SAN's Mailbox Fields
    /// are validated for mailbox control.
    ///
    /// ## Example
    /// `CN=hanako.yamada+alt@example.com` with SAN `rfc822Name=hanako.yamada@example.com`.
    ///
    /// ## Differences from pkilint
    /// pkilint compares the strings exactly, so `alice@Example.COM` in the commonName does not
    /// match `alice@example.com` in the SAN there. Domain names are case-insensitive (RFC 5321
    /// §2.4, which SBR 1.6.1 incorporates), so smimelint accepts it.
    E_SMIME_SUBJECT_CN_MAILBOX_NOT_IN_SAN {
        name: "e_smime_subject_cn_mailbox_not_in_san",
        description: "A commonName Mailbox Address is not repeated in the subjectAltName",
        citation: "SBR 7.1.4.2.2(a), 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.common_name_value_unknown_source",
            "cabf.smime.email_address_in_attribute_not_in_san",
        ],
        zlint: ["e_mailbox_address_shall_contain_an_rfc822_name"],
        catalog: ["e_smime_subject_cn_mailbox_not_in_san"],
        applies: Applies::SUBSCRIBER,
        check: check_cn_mailbox_not_in_san,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn cn_mailbox_not_in_san() {
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("CN", "alice+alt@example.com")])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("CN", "alice@EXAMPLE.com")])
            .build();
        assert_lint("e_smime_subject_cn_mailbox_not_in_san", &bad, &good, &[]);
    }
}
