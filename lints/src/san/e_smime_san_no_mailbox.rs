use super::*;
use crate::support::mailbox;
use smimelint_cert::GeneralName;

fn check_san_no_mailbox(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    if mailbox::san_mailboxes(ctx.cert).next().is_some() {
        return Outcome::Pass;
    }
    let kinds: Vec<&str> = names.iter().map(GeneralName::kind).collect();
    fail!(
        "subjectAltName has no rfc822Name or SmtpUTF8Mailbox otherName (it has: {})",
        if kinds.is_empty() {
            "nothing".into()
        } else {
            kinds.join(", ")
        }
    )
}

lint! {
    /// ## What it checks
    /// The subjectAltName contains at least one rfc822Name or otherName of type
    /// id-on-SmtpUTF8Mailbox (1.3.6.1.5.5.7.8.9).
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 requires at least one entry of one of these two types (SHALL). They are the Mailbox Fields whose control the CA validated; an S/MIME certificate
    /// without one binds its key to no mailbox. A missing extension is reported by the extension
    /// lints.
    ///
    /// ## Example
    /// A SAN holding only `directoryName` or `dNSName` entries.
    E_SMIME_SAN_NO_MAILBOX {
        name: "e_smime_san_no_mailbox",
        description: "subjectAltName has no rfc822Name and no SmtpUTF8Mailbox otherName",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.san_does_not_contain_email_address"],
        zlint: [],
        catalog: ["e_smime_san_no_mailbox"],
        applies: Applies::SUBSCRIBER,
        check: check_san_no_mailbox,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{with_san, UPN};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn, CertBuilder};

    #[test]
    fn san_no_mailbox() {
        let bad = with_san(
            "mailbox-multipurpose",
            &[gn::other_name(UPN, &der::utf8("alice@example.com"))],
        )
        .build();
        let good = CertBuilder::subscriber("mailbox-multipurpose").build();
        assert_lint(
            "e_smime_san_no_mailbox",
            &bad,
            &good,
            &[
                "e_smime_subject_cn_mailbox_not_in_san",
                "n_smime_san_other_name_unvalidated_type",
            ],
        );
    }
}
