//! Zero-copy, lenient DER walker.
//!
//! [`read_tlv`] decodes one tag-length-value header and never rejects what a lenient BER reader
//! could still understand (non-minimal lengths, indefinite lengths): it reports the deviation as
//! an [`Anomaly`] and goes on. [`Walker`] walks a whole tree and records every X.690 DER violation
//! it meets as a [`Violation`] with its offset, so the linter can report encoding defects that
//! strict decoders refuse outright, and still reach the fields behind them.

use std::fmt;

/// Deepest nesting the walker follows; deeper input is reported, not recursed into.
pub const MAX_DEPTH: usize = 64;

/// One decoded TLV. `raw` is the exact input bytes (header, content and any end-of-contents).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// Identifier octet. For high tag numbers (≥ 31) this is the first octet (`..11111`).
    pub tag: u8,
    /// Tag number (equal to `tag & 0x1f` below 31).
    pub number: u32,
    /// Offset of the first header byte from the start of the walked buffer.
    pub offset: usize,
    pub content: &'a [u8],
    pub raw: &'a [u8],
}

impl fmt::Debug for Tlv<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Tlv({} at {}, {} bytes)",
            tag_name(self.tag),
            self.offset,
            self.content.len()
        )
    }
}

impl<'a> Tlv<'a> {
    pub fn is_constructed(&self) -> bool {
        self.tag & 0x20 != 0
    }
    pub fn class(&self) -> u8 {
        self.tag >> 6
    }
    /// Context-specific tag `[n]`, primitive or constructed.
    pub fn is_context(&self, n: u32) -> bool {
        self.class() == 2 && self.number == n
    }
    /// A reader over the content of this TLV.
    pub fn children(&self) -> Reader<'a> {
        Reader::new_at(
            self.content,
            self.offset + (self.raw.len() - self.content.len()),
        )
    }
}

/// Universal tag numbers.
pub mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const ENUMERATED: u8 = 0x0a;
    pub const UTF8_STRING: u8 = 0x0c;
    pub const NUMERIC_STRING: u8 = 0x12;
    pub const PRINTABLE_STRING: u8 = 0x13;
    pub const TELETEX_STRING: u8 = 0x14;
    pub const VIDEOTEX_STRING: u8 = 0x15;
    pub const IA5_STRING: u8 = 0x16;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const GRAPHIC_STRING: u8 = 0x19;
    pub const VISIBLE_STRING: u8 = 0x1a;
    pub const GENERAL_STRING: u8 = 0x1b;
    pub const UNIVERSAL_STRING: u8 = 0x1c;
    pub const BMP_STRING: u8 = 0x1e;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
}

/// Readable name of an identifier octet, for messages.
pub fn tag_name(t: u8) -> String {
    let name = match t {
        0x01 => "BOOLEAN",
        0x02 => "INTEGER",
        0x03 => "BIT STRING",
        0x04 => "OCTET STRING",
        0x05 => "NULL",
        0x06 => "OBJECT IDENTIFIER",
        0x0a => "ENUMERATED",
        0x0c => "UTF8String",
        0x12 => "NumericString",
        0x13 => "PrintableString",
        0x14 => "TeletexString",
        0x15 => "VideotexString",
        0x16 => "IA5String",
        0x17 => "UTCTime",
        0x18 => "GeneralizedTime",
        0x19 => "GraphicString",
        0x1a => "VisibleString",
        0x1b => "GeneralString",
        0x1c => "UniversalString",
        0x1e => "BMPString",
        0x30 => "SEQUENCE",
        0x31 => "SET",
        _ => {
            let class = ["UNIVERSAL ", "APPLICATION ", "", "PRIVATE "][usize::from(t >> 6)];
            let form = if t & 0x20 != 0 { " (constructed)" } else { "" };
            return format!("[{class}{}]{form}", t & 0x1f);
        }
    };
    name.to_string()
}

