//! A byte source for reading a DER structure from a stream piece by piece: headers one at a
//! time, and values up to a size limit, with the absolute offset of every byte.

use std::io::{self, Read};

/// Chunk size of reads from the underlying reader.
const CHUNK: usize = 64 * 1024;

/// A TLV header read from the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub tag: u8,
    /// Absolute offset of the tag octet.
    pub offset: usize,
    /// Octets of tag and length.
    pub header_len: usize,
    /// Content length; None for the BER indefinite form.
    pub len: Option<usize>,
    /// The length is in long form where the short form fits, or has leading zero octets.
    pub non_minimal: bool,
}

impl Header {
    /// Absolute offset just past the value (for definite lengths).
    pub fn end(&self) -> Option<usize> {
        self.len.map(|l| self.offset + self.header_len + l)
    }
}

/// Where consumed bytes of one range also go: a copy (while it stays under a limit) and a
/// running digest, so that a signature can be checked over bytes no longer in memory.
pub struct Tap {
    pub from: usize,
    pub to: usize,
    pub copy: Option<Vec<u8>>,
    pub digest: Option<crate::digest::Running>,
}

pub struct Source<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    /// Absolute offset of `buf[start]`.
    pos: usize,
    eof: bool,
    pub tap: Option<Tap>,
}

impl<R: Read> Source<R> {
    pub fn new(inner: R) -> Self {
        Source {
            inner,
            buf: Vec::with_capacity(CHUNK),
            start: 0,
            pos: 0,
            eof: false,
            tap: None,
        }
    }

