use super::*;
use smimelint_cert::PolicyInfo;

fn check_policy_qualifier_present(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let has_qualifiers = |p: &PolicyInfo<'_>| p.qualifiers.as_ref().is_some_and(|q| !q.is_empty());
    if !list.iter().any(has_qualifiers) {
        return Outcome::Pass;
    }
    fail!(
        "policies with qualifiers: {}",
        dotted_list(list.iter().filter(|p| has_qualifiers(p)).map(|p| p.oid))
    )
}

lint! {
    /// ## What it checks
    /// Reports each policy that carries policy qualifiers (CPS pointers, user notices or
    /// others) rather than a bare OID. Checked in every certificate. This is a notice: the SBR
    /// allows both qualifiers it names.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: to promote interoperability, the profile RECOMMENDS that policy
    /// information terms consist of only an OID. Qualifiers make certificates larger and are
    /// ignored by most S/MIME clients.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.3` with a CPS qualifier `https://example.com/cps`.
    N_SMIME_POLICY_QUALIFIER_PRESENT {
        name: "n_smime_policy_qualifier_present",
        description: "A certificate policy carries policy qualifiers",
        citation: "RFC 5280 4.2.1.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_policies_policy_has_qualifier"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_policy_qualifier_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{
        base, details, notice, qualifier, with_qualifiers, MAILBOX_STRICT, QUALIFIERS,
    };

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, ext};

    #[test]
    fn policy_qualifier_present() {
        let bad = with_qualifiers(&[ext::cps_qualifier("https://www.example.com/cps")]);
        assert_lint(QUALIFIERS, &bad, &base().build(), &[]);
        assert!(details(&bad, QUALIFIERS).contains(MAILBOX_STRICT));
    }

    #[test]
    fn policy_qualifier_unrecognized() {
        let lint = "w_smime_policy_qualifier_unrecognized";
        let bad = with_qualifiers(&[qualifier("1.3.6.1.4.1.99999.7", der::utf8("x"))]);
        let good = with_qualifiers(&[
            ext::cps_qualifier("https://www.example.com/cps"),
            notice(der::utf8("Terms")),
        ]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        assert!(details(&bad, lint).contains("1.3.6.1.4.1.99999.7"));
    }
}
