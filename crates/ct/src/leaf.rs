//! RFC 6962 log entries: the `MerkleTreeLeaf` in `leaf_input` and the chain in `extra_data`.
//!
//! ```text
//! MerkleTreeLeaf   = version(1) leaf_type(1) TimestampedEntry
//! TimestampedEntry = timestamp(8) entry_type(2) signed_entry extensions<0..2^16-1>
//!   x509_entry     : ASN.1Cert<1..2^24-1>
//!   precert_entry  : issuer_key_hash[32] TBSCertificate<1..2^24-1>
//! extra_data
//!   x509_entry     : certificate_chain<0..2^24-1> of ASN.1Cert
//!   precert_entry  : pre_certificate ASN.1Cert, precertificate_chain<0..2^24-1>
//! ```
//!
//! For an x509 entry the certificate in the leaf is linted; for a precert entry the
//! precertificate from `extra_data` (which carries the critical poison extension), since the
//! leaf holds only a TBSCertificate with the poison removed. Every length is checked against
//! the bytes that are there: a structure that does not add up is an error, never a guess.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use smimelint_input::InputNote;
use std::fmt;

/// RFC 6962 `LogEntryType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryType {
    X509,
    Precert,
}

/// A decoded log entry: the certificate to lint and what the leaf said about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub entry_type: EntryType,
    /// Milliseconds since the epoch, from the TimestampedEntry.
    pub timestamp: u64,
    /// DER of the certificate (x509 entry) or precertificate (precert entry).
    pub cert: Vec<u8>,
    /// Number of certificates in the chain from `extra_data` (0 when it is malformed).
    pub chain_len: usize,
    /// Problems that leave the certificate lintable, each for its own finding.
    pub notes: Vec<InputNote>,
}

/// Why an entry could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryError(pub String);

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, EntryError> {
    Err(EntryError(msg.into()))
}

/// Lint reporting an x509 entry whose `extra_data` chain cannot be decoded.
pub const CHAIN_INVALID: &str = "e_ct_chain_invalid";
/// Lint reporting a precertificate that is not the one the leaf's TBSCertificate was made from.
pub const PRECERT_MISMATCH: &str = "e_ct_precert_tbs_mismatch";

