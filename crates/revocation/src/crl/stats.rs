//! Facts about all entries of a CRL, gathered as they stream past, for the rules that need the
//! whole list (repeated serial numbers, certificateIssuer in an indirect CRL).

use super::entry::RevokedEntry;
use smimelint_cert::oid;
use std::hash::{Hash, Hasher};

/// Most entries the duplicate-serial check records (16 octets each: 512 MiB at most); the
/// largest public CRLs hold a few million entries.
pub const MAX_TRACKED: usize = 1 << 25;

/// Aggregate facts about the revoked entries.
#[derive(Debug, Default)]
pub struct EntryStats {
    /// Entries read.
    pub count: u64,
    /// Entries with crlEntryExtensions.
    pub with_extensions: u64,
    /// Entries with a certificateIssuer extension: how many, and the first (0-based index).
    pub certificate_issuer: Option<(u64, u64)>,
    /// The first pair of entries (0-based indexes) naming the same certificate: the same
    /// serial number under the same certificate issuer.
    pub duplicate: Option<(u64, u64)>,
    /// Entries beyond [`MAX_TRACKED`] whose serials the duplicate check did not record.
    pub untracked: u64,
    /// Per entry, 96 bits of a fingerprint of (certificate issuer, serial) and the index.
    fingerprints: Vec<u128>,
    /// Most fingerprints kept ([`MAX_TRACKED`] unless the reader's limits say fewer).
    cap: usize,
    /// Fingerprint of the certificateIssuer in force (indirect CRLs: it carries over to the
    /// following entries until the next one).
    issuer_context: u64,
}

impl EntryStats {
    /// Makes room for about `n` entries at once, so that a large list does not pay for the
    /// doubling of its fingerprint buffer (which would hold up to twice the memory at its peak).
    pub fn expect_entries(&mut self, n: usize) {
        self.fingerprints.reserve_exact(n.min(self.cap()));
    }

    /// Stats that record at most `cap` fingerprints.
    pub fn with_cap(cap: usize) -> EntryStats {
        EntryStats {
            cap: cap.min(MAX_TRACKED),
            ..EntryStats::default()
        }
    }

    fn cap(&self) -> usize {
        if self.cap == 0 {
            MAX_TRACKED
        } else {
            self.cap
        }
    }

    pub fn observe(&mut self, entry: &RevokedEntry<'_>) {
        self.with_extensions += u64::from(entry.extensions_field.is_some());
        if let Some(ext) = entry.extension(&oid::CERTIFICATE_ISSUER) {
            self.issuer_context = fingerprint64(0x6973, ext.value);
            let (n, first) = self.certificate_issuer.unwrap_or((0, entry.index));
            self.certificate_issuer = Some((n + 1, first));
        }
        if self.fingerprints.len() >= self.cap() {
            self.untracked += 1;
        } else if let Some(serial) = entry.serial {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            self.issuer_context.hash(&mut h);
            serial.content.hash(&mut h);
            let high = u128::from(h.finish()) << 64;
            let low = u128::from(fingerprint64(0x7365, serial.content) & !0xffff_ffff);
            let index = u128::from(u32::try_from(entry.index).unwrap_or(u32::MAX));
            self.fingerprints.push(high | low | index);
        }
        self.count += 1;
    }

    /// Sorts the fingerprints once every entry is in and records the first repeat.
    pub fn finish(&mut self) {
        let mut prints = std::mem::take(&mut self.fingerprints);
        prints.sort_unstable();
        let key = |p: u128| p >> 32;
        let index = |p: u128| (p & 0xffff_ffff) as u64;
        self.duplicate = prints
            .windows(2)
            .filter(|w| key(w[0]) == key(w[1]))
            .map(|w| (index(w[0]), index(w[1])))
            .min_by_key(|&(_, second)| second);
    }
}

fn fingerprint64(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    seed.hash(&mut h);
    bytes.hash(&mut h);
    h.finish()
}
