//! Fields of a response encoded although they equal their DEFAULT (X.690 11.5).

use super::Ocsp;
use smimelint_cert::Extension;
use smimelint_der::walk::{tag, Reader};

/// One field spelled out with its DEFAULT value.
#[derive(Clone, Copy, Debug)]
pub enum OcspDefault<'r, 'a> {
    /// ResponseData `version` v1.
    VersionV1,
    /// `critical` FALSE of a responseExtension (`single` None) or of a singleExtension of
    /// `responses[single]`.
    CriticalFalse {
        single: Option<usize>,
        extension: &'r Extension<'a>,
    },
}

use crate::critical_false;

impl<'a> Ocsp<'a> {
    /// Every field encoded with its DEFAULT value, in document order.
    pub fn encoded_defaults(&self) -> Vec<OcspDefault<'_, 'a>> {
        let mut found = Vec::new();
        if let Some(v) = self.version {
            if Reader::new(v.content)
                .read_if(tag::INTEGER)
                .is_some_and(|i| i.content == [0x00])
            {
                found.push(OcspDefault::VersionV1);
            }
        }
        for s in &self.responses {
            for extension in s.extensions.iter().filter(|e| critical_false(e)) {
                found.push(OcspDefault::CriticalFalse {
                    single: Some(s.index),
                    extension,
                });
            }
        }
        for extension in self.extensions.iter().filter(|e| critical_false(e)) {
            found.push(OcspDefault::CriticalFalse {
                single: None,
                extension,
            });
        }
        found
    }
}
