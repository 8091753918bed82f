use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_attribute_too_long;

fn check_attribute_too_long(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_attribute_too_long)
}

lint! {
    /// ## What it checks
    /// Subject attribute values respect the upper bounds of RFC 5280 Appendix A, counted in
    /// characters: commonName, organizationName, organizationalUnitName, title and serialNumber
    /// 64; localityName, stateOrProvinceName and pseudonym 128; emailAddress 255; givenName and
    /// surname 32768; and from X.520, streetAddress 128 and postalCode 40.
    ///
    /// ## Why
    /// SBR 7.1.4 makes RFC 5280 the encoding rule for attribute values (SHALL), and the note to
    /// 7.1.4.2.2(a) singles out the RFC 5280 upper bounds of commonName and emailAddress. Long
    /// mailbox addresses belong in the SAN only.
    ///
    /// ## Example
    /// A 70-character commonName.
    E_SMIME_SUBJECT_ATTRIBUTE_TOO_LONG {
        name: "e_smime_subject_attribute_too_long",
        description: "A subject attribute value exceeds its RFC 5280 upper bound",
        citation: "SBR 7.1.4, 7.1.4.2.2(a); RFC 5280 Appendix A",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: [],
        zlint: [
            "e_subject_common_name_max_length",
            "e_subject_email_max_length",
            "e_subject_organization_name_max_length",
        ],
        catalog: ["e_smime_subject_attribute_too_long"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_too_long,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{name, CertBuilder};

    #[test]
    fn attribute_too_long() {
        let long_cn: &'static str = Box::leak("A".repeat(65).into_boxed_str());
        let subject = |o: &'static str| {
            name(&[
                ("C", "GB"),
                ("O", o),
                ("organizationIdentifier", "NTRGB-12345678"),
            ])
        };
        let bad = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject(long_cn))
            .build();
        let good = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject(&long_cn[..64]))
            .build();
        assert_lint("e_smime_subject_attribute_too_long", &bad, &good, &[]);
    }
}
