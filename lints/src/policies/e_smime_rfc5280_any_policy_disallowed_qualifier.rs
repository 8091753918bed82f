use super::*;
use smimelint_cert::{PolicyInfo, Qualifier};

fn check_any_policy_disallowed_qualifier(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let any_policy = oid::ANY_POLICY.as_bytes();
    if !list.iter().any(|p| p.oid == any_policy) {
        return Outcome::NotApplicable;
    }
    let bad =
        |(p, q): &(&PolicyInfo<'_>, &Qualifier<'_>)| p.oid == any_policy && !is_known_qualifier(q);
    if !qualifiers(list).any(|pq| bad(&pq)) {
        return Outcome::Pass;
    }
    fail!(
        "anyPolicy (2.5.29.32.0) has qualifier(s) other than id-qt-cps and id-qt-unotice: {}",
        dotted_list(qualifiers(list).filter(bad).map(|(_, q)| q.id))
    )
}

lint! {
    /// ## What it checks
    /// When the special policy anyPolicy (2.5.29.32.0) has qualifiers, they are only
    /// `id-qt-cps` and `id-qt-unotice`. Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: when qualifiers are used with anyPolicy, they MUST be limited to the
    /// qualifiers identified in that section. SBR 7.1.2.4 requires every extension to follow
    /// RFC 5280.
    ///
    /// ## Example
    /// anyPolicy with a qualifier `1.3.6.1.4.1.99999.7`.
    E_SMIME_RFC5280_ANY_POLICY_DISALLOWED_QUALIFIER {
        name: "e_smime_rfc5280_any_policy_disallowed_qualifier",
        description: "anyPolicy carries a qualifier other than id-qt-cps or id-qt-unotice",
        citation: "RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_policies_anypolicy_has_prohibited_qualifier"],
        zlint: ["e_ext_cert_policy_disallowed_any_policy_qualifier"],
        catalog: [],
        applies: Applies::ALL,
        check: check_any_policy_disallowed_qualifier,
    }
}
