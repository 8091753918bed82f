//! qcStatements content (SBR 7.1.2.3(k) → RFC 3739 §3.2.6 and ETSI EN 319 412-5 §4). The
//! criticality rule lives with the other subscriber extension lints.

use super::prelude::*;
use smimelint_der::walk::{hex, tag, Reader, Tlv};

/// Expected `statementInfo` of a statement type.
#[derive(Clone, Copy)]
enum Info {
    /// No statementInfo.
    Absent,
    /// QcLimitValue: SEQUENCE { currency PrintableString(3) or INTEGER, amount INTEGER, exponent INTEGER }.
    LimitValue,
    /// QcRetentionPeriod: INTEGER.
    Integer,
    /// QcPDS: SEQUENCE SIZE(1..MAX) OF SEQUENCE { url IA5String, language PrintableString(2) }.
    PdsLocations,
    /// QcType: SEQUENCE OF OBJECT IDENTIFIER.
    Oids,
    /// QcCClegislation: SEQUENCE OF PrintableString(2).
    CountryCodes,
    /// RFC 3739 SemanticsInformation (optional statementInfo).
    Semantics,
}

/// Statement types whose statementInfo syntax is fixed, by the content octets of their OID.
const STATEMENTS: &[(&[u8], &str, Info)] = &[
    (b"\x04\x00\x8e\x46\x01\x01", "QcCompliance", Info::Absent),
    (
        b"\x04\x00\x8e\x46\x01\x02",
        "QcLimitValue",
        Info::LimitValue,
    ),
    (
        b"\x04\x00\x8e\x46\x01\x03",
        "QcRetentionPeriod",
        Info::Integer,
    ),
    (b"\x04\x00\x8e\x46\x01\x04", "QcSSCD", Info::Absent),
    (b"\x04\x00\x8e\x46\x01\x05", "QcPDS", Info::PdsLocations),
    (b"\x04\x00\x8e\x46\x01\x06", "QcType", Info::Oids),
    (
        b"\x04\x00\x8e\x46\x01\x07",
        "QcCClegislation",
        Info::CountryCodes,
    ),
    (
        b"\x2b\x06\x01\x05\x05\x07\x0b\x01",
        "id-qcs-pkixQCSyntax-v1",
        Info::Semantics,
    ),
    (
        b"\x2b\x06\x01\x05\x05\x07\x0b\x02",
        "id-qcs-pkixQCSyntax-v2",
        Info::Semantics,
    ),
];

