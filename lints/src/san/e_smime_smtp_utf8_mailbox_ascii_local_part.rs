use super::*;
use crate::support::mailbox;
use crate::support::mailbox::Charset;

fn check_smtp_utf8_mailbox_ascii_local_part(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let bad: Vec<String> = smtp_utf8_values(names)
        .filter_map(Result::ok)
        .filter(|s| mailbox::parse(s, Charset::Utf8).is_ok_and(|m| m.local_is_ascii()))
        .map(|s| format!("SmtpUTF8Mailbox {s:?} has an ASCII local part; use rfc822Name"))
        .collect();
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// An SmtpUTF8Mailbox has at least one non-ASCII character in its local part.
    ///
    /// ## Why
    /// RFC 9598 §3 (which SBR 7.1.4.2.1 incorporates): SmtpUTF8Mailbox is for addresses whose
    /// local part needs UTF-8; an address whose local part is ASCII MUST use rfc822Name instead
    /// (a non-ASCII domain is written as A-labels, which are ASCII).
    ///
    /// ## Example
    /// `SmtpUTF8Mailbox=alice@example.com`.
    E_SMIME_SMTP_UTF8_MAILBOX_ASCII_LOCAL_PART {
        name: "e_smime_smtp_utf8_mailbox_ascii_local_part",
        description: "An SmtpUTF8Mailbox has an all-ASCII local part and belongs in rfc822Name",
        citation: "SBR 7.1.4.2.1; RFC 9598 3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC08",
        pkilint: ["pkix.smtp_utf8_mailbox_is_ascii_only"],
        zlint: [],
        catalog: ["e_smime_smtp_utf8_mailbox_ascii_local_part"],
        applies: Applies::SUBSCRIBER,
        check: check_smtp_utf8_mailbox_ascii_local_part,
    }
}
