//! A streaming reader for `get-entries` responses that holds one entry at a time.
//!
//! Only the shape RFC 6962 §4.6 defines is looked at: a top-level object whose `entries` array
//! holds objects with `leaf_input` and `extra_data` strings (a top-level object with
//! `leaf_input` is taken as a bare entry). Everything else is skipped byte by byte without
//! being kept. A string value longer than its cap is consumed and counted, not stored, so
//! memory stays bounded by the caps whatever the input size; nesting deeper than
//! [`MAX_DEPTH`] is a syntax error rather than a deep recursion.

use std::io::{self, BufRead};

/// Deepest nesting of arrays and objects skipped.
pub const MAX_DEPTH: usize = 128;

/// One of an entry's two fields, as found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Absent,
    Null,
    /// The string's text (escapes resolved; anything non-ASCII kept as invalid bytes).
    Text(Vec<u8>),
    /// A string of this many characters, over the cap: not kept.
    TooLong(u64),
    /// A number, array, object or boolean.
    NotString,
}

/// One element of an `entries` array (or a bare top-level entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEntry {
    /// False when the element was not a JSON object.
    pub is_object: bool,
    pub leaf_input: Field,
    pub extra_data: Field,
}

impl RawEntry {
    /// An element with neither field read yet; `is_object` says whether it is a JSON object.
    fn empty(is_object: bool) -> RawEntry {
        RawEntry {
            is_object,
            leaf_input: Field::Absent,
            extra_data: Field::Absent,
        }
    }
}

/// What the reader found next.
#[derive(Debug)]
pub enum Event {
    Entry(RawEntry),
    /// A whole top-level JSON value with neither an `entries` array nor a `leaf_input`.
    NotResponse,
    /// Invalid JSON or a read error; the rest of the stream is not read.
    Invalid(String),
}

/// Caps on the text kept per field, in characters of base64.
#[derive(Clone, Copy, Debug)]
pub struct TextCaps {
    pub leaf_input: usize,
    pub extra_data: usize,
}

/// Parses documents from `r`, calling `on` for each event; stops early when `on` returns false.
/// Returns the number of top-level documents seen, or None when `on` asked to stop.
pub fn parse<R: BufRead>(r: R, caps: TextCaps, on: &mut dyn FnMut(Event) -> bool) -> Option<usize> {
    let mut p = Parser {
        r,
        caps,
        pos: 0,
        on,
    };
    let mut documents = 0;
    loop {
        match p.skip_ws() {
            Ok(None) => return Some(documents),
            Ok(Some(_)) => {}
            Err(e) => {
                let _ = (p.on)(Event::Invalid(e.message(p.pos)));
                return Some(documents + 1);
            }
        }
        documents += 1;
        match p.document() {
            Ok(true) => {}
            Ok(false) => {
                if !(p.on)(Event::NotResponse) {
                    return None;
                }
            }
            Err(Stop::Consumer) => return None,
            Err(e) => {
                let _ = (p.on)(Event::Invalid(e.message(p.pos)));
                return Some(documents);
            }
        }
    }
}

enum Stop {
    Io(io::Error),
    Syntax(String),
    Consumer,
}

impl Stop {
    fn message(&self, pos: u64) -> String {
        match self {
            Stop::Io(e) => format!("read error at byte {pos}: {e}"),
            Stop::Syntax(s) => format!("{s} at byte {pos}"),
            Stop::Consumer => "stopped".into(),
        }
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

fn syntax<T>(msg: impl Into<String>) -> Result<T, Stop> {
    Err(Stop::Syntax(msg.into()))
}

struct Parser<'o, R> {
    r: R,
    caps: TextCaps,
    pos: u64,
    on: &'o mut dyn FnMut(Event) -> bool,
}

/// Which entry field a key names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Entries,
    LeafInput,
    ExtraData,
    Other,
}

