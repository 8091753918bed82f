//! A SHA-2 digest computed while bytes stream past, for signatures over data no longer held.

use sha2::{Digest, Sha256, Sha384, Sha512};
use smimelint_cert::verify::Hash;

/// A running SHA-256, SHA-384 or SHA-512.
#[derive(Clone)]
pub enum Running {
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl Running {
    pub fn new(hash: Hash) -> Running {
        match hash {
            Hash::Sha256 => Running::Sha256(Sha256::new()),
            Hash::Sha384 => Running::Sha384(Sha384::new()),
            Hash::Sha512 => Running::Sha512(Sha512::new()),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        match self {
            Running::Sha256(h) => h.update(bytes),
            Running::Sha384(h) => h.update(bytes),
            Running::Sha512(h) => h.update(bytes),
        }
    }

    pub fn finish(self) -> (Hash, Vec<u8>) {
        match self {
            Running::Sha256(h) => (Hash::Sha256, h.finalize().to_vec()),
            Running::Sha384(h) => (Hash::Sha384, h.finalize().to_vec()),
            Running::Sha512(h) => (Hash::Sha512, h.finalize().to_vec()),
        }
    }
}
