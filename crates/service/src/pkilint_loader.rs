//! What pkilint's REST server refuses before linting (422 "Invalid PEM text specified" /
//! "Invalid Base-64 encoding specified"): its decoding of the request text, and its strict DER
//! decoding of the certificate structure.
//!
//! pkilint decodes the certificate with a strict DER decoder, except for the parts it decodes
//! later and reports as findings: extension values (the contents of `extnValue`), attribute
//! values in names, and algorithm parameters. A DER violation anywhere else makes the whole
//! document unreadable to it.

use smimelint_cert::ext::Ext;
use smimelint_cert::Cert;
use smimelint_der::walk::{Reader, ViolationKind};
use smimelint_engine::detect::{detect, CertType, DetectOptions, PolicyMap, TypeSource};

/// Python's `base64.b64decode(text)` without `validate`: characters outside the alphabet are
/// skipped, decoding stops once padding completes a quantum. `None` where Python raises
/// (non-ASCII text, leftover bits).
pub fn python_b64decode(text: &str) -> Option<Vec<u8>> {
    if !text.is_ascii() {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut quad, mut left, mut pads) = (0u32, 0u32, 0u32);
    for &c in text.as_bytes() {
        if c == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let Some(v) = value(c) else { continue };
        pads = 0;
        match quad {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => out.push(((left << 6) | v) as u8),
        }
        quad = (quad + 1) % 4;
    }
    (quad == 0).then_some(out)
}

/// Python's `\s` for str patterns: Unicode whitespace and the separators \x1c–\x1f.
fn python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The base64 text between pkilint's PEM armour lines:
/// `^\s*-----BEGIN CERTIFICATE-----(.+)-----END CERTIFICATE-----\s*$` (dot matches newlines,
/// greedy, so up to the last END line followed only by whitespace).
#[cfg(test)]
fn pem_body(pem: &str) -> Option<&str> {
    labelled_pem_body(pem, "CERTIFICATE")
}

/// [`pem_body`] for another label (`X509 CRL`, `OCSP RESPONSE`).
pub fn labelled_pem_body<'p>(pem: &'p str, label: &str) -> Option<&'p str> {
    let begin = format!("-----BEGIN {label}-----");
    let end_line = format!("-----END {label}-----");
    let rest = pem
        .trim_start_matches(python_space)
        .strip_prefix(begin.as_str())?;
    let end = rest.rfind(end_line.as_str())?;
    let (body, tail) = (&rest[..end], &rest[end + end_line.len()..]);
    (!body.is_empty() && tail.chars().all(python_space)).then_some(body)
}

/// The certificate type pkilint determines: the first reserved policy OID (SBR 7.1.6.1) of
/// the certificatePolicies extension, taken in pkilint's order of types.
pub fn reserved_type(der: &[u8], order: &[CertType]) -> Option<CertType> {
    std::panic::catch_unwind(|| {
        let cert = Cert::parse(der).ok()?;
        let Ext::Present(_, policies) = cert.policies() else {
            return None;
        };
        order
            .iter()
            .copied()
            .find(|t| policies.iter().any(|p| p.oid == t.policy_oid_bytes()))
    })
    .ok()
    .flatten()
}

/// The type a policy map gives a subscriber certificate.
pub fn mapped_type(der: &[u8], map: &PolicyMap) -> Option<CertType> {
    std::panic::catch_unwind(|| {
        let cert = Cert::parse(der).ok()?;
        let opts = DetectOptions {
            override_type: None,
            policy_map: Some(map),
            guess: false,
            self_signatures: None,
        };
        let profile = detect(&cert, &opts);
        (profile.source == Some(TypeSource::Map))
            .then_some(profile.cert_type)
            .flatten()
    })
    .ok()
    .flatten()
}

/// Whether pkilint's strict decoding of the certificate structure fails on `der`.
pub fn structure_refused(der: &[u8]) -> bool {
    if der.first() != Some(&0x30) {
        return true;
    }
    // The parser is fuzzed, but a request must never take the service down.
    std::panic::catch_unwind(|| match Cert::parse(der) {
        Ok(cert) => refuses(&cert),
        Err(_) => true,
    })
    .unwrap_or(true)
}

