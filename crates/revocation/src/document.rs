//! Which kind of signed document an input is, from its PEM label or the shape of its first
//! DER headers (a prefix of the input suffices: no value is read, only tags and lengths).

use crate::source::parse_header;
use smimelint_der::walk::tag;

/// The document families smimelint lints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// Certificate or TBSCertificate.
    Certificate,
    /// CertificateList or TBSCertList.
    Crl,
    /// OCSPResponse, BasicOCSPResponse or ResponseData.
    Ocsp,
}

impl DocumentKind {
    /// From a PEM label (RFC 7468 and common practice).
    pub fn from_pem_label(label: &str) -> Option<DocumentKind> {
        Some(match label {
            "X509 CRL" | "CRL" => DocumentKind::Crl,
            "OCSP RESPONSE" => DocumentKind::Ocsp,
            "CERTIFICATE"
            | "X509 CERTIFICATE"
            | "TRUSTED CERTIFICATE"
            | "TBS CERTIFICATE"
            | "TBSCERTIFICATE" => DocumentKind::Certificate,
            _ => return None,
        })
    }
}

/// The tag of each element of a SEQUENCE's content, as far as `b` reaches.
fn tags(b: &[u8], mut at: usize, end: usize, max: usize) -> Vec<u8> {
    let mut out = Vec::new();
    while at < end.min(b.len()) && out.len() < max {
        let Ok((t, hl, Some(len), _)) = parse_header(&b[at..]) else {
            out.push(b[at]);
            break;
        };
        out.push(t);
        at = at.saturating_add(hl).saturating_add(len);
    }
    out
}

/// Content start and end of the TLV at `at`.
fn inner(b: &[u8], at: usize) -> Option<(usize, usize)> {
    let (_, hl, len, _) = parse_header(b.get(at..)?).ok()?;
    let start = at + hl;
    Some((start, len.map_or(usize::MAX, |l| start.saturating_add(l))))
}

/// Classifies a DER input by the tags of its first elements. None when it is not a SEQUENCE.
///
/// - OCSPResponse: `SEQUENCE { ENUMERATED, … }`.
/// - BasicOCSPResponse: `SEQUENCE { SEQUENCE { [0]? [1]|[2] … } … }`; ResponseData:
///   `SEQUENCE { [0]? [1]|[2] … }`.
/// - CertificateList/TBSCertList: like a certificate but the field after the issuer is a Time
///   where a certificate has its Validity SEQUENCE.
pub fn sniff(b: &[u8]) -> Option<DocumentKind> {
    if b.first() != Some(&tag::SEQUENCE) {
        return None;
    }
    let (start, end) = inner(b, 0)?;
    let top = tags(b, start, end, 4);
    let is_time = |t: Option<&u8>| matches!(t, Some(&(tag::UTC_TIME | tag::GENERALIZED_TIME)));
    let is_responder_id = |t: Option<&u8>| matches!(t, Some(&(0xa1 | 0xa2)));
    // A TBS-like element list: the kind follows from the tags of its first elements.
    let tbs_kind = |t: &[u8]| -> Option<DocumentKind> {
        match t {
            [0xa0, rest @ ..] if is_responder_id(rest.first()) => Some(DocumentKind::Ocsp),
            [0xa1 | 0xa2, ..] => Some(DocumentKind::Ocsp),
            [0xa0, ..] => Some(DocumentKind::Certificate),
            // version, signature, issuer, thisUpdate | serial, signature, issuer, validity
            [tag::INTEGER, tag::SEQUENCE, tag::SEQUENCE, x, ..] if is_time(Some(x)) => {
                Some(DocumentKind::Crl)
            }
            [tag::INTEGER, ..] => Some(DocumentKind::Certificate),
            // A v1 TBSCertList: signature, issuer, thisUpdate.
            [tag::SEQUENCE, tag::SEQUENCE, x, ..] if is_time(Some(x)) => Some(DocumentKind::Crl),
            _ => None,
        }
    };
    match top.first() {
        Some(&tag::ENUMERATED) => Some(DocumentKind::Ocsp),
        Some(&tag::SEQUENCE) => {
            let (s, e) = inner(b, start)?;
            tbs_kind(&tags(b, s, e, 4)).or_else(|| tbs_kind(&top))
        }
        _ => tbs_kind(&top),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        // OCSPResponse { ENUMERATED successful }
        assert_eq!(
            sniff(&[0x30, 0x03, 0x0a, 0x01, 0x00]),
            Some(DocumentKind::Ocsp)
        );
        // ResponseData { [1] byName {…}, GeneralizedTime … }
        assert_eq!(
            sniff(&[0x30, 0x04, 0xa1, 0x02, 0x30, 0x00]),
            Some(DocumentKind::Ocsp)
        );
        // TBSCertList v1 { SEQ alg, SEQ issuer, UTCTime }
        let tbs_crl = [0x30, 0x08, 0x30, 0x00, 0x30, 0x00, 0x17, 0x02, 0x31, 0x32];
        assert_eq!(sniff(&tbs_crl), Some(DocumentKind::Crl));
        // TBSCertificate { [0] v3, INTEGER serial … }
        let tbs_cert = [0x30, 0x08, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01];
        assert_eq!(sniff(&tbs_cert), Some(DocumentKind::Certificate));
        assert_eq!(sniff(b"hello"), None);
        assert_eq!(sniff(&[]), None);
    }
}
