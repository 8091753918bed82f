//! Is the precertificate in a precert entry's `extra_data` the one the leaf was logged for?
//!
//! RFC 6962 §3.2: the leaf's TBSCertificate is the precertificate's TBSCertificate with the
//! poison extension removed. When the precertificate was signed by a Precertificate Signing
//! Certificate (the first certificate of the chain, with the 1.3.6.1.4.1.11129.2.4.4 EKU), the
//! leaf's issuer is also replaced by the PSC's issuer (the CA that issues the final
//! certificate), and the authority key identifier extension, if any, changes to match it.
//!
//! So every TBSCertificate field and every extension is compared byte for byte, in order,
//! with the poison extension left out of the precertificate; in the PSC case the issuer is
//! instead checked to be the PSC's issuer, and the authority key identifier only to be present
//! in both or neither at the same position.

/// `1.3.6.1.4.1.11129.2.4.3`, the CT poison extension, as OID content bytes.
const POISON: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x03];
/// `1.3.6.1.4.1.11129.2.4.4`, the Precertificate Signing Certificate EKU.
const PRECERT_SIGNING: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x04];
/// `2.5.29.35` authorityKeyIdentifier.
const AKI: &[u8] = &[0x55, 0x1d, 0x23];
/// `2.5.29.37` extKeyUsage.
const EKU: &[u8] = &[0x55, 0x1d, 0x25];

/// One DER element: its tag byte, the whole encoding and its contents.
#[derive(Clone, Copy)]
struct Tlv<'a> {
    tag: u8,
    whole: &'a [u8],
    content: &'a [u8],
}

/// Splits the first element off `data`; definite lengths of up to four bytes only.
fn tlv(data: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (&tag, rest) = data.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |a, &b| (a << 8) | usize::from(b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    let header = data.len() - rest.len();
    Some((
        Tlv {
            tag,
            whole: &data[..header + len],
            content: &rest[..len],
        },
        &rest[len..],
    ))
}

/// The elements filling `data` exactly.
fn elements(mut data: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let (t, rest) = tlv(data)?;
        out.push(t);
        data = rest;
    }
    Some(out)
}

/// A SEQUENCE that is the whole of `data`, as its elements.
fn sequence(data: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let (t, rest) = tlv(data)?;
    (t.tag == 0x30 && rest.is_empty())
        .then_some(t)
        .and_then(|t| elements(t.content))
}

/// A TBSCertificate split up: the fields without extensions, the issuer's index among them,
/// and the extensions as (OID, whole encoding).
struct Tbs<'a> {
    fields: Vec<Tlv<'a>>,
    issuer: usize,
    extensions: Vec<(&'a [u8], &'a [u8])>,
}

fn split_tbs(tbs: &[u8]) -> Option<Tbs<'_>> {
    let mut fields = sequence(tbs)?;
    let issuer = if fields.first()?.tag == 0xa0 { 3 } else { 2 };
    fields.get(issuer)?;
    let mut extensions = Vec::new();
    if let Some(pos) = fields.iter().position(|f| f.tag == 0xa3) {
        let list = fields.remove(pos);
        let (seq, rest) = tlv(list.content)?;
        if seq.tag != 0x30 || !rest.is_empty() {
            return None;
        }
        for ext in elements(seq.content)? {
            let parts = sequence(ext.whole)?;
            let oid = parts.first().filter(|o| o.tag == 0x06)?;
            extensions.push((oid.content, ext.whole));
        }
    }
    Some(Tbs {
        fields,
        issuer,
        extensions,
    })
}

/// The TBSCertificate of a Certificate.
fn tbs_of(cert: &[u8]) -> Option<&[u8]> {
    sequence(cert)?.first().map(|t| t.whole)
}

/// The issuer of a Precertificate Signing Certificate, when `cert` is one.
fn psc_issuer(cert: &[u8]) -> Option<&[u8]> {
    let tbs = split_tbs(tbs_of(cert)?)?;
    let (_, eku) = tbs.extensions.iter().find(|(oid, _)| *oid == EKU)?;
    let value = sequence(eku)?.last().copied()?;
    let purposes = sequence(value.content)?;
    purposes
        .iter()
        .any(|p| p.tag == 0x06 && p.content == PRECERT_SIGNING)
        .then(|| tbs.fields[tbs.issuer].whole)
}