fn within(offset: usize, start: usize, len: usize) -> bool {
    offset >= start && offset < start + len
}

fn refuses(cert: &Cert<'_>) -> bool {
    let in_tlv = |t: &Option<smimelint_der::walk::Tlv<'_>>, offset: usize| {
        t.is_some_and(|t| within(offset, t.offset, t.raw.len()))
    };
    let in_extension_value = |offset: usize| {
        cert.extensions
            .iter()
            .any(|e| within(offset, e.value_offset, e.value.len()))
    };
    let deferred = |kind: ViolationKind, offset: usize| {
        in_extension_value(offset)
            // Times are decoded leniently and judged by pkilint's validators.
            || kind == ViolationKind::InvalidTime
            // Attribute values (strings) are decoded by pkilint's NameDecodingValidator.
            || (kind == ViolationKind::InvalidString
                && (in_tlv(&cert.issuer, offset) || in_tlv(&cert.subject, offset)))
            // Algorithm parameters are an ANY, decoded later.
            || (kind == ViolationKind::NonEmptyNull
                && (in_tlv(&cert.tbs_signature, offset)
                    || in_tlv(&cert.signature_algorithm, offset)
                    || in_tlv(&cert.spki, offset)))
    };
    if cert.violations.iter().any(|v| !deferred(v.kind, v.offset)) {
        return true;
    }
    // Field contents pkilint reads leniently (times, the version value) or later (extension
    // values) are findings there; a wrong field type is not.
    let field_refused = cert.field_errors.iter().any(|f| {
        let in_value = f.range.is_some_and(|(start, _)| in_extension_value(start));
        let lenient = f.message.contains("malformed ASN.1 DER value");
        let extension_content = f.field.starts_with("tbsCertificate.extensions[")
            && !f.message.starts_with("extnValue:");
        !(in_value || lenient || extension_content)
    });
    field_refused
        || !cert.empty_collections.is_empty()
        || default_encoded(cert)
        || [&cert.issuer, &cert.subject]
            .into_iter()
            .flatten()
            .any(|name| has_empty_rdn(name.content))
}

/// DER forbids encoding a DEFAULT value: version v1 and `critical FALSE`.
fn default_encoded(cert: &Cert<'_>) -> bool {
    let v1 = cert.version.is_some_and(|v| {
        let mut r = Reader::new(v.content);
        r.read().is_ok_and(|i| i.content == [0])
    });
    let critical_false = cert.extensions.iter().any(|e| {
        let mut r = Reader::new(e.raw.content);
        let _oid = r.read();
        r.read().is_ok_and(|b| b.tag == 0x01 && b.content == [0])
    });
    v1 || critical_false
}

/// A RelativeDistinguishedName is SET SIZE (1..MAX).
fn has_empty_rdn(name: &[u8]) -> bool {
    Reader::new(name).any(|rdn| rdn.is_ok_and(|rdn| rdn.content.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_python_decodes_it() {
        // Expected values: CPython 3.11 base64.b64decode.
        assert_eq!(python_b64decode("QUJD").unwrap(), b"ABC");
        assert_eq!(python_b64decode("QQ==QUJD").unwrap(), b"A");
        assert_eq!(python_b64decode("QU JD\n!").unwrap(), b"ABC");
        assert_eq!(python_b64decode("QUI=").unwrap(), b"AB");
        assert!(python_b64decode("QUJ").is_none());
        assert!(python_b64decode("Q").is_none());
        assert!(python_b64decode("QUJDé").is_none());
    }

    #[test]
    fn pem_armour_as_pkilints_pattern() {
        let one = "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n";
        assert_eq!(pem_body(one), Some("\nQUJD\n"));
        assert_eq!(pem_body(&format!("  \n{one}  \n")), Some("\nQUJD\n"));
        assert!(pem_body(&format!("junk\n{one}")).is_none());
        assert!(pem_body(&format!("{one}junk")).is_none());
        assert!(pem_body("-----BEGIN CERTIFICATE----------END CERTIFICATE-----").is_none());
        let two = format!("{one}{one}");
        assert_eq!(
            pem_body(&two),
            Some("\nQUJD\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nQUJD\n")
        );
    }
}