/// Reads every element of a SEQUENCE OF, each with `check`.
fn each(
    seq: &Tlv<'_>,
    mut check: impl FnMut(&Tlv<'_>) -> Result<(), String>,
) -> Result<usize, String> {
    let mut r = seq.children();
    let mut n = 0;
    while !r.is_empty() {
        let item = r.read().map_err(|e| e.to_string())?;
        check(&item)?;
        n += 1;
    }
    Ok(n)
}

fn expect_tag(t: &Tlv<'_>, want: u8, what: &str) -> Result<(), String> {
    if t.tag == want {
        Ok(())
    } else {
        Err(format!(
            "{what} is a {}, not a {}",
            smimelint_der::walk::tag_name(t.tag),
            smimelint_der::walk::tag_name(want)
        ))
    }
}

fn printable_of_len(t: &Tlv<'_>, len: usize, what: &str) -> Result<(), String> {
    expect_tag(t, tag::PRINTABLE_STRING, what)?;
    if t.content.len() == len {
        Ok(())
    } else {
        Err(format!(
            "{what} \"{}\" is not {len} characters",
            String::from_utf8_lossy(t.content)
        ))
    }
}

fn check_info(kind: Info, info: Option<&Tlv<'_>>) -> Result<(), String> {
    let Some(info) = info else {
        return match kind {
            Info::Absent | Info::Semantics => Ok(()),
            _ => Err("statementInfo is missing".into()),
        };
    };
    match kind {
        Info::Absent => Err(format!(
            "statementInfo must be absent, found a {}",
            smimelint_der::walk::tag_name(info.tag)
        )),
        Info::Integer => expect_tag(info, tag::INTEGER, "statementInfo"),
        Info::LimitValue => {
            expect_tag(info, tag::SEQUENCE, "statementInfo")?;
            let mut r = info.children();
            let currency = r.read().map_err(|e| e.to_string())?;
            if currency.tag != tag::INTEGER {
                printable_of_len(&currency, 3, "currency")?;
            }
            r.expect(tag::INTEGER, "amount")?;
            r.expect(tag::INTEGER, "exponent")?;
            if r.is_empty() {
                Ok(())
            } else {
                Err("QcLimitValue has trailing elements".into())
            }
        }
        Info::PdsLocations => {
            expect_tag(info, tag::SEQUENCE, "statementInfo")?;
            let n = each(info, |loc| {
                expect_tag(loc, tag::SEQUENCE, "PdsLocation")?;
                let mut r = loc.children();
                r.expect(tag::IA5_STRING, "PdsLocation url")?;
                let lang = r.read().map_err(|e| e.to_string())?;
                printable_of_len(&lang, 2, "PdsLocation language")?;
                if r.is_empty() {
                    Ok(())
                } else {
                    Err("PdsLocation has trailing elements".into())
                }
            })?;
            if n == 0 {
                Err("QcPDS lists no PdsLocation".into())
            } else {
                Ok(())
            }
        }
        Info::Oids => {
            expect_tag(info, tag::SEQUENCE, "statementInfo")?;
            each(info, |t| expect_tag(t, tag::OID, "QcType element")).map(|_| ())
        }
        Info::CountryCodes => {
            expect_tag(info, tag::SEQUENCE, "statementInfo")?;
            each(info, |t| {
                printable_of_len(t, 2, "QcCClegislation country code")
            })
            .map(|_| ())
        }
        Info::Semantics => {
            expect_tag(info, tag::SEQUENCE, "statementInfo")?;
            let mut r = info.children();
            let id = r.read_if(tag::OID);
            let ras = r.read_if(tag::SEQUENCE);
            match (id, ras, r.is_empty()) {
                (None, None, _) => Err("SemanticsInformation is empty".into()),
                (_, _, false) => Err("SemanticsInformation has unexpected elements".into()),
                _ => Ok(()),
            }
        }
    }
}

/// The first problem in a qcStatements value, if any.
fn qc_statements_problem(value: &[u8], base: usize) -> Option<String> {
    let mut outer = Reader::new_at(value, base);
    let seq = match outer.expect(tag::SEQUENCE, "QCStatements") {
        Ok(s) if outer.is_empty() => s,
        Ok(_) => return Some("trailing data after QCStatements".into()),
        Err(e) => return Some(e),
    };
    let mut statements = seq.children();
    let mut index = 0;
    while !statements.is_empty() {
        let result = statements
            .expect(tag::SEQUENCE, "QCStatement")
            .and_then(|st| {
                let mut r = st.children();
                let id = r.expect(tag::OID, "statementId")?;
                let info = if r.is_empty() {
                    None
                } else {
                    Some(r.read().map_err(|e| e.to_string())?)
                };
                if !r.is_empty() {
                    return Err("QCStatement has more than statementId and statementInfo".into());
                }
                match STATEMENTS.iter().find(|(oid, _, _)| *oid == id.content) {
                    Some((_, name, kind)) => {
                        check_info(*kind, info.as_ref()).map_err(|e| format!("{name}: {e}"))
                    }
                    None => Ok(()),
                }
            });
        if let Err(e) = result {
            return Some(format!("statement {index}: {e}"));
        }
        index += 1;
    }
    None
}

fn check_qc_statements_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::QC_STATEMENTS) else {
        return Outcome::NotApplicable;
    };
    match qc_statements_problem(e.value, e.value_offset) {
        None => Outcome::Pass,
        Some(p) => fail!(
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
    use super::qc_statements_problem;
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