/// Decodes one `get-entries` entry from its two base64 fields (as text). `extra_data` may be
/// absent for an x509 entry (the leaf holds the whole certificate); a precert entry needs it.
pub fn decode(leaf_input: &[u8], extra_data: Option<&[u8]>) -> Result<Entry, EntryError> {
    let leaf = base64_field("leaf_input", leaf_input)?;
    let mut r = Cursor::new("leaf_input", &leaf);
    let version = r.u8("version")?;
    if version != 0 {
        return err(format!(
            "leaf_input: unknown MerkleTreeLeaf version {version} (only v1 = 0 is defined)"
        ));
    }
    let leaf_type = r.u8("leaf_type")?;
    if leaf_type != 0 {
        return err(format!(
            "leaf_input: unknown MerkleLeafType {leaf_type} (only timestamped_entry = 0 is defined)"
        ));
    }
    let timestamp = r.u64("timestamp")?;
    let entry_type = match r.u16("entry_type")? {
        0 => EntryType::X509,
        1 => EntryType::Precert,
        other => {
            return err(format!(
                "leaf_input: unknown LogEntryType {other} (x509_entry = 0, precert_entry = 1)"
            ))
        }
    };
    let signed = match entry_type {
        EntryType::X509 => r.opaque24("ASN.1Cert", 1)?,
        EntryType::Precert => {
            r.take("issuer_key_hash", 32)?;
            r.opaque24("tbs_certificate", 1)?
        }
    };
    r.opaque16("extensions")?;
    r.finish()?;

    let mut notes = Vec::new();
    match entry_type {
        EntryType::X509 => {
            // The certificate is whole in the leaf: a broken chain is reported, not fatal.
            let chain = match extra_data {
                None => Ok(0),
                Some(text) => base64_field("extra_data", text).and_then(|extra| {
                    let mut x = Cursor::new("extra_data", &extra);
                    let chain = x.opaque24("certificate_chain", 0)?;
                    x.finish()?;
                    split_chain(chain).map(|c| c.len())
                }),
            };
            let chain_len = match chain {
                Ok(n) => n,
                Err(e) => {
                    notes.push(InputNote {
                        lint: CHAIN_INVALID,
                        details: format!("the entry's certificate chain is malformed: {e}"),
                    });
                    0
                }
            };
            Ok(Entry {
                entry_type,
                timestamp,
                cert: signed.to_vec(),
                chain_len,
                notes,
            })
        }
        EntryType::Precert => {
            let Some(text) = extra_data else {
                return err("precert entry without extra_data: the precertificate is missing");
            };
            let extra = base64_field("extra_data", text)?;
            let mut x = Cursor::new("extra_data", &extra);
            let pre = x.opaque24("pre_certificate", 1)?;
            let chain = x
                .opaque24("precertificate_chain", 0)
                .and_then(|c| x.finish().map(|()| c))
                .and_then(split_chain);
            let chain_len = match &chain {
                Ok(c) => c.len(),
                Err(e) => {
                    notes.push(InputNote {
                        lint: CHAIN_INVALID,
                        details: format!("the entry's precertificate chain is malformed: {e}"),
                    });
                    0
                }
            };
            let first = chain.as_ref().ok().and_then(|c| c.first().copied());
            if let Some(why) = super::precert::mismatch(signed, pre, first) {
                notes.push(InputNote {
                    lint: PRECERT_MISMATCH,
                    details: format!(
                        "the precertificate in extra_data is not the one logged in leaf_input \
                         (RFC 6962 3.2): {why}"
                    ),
                });
            }
            Ok(Entry {
                entry_type,
                timestamp,
                cert: pre.to_vec(),
                chain_len,
                notes,
            })
        }
    }
}

fn base64_field(field: &str, text: &[u8]) -> Result<Vec<u8>, EntryError> {
    let decoded = STANDARD
        .decode(text.trim_ascii())
        .map_err(|e| EntryError(format!("{field}: bad base64: {e}")))?;
    if decoded.is_empty() {
        return err(format!("{field}: empty"));
    }
    Ok(decoded)
}

/// The chain is a list of `ASN.1Cert<1..2^24-1>` that must fill its vector exactly.
fn split_chain(chain: &[u8]) -> Result<Vec<&[u8]>, EntryError> {
    let mut c = Cursor::new("extra_data chain", chain);
    let mut certs = Vec::new();
    while !c.rest().is_empty() {
        certs.push(c.opaque24("ASN.1Cert", 1)?);
    }
    Ok(certs)
}

/// Reads TLS presentation-language fields, naming the structure in every error.
struct Cursor<'a> {
    what: &'static str,
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(what: &'static str, data: &'a [u8]) -> Self {
        Cursor { what, data, pos: 0 }
    }

    fn rest(&self) -> &'a [u8] {
        &self.data[self.pos..]
    }

    fn take(&mut self, field: &str, n: usize) -> Result<&'a [u8], EntryError> {
        let rest = self.rest();
        if rest.len() < n {
            return err(format!(
                "{}: truncated at offset {}: {field} needs {n} byte(s), {} left",
                self.what,
                self.pos,
                rest.len()
            ));
        }
        self.pos += n;
        Ok(&rest[..n])
    }

    fn uint(&mut self, field: &str, n: usize) -> Result<u64, EntryError> {
        Ok(self
            .take(field, n)?
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    fn u8(&mut self, field: &str) -> Result<u8, EntryError> {
        Ok(self.take(field, 1)?[0])
    }

    fn u16(&mut self, field: &str) -> Result<u16, EntryError> {
        Ok(self.uint(field, 2)? as u16)
    }

    fn u64(&mut self, field: &str) -> Result<u64, EntryError> {
        self.uint(field, 8)
    }

    /// `opaque field<min..2^24-1>`: a 3-byte length, then that many bytes.
    fn opaque24(&mut self, field: &str, min: usize) -> Result<&'a [u8], EntryError> {
        let len = self.uint(&format!("{field} length"), 3)? as usize;
        if len < min {
            return err(format!(
                "{}: {field} at offset {} has length {len}, less than the minimum {min}",
                self.what,
                self.pos - 3
            ));
        }
        self.take(field, len)
    }

    fn opaque16(&mut self, field: &str) -> Result<&'a [u8], EntryError> {
        let len = self.uint(&format!("{field} length"), 2)? as usize;
        self.take(field, len)
    }

    /// Trailing bytes mean a length field lied somewhere.
    fn finish(&self) -> Result<(), EntryError> {
        match self.rest().len() {
            0 => Ok(()),
            n => err(format!(
                "{}: {n} unexpected trailing byte(s) at offset {}",
                self.what, self.pos
            )),
        }
    }
}

