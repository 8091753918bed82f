//! PEM blocks: BEGIN/END markers, labels and the block body.

use std::io::{self, Read};

use crate::decode::{decode_cert, encoded_len_cap, is_base64_body, too_large};
use crate::item::{InputError, InputErrorKind, Unnamed};
use crate::reader::LineEnd;
use crate::stream::Core;

pub(crate) const BEGIN_MARKER: &[u8] = b"-----BEGIN ";
const END_MARKER: &[u8] = b"-----END ";

/// Longest PEM label kept; longer ones are cut.
const MAX_LABEL_CHARS: usize = 100;

/// PEM labels whose body is a certificate (or a certificate-like structure).
const CERT_LABELS: &[&str] = &[
    "CERTIFICATE",
    "X509 CERTIFICATE",
    "TRUSTED CERTIFICATE",
    "TBS CERTIFICATE",
    "PRECERTIFICATE",
];

/// PEM labels of the other documents smimelint lints: CRLs and OCSP responses. They may be far
/// larger than a certificate and have their own size limit.
const DOCUMENT_LABELS: &[&str] = &["X509 CRL", "CRL", "OCSP RESPONSE"];

/// What the body of a PEM block with a non-certificate label is, for the finding's message.
/// The body itself is never decoded: it may be a private key.
fn label_kind(label: &str) -> Option<&'static str> {
    Some(match label {
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => "a PKCS#10 certificate request",
        "PRIVATE KEY" => "a private key (PKCS#8)",
        "ENCRYPTED PRIVATE KEY" => "an encrypted private key (PKCS#8)",
        "RSA PRIVATE KEY" => "a private key (PKCS#1 RSA)",
        "EC PRIVATE KEY" => "a private key (SEC1)",
        "DSA PRIVATE KEY" => "a private key (DSA)",
        "OPENSSH PRIVATE KEY" => "a private key (OpenSSH)",
        "PUBLIC KEY" => "a public key (SubjectPublicKeyInfo)",
        "RSA PUBLIC KEY" => "a public key (PKCS#1 RSA)",
        "PKCS7" | "CMS" => "a CMS/PKCS#7 message",
        "ATTRIBUTE CERTIFICATE" => "an attribute certificate",
        "EC PARAMETERS" | "DH PARAMETERS" | "X9.42 DH PARAMETERS" => "key parameters",
        _ => return None,
    })
}

impl<R: Read> Core<R> {
    /// Read one PEM block whose BEGIN line (number `start`) was just read.
    pub(crate) fn pem_block(&mut self, label: String, start: usize) -> io::Result<Unnamed> {
        let what = format!("PEM block '{label}' (line {start})");
        let is_document = DOCUMENT_LABELS.contains(&label.as_str());
        let is_cert = is_document || CERT_LABELS.contains(&label.as_str());
        let (max_bytes, kind) = if is_document {
            (self.limits.max_document_bytes, "CRL or OCSP response")
        } else {
            (self.limits.max_cert_bytes, "certificate")
        };
        let cap = encoded_len_cap(max_bytes);
        // Most certificates' base64 fits here: no regrowing line by line.
        let mut body = Vec::with_capacity(if is_cert { 4096.min(cap) } else { 0 });
        // The first problem found in the body; the rest of it is then skipped.
        let mut problem: Option<InputError> = None;
        loop {
            let end = self.read_line()?;
            if end == LineEnd::Eof {
                let message = format!("{what} has no END line");
                return Ok(pem_error(&label, InputErrorKind::TruncatedPem, message));
            }
            let text = self.line.trim_ascii();
            // The common line: nothing but base64 characters (so neither a marker, a header
            // nor whitespace), checked in one pass.
            if is_cert && problem.is_none() && end == LineEnd::Full && is_base64_body(text) {
                body.extend_from_slice(text);
                if body.len() > cap {
                    problem = Some(too_large(&what, kind, max_bytes));
                    body = Vec::new();
                }
                continue;
            }
            if let Some(next) = marker_label(text, BEGIN_MARKER) {
                let n = self.line_no;
                self.carried_begin = Some((next, n));
                let message = format!("{what} has no END line before the BEGIN line {n}");
                return Ok(pem_error(&label, InputErrorKind::TruncatedPem, message));
            }
            if let Some(end_label) = marker_label(text, END_MARKER) {
                return Ok(
                    self.finish_pem_block(&label, &end_label, &what, &body, problem, max_bytes)
                );
            }
            if !is_cert || problem.is_some() {
                continue; // skip without buffering
            }
            let over_limit = || too_large(&what, kind, max_bytes);
            if text.contains(&b':') {
                let message = format!(
                    "{what} has a header line (line {}); PEM headers are not supported in certificates",
                    self.line_no
                );
                problem = Some(InputError::new(InputErrorKind::BadBase64, message));
            } else if end == LineEnd::TooLong {
                problem = Some(over_limit());
            } else {
                // Whitespace inside a line is rare: copy the line whole unless it has some
                // (a byte-by-byte filtered copy was a third of the cost of framing).
                if text.iter().any(u8::is_ascii_whitespace) {
                    body.extend(text.iter().filter(|b| !b.is_ascii_whitespace()));
                } else {
                    body.extend_from_slice(text);
                }
                if body.len() > cap {
                    problem = Some(over_limit());
                }
            }
            if problem.is_some() {
                body = Vec::new(); // free it now: the block may go on for long
            }
        }
    }

