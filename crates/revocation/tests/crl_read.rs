//! The streaming CRL reader against CRLs built by the factory and checked by x509-cert.

use smimelint_factory::crl::{CrlBuilder, Entry};
use smimelint_factory::{CertBuilder, KeyAlg};
use smimelint_revocation::crl::{read_crl, CrlLimits};
use smimelint_revocation::{Crl, CrlForm};

fn ca() -> CertBuilder {
    CertBuilder::sub_ca(KeyAlg::P256)
}

#[test]
fn reads_every_field_and_entry() {
    let der = CrlBuilder::new(&ca()).build();
    let mut seen = Vec::new();
    let parts = read_crl(&der[..], CrlLimits::default(), &mut |e| {
        seen.push(e.label())
    })
    .unwrap();
    let crl = Crl::new(&parts);
    assert_eq!(crl.form, CrlForm::Crl);
    assert!(crl.field_errors.is_empty(), "{:?}", crl.field_errors);
    assert!(crl.violations.is_empty(), "{:?}", crl.violations);
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(crl.version.is_some() && crl.issuer.is_some() && crl.next_update.is_some());
    assert_eq!(crl.extensions.len(), 2);
    assert!(crl.signature_algorithm.is_some() && crl.signature_value.is_some());
    assert_eq!(
        parts.tbs_bytes.as_deref().map(<[u8]>::len),
        Some(parts.tbs.header_len + parts.tbs.len.unwrap())
    );
    let _ = Entry::new(&[1], 0);
}

#[test]
fn tbs_form_and_trailing_data() {
    let tbs = CrlBuilder::new(&ca()).build_tbs();
    let parts = read_crl(&tbs[..], CrlLimits::default(), &mut |_| {}).unwrap();
    let crl = Crl::new(&parts);
    assert_eq!(crl.form, CrlForm::Tbs);
    assert!(crl.field_errors.is_empty(), "{:?}", crl.field_errors);
    assert!(crl.signature_algorithm.is_none());
    assert_eq!(parts.tbs_bytes.as_deref(), Some(&tbs[..]));

    let mut padded = CrlBuilder::new(&ca()).build();
    padded.extend_from_slice(&[0, 0, 0]);
    let parts = read_crl(&padded[..], CrlLimits::default(), &mut |_| {}).unwrap();
    let crl = Crl::new(&parts);
    assert!(
        crl.violations
            .iter()
            .any(|v| v.kind == smimelint_der::walk::ViolationKind::TrailingData),
        "{:?}",
        crl.violations
    );
}

#[test]
fn a_truncated_crl_still_gives_its_head_and_entries_read() {
    let der = CrlBuilder::new(&ca()).build();
    for cut in [der.len() - 5, der.len() / 2, 12] {
        let mut n = 0;
        if let Ok(parts) = read_crl(&der[..cut], CrlLimits::default(), &mut |_| n += 1) {
            let crl = Crl::new(&parts);
            assert!(
                !crl.field_errors.is_empty() || !crl.violations.is_empty(),
                "cut {cut}"
            );
        }
    }
}

#[test]
fn large_crl_streams_with_a_digest_and_finds_repeated_serials() {
    let ca = CertBuilder::sub_ca(KeyAlg::Rsa2048);
    let mut der = Vec::new();
    smimelint_factory::crl::write_large_crl(&mut der, &ca, 5000).unwrap();
    let limits = CrlLimits {
        keep_tbs: 1000,
        ..CrlLimits::default()
    };
    let mut n = 0u64;
    let parts = read_crl(&der[..], limits.clone(), &mut |_| n += 1).unwrap();
    assert_eq!(n, 5000);
    assert_eq!(parts.stats.count, 5000);
    assert_eq!(parts.stats.duplicate, None);
    assert!(parts.tbs_bytes.is_none());
    let (hash, digest) = parts.tbs_digest.clone().expect("digest while streaming");
    let tbs = &der[parts.tbs.offset..parts.tbs.end().unwrap()];
    assert_eq!(digest, hash.digest(tbs));

    // Entry 3 repeated as the last entry.
    let entries = vec![
        Entry::new(&[1], 1_700_000_000),
        Entry::new(&[2], 1_700_000_000),
        Entry::new(&[3], 1_700_000_000),
        Entry::new(&[3], 1_700_000_001),
    ];
    let der = CrlBuilder::new(&ca).entries(entries).build();
    let parts = read_crl(&der[..], limits, &mut |_| {}).unwrap();
    assert_eq!(parts.stats.duplicate, Some((2, 3)));
}

#[test]
fn the_duplicate_check_stops_recording_at_its_cap() {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let mut der = Vec::new();
    smimelint_factory::crl::write_large_crl(&mut der, &ca, 1000).unwrap();
    let limits = CrlLimits {
        max_tracked_entries: 100,
        ..CrlLimits::default()
    };
    let parts = read_crl(&der[..], limits, &mut |_| {}).unwrap();
    assert_eq!(parts.stats.count, 1000);
    assert_eq!(parts.stats.untracked, 900);
    assert_eq!(parts.stats.duplicate, None);
}
