use super::*;
use smimelint_cert::der_text::tag;
use smimelint_cert::Element;

/// The DisplayText CHOICE alternatives.
fn is_display_text(t: u8) -> bool {
    matches!(
        t,
        tag::IA5_STRING | tag::VISIBLE_STRING | tag::BMP_STRING | tag::UTF8_STRING
    )
}

/// Number of characters of a DisplayText value, or None when its content is not valid for its
/// type (reported by `e_der_string_invalid`).
fn display_text_chars(t: &Element<'_>) -> Option<usize> {
    match t.tag {
        tag::UTF8_STRING => std::str::from_utf8(t.content)
            .ok()
            .map(|s| s.chars().count()),
        tag::BMP_STRING => t
            .content
            .len()
            .is_multiple_of(2)
            .then_some(t.content.len() / 2),
        tag::IA5_STRING | tag::VISIBLE_STRING => Some(t.content.len()),
        _ => None,
    }
}

/// DisplayText ::= CHOICE { … (SIZE (1..200)) }.
const EXPLICIT_TEXT_MAX: usize = 200;

fn check_explicit_text_encoding(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, text) in explicit_texts(list) {
        seen = true;
        let problem = if text.tag == tag::IA5_STRING {
            Some("is an IA5String".to_string())
        } else if !is_display_text(text.tag) {
            Some(format!(
                "is a {}, which is not a DisplayText type",
                smimelint_cert::der_text::tag_name(text.tag)
            ))
        } else {
            match display_text_chars(&text) {
                Some(0) => Some("is empty".to_string()),
                Some(n) if n > EXPLICIT_TEXT_MAX => Some(format!(
                    "has {n} characters (at most {EXPLICIT_TEXT_MAX} allowed)"
                )),
                _ => None,
            }
        };
        if let Some(problem) = problem {
            found.push(format!(
                "policy {}: explicitText {problem}",
                oid::dotted(p.oid)
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
    /// Every UserNotice explicitText is encoded as one of the DisplayText types other than
    /// IA5String (that is UTF8String, VisibleString or BMPString) and holds 1 to 200
    /// characters. Checked in every certificate.
    ///
    /// VisibleString and BMPString are reported as warnings by
    /// `w_smime_rfc5280_explicit_text_not_utf8`, since RFC 6818 only discourages them.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4 as replaced by RFC 6818 §3: conforming CAs MUST NOT encode explicitText
    /// as IA5String, and explicitText is a string of at most 200 characters (`DisplayText`
    /// is `SIZE (1..200)` in every alternative; RFC 5280 calls CAs that exceed it
    /// non-conforming). SBR 7.1.2.4 requires every extension to follow RFC 5280, and the SBR
    /// title of 7.1.2 names RFC 6818 as applying.
    ///
    /// ## Example
    /// `explicitText: IA5String "Any use of this certificate …"`; a UTF8String of 250
    /// characters; a PrintableString.
    ///
    /// ## Differences from pkilint
    /// pkilint reports IA5String as `pkix.rfc6818_certificate_policies_invalid_explicit_text_encoding`,
    /// as here, but additionally reports VisibleString and BMPString as errors under the
    /// original RFC 5280 wording (`pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding`),
    /// which RFC 6818 replaced in 2013. smimelint warns for those (see
    /// `w_smime_rfc5280_explicit_text_not_utf8`).
    ///
    /// pkilint cannot decode an explicitText longer than 200 characters and reports
    /// `itu.invalid_asn1_syntax` (FATAL) for the whole certificate instead.
    E_SMIME_RFC5280_EXPLICIT_TEXT_ENCODING {
        name: "e_smime_rfc5280_explicit_text_encoding",
        description: "A UserNotice explicitText is an IA5String, not a DisplayText type, or longer than 200 characters",
        citation: "RFC 5280 4.2.1.4; RFC 6818 3; SBR 7.1.2.4",
        source: Source::Rfc6818,
        effective: dates::RFC_6818,
        ballot: "SMC01",
        pkilint: ["pkix.rfc6818_certificate_policies_invalid_explicit_text_encoding"],
        zlint: [
            "e_ext_cert_policy_explicit_text_ia5_string",
            "e_ext_cert_policy_explicit_text_too_long",
        ],
        catalog: ["e_smime_rfc5280_explicit_text_encoding"],
        applies: Applies::ALL,
        check: check_explicit_text_encoding,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, details, notice, with_qualifiers, QUALIFIERS};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn explicit_text_encoding() {
        let lint = "e_smime_rfc5280_explicit_text_encoding";
        let bad = with_qualifiers(&[notice(der::ia5("Relying party terms apply."))]);
        let good = with_qualifiers(&[notice(der::utf8("Relying party terms apply."))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        assert!(details(&bad, lint).contains("IA5String"));

        let cases = [
            (der::utf8(&"a".repeat(201)), Status::Error),
            (der::utf8(&"é".repeat(200)), Status::Pass),
            (der::bmp(&"é".repeat(201)), Status::Error),
            (der::visible(&"a".repeat(200)), Status::Pass),
            (der::bmp("Terms"), Status::Pass),
            (der::utf8(""), Status::Error),
            (der::printable("Terms"), Status::Error),
        ];
        for (text, want) in cases {
            let cert = with_qualifiers(&[notice(text.clone())]);
            assert_eq!(status_of(&cert, lint), want, "{text:02x?}");
        }
        assert_eq!(status_of(&base().build(), lint), Status::NotApplicable);
    }
}
