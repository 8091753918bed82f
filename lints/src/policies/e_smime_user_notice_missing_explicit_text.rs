use super::*;
use smimelint_cert::UserNotice;

fn check_user_notice_missing_explicit_text(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, q) in qualifiers(list).filter(|(_, q)| q.id == oid::QT_UNOTICE.as_bytes()) {
        seen = true;
        let problem = match q.user_notice() {
            Ok(UserNotice {
                explicit_text: Some(_),
                ..
            }) => continue,
            Ok(_) => "has no explicitText",
            Err(why) => why,
        };
        found.push(format!(
            "policy {}: id-qt-unotice qualifier {problem}",
            oid::dotted(p.oid)
        ));
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// Every `id-qt-unotice` (1.3.6.1.5.5.7.2.2) policy qualifier is a UserNotice SEQUENCE that
    /// contains `explicitText`. A qualifier value that is not a UserNotice at all (not a
    /// SEQUENCE, or with elements after explicitText) is reported here too, since it contains
    /// no readable explicitText. Checked in subscriber and CA certificates.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) and 7.1.2.2(a): a user notice qualifier SHALL contain explicitText. A
    /// notice without text (or with only a noticeRef, which the SBR forbids separately) shows
    /// the relying party nothing.
    ///
    /// ## Example
    /// A UserNotice that is an empty SEQUENCE `30 00`.
    ///
    /// ## Differences from pkilint
    /// pkilint 0.13.3 has no finding for a UserNotice without explicitText.
    E_SMIME_USER_NOTICE_MISSING_EXPLICIT_TEXT {
        name: "e_smime_user_notice_missing_explicit_text",
        description: "An id-qt-unotice policy qualifier has no explicitText",
        citation: "SBR 7.1.2.3(a), 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_user_notice_missing_explicit_text"],
        applies: Applies::ALL,
        check: check_user_notice_missing_explicit_text,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, notice, qualifier, with_qualifiers, QUALIFIERS};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, ext};

    #[test]
    fn user_notice_missing_explicit_text() {
        let lint = "e_smime_user_notice_missing_explicit_text";
        let bad = with_qualifiers(&[ext::user_notice(None, None)]);
        let good = with_qualifiers(&[notice(der::utf8("Relying party terms apply."))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        // A qualifier value that is not a UserNotice SEQUENCE has no explicitText either.
        let not_a_notice = with_qualifiers(&[qualifier("1.3.6.1.5.5.7.2.2", der::utf8("text"))]);
        assert_eq!(status_of(&not_a_notice, lint), Status::Error);
        let trailing = with_qualifiers(&[qualifier(
            "1.3.6.1.5.5.7.2.2",
            der::seq(&[der::utf8("text"), der::utf8("more")]),
        )]);
        assert_eq!(status_of(&trailing, lint), Status::Error);
        assert_eq!(status_of(&base().build(), lint), Status::NotApplicable);
    }

    #[test]
    fn user_notice_has_notice_ref() {
        let lint = "e_smime_user_notice_has_notice_ref";
        let bad = with_qualifiers(&[ext::user_notice(
            Some(notice_ref()),
            Some(der::utf8("Terms")),
        )]);
        let good = with_qualifiers(&[notice(der::utf8("Terms"))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        // noticeRef alone: both SBR requirements are broken.
        let only_ref = with_qualifiers(&[ext::user_notice(Some(notice_ref()), None)]);
        assert_eq!(status_of(&only_ref, lint), Status::Error);
        assert_eq!(
            status_of(&only_ref, "e_smime_user_notice_missing_explicit_text"),
            Status::Error
        );
    }

    fn notice_ref() -> Vec<u8> {
        der::seq(&[der::utf8("Example CA"), der::seq(&[der::int(1)])])
    }
}