    fn finish_pem_block(
        &self,
        label: &str,
        end_label: &str,
        what: &str,
        body: &[u8],
        problem: Option<InputError>,
        max_bytes: usize,
    ) -> Unnamed {
        let der = if end_label != label {
            Err(InputError::new(
                InputErrorKind::TruncatedPem,
                format!(
                    "{what} ends with a mismatched END line for '{end_label}' (line {})",
                    self.line_no
                ),
            ))
        } else if !CERT_LABELS.contains(&label) && !DOCUMENT_LABELS.contains(&label) {
            Err(InputError::new(
                InputErrorKind::NotCertificateLabel,
                match label_kind(label) {
                    Some(kind) => format!("{what} is {kind}, not a certificate"),
                    None => format!("{what} is not a certificate"),
                },
            ))
        } else if let Some(problem) = problem {
            Err(problem)
        } else if body.is_empty() {
            Err(InputError::new(
                InputErrorKind::BadBase64,
                format!("{what} has an empty body"),
            ))
        } else {
            decode_cert(body, max_bytes).map_err(|e| e.describe(what))
        };
        Unnamed::pem(label, der)
    }
}

fn pem_error(label: &str, kind: InputErrorKind, message: String) -> Unnamed {
    Unnamed::pem(label, Err(InputError::new(kind, message)))
}