/// Encoders for tests, benches and mock logs: the inverse of [`decode`].
pub mod encode {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;

    fn u24(out: &mut Vec<u8>, data: &[u8]) {
        let n = data.len();
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
        out.extend_from_slice(data);
    }

    /// `leaf_input` bytes of an x509 entry.
    pub fn x509_leaf(timestamp: u64, cert: &[u8]) -> Vec<u8> {
        let mut out = vec![0, 0];
        out.extend_from_slice(&timestamp.to_be_bytes());
        out.extend_from_slice(&[0, 0]);
        u24(&mut out, cert);
        out.extend_from_slice(&[0, 0]);
        out
    }

    /// `leaf_input` bytes of a precert entry.
    pub fn precert_leaf(timestamp: u64, issuer_key_hash: &[u8; 32], tbs: &[u8]) -> Vec<u8> {
        let mut out = vec![0, 0];
        out.extend_from_slice(&timestamp.to_be_bytes());
        out.extend_from_slice(&[0, 1]);
        out.extend_from_slice(issuer_key_hash);
        u24(&mut out, tbs);
        out.extend_from_slice(&[0, 0]);
        out
    }

    /// `extra_data` bytes of an x509 entry: the chain.
    pub fn x509_extra(chain: &[&[u8]]) -> Vec<u8> {
        let mut list = Vec::new();
        for c in chain {
            u24(&mut list, c);
        }
        let mut out = Vec::new();
        u24(&mut out, &list);
        out
    }

    /// `extra_data` bytes of a precert entry: the precertificate, then the chain.
    pub fn precert_extra(precert: &[u8], chain: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        u24(&mut out, precert);
        out.extend_from_slice(&x509_extra(chain));
        out
    }

