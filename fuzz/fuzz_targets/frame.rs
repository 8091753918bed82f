//! Input framing (PEM, base64 lines, DER) of arbitrary bytes, read through short reads of a
//! size the input chooses so buffer boundaries land everywhere.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::input::{frame, Limits};
use std::io::Read;

/// Hands out at most `step` bytes per read.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // Small limits so the over-limit paths are reached by small inputs.
    let limits = Limits {
        max_cert_bytes: 4096,
        max_line_bytes: 1024,
        max_document_bytes: 8192,
    };
    let step = usize::from(first % 32) + 1;
    let reader = Trickle { data: rest, step };
    let mut items = 0;
    for item in frame("fuzz", reader, limits.clone()) {
        items += 1;
        if let Ok(der) = &item.der {
            assert!(der.len() <= limits.max_cert_bytes + 64 * 1024);
        }
    }
    // Every stream yields at least one record (a certificate or the reason there is none).
    assert!(items >= 1);
    // Framing does not depend on how the bytes arrive.
    let whole: Vec<_> = frame("fuzz", rest, limits.clone()).map(|i| i.der).collect();
    let trickled: Vec<_> = frame("fuzz", Trickle { data: rest, step }, limits)
        .map(|i| i.der)
        .collect();
    assert_eq!(whole, trickled);
});
