use super::*;
use crate::support::name_rules::{attr_name, on_subject, NameCtx};

pub(crate) fn rule_rdn_multi_valued(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let attrs = &n.name.attributes;
    let mut i = 0;
    while i < attrs.len() {
        let rdn = attrs[i].rdn;
        let end = attrs[i..]
            .iter()
            .position(|a| a.rdn != rdn)
            .map_or(attrs.len(), |p| i + p);
        if end - i > 1 {
            let names: Vec<String> = attrs[i..end]
                .iter()
                .map(|a| attr_name(a.oid).into_owned())
                .collect();
            out.push(format!(
                "RDN #{} holds {} attributes ({})",
                rdn + 1,
                end - i,
                names.join(" + ")
            ));
        }
        i = end;
    }
}

fn check_rdn_multi_valued(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_rdn_multi_valued)
}

lint! {
    /// ## What it checks
    /// Each RelativeDistinguishedName of the subject holds one attribute.
    ///
    /// ## Why
    /// Neither the SBR nor RFC 5280 forbids multi-valued RDNs, but they are rare, their order is
    /// set by DER sorting rather than meaning, and software often displays or compares them
    /// inconsistently. A notice, so that they are deliberate.
    ///
    /// ## Example
    /// `SET { givenName=Alice, surname=Smith }` as one RDN.
    N_SMIME_SUBJECT_RDN_MULTI_VALUED {
        name: "n_smime_subject_rdn_multi_valued",
        description: "A subject RDN holds more than one attribute",
        citation: "RFC 5280 4.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["cabf.rdn_contains_multiple_atvs"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_rdn_multi_valued,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn rdn_multi_valued() {
        let rdn = der::set(&[
            der::seq(&[der::oid_of(&oid::AT_GIVEN_NAME), der::utf8("Alice")]),
            der::seq(&[der::oid_of(&oid::AT_SURNAME), der::utf8("Smith")]),
        ]);
        let c = der::set(&[der::seq(&[
            der::oid_of(&oid::AT_COUNTRY),
            der::printable("GB"),
        ])]);
        let bad = iv("individual-strict")
            .subject_raw(der::seq(&[c, rdn]))
            .build();
        let good = iv("individual-strict").build();
        assert_lint("n_smime_subject_rdn_multi_valued", &bad, &good, &[]);
    }
}
