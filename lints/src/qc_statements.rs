//! qcStatements content (SBR 7.1.2.3(k) → RFC 3739 §3.2.6 and ETSI EN 319 412-5 §4). The
//! criticality rule lives with the other subscriber extension lints.

use super::prelude::*;
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
    use smimelint_cert::qc::decode_qc_statements;
    fn qc_statements_problem(value: &[u8], base: usize) -> Option<String> {
        decode_qc_statements(value, base).err()
    }
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, CertBuilder};

    fn statement(id: &str, info: Option<Vec<u8>>) -> Vec<u8> {
        der::seq(&[vec![der::oid(id)], info.into_iter().collect()].concat())
    }
    fn pds(language: Vec<u8>) -> Vec<u8> {
        statement(
            "0.4.0.1862.1.5",
            Some(der::seq(&[der::seq(&[
                der::ia5("https://example.com/pds"),
                language,
            ])])),
        )
    }
    fn qc(statements: &[Vec<u8>]) -> Vec<u8> {
        der::seq(statements)
    }

    #[test]
    fn decodes_the_etsi_statements() {
        let good = qc(&[
            statement("0.4.0.1862.1.1", None),
            statement(
                "0.4.0.1862.1.6",
                Some(der::seq(&[der::oid("0.4.0.1862.1.6.1")])),
            ),
            statement("0.4.0.1862.1.7", Some(der::seq(&[der::printable("DE")]))),
            statement(
                "1.3.6.1.5.5.7.11.2",
                Some(der::seq(&[der::oid("0.4.0.194121.1.2")])),
            ),
            pds(der::printable("en")),
        ]);
        assert_eq!(qc_statements_problem(&good, 0), None);
        let bad = qc(&[pds(der::utf8("en"))]);
        let p = qc_statements_problem(&bad, 0).expect("UTF8String language");
        assert!(p.contains("QcPDS") && p.contains("language"), "{p}");
        let bad = qc(&[statement("0.4.0.1862.1.1", Some(der::int(1)))]);
        assert!(qc_statements_problem(&bad, 0).is_some());
        assert!(qc_statements_problem(&[0x30, 0x03, 0x30], 0).is_some());
    }

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
