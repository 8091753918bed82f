//! Reads saved `get-entries` responses — one per file, several concatenated, or one per line —
//! and turns every entry into one [`InputItem`] named `SOURCE@INDEX`.
//!
//! Parsing streams ([`json`]): the `entries` array is visited element by element and each
//! field is capped ([`EntryLimits`]), so a response of any size is held one capped entry at a
//! time. A top-level object that is itself an entry (has
//! `leaf_input`) is accepted too, so JSON lines of bare entries work. Indexes run on across
//! all inputs from `start`, as when consecutive pages of one log are given in order.

use super::json::{self, Field};
use super::leaf::{self, EntryType};
use smimelint_input::{InputError, InputErrorKind, InputItem, Limits};
use smimelint_runner::InputSource;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};

/// Counts by entry type, shared between the reading thread and the summary.
#[derive(Debug, Default)]
pub struct CtCounts {
    pub x509: AtomicU64,
    pub precert: AtomicU64,
    /// Entries (or whole inputs) that could not be decoded; each gave a fatal record.
    pub errors: AtomicU64,
    /// Why the scan ended before its range did, if it did.
    pub stopped: std::sync::Mutex<Option<String>>,
}

impl CtCounts {
    pub fn snapshot(&self) -> smimelint_output::summary::CtTally {
        smimelint_output::summary::CtTally {
            x509_entries: self.x509.load(Ordering::Relaxed),
            precert_entries: self.precert.load(Ordering::Relaxed),
            undecodable: self.errors.load(Ordering::Relaxed),
        }
    }

    /// Why the scan stopped early, if it did.
    pub fn stopped(&self) -> Option<String> {
        self.stopped.lock().ok().and_then(|s| s.clone())
    }
}

fn fatal(name: String, kind: InputErrorKind, message: String) -> InputItem {
    InputItem {
        name,
        encoding: None,
        pem_label: None,
        der: Err(InputError { kind, message }),
        notes: Vec::new(),
        stream: None,
    }
}

/// Default largest `leaf_input`, in decoded bytes.
pub const DEFAULT_MAX_LEAF_BYTES: usize = 1 << 20;
/// Default largest `extra_data`, in decoded bytes.
pub const DEFAULT_MAX_EXTRA_DATA_BYTES: usize = 4 << 20;

/// Caps on one entry's fields, in decoded bytes. A field over its cap is never held in
/// memory: the entry becomes one fatal record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryLimits {
    pub leaf_input: usize,
    pub extra_data: usize,
}

impl Default for EntryLimits {
    fn default() -> Self {
        EntryLimits {
            leaf_input: DEFAULT_MAX_LEAF_BYTES,
            extra_data: DEFAULT_MAX_EXTRA_DATA_BYTES,
        }
    }
}

impl EntryLimits {
    /// The caps as base64 text lengths (a little slack for surrounding whitespace).
    pub fn text_caps(&self) -> json::TextCaps {
        let chars = |bytes: usize| bytes.div_ceil(3).saturating_mul(4).saturating_add(2);
        json::TextCaps {
            leaf_input: chars(self.leaf_input),
            extra_data: chars(self.extra_data),
        }
    }
}

/// One entry as found by the JSON reader, as an item to lint.
pub fn entry_item(
    source: &str,
    index: u64,
    entry: json::RawEntry,
    limits: &Limits,
    entry_limits: &EntryLimits,
    counts: &CtCounts,
) -> InputItem {
    let name = format!("{source}@{index}");
    let too_long = |field: &str, chars: u64, cap: usize, flag: &str| {
        counts.errors.fetch_add(1, Ordering::Relaxed);
        fatal(
            name.clone(),
            InputErrorKind::TooLarge,
            format!(
                "CT entry: {field} of {chars} base64 characters is over the limit of {cap} \
                 bytes ({flag})"
            ),
        )
    };
    if let Field::TooLong(n) = entry.leaf_input {
        return too_long("leaf_input", n, entry_limits.leaf_input, "--max-leaf-size");
    }
    if let Field::TooLong(n) = entry.extra_data {
        return too_long(
            "extra_data",
            n,
            entry_limits.extra_data,
            "--max-extra-data-size",
        );
    }
    let decoded = match (&entry.leaf_input, &entry.extra_data) {
        _ if !entry.is_object => Err(leaf::EntryError(
            "entry is not an object with a leaf_input string".into(),
        )),
        (Field::Text(leaf_input), Field::Absent | Field::Null) => leaf::decode(leaf_input, None),
        (Field::Text(leaf_input), Field::Text(extra)) => leaf::decode(leaf_input, Some(extra)),
        (Field::Text(_), _) => Err(leaf::EntryError("extra_data is not a string".into())),
        _ => Err(leaf::EntryError(
            "entry is not an object with a leaf_input string".into(),
        )),
    };
    drop(entry);
    match decoded {
        Ok(e) if e.cert.len() > limits.max_cert_bytes => {
            counts.errors.fetch_add(1, Ordering::Relaxed);
            fatal(
                name,
                InputErrorKind::TooLarge,
                format!(
                    "CT entry: certificate of {} bytes is over the limit of {} bytes",
                    e.cert.len(),
                    limits.max_cert_bytes
                ),
            )
        }
        Ok(e) => {
            let counter = match e.entry_type {
                EntryType::X509 => &counts.x509,
                EntryType::Precert => &counts.precert,
            };
            counter.fetch_add(1, Ordering::Relaxed);
            InputItem {
                name,
                encoding: Some(smimelint_input::Encoding::Der),
                pem_label: None,
                der: Ok(e.cert),
                notes: e.notes,
                stream: None,
            }
        }
        Err(e) => {
            counts.errors.fetch_add(1, Ordering::Relaxed);
            fatal(name, InputErrorKind::CtEntry, format!("CT entry: {e}"))
        }
    }
}

