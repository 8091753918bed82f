//! Legal Entity Identifier extensions (SBR 7.1.2.3(l)): LEI 1.3.6.1.4.1.52266.1 and
//! Role 1.3.6.1.4.1.52266.2.

use super::prelude::*;
use smimelint_cert::der_text::tag;

fn check_lei_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert.has_extension(&oid::LEI) {
        fail!(
            "the LEI extension (1.3.6.1.4.1.52266.1) is present (certificate type {})",
            ctx.cert_type().map(|t| t.to_string()).unwrap_or_default()
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// Mailbox-validated and Individual-validated certificates do not contain the Legal Entity
    /// Identifier extension (1.3.6.1.4.1.52266.1).
    ///
    /// ## Why
    /// SBR 7.1.2.3(l) table: LEI is "Prohibited" for Mailbox-validated and Individual-validated
    /// certificates, whose subjects are not validated as legal entities.
    ///
    /// ## Example
    /// An Individual-validated certificate carrying an LEI.
    E_SMIME_LEI_EXTENSION_PROHIBITED {
        name: "e_smime_lei_extension_prohibited",
        description: "LEI extension in a Mailbox- or Individual-validated certificate",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.lei_extension_prohibited"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_extension_prohibited"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Mailbox, Validation::Individual]),
        check: check_lei_prohibited,
    }
}

fn check_lei_role_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert.has_extension(&oid::LEI_ROLE) {
        fail!(
            "the LEI Role extension (1.3.6.1.4.1.52266.2) is present (certificate type {})",
            ctx.cert_type().map(|t| t.to_string()).unwrap_or_default()
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// Only Sponsor-validated certificates contain the LEI Role extension
    /// (1.3.6.1.4.1.52266.2).
    ///
    /// ## Why
    /// SBR 7.1.2.3(l) table: prohibited for Mailbox- and Individual-validated certificates, and
    /// for Organization-validated ones "Role … SHALL NOT be present". A role LEI describes an
    /// individual acting for an organisation, which only the sponsored type has.
    ///
    /// ## Example
    /// An Organization-validated certificate carrying a Role extension.
    E_SMIME_LEI_ROLE_EXTENSION_PROHIBITED {
        name: "e_smime_lei_role_extension_prohibited",
        description: "LEI Role extension in a certificate that is not Sponsor-validated",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC03",
        pkilint: ["cabf.smime.lei_role_extension_prohibited"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_role_extension_prohibited"],
        applies: Applies::SUBSCRIBER.validations(&[
            Validation::Mailbox,
            Validation::Organization,
            Validation::Individual
        ]),
        check: check_lei_role_prohibited,
    }
}

fn check_lei_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::LEI)
}

lint! {
    /// ## What it checks
    /// In Organization- and Sponsor-validated certificates, the LEI extension is not marked
    /// critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(l): LEI "MAY be present and SHALL NOT be marked critical".
    ///
    /// ## Example
    /// The LEI extension with critical TRUE.
    E_SMIME_LEI_EXTENSION_CRITICAL {
        name: "e_smime_lei_extension_critical",
        description: "LEI extension is marked critical",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.lei_extension_critical"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_extension_critical"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]),
        check: check_lei_critical,
    }
}

fn check_lei_role_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::LEI_ROLE)
}

lint! {
    /// ## What it checks
    /// In Sponsor-validated certificates, the LEI Role extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(l): for Sponsor-validated certificates, LEI or Role "MAY be present and SHALL
    /// NOT be marked critical".
    ///
    /// ## Example
    /// The Role extension with critical TRUE.
    E_SMIME_LEI_ROLE_EXTENSION_CRITICAL {
        name: "e_smime_lei_role_extension_critical",
        description: "LEI Role extension is marked critical",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.lei_role_extension_critical"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_role_extension_critical"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored]),
        check: check_lei_role_critical,
    }
}

/// ISO 7064 MOD 97-10 over `[0-9A-Z]` (letters count as 10–35): the remainder, 1 when the check
/// digits are right. None for other characters.
fn mod97(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |acc, &c| match c {
        b'0'..=b'9' => Some((acc * 10 + u32::from(c - b'0')) % 97),
        b'A'..=b'Z' => Some((acc * 100 + u32::from(c - b'A') + 10) % 97),
        _ => None,
    })
}

/// What is wrong with an ISO 17442 LEI, if anything.
fn lei_problem(lei: &[u8]) -> Option<String> {
    if lei.len() != 20 {
        return Some(format!("it has {} characters instead of 20", lei.len()));
    }
    let (body, check) = lei.split_at(18);
    if !body
        .iter()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        || !check.iter().all(u8::is_ascii_digit)
    {
        return Some("it is not 18 digits or upper-case letters followed by 2 check digits".into());
    }
    match mod97(lei) {
        Some(1) => None,
        _ => {
            let expected = 98 - mod97(body).map_or(0, |r| r * 100 % 97);
            Some(format!(
                "the check digits are wrong (ISO 7064 MOD 97-10 expects {expected:02})"
            ))
        }
    }
}