    /// Absolute offset of the next unread byte.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn available(&self) -> usize {
        self.buf.len() - self.start
    }

    /// Makes `n` bytes available if the stream has them; false at the end of the stream.
    pub fn fill(&mut self, n: usize) -> io::Result<bool> {
        if self.available() >= n {
            return Ok(true);
        }
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        while self.buf.len() < n && !self.eof {
            let old = self.buf.len();
            let want = (n - old).max(CHUNK);
            self.buf.resize(old + want, 0);
            let got = loop {
                match self.inner.read(&mut self.buf[old..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            match got {
                Ok(0) => {
                    self.buf.truncate(old);
                    self.eof = true;
                }
                Ok(k) => self.buf.truncate(old + k),
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        }
        Ok(self.available() >= n)
    }

    /// Up to `n` unread bytes without consuming them.
    pub fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        self.fill(n)?;
        let end = self.buf.len().min(self.start + n);
        Ok(&self.buf[self.start..end])
    }

    /// Consumes exactly `n` bytes, or returns None (consuming nothing) when the stream ends first.
    pub fn take(&mut self, n: usize) -> io::Result<Option<&[u8]>> {
        if !self.fill(n)? {
            return Ok(None);
        }
        let (s, e) = (self.start, self.start + n);
        self.feed_tap(s, n);
        self.start = e;
        self.pos += n;
        Ok(Some(&self.buf[s..e]))
    }

    /// Consumes everything left, up to `max` bytes; the count beyond `max` is returned with it.
    pub fn take_rest(&mut self, max: usize) -> io::Result<(Vec<u8>, usize)> {
        self.fill(max.saturating_add(1))?;
        let keep = self.available().min(max);
        let out = self.take(keep)?.map(<[u8]>::to_vec).unwrap_or_default();
        let mut dropped = 0;
        while self.fill(1)? {
            let n = self.available();
            dropped += n;
            self.feed_tap(self.start, n);
            self.start += n;
            self.pos += n;
        }
        Ok((out, dropped))
    }

    fn feed_tap(&mut self, s: usize, n: usize) {
        let Some(tap) = self.tap.as_mut() else { return };
        let (abs_from, abs_to) = (self.pos, self.pos + n);
        let lo = abs_from.max(tap.from);
        let hi = abs_to.min(tap.to);
        if lo >= hi {
            return;
        }
        let bytes = &self.buf[s + (lo - abs_from)..s + (hi - abs_from)];
        if let Some(copy) = tap.copy.as_mut() {
            copy.extend_from_slice(bytes);
        }
        if let Some(digest) = tap.digest.as_mut() {
            digest.update(bytes);
        }
    }

    /// Reads one header (tag and length). Errors name what could not be read.
    pub fn header(&mut self) -> io::Result<Result<Header, String>> {
        let offset = self.pos;
        let head = self.peek(10)?.to_vec();
        Ok(match parse_header(&head) {
            Ok((tag, header_len, len, non_minimal)) => {
                self.take(header_len)?;
                Ok(Header {
                    tag,
                    offset,
                    header_len,
                    len,
                    non_minimal,
                })
            }
            Err(e) => Err(format!("{e} at offset {offset}")),
        })
    }
}

/// Tag, header length, content length (None: indefinite) and whether the length is
/// non-minimal, from the first bytes of a TLV. High-tag-number tags are refused: no structure
/// streamed here uses one.
pub fn parse_header(b: &[u8]) -> Result<(u8, usize, Option<usize>, bool), &'static str> {
    let (&tag, rest) = b
        .split_first()
        .ok_or("end of data where a header was expected")?;
    if tag & 0x1f == 0x1f {
        return Err("a high-tag-number tag where a structure header was expected");
    }
    let (&first, rest) = rest.split_first().ok_or("header cut short")?;
    if first < 0x80 {
        return Ok((tag, 2, Some(usize::from(first)), false));
    }
    if first == 0x80 {
        return Ok((tag, 2, None, false));
    }
    let n = usize::from(first & 0x7f);
    if n > 8 || rest.len() < n {
        return Err("length octets cut short or longer than 8");
    }
    let mut len: u64 = 0;
    for &o in &rest[..n] {
        len = (len << 8) | u64::from(o);
    }
    let len = usize::try_from(len).map_err(|_| "a length beyond the address space")?;
    let non_minimal = rest[0] == 0 || len < 0x80 || n > minimal_octets(len);
    Ok((tag, 2 + n, Some(len), non_minimal))
}

fn minimal_octets(len: usize) -> usize {
    let bits = usize::BITS - len.leading_zeros();
    bits.div_ceil(8).max(1) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_short_long_and_non_minimal() {
        assert_eq!(parse_header(&[0x30, 0x05]), Ok((0x30, 2, Some(5), false)));
        assert_eq!(
            parse_header(&[0x30, 0x82, 0x01, 0x00]),
            Ok((0x30, 4, Some(256), false))
        );
        assert_eq!(
            parse_header(&[0x30, 0x81, 0x05]),
            Ok((0x30, 3, Some(5), true))
        );
        assert_eq!(
            parse_header(&[0x30, 0x82, 0x00, 0x90]),
            Ok((0x30, 4, Some(0x90), true))
        );
        assert_eq!(parse_header(&[0x30, 0x80]), Ok((0x30, 2, None, false)));
        assert!(parse_header(&[0x30, 0x84, 0x01]).is_err());
        assert!(parse_header(&[]).is_err());
    }

    #[test]
    fn take_crosses_chunk_boundaries_and_taps_a_range() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut src = Source::new(&data[..]);
        src.tap = Some(Tap {
            from: 10,
            to: 150_000,
            copy: Some(Vec::new()),
            digest: None,
        });
        let mut seen = Vec::new();
        while let Some(chunk) = src.take(7919).unwrap() {
            seen.extend_from_slice(chunk);
        }
        let (rest, dropped) = src.take_rest(100).unwrap();
        seen.extend_from_slice(&rest);
        assert_eq!(dropped, data.len() - seen.len());
        assert_eq!(&seen[..], &data[..seen.len()]);
        assert_eq!(src.tap.unwrap().copy.unwrap(), &data[10..150_000]);
    }
}
