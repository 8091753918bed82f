//! Reads a CRL from a stream: the fields before the revoked list and the ones after it are
//! kept (they are small), the entries pass one at a time through a callback and are gone.
//! Memory therefore stays bounded by the limits below plus a 16-octet fingerprint per entry
//! for the duplicate-serial check, whatever the size of the CRL.

use super::entry::RevokedEntry;
use super::stats::EntryStats;
use super::CrlForm;
use crate::digest::Running;
use crate::source::{parse_header, Header, Source, Tap};
use smimelint_cert::verify::{signature_algorithm, SigAlgorithm};
use smimelint_cert::FieldError;
use smimelint_der::walk::{tag, Reader, Violation, ViolationKind, Walker};
use std::io::{self, Read};

/// Bounds on what is held in memory while reading.
#[derive(Clone, Debug)]
pub struct CrlLimits {
    /// Largest TBSCertList field before or after the list, and the trailer.
    pub max_field: usize,
    /// Largest single revoked entry.
    pub max_entry: usize,
    /// TBSCertLists up to this size are kept for signature checks (EdDSA and ML-DSA need the
    /// whole message); larger ones are hashed as they stream (RSA and ECDSA only).
    pub keep_tbs: usize,
    /// Encoding violations recorded (the rest are counted).
    pub max_violations: usize,
    /// Entries the duplicate-serial check records, 16 octets each (at most
    /// [`super::MAX_TRACKED`]).
    pub max_tracked_entries: usize,
}

impl Default for CrlLimits {
    fn default() -> Self {
        CrlLimits {
            max_field: 1 << 20,
            max_entry: 64 << 10,
            keep_tbs: 16 << 20,
            max_violations: 1000,
            max_tracked_entries: super::MAX_TRACKED,
        }
    }
}

/// Why the input could not be read as a CRL at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotACrl(pub String);

/// Everything [`read_crl`] keeps of a CRL; [`super::Crl::new`] builds the views over it.
#[derive(Debug)]
pub struct CrlParts {
    pub form: CrlForm,
    /// Bytes from the start up to the first entry (or to the end of the head when there is no
    /// list): the outer headers and the fields before revokedCertificates. `prefix[i]` is the
    /// input's byte at offset `i`.
    pub prefix: Vec<u8>,
    /// Absolute range of the TBSCertList fields before the list, within `prefix`.
    pub head: (usize, usize),
    /// Bytes after the last entry: crlExtensions, signatureAlgorithm, signatureValue and
    /// anything trailing.
    pub suffix: Vec<u8>,
    pub suffix_offset: usize,
    /// The outer SEQUENCE (CertificateList, or TBSCertList for the TBS form).
    pub outer: Header,
    /// The TBSCertList SEQUENCE (the outer one for the TBS form).
    pub tbs: Header,
    /// The revokedCertificates SEQUENCE header, when present.
    pub revoked: Option<Header>,
    pub stats: EntryStats,
    pub violations: Vec<Violation>,
    /// Violations beyond [`CrlLimits::max_violations`], counted only.
    pub violations_dropped: usize,
    pub field_errors: Vec<FieldError>,
    /// The whole TBSCertList, when at most [`CrlLimits::keep_tbs`] octets.
    pub tbs_bytes: Option<Vec<u8>>,
    /// A digest of the TBSCertList, computed while streaming when it was too large to keep.
    pub tbs_digest: Option<(smimelint_cert::verify::Hash, Vec<u8>)>,
    /// Octets read in all.
    pub total_len: usize,
}

struct Reading<R> {
    src: Source<R>,
    limits: CrlLimits,
    prefix: Vec<u8>,
    walker: Walker,
    dropped: usize,
    field_errors: Vec<FieldError>,
}