    /// One `get-entries` entry as JSON.
    pub fn entry_json(leaf: &[u8], extra: &[u8]) -> serde_json::Value {
        serde_json::json!({
            "leaf_input": STANDARD.encode(leaf),
            "extra_data": STANDARD.encode(extra),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::encode::*;
    use super::*;

    const CERT: &[u8] = b"\x30\x03\x02\x01\x01";

    fn b64(b: &[u8]) -> String {
        STANDARD.encode(b)
    }

    fn dec(leaf: &str, extra: Option<&str>) -> Result<Entry, EntryError> {
        decode(leaf.as_bytes(), extra.map(str::as_bytes))
    }

    /// An x509 entry whose extra_data is `extra`: the leaf is still given, with a chain note.
    fn chain_note(extra: &str, needle: &str) {
        let e = dec(&b64(&x509_leaf(9, CERT)), Some(extra)).unwrap();
        assert_eq!(e.cert, CERT);
        assert_eq!(e.notes.len(), 1, "{e:?}");
        assert_eq!(e.notes[0].lint, CHAIN_INVALID);
        assert!(e.notes[0].details.contains(needle), "{e:?} lacks {needle}");
    }

    #[test]
    fn x509_entry_yields_the_leaf_certificate() {
        let e = dec(
            &b64(&x509_leaf(1700, CERT)),
            Some(&b64(&x509_extra(&[b"\x30\x00"]))),
        )
        .unwrap();
        assert_eq!(e.entry_type, EntryType::X509);
        assert_eq!(e.timestamp, 1700);
        assert_eq!(e.cert, CERT);
        assert_eq!(e.chain_len, 1);
        // extra_data is optional for x509 entries.
        assert_eq!(dec(&b64(&x509_leaf(1, CERT)), None).unwrap().cert, CERT);
    }

    #[test]
    fn precert_entry_yields_the_precertificate_from_extra_data() {
        let e = dec(
            &b64(&precert_leaf(5, &[7; 32], b"\x30\x00")),
            Some(&b64(&precert_extra(CERT, &[]))),
        )
        .unwrap();
        assert_eq!(e.entry_type, EntryType::Precert);
        assert_eq!(e.cert, CERT);
        assert_eq!(e.chain_len, 0);
        let missing = dec(&b64(&precert_leaf(5, &[7; 32], b"\x30\x00")), None);
        assert!(missing.unwrap_err().0.contains("precertificate is missing"));
    }

    fn fails(leaf: &[u8], extra: Option<&[u8]>, needle: &str) {
        let e = dec(&b64(leaf), extra.map(b64).as_deref()).unwrap_err();
        assert!(e.0.contains(needle), "{:?} lacks {needle:?}", e.0);
    }

    #[test]
    fn truncated_leaf_is_an_error_at_every_cut() {
        let leaf = x509_leaf(9, CERT);
        for cut in 1..leaf.len() {
            fails(&leaf[..cut], None, "truncated");
        }
    }

    #[test]
    fn wrong_lengths_are_errors() {
        // Certificate length one too long (runs into the extensions) and one too short.
        let mut long = x509_leaf(9, CERT);
        long[14] += 1;
        fails(&long, None, "truncated");
        // One short: the certificate's last byte is read as the extensions length.
        let mut short = x509_leaf(9, CERT);
        short[14] -= 1;
        fails(&short, None, "extensions needs");
        let mut trailing_leaf = x509_leaf(9, CERT);
        trailing_leaf.push(0);
        fails(&trailing_leaf, None, "1 unexpected trailing byte");
        let mut extra = x509_extra(&[CERT]);
        extra[2] += 1;
        chain_note(&b64(&extra), "truncated");
        let mut trailing = x509_extra(&[CERT]);
        trailing.push(0);
        chain_note(&b64(&trailing), "trailing");
        // A precert entry needs its precertificate; a broken chain after it is only a note.
        let pre_leaf = b64(&precert_leaf(5, &[7; 32], b"\x30\x00"));
        let mut short = precert_extra(CERT, &[]);
        short[1] = 0x7f;
        assert!(dec(&pre_leaf, Some(&b64(&short)))
            .unwrap_err()
            .0
            .contains("truncated"));
        let mut chain_broken = precert_extra(CERT, &[CERT]);
        chain_broken.pop();
        let e = dec(&pre_leaf, Some(&b64(&chain_broken))).unwrap();
        assert_eq!(e.cert, CERT);
        assert!(e.notes.iter().any(|n| n.lint == CHAIN_INVALID), "{e:?}");
        fails(&x509_leaf(9, b""), None, "less than the minimum 1");
    }

    #[test]
    fn unknown_versions_and_types_are_errors() {
        let mut v = x509_leaf(9, CERT);
        v[0] = 1;
        fails(&v, None, "unknown MerkleTreeLeaf version 1");
        let mut lt = x509_leaf(9, CERT);
        lt[1] = 3;
        fails(&lt, None, "unknown MerkleLeafType 3");
        let mut et = x509_leaf(9, CERT);
        et[11] = 2;
        fails(&et, None, "unknown LogEntryType 2");
    }

    #[test]
    fn bad_base64_is_an_error() {
        let e = dec("not base64!", None).unwrap_err();
        assert!(e.0.starts_with("leaf_input: bad base64"), "{e}");
        chain_note("%%%", "extra_data: bad base64");
        assert!(dec("", None).unwrap_err().0.contains("empty"));
    }
}
