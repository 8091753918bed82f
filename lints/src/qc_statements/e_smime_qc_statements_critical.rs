use super::*;

fn check_qc_statements_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::QC_STATEMENTS)
}

lint! {
    /// ## What it checks
    /// The qcStatements extension (1.3.6.1.5.5.7.1.3) is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(k): qcStatements "MAY be present and SHALL NOT be marked critical".
    ///
    /// ## Example
    /// qcStatements with QcCompliance, marked critical.
    E_SMIME_QC_STATEMENTS_CRITICAL {
        name: "e_smime_qc_statements_critical",
        description: "qcStatements is marked critical",
        citation: "SBR 7.1.2.3(k)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.qc_statements_extension_critical"],
        zlint: ["e_smime_qc_statements_must_not_be_critical"],
        catalog: ["e_smime_qc_statements_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_qc_statements_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn qc_statements_critical() {
        assert_lint(
            "e_smime_qc_statements_critical",
            &base().ext(&oid::QC_STATEMENTS, true, qc()).build(),
            &base().ext(&oid::QC_STATEMENTS, false, qc()).build(),
            &[],
        );
    }

    fn qc() -> Vec<u8> {
        der::seq(&[der::seq(&[der::oid("0.4.0.1862.1.1")])])
    }
}