/// Reads a CRL or TBSCertList, calling `on_entry` with each revoked entry in order.
pub fn read_crl<R: Read>(
    reader: R,
    limits: CrlLimits,
    on_entry: &mut dyn FnMut(&RevokedEntry<'_>),
) -> Result<CrlParts, NotACrl> {
    let mut rd = Reading {
        src: Source::new(reader),
        limits,
        prefix: Vec::new(),
        walker: Walker::new(),
        dropped: 0,
        field_errors: Vec::new(),
    };
    rd.read(on_entry)
        .map_err(|e| NotACrl(format!("read error: {e}")))?
}

impl<R: Read> Reading<R> {
    fn read(
        &mut self,
        on_entry: &mut dyn FnMut(&RevokedEntry<'_>),
    ) -> io::Result<Result<CrlParts, NotACrl>> {
        let outer = match self.structure_header("CertificateList")? {
            Ok(h) if h.tag == tag::SEQUENCE => h,
            Ok(h) => {
                return Ok(Err(NotACrl(format!(
                    "input starts with {} instead of a SEQUENCE",
                    smimelint_der::walk::tag_name(h.tag)
                ))))
            }
            Err(e) => return Ok(Err(NotACrl(e))),
        };
        let form = match self.form()? {
            Ok(f) => f,
            Err(e) => return Ok(Err(e)),
        };
        let tbs = match form {
            CrlForm::Tbs => outer,
            CrlForm::Crl => {
                self.start_tap()?;
                match self.structure_header("tbsCertList")? {
                    Ok(h) => h,
                    Err(e) => return Ok(Err(NotACrl(e))),
                }
            }
        };
        if form == CrlForm::Tbs {
            // The TBS form is the message itself; keep it like a signed one's TBS.
            self.src.tap = Some(Tap {
                from: outer.offset,
                to: outer
                    .offset
                    .saturating_add(outer.header_len + outer.len.unwrap_or(0)),
                copy: Some(self.prefix.clone()),
                digest: None,
            });
        }
        let tbs_end = tbs.end().unwrap_or(usize::MAX);
        let head_start = self.src.position();
        if let Err(e) = self.read_head(tbs_end)? {
            return Ok(Err(e));
        }
        let head = (head_start, self.src.position());
        self.switch_to_digest(head)?;
        let mut stats = EntryStats::with_cap(self.limits.max_tracked_entries);
        let revoked = self.read_entries(tbs_end, &mut stats, on_entry)?;
        let suffix_offset = self.src.position();
        let cap = self.limits.max_field.saturating_mul(2);
        let (suffix, beyond) = self.src.take_rest(cap)?;
        if beyond > 0 {
            self.field_error(
                "certificateList",
                &format!("{beyond} octet(s) after the signature not read (over {cap} octets)"),
            );
        }
        let total_len = self.src.position();
        let tap = self.src.tap.take();
        let (tbs_bytes, tbs_digest) = match tap {
            Some(t) => (t.copy, t.digest.map(Running::finish)),
            None => (None, None),
        };
        let complete = tbs.end().is_some_and(|e| e <= total_len);
        let tbs_bytes = tbs_bytes.filter(|_| complete);
        stats.finish();
        Ok(Ok(CrlParts {
            form,
            prefix: std::mem::take(&mut self.prefix),
            head,
            suffix,
            suffix_offset,
            outer,
            tbs,
            revoked,
            stats,
            violations: std::mem::take(&mut self.walker.violations),
            violations_dropped: self.dropped,
            field_errors: std::mem::take(&mut self.field_errors),
            tbs_bytes,
            tbs_digest,
            total_len,
        }))
    }

    /// Reads a constructed header into the prefix, recording length violations.
    fn structure_header(&mut self, what: &'static str) -> io::Result<Result<Header, String>> {
        let raw = self.src.peek(10)?.to_vec();
        let h = match self.src.header()? {
            Ok(h) => h,
            Err(e) => return Ok(Err(format!("cannot read the {what} header: {e}"))),
        };
        self.prefix.extend_from_slice(&raw[..h.header_len]);
        if h.len.is_none() {
            return Ok(Err(format!(
                "the {what} SEQUENCE has a BER indefinite length, which a streamed read cannot follow"
            )));
        }
        if h.non_minimal {
            self.violation(
                ViolationKind::NonMinimalLength,
                h.offset,
                what,
                "length octets not in the shortest form".into(),
            );
        }
        Ok(Ok(h))
    }

    /// CertificateList (its first element is the TBSCertList SEQUENCE) or TBSCertList (its
    /// first element is the version INTEGER or the signature AlgorithmIdentifier).
    fn form(&mut self) -> io::Result<Result<CrlForm, NotACrl>> {
        let peek = self.src.peek(24)?.to_vec();
        let Ok((t, hl, _, _)) = parse_header(&peek) else {
            return Ok(Err(NotACrl(
                "the outer SEQUENCE is empty or cut short".into(),
            )));
        };
        Ok(match (t, peek.get(hl)) {
            (tag::INTEGER, _) => Ok(CrlForm::Tbs),
            (tag::SEQUENCE, Some(&tag::OID)) => Ok(CrlForm::Tbs),
            (tag::SEQUENCE, Some(_)) => Ok(CrlForm::Crl),
            _ => Err(NotACrl(format!(
                "a SEQUENCE starting with {} is neither a CertificateList nor a TBSCertList",
                smimelint_der::walk::tag_name(t)
            ))),
        })
    }

    fn start_tap(&mut self) -> io::Result<()> {
        let from = self.src.position();
        let peek = self.src.peek(10)?.to_vec();
        let to = match parse_header(&peek) {
            Ok((_, hl, Some(len), _)) => from.saturating_add(hl).saturating_add(len),
            _ => from,
        };
        // Sized once: a TBSCertList kept whole is known to fit the limit.
        let capacity = if to - from <= self.limits.keep_tbs {
            to - from
        } else {
            0
        };
        self.src.tap = Some(Tap {
            from,
            to,
            copy: Some(Vec::with_capacity(capacity)),
            digest: None,
        });
        Ok(())
    }

    /// Once the head is read the signature algorithm is known: a TBSCertList too large to keep
    /// is hashed from here on with that algorithm's hash.
    fn switch_to_digest(&mut self, head: (usize, usize)) -> io::Result<()> {
        let keep = self.limits.keep_tbs;
        let Some(tap) = self.src.tap.as_mut() else {
            return Ok(());
        };
        if tap.to - tap.from <= keep {
            return Ok(());
        }
        let hash = Reader::new(&self.prefix[head.0..head.1])
            .children_after_version()
            .and_then(|alg| signature_algorithm(&alg).ok())
            .and_then(hash_of);
        let copy = tap.copy.take().unwrap_or_default();
        tap.digest = hash.map(|h| {
            let mut running = Running::new(h);
            running.update(&copy);
            running
        });
        Ok(())
    }

    /// The fields before revokedCertificates: version, signature, issuer, thisUpdate and
    /// nextUpdate. Stops at the first SEQUENCE after a time, at `[0]` or at the end of the TBS.
    fn read_head(&mut self, tbs_end: usize) -> io::Result<Result<(), NotACrl>> {
        let mut seen_time = false;
        while self.src.position() < tbs_end {
            let peek = self.src.peek(10)?.to_vec();
            let Ok((t, hl, len, _)) = parse_header(&peek) else {
                break;
            };
            if (t == tag::SEQUENCE && seen_time) || t == 0xa0 {
                break;
            }
            seen_time |= matches!(t, tag::UTC_TIME | tag::GENERALIZED_TIME);
            let total = hl.saturating_add(len.unwrap_or(usize::MAX));
            if total > self.limits.max_field {
                return Ok(Err(NotACrl(format!(
                    "a tbsCertList field of {total} octets (over {})",
                    self.limits.max_field
                ))));
            }
            match self.src.take(total)? {
                Some(b) => self.prefix.extend_from_slice(b),
                None => break,
            }
        }
        Ok(Ok(()))
    }

    fn read_entries(
        &mut self,
        tbs_end: usize,
        stats: &mut EntryStats,
        on_entry: &mut dyn FnMut(&RevokedEntry<'_>),
    ) -> io::Result<Option<Header>> {
        if self.src.position() >= tbs_end || self.src.peek(1)?.first() != Some(&tag::SEQUENCE) {
            return Ok(None);
        }
        let list = match self.structure_header("revokedCertificates")? {
            Ok(h) => h,
            Err(e) => {
                self.field_error("tbsCertList.revokedCertificates", &e);
                return Ok(None);
            }
        };
        let end = list.end().unwrap_or(usize::MAX);
        let mut index = 0u64;
        let mut buf = Vec::new();
        while self.src.position() < end {
            let at = self.src.position();
            let peek = self.src.peek(10)?.to_vec();
            let Ok((_, hl, Some(len), _)) = parse_header(&peek) else {
                self.field_error(
                    "tbsCertList.revokedCertificates",
                    &format!("entry #{} at offset {at} has no readable header", index + 1),
                );
                break;
            };
            let total = hl.saturating_add(len);
            if at.saturating_add(total) > end {
                self.violation(
                    ViolationKind::Truncated,
                    at,
                    "revokedCertificates",
                    format!("entry #{} runs past the end of the list", index + 1),
                );
                break;
            }
            if total > self.limits.max_entry {
                self.field_error(
                    "tbsCertList.revokedCertificates",
                    &format!(
                        "entry #{} is {total} octets (over {}); not linted",
                        index + 1,
                        self.limits.max_entry
                    ),
                );
                if self.skip(total)? {
                    index += 1;
                    continue;
                }
                break;
            }
            buf.clear();
            match self.src.take(total)? {
                Some(b) => buf.extend_from_slice(b),
                None => {
                    self.violation(
                        ViolationKind::Truncated,
                        at,
                        "revokedCertificates",
                        format!("the input ends inside entry #{}", index + 1),
                    );
                    break;
                }
            }
            let before = self.walker.violations.len();
            let Some(tlv) = self.walker.walk_single(&buf, at, "revokedCertificates") else {
                break;
            };
            let entry = RevokedEntry::parse(tlv, index);
            if index == 0 {
                // Entries differ mostly by their extensions: an entry without them bounds the
                // size from below, so the estimate of their number errs on the high side.
                let bare = total - entry.extensions_field.map_or(0, |f| f.raw.len());
                stats.expect_entries((end - at) / bare.max(8) + 16);
            }
            for x in &entry.extensions {
                // extnValue holds a DER encoding of its own: walk it too.
                self.walker
                    .walk_single(x.value, x.value_offset, "extnValue");
            }
            self.cap_violations(before);
            for error in &entry.errors {
                self.field_error(
                    "tbsCertList.revokedCertificates",
                    &format!("{}: {error}", entry.label()),
                );
            }
            stats.observe(&entry);
            on_entry(&entry);
            index += 1;
        }
        Ok(Some(list))
    }

    fn skip(&mut self, mut n: usize) -> io::Result<bool> {
        while n > 0 {
            let step = n.min(64 << 10);
            if self.src.take(step)?.is_none() {
                return Ok(false);
            }
            n -= step;
        }
        Ok(true)
    }

    fn cap_violations(&mut self, before: usize) {
        let max = self.limits.max_violations;
        let v = &mut self.walker.violations;
        if v.len() > max {
            self.dropped += v.len() - max.max(before);
            v.truncate(max.max(before));
        }
    }

    fn violation(&mut self, kind: ViolationKind, offset: usize, region: &'static str, d: String) {
        if self.walker.violations.len() < self.limits.max_violations {
            self.walker.violations.push(Violation {
                kind,
                offset,
                region,
                detail: d,
            });
        } else {
            self.dropped += 1;
        }
    }

    fn field_error(&mut self, field: &str, message: &str) {
        if self.field_errors.len() < self.limits.max_violations {
            self.field_errors.push(FieldError::new(field, message));
        }
    }
}

fn hash_of(alg: SigAlgorithm) -> Option<smimelint_cert::verify::Hash> {
    match alg {
        SigAlgorithm::RsaPkcs1(h) | SigAlgorithm::Ecdsa(h) => Some(h),
        SigAlgorithm::RsaPss { hash, .. } => Some(hash),
        _ => None,
    }
}

/// The AlgorithmIdentifier after an optional version INTEGER.
trait AfterVersion<'a> {
    fn children_after_version(self) -> Option<smimelint_der::walk::Tlv<'a>>;
}

impl<'a> AfterVersion<'a> for Reader<'a> {
    fn children_after_version(mut self) -> Option<smimelint_der::walk::Tlv<'a>> {
        self.read_if(tag::INTEGER);
        self.read_if(tag::SEQUENCE)
    }
}
