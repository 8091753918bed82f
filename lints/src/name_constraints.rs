//! nameConstraints: only in CA certificates (RFC 5280 §4.2.1.10, made binding by SBR 7.1.2.4),
//! and the conditions for a technically constrained S/MIME subordinate CA (SBR 7.1.5).

use super::prelude::*;
use smimelint_cert::ext::NameConstraints;
use smimelint_cert::GeneralName;

/// The `base` names of `permittedSubtrees [0]`, or why the value cannot be read.
fn permitted_bases<'c>(nc: &NameConstraints<'c>) -> Vec<GeneralName<'c>> {
    nc.permitted
        .iter()
        .flatten()
        .map(|s| s.base.clone())
        .collect()
}

/// The decoded nameConstraints of the certificate, when present and readable.
fn name_constraints<'c>(ctx: &LintContext<'c>) -> Option<&'c NameConstraints<'c>> {
    ctx.cert.name_constraints().value()
}

fn check_no_subtrees(ctx: &LintContext<'_>) -> Outcome {
    match name_constraints(ctx) {
        None => Outcome::NotApplicable,
        Some(nc) if nc.permitted.is_none() && nc.excluded.is_none() => {
            fail!("nameConstraints has neither permittedSubtrees nor excludedSubtrees")
        }
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// A CA certificate's nameConstraints has permittedSubtrees or excludedSubtrees.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10 (binding through SBR 7.1.2.4): "Conforming CAs MUST NOT issue
    /// certificates where name constraints is an empty sequence." An empty value constrains
    /// nothing while claiming to.
    ///
    /// ## Example
    /// `nameConstraints: SEQUENCE {}`.
    E_SMIME_RFC5280_NAME_CONSTRAINTS_NO_SUBTREES {
        name: "e_smime_rfc5280_name_constraints_no_subtrees",
        description: "nameConstraints has neither permittedSubtrees nor excludedSubtrees",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.name_constraints_no_subtrees"],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_no_subtrees,
    }
}

fn check_subtree_distance(ctx: &LintContext<'_>) -> Outcome {
    let Some(nc) = name_constraints(ctx) else {
        return Outcome::NotApplicable;
    };
    let mut problems = Vec::new();
    for s in nc.subtrees() {
        if s.minimum
            .is_some_and(|m| smimelint_cert::int_value(m) != Some(0))
        {
            problems.push(format!(
                "a {} subtree has a minimum other than 0",
                s.base.kind()
            ));
        }
        if s.maximum.is_some() {
            problems.push(format!("a {} subtree has a maximum", s.base.kind()));
        }
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Every GeneralSubtree of a CA certificate's nameConstraints has minimum 0 (the default)
    /// and no maximum.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10 (binding through SBR 7.1.2.4): "the minimum MUST be zero, and maximum
    /// MUST be absent"; the profile uses neither with any name form, and software ignores or
    /// rejects them.
    ///
    /// ## Example
    /// `GeneralSubtree { base rfc822Name "example.com", maximum 2 }`.
    E_SMIME_RFC5280_NAME_CONSTRAINTS_SUBTREE_DISTANCE {
        name: "e_smime_rfc5280_name_constraints_subtree_distance",
        description: "nameConstraints subtree with a minimum other than 0 or with a maximum",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.name_constraints_non_default_minimum", "pkix.name_constraints_maximum_specified"],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_subtree_distance,
    }
}

/// Why an iPAddress constraint is not an address and a CIDR mask (RFC 5280 §4.2.1.10: 8 octets
/// for IPv4, 32 for IPv6), if it is not.
fn ip_constraint_problem(octets: &[u8]) -> Option<String> {
    if octets.len() != 8 && octets.len() != 32 {
        return Some(format!(
            "has {} octets (8 for IPv4, 32 for IPv6)",
            octets.len()
        ));
    }
    let mask = &octets[octets.len() / 2..];
    // A CIDR mask is ones followed by zeros: once a bit is 0, every later bit is 0.
    let bits = mask
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| b >> i & 1));
    let contiguous = bits.skip_while(|&b| b == 1).all(|b| b == 0);
    (!contiguous).then(|| "has a mask that is not a CIDR prefix".to_string())
}