/// A deviation from DER that a lenient reader can still get past.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ViolationKind {
    /// Length in long form where the short form fits, or with leading zero octets.
    NonMinimalLength,
    /// BER indefinite length (0x80 ... 00 00).
    IndefiniteLength,
    /// Tag number below 31 in high-tag form, or with a leading 0x80 octet.
    NonMinimalTag,
    /// Length runs past the end of the enclosing data; the rest of it cannot be read.
    Truncated,
    /// Bytes after the end of a complete structure.
    TrailingData,
    /// BOOLEAN not exactly one octet of 0x00 or 0xFF.
    NonDerBoolean,
    /// INTEGER/ENUMERATED with redundant leading 0x00/0xFF octets, or empty.
    NonMinimalInteger,
    /// A type that DER encodes as primitive appears constructed (or the reverse).
    WrongForm,
    /// Universal tag that X.509 DER decoders do not accept (UniversalString, reserved numbers …).
    UnknownTag,
    /// String content not valid for its type (charset, UTF-8, BMP/Universal length).
    InvalidString,
    /// OBJECT IDENTIFIER with a 0x80 leading sub-identifier octet, truncated, or empty.
    InvalidOid,
    /// BIT STRING with an unused-bits count over 7, non-zero padding bits, or no initial octet.
    InvalidBitString,
    /// NULL with content.
    NonEmptyNull,
    /// SET OF elements not in ascending order of their encodings.
    UnsortedSet,
    /// Structure nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// UTCTime or GeneralizedTime not in the one form DER allows (digits, seconds, `Z`, no
    /// trailing zeros in a fraction).
    InvalidTime,
}

/// An encoding violation at an offset of the walked buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub kind: ViolationKind,
    pub offset: usize,
    /// Named region of the certificate (e.g. "tbsCertificate.subject", "extension 2.5.29.17").
    pub region: &'static str,
    pub detail: String,
}

/// Deviation found while reading one header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anomaly {
    NonMinimalLength,
    IndefiniteLength,
    NonMinimalTag,
}

/// A header that cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub offset: usize,
    pub message: &'static str,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at offset {}", self.message, self.offset)
    }
}

const INDEFINITE_PRIMITIVE: &str = "indefinite length on a primitive type";

/// Reads one TLV at the start of `data`; `base` is the absolute offset of `data[0]`.
pub fn read_tlv(data: &[u8], base: usize) -> Result<(Tlv<'_>, Option<Anomaly>), ReadError> {
    read_tlv_depth(data, base, 0)
}

fn read_tlv_depth(
    data: &[u8],
    base: usize,
    depth: usize,
) -> Result<(Tlv<'_>, Option<Anomaly>), ReadError> {
    let err = |message| ReadError {
        offset: base,
        message,
    };
    let mut anomaly = None;
    let first = *data
        .first()
        .ok_or_else(|| err("no data where a TLV was expected"))?;
    let mut pos = 1;
    let mut number = u32::from(first & 0x1f);
    if number == 0x1f {
        number = 0;
        let start = pos;
        loop {
            let b = *data.get(pos).ok_or_else(|| err("truncated tag"))?;
            if pos == start && b == 0x80 {
                anomaly = Some(Anomaly::NonMinimalTag);
            }
            if number > (u32::MAX >> 7) {
                return Err(err("tag number too large"));
            }
            number = (number << 7) | u32::from(b & 0x7f);
            pos += 1;
            if b & 0x80 == 0 {
                break;
            }
        }
        if number < 31 {
            anomaly = Some(Anomaly::NonMinimalTag);
        }
    }
    let len_byte = *data.get(pos).ok_or_else(|| err("truncated length"))?;
    pos += 1;
    let content_len = if len_byte < 0x80 {
        usize::from(len_byte)
    } else if len_byte == 0x80 {
        if first & 0x20 == 0 {
            return Err(err(INDEFINITE_PRIMITIVE));
        }
        let hdr = pos;
        let end = find_end_of_contents(data, hdr, base, depth)?;
        let content = &data[hdr..end];
        let tlv = Tlv {
            tag: first,
            number,
            offset: base,
            content,
            raw: &data[..end + 2],
        };
        return Ok((tlv, Some(Anomaly::IndefiniteLength)));
    } else if len_byte == 0xff {
        return Err(err("reserved length octet 0xFF"));
    } else {
        let n = usize::from(len_byte & 0x7f);
        let bytes = data
            .get(pos..pos + n)
            .ok_or_else(|| err("truncated length"))?;
        if n > std::mem::size_of::<usize>() && bytes[..n - 8].iter().any(|&b| b != 0) {
            return Err(err("length does not fit in memory"));
        }
        let len = bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        if bytes[0] == 0 || len < 0x80 {
            anomaly = anomaly.or(Some(Anomaly::NonMinimalLength));
        }
        pos += n;
        len
    };
    let end = pos
        .checked_add(content_len)
        .filter(|&e| e <= data.len())
        .ok_or_else(|| err("length exceeds the available data"))?;
    let tlv = Tlv {
        tag: first,
        number,
        offset: base,
        content: &data[pos..end],
        raw: &data[..end],
    };
    Ok((tlv, anomaly))
}

