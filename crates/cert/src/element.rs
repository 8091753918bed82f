//! Decoded elements as the lints see them: identifier and octets, without a reader.

use smimelint_der::walk::{Reader, Tlv};

/// One decoded element: its identifier octet, content and exact encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub raw: &'a [u8],
}

impl<'a> From<Tlv<'a>> for Element<'a> {
    fn from(t: Tlv<'a>) -> Self {
        Element {
            tag: t.tag,
            content: t.content,
            raw: t.raw,
        }
    }
}

/// Reads the single top-level element of an extension value, requiring identifier `tag`.
pub fn top_level<'a>(value: &'a [u8], base: usize, tag: u8, what: &str) -> Result<Tlv<'a>, String> {
    let mut r = Reader::new_at(value, base);
    r.expect(tag, what)
}

impl<'a> super::Extension<'a> {
    /// The value's element when the value is exactly one readable element.
    pub fn single_element(&self) -> Option<Element<'a>> {
        let mut r = Reader::new_at(self.value, self.value_offset);
        let t = r.read().ok()?;
        r.is_empty().then(|| t.into())
    }
}
