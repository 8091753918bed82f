use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_attribute_encoding_invalid;

fn check_attribute_encoding_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_attribute_encoding_invalid)
}

lint! {
    /// ## What it checks
    /// The DirectoryString attributes of the subject (commonName, surname, givenName,
    /// organizationName, organizationalUnitName, title, localityName, stateOrProvinceName,
    /// streetAddress, postalCode, pseudonym and the other DirectoryString types of the table in
    /// docs/conformance.md) use PrintableString or UTF8String: TeletexString, BMPString and
    /// UniversalString are reported.
    ///
    /// A value of a type the attribute's definition does not allow at all (countryName as
    /// UTF8String, emailAddress as UTF8String, commonName as IA5String) is reported in every
    /// Name by `e_smime_rfc5280_name_attribute_type_invalid`; characters outside the chosen
    /// type's alphabet (e.g. `@` in a PrintableString) by `e_der_string_invalid`;
    /// organizationIdentifier by `e_smime_subject_org_identifier_encoding`.
    ///
    /// ## Why
    /// SBR 7.1.4 makes RFC 5280 the encoding rule for attribute values (SHALL). RFC 5280 4.1.2.6
    /// requires PrintableString or UTF8String for DirectoryString in new certificates (the other
    /// choices are for names established before).
    ///
    /// ## Example
    /// `CN` as BMPString or TeletexString.
    E_SMIME_SUBJECT_ATTRIBUTE_ENCODING_INVALID {
        name: "e_smime_subject_attribute_encoding_invalid",
        description: "A subject attribute uses a string type RFC 5280 does not allow for it in new certificates",
        citation: "SBR 7.1.4; RFC 5280 4.1.2.6, Appendix A",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subject_attribute_encoding_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_encoding_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, CertBuilder};

    #[test]
    fn attribute_encoding_invalid() {
        let subject = |cn: Vec<u8>, c: Vec<u8>| {
            smimelint_factory::name_raw(&[
                (&oid::AT_COUNTRY, c),
                (&oid::AT_GIVEN_NAME, der::utf8("Alice")),
                (&oid::AT_SURNAME, der::utf8("Smith")),
                (&oid::AT_COMMON_NAME, cn),
            ])
        };
        let good = iv("individual-strict")
            .subject_raw(subject(der::utf8("Alice Smith"), der::printable("GB")))
            .build();
        for bad in [
            subject(der::bmp("Alice Smith"), der::printable("GB")),
            subject(der::tlv(0x14, b"Alice Smith"), der::printable("GB")),
        ] {
            let bad = iv("individual-strict").subject_raw(bad).build();
            assert_lint(
                "e_smime_subject_attribute_encoding_invalid",
                &bad,
                &good,
                &[],
            );
        }
        // Types outside the attribute's definition are the RFC 5280 lint's, in every Name.
        const TYPE: &str = "e_smime_rfc5280_name_attribute_type_invalid";
        for bad in [
            subject(der::utf8("Alice Smith"), der::utf8("GB")),
            subject(der::ia5("Alice Smith"), der::printable("GB")),
        ] {
            let bad = iv("individual-strict").subject_raw(bad).build();
            assert_lint(TYPE, &bad, &good, &[]);
        }
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject_raw(smimelint_factory::name_raw(&[(
                &oid::AT_EMAIL_ADDRESS,
                der::utf8("alice@example.com"),
            )]))
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("emailAddress", "alice@example.com")])
            .build();
        assert_lint(TYPE, &bad, &good, &[]);
    }
}