/// Finds the end-of-contents octets of an indefinite-length value whose content starts at `start`.
fn find_end_of_contents(
    data: &[u8],
    start: usize,
    base: usize,
    depth: usize,
) -> Result<usize, ReadError> {
    if depth > MAX_DEPTH {
        return Err(ReadError {
            offset: base,
            message: "nesting too deep",
        });
    }
    let mut pos = start;
    loop {
        match data.get(pos..pos + 2) {
            Some([0, 0]) => return Ok(pos),
            Some(_) => {
                let (child, _) = read_tlv_depth(&data[pos..], base + pos, depth + 1)?;
                pos += child.raw.len();
            }
            None => {
                return Err(ReadError {
                    offset: base + pos,
                    message: "indefinite length without end-of-contents",
                })
            }
        }
    }
}

/// Sequential reader over the elements of a constructed value. Lenient: anomalies are ignored
/// here (the [`Walker`] reports them once).
#[derive(Clone, Copy, Debug)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self::new_at(data, 0)
    }
    pub fn new_at(data: &'a [u8], base: usize) -> Self {
        Reader { data, pos: 0, base }
    }
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }
    pub fn remaining(&self) -> &'a [u8] {
        &self.data[self.pos.min(self.data.len())..]
    }
    /// Identifier octet of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }
    pub fn read(&mut self) -> Result<Tlv<'a>, ReadError> {
        let (tlv, _) = read_tlv(&self.data[self.pos..], self.base + self.pos)?;
        self.pos += tlv.raw.len();
        Ok(tlv)
    }
    /// Reads the next element if it has identifier octet `tag`.
    pub fn read_if(&mut self, tag: u8) -> Option<Tlv<'a>> {
        if self.peek_tag() == Some(tag) {
            self.read().ok()
        } else {
            None
        }
    }
    /// Reads the next element, requiring identifier octet `tag`.
    pub fn expect(&mut self, tag: u8, what: &str) -> Result<Tlv<'a>, String> {
        match self.peek_tag() {
            Some(t) if t == tag => self.read().map_err(|e| format!("{what}: {e}")),
            Some(t) => Err(format!(
                "{what}: expected {}, found {}",
                tag_name(tag),
                tag_name(t)
            )),
            None => Err(format!("{what}: missing (expected {})", tag_name(tag))),
        }
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Result<Tlv<'a>, ReadError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.is_empty() {
            return None;
        }
        let r = self.read();
        if r.is_err() {
            self.pos = self.data.len();
        }
        Some(r)
    }
}

/// Walks a DER tree, recording violations.
pub struct Walker {
    pub violations: Vec<Violation>,
}

impl Default for Walker {
    fn default() -> Self {
        Self::new()
    }
}

impl Walker {
    pub fn new() -> Self {
        Walker {
            violations: Vec::new(),
        }
    }

    fn record(&mut self, kind: ViolationKind, offset: usize, region: &'static str, detail: String) {
        self.violations.push(Violation {
            kind,
            offset,
            region,
            detail,
        });
    }

