use super::*;
use smimelint_cert::der_text::tag;
use smimelint_cert::Element;

/// C0 controls, DEL and C1 controls: U+0000–U+001F and U+007F–U+009F.
fn is_control(cp: u32) -> bool {
    cp <= 0x1f || (0x7f..=0x9f).contains(&cp)
}

/// The first control character of a DisplayText value, when it has one.
fn first_control(t: &Element<'_>) -> Option<u32> {
    match t.tag {
        tag::UTF8_STRING => std::str::from_utf8(t.content)
            .ok()?
            .chars()
            .map(u32::from)
            .find(|&c| is_control(c)),
        tag::BMP_STRING => t
            .content
            .chunks_exact(2)
            .map(|u| u32::from(u16::from_be_bytes([u[0], u[1]])))
            .find(|&c| is_control(c)),
        tag::IA5_STRING | tag::VISIBLE_STRING => t
            .content
            .iter()
            .map(|&b| u32::from(b))
            .find(|&c| is_control(c)),
        _ => None,
    }
}

fn check_explicit_text_control_characters(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, text) in explicit_texts(list) {
        seen = true;
        if let Some(c) = first_control(&text) {
            found.push(format!(
                "policy {}: explicitText contains the control character U+{c:04X}",
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
    /// No UserNotice explicitText contains a control character (U+0000–U+001F, U+007F–U+009F),
    /// line breaks and tabs included. Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4 (kept by RFC 6818 §3): the explicitText string SHOULD NOT include any
    /// control characters. Relying parties display the text to users; control characters
    /// render inconsistently or can be used to disguise it.
    ///
    /// ## Example
    /// `explicitText: UTF8String "Line one\nLine two"`.
    W_SMIME_RFC5280_EXPLICIT_TEXT_CONTROL_CHARACTERS {
        name: "w_smime_rfc5280_explicit_text_control_characters",
        description: "A UserNotice explicitText contains control characters",
        citation: "RFC 5280 4.2.1.4; RFC 6818 3; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_policies_explicit_text_has_control_character"],
        zlint: ["w_ext_cert_policy_explicit_text_includes_control"],
        catalog: [],
        applies: Applies::ALL,
        check: check_explicit_text_control_characters,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{details, notice, with_qualifiers, QUALIFIERS};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn explicit_text_control_characters() {
        let lint = "w_smime_rfc5280_explicit_text_control_characters";
        let bad = with_qualifiers(&[notice(der::utf8("Line one\nLine two"))]);
        let good = with_qualifiers(&[notice(der::utf8("Line one, line two"))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        assert!(details(&bad, lint).contains("U+000A"));
        let c1 = with_qualifiers(&[notice(der::bmp("Next\u{85}line"))]);
        assert_eq!(status_of(&c1, lint), Status::Warn);
        let non_ascii = with_qualifiers(&[notice(der::utf8("Conditions générales"))]);
        assert_eq!(status_of(&non_ascii, lint), Status::Pass);
    }
}