/// None when `leaf_tbs` is `precert` minus its poison (RFC 6962 §3.2); otherwise what differs.
/// `chain_first` is the first certificate of the precertificate's chain, if there is one.
pub fn mismatch(leaf_tbs: &[u8], precert: &[u8], chain_first: Option<&[u8]>) -> Option<String> {
    let Some(pre) = tbs_of(precert).and_then(split_tbs) else {
        return Some("the precertificate's TBSCertificate cannot be decoded".into());
    };
    let Some(leaf) = split_tbs(leaf_tbs) else {
        return Some("the leaf's TBSCertificate cannot be decoded".into());
    };
    let psc = chain_first.and_then(psc_issuer);
    if pre.fields.len() != leaf.fields.len() || pre.issuer != leaf.issuer {
        return Some("the TBSCertificates have different fields".into());
    }
    const NAMES: [&str; 9] = [
        "version",
        "serialNumber",
        "signature",
        "issuer",
        "validity",
        "subject",
        "subjectPublicKeyInfo",
        "issuerUniqueID",
        "subjectUniqueID",
    ];
    let offset = 3 - leaf.issuer;
    for (i, (p, l)) in pre.fields.iter().zip(&leaf.fields).enumerate() {
        let name = NAMES.get(i + offset).copied().unwrap_or("a field");
        if i == leaf.issuer {
            if let Some(final_issuer) = psc {
                if l.whole != final_issuer {
                    return Some(
                        "the leaf's issuer is not the issuer of the Precertificate Signing \
                         Certificate"
                            .into(),
                    );
                }
                continue;
            }
        }
        if p.whole != l.whole {
            return Some(format!("{name} differs"));
        }
    }
    let pre_exts: Vec<_> = pre
        .extensions
        .iter()
        .filter(|(oid, _)| *oid != POISON)
        .collect();
    if pre_exts.len() != leaf.extensions.len() {
        return Some(format!(
            "the precertificate has {} extension(s) besides the poison, the leaf {}",
            pre_exts.len(),
            leaf.extensions.len()
        ));
    }
    for (i, ((po, pw), (lo, lw))) in pre_exts.iter().zip(&leaf.extensions).enumerate() {
        if po != lo {
            return Some(format!("extension {} has a different OID", i + 1));
        }
        if pw != lw && !(psc.is_some() && *po == AKI) {
            return Some(format!("extension {} ({}) differs", i + 1, oid_text(po)));
        }
    }
    None
}

fn oid_text(content: &[u8]) -> String {
    let mut arcs = Vec::new();
    let mut v: u64 = 0;
    for &b in content {
        v = (v << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (v / 40).min(2);
                arcs.push(first);
                arcs.push(v - first * 40);
            } else {
                arcs.push(v);
            }
            v = 0;
        }
    }
    arcs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;
    use smimelint_factory::{der, ext, name, CertBuilder, KeyAlg};

    const PSC_EKU: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.4");

    fn poisoned(b: &CertBuilder) -> Vec<u8> {
        b.clone().ext(&oid::CT_POISON, true, der::null()).build()
    }

    #[test]
    fn the_leaf_is_the_precertificate_without_its_poison() {
        let base = CertBuilder::subscriber("mailbox-strict");
        assert_eq!(mismatch(&base.build_tbs(), &poisoned(&base), None), None);
    }

    #[test]
    fn any_other_difference_is_a_mismatch() {
        let base = CertBuilder::subscriber("mailbox-strict");
        let pre = poisoned(&base);
        let other_subject = base.clone().subject(&[("CN", "someone else")]);
        let got = mismatch(&other_subject.build_tbs(), &pre, None).unwrap();
        assert_eq!(got, "subject differs");
        let other_serial = base.clone().serial_raw(vec![0x02, 0x01, 0x2a]);
        assert_eq!(
            mismatch(&other_serial.build_tbs(), &pre, None).unwrap(),
            "serialNumber differs"
        );
        let extra_ext = base.clone().policies(&["2.23.140.1.5.1.1"]);
        let got = mismatch(&extra_ext.build_tbs(), &pre, None).unwrap();
        assert!(got.contains("2.5.29.32"), "{got}");
        // The poison kept in the leaf is a difference too.
        assert!(mismatch(tbs_of(&pre).unwrap(), &pre, None).is_some());
        // A changed issuer without a Precertificate Signing Certificate is not allowed.
        let issuer = base.clone().issuer_raw(name(&[("CN", "Final CA")]));
        assert_eq!(
            mismatch(&issuer.build_tbs(), &pre, None).unwrap(),
            "issuer differs"
        );
        assert!(mismatch(b"\x30\x00", &pre, None).unwrap().contains("leaf"));
        assert!(mismatch(&base.build_tbs(), b"\x30\x00", None)
            .unwrap()
            .contains("precertificate"));
    }

    #[test]
    fn a_precertificate_signing_certificate_changes_issuer_and_aki() {
        let final_ca = name(&[("CN", "Final CA")]);
        let psc = CertBuilder::sub_ca(KeyAlg::Rsa2048)
            .issuer_raw(final_ca.clone())
            .eku(&[&PSC_EKU])
            .build();
        let base = CertBuilder::subscriber("mailbox-strict")
            .issuer_raw(name(&[("CN", "Precert Signer")]))
            .ext(
                &oid::AUTHORITY_KEY_IDENTIFIER,
                false,
                ext::aki_key_id(&[1; 20]),
            );
        let pre = poisoned(&base);
        let leaf = base
            .clone()
            .issuer_raw(final_ca.clone())
            .ext(
                &oid::AUTHORITY_KEY_IDENTIFIER,
                false,
                ext::aki_key_id(&[2; 20]),
            )
            .build_tbs();
        assert_eq!(mismatch(&leaf, &pre, Some(&psc)), None);
        // Without the PSC the same pair is a mismatch.
        assert!(mismatch(&leaf, &pre, None).is_some());
        // With it, the leaf's issuer must be the PSC's issuer.
        let wrong = base.clone().issuer_raw(name(&[("CN", "Elsewhere")]));
        let got = mismatch(&wrong.build_tbs(), &pre, Some(&psc)).unwrap();
        assert!(got.contains("Precertificate Signing Certificate"), "{got}");
        // A chain certificate without the PSC EKU does not allow the change.
        let not_psc = CertBuilder::sub_ca(KeyAlg::Rsa2048)
            .issuer_raw(final_ca)
            .build();
        assert!(mismatch(&leaf, &pre, Some(&not_psc)).is_some());
    }
}