    /// Walks exactly one TLV filling `data` (bytes after it are trailing data) and returns it.
    pub fn walk_single<'a>(
        &mut self,
        data: &'a [u8],
        base: usize,
        region: &'static str,
    ) -> Option<Tlv<'a>> {
        let tlv = self.walk_one(data, base, region, 0)?;
        if tlv.raw.len() < data.len() {
            self.record(
                ViolationKind::TrailingData,
                base + tlv.raw.len(),
                region,
                format!(
                    "{} byte(s) after the end of the {}",
                    data.len() - tlv.raw.len(),
                    tag_name(tlv.tag)
                ),
            );
        }
        Some(tlv)
    }

    /// Walks every element of `data` (the content of a constructed value).
    pub fn walk_all(&mut self, data: &[u8], base: usize, region: &'static str) {
        self.walk_children(data, base, region, 0, false);
    }

    fn walk_children(
        &mut self,
        data: &[u8],
        base: usize,
        region: &'static str,
        depth: usize,
        is_set: bool,
    ) {
        let mut pos = 0;
        let mut prev: Option<&[u8]> = None;
        while pos < data.len() {
            let Some(child) = self.walk_one(&data[pos..], base + pos, region, depth) else {
                return;
            };
            if is_set {
                if let Some(p) = prev {
                    if p > child.raw {
                        self.record(
                            ViolationKind::UnsortedSet,
                            child.offset,
                            region,
                            "SET OF elements are not sorted by their encodings".into(),
                        );
                    }
                }
                prev = Some(child.raw);
            }
            pos += child.raw.len();
        }
    }

    fn walk_one<'a>(
        &mut self,
        data: &'a [u8],
        base: usize,
        region: &'static str,
        depth: usize,
    ) -> Option<Tlv<'a>> {
        let (tlv, anomaly) = match read_tlv(data, base) {
            Ok(v) => v,
            Err(e) => {
                let kind = if e.message == INDEFINITE_PRIMITIVE {
                    ViolationKind::IndefiniteLength
                } else {
                    ViolationKind::Truncated
                };
                self.record(kind, e.offset, region, e.message.into());
                return None;
            }
        };
        match anomaly {
            Some(Anomaly::NonMinimalLength) => self.record(
                ViolationKind::NonMinimalLength,
                base,
                region,
                format!("{} length is not minimally encoded", tag_name(tlv.tag)),
            ),
            Some(Anomaly::IndefiniteLength) => self.record(
                ViolationKind::IndefiniteLength,
                base,
                region,
                format!("{} uses the indefinite length form", tag_name(tlv.tag)),
            ),
            Some(Anomaly::NonMinimalTag) => self.record(
                ViolationKind::NonMinimalTag,
                base,
                region,
                "tag number is not minimally encoded".into(),
            ),
            None => {}
        }
        if depth >= MAX_DEPTH {
            self.record(
                ViolationKind::TooDeep,
                base,
                region,
                format!("nesting deeper than {MAX_DEPTH} levels"),
            );
            return Some(tlv);
        }
        let content_base = base + (tlv.raw.len() - tlv.content.len());
        if tlv.is_constructed() {
            if tlv.class() == 0 && !matches!(tlv.number, 16 | 17 | 8 | 11 | 29) {
                self.record(
                    ViolationKind::WrongForm,
                    base,
                    region,
                    format!(
                        "{} is constructed; DER requires the primitive form",
                        tag_name(tlv.tag & !0x20)
                    ),
                );
            }
            let is_set = tlv.tag == tag::SET;
            self.walk_children(tlv.content, content_base, region, depth + 1, is_set);
        } else {
            self.check_primitive(&tlv, region);
        }
        Some(tlv)
    }

    fn check_primitive(&mut self, tlv: &Tlv<'_>, region: &'static str) {
        if tlv.class() != 0 {
            return;
        }
        let c = tlv.content;
        let problem: Option<(ViolationKind, String)> = match tlv.number {
            1 => (c != [0x00] && c != [0xff]).then(|| {
                (
                    ViolationKind::NonDerBoolean,
                    format!("BOOLEAN content {} is not 00 or FF", hex(c)),
                )
            }),
            2 | 10 => integer_problem(c).map(|p| (ViolationKind::NonMinimalInteger, p.into())),
            3 => bit_string_problem(c).map(|p| (ViolationKind::InvalidBitString, p.into())),
            5 => (!c.is_empty()).then(|| (ViolationKind::NonEmptyNull, "NULL has content".into())),
            6 => oid_problem(c).map(|p| (ViolationKind::InvalidOid, p.into())),
            16 | 17 => Some((
                ViolationKind::WrongForm,
                format!("{} must be constructed", tag_name(tlv.tag | 0x20)),
            )),
            23 | 24 => time_problem(tlv.number, c).map(|p| {
                (
                    ViolationKind::InvalidTime,
                    format!(
                        "{} {:?}: {p}",
                        tag_name(tlv.tag),
                        String::from_utf8_lossy(c)
                    ),
                )
            }),
            4 => None,
            12 | 18 | 19 | 20 | 21 | 22 | 25 | 26 | 27 | 30 => {
                string_problem(tlv.number, c).map(|p| {
                    (
                        ViolationKind::InvalidString,
                        format!("{}: {p}", tag_name(tlv.tag)),
                    )
                })
            }
            28 => Some((
                ViolationKind::UnknownTag,
                "UniversalString (tag 28) is not supported by X.509 DER decoders; RFC 5280 \
                 requires PrintableString or UTF8String"
                    .into(),
            )),
            n => Some((
                ViolationKind::UnknownTag,
                format!("universal tag {n} is not used in X.509 certificates"),
            )),
        };
        if let Some((kind, detail)) = problem {
            self.record(kind, tlv.offset, region, detail);
        }
    }
}

