//! Recognises DER structures that are often handed to a linter by mistake (requests, CRLs,
//! keys, OCSP and CMS messages) by their top-level shape.
//!
//! Only a positive match refuses an input: a damaged certificate, however broken its fields,
//! must still be linted. Each test below therefore checks elements that a Certificate or
//! TBSCertificate never has in that position (an OCTET STRING where the signature algorithm
//! goes, a time where the validity SEQUENCE goes, a key where the issuer Name goes, …). The
//! work is bounded: at most [`MAX_LOOK`] elements of two or three levels are read.

use smimelint_der::walk::{tag, Tlv};

/// Elements read per level; every shape here is decided by fewer.
const MAX_LOOK: usize = 10;

const CONTEXT_0: u8 = 0xa0;
const CONTEXT_1: u8 = 0xa1;
const CONTEXT_2: u8 = 0xa2;

/// 1.2.840.113549.1.7 (PKCS#7 content types) and 1.2.840.113549.1.9.16.1 (CMS content types),
/// as OID content prefixes.
const PKCS7_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
const CMS_CT_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01];

/// What `outer` (the input's top-level SEQUENCE) looks like when it is a known structure other
/// than a Certificate or TBSCertificate, e.g. "a CRL". None when it may be a certificate.
pub(crate) fn foreign(outer: &Tlv<'_>) -> Option<&'static str> {
    // Fast exits for what nearly every input is, a v3 TBSCertificate or a Certificate holding
    // one: none of the structures below starts with `[0]`, or has a SEQUENCE starting with
    // `[0]` followed by anything but `[0]` (an OCSP request's signature).
    let mut r = outer.children();
    let first = r.read().ok()?;
    if first.tag == CONTEXT_0
        || (first.tag == tag::SEQUENCE
            && first.content.first() == Some(&CONTEXT_0)
            && r.peek_tag().is_some_and(|t| t != CONTEXT_0))
    {
        return None;
    }
    let top = Elements::of(outer);
    let first = top.get(0)?;
    match first.tag {
        tag::SEQUENCE => signed(&top),
        tag::INTEGER | CONTEXT_0 => unsigned(&top),
        tag::ENUMERATED if top.only(&[tag::ENUMERATED], &[CONTEXT_0]) => Some("an OCSP response"),
        tag::OID if is_cms_type(first) && top.only(&[tag::OID], &[CONTEXT_0]) => {
            Some("a CMS/PKCS#7 message")
        }
        _ => None,
    }
}

/// Structures whose first element is a SEQUENCE: signed ones (to-be-signed part, algorithm,
/// signature) and a few others.
fn signed(top: &Elements<'_>) -> Option<&'static str> {
    let first = top.get(0)?;
    let inner = Elements::of(first);
    if is_request_info(&inner) {
        return Some("a PKCS#10 certificate request");
    }
    if is_tbs_cert_list(&inner) {
        return Some("a CRL");
    }
    if is_tbs_request(&inner) && top.only(&[tag::SEQUENCE], &[CONTEXT_0]) {
        return Some("an OCSP request");
    }
    if is_algorithm(first) && top.len() == 2 {
        return match top.get(1)?.tag {
            tag::BIT_STRING => Some("a public key (SubjectPublicKeyInfo)"),
            tag::OCTET_STRING => Some("an encrypted private key (PKCS#8)"),
            _ => None,
        };
    }
    // An unsigned v1 tbsCertList starts with its signature AlgorithmIdentifier.
    if is_tbs_cert_list(top) {
        return Some("a CRL (unsigned)");
    }
    None
}

/// Structures whose first element is an INTEGER or `[0]`: a TBSCertificate's own shape, which
/// requests, CRLs and private keys share at their start.
fn unsigned(top: &Elements<'_>) -> Option<&'static str> {
    if is_request_info(top) {
        return Some("a PKCS#10 certificate request (unsigned)");
    }
    if is_tbs_cert_list(top) {
        return Some("a CRL (unsigned)");
    }
    let version = top.get(0).filter(|t| t.tag == tag::INTEGER)?.content;
    let second = top.get(1)?;
    // PrivateKeyInfo / OneAsymmetricKey (RFC 5958): version, algorithm, OCTET STRING key,
    // then only [0] attributes and [1] public key.
    if matches!(version, [0] | [1])
        && is_algorithm(second)
        && top.get(2).is_some_and(|t| t.tag == tag::OCTET_STRING)
        && top.rest_within(3, &[CONTEXT_0, 0x80, CONTEXT_1, 0x81])
    {
        return Some("a private key (PKCS#8)");
    }
    // ECPrivateKey (RFC 5915): version 1, OCTET STRING key, [0] parameters, [1] public key.
    if version == [1]
        && second.tag == tag::OCTET_STRING
        && top.rest_within(2, &[CONTEXT_0, CONTEXT_1])
    {
        return Some("a private key (SEC1)");
    }
    // PFX (RFC 7292): version 3, authSafe ContentInfo, optional MacData.
    if version == [3]
        && second.tag == tag::SEQUENCE
        && Elements::of(second).get(0).is_some_and(is_cms_type)
        && top.rest_within(2, &[tag::SEQUENCE])
    {
        return Some("a PKCS#12 file");
    }
    let integers = top.leading(tag::INTEGER);
    match (integers, top.len()) {
        // RSAPublicKey (RFC 8017): modulus, exponent.
        (2, 2) => Some("a public key (PKCS#1 RSA)"),
        // DSA private key (OpenSSL): version, p, q, g, y, x.
        (6, 6) if version == [0] => Some("a private key (DSA)"),
        // RSAPrivateKey (RFC 8017): version, n, e, d, p, q, dP, dQ, qInv, otherPrimeInfos.
        (9.., _) if matches!(version, [0] | [1]) && top.rest_within(9, &[tag::SEQUENCE]) => {
            Some("a private key (PKCS#1 RSA)")
        }
        _ => None,
    }
}

/// CertificationRequestInfo (RFC 2986): version 0, subject Name, SubjectPublicKeyInfo,
/// `[0]` attributes. Where a TBSCertificate has its signature algorithm and issuer, this has a
/// Name and a key.
fn is_request_info(e: &Elements<'_>) -> bool {
    e.get(0)
        .is_some_and(|t| t.tag == tag::INTEGER && t.content == [0])
        && e.get(1).is_some_and(is_name)
        && e.get(2).is_some_and(is_spki)
        && e.rest_within(3, &[CONTEXT_0])
}

/// TBSCertList (RFC 5280 5.1): optional version, signature algorithm, issuer Name, thisUpdate,
/// optional nextUpdate, optional revokedCertificates, optional `[0]` extensions. Where a
/// TBSCertificate has its validity SEQUENCE, this has a time.
fn is_tbs_cert_list(e: &Elements<'_>) -> bool {
    let mut i = usize::from(e.get(0).is_some_and(|t| t.tag == tag::INTEGER));
    if !(e.get(i).is_some_and(is_algorithm)
        && e.get(i + 1).is_some_and(is_name)
        && e.get(i + 2).is_some_and(is_time))
    {
        return false;
    }
    i += 3;
    if e.get(i).is_some_and(is_time) {
        i += 1;
    }
    if let Some(revoked) = e.get(i).filter(|t| t.tag == tag::SEQUENCE) {
        // Each entry: userCertificate INTEGER, revocationDate, optional extensions.
        let entry = Elements::of(revoked).get(0).map(Elements::of);
        let entry_ok = match entry {
            None => true,
            Some(entry) => entry.get(0).is_some_and(|t| t.tag == tag::INTEGER),
        };
        if !entry_ok {
            return false;
        }
        i += 1;
    }
    e.rest_within(i, &[CONTEXT_0])
}

/// TBSRequest (RFC 6960): optional `[0]` version, optional `[1]` requestorName, requestList of
/// Requests whose CertID is (hash algorithm, OCTET STRING, OCTET STRING, INTEGER).
fn is_tbs_request(e: &Elements<'_>) -> bool {
    let mut i = 0;
    for t in [CONTEXT_0, CONTEXT_1] {
        if e.get(i).is_some_and(|x| x.tag == t) {
            i += 1;
        }
    }
    let Some(list) = e.get(i).filter(|t| t.tag == tag::SEQUENCE) else {
        return false;
    };
    let request = Elements::of(list).get(0).copied();
    let cert_id = request
        .and_then(|r| Elements::of(&r).get(0).copied())
        .map(|id| Elements::of(&id));
    cert_id.is_some_and(|id| {
        id.get(0).is_some_and(is_algorithm)
            && id.only(
                &[
                    tag::SEQUENCE,
                    tag::OCTET_STRING,
                    tag::OCTET_STRING,
                    tag::INTEGER,
                ],
                &[],
            )
    }) && e.rest_within(i + 1, &[CONTEXT_2])
}

/// AlgorithmIdentifier: a SEQUENCE starting with an OBJECT IDENTIFIER.
fn is_algorithm(t: &Tlv<'_>) -> bool {
    t.tag == tag::SEQUENCE && t.content.first() == Some(&tag::OID)
}

/// Name: a SEQUENCE of SETs (possibly empty).
fn is_name(t: &Tlv<'_>) -> bool {
    t.tag == tag::SEQUENCE && matches!(t.content.first(), None | Some(&tag::SET))
}

/// SubjectPublicKeyInfo: AlgorithmIdentifier and a BIT STRING, nothing else.
fn is_spki(t: &Tlv<'_>) -> bool {
    t.tag == tag::SEQUENCE && {
        let e = Elements::of(t);
        e.get(0).is_some_and(is_algorithm) && e.only(&[tag::SEQUENCE, tag::BIT_STRING], &[])
    }
}

fn is_time(t: &Tlv<'_>) -> bool {
    matches!(t.tag, tag::UTC_TIME | tag::GENERALIZED_TIME)
}

fn is_cms_type(t: &Tlv<'_>) -> bool {
    t.tag == tag::OID && (t.content.starts_with(PKCS7_ARC) || t.content.starts_with(CMS_CT_ARC))
}

/// The first [`MAX_LOOK`] elements of a constructed value, and whether there are more (or a
/// malformed one) after them.
struct Elements<'a> {
    items: [Option<Tlv<'a>>; MAX_LOOK],
    len: usize,
    more: bool,
}

impl<'a> Elements<'a> {
    fn of(t: &Tlv<'a>) -> Elements<'a> {
        let mut e = Elements {
            items: [None; MAX_LOOK],
            len: 0,
            more: false,
        };
        for item in t.children() {
            match item {
                Ok(x) if e.len < MAX_LOOK => {
                    e.items[e.len] = Some(x);
                    e.len += 1;
                }
                _ => {
                    e.more = true;
                    break;
                }
            }
        }
        e
    }

    fn get(&self, i: usize) -> Option<&Tlv<'a>> {
        self.items.get(i).and_then(Option::as_ref)
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Exactly the tags `required`, then any of `optional` in order, each at most once.
    fn only(&self, required: &[u8], optional: &[u8]) -> bool {
        required.len() <= self.len
            && required
                .iter()
                .enumerate()
                .all(|(i, &t)| self.get(i).is_some_and(|x| x.tag == t))
            && self.rest_within(required.len(), optional)
    }

    /// From element `from` on, only tags of `allowed`, in that order, each at most once.
    fn rest_within(&self, from: usize, allowed: &[u8]) -> bool {
        if self.more {
            return false;
        }
        let mut allowed = allowed.iter();
        (from..self.len).all(|i| {
            let Some(t) = self.get(i) else { return false };
            allowed.by_ref().any(|&a| a == t.tag)
        })
    }

    /// How many elements from the start have tag `t`.
    fn leading(&self, t: u8) -> usize {
        (0..self.len)
            .take_while(|&i| self.get(i).is_some_and(|x| x.tag == t))
            .count()
    }
}
