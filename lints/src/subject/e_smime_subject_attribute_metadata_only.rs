use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_attribute_metadata_only;

fn check_attribute_metadata_only(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_attribute_metadata_only)
}

lint! {
    /// ## What it checks
    /// No subject attribute value consists only of metadata: no letter or digit at all (`.`, `-`,
    /// ` `, `--`, empty), or a placeholder such as `N/A`, `none`, `null`, `unknown`,
    /// `not applicable`.
    ///
    /// ## Why
    /// SBR 7.1.4.2 forbids (SHALL NOT) subject attributes made only of metadata characters such as
    /// dot, hyphen or space, or of anything else that signals a missing, partial or inapplicable
    /// value. An attribute that has no value must be left out.
    ///
    /// ## Example
    /// `CN=.`; `OU=N/A`.
    ///
    /// ## Differences from pkilint
    /// pkilint counts Unicode symbols (`$`, `+`, `©`) as significant and does not know
    /// placeholders; smimelint needs a letter or digit and reports placeholder words.
    E_SMIME_SUBJECT_ATTRIBUTE_METADATA_ONLY {
        name: "e_smime_subject_attribute_metadata_only",
        description: "A subject attribute value holds only metadata or a placeholder",
        citation: "SBR 7.1.4.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.insignificant_attribute_value_present"],
        zlint: [],
        catalog: ["e_smime_subject_attribute_metadata_only"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_metadata_only,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;

    use smimelint_engine::testing::{assert_lint, findings};

    #[test]
    fn attribute_metadata_only() {
        let with_cn = |cn: &'static str| {
            iv("individual-strict")
                .subject(&[("C", "GB"), ("GN", "Alice"), ("SN", "Smith"), ("CN", cn)])
                .build()
        };
        let good = with_cn("Alice Smith");
        for bad in [".", "-", " ", "N/A", "unknown"] {
            assert_lint(
                "e_smime_subject_attribute_metadata_only",
                &with_cn(bad),
                &good,
                &[],
            );
        }
        assert_eq!(findings(&with_cn("山田 花子")), Vec::<&str>::new());
    }
}