fn integer_problem(c: &[u8]) -> Option<&'static str> {
    match c {
        [] => Some("INTEGER has no content octets"),
        [0x00, b, ..] if *b < 0x80 => Some("INTEGER has a redundant leading 00 octet"),
        [0xff, b, ..] if *b >= 0x80 => Some("INTEGER has a redundant leading FF octet"),
        _ => None,
    }
}

fn bit_string_problem(c: &[u8]) -> Option<&'static str> {
    match c {
        [] => Some("BIT STRING has no unused-bits octet"),
        [u, ..] if *u > 7 => Some("BIT STRING unused-bits count is over 7"),
        [u] if *u != 0 => Some("empty BIT STRING declares unused bits"),
        [u, .., last] if *u > 0 && last & ((1u8 << u) - 1) != 0 => {
            Some("BIT STRING padding bits are not zero")
        }
        _ => None,
    }
}

/// X.690 11.7 (GeneralizedTime) and 11.8 (UTCTime): `Z`, seconds present, and for
/// GeneralizedTime a fraction with `.` and no trailing zeros. `number` is 23 or 24.
pub fn time_problem(number: u32, c: &[u8]) -> Option<&'static str> {
    let digits = if number == 23 { 12 } else { 14 };
    let Some((&b'Z', body)) = c.split_last() else {
        return Some("does not end with Z");
    };
    if body.len() < digits || !body[..digits].iter().all(u8::is_ascii_digit) {
        return Some(
            "is not YYMMDDHHMMSS (UTCTime) or YYYYMMDDHHMMSS (GeneralizedTime) before the Z",
        );
    }
    match &body[digits..] {
        [] => None,
        _ if number == 23 => Some("has characters between the seconds and the Z"),
        [b'.', frac @ ..] => {
            if frac.is_empty() || !frac.iter().all(u8::is_ascii_digit) {
                Some("has a fraction that is not digits after a '.'")
            } else if frac.last() == Some(&b'0') {
                Some("has trailing zeros in its fraction of a second")
            } else {
                None
            }
        }
        _ => Some("has characters between the seconds and the Z other than a '.' fraction"),
    }
}

fn oid_problem(c: &[u8]) -> Option<&'static str> {
    if c.is_empty() {
        return Some("OBJECT IDENTIFIER has no content");
    }
    if c.last().is_some_and(|b| b & 0x80 != 0) {
        return Some("OBJECT IDENTIFIER ends inside a sub-identifier");
    }
    let mut at_start = true;
    for &b in c {
        if at_start && b == 0x80 {
            return Some("OBJECT IDENTIFIER sub-identifier has a leading 0x80 octet");
        }
        at_start = b & 0x80 == 0;
    }
    None
}

/// Checks string content against its type. `number` is the universal tag number.
pub fn string_problem(number: u32, c: &[u8]) -> Option<&'static str> {
    match number {
        12 => std::str::from_utf8(c)
            .is_err()
            .then_some("content is not valid UTF-8"),
        18 => (!c.iter().all(|b| b.is_ascii_digit() || *b == b' '))
            .then_some("characters outside digits and space"),
        19 => (!c.iter().copied().all(is_printable_char))
            .then_some("characters outside the PrintableString set"),
        22 => (!c.is_ascii()).then_some("non-ASCII characters"),
        26 => (!c.iter().all(|b| (0x20..0x7f).contains(b)))
            .then_some("characters outside visible ASCII"),
        30 => bmp_problem(c),
        28 => (!c.len().is_multiple_of(4)).then_some("length is not a multiple of 4"),
        _ => None,
    }
}

/// The PrintableString character set of X.680 §41.4.
pub fn is_printable_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b" '()+,-./:=?".contains(&b)
}

fn bmp_problem(c: &[u8]) -> Option<&'static str> {
    if !c.len().is_multiple_of(2) {
        return Some("odd length");
    }
    c.chunks_exact(2)
        .any(|p| (0xd8..=0xdf).contains(&p[0]))
        .then_some("surrogate code units are not characters")
}

