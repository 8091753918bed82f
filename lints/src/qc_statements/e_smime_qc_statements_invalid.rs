use super::*;
use smimelint_cert::der_text::hex;

fn check_qc_statements_invalid(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.qc_statements() {
        Ext::Absent => Outcome::NotApplicable,
        Ext::Present(..) => Outcome::Pass,
        Ext::Invalid(e, p) => fail!(
            "qcStatements {p} (value {})",
            hex(&e.value[..e.value.len().min(48)])
        ),
    }
}

lint! {
    /// ## What it checks
    /// The qcStatements extension decodes as RFC 3739 QCStatements, and the statementInfo of the
    /// ETSI EN 319 412-5 statements (QcCompliance, QcLimitValue, QcRetentionPeriod, QcSSCD,
    /// QcPDS, QcType, QcCClegislation) and of the RFC 3739 semantics statements has the syntax
    /// those documents define. Statements of other types are not examined.
    ///
    /// ## Why
    /// SBR 7.1.2.3(k): qcStatements indicates a qualified certificate "in accordance with RFC
    /// 3739 Section 3.2.6 and/or ETSI EN 319 412-5, Section 4". A statement whose content does
    /// not follow that syntax is not in accordance with either, and relying parties that parse
    /// it (EU qualified-signature validators) reject the certificate.
    ///
    /// ## Example
    /// A QcPDS whose PdsLocation language is the UTF8String `en` instead of a PrintableString.
    E_SMIME_QC_STATEMENTS_INVALID {
        name: "e_smime_qc_statements_invalid",
        description: "qcStatements content does not follow RFC 3739 / ETSI EN 319 412-5",
        citation: "SBR 7.1.2.3(k); ETSI EN 319 412-5 4; RFC 3739 3.2.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["itu.invalid_asn1_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_qc_statements_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::qc_statements::{pds, qc, statement};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, CertBuilder};

    #[test]
    fn qc_statements_invalid() {
        let b = |language| {
            CertBuilder::subscriber("organization-multipurpose").ext(
                &oid::QC_STATEMENTS,
                false,
                qc(&[statement("0.4.0.1862.1.1", None), pds(language)]),
            )
        };
        assert_lint(
            "e_smime_qc_statements_invalid",
            &b(der::utf8("en")).build(),
            &b(der::printable("en")).build(),
            &[],
        );
    }
}
