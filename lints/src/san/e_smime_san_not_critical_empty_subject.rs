use super::*;

fn check_san_not_critical_empty_subject(ctx: &LintContext<'_>) -> Outcome {
    let Some(san) = ctx.cert.extension(&oid::SUBJECT_ALT_NAME) else {
        return Outcome::NotApplicable;
    };
    match subject_is_empty(ctx.cert) {
        Some(true) if !san.critical => {
            fail!("the subject is an empty sequence but subjectAltName is not critical")
        }
        Some(true) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// When the subject is an empty sequence, subjectAltName is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.6: "If the subject field contains an empty sequence, then the issuing CA
    /// MUST include a subjectAltName extension that is marked as critical." SBR 7.1.2.4 makes
    /// RFC 5280 binding; a Mailbox-validated certificate may have an empty subject.
    ///
    /// ## Example
    /// Subject `30 00` with a non-critical subjectAltName holding only the rfc822Name.
    E_SMIME_SAN_NOT_CRITICAL_EMPTY_SUBJECT {
        name: "e_smime_san_not_critical_empty_subject",
        description: "subjectAltName is not critical although the subject is empty",
        citation: "RFC 5280 4.2.1.6; SBR 7.1.2.3(h), 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.san_extension_not_critical_empty_subject"],
        zlint: [],
        catalog: ["e_smime_san_not_critical_empty_subject"],
        applies: Applies::SUBSCRIBER,
        check: check_san_not_critical_empty_subject,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn san_not_critical_empty_subject() {
        let empty = || base().subject_raw(der::seq(&[]));
        assert_lint(
            "e_smime_san_not_critical_empty_subject",
            &empty().build(),
            &empty().critical(&oid::SUBJECT_ALT_NAME, true).build(),
            &[],
        );
    }
}
