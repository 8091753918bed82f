//! AlgorithmIdentifier (RFC 5280 §4.1.1.2), read leniently from its encoding.

use super::Element;
use smimelint_der::walk::{tag, Reader};

/// The parts of an AlgorithmIdentifier.
#[derive(Clone, Copy, Debug)]
pub struct AlgorithmIdentifier<'a> {
    /// Content octets of the algorithm OID.
    pub oid: &'a [u8],
    pub params: Option<Element<'a>>,
    /// Anything after the parameters (AlgorithmIdentifier has two fields).
    pub extra: bool,
}

impl<'a> AlgorithmIdentifier<'a> {
    /// Reads the AlgorithmIdentifier encoded at the start of `der`; None unless it is a
    /// SEQUENCE starting with an OID.
    pub fn parse(der: &'a [u8]) -> Option<Self> {
        let t = Reader::new(der).read().ok()?;
        if t.tag != tag::SEQUENCE {
            return None;
        }
        let mut r = t.children();
        let oid = r.read_if(tag::OID)?.content;
        let params = if r.is_empty() {
            None
        } else {
            r.read().ok().map(Element::from)
        };
        Some(AlgorithmIdentifier {
            oid,
            params,
            extra: !r.is_empty(),
        })
    }
}

/// The OID content octets opening the constructed element encoded at the start of `der`,
/// whatever that element's tag.
pub fn leading_oid(der: &[u8]) -> Option<&[u8]> {
    Reader::new(der)
        .read()
        .ok()?
        .children()
        .read_if(tag::OID)
        .map(|o| o.content)
}
