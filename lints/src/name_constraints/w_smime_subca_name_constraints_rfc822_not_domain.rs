use super::*;
use smimelint_cert::GeneralName;

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

#[cfg(test)]
mod tests {

    use crate::test_support::name_constraints::constrained;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::gn;

    #[test]
    fn rfc822_not_domain() {
        assert_lint(
            "w_smime_subca_name_constraints_rfc822_not_domain",
            &constrained(&[gn::rfc822(".example.com"), gn::rfc822("alice@example.com")]),
            &constrained(&[gn::rfc822(".example.com"), gn::rfc822("example.com")]),
            &[],
        );
    }
}
