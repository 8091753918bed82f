//! Where and why Python's `json.loads` (CPython 3.11's C scanner, which pkilint's server runs
//! on) rejects a document: FastAPI answers malformed JSON with that message and character
//! position, so the compatible endpoint must find the same ones.

/// Python's `JSONDecodeError`: the message without position, and the character index.
#[derive(Debug, PartialEq, Eq)]
pub struct JsonError {
    pub msg: &'static str,
    pub pos: usize,
}

fn err<T>(msg: &'static str, pos: usize) -> Result<T, JsonError> {
    Err(JsonError { msg, pos })
}

/// Python's error for `text`, or None when Python parses it.
pub fn python_json_error(text: &str) -> Option<JsonError> {
    let s: Vec<char> = text.chars().collect();
    if s.first() == Some(&'\u{feff}') {
        return Some(JsonError {
            msg: "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            pos: 0,
        });
    }
    let p = Parser { s: &s };
    let start = p.ws(0);
    let end = match p.value(start) {
        Ok(end) => end,
        Err(e) => return Some(e),
    };
    let end = p.ws(end);
    (end != s.len()).then_some(JsonError {
        msg: "Extra data",
        pos: end,
    })
}

struct Parser<'a> {
    s: &'a [char],
}

impl Parser<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    /// One value at `i` (no leading whitespace); its end.
    fn value(&self, i: usize) -> Result<usize, JsonError> {
        match self.at(i) {
            Some('"') => self.string(i + 1),
            Some('{') => self.object(i + 1),
            Some('[') => self.array(i + 1),
            Some('n') if self.starts(i, "null") => Ok(i + 4),
            Some('t') if self.starts(i, "true") => Ok(i + 4),
            Some('f') if self.starts(i, "false") => Ok(i + 5),
            Some('N') if self.starts(i, "NaN") => Ok(i + 3),
            Some('I') if self.starts(i, "Infinity") => Ok(i + 8),
            Some('-') if self.starts(i, "-Infinity") => Ok(i + 9),
            _ => self.number(i),
        }
    }

    fn digits(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        i
    }

    fn number(&self, start: usize) -> Result<usize, JsonError> {
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('0') => i += 1,
            Some('1'..='9') => i = self.digits(i + 1),
            _ => return err("Expecting value", start),
        }
        if self.at(i) == Some('.') && self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i = self.digits(i + 1);
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some('+' | '-')) {
                j += 1;
            }
            if self.at(j).is_some_and(|c| c.is_ascii_digit()) {
                i = self.digits(j);
            }
        }
        Ok(i)
    }

    /// A string whose opening quote is at `end - 1`.
    fn string(&self, mut end: usize) -> Result<usize, JsonError> {
        let begin = end - 1;
        let len = self.s.len();
        loop {
            let mut next = end;
            let mut c = None;
            while next < len {
                let ch = self.s[next];
                if ch == '"' || ch == '\\' {
                    c = Some(ch);
                    break;
                }
                if u32::from(ch) <= 0x1f {
                    return err("Invalid control character at", next);
                }
                next += 1;
            }
            let Some(c) = c else {
                return err("Unterminated string starting at", begin);
            };
            next += 1;
            if c == '"' {
                return Ok(next);
            }
            if next == len {
                return err("Unterminated string starting at", begin);
            }
            let esc = self.s[next];
            if esc != 'u' {
                end = next + 1;
                if !matches!(esc, '"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') {
                    return err("Invalid \\escape", end - 2);
                }
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= len {
                return err("Invalid \\uXXXX escape", next - 1);
            }
            if !self.s[next..end].iter().all(char::is_ascii_hexdigit) {
                return err("Invalid \\uXXXX escape", end - 5);
            }
            let unit =
                u32::from_str_radix(&self.s[next..end].iter().collect::<String>(), 16).unwrap_or(0);
            // A high surrogate followed by `\uXXXX` takes that escape as its pair.
            if (0xd800..0xdc00).contains(&unit)
                && end + 6 < len
                && self.s[end] == '\\'
                && self.s[end + 1] == 'u'
            {
                let low = end + 2;
                if !self.s[low..low + 4].iter().all(char::is_ascii_hexdigit) {
                    return err("Invalid \\uXXXX escape", low + 4 - 5);
                }
                let pair =
                    u32::from_str_radix(&self.s[low..low + 4].iter().collect::<String>(), 16)
                        .unwrap_or(0);
                if (0xdc00..0xe000).contains(&pair) {
                    end = low + 4;
                }
            }
        }
    }

    /// An object whose `{` is at `i - 1`.
    fn object(&self, i: usize) -> Result<usize, JsonError> {
        let mut i = self.ws(i);
        if self.at(i) == Some('}') {
            return Ok(i + 1);
        }
        loop {
            if self.at(i) != Some('"') {
                return err("Expecting property name enclosed in double quotes", i);
            }
            i = self.ws(self.string(i + 1)?);
            if self.at(i) != Some(':') {
                return err("Expecting ':' delimiter", i);
            }
            i = self.ws(i + 1);
            i = self.ws(self.value(i)?);
            match self.at(i) {
                Some('}') => return Ok(i + 1),
                Some(',') => i = self.ws(i + 1),
                _ => return err("Expecting ',' delimiter", i),
            }
        }
    }

    /// An array whose `[` is at `i - 1`.
    fn array(&self, i: usize) -> Result<usize, JsonError> {
        let mut i = self.ws(i);
        if self.at(i) == Some(']') {
            return Ok(i + 1);
        }
        loop {
            i = self.ws(self.value(i)?);
            match self.at(i) {
                Some(']') => return Ok(i + 1),
                Some(',') => i = self.ws(i + 1),
                _ => return err("Expecting ',' delimiter", i),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str) -> Option<(&'static str, usize)> {
        python_json_error(text).map(|e| (e.msg, e.pos))
    }

    // Expected values: CPython 3.11 json.loads on the same text (and pkilint's server answers
    // for the first three).
    #[test]
    fn messages_and_positions_are_pythons() {
        assert_eq!(
            e("{not json"),
            Some(("Expecting property name enclosed in double quotes", 1))
        );
        assert_eq!(e("{\"pem\": \"a\""), Some(("Expecting ',' delimiter", 11)));
        assert_eq!(e("  {\"pem\": \"a\"}  x"), Some(("Extra data", 16)));
        assert_eq!(e(""), Some(("Expecting value", 0)));
        assert_eq!(e("{\"a\" 1}"), Some(("Expecting ':' delimiter", 5)));
        assert_eq!(
            e("{\"a\": \"x\ny\"}"),
            Some(("Invalid control character at", 8))
        );
        assert_eq!(
            e("{\"a\": \"x"),
            Some(("Unterminated string starting at", 6))
        );
        assert_eq!(e("{\"a\": \"\\q\"}"), Some(("Invalid \\escape", 7)));
        assert_eq!(e("[1,]"), Some(("Expecting value", 3)));
        assert_eq!(
            e("{\"a\": 1,}"),
            Some(("Expecting property name enclosed in double quotes", 8))
        );
        assert_eq!(e("{\"a\": tru}"), Some(("Expecting value", 6)));
        assert_eq!(e("{\"é\": 01}"), Some(("Expecting ',' delimiter", 7)));
        assert_eq!(
            e("{\"a\": [1, 2.5e3, -0, null, true, false, \"\\u00e9\"]}"),
            None
        );
    }
}