fn check_ip_address_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(nc) = name_constraints(ctx) else {
        return Outcome::NotApplicable;
    };
    let problems: Vec<String> = nc
        .subtrees()
        .filter_map(|s| match s.base {
            GeneralName::IpAddress(o) => ip_constraint_problem(o),
            _ => None,
        })
        .map(|p| format!("iPAddress constraint {p}"))
        .collect();
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Each iPAddress in a CA certificate's nameConstraints is an address followed by a CIDR
    /// mask: 8 octets for IPv4, 32 for IPv6, the mask a run of ones followed by zeros.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10 (binding through SBR 7.1.2.4) defines the iPAddress constraint as the
    /// address and mask "in CIDR notation"; any other length or mask cannot be matched the way
    /// the CA intended.
    ///
    /// ## Example
    /// An iPAddress constraint of 4 octets (`192.0.2.0` without a mask).
    E_SMIME_RFC5280_NAME_CONSTRAINTS_IP_ADDRESS_INVALID {
        name: "e_smime_rfc5280_name_constraints_ip_address_invalid",
        description: "nameConstraints iPAddress is not an address with a CIDR mask",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.ip_address_name_constraint_wrong_length", "pkix.ip_address_name_constraint_invalid_cidr"],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_ip_address_invalid,
    }
}

/// Permitted bases of a sub-CA whose extKeyUsage includes emailProtection; None when the
/// 7.1.5 conditions do not apply or the extension cannot be read.
fn email_ca_permitted<'c>(ctx: &LintContext<'c>) -> Option<Vec<GeneralName<'c>>> {
    let emails = matches!(ctx.cert.eku(), Ext::Present(_, p)
        if p.contains(&oid::KP_EMAIL_PROTECTION.as_bytes()));
    if !emails {
        return None;
    }
    name_constraints(ctx).map(permitted_bases)
}

/// An FQDN: dot-separated LDH labels of 1–63 characters, not starting or ending with a hyphen.
fn is_fqdn(s: &[u8]) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split(|&b| b == b'.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                && label.first() != Some(&b'-')
                && label.last() != Some(&b'-')
        })
}

/// Why an rfc822Name constraint is not "a FQDN or `.` followed by a FQDN", if it is not.
fn rfc822_constraint_problem(value: &[u8]) -> Option<&'static str> {
    if value.contains(&b'@') {
        return Some("is an email address");
    }
    let domain = value.strip_prefix(b".").unwrap_or(value);
    (!is_fqdn(domain)).then_some("is not a domain name")
}

fn check_rfc822_not_domain(ctx: &LintContext<'_>) -> Outcome {
    let Some(bases) = email_ca_permitted(ctx) else {
        return Outcome::NotApplicable;
    };
    let mut any = false;
    let mut bad = Vec::new();
    for base in &bases {
        if let GeneralName::Rfc822Name(v) = base {
            any = true;
            if let Some(why) = rfc822_constraint_problem(v) {
                bad.push(format!("\"{}\" {why}", String::from_utf8_lossy(v)));
            }
        }
    }
    match (any, bad.is_empty()) {
        (false, _) => Outcome::NotApplicable,
        (true, true) => Outcome::Pass,
        (true, false) => fail!("permitted rfc822Name {}", bad.join("; ")),
    }
}

lint! {
    /// ## What it checks
    /// In a subordinate CA certificate with id-kp-emailProtection, every rfc822Name in
    /// nameConstraints permittedSubtrees is a domain name (`example.com`) or a dot followed by
    /// one (`.example.com`), never a mailbox (`alice@example.com`).
    ///
    /// ## Why
    /// SBR 7.1.5(1): for the sub-CA to count as Technically Constrained, each permitted rfc822Name
    /// SHALL contain a FQDN or "." + FQDN and SHALL NOT contain an email address. A CA that does
    /// not meet this is not technically constrained and needs a full audit; the certificate
    /// itself is not forbidden, hence a warning.
    ///
    /// ## Example
    /// `permittedSubtrees: rfc822Name "alice@example.com"`.
    W_SMIME_SUBCA_NAME_CONSTRAINTS_RFC822_NOT_DOMAIN {
        name: "w_smime_subca_name_constraints_rfc822_not_domain",
        description: "Permitted rfc822Name constraint of an S/MIME sub-CA is not a domain or .domain",
        citation: "SBR 7.1.5(1)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_name_constraints_rfc822_not_domain"],
        applies: Applies::SUBORDINATE_CA,
        check: check_rfc822_not_domain,
    }
}

