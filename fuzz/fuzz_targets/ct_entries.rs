//! The CT entry decoder on arbitrary bytes: as a whole get-entries response (streamed through
//! short reads), and as the leaf_input / extra_data of one entry.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::ct::json::{self, Event, Field, TextCaps};
use smimelint::ct::leaf;
use smimelint::ct::reader::{read_all, EntryLimits};
use smimelint::input::Limits;
use std::io::{BufReader, Read};

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
    // Small caps so the over-cap paths are reached by small inputs.
    let caps = TextCaps {
        leaf_input: 64,
        extra_data: 256,
    };
    let step = usize::from(first % 16) + 1;
    let mut events = Vec::new();
    json::parse(
        BufReader::with_capacity(step, Trickle { data: rest, step }),
        caps,
        &mut |e| {
            if let Event::Entry(entry) = &e {
                for (f, cap) in [(&entry.leaf_input, 64), (&entry.extra_data, 256)] {
                    if let Field::Text(t) = f {
                        assert!(t.len() <= cap);
                    }
                }
            }
            events.push(format!("{e:?}"));
            true
        },
    );
    // Parsing does not depend on how the bytes arrive.
    let mut whole = Vec::new();
    json::parse(rest, caps, &mut |e| {
        whole.push(format!("{e:?}"));
        true
    });
    assert_eq!(events, whole);

    // The whole reader: at least one record per document or entry, never a panic.
    let limits = EntryLimits {
        leaf_input: 48,
        extra_data: 192,
    };
    let items = read_all("fuzz", rest, 0, &Limits::default(), &limits);
    assert!(!items.is_empty());

    // The same bytes, split in two, as one entry's fields (raw and as base64 text).
    let cut = usize::from(first).min(rest.len());
    let (a, b) = rest.split_at(cut);
    let _ = leaf::decode(a, Some(b));
    let _ = leaf::decode(a, None);
    use base64::Engine as _;
    let (ea, eb) = (
        base64::engine::general_purpose::STANDARD.encode(a),
        base64::engine::general_purpose::STANDARD.encode(b),
    );
    if let Ok(e) = leaf::decode(ea.as_bytes(), Some(eb.as_bytes())) {
        assert!(!e.cert.is_empty());
    }
});
