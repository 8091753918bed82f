use super::*;
use crate::support::mailbox::san_mailboxes;

/// The domain part of a mailbox address (after the last `@`).
fn domain_of(address: &str) -> Option<&str> {
    address.rsplit_once('@').map(|(_, d)| d)
}

fn check_mailbox_domain_not_allowed(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = constraints(ctx).filter(|c| c.allowed_mailbox_domains.is_some()) else {
        return Outcome::NotApplicable;
    };
    let mut outside: Vec<String> = san_mailboxes(ctx.cert)
        .filter_map(|m| m.text())
        .filter(|a| domain_of(a).is_some_and(|d| !c.mailbox_domain_allowed(d)))
        .map(str::to_string)
        .collect();
    if let Some(Ok(subject)) = ctx.cert.subject_name() {
        for a in subject.all(&oid::AT_EMAIL_ADDRESS) {
            if let Some(text) = a.text() {
                if domain_of(&text).is_some_and(|d| !c.mailbox_domain_allowed(d))
                    && !outside.iter().any(|o| *o == *text)
                {
                    outside.push(text.into_owned());
                }
            }
        }
    }
    if outside.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "mailbox address(es) outside the CA's allowed domains: {}",
            outside.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// Every mailbox address in the subjectAltName (rfc822Name, SmtpUTF8Mailbox) and in
    /// subject emailAddress attributes has a domain listed in
    /// `profile.allowed_mailbox_domains` (`example.com`, or `.example.com` for its subdomains).
    ///
    /// ## Why
    /// A CA issuing for an enterprise customer (SBR 3.2.2.1, 3.2.2.2 domain control) should
    /// never certify a mailbox outside the customer's validated domains. NA unless configured.
    ///
    /// ## Example
    /// `allowed_mailbox_domains = ["example.com"]` and a SAN rfc822Name `alice@example.org`.
    E_PROFILE_MAILBOX_DOMAIN_NOT_ALLOWED {
        name: "e_profile_mailbox_domain_not_allowed",
        description: "A mailbox address lies outside the domains the CA's profile allows",
        citation: "smimelint.toml profile.allowed_mailbox_domains",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_mailbox_domain_not_allowed,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::profile::status;
    use smimelint_engine::config::ProfileConstraints;

    use smimelint_engine::registry::Status;
    use smimelint_factory::{gn, CertBuilder};

    #[test]
    fn mailbox_domains() {
        let c = ProfileConstraints {
            allowed_mailbox_domains: Some(vec![".example.com".into()]),
            ..Default::default()
        };
        let lint = "e_profile_mailbox_domain_not_allowed";
        let bad = CertBuilder::subscriber("mailbox-strict")
            .san(&[gn::rfc822("alice@example.org")])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .san(&[gn::rfc822("alice@mail.example.com")])
            .build();
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
    }
}
