use super::*;
use crate::support::name_rules::{on_directory_names_as, Rule};
use crate::support::subject;

/// The table rules, held against each directoryName.
const DIRECTORY_NAME_TABLE_RULES: [(&str, Rule); 2] = [
    (
        "e_smime_subject_attribute_prohibited",
        subject::rule_attribute_prohibited,
    ),
    (
        "e_smime_subject_other_attribute_prohibited",
        subject::rule_other_attribute_prohibited,
    ),
];

fn check_directory_name_attribute_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert_type().is_none() {
        return Outcome::NotApplicable;
    }
    on_directory_names_as(ctx, &DIRECTORY_NAME_TABLE_RULES)
}

lint! {
    /// ## What it checks
    /// Each directoryName of the subjectAltName contains only attributes the table of SBR
    /// 7.1.4.2.3–7.1.4.2.6 allows in the subject of a certificate of this type and generation,
    /// "Other" included: the rules of `e_smime_subject_attribute_prohibited` and
    /// `e_smime_subject_other_attribute_prohibited`, applied to the directoryName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 as clarified by SMC012: directoryName entries are a MAY only when their
    /// contents meet 7.1.4.2.2 to 7.1.4.2.6 for the certificate's type. A directoryName is a
    /// second subject and cannot carry what the subject may not.
    ///
    /// ## Example
    /// `directoryName=O=Example Ltd` in `mailbox-strict`.
    E_SMIME_SAN_DIRECTORY_NAME_ATTRIBUTE_PROHIBITED {
        name: "e_smime_san_directory_name_attribute_prohibited",
        description: "A SAN directoryName contains an attribute the subject table prohibits for the certificate type",
        citation: "SBR 7.1.4.2.1, 7.1.4.2.3–7.1.4.2.6",
        source: Source::Sbr,
        effective: dates::SMC012,
        ballot: "SMC012",
        pkilint: ["cabf.smime.prohibited_attribute"],
        zlint: [],
        catalog: ["e_smime_san_directory_name_attribute_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_directory_name_attribute_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, dir, mv};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn, name_raw};

    #[test]
    fn directory_name_attribute_prohibited() {
        let bad = mv(&[alice(), dir(&[("O", "Example Ltd")])]);
        let good = mv(&[alice(), dir(&[("serialNumber", "1234")])]);
        assert_lint(
            "e_smime_san_directory_name_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
        let dc = const_oid::ObjectIdentifier::new_unwrap("0.9.2342.19200300.100.1.25");
        let bad = mv(&[
            alice(),
            gn::directory_name(&name_raw(&[(&dc, der::ia5("example"))])),
        ]);
        assert_lint(
            "e_smime_san_directory_name_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
    }
}
