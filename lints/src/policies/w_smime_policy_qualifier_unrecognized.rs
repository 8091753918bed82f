use super::*;
use smimelint_cert::{PolicyInfo, Qualifier};

fn check_policy_qualifier_unrecognized(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let unknown = |(p, q): &(&PolicyInfo<'_>, &Qualifier<'_>)| {
        p.oid != oid::ANY_POLICY.as_bytes() && !is_known_qualifier(q)
    };
    if !qualifiers(list).any(|pq| unknown(&pq)) {
        return Outcome::Pass;
    }
    let found: Vec<String> = qualifiers(list)
        .filter(unknown)
        .map(|(p, q)| {
            format!(
                "policy {}: qualifier {}",
                oid::dotted(p.oid),
                oid::dotted(q.id)
            )
        })
        .collect();
    fail!(
        "policy qualifiers other than id-qt-cps and id-qt-unotice: {}",
        found.join("; ")
    )
}

lint! {
    /// ## What it checks
    /// Every policy qualifier is an `id-qt-cps` (1.3.6.1.5.5.7.2.1) or `id-qt-unotice`
    /// (1.3.6.1.5.5.7.2.2) qualifier. Qualifiers of anyPolicy are left to
    /// `e_smime_rfc5280_any_policy_disallowed_qualifier`. Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: where an OID alone is insufficient, the profile strongly recommends that
    /// qualifiers be limited to the two it defines. The SBR specifies only these two
    /// (7.1.2.2(a), 7.1.2.3(a)), and 7.1.2.4 forbids data the SBR does not specify unless the
    /// CA has a reason for it. Relying parties cannot interpret other qualifiers.
    ///
    /// ## Example
    /// A qualifier with policyQualifierId `1.3.6.1.4.1.99999.7` and a UTF8String value.
    ///
    /// ## Differences from pkilint
    /// pkilint reports such a qualifier only through its generic notice
    /// `pkix.certificate_policies_policy_has_qualifier` (see `n_smime_policy_qualifier_present`).
    W_SMIME_POLICY_QUALIFIER_UNRECOGNIZED {
        name: "w_smime_policy_qualifier_unrecognized",
        description: "A policy qualifier is neither id-qt-cps nor id-qt-unotice",
        citation: "RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_policy_qualifier_unrecognized,
    }
}