fn check_directory_name_review(ctx: &LintContext<'_>) -> Outcome {
    let Some(bases) = email_ca_permitted(ctx) else {
        return Outcome::NotApplicable;
    };
    let count = bases
        .iter()
        .filter(|b| matches!(b, GeneralName::DirectoryName(_)))
        .count();
    if count == 0 {
        Outcome::Pass
    } else {
        fail!(
            "{count} permitted directoryName constraint(s): the CA must have confirmed the \
             Applicant's organisation name and location"
        )
    }
}

lint! {
    /// ## What it checks
    /// Reports directoryName entries in the nameConstraints permittedSubtrees of a subordinate
    /// CA certificate with id-kp-emailProtection.
    ///
    /// ## Why
    /// SBR 7.1.5(2): for each permitted directoryName the CA SHALL confirm the Applicant's
    /// organisation name and location, so that every certificate issued under the constraint
    /// complies with 7.1.2.4. That verification is not visible in the certificate: the notice
    /// asks for a review.
    ///
    /// ## Example
    /// `permittedSubtrees: directoryName "C=GB, O=Example Ltd"`.
    N_SMIME_SUBCA_NAME_CONSTRAINTS_DIRECTORY_NAME {
        name: "n_smime_subca_name_constraints_directory_name",
        description: "S/MIME sub-CA has directoryName constraints to review",
        citation: "SBR 7.1.5(2)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBORDINATE_CA,
        check: check_directory_name_review,
    }
}

fn check_name_constraints_in_end_entity(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.extension(&oid::NAME_CONSTRAINTS) {
        None => Outcome::Pass,
        Some(e) => fail!(
            "nameConstraints (extension {}) is present in a certificate that is not a CA certificate",
            e.index
        ),
    }
}

