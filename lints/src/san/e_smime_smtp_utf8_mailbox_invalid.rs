use super::*;
use crate::support::mailbox;
use crate::support::mailbox::Charset;

fn check_smtp_utf8_mailbox_invalid(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let mut bad = Vec::new();
    for value in smtp_utf8_values(names) {
        let s = match value {
            Ok(s) => s,
            Err(why) => {
                bad.push(why);
                continue;
            }
        };
        let problem = if s.starts_with('\u{feff}') {
            Some("starts with a byte order mark".to_string())
        } else {
            match mailbox::parse(s, Charset::Utf8) {
                Err(why) => Some(why),
                Ok(m) => mailbox::smtp_utf8_domain_problem(m.domain),
            }
        };
        if let Some(p) = problem {
            bad.push(format!("SmtpUTF8Mailbox {s:?}: {p}"));
        }
    }
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Each SmtpUTF8Mailbox otherName is encoded as RFC 9598 §3 requires: a UTF8String without a
    /// byte order mark holding a Mailbox (RFC 5321 as extended by RFC 6531) with no display name
    /// or comments; its domain in ASCII, non-ASCII labels as A-labels (`xn--…`), every label in
    /// lower case and not a reserved `??--` label; at most 253 octets. Whether the local part
    /// needs SmtpUTF8Mailbox at all is `e_smime_smtp_utf8_mailbox_ascii_local_part`'s concern.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 admits the SmtpUTF8Mailbox otherName only in the encoding RFC 9598 defines;
    /// RFC 9598 fixes one form so that values compare octet for octet in name constraints.
    ///
    /// ## Example
    /// `山田花子` (no domain); `山田花子@bücher.example` (U-label); `山田花子@Example.com`.
    E_SMIME_SMTP_UTF8_MAILBOX_INVALID {
        name: "e_smime_smtp_utf8_mailbox_invalid",
        description: "An SmtpUTF8Mailbox is not encoded as RFC 9598 requires",
        citation: "SBR 7.1.4.2.1; RFC 9598 3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC08",
        pkilint: [
            "pkix.smtp_utf8_mailbox_invalid_syntax",
            "pkix.smtputf8mailbox_domain_part_too_long",
            "pkix.smtp_utf8_mailbox_has_bom",
            "pkix.smtp_utf8_mailbox_has_uppercase",
            "pkix.smtp_utf8_mailbox_domain_part_invalid_syntax",
        ],
        zlint: [],
        catalog: ["e_smime_smtp_utf8_mailbox_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_smtp_utf8_mailbox_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::alice;

    use smimelint_engine::testing::{assert_lint, findings};
    use smimelint_factory::{der, gn, CertBuilder};

    #[test]
    fn smtp_utf8_mailbox() {
        let cn = |cn: &'static str, san: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", cn)])
                .san(&[gn::smtp_utf8_mailbox(san)])
                .build()
        };
        let good = cn("山田@example.com", "山田@example.com");
        for (subject_cn, bad) in [
            ("山田@Example.com", "山田@Example.com"),
            ("山田@bücher.com", "山田@bücher.com"),
            ("山田@ab--cd.com", "山田@ab--cd.com"),
        ] {
            assert_lint(
                "e_smime_smtp_utf8_mailbox_invalid",
                &cn(subject_cn, bad),
                &good,
                &[],
            );
        }
        // A U-label in the subject matches its A-label form in the SAN.
        assert_eq!(
            findings(&cn("山田@Bücher.com", "山田@xn--bcher-kva.com")),
            Vec::<&str>::new()
        );
        let no_domain = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("serialNumber", "1")])
            .san(&[alice(), gn::smtp_utf8_mailbox("山田花子")])
            .build();
        assert_lint("e_smime_smtp_utf8_mailbox_invalid", &no_domain, &good, &[]);
        let not_utf8 = CertBuilder::subscriber("mailbox-strict")
            .san(&[
                alice(),
                gn::other_name("1.3.6.1.5.5.7.8.9", &der::ia5("x@example.com")),
            ])
            .build();
        assert_lint("e_smime_smtp_utf8_mailbox_invalid", &not_utf8, &good, &[]);
        assert_lint(
            "e_smime_smtp_utf8_mailbox_ascii_local_part",
            &cn("alice@example.com", "alice@example.com"),
            &good,
            &[],
        );
    }
}
