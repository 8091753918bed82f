//! The CA's own certificate profile, from the `[profile]` table of smimelint.toml.
//!
//! These lints are not SBR rules: they check what a CA promised itself (its CP/CPS, its
//! customer's domains). They are NA unless the setting they read is configured, so a run
//! without a configuration file never reports them.

use super::mailbox::san_mailboxes;
use super::prelude::*;
use const_oid::ObjectIdentifier;
use smimelint_engine::config::ProfileConstraints;

fn contains(list: &[ObjectIdentifier], oid: &[u8]) -> bool {
    list.iter().any(|o| o.as_bytes() == oid)
}

/// An OID under the SBR's reserved arc 2.23.140.1.5.
fn is_sbr_reserved(oid: &[u8]) -> bool {
    let arc = oid::SMIME_POLICY_ARC.as_bytes();
    oid.len() > arc.len() && oid.starts_with(arc)
}

fn constraints<'c>(ctx: &LintContext<'c>) -> Option<&'c ProfileConstraints> {
    ctx.constraints
}

fn check_required_policy_missing(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = constraints(ctx).filter(|c| !c.required_policies.is_empty()) else {
        return Outcome::NotApplicable;
    };
    let present: &[_] = ctx.cert.policies().value().map_or(&[], |p| p.as_slice());
    let missing: Vec<String> = c
        .required_policies
        .iter()
        .filter(|r| !present.iter().any(|p| p.oid == r.as_bytes()))
        .map(|r| r.to_string())
        .collect();
    if missing.is_empty() {
        Outcome::Pass
    } else {
        fail!("required policy OID(s) absent: {}", missing.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// certificatePolicies holds every OID listed in `profile.required_policies` of
    /// smimelint.toml (for example the OID of the CA's CP/CPS, which SBR 7.1.2.3(a) allows
    /// beside the reserved one).
    ///
    /// ## Why
    /// A CA that asserts its own policy OID in every certificate wants to know before signing
    /// when a profile or template dropped it. NA without the setting.
    ///
    /// ## Example
    /// `required_policies = ["1.3.6.1.4.1.99999.1"]` and a certificate carrying only
    /// 2.23.140.1.5.1.2.
    E_PROFILE_REQUIRED_POLICY_MISSING {
        name: "e_profile_required_policy_missing",
        description: "A policy OID that the CA's profile requires is absent",
        citation: "smimelint.toml profile.required_policies",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_required_policy_missing,
    }
}

fn check_policy_not_allowed(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = constraints(ctx) else {
        return Outcome::NotApplicable;
    };
    let (Some(allowed), Some(policies)) = (&c.allowed_policies, ctx.cert.policies().value()) else {
        return Outcome::NotApplicable;
    };
    let extra: Vec<String> = policies
        .iter()
        .map(|p| p.oid)
        .filter(|o| !is_sbr_reserved(o) && !contains(allowed, o))
        .filter(|o| !contains(&c.required_policies, o))
        .map(oid::dotted)
        .collect();
    if extra.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "policy OID(s) outside the CA's profile: {}",
            extra.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// Every policy OID in certificatePolicies is SBR-reserved (2.23.140.1.5.*), listed in
    /// `profile.required_policies` or listed in `profile.allowed_policies`.
    ///
    /// ## Why
    /// The SBR lets a CA add its own policy OIDs (7.1.2.3(a)), so the SBR lints cannot tell a
    /// stray OID from an intended one. The CA can: listing its OIDs turns a template mistake
    /// into a finding. NA unless `allowed_policies` is set.
    ///
    /// ## Example
    /// `allowed_policies = []` and a certificate carrying 1.2.3.4 beside 2.23.140.1.5.1.2.
    E_PROFILE_POLICY_NOT_ALLOWED {
        name: "e_profile_policy_not_allowed",
        description: "A policy OID is neither SBR-reserved nor allowed by the CA's profile",
        citation: "smimelint.toml profile.allowed_policies",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_policy_not_allowed,
    }
}

fn check_eku_not_allowed(ctx: &LintContext<'_>) -> Outcome {
    let Some(allowed) = constraints(ctx).and_then(|c| c.allowed_multipurpose_ekus.as_deref())
    else {
        return Outcome::NotApplicable;
    };
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    let extra: Vec<String> = purposes
        .iter()
        .filter(|kp| **kp != oid::KP_EMAIL_PROTECTION.as_bytes() && !contains(allowed, kp))
        .map(|kp| oid::dotted(kp))
        .collect();
    if extra.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "extKeyUsage purpose(s) outside the CA's profile: {}",
            extra.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// In a Multipurpose certificate, every extKeyUsage purpose other than
    /// id-kp-emailProtection is listed in `profile.allowed_multipurpose_ekus`.
    ///
    /// ## Why
    /// SBR 7.1.2.3(f) lets Multipurpose certificates carry other purposes (except the four it
    /// forbids, reported by `e_smime_eku_prohibited_purpose`); which ones is the CA's choice.
    /// NA unless the setting is configured.
    ///
    /// ## Example
    /// `allowed_multipurpose_ekus = ["1.3.6.1.5.5.7.3.2"]` and a certificate that also holds
    /// id-kp-documentSigning.
    E_PROFILE_EKU_NOT_ALLOWED {
        name: "e_profile_eku_not_allowed",
        description: "A Multipurpose certificate holds an extKeyUsage purpose the CA's profile does not allow",
        citation: "smimelint.toml profile.allowed_multipurpose_ekus",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose]),
        check: check_eku_not_allowed,
    }
}

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
    use const_oid::ObjectIdentifier;
    use smimelint_engine::config::ProfileConstraints;
    use smimelint_engine::linter::{Linter, Options};
    use smimelint_engine::registry::Status;
    use smimelint_factory::{gn, CertBuilder};
    use std::sync::Arc;

    fn status(c: &ProfileConstraints, der: &[u8], lint: &str) -> Status {
        let linter = Linter::new(Options {
            constraints: Some(Arc::new(c.clone())),
            include_passes: true,
            ..Options::default()
        });
        let r = linter.lint_der("t".into(), der);
        r.findings
            .iter()
            .find(|f| f.lint == lint)
            .map(|f| f.status)
            .unwrap_or_else(|| panic!("{lint} not run: {:?}", r.findings))
    }

    fn oid(s: &str) -> ObjectIdentifier {
        ObjectIdentifier::new_unwrap(s)
    }

    #[test]
    fn required_policy() {
        let c = ProfileConstraints {
            required_policies: vec![oid("1.3.6.1.4.1.99999.1")],
            ..Default::default()
        };
        let bad = CertBuilder::subscriber("mailbox-strict").build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .policies(&["2.23.140.1.5.1.3", "1.3.6.1.4.1.99999.1"])
            .build();
        let lint = "e_profile_required_policy_missing";
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
        // Without configuration the lint does not apply.
        assert_eq!(
            smimelint_engine::testing::status_of(&bad, lint),
            Status::NotApplicable
        );
    }

    #[test]
    fn policy_not_allowed() {
        let c = ProfileConstraints {
            allowed_policies: Some(vec![oid("1.3.6.1.4.1.99999.2")]),
            ..Default::default()
        };
        let lint = "e_profile_policy_not_allowed";
        let bad = CertBuilder::subscriber("mailbox-strict")
            .policies(&["2.23.140.1.5.1.3", "1.2.3.4"])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .policies(&["2.23.140.1.5.1.3", "1.3.6.1.4.1.99999.2"])
            .build();
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
    }

    #[test]
    fn multipurpose_eku() {
        let c = ProfileConstraints {
            allowed_multipurpose_ekus: Some(vec![oid("1.3.6.1.5.5.7.3.2")]),
            ..Default::default()
        };
        let lint = "e_profile_eku_not_allowed";
        let doc_signing = oid("1.3.6.1.5.5.7.3.36");
        let client_auth = oid("1.3.6.1.5.5.7.3.2");
        let email = oid("1.3.6.1.5.5.7.3.4");
        let bad = CertBuilder::subscriber("mailbox-multipurpose")
            .eku(&[&email, &doc_signing])
            .build();
        let good = CertBuilder::subscriber("mailbox-multipurpose")
            .eku(&[&email, &client_auth])
            .build();
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
    }

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
