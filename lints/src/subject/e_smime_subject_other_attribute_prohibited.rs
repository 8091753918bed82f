use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_other_attribute_prohibited;

fn check_other_attribute_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert_type().is_none() {
        return Outcome::NotApplicable;
    }
    on_subject(ctx, rule_other_attribute_prohibited)
}

lint! {
    /// ## What it checks
    /// Where the "Other" row of SBR 7.1.4.2.3–7.1.4.2.6 is SHALL NOT (every Mailbox-validated
    /// certificate, and Multipurpose and Strict certificates of the other types), the subject
    /// holds only the fifteen attribute types the tables list.
    ///
    /// ## Why
    /// The tables close the list of attributes for those profiles: domainComponent, uid,
    /// description, businessCategory, the EV jurisdiction attributes and all others are not
    /// validated under the SBR.
    ///
    /// ## Example
    /// `description=For login authentication only` in a `mailbox-legacy` certificate;
    /// `DC=example` in `organization-strict`.
    E_SMIME_SUBJECT_OTHER_ATTRIBUTE_PROHIBITED {
        name: "e_smime_subject_other_attribute_prohibited",
        description: "The subject contains an attribute type that the SBR tables do not list, where Other is SHALL NOT",
        citation: "SBR 7.1.4.2.3, 7.1.4.2.4, 7.1.4.2.5, 7.1.4.2.6 (Other)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_attribute"],
        zlint: [
            "e_mailbox_validated_enforce_subject_field_restrictions",
            "e_mailbox_validated_allowed_subjectdn_attributes",
        ],
        catalog: ["e_smime_subject_other_attribute_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_other_attribute_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, name_raw, CertBuilder};

    #[test]
    fn other_attribute_prohibited() {
        let description = const_oid::ObjectIdentifier::new_unwrap("2.5.4.13");
        let subject = name_raw(&[
            (&oid::AT_COMMON_NAME, der::utf8("alice@example.com")),
            (&description, der::utf8("For login only")),
        ]);
        let bad = CertBuilder::subscriber("mailbox-legacy")
            .subject_raw(subject.clone())
            .build();
        let good = CertBuilder::subscriber("mailbox-legacy").build();
        assert_lint(
            "e_smime_subject_other_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
        // Other attributes are allowed in Legacy OV/SV/IV.
        let ind = name_raw(&[
            (&oid::AT_COUNTRY, der::printable("GB")),
            (&oid::AT_GIVEN_NAME, der::utf8("Alice")),
            (&oid::AT_SURNAME, der::utf8("Smith")),
            (&description, der::utf8("Engineer")),
        ]);
        let bad = CertBuilder::subscriber("individual-strict")
            .subject_raw(ind.clone())
            .build();
        let good = CertBuilder::subscriber("individual-legacy")
            .subject_raw(ind)
            .build();
        assert_lint(
            "e_smime_subject_other_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
    }
}
