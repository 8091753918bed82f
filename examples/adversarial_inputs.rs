//! Crafted certificates for the scripts in `scripts/adversarial/`, built with the test factory.
//!
//! `cargo run --example adversarial_inputs -- KIND [N] OUT` writes a PEM certificate (or, for
//! `batch`, a JSON body for `POST /v1/lint/batch`) to OUT. Kinds:
//!
//! | kind | what |
//! |---|---|
//! | `rsa BITS` | an RSA key whose BITS-bit modulus passes every cheap perfect-power filter |
//! | `batch KIND:N:COUNT` | COUNT copies of the KIND N certificate as `{"certificates": [...]}` |
//! | `extensions N` | N extensions with distinct private OIDs, then one repeated |
//! | `policies N` | N distinct policy OIDs in certificatePolicies, then one repeated |
//! | `qualifiers N` | one policy with N CPS qualifiers |
//! | `san N` | N rfc822Name entries in subjectAltName |
//! | `rdns N` | N organizationalUnitName RDNs in the subject |
//! | `eku N` | N distinct private EKU purposes beside emailProtection |
//! | `crldp N` | N distribution points |
//! | `aia N` | N caIssuers entries |
//! | `nc N` | a sub-CA with N permitted rfc822Name subtrees |
//! | `names N` | N emailAddress and N commonName attributes, N rfc822Name SAN entries |

use smimelint::cert::oid;
use smimelint_factory::keys::{crafted_rsa_modulus, rsa_public_key, spki_algorithm};
use smimelint_factory::{der, ext, gn, name, CertBuilder, ExtSpec, KeyAlg};

fn usage() -> ! {
    eprintln!("usage: adversarial_inputs KIND [N] OUT (see the module documentation)");
    std::process::exit(2)
}

fn private_oid(i: usize) -> String {
    format!("1.3.6.1.4.1.55555.{}.{}", i / 1000, i % 1000)
}

fn rsa_cert(bits: usize) -> CertBuilder {
    // Primes below the bound leave at least a third of the modulus free.
    let bound = if bits >= 12_000 { 5000 } else { 2500 };
    let n = crafted_rsa_modulus(bits, bound);
    CertBuilder::subscriber("mailbox-strict").subject_key_raw(
        spki_algorithm(KeyAlg::Rsa2048),
        0,
        &rsa_public_key(&n, &[1, 0, 1]),
    )
}

fn build(kind: &str, n: usize) -> Vec<u8> {
    let base = CertBuilder::subscriber("mailbox-strict");
    let cert = match kind {
        "rsa" => rsa_cert(n),
        "extensions" => {
            let mut b = base;
            for i in 0..n {
                b.extensions.push(ExtSpec {
                    oid: der::oid(&private_oid(i))[2..].to_vec(),
                    critical: false,
                    value: der::null(),
                });
            }
            let again = b.extensions[b.extensions.len() - 1].clone();
            b.extensions.push(again);
            b
        }
        "policies" => {
            let oids: Vec<String> = (0..n).map(private_oid).collect();
            let mut refs: Vec<&str> = vec!["2.23.140.1.5.1.3"];
            refs.extend(oids.iter().map(String::as_str));
            refs.push(&oids[0]);
            base.ext(&oid::CERTIFICATE_POLICIES, false, ext::policies(&refs))
        }
        "qualifiers" => {
            let q: Vec<Vec<u8>> = (0..n)
                .map(|i| ext::cps_qualifier(&format!("http://example.com/cps/{i}")))
                .collect();
            base.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info("2.23.140.1.5.1.3", &q)]),
            )
        }
        "san" => {
            let names: Vec<Vec<u8>> = (0..n)
                .map(|i| gn::rfc822(&format!("user{i}@example.com")))
                .collect();
            base.san(&names)
        }
        "rdns" => {
            let units: Vec<String> = (0..n).map(|i| format!("unit {i}")).collect();
            let mut attrs: Vec<(&str, &str)> =
                vec![("CN", "Alice"), ("emailAddress", "alice@example.com")];
            attrs.extend(units.iter().map(|u| ("OU", u.as_str())));
            base.subject_raw(name(&attrs))
        }
        "eku" => {
            let oids: Vec<const_oid::ObjectIdentifier> = (0..n)
                .map(|i| private_oid(i).parse().expect("oid"))
                .collect();
            let mut refs: Vec<&const_oid::ObjectIdentifier> = vec![&oid::KP_EMAIL_PROTECTION];
            refs.extend(oids.iter());
            base.eku(&refs)
        }
        "crldp" => {
            let points: Vec<Vec<u8>> = (0..n)
                .map(|i| {
                    let uri = gn::uri(&format!("http://crl.example.com/{i}.crl"));
                    der::seq(&[der::explicit(0, &der::explicit(0, &uri))])
                })
                .collect();
            base.ext(&oid::CRL_DISTRIBUTION_POINTS, false, der::seq(&points))
        }
        "aia" => {
            let uris: Vec<String> = (0..n)
                .map(|i| format!("http://ca.example.com/{i}.der"))
                .collect();
            let entries: Vec<(&str, &str)> =
                uris.iter().map(|u| (ext::CA_ISSUERS, u.as_str())).collect();
            base.ext(&oid::AUTHORITY_INFO_ACCESS, false, ext::aia(&entries))
        }
        "nc" => {
            let subtrees: Vec<Vec<u8>> = (0..n)
                .map(|i| der::seq(&[gn::rfc822(&format!("host{i}.example.com"))]))
                .collect();
            CertBuilder::sub_ca(KeyAlg::Rsa2048).ext(
                &oid::NAME_CONSTRAINTS,
                true,
                // permittedSubtrees [0] IMPLICIT GeneralSubtrees.
                der::seq(&[der::tlv(0xa0, &subtrees.concat())]),
            )
        }
        "names" => {
            let mails: Vec<String> = (0..n).map(|i| format!("user{i}@example.com")).collect();
            let mut attrs: Vec<(&str, &str)> = Vec::new();
            for m in &mails {
                attrs.push(("CN", m.as_str()));
                attrs.push(("emailAddress", m.as_str()));
            }
            let san: Vec<Vec<u8>> = mails.iter().rev().map(|m| gn::rfc822(m)).collect();
            base.subject_raw(name(&attrs)).san(&san)
        }
        _ => usage(),
    };
    cert.build()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, arg, out) = match args.as_slice() {
        [k, n, o] => (k.as_str(), n.as_str(), o.as_str()),
        _ => usage(),
    };
    let bytes = if kind == "batch" {
        let parts: Vec<&str> = arg.split(':').collect();
        let [inner, n, count] = parts.as_slice() else {
            usage()
        };
        let n: usize = n.parse().unwrap_or_else(|_| usage());
        let count: usize = count.parse().unwrap_or_else(|_| usage());
        let one = smimelint_factory::pem("CERTIFICATE", &build(inner, n));
        serde_json::to_vec(&serde_json::json!({ "certificates": vec![one; count] })).expect("json")
    } else {
        let n: usize = arg.parse().unwrap_or_else(|_| usage());
        smimelint_factory::pem("CERTIFICATE", &build(kind, n)).into_bytes()
    };
    if let Err(e) = std::fs::write(out, bytes) {
        eprintln!("adversarial_inputs: {out}: {e}");
        std::process::exit(1);
    }
}
