use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_attribute_prohibited;

fn check_attribute_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert_type().is_none() {
        return Outcome::NotApplicable;
    }
    on_subject(ctx, rule_attribute_prohibited)
}

lint! {
    /// ## What it checks
    /// No attribute that the table of SBR 7.1.4.2.3–7.1.4.2.6 marks SHALL NOT for the
    /// certificate's type and generation is present in the subject. For example organizationName
    /// in Mailbox-validated certificates, givenName in Organization-validated ones, or
    /// streetAddress and postalCode in any Strict certificate.
    ///
    /// Attribute types the tables do not list ("Other") are reported by
    /// `e_smime_subject_other_attribute_prohibited`.
    ///
    /// ## Why
    /// The tables are the subject profile of each certificate type. A prohibited attribute asserts
    /// identity information the type does not validate.
    ///
    /// ## Example
    /// `O=Example Ltd` in a `mailbox-strict` certificate; `street=1 Main St` in `individual-strict`.
    E_SMIME_SUBJECT_ATTRIBUTE_PROHIBITED {
        name: "e_smime_subject_attribute_prohibited",
        description: "The subject contains an attribute the SBR table prohibits for the certificate type and generation",
        citation: "SBR 7.1.4.2.3, 7.1.4.2.4, 7.1.4.2.5, 7.1.4.2.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_attribute"],
        zlint: [
            "e_mailbox_validated_enforce_subject_field_restrictions",
            "e_mailbox_validated_allowed_subjectdn_attributes",
        ],
        catalog: ["e_smime_subject_attribute_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn attribute_prohibited() {
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("O", "Example Ltd"), ("CN", "alice@example.com")])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict").build();
        assert_lint("e_smime_subject_attribute_prohibited", &bad, &good, &[]);
        // streetAddress is fine in Multipurpose and prohibited in Strict.
        let subject = [
            ("C", "GB"),
            ("L", "London"),
            ("street", "1 Main Street"),
            ("GN", "Alice"),
            ("SN", "Smith"),
            ("CN", "Alice Smith"),
        ];
        let bad = CertBuilder::subscriber("individual-strict")
            .subject(&subject)
            .build();
        let good = CertBuilder::subscriber("individual-multipurpose")
            .subject(&subject)
            .build();
        assert_lint("e_smime_subject_attribute_prohibited", &bad, &good, &[]);
    }
}
