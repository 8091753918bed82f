//! Reads saved `get-entries` responses — one per file, several concatenated, or one per line —
//! and turns every entry into one [`InputItem`] named `SOURCE@INDEX`.
//!
//! Parsing streams: the `entries` array is visited element by element, so a response of any
//! size is held one entry at a time. A top-level object that is itself an entry (has
//! `leaf_input`) is accepted too, so JSON lines of bare entries work. Indexes run on across
//! all inputs from `start`, as when consecutive pages of one log are given in order.

use super::leaf::{self, EntryType};
use crate::input::{InputError, InputErrorKind, InputItem, Limits};
use crate::runner::InputSource;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;
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
}

impl CtCounts {
    pub fn snapshot(&self) -> crate::summary::CtTally {
        crate::summary::CtTally {
            x509_entries: self.x509.load(Ordering::Relaxed),
            precert_entries: self.precert.load(Ordering::Relaxed),
            undecodable: self.errors.load(Ordering::Relaxed),
        }
    }
}

fn fatal(name: String, kind: InputErrorKind, message: String) -> InputItem {
    InputItem {
        name,
        encoding: None,
        pem_label: None,
        der: Err(InputError { kind, message }),
    }
}

/// One entry (a JSON object with `leaf_input` and `extra_data`) as an item to lint.
pub fn entry_item(
    source: &str,
    index: u64,
    entry: &Value,
    limits: &Limits,
    counts: &CtCounts,
) -> InputItem {
    let name = format!("{source}@{index}");
    let field = |k: &str| entry.get(k).and_then(Value::as_str);
    let decoded = match (field("leaf_input"), entry.get("extra_data")) {
        (Some(leaf_input), None | Some(Value::Null)) => leaf::decode(leaf_input, None),
        (Some(leaf_input), Some(Value::String(extra))) => leaf::decode(leaf_input, Some(extra)),
        (Some(_), Some(_)) => Err(leaf::EntryError("extra_data is not a string".into())),
        (None, _) => Err(leaf::EntryError(
            "entry is not an object with a leaf_input string".into(),
        )),
    };
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
                encoding: Some(crate::input::Encoding::Der),
                pem_label: None,
                der: Ok(e.cert),
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
                    &counts,
                    &mut send,
                ),
                InputSource::Path(p) => {
                    // Directories give every file in them, sorted; hidden ones are skipped.
                    let mut ok = true;
                    for entry in crate::input::expand_paths(&[p], true) {
                        let opened = entry.and_then(|path| match std::fs::File::open(&path) {
                            Ok(f) => Ok((path, f)),
                            Err(e) => Err((path, e)),
                        });
                        ok = match opened {
                            Ok((path, f)) => read_one(
                                &crate::input::path_name(&path),
                                io::BufReader::with_capacity(64 * 1024, f),
                                &mut index,
                                &limits,
                                &counts,
                                &mut send,
                            ),
                            Err((path, e)) => {
                                counts.errors.fetch_add(1, Ordering::Relaxed);
                                let name = crate::input::path_name(&path);
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
    mut reader: R,
    index: &mut u64,
    limits: &Limits,
    counts: &CtCounts,
    send: &mut dyn FnMut(InputItem) -> bool,
) -> bool {
    let mut documents = 0usize;
    let mut send_failed = false;
    loop {
        match skip_whitespace(&mut reader) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                counts.errors.fetch_add(1, Ordering::Relaxed);
                let msg = format!("cannot read {source}: {e}");
                return send(fatal(source.into(), InputErrorKind::Unreadable, msg));
            }
        }
        documents += 1;
        let mut emit = |entry: Value| -> bool {
            let item = entry_item(source, *index, &entry, limits, counts);
            *index += 1;
            let ok = send(item);
            send_failed |= !ok;
            ok
        };
        let mut de = serde_json::Deserializer::from_reader(&mut reader);
        let outcome = Document { emit: &mut emit }.deserialize(&mut de);
        if send_failed {
            return false;
        }
        match outcome {
            Ok(true) => {}
            Ok(false) => {
                counts.errors.fetch_add(1, Ordering::Relaxed);
                let msg = format!(
                    "JSON document {documents} of {source} is not a get-entries response \
                     (no \"entries\" array, no \"leaf_input\")"
                );
                if !send(fatal(source.into(), InputErrorKind::CtEntry, msg)) {
                    return false;
                }
            }
            Err(e) => {
                // After a syntax error the rest of the stream cannot be trusted to line up
                // with entry indexes, so the source ends here.
                counts.errors.fetch_add(1, Ordering::Relaxed);
                let msg = format!(
                    "invalid JSON in document {documents} of {source}: {e}; \
                     the rest of {source} is not read"
                );
                return send(fatal(source.into(), InputErrorKind::CtEntry, msg));
            }
        }
    }
    if documents == 0 {
        counts.errors.fetch_add(1, Ordering::Relaxed);
        let msg = format!("{source} is empty: no get-entries response");
        return send(fatal(source.into(), InputErrorKind::Empty, msg));
    }
    true
}

/// Skips whitespace between documents; false at end of input.
fn skip_whitespace<R: BufRead>(r: &mut R) -> io::Result<bool> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let found = n < buf.len();
        r.consume(n);
        if found {
            return Ok(true);
        }
    }
}

/// One top-level JSON object: a response (`entries`) or a bare entry (`leaf_input`). Returns
/// whether it was either.
struct Document<'f> {
    emit: &'f mut dyn FnMut(Value) -> bool,
}

const STOPPED: &str = "output closed";

impl<'de> DeserializeSeed<'de> for Document<'_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a get-entries response object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut recognised = false;
        let mut bare = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "entries" => {
                    map.next_value_seed(Entries {
                        emit: &mut *self.emit,
                    })?;
                    recognised = true;
                }
                "leaf_input" | "extra_data" => {
                    bare.insert(key, map.next_value::<Value>()?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if bare.contains_key("leaf_input") {
            if !(self.emit)(Value::Object(bare)) {
                return Err(de::Error::custom(STOPPED));
            }
            recognised = true;
        }
        Ok(recognised)
    }
}

struct Entries<'f> {
    emit: &'f mut dyn FnMut(Value) -> bool,
}

impl<'de> DeserializeSeed<'de> for Entries<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<Value>()? {
            if !(self.emit)(entry) {
                return Err(de::Error::custom(STOPPED));
            }
        }
        Ok(())
    }
}

/// Reads responses from any reader (for tests and the library): all items, in order.
pub fn read_all<R: Read>(source: &str, reader: R, start: u64, limits: &Limits) -> Vec<InputItem> {
    let counts = CtCounts::default();
    let mut index = start;
    let mut items = Vec::new();
    read_one(
        source,
        io::BufReader::new(reader),
        &mut index,
        limits,
        &counts,
        &mut |item| {
            items.push(item);
            true
        },
    );
    items
}
