//! Streams a signed CRL with any number of entries without holding them: every entry has the
//! same size, so all lengths are known up front, and the TBSCertList is generated twice — once
//! into the hash that is signed, once into the writer.

use super::{ext::REASON_CODE, CrlBuilder, THIS_UPDATE};
use crate::{der, CertBuilder, KeyPair, SigAlg};
use sha2::{Digest, Sha256, Sha384, Sha512};
use std::io::{self, Write};

/// Every how many entries one carries a reasonCode.
pub const REASON_EVERY: u64 = 4;
/// The reasonCode values used, in turn (all allowed by SBR 7.2.2).
const REASONS: [u8; 5] = [1, 3, 4, 5, 9];
/// Entries are generated into chunks of about this size.
const CHUNK: usize = 64 * 1024;

/// The 16 content octets of entry `i`'s serial: a fixed positive prefix, then `i`.
pub fn large_serial(i: u64) -> [u8; 16] {
    let mut s = [0x5a, 0x17, 0x3c, 0x42, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    s[8..].copy_from_slice(&i.to_be_bytes());
    s
}

/// Entry `i` (every one a fixed 35 or 49 octets).
fn entry(i: u64, out: &mut Vec<u8>) {
    let has_reason = i.is_multiple_of(REASON_EVERY);
    out.extend([0x30, if has_reason { 47 } else { 33 }, 0x02, 16]);
    out.extend(large_serial(i));
    // Seconds before thisUpdate keep the UTCTime at 13 characters.
    out.extend(der::time(THIS_UPDATE - 60 - (i % 2_000_000) as i64));
    if has_reason {
        let reason = REASONS[((i / REASON_EVERY) % REASONS.len() as u64) as usize];
        let ext = [
            der::oid_of(&REASON_CODE),
            der::octets(&super::ext::crl_reason(reason)),
        ];
        out.extend(der::seq(&[der::seq(&ext)]));
    }
}

/// TLV header (identifier and length octets) of a value of `len` octets.
fn header(tag: u8, len: u64) -> Vec<u8> {
    let mut h = vec![tag];
    h.extend(der::len(
        usize::try_from(len).expect("CRL length fits usize"),
    ));
    h
}

enum Hasher {
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl Hasher {
    fn new(alg: SigAlg) -> io::Result<Hasher> {
        match alg.prehash_bits() {
            Some(256) => Ok(Hasher::Sha256(Sha256::new())),
            Some(384) => Ok(Hasher::Sha384(Sha384::new())),
            Some(512) => Ok(Hasher::Sha512(Sha512::new())),
            _ => Err(io::Error::other(format!(
                "{alg:?} signs the whole message: a streamed CRL needs an RSA or ECDSA key"
            ))),
        }
    }
    fn update(&mut self, b: &[u8]) {
        match self {
            Hasher::Sha256(h) => h.update(b),
            Hasher::Sha384(h) => h.update(b),
            Hasher::Sha512(h) => h.update(b),
        }
    }
    fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

/// The TBSCertList of `n` entries, in pieces: everything before the entries, and after.
struct Layout {
    head: Vec<u8>,
    tail: Vec<u8>,
    tbs_len: u64,
    n: u64,
}

impl Layout {
    fn new(base: &CrlBuilder, n: u64) -> Layout {
        let fields = base.clone().entries(Vec::new()).build_tbs();
        // Without entries the TBS is header, the fields before revokedCertificates, then [0].
        let hdr_len = match fields[1] {
            n if n < 0x80 => 2,
            n => 2 + usize::from(n & 0x7f),
        };
        let body = &fields[hdr_len..];
        let ext_len = base.extensions_raw.clone().map_or_else(
            || der::explicit(0, &crate::extensions_der(&base.extensions)).len(),
            |raw| raw.len(),
        );
        let (before, tail) = body.split_at(body.len() - ext_len);
        let with_reason = n.div_ceil(REASON_EVERY);
        let revoked_len = n * 35 + with_reason * 14;
        let mut head = before.to_vec();
        // RFC 5280 §5.1.2.6: no entries, no revokedCertificates.
        if n > 0 {
            head.extend(header(0x30, revoked_len));
        }
        let content = head.len() as u64 + revoked_len + tail.len() as u64;
        let mut tbs_head = header(0x30, content);
        tbs_head.extend(head);
        Layout {
            tbs_len: tbs_head.len() as u64 + revoked_len + tail.len() as u64,
            head: tbs_head,
            tail: tail.to_vec(),
            n,
        }
    }

    /// Feeds the TBSCertList to `sink` in chunks.
    fn emit(&self, sink: &mut dyn FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        sink(&self.head)?;
        let mut buf = Vec::with_capacity(CHUNK + 64);
        for i in 0..self.n {
            entry(i, &mut buf);
            if buf.len() >= CHUNK {
                sink(&buf)?;
                buf.clear();
            }
        }
        sink(&buf)?;
        sink(&self.tail)
    }
}

/// Writes a signed DER CRL issued by `ca` (as [`CrlBuilder::new`] makes it, with its entries
/// replaced) holding `n` entries with distinct increasing 16-octet serials
/// ([`large_serial`]), every [`REASON_EVERY`]th with a reasonCode. `ca`'s key must be RSA or
/// ECDSA (an error otherwise). Returns the number of octets written.
pub fn write_large_crl(w: &mut impl Write, ca: &CertBuilder, n: u64) -> io::Result<u64> {
    let base = CrlBuilder::new(ca);
    let key = KeyPair::get(base.signer.0, base.signer.1);
    let alg = key.default_sig_alg().expect("the CA key can sign");
    let layout = Layout::new(&base, n);

    let mut hasher = Hasher::new(alg)?;
    layout.emit(&mut |b| {
        hasher.update(b);
        Ok(())
    })?;
    let signature = key
        .sign_prehash(alg, &hasher.finish())
        .map_err(io::Error::other)?;

    let alg_der = alg.der();
    let bits = der::bits(&signature);
    let content = layout.tbs_len + (alg_der.len() + bits.len()) as u64;
    let outer = header(0x30, content);
    w.write_all(&outer)?;
    layout.emit(&mut |b| w.write_all(b))?;
    w.write_all(alg_der)?;
    w.write_all(&bits)?;
    Ok(outer.len() as u64 + content)
}
