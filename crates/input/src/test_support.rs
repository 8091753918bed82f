//! Shared helpers for the unit tests: a seeded PRNG, fake certificates, PEM text and
//! temporary directories.

use std::fs;
use std::path::PathBuf;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::{frame, InputErrorKind, InputItem, Limits};

/// Deterministic xorshift64 PRNG, so tests need no extra crates.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// A certificate-shaped DER blob: SEQUENCE { OCTET STRING (n random bytes) }.
pub(crate) fn fake_cert(n: usize, seed: u64) -> Vec<u8> {
    assert!((256..60_000).contains(&n));
    let content = Rng(seed | 1).bytes(n);
    let mut inner = vec![0x04, 0x82, (n >> 8) as u8, n as u8];
    inner.extend(content);
    let m = inner.len();
    let mut der = vec![0x30, 0x82, (m >> 8) as u8, m as u8];
    der.extend(inner);
    der
}

pub(crate) fn pem(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

pub(crate) fn frame_all(input: &[u8]) -> Vec<InputItem> {
    frame("t", input, Limits::default()).collect()
}

pub(crate) fn kind(item: &InputItem) -> Option<InputErrorKind> {
    item.der.as_ref().err().map(|e| e.kind)
}

pub(crate) fn names(items: &[InputItem]) -> Vec<&str> {
    items.iter().map(|i| i.name.as_str()).collect()
}

/// A fresh directory under the system temp dir, removed on drop.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    pub(crate) fn new(tag: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!(
            "smimelint-input-{tag}-{}-{nanos}",
            std::process::id()
        ));
        fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