fn check_lei_value_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::LEI) else {
        return Outcome::NotApplicable;
    };
    let value = match e.single_element() {
        Some(t) if t.tag == tag::PRINTABLE_STRING => t.content,
        Some(t) => {
            return fail!(
                "the LEI value is a {}, not a PrintableString",
                smimelint_cert::der_text::tag_name(t.tag)
            )
        }
        _ => return fail!("the LEI value is not a single PrintableString"),
    };
    match lei_problem(value) {
        None => Outcome::Pass,
        Some(p) => fail!(
            "LEI \"{}\" is not a valid ISO 17442 code: {p}",
            String::from_utf8_lossy(value)
        ),
    }
}

lint! {
    /// ## What it checks
    /// The LEI extension's value is a PrintableString holding a valid ISO 17442 Legal Entity
    /// Identifier: 20 characters, 18 digits or upper-case letters followed by two digits that
    /// satisfy the ISO 7064 MOD 97-10 check.
    ///
    /// ## Why
    /// SBR 7.1.2.3(l): the LEI is "a 20-character, alpha-numeric code used in accordance with
    /// ISO 17442-1:2020, Clause 6 and ISO 17442-2:2020, Clause 4". A wrong check digit means a
    /// mistyped identifier that cannot be the one the CA verified in the GLEIF records.
    ///
    /// ## Example
    /// `5493001KJTIIGC8Y1R13` (the correct check digits are 12); a UTF8String value.
    E_SMIME_LEI_VALUE_INVALID {
        name: "e_smime_lei_value_invalid",
        description: "The LEI extension does not hold a valid ISO 17442 LEI",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["iso.lei.invalid_lei_checksum", "iso.lei.invalid_lei_format"],
        zlint: [],
        catalog: ["e_smime_lei_value_invalid"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]),
        check: check_lei_value_invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::{lei_problem, mod97};
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, ext_values::lei_with_check_digits, CertBuilder};

    fn lei() -> String {
        lei_with_check_digits("5493001KJTIIGC8Y1R")
    }
    fn with(t: &str, o: &const_oid::ObjectIdentifier, critical: bool) -> CertBuilder {
        CertBuilder::subscriber(t).ext(o, critical, der::printable(&lei()))
    }

    #[test]
    fn check_digits() {
        assert_eq!(lei(), "5493001KJTIIGC8Y1R12");
        assert_eq!(mod97(lei().as_bytes()), Some(1));
        assert!(lei_problem(lei().as_bytes()).is_none());
        let p = lei_problem(b"5493001KJTIIGC8Y1R13").expect("bad check digits");
        assert!(p.contains("expects 12"), "{p}");
        assert!(lei_problem(b"5493001kjtiigc8y1r12").is_some());
        assert!(lei_problem(b"5493001KJTIIGC8Y1R1").is_some());
    }

    #[test]
    fn lei_prohibited() {
        for t in ["mailbox-strict", "individual-multipurpose"] {
            assert_lint(
                "e_smime_lei_extension_prohibited",
                &with(t, &oid::LEI, false).build(),
                &CertBuilder::subscriber(t).build(),
                &[],
            );
        }
    }

    #[test]
    fn lei_role_prohibited() {
        assert_lint(
            "e_smime_lei_role_extension_prohibited",
            &with("organization-strict", &oid::LEI_ROLE, false).build(),
            &CertBuilder::subscriber("organization-strict").build(),
            &[],
        );
    }

    #[test]
    fn lei_critical() {
        assert_lint(
            "e_smime_lei_extension_critical",
            &with("organization-strict", &oid::LEI, true).build(),
            &with("organization-strict", &oid::LEI, false).build(),
            &[],
        );
    }

    #[test]
    fn lei_role_critical() {
        assert_lint(
            "e_smime_lei_role_extension_critical",
            &with("sponsored-multipurpose", &oid::LEI_ROLE, true).build(),
            &with("sponsored-multipurpose", &oid::LEI_ROLE, false).build(),
            &[],
        );
    }

    #[test]
    fn lei_value_invalid() {
        let b = || CertBuilder::subscriber("organization-multipurpose");
        assert_lint(
            "e_smime_lei_value_invalid",
            &b().ext(&oid::LEI, false, der::printable("5493001KJTIIGC8Y1R13"))
                .build(),
            &with("organization-multipurpose", &oid::LEI, false).build(),
            &[],
        );
        assert_lint(
            "e_smime_lei_value_invalid",
            &b().ext(&oid::LEI, false, der::utf8(&lei())).build(),
            &with("organization-multipurpose", &oid::LEI, false).build(),
            &[],
        );
    }
}