/// Items from every source in order, entry indexes starting at `start`. Parsing runs on its
/// own thread, a bounded channel ahead of the consumer; dropping the iterator stops it.
pub fn read(
    sources: Vec<InputSource>,
    start: u64,
    limits: Limits,
    entry_limits: EntryLimits,
    counts: Arc<CtCounts>,
) -> impl Iterator<Item = InputItem> + Send {
    let (tx, rx) = mpsc::sync_channel::<InputItem>(1024);
    std::thread::spawn(move || {
        let mut index = start;
        let mut send = |item: InputItem| tx.send(item).is_ok();
        for src in sources {
            let ok = match src {
                InputSource::Stdin => read_one(
                    "-",
                    io::stdin().lock(),
                    &mut index,
                    &limits,
                    &entry_limits,
                    &counts,
                    &mut send,
                ),
                InputSource::Path(p) => {
                    // Directories give every file in them, sorted; hidden ones are skipped.
                    let mut ok = true;
                    for entry in smimelint_input::expand_paths(&[p], true) {
                        let opened = entry.and_then(|path| match std::fs::File::open(&path) {
                            Ok(f) => Ok((path, f)),
                            Err(e) => Err((path, e)),
                        });
                        ok = match opened {
                            Ok((path, f)) => read_one(
                                &smimelint_input::path_name(&path),
                                io::BufReader::with_capacity(64 * 1024, f),
                                &mut index,
                                &limits,
                                &entry_limits,
                                &counts,
                                &mut send,
                            ),
                            Err((path, e)) => {
                                counts.errors.fetch_add(1, Ordering::Relaxed);
                                let name = smimelint_input::path_name(&path);
                                let msg = format!("cannot read {name}: {e}");
                                send(fatal(name, InputErrorKind::Unreadable, msg))
                            }
                        };
                        if !ok {
                            break;
                        }
                    }
                    ok
                }
            };
            if !ok {
                return;
            }
        }
    });
    rx.into_iter()
}

/// Reads one source; false when the consumer has gone away.
fn read_one<R: BufRead>(
    source: &str,
    reader: R,
    index: &mut u64,
    limits: &Limits,
    entry_limits: &EntryLimits,
    counts: &CtCounts,
    send: &mut dyn FnMut(InputItem) -> bool,
) -> bool {
    let mut on = |event: json::Event| -> bool {
        let item = match event {
            json::Event::Entry(entry) => {
                let item = entry_item(source, *index, entry, limits, entry_limits, counts);
                *index += 1;
                item
            }
            json::Event::NotResponse => {
                counts.errors.fetch_add(1, Ordering::Relaxed);
                let msg = format!(
                    "a JSON document of {source} is not a get-entries response \
                     (no \"entries\" array, no \"leaf_input\")"
                );
                fatal(source.into(), InputErrorKind::CtEntry, msg)
            }
            json::Event::Invalid(e) => {
                // After a syntax error the rest of the stream cannot be trusted to line up
                // with entry indexes, so the source ends here.
                counts.errors.fetch_add(1, Ordering::Relaxed);
                let msg =
                    format!("invalid JSON in {source}: {e}; the rest of {source} is not read");
                fatal(source.into(), InputErrorKind::CtEntry, msg)
            }
        };
        send(item)
    };
    let Some(seen) = json::parse(reader, entry_limits.text_caps(), &mut on) else {
        return false;
    };
    if seen == 0 {
        counts.errors.fetch_add(1, Ordering::Relaxed);
        let msg = format!("{source} is empty: no get-entries response");
        return send(fatal(source.into(), InputErrorKind::Empty, msg));
    }
    true
}

/// Reads responses from any reader (for tests and the library): all items, in order.
pub fn read_all<R: Read>(
    source: &str,
    reader: R,
    start: u64,
    limits: &Limits,
    entry_limits: &EntryLimits,
) -> Vec<InputItem> {
    let counts = CtCounts::default();
    let mut index = start;
    let mut items = Vec::new();
    read_one(
        source,
        io::BufReader::new(reader),
        &mut index,
        limits,
        entry_limits,
        &counts,
        &mut |item| {
            items.push(item);
            true
        },
    );
    items
}
