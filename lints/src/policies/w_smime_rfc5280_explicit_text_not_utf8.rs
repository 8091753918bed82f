use super::*;
use smimelint_cert::der_text::tag;

fn check_explicit_text_not_utf8(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, text) in explicit_texts(list) {
        seen = true;
        if matches!(text.tag, tag::VISIBLE_STRING | tag::BMP_STRING) {
            found.push(format!(
                "policy {}: explicitText is a {}",
                oid::dotted(p.oid),
                smimelint_cert::der_text::tag_name(text.tag)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// No UserNotice explicitText is a VisibleString or BMPString. (IA5String and non-DisplayText
    /// types are errors, reported by `e_smime_rfc5280_explicit_text_encoding`.) Checked in every
    /// certificate.
    ///
    /// ## Why
    /// RFC 6818 §3, replacing the RFC 5280 4.2.1.4 paragraph: conforming CAs SHOULD use
    /// UTF8String for explicitText; VisibleString or BMPString are acceptable but less preferred
    /// alternatives. UTF8String is the encoding every relying party displays correctly.
    ///
    /// ## Example
    /// `explicitText: VisibleString "Any use of this certificate …"`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports VisibleString and BMPString as an ERROR
    /// (`pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding`, "Conforming CAs MUST
    /// NOT encode explicitText as VisibleString or BMPString"). That is the RFC 5280 text of
    /// 2008, which RFC 6818 §3 replaced ("This paragraph is replaced with") by the SHOULD
    /// above. The SBR applies RFC 6818 (title of 7.1.2). The SBR's definition of an Extant
    /// S/MIME CA (1.6.1) still describes these encodings as "not permitted by RFC 5280", but
    /// only to excuse them in pre-2023 CA certificates; it states no requirement of its own, so
    /// smimelint follows the updated RFC keyword and warns.
    W_SMIME_RFC5280_EXPLICIT_TEXT_NOT_UTF8 {
        name: "w_smime_rfc5280_explicit_text_not_utf8",
        description: "A UserNotice explicitText is a VisibleString or BMPString instead of a UTF8String",
        citation: "RFC 6818 3; RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc6818,
        effective: dates::RFC_6818,
        ballot: "SMC01",
        pkilint: ["pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding"],
        zlint: ["w_ext_cert_policy_explicit_text_not_utf8"],
        catalog: [],
        applies: Applies::ALL,
        check: check_explicit_text_not_utf8,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{notice, with_qualifiers, QUALIFIERS};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn explicit_text_not_utf8() {
        let lint = "w_smime_rfc5280_explicit_text_not_utf8";
        let bad = with_qualifiers(&[notice(der::visible("Relying party terms apply."))]);
        let good = with_qualifiers(&[notice(der::utf8("Relying party terms apply."))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        let bmp = with_qualifiers(&[notice(der::bmp("Terms"))]);
        assert_eq!(status_of(&bmp, lint), Status::Warn);
        // IA5String is an error, reported once by the e_ lint.
        let ia5 = with_qualifiers(&[notice(der::ia5("Terms"))]);
        assert_eq!(status_of(&ia5, lint), Status::Pass);
    }
}
