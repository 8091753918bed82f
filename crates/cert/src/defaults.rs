//! Fields encoded although they equal their DEFAULT (X.690 11.5 forbids that in DER).

use super::Cert;
use smimelint_der::walk::{tag, Reader, Tlv};

/// One field spelled out with its DEFAULT value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodedDefault {
    /// `version` v1.
    VersionV1,
    /// `critical` FALSE of the extension at this index of [`Cert::extensions`].
    CriticalFalse(usize),
    /// basicConstraints `cA` FALSE, by extension index.
    CaFalse(usize),
    /// A nameConstraints GeneralSubtree `minimum` 0, by extension index.
    SubtreeMinimumZero(usize),
}

/// An encoded BOOLEAN FALSE, the DEFAULT of every BOOLEAN field X.509 has.
fn is_false(t: &Tlv<'_>) -> bool {
    t.tag == tag::BOOLEAN && t.content == [0x00]
}

impl Cert<'_> {
    /// Every field encoded with its DEFAULT value, in certificate order.
    pub fn encoded_defaults(&self) -> Vec<EncodedDefault> {
        let mut found = Vec::new();
        if let Some(v) = self.version {
            if Reader::new(v.content)
                .read_if(tag::INTEGER)
                .is_some_and(|i| i.content == [0x00])
            {
                found.push(EncodedDefault::VersionV1);
            }
        }
        for (i, e) in self.extensions.iter().enumerate() {
            let mut r = e.raw.children();
            let _ = r.read_if(tag::OID);
            if r.read_if(tag::BOOLEAN).is_some_and(|b| b.content == [0x00]) {
                found.push(EncodedDefault::CriticalFalse(i));
            }
            if e.is(&super::oid::BASIC_CONSTRAINTS) {
                let ca = Reader::new(e.value)
                    .read_if(tag::SEQUENCE)
                    .and_then(|seq| seq.children().read().ok());
                if ca.is_some_and(|t| is_false(&t)) {
                    found.push(EncodedDefault::CaFalse(i));
                }
            }
            if e.is(&super::oid::NAME_CONSTRAINTS) {
                let Some(nc) = Reader::new(e.value).read_if(tag::SEQUENCE) else {
                    continue;
                };
                let minimum_zero = nc
                    .children()
                    .flatten()
                    .flat_map(|subtrees| subtrees.children().flatten())
                    .any(|subtree| {
                        subtree
                            .children()
                            .flatten()
                            .any(|f| f.tag == 0x80 && f.content == [0x00])
                    });
                if minimum_zero {
                    found.push(EncodedDefault::SubtreeMinimumZero(i));
                }
            }
        }
        found
    }
}