lint! {
    /// ## What it checks
    /// A subscriber (end-entity) certificate does not contain the nameConstraints extension
    /// (2.5.29.30).
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10: "The name constraints extension, which MUST be used only in a CA
    /// certificate, indicates a name space within which all subject names in subsequent
    /// certificates in a certification path MUST be located." SBR 7.1.2.4 requires every field
    /// and extension to follow RFC 5280, and nameConstraints is not among the subscriber
    /// extensions SBR 7.1.2.3 lists (`n_smime_unlisted_extension` reports that too).
    ///
    /// ## Example
    /// A Mailbox-validated certificate with a nameConstraints permitting `example.com`.
    E_SMIME_RFC5280_NAME_CONSTRAINTS_IN_END_ENTITY {
        name: "e_smime_rfc5280_name_constraints_in_end_entity",
        description: "nameConstraints in a certificate that is not a CA certificate",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.name_constraints_in_ee_certificate"],
        zlint: [],
        catalog: ["e_smime_rfc5280_name_constraints_in_end_entity"],
        applies: Applies::SUBSCRIBER,
        check: check_name_constraints_in_end_entity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn, name, CertBuilder, KeyAlg};

    fn constrained(bases: &[Vec<u8>]) -> Vec<u8> {
        let subtrees: Vec<Vec<u8>> = bases
            .iter()
            .map(|b| der::seq(std::slice::from_ref(b)))
            .collect();
        CertBuilder::sub_ca(KeyAlg::Rsa2048)
            .ext(
                &oid::NAME_CONSTRAINTS,
                true,
                // permittedSubtrees [0] IMPLICIT GeneralSubtrees.
                der::seq(&[der::tlv(0xa0, &subtrees.concat())]),
            )
            .build()
    }

    #[test]
    fn rfc822_constraint_forms() {
        assert_eq!(rfc822_constraint_problem(b"example.com"), None);
        assert_eq!(rfc822_constraint_problem(b".example.com"), None);
        assert!(rfc822_constraint_problem(b"alice@example.com").is_some());
        assert!(rfc822_constraint_problem(b"@example.com").is_some());
        assert!(rfc822_constraint_problem(b"..example.com").is_some());
        assert!(rfc822_constraint_problem(b"-x.example.com").is_some());
        assert!(rfc822_constraint_problem(b"").is_some());
    }

    #[test]
    fn rfc822_not_domain() {
        assert_lint(
            "w_smime_subca_name_constraints_rfc822_not_domain",
            &constrained(&[gn::rfc822(".example.com"), gn::rfc822("alice@example.com")]),
            &constrained(&[gn::rfc822(".example.com"), gn::rfc822("example.com")]),
            &[],
        );
    }

    #[test]
    fn directory_name_review() {
        let dn = gn::directory_name(&name(&[("C", "GB"), ("O", "Example Ltd")]));
        assert_lint(
            "n_smime_subca_name_constraints_directory_name",
            &constrained(&[gn::rfc822("example.com"), dn]),
            &constrained(&[gn::rfc822("example.com")]),
            &[],
        );
    }

    #[test]
    fn name_constraints_in_end_entity() {
        // permittedSubtrees [0] holding one GeneralSubtree { base rfc822Name "example.com" }.
        let permitted = der::seq(&[der::explicit(0, &der::seq(&[gn::rfc822("example.com")]))]);
        let bad = CertBuilder::subscriber("mailbox-strict")
            .ext(&oid::NAME_CONSTRAINTS, true, permitted)
            .build();
        assert_lint(
            "e_smime_rfc5280_name_constraints_in_end_entity",
            &bad,
            &CertBuilder::subscriber("mailbox-strict").build(),
            &["n_smime_unlisted_extension"],
        );
    }

    fn nc_value(permitted: Option<Vec<Vec<u8>>>, excluded: Option<Vec<Vec<u8>>>) -> Vec<u8> {
        let mut items = Vec::new();
        if let Some(p) = permitted {
            items.push(der::tlv(0xa0, &p.concat()));
        }
        if let Some(e) = excluded {
            items.push(der::tlv(0xa1, &e.concat()));
        }
        der::seq(&items)
    }

    fn with_nc(value: Vec<u8>) -> Vec<u8> {
        CertBuilder::sub_ca(KeyAlg::Rsa2048)
            .ext(&oid::NAME_CONSTRAINTS, true, value)
            .build()
    }

    fn subtree(base: Vec<u8>) -> Vec<u8> {
        der::seq(&[base])
    }

    #[test]
    fn no_subtrees() {
        assert_lint(
            "e_smime_rfc5280_name_constraints_no_subtrees",
            &with_nc(nc_value(None, None)),
            &with_nc(nc_value(None, Some(vec![subtree(gn::dns("example.org"))]))),
            &[],
        );
    }

    #[test]
    fn subtree_distance() {
        let max = der::seq(&[gn::rfc822("example.com"), der::implicit(1, &[2])]);
        let min = der::seq(&[gn::rfc822("example.com"), der::implicit(0, &[1])]);
        let good = with_nc(nc_value(
            Some(vec![subtree(gn::rfc822("example.com"))]),
            None,
        ));
        for bad in [max, min] {
            assert_lint(
                "e_smime_rfc5280_name_constraints_subtree_distance",
                &with_nc(nc_value(Some(vec![bad]), None)),
                &good,
                &[],
            );
        }
    }

    #[test]
    fn ip_address_invalid() {
        let ip = |octets: &[u8]| subtree(der::implicit(7, octets));
        let good = with_nc(nc_value(
            None,
            Some(vec![ip(&[192, 0, 2, 0, 255, 255, 255, 0])]),
        ));
        for bad in [&[192, 0, 2, 0][..], &[192, 0, 2, 0, 255, 0, 255, 0]] {
            assert_lint(
                "e_smime_rfc5280_name_constraints_ip_address_invalid",
                &with_nc(nc_value(None, Some(vec![ip(bad)]))),
                &good,
                &[],
            );
        }
        assert_eq!(ip_constraint_problem(&[0; 32]), None);
        let mut v6 = [0u8; 32];
        v6[16..20].copy_from_slice(&[0xff, 0xff, 0xff, 0xfe]);
        assert_eq!(ip_constraint_problem(&v6), None);
        v6[25] = 1;
        assert!(ip_constraint_problem(&v6).is_some());
    }
}
