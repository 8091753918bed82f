//! qcStatements (RFC 3739 §3.2.6, ETSI EN 319 412-5 §4): the statements, with the syntax of the
//! statementInfo of the types those documents define checked while decoding.

use smimelint_der::walk::{tag, tag_name, Reader, Tlv};

/// One QCStatement.
#[derive(Clone, Copy, Debug)]
pub struct QcStatement<'a> {
    /// Content octets of the statementId.
    pub id: &'a [u8],
    pub info: Option<crate::Element<'a>>,
}

/// The statements in encoding order.
#[derive(Clone, Debug)]
pub struct QcStatements<'a> {
    pub statements: Vec<QcStatement<'a>>,
}

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
            tag_name(t.tag),
            tag_name(want)
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
            tag_name(info.tag)
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

/// Decodes a qcStatements value; the error is the first problem found.
pub fn decode_qc_statements(value: &[u8], base: usize) -> Result<QcStatements<'_>, String> {
    let mut outer = Reader::new_at(value, base);
    let seq = match outer.expect(tag::SEQUENCE, "QCStatements") {
        Ok(s) if outer.is_empty() => s,
        Ok(_) => return Err("trailing data after QCStatements".into()),
        Err(e) => return Err(e),
    };
    let mut statements = seq.children();
    let mut out = Vec::new();
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
                if let Some((_, name, kind)) =
                    STATEMENTS.iter().find(|(oid, _, _)| *oid == id.content)
                {
                    check_info(*kind, info.as_ref()).map_err(|e| format!("{name}: {e}"))?;
                }
                Ok(QcStatement {
                    id: id.content,
                    info: info.map(Into::into),
                })
            });
        match result {
            Ok(s) => out.push(s),
            Err(e) => return Err(format!("statement {}: {e}", out.len())),
        }
    }
    Ok(QcStatements { statements: out })
}