/// The label of a `-----BEGIN LABEL-----` or `-----END LABEL-----` line.
/// Lenient about the closing dashes; the line is already trimmed.
pub(crate) fn marker_label(text: &[u8], marker: &[u8]) -> Option<String> {
    let rest = text.strip_prefix(marker)?;
    let end = rest.iter().rposition(|&b| b != b'-').map_or(0, |i| i + 1);
    let label = String::from_utf8_lossy(&rest[..end]);
    let label = label.trim();
    // A junk "label" can be megabytes long; keep messages readable.
    Some(match label.char_indices().nth(MAX_LABEL_CHARS) {
        Some((cut, _)) => format!("{}...", &label[..cut]),
        None => label.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{frame, Encoding, Limits};

    #[test]
    fn single_pem() {
        let der = fake_cert(600, 1);
        let items = frame_all(pem("CERTIFICATE", &der).as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(items[0].encoding, Some(Encoding::Pem));
        assert_eq!(items[0].pem_label.as_deref(), Some("CERTIFICATE"));
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn three_pem_blocks_with_surrounding_text() {
        let certs: Vec<Vec<u8>> = (1..=3).map(|i| fake_cert(300 * i, i as u64)).collect();
        let mut text = String::from("Bag Attributes\n  friendlyName: foo\nsubject=/CN=x\n");
        for (i, der) in certs.iter().enumerate() {
            text.push_str(&pem("CERTIFICATE", der));
            text.push_str(&format!("some text after cert {i}\n\n"));
        }
        let items = frame_all(text.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2", "t#3"]);
        for (item, der) in items.iter().zip(&certs) {
            assert_eq!(item.der.as_ref().unwrap(), der);
        }
    }

    #[test]
    fn crlf_line_endings() {
        let der = fake_cert(500, 2);
        let text = pem("CERTIFICATE", &der).replace('\n', "\r\n");
        let items = frame_all(format!("junk\r\n{text}{text}").as_bytes());
        assert_eq!(items.len(), 2);
        for item in &items {
            assert_eq!(item.der.as_ref().unwrap(), &der);
        }
    }

    #[test]
    fn other_certificate_labels() {
        let der = fake_cert(400, 3);
        for label in [
            "TBS CERTIFICATE",
            "X509 CERTIFICATE",
            "TRUSTED CERTIFICATE",
            "PRECERTIFICATE",
        ] {
            let items = frame_all(pem(label, &der).as_bytes());
            assert_eq!(items.len(), 1);
            assert_eq!(items[0].pem_label.as_deref(), Some(label));
            assert_eq!(items[0].der.as_ref().unwrap(), &der);
        }
    }

    #[test]
    fn private_key_between_two_certs() {
        let der = fake_cert(400, 4);
        let text = format!(
            "{}{}{}",
            pem("CERTIFICATE", &der),
            pem("PRIVATE KEY", &[1, 2, 3]),
            pem("CERTIFICATE", &der)
        );
        let items = frame_all(text.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2", "t#3"]);
        assert!(items[0].der.is_ok() && items[2].der.is_ok());
        assert_eq!(kind(&items[1]), Some(InputErrorKind::NotCertificateLabel));
        assert_eq!(items[1].pem_label.as_deref(), Some("PRIVATE KEY"));
        assert!(items[1]
            .der
            .as_ref()
            .unwrap_err()
            .message
            .contains("'PRIVATE KEY'"));
    }

    /// CRLs and OCSP responses are documents the engine lints: framed like certificates.
    #[test]
    fn crl_and_ocsp_labels_are_framed() {
        for label in ["X509 CRL", "CRL", "OCSP RESPONSE"] {
            let items = frame_all(pem(label, b"\x30\x03\x02\x01\x00").as_bytes());
            assert_eq!(items.len(), 1);
            assert_eq!(
                items[0].der.as_deref().ok(),
                Some(&b"\x30\x03\x02\x01\x00"[..])
            );
            assert_eq!(items[0].pem_label.as_deref(), Some(label));
        }
    }

    #[test]
    fn non_certificate_labels_name_the_kind() {
        for (label, kind_name) in [
            ("CERTIFICATE REQUEST", "a PKCS#10 certificate request"),
            ("PRIVATE KEY", "a private key (PKCS#8)"),
            ("EC PRIVATE KEY", "a private key (SEC1)"),
            ("RSA PRIVATE KEY", "a private key (PKCS#1 RSA)"),
            ("PKCS7", "a CMS/PKCS#7 message"),
        ] {
            let items = frame_all(pem(label, b"\x30\x03\x02\x01\x00").as_bytes());
            assert_eq!(items.len(), 1);
            assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificateLabel));
            let message = &items[0].der.as_ref().unwrap_err().message;
            assert!(
                message.ends_with(&format!("is {kind_name}, not a certificate")),
                "{label}: {message}"
            );
        }
        let items = frame_all(pem("SOMETHING ELSE", b"\x30\x00").as_bytes());
        let message = &items[0].der.as_ref().unwrap_err().message;
        assert!(message.ends_with("'SOMETHING ELSE' (line 1) is not a certificate"));
    }

    #[test]
    fn truncated_pem_at_eof() {
        let der = fake_cert(400, 5);
        let text = pem("CERTIFICATE", &der);
        let cut = &text[..text.find("-----END").unwrap()];
        let items = frame_all(cut.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TruncatedPem));
        let message = &items[0].der.as_ref().unwrap_err().message;
        assert!(
            message.contains("'CERTIFICATE'") && message.contains("no END line"),
            "{message}"
        );
    }

    #[test]
    fn truncated_pem_followed_by_begin() {
        let der = fake_cert(400, 6);
        let text = pem("CERTIFICATE", &der);
        let cut = &text[..text.find("-----END").unwrap()];
        let items = frame_all(format!("{cut}{text}").as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2"]);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TruncatedPem));
        assert_eq!(items[1].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn mismatched_end_label() {
        let der = fake_cert(400, 7);
        let text = pem("CERTIFICATE", &der).replace("END CERTIFICATE", "END X509 CRL");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TruncatedPem));
        assert!(items[0]
            .der
            .as_ref()
            .unwrap_err()
            .message
            .contains("'X509 CRL'"));
    }

    #[test]
    fn bad_base64_in_pem_body() {
        let der = fake_cert(400, 8);
        let mut text = pem("CERTIFICATE", &der);
        let body_start = text.find('\n').unwrap() + 5;
        text.replace_range(body_start..body_start + 1, "%");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::BadBase64));

        let with_header = pem("CERTIFICATE", &der).replacen('\n', "\nProc-Type: 4,ENCRYPTED\n", 1);
        let items = frame_all(with_header.as_bytes());
        assert_eq!(kind(&items[0]), Some(InputErrorKind::BadBase64));

        let empty = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n";
        assert_eq!(
            kind(&frame_all(empty.as_bytes())[0]),
            Some(InputErrorKind::BadBase64)
        );
    }

    #[test]
    fn pem_body_over_the_limit() {
        let der = fake_cert(3000, 9);
        let limits = Limits {
            max_cert_bytes: 1000,
            ..Limits::default()
        };
        let text = format!(
            "{}{}",
            pem("CERTIFICATE", &der),
            pem("CERTIFICATE", &der[..400])
        );
        let items: Vec<_> = frame("t", text.as_bytes(), limits).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
        assert!(items[1].der.is_ok());
    }

    #[test]
    fn pem_after_100k_of_text() {
        let der = fake_cert(700, 30);
        let mut text = "lorem ipsum dolor sit amet\n".repeat(100 * 1024 / 27);
        text.push_str(&pem("CERTIFICATE", &der));
        text.push_str("trailer\n");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn absurd_labels_are_cut() {
        let label = "X".repeat(5000);
        let text = format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----\n");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificateLabel));
        assert_eq!(
            items[0].pem_label.as_ref().unwrap().len(),
            MAX_LABEL_CHARS + 3
        );
    }
}
