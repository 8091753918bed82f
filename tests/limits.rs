//! Resource limits on hostile input: certificate size, nesting depth, base64 line length, and
//! PEM blocks per file (no limit: files are streamed). Each limit yields a clear finding or
//! input error and the stream goes on. The constant-memory run over 1 GB of random bytes is
//! `scripts/hostile-input.sh` (a measurement, not a unit test).

use smimelint::engine::Linter;
use smimelint::input::{frame, InputErrorKind, InputItem, Limits, DEFAULT_MAX_CERT_BYTES};
use smimelint::walk::{read_tlv, Walker, MAX_DEPTH};
use smimelint_factory::{pem, CertBuilder};
use std::io::Read;

fn cert() -> Vec<u8> {
    CertBuilder::subscriber("mailbox-strict").build()
}

fn kind(item: &InputItem) -> Option<InputErrorKind> {
    item.der.as_ref().err().map(|e| e.kind)
}

fn message(item: &InputItem) -> String {
    item.der
        .as_ref()
        .err()
        .map(|e| e.message.clone())
        .unwrap_or_default()
}

/// A certificate-shaped DER blob of `len` content bytes (an OCTET STRING inside a SEQUENCE).
fn big_der(len: usize) -> Vec<u8> {
    let inner = [
        &[0x04, 0x84][..],
        &(len as u32).to_be_bytes(),
        &vec![0u8; len],
    ]
    .concat();
    [
        &[0x30, 0x84][..],
        &(inner.len() as u32).to_be_bytes(),
        &inner,
    ]
    .concat()
}

#[test]
fn default_certificate_limit_is_one_mebibyte() {
    assert_eq!(Limits::default().max_cert_bytes, 1 << 20);
    assert_eq!(DEFAULT_MAX_CERT_BYTES, 1 << 20);
}

#[test]
fn pem_certificate_over_the_limit_is_reported_and_the_next_one_still_framed() {
    let huge = pem("CERTIFICATE", &big_der(DEFAULT_MAX_CERT_BYTES + 1));
    let good = pem("CERTIFICATE", &cert());
    let text = format!("{huge}{good}");
    let items: Vec<_> = frame("f", text.as_bytes(), Limits::default()).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
    assert!(
        message(&items[0]).contains("1048576"),
        "{}",
        message(&items[0])
    );
    assert_eq!(items[1].der.as_ref().ok(), Some(&cert()));
    // The linter turns the framing error into one fatal record.
    let record = Linter::default().lint_item(items.into_iter().next().unwrap());
    assert_eq!(record.findings.len(), 1);
    assert_eq!(record.findings[0].lint, "e_input_not_certificate");
}

#[test]
fn pem_certificate_at_the_limit_is_accepted() {
    let der = big_der(DEFAULT_MAX_CERT_BYTES - 12);
    assert_eq!(der.len(), DEFAULT_MAX_CERT_BYTES);
    let text = pem("CERTIFICATE", &der);
    let items: Vec<_> = frame("f", text.as_bytes(), Limits::default()).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].der.as_ref().map(Vec::len).ok(), Some(der.len()));
}

#[test]
fn der_stream_over_the_limit_is_reported() {
    let der = big_der(DEFAULT_MAX_CERT_BYTES + 1);
    let items: Vec<_> = frame("f", &der[..], Limits::default()).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
}

#[test]
fn base64_line_over_the_line_limit_is_reported_and_later_lines_framed() {
    use base64::Engine as _;
    let b64 = |d: &[u8]| base64::engine::general_purpose::STANDARD.encode(d);
    let limits = Limits {
        max_line_bytes: 4096,
        ..Limits::default()
    };
    let long = b64(&big_der(8000));
    let text = format!("{}\n{long}\n{}\n", b64(&cert()), b64(&cert()));
    let items: Vec<_> = frame("f", text.as_bytes(), limits).collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].der.is_ok());
    assert_eq!(kind(&items[1]), Some(InputErrorKind::TooLarge));
    assert!(
        message(&items[1]).contains("line 2"),
        "{}",
        message(&items[1])
    );
    assert!(items[2].der.is_ok());
}

#[test]
fn nesting_beyond_the_walker_limit_is_a_finding_not_a_stack_overflow() {
    // 100 000 levels of definite-length SEQUENCEs inside an extension-like blob.
    let depth = 100_000;
    let mut blob = Vec::new();
    for level in 0..depth {
        let remaining = depth - level - 1;
        let len = remaining * 6;
        blob.extend_from_slice(&[0x30, 0x84]);
        blob.extend_from_slice(&(len as u32).to_be_bytes());
    }
    let mut walker = Walker::new();
    walker.walk_single(&blob, 0, "test");
    let too_deep: Vec<_> = walker
        .violations
        .iter()
        .filter(|v| v.kind == smimelint::walk::ViolationKind::TooDeep)
        .collect();
    assert_eq!(too_deep.len(), 1, "reported once, at depth {MAX_DEPTH}");
    // Indefinite lengths need a recursive search for the end: bounded as well.
    let mut indefinite = [0x30, 0x80].repeat(depth);
    indefinite.extend(std::iter::repeat_n(0u8, 2 * depth));
    assert!(read_tlv(&indefinite, 0).is_err());
    // Linted as a certificate, both yield one record.
    let linter = Linter::default();
    for bytes in [&blob, &indefinite] {
        let r = linter.lint_der("deep".into(), bytes);
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }
}

#[test]
fn a_certificate_nested_too_deep_is_linted_with_the_depth_finding() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/malformed/nesting-too-deep.der"
    ))
    .expect("malformed sample");
    let r = Linter::default().lint_der("deep".into(), &bytes);
    assert!(r
        .findings
        .iter()
        .any(|f| f.lint == "e_der_nesting_too_deep"));
}

/// An endless stream of PEM certificates, generated as it is read.
struct EndlessPem {
    block: Vec<u8>,
    pos: usize,
    blocks_started: usize,
}

impl Read for EndlessPem {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            if self.pos == self.block.len() {
                self.pos = 0;
            }
            if self.pos == 0 {
                self.blocks_started += 1;
            }
            let k = (self.block.len() - self.pos).min(buf.len() - n);
            buf[n..n + k].copy_from_slice(&self.block[self.pos..self.pos + k]);
            self.pos += k;
            n += k;
        }
        Ok(n)
    }
}

#[test]
fn pem_blocks_per_file_are_unlimited_and_streamed() {
    let der = cert();
    let block = pem("CERTIFICATE", &der).into_bytes();
    let block_len = block.len();
    let mut reader = EndlessPem {
        block,
        pos: 0,
        blocks_started: 0,
    };
    // 20 000 blocks from a stream that never ends: the framer yields them one by one.
    let wanted = 20_000;
    let mut framer = frame("endless", &mut reader, Limits::default());
    for i in 0..wanted {
        let item = framer.next().expect("another block");
        assert_eq!(item.der.as_ref().ok(), Some(&der), "block {i}");
    }
    drop(framer);
    // It read only about what it returned (one 64 KiB buffer and one item of lookahead ahead).
    let read_ahead = reader.blocks_started - wanted;
    assert!(
        read_ahead * block_len <= 2 * 64 * 1024 + 2 * block_len,
        "read {read_ahead} blocks ahead"
    );
}