/// Lowercase hex of up to 16 bytes, for messages.
pub fn hex(b: &[u8]) -> String {
    let mut s: String = b.iter().take(16).map(|x| format!("{x:02x}")).collect();
    if b.len() > 16 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(data: &[u8]) -> Vec<ViolationKind> {
        let mut w = Walker::new();
        w.walk_single(data, 0, "test");
        w.violations.iter().map(|v| v.kind).collect()
    }

    #[test]
    fn clean_der_has_no_violations() {
        assert!(kinds(&[0x30, 0x06, 0x02, 0x01, 0x05, 0x01, 0x01, 0xff]).is_empty());
    }

    #[test]
    fn reports_encoding_violations() {
        use ViolationKind::*;
        assert_eq!(
            kinds(&[0x30, 0x81, 0x03, 0x02, 0x01, 0x05]),
            [NonMinimalLength]
        );
        assert_eq!(
            kinds(&[0x30, 0x80, 0x02, 0x01, 0x05, 0, 0]),
            [IndefiniteLength]
        );
        assert_eq!(kinds(&[0x01, 0x01, 0x01]), [NonDerBoolean]);
        assert_eq!(kinds(&[0x02, 0x02, 0x00, 0x05]), [NonMinimalInteger]);
        assert_eq!(kinds(&[0x02, 0x01, 0x05, 0x00]), [TrailingData]);
        assert_eq!(kinds(&[0x1c, 0x04, 0, 0, 0, 0x41]), [UnknownTag]);
        assert_eq!(kinds(&[0x13, 0x01, b'@']), [InvalidString]);
        assert_eq!(kinds(&[0x0c, 0x01, 0xff]), [InvalidString]);
        assert_eq!(kinds(&[0x1e, 0x01, 0x41]), [InvalidString]);
        assert_eq!(kinds(&[0x06, 0x02, 0x80, 0x01]), [InvalidOid]);
        assert_eq!(kinds(&[0x03, 0x02, 0x01, 0x01]), [InvalidBitString]);
        assert_eq!(kinds(&[0x05, 0x01, 0x00]), [NonEmptyNull]);
        assert_eq!(kinds(&[0x24, 0x03, 0x04, 0x01, 0x00]), [WrongForm]);
        assert_eq!(
            kinds(&[0x31, 0x06, 0x02, 0x01, 0x07, 0x02, 0x01, 0x05]),
            [UnsortedSet]
        );
        assert_eq!(kinds(&[0x30, 0x05, 0x02, 0x01]), [Truncated]);
        assert_eq!(kinds(&[0x04, 0x80, 0x00, 0x00]), [IndefiniteLength]);
    }

    #[test]
    fn times_have_one_der_form() {
        use ViolationKind::InvalidTime;
        let t = |tag: u8, s: &str| kinds(&[&[tag, s.len() as u8][..], s.as_bytes()].concat());
        // X.690 11.8: UTCTime YYMMDDHHMMSSZ.
        assert!(t(0x17, "251001000000Z").is_empty());
        for bad in [
            "2510010000Z",
            "251001000000+0100",
            "251001000000",
            "2510010000001Z",
            "25100100000aZ",
        ] {
            assert_eq!(t(0x17, bad), [InvalidTime], "{bad}");
        }
        // X.690 11.7: GeneralizedTime YYYYMMDDHHMMSS[.f]Z, no trailing zeros in the fraction.
        assert!(t(0x18, "20501001000000Z").is_empty());
        assert!(t(0x18, "20501001000000.5Z").is_empty());
        for bad in [
            "20501001000000.50Z",
            "20501001000000.Z",
            "20501001000000,5Z",
            "205010010000Z",
            "20501001000000",
            "20501001000000-0500",
        ] {
            assert_eq!(t(0x18, bad), [InvalidTime], "{bad}");
        }
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut data = vec![0x02, 0x01, 0x00];
        for _ in 0..200 {
            let mut outer = vec![0x30, 0x82, (data.len() >> 8) as u8, data.len() as u8];
            outer.extend_from_slice(&data);
            data = outer;
        }
        let k = kinds(&data);
        assert!(k.contains(&ViolationKind::TooDeep));
        // Deeply nested indefinite lengths must not overflow the stack either.
        let mut data = [0x30u8, 0x80].repeat(100_000);
        data.extend(vec![0u8; 200_000]);
        let _ = kinds(&data);
    }

    #[test]
    fn reader_never_panics_on_noise() {
        let mut x: u32 = 0x1234_5678;
        for _ in 0..20_000 {
            let len = (x % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    x as u8
                })
                .collect();
            let _ = kinds(&bytes);
            for t in Reader::new(&bytes) {
                let _ = t;
            }
        }
    }
}
