use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_encoding;

fn check_org_identifier_encoding(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_encoding)
}

lint! {
    /// ## What it checks
    /// organizationIdentifier is encoded as PrintableString or UTF8String.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) allows exactly two string types for organizationIdentifier (SHALL):
    /// PrintableString and UTF8String.
    ///
    /// ## Example
    /// `organizationIdentifier` as BMPString or IA5String.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_ENCODING {
        name: "e_smime_subject_org_identifier_encoding",
        description: "organizationIdentifier is neither PrintableString nor UTF8String",
        citation: "SBR 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.invalid_subject_organization_identifier_encoding"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_encoding"],
        applies: OV_SV,
        check: check_org_identifier_encoding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, name_raw, CertBuilder};

    #[test]
    fn encoding() {
        let with = |v: Vec<u8>| {
            CertBuilder::subscriber("sponsored-strict")
                .subject_raw(name_raw(&[
                    (&oid::AT_ORGANIZATION, der::utf8("Example Ltd")),
                    (&oid::AT_ORGANIZATION_IDENTIFIER, v),
                    (&oid::AT_GIVEN_NAME, der::utf8("Alice")),
                    (&oid::AT_SURNAME, der::utf8("Smith")),
                ]))
                .build()
        };
        assert_lint(
            "e_smime_subject_org_identifier_encoding",
            &with(der::ia5("NTRGB-12345678")),
            &with(der::printable("NTRGB-12345678")),
            // IA5String is not one of the DirectoryString choices at all.
            &["e_smime_rfc5280_name_attribute_type_invalid"],
        );
    }
}
