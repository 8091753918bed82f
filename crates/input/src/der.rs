//! A DER stream: the whole stream is one certificate, bounded by the length its header
//! declares.

use std::io::{self, Read};

use crate::item::{Encoding, InputError, InputErrorKind, Unnamed};
use crate::stream::{Core, Phase};

/// Bytes allowed after a definite-length DER certificate, so the linter can
/// report trailing data instead of us rejecting the file.
const DER_TRAILING_SLACK: usize = 64 * 1024;

impl<R: Read> Core<R> {
    /// The whole stream as one DER certificate.
    pub(crate) fn der_item(&mut self) -> io::Result<Unnamed> {
        self.phase = Phase::Drain;
        let max = self.limits.max_cert_bytes;
        let cap = match der_total_len(self.src.peek(6)?) {
            DerLen::Definite(total) if total > max => {
                let message = format!(
                    "DER certificate declares {total} bytes, over the limit of {max} bytes"
                );
                return Ok(der_error(InputErrorKind::TooLarge, message));
            }
            DerLen::Definite(_) => max.saturating_add(DER_TRAILING_SLACK),
            DerLen::Indefinite | DerLen::Truncated => max,
        };
        let mut der = Vec::new();
        if !self.src.read_capped(&mut der, cap)? {
            let message = format!("DER input is larger than the limit of {cap} bytes");
            return Ok(der_error(InputErrorKind::TooLarge, message));
        }
        self.phase = Phase::Done;
        Ok(Unnamed::with_encoding(Encoding::Der, Ok(der)))
    }
}

fn der_error(kind: InputErrorKind, message: String) -> Unnamed {
    Unnamed::with_encoding(Encoding::Der, Err(InputError::new(kind, message)))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DerLen {
    /// Header plus content length, as declared.
    Definite(usize),
    Indefinite,
    /// The stream ends inside the length bytes.
    Truncated,
}

/// The total size a DER header (tag 0x30 already checked) declares.
pub(crate) fn der_total_len(header: &[u8]) -> DerLen {
    let Some(&first) = header.get(1) else {
        return DerLen::Truncated;
    };
    if first < 0x80 {
        return DerLen::Definite(2 + usize::from(first));
    }
    if first == 0x80 {
        return DerLen::Indefinite;
    }
    let count = usize::from(first & 0x7f);
    let Some(bytes) = header.get(2..2 + count) else {
        return DerLen::Truncated;
    };
    let content = bytes.iter().fold(0u64, |acc, &b| {
        acc.saturating_mul(256).saturating_add(u64::from(b))
    });
    let total = content.saturating_add(2 + count as u64);
    DerLen::Definite(usize::try_from(total).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::READ_CHUNK;
    use crate::test_support::*;
    use crate::{frame, Limits};
    use std::time::{Duration, Instant};

    #[test]
    fn raw_der() {
        let tiny = [0x30, 0x03, 0x02, 0x01, 0x05];
        let items = frame_all(&tiny);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(items[0].encoding, Some(Encoding::Der));
        assert_eq!(items[0].der.as_ref().unwrap(), &tiny);

        // Trailing data is kept for the linter to judge.
        let mut der = fake_cert(2000, 10);
        der.extend_from_slice(b"trailing");
        let items = frame_all(&der);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn der_stream_over_the_limit() {
        let limits = Limits {
            max_cert_bytes: 1000,
            ..Limits::default()
        };
        let der = fake_cert(2000, 12);
        let items: Vec<_> = frame("t", &der[..], limits.clone()).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));

        // Indefinite length: only the stream size counts.
        let mut ber = vec![0x30, 0x80];
        ber.extend(vec![0u8; 2000]);
        let items: Vec<_> = frame("t", &ber[..], limits).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
    }

    /// A lazily produced stream: `header` then zero bytes up to `total`.
    struct Lazy {
        header: Vec<u8>,
        pos: u64,
        total: u64,
        largest_read: usize,
    }

    impl Read for Lazy {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let left = self.total - self.pos;
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            buf[..n].fill(0);
            let start = usize::try_from(self.pos).unwrap_or(usize::MAX);
            if start < self.header.len() {
                let m = (self.header.len() - start).min(n);
                buf[..m].copy_from_slice(&self.header[start..start + m]);
            }
            self.pos += n as u64;
            self.largest_read = self.largest_read.max(n);
            Ok(n)
        }
    }

    #[test]
    fn huge_declared_der_is_too_large_and_streamed() {
        let total = 200u64 << 20;
        let content = total - 6;
        let mut header = vec![0x30, 0x84];
        header.extend_from_slice(&(content as u32).to_be_bytes());
        let mut lazy = Lazy {
            header,
            pos: 0,
            total,
            largest_read: 0,
        };
        let started = Instant::now();
        let items: Vec<_> = frame("big.der", &mut lazy, Limits::default()).collect();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "took {:?}",
            started.elapsed()
        );
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "big.der");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
        // The stream was drained in buffer-sized reads, never gathered whole.
        assert_eq!(lazy.pos, total);
        assert!(lazy.largest_read <= READ_CHUNK);
    }
}
