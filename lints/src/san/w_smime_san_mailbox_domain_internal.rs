use super::*;
use crate::support::mailbox;
use crate::support::mailbox::{Charset, SanMailbox};

/// Top-level domains and suffixes that are reserved for special use or were never delegated:
/// RFC 2606/6761 (test, example, invalid, localhost), RFC 6762 (local), RFC 7686 (onion),
/// RFC 8375 (home.arpa), RFC 9476 (alt), ICANN's 2024 reservation of internal, and the
/// name-collision strings ICANN deferred indefinitely (corp, home, mail).
const INTERNAL_SUFFIXES: [&str; 12] = [
    "test",
    "example",
    "invalid",
    "localhost",
    "local",
    "onion",
    "home.arpa",
    "alt",
    "internal",
    "corp",
    "home",
    "mail",
];

/// Why a Mailbox Field's domain cannot be a publicly resolvable mail domain, or None.
fn internal_domain_problem(domain: &str) -> Option<String> {
    if domain.starts_with('[') {
        return Some(format!("{domain} is an address literal, not a domain name"));
    }
    if !domain.contains('.') {
        return Some(format!(
            "{domain:?} is a single label, not a fully qualified domain name"
        ));
    }
    let d = domain.as_bytes();
    INTERNAL_SUFFIXES
        .iter()
        .find(|s| {
            let s = s.as_bytes();
            d.len() > s.len()
                && d[d.len() - s.len() - 1] == b'.'
                && d[d.len() - s.len()..].eq_ignore_ascii_case(s)
        })
        .map(|s| format!("{domain:?} is under the reserved or undelegated name .{s}"))
}

fn check_san_mailbox_domain_internal(ctx: &LintContext<'_>) -> Outcome {
    if san(ctx).is_err() {
        return Outcome::NotApplicable;
    }
    let mut bad = Vec::new();
    for m in mailbox::san_mailboxes(ctx.cert) {
        let Some(text) = m.text() else { continue };
        let cs = match m {
            SanMailbox::Rfc822(_) => Charset::Ascii,
            SanMailbox::SmtpUtf8(_) => Charset::Utf8,
        };
        if let Ok(mb) = mailbox::parse(text, cs) {
            if let Some(p) = internal_domain_problem(mb.domain) {
                bad.push(format!("{text:?}: {p}"));
            }
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
    /// The domain of each rfc822Name and SmtpUTF8Mailbox is a fully qualified domain name that
    /// can exist in the public DNS: not a single label, not an address literal, and not under a
    /// special-use or undelegated name (`.test`, `.example`, `.invalid`, `.localhost`, `.local`,
    /// `.onion`, `.home.arpa`, `.alt`, `.internal`, `.corp`, `.home`, `.mail`). Letter case does
    /// not matter.
    ///
    /// ## Why
    /// SBR 7.1.4.2: a Mailbox Field may hold only an address verified under 3.2.2, whose methods
    /// resolve the domain in the public DNS (3.2.2.1, 3.2.2.3) or deliver mail to it (3.2.2.2). Such names cannot be validated that way. RFC 5321 does
    /// allow them syntactically, so this is a warning.
    ///
    /// ## Example
    /// `alice@mailserver`; `alice@corp.internal`; `alice@[192.0.2.1]`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.internal_domain_name` for every domain whose suffix the Public Suffix
    /// List does not know; smimelint carries no copy of that list and reports only the names
    /// above. Letter case never makes a domain internal: domain names are case-insensitive
    /// (RFC 4343, RFC 5321 §2.4), so `alice@EXAMPLE.COM` is not reported (pkilint 0.13.3, as
    /// measured, does not report it either).
    W_SMIME_SAN_MAILBOX_DOMAIN_INTERNAL {
        name: "w_smime_san_mailbox_domain_internal",
        description: "A Mailbox Field's domain is not a publicly resolvable domain name",
        citation: "SBR 7.1.4.2, 3.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.internal_domain_name"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_san_mailbox_domain_internal,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::{assert_lint, findings};
    use smimelint_factory::{gn, CertBuilder};

    #[test]
    fn mailbox_domain_internal() {
        let with = |m: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", m)])
                .san(&[gn::rfc822(m)])
                .build()
        };
        for bad in [
            "alice@mailserver",
            "alice@corp.internal",
            "alice@host.local",
            "alice@[192.0.2.1]",
        ] {
            assert_lint(
                "w_smime_san_mailbox_domain_internal",
                &with(bad),
                &with("alice@example.com"),
                &[],
            );
        }
        // Upper case is not an internal name (pkilint reports it).
        assert_eq!(findings(&with("alice@EXAMPLE.COM")), Vec::<&str>::new());
    }
}