impl<R: BufRead> Parser<'_, R> {
    fn peek(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            match self.r.fill_buf() {
                Ok(b) => return Ok(b.first().copied()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn bump(&mut self) {
        self.r.consume(1);
        self.pos += 1;
    }

    fn next(&mut self) -> Result<u8, Stop> {
        match self.peek()? {
            Some(b) => {
                self.bump();
                Ok(b)
            }
            None => syntax("unexpected end of input"),
        }
    }

    /// Skips whitespace; the next byte, or None at the end.
    fn skip_ws(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            let buf = match self.r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            if buf.is_empty() {
                return Ok(None);
            }
            let n = buf
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            let next = buf.get(n).copied();
            self.r.consume(n);
            self.pos += n as u64;
            if next.is_some() {
                return Ok(next);
            }
        }
    }

    fn expect_ws(&mut self) -> Result<u8, Stop> {
        match self.skip_ws()? {
            Some(b) => Ok(b),
            None => syntax("unexpected end of input"),
        }
    }

    /// One top-level value; whether it was a response or a bare entry.
    fn document(&mut self) -> Result<bool, Stop> {
        if self.expect_ws()? != b'{' {
            self.skip_value(0)?;
            return Ok(false);
        }
        self.bump();
        let mut recognised = false;
        let mut bare = RawEntry::empty(true);
        self.members(|p, key| {
            match key {
                Key::Entries => {
                    if p.expect_ws()? == b'[' {
                        p.entries()?;
                        recognised = true;
                    } else {
                        p.skip_value(1)?;
                    }
                }
                Key::LeafInput => bare.leaf_input = p.field(p.caps.leaf_input)?,
                Key::ExtraData => bare.extra_data = p.field(p.caps.extra_data)?,
                Key::Other => p.skip_value(1)?,
            }
            Ok(())
        })?;
        if bare.leaf_input != Field::Absent {
            recognised = true;
            self.emit(Event::Entry(bare))?;
        }
        Ok(recognised)
    }

    fn emit(&mut self, e: Event) -> Result<(), Stop> {
        if (self.on)(e) {
            Ok(())
        } else {
            Err(Stop::Consumer)
        }
    }

    /// The members of an object whose `{` has been read, through its `}`.
    fn members(
        &mut self,
        mut value: impl FnMut(&mut Self, Key) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        if self.expect_ws()? == b'}' {
            self.bump();
            return Ok(());
        }
        loop {
            if self.expect_ws()? != b'"' {
                return syntax("expected a member name");
            }
            self.bump();
            let key = self.key()?;
            if self.expect_ws()? != b':' {
                return syntax("expected ':'");
            }
            self.bump();
            value(self, key)?;
            match self.expect_ws()? {
                b',' => self.bump(),
                b'}' => {
                    self.bump();
                    return Ok(());
                }
                _ => return syntax("expected ',' or '}'"),
            }
        }
    }

    /// A member name (its `"` read); only the three names of interest are told apart.
    fn key(&mut self) -> Result<Key, Stop> {
        let mut buf = Vec::new();
        let len = self.string_into(&mut buf, 16)?;
        Ok(match (len, buf.as_slice()) {
            (7, b"entries") => Key::Entries,
            (10, b"leaf_input") => Key::LeafInput,
            (10, b"extra_data") => Key::ExtraData,
            _ => Key::Other,
        })
    }

    /// The `entries` array (at its `[`), emitting each element.
    fn entries(&mut self) -> Result<(), Stop> {
        self.bump();
        if self.expect_ws()? == b']' {
            self.bump();
            return Ok(());
        }
        loop {
            let entry = if self.expect_ws()? == b'{' {
                self.bump();
                let mut e = RawEntry::empty(true);
                self.members(|p, key| {
                    match key {
                        Key::LeafInput => e.leaf_input = p.field(p.caps.leaf_input)?,
                        Key::ExtraData => e.extra_data = p.field(p.caps.extra_data)?,
                        _ => p.skip_value(3)?,
                    }
                    Ok(())
                })?;
                e
            } else {
                self.skip_value(2)?;
                RawEntry::empty(false)
            };
            self.emit(Event::Entry(entry))?;
            match self.expect_ws()? {
                b',' => self.bump(),
                b']' => {
                    self.bump();
                    return Ok(());
                }
                _ => return syntax("expected ',' or ']'"),
            }
        }
    }

    /// An entry field's value: a string kept up to `cap` characters, or what else it was.
    fn field(&mut self, cap: usize) -> Result<Field, Stop> {
        match self.expect_ws()? {
            b'"' => {
                self.bump();
                let mut text = Vec::new();
                let len = self.string_into(&mut text, cap)?;
                Ok(if len > cap as u64 {
                    Field::TooLong(len)
                } else {
                    Field::Text(text)
                })
            }
            b'n' => {
                self.literal(b"null")?;
                Ok(Field::Null)
            }
            _ => {
                self.skip_value(2)?;
                Ok(Field::NotString)
            }
        }
    }

    /// Reads a string whose opening `"` has been read, through the closing one. Keeps at most
    /// `cap` characters in `out` (clearing it once the string is longer); returns the length.
    fn string_into(&mut self, out: &mut Vec<u8>, cap: usize) -> Result<u64, Stop> {
        let mut len = 0u64;
        loop {
            // Runs of plain bytes are taken straight from the buffer.
            let (run, end) = {
                let buf = loop {
                    match self.r.fill_buf() {
                        Ok(b) => break b,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e.into()),
                    }
                };
                if buf.is_empty() {
                    return syntax("unterminated string");
                }
                let n = buf
                    .iter()
                    .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
                    .count();
                if len + n as u64 <= cap as u64 {
                    out.extend_from_slice(&buf[..n]);
                }
                (n, buf.get(n).copied())
            };
            self.r.consume(run);
            self.pos += run as u64;
            len += run as u64;
            if len > cap as u64 && !out.is_empty() {
                out.clear();
                out.shrink_to_fit();
            }
            let Some(b) = end else { continue };
            self.bump();
            let c = match b {
                b'"' => return Ok(len),
                b'\\' => match self.next()? {
                    b'"' => b'"',
                    b'\\' => b'\\',
                    b'/' => b'/',
                    b'b' => 8,
                    b'f' => 12,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'u' => {
                        let mut v = 0u32;
                        for _ in 0..4 {
                            let d = self.next()?;
                            let Some(h) = (d as char).to_digit(16) else {
                                return syntax("bad \\u escape");
                            };
                            v = v * 16 + h;
                        }
                        // Only ASCII matters for base64; anything else stays invalid.
                        if v < 0x80 {
                            v as u8
                        } else {
                            0xff
                        }
                    }
                    _ => return syntax("bad escape"),
                },
                _ => return syntax("control character in string"),
            };
            len += 1;
            if len <= cap as u64 {
                out.push(c);
            } else if !out.is_empty() {
                out.clear();
                out.shrink_to_fit();
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Stop> {
        for &w in word {
            if self.next()? != w {
                return syntax("invalid literal");
            }
        }
        Ok(())
    }

    /// Skips one value of any kind without keeping it.
    fn skip_value(&mut self, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return syntax(format!("nesting deeper than {MAX_DEPTH}"));
        }
        match self.expect_ws()? {
            b'"' => {
                self.bump();
                self.string_into(&mut Vec::new(), 0)?;
            }
            b'{' => {
                self.bump();
                self.members(|p, _| p.skip_value(depth + 1))?;
            }
            b'[' => {
                self.bump();
                if self.expect_ws()? == b']' {
                    self.bump();
                    return Ok(());
                }
                loop {
                    self.skip_value(depth + 1)?;
                    match self.expect_ws()? {
                        b',' => self.bump(),
                        b']' => {
                            self.bump();
                            return Ok(());
                        }
                        _ => return syntax("expected ',' or ']'"),
                    }
                }
            }
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            b'-' | b'0'..=b'9' => {
                let mut digits = 0;
                while let Some(b) = self.peek()? {
                    if !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                        break;
                    }
                    self.bump();
                    digits += 1;
                }
                if digits == 0 {
                    return syntax("invalid number");
                }
            }
            _ => return syntax("expected a value"),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAPS: TextCaps = TextCaps {
        leaf_input: 8,
        extra_data: 4,
    };

    fn events(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        parse(text.as_bytes(), CAPS, &mut |e| {
            out.push(match e {
                Event::Entry(e) => {
                    format!("{:?}|{:?}|{:?}", e.is_object, e.leaf_input, e.extra_data)
                }
                Event::NotResponse => "not".into(),
                Event::Invalid(m) => format!("invalid:{m}"),
            });
            true
        });
        out
    }

    fn text(s: &str) -> String {
        format!("{:?}", Field::Text(s.as_bytes().to_vec()))
    }

    #[test]
    fn entries_are_read_one_by_one_with_fields_capped() {
        let got = events(
            r#"{"x": [1, {"a": [true, null]}], "entries": [
                {"leaf_input": "QUJD", "extra_data": "RA==", "y": {}},
                {"leaf_input": "QUJDREVGR0hJ", "extra_data": null},
                7,
                {"extra_data": 1, "leaf_input": "a\/b\u0041"}
            ]} {"leaf_input": "QQ=="}"#,
        );
        assert_eq!(
            got,
            [
                format!("true|{}|{}", text("QUJD"), text("RA==")),
                format!("true|{:?}|Null", Field::TooLong(12)),
                "false|Absent|Absent".to_string(),
                format!("true|{}|NotString", text("a/bA")),
                format!("true|{}|Absent", text("QQ==")),
            ]
        );
    }

    #[test]
    fn documents_without_entries_and_broken_json_are_reported() {
        assert_eq!(events(r#"{"a": 1} [2]"#), ["not", "not"]);
        let got = events(r#"{"entries": [{"leaf_input": "QUJD"}, {"leaf_"#);
        assert_eq!(got.len(), 2);
        assert!(got[1].starts_with("invalid:unterminated string"), "{got:?}");
        let deep = format!("{{\"x\": {}}}", "[".repeat(1000));
        assert!(events(&deep)[0].contains("nesting deeper"));
        assert!(events("{\"entries\": [}")[0].starts_with("invalid:"));
        assert_eq!(events("  \n"), Vec::<String>::new());
    }

    #[test]
    fn the_consumer_can_stop_the_parse() {
        let mut n = 0;
        let r = parse(
            r#"{"entries": [{"leaf_input": "A"}, {"leaf_input": "B"}]}"#.as_bytes(),
            CAPS,
            &mut |_| {
                n += 1;
                false
            },
        );
        assert_eq!((r, n), (None, 1));
    }
}
