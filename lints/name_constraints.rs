//! nameConstraints of technically constrained S/MIME subordinate CAs (SBR 7.1.5).

use super::prelude::*;
use crate::cert::general_name::decode_general_name;
use crate::cert::GeneralName;
use crate::walk::{tag, Reader};

/// The `base` names of `permittedSubtrees [0]`, or why the value cannot be read.
fn permitted_bases<'a>(value: &'a [u8]) -> Result<Vec<GeneralName<'a>>, String> {
    let seq = Reader::new(value).expect(tag::SEQUENCE, "NameConstraints")?;
    let Some(permitted) = seq.children().read_if(0xa0) else {
        return Ok(Vec::new());
    };
    permitted
        .children()
        .map(|subtree| {
            let subtree = subtree.map_err(|e| e.to_string())?;
            let base = subtree
                .children()
                .read()
                .map_err(|e| format!("GeneralSubtree.base: {e}"))?;
            Ok(decode_general_name(base))
        })
        .collect()
}

/// Permitted bases of a sub-CA whose extKeyUsage includes emailProtection; None when the
/// 7.1.5 conditions do not apply or the extension cannot be read.
fn email_ca_permitted<'c>(ctx: &LintContext<'c>) -> Option<Vec<GeneralName<'c>>> {
    let emails = matches!(ctx.cert.eku(), Ext::Present(_, p)
        if p.contains(&oid::KP_EMAIL_PROTECTION.as_bytes()));
    if !emails {
        return None;
    }
    permitted_bases(ctx.cert.extension(&oid::NAME_CONSTRAINTS)?.value).ok()
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
        applies: Applies::SUBORDINATE_CA,
        check: check_directory_name_review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factory::{assert_lint, der, gn, name, CertBuilder, KeyAlg};

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
}
