//! The bounded buffered reader under every stream.

use std::io::{self, Read};

/// Size of the read buffer, and so of every read from the underlying stream.
pub(crate) const READ_CHUNK: usize = 64 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineEnd {
    /// A whole line (its newline consumed, or the stream's last line).
    Full,
    /// A line longer than the limit: only its prefix was kept, the rest skipped.
    TooLong,
    /// No more lines.
    Eof,
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Skipped {
    pub(crate) bytes: usize,
    pub(crate) newlines: usize,
}

/// A small buffered reader that never holds more than `READ_CHUNK` bytes.
pub(crate) struct Source<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    eof: bool,
}

impl<R: Read> Source<R> {
    pub(crate) fn new(inner: R) -> Self {
        Source {
            inner,
            buf: vec![0; READ_CHUNK].into_boxed_slice(),
            start: 0,
            end: 0,
            eof: false,
        }
    }

    fn available(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    pub(crate) fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.end);
    }

    /// Read once more from the stream, after moving unread bytes to the front
    /// when the buffer is full. Returns false at end of stream.
    fn read_more(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        } else if self.end == self.buf.len() {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            return Ok(true); // full of unread bytes
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    // `min` guards against a reader claiming more than it was given.
                    self.end = (self.end + n).min(self.buf.len());
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Make sure at least one unread byte is buffered; false at end of stream.
    fn fill(&mut self) -> io::Result<bool> {
        while self.start == self.end {
            if !self.read_more()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The next `n` unread bytes, or fewer if the stream ends first.
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        let n = n.min(self.buf.len());
        while self.end - self.start < n && self.read_more()? {}
        let end = self.end.min(self.start + n);
        Ok(&self.buf[self.start..end])
    }

    pub(crate) fn skip_whitespace(&mut self) -> io::Result<Skipped> {
        let mut skipped = Skipped::default();
        while self.fill()? {
            let chunk = self.available();
            let blank = chunk
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(chunk.len());
            skipped.newlines += chunk[..blank].iter().filter(|&&b| b == b'\n').count();
            skipped.bytes += blank;
            let done = blank < chunk.len();
            self.consume(blank);
            if done {
                break;
            }
        }
        Ok(skipped)
    }

    /// Read one line (without its LF) into `out`, keeping at most `max` bytes
    /// of it and skipping the rest.
    pub(crate) fn read_line(&mut self, out: &mut Vec<u8>, max: usize) -> io::Result<LineEnd> {
        out.clear();
        let mut seen_any = false;
        let mut too_long = false;
        loop {
            if !self.fill()? {
                return Ok(match (seen_any, too_long) {
                    (false, _) => LineEnd::Eof,
                    (true, true) => LineEnd::TooLong,
                    (true, false) => LineEnd::Full,
                });
            }
            seen_any = true;
            let chunk = self.available();
            let (line_len, used, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, i + 1, true),
                None => (chunk.len(), chunk.len(), false),
            };
            let room = max.saturating_sub(out.len());
            too_long |= line_len > room;
            out.extend_from_slice(&chunk[..line_len.min(room)]);
            self.consume(used);
            if done {
                return Ok(if too_long {
                    LineEnd::TooLong
                } else {
                    LineEnd::Full
                });
            }
        }
    }

    /// Append the rest of the stream to `out`; false (and `out` partly filled)
    /// if it holds more than `cap` bytes.
    pub(crate) fn read_capped(&mut self, out: &mut Vec<u8>, cap: usize) -> io::Result<bool> {
        while self.fill()? {
            let chunk_len = self.end - self.start;
            if chunk_len > cap.saturating_sub(out.len()) {
                return Ok(false);
            }
            out.extend_from_slice(self.available());
            self.consume(chunk_len);
        }
        Ok(true)
    }

    /// Read and discard the rest of the stream.
    pub(crate) fn drain(&mut self) -> io::Result<()> {
        while self.fill()? {
            self.start = self.end;
        }
        Ok(())
    }
}
