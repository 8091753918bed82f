//! Test certificates of the name constraints rules, shared by several lints.

use crate::prelude::*;
use smimelint_factory::{der, CertBuilder, KeyAlg};

pub(crate) fn constrained(bases: &[Vec<u8>]) -> Vec<u8> {
    let subtrees: Vec<Vec<u8>> = bases
        .iter()
        .map(|b| der::seq(std::slice::from_ref(b)))
        .collect();
    CertBuilder::sub_ca(KeyAlg::Rsa2048)
        .ext(
            &oid::NAME_CONSTRAINTS,
            true,
            // permittedSubtrees [0] IMPLICIT GeneralSubtrees.
            der::seq(&[der::tlv(0xa0, &subtrees.concat())]),
        )
        .build()
}

pub(crate) fn nc_value(permitted: Option<Vec<Vec<u8>>>, excluded: Option<Vec<Vec<u8>>>) -> Vec<u8> {
    let mut items = Vec::new();
    if let Some(p) = permitted {
        items.push(der::tlv(0xa0, &p.concat()));
    }
    if let Some(e) = excluded {
        items.push(der::tlv(0xa1, &e.concat()));
    }
    der::seq(&items)
}

pub(crate) fn with_nc(value: Vec<u8>) -> Vec<u8> {
    CertBuilder::sub_ca(KeyAlg::Rsa2048)
        .ext(&oid::NAME_CONSTRAINTS, true, value)
        .build()
}

pub(crate) fn subtree(base: Vec<u8>) -> Vec<u8> {
    der::seq(&[base])
}
