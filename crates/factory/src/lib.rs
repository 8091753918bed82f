//! Test-certificate factory for tests, benches and the testdata generator; a dev-dependency
//! only, never linked into the product.
//!
//! Start from a certificate that satisfies every lint for its type and generation, then change
//! exactly the thing a test is about:
//!
//! ```
//! use smimelint_factory::{CertBuilder, der};
//! use smimelint_cert::oid;
//! let cert = CertBuilder::subscriber("mailbox-strict")
//!     .critical(&oid::CERTIFICATE_POLICIES, true)
//!     .build();
//! # assert!(!cert.is_empty());
//! ```
//!
//! Every field can also be replaced by raw DER (`*_raw` methods) and the finished bytes patched
//! ([`CertBuilder::patch`]), so malformed certificates take one line too.

pub mod crl;
pub mod der;
pub mod keys;
pub mod malformed;
pub mod mutate;
pub mod ocsp;
pub mod revocation_samples;
pub mod samples;
#[cfg(test)]
mod test_support;

use const_oid::ObjectIdentifier;
pub use keys::{KeyAlg, KeyPair, SigAlg};
use sha2::{Digest, Sha256};
use smimelint_cert::oid;
use smimelint_cert::types::{CertType, Generation, Validation};
use smimelint_der::time::{date, UnixTime};

/// Seed of the issuing CA key used by default.
pub const ISSUER_SEED: u64 = 1000;
/// Seed of subscriber keys.
pub const SUBJECT_SEED: u64 = 1;
/// Default notBefore of generated subscriber certificates (after every ballot in force).
pub const DEFAULT_NOT_BEFORE: UnixTime = date(2025, 10, 1);
/// Default notBefore of Legacy certificates (before the 2025-07-15 sunset).
pub const LEGACY_NOT_BEFORE: UnixTime = date(2025, 3, 1);
/// Earliest notBefore of the test ML-DSA CAs (after SMC013 took effect).
pub const PQC_CA_NOT_BEFORE: UnixTime = date(2025, 9, 1);

/// One extension to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtSpec {
    /// Content bytes of the extnID.
    pub oid: Vec<u8>,
    pub critical: bool,
    /// The extnValue content (an encoded value, or any bytes for malformed cases).
    pub value: Vec<u8>,
}

impl ExtSpec {
    pub fn new(o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> ExtSpec {
        ExtSpec {
            oid: o.as_bytes().to_vec(),
            critical,
            value,
        }
    }

    /// The Extension TLV; `critical` FALSE is left out as DER requires for a DEFAULT.
    pub fn der(&self) -> Vec<u8> {
        let mut items = vec![der::tlv(0x06, &self.oid)];
        if self.critical {
            items.push(der::boolean(true));
        }
        items.push(der::octets(&self.value));
        der::seq(&items)
    }
}

/// `Extensions ::= SEQUENCE OF Extension`.
pub fn extensions_der(exts: &[ExtSpec]) -> Vec<u8> {
    let items: Vec<Vec<u8>> = exts.iter().map(ExtSpec::der).collect();
    der::seq(&items)
}

/// Replaces the extension with this OID in place, or appends it.
fn set_ext(exts: &mut Vec<ExtSpec>, spec: ExtSpec) {
    match exts.iter_mut().find(|e| e.oid == spec.oid) {
        Some(e) => *e = spec,
        None => exts.push(spec),
    }
}

/// Attribute values for [`CertBuilder::subject`] by short name.
pub fn attr_oid(short: &str) -> &'static ObjectIdentifier {
    match short {
        "CN" => &oid::AT_COMMON_NAME,
        "SN" | "surname" => &oid::AT_SURNAME,
        "serialNumber" => &oid::AT_SERIAL_NUMBER,
        "C" => &oid::AT_COUNTRY,
        "L" => &oid::AT_LOCALITY,
        "ST" => &oid::AT_STATE,
        "street" => &oid::AT_STREET,
        "O" => &oid::AT_ORGANIZATION,
        "OU" => &oid::AT_ORGANIZATIONAL_UNIT,
        "title" => &oid::AT_TITLE,
        "postalCode" => &oid::AT_POSTAL_CODE,
        "GN" | "givenName" => &oid::AT_GIVEN_NAME,
        "pseudonym" => &oid::AT_PSEUDONYM,
        "organizationIdentifier" => &oid::AT_ORGANIZATION_IDENTIFIER,
        "emailAddress" => &oid::AT_EMAIL_ADDRESS,
        other => panic!("unknown attribute short name {other}"),
    }
}

/// Encodes a value the way RFC 5280 wants for that attribute type.
fn attr_value(short: &str, value: &str) -> Vec<u8> {
    match short {
        "C" | "serialNumber" => der::printable(value),
        "emailAddress" => der::ia5(value),
        _ => der::utf8(value),
    }
}

/// A Name with one attribute per RDN, from `(short name, value)` pairs.
pub fn name(attrs: &[(&str, &str)]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = attrs
        .iter()
        .map(|(k, v)| der::set(&[der::seq(&[der::oid_of(attr_oid(k)), attr_value(k, v)])]))
        .collect();
    der::seq(&rdns)
}

/// A Name from raw `(OID, value TLV)` pairs, one per RDN.
pub fn name_raw(attrs: &[(&ObjectIdentifier, Vec<u8>)]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = attrs
        .iter()
        .map(|(o, v)| der::set(&[der::seq(&[der::oid_of(o), v.clone()])]))
        .collect();
    der::seq(&rdns)
}

/// GeneralName encoders.
pub mod gn {
    use super::der;
    pub fn rfc822(s: &str) -> Vec<u8> {
        der::implicit(1, s.as_bytes())
    }
    pub fn dns(s: &str) -> Vec<u8> {
        der::implicit(2, s.as_bytes())
    }
    pub fn uri(s: &str) -> Vec<u8> {
        der::implicit(6, s.as_bytes())
    }
    pub fn directory_name(name: &[u8]) -> Vec<u8> {
        der::explicit(4, name)
    }
    pub fn other_name(type_id: &str, value: &[u8]) -> Vec<u8> {
        der::explicit(0, &[der::oid(type_id), der::explicit(0, value)].concat())
    }
    pub fn smtp_utf8_mailbox(s: &str) -> Vec<u8> {
        other_name("1.3.6.1.5.5.7.8.9", &der::utf8(s))
    }
}

/// Extension value encoders.
pub mod ext {
    use super::der;
    use const_oid::ObjectIdentifier;

    /// certificatePolicies with bare policy OIDs.
    pub fn policies(oids: &[&str]) -> Vec<u8> {
        let infos: Vec<Vec<u8>> = oids.iter().map(|o| der::seq(&[der::oid(o)])).collect();
        der::seq(&infos)
    }
    /// One PolicyInformation with qualifiers (each a full PolicyQualifierInfo TLV).
    pub fn policy_info(oid: &str, qualifiers: &[Vec<u8>]) -> Vec<u8> {
        if qualifiers.is_empty() {
            der::seq(&[der::oid(oid)])
        } else {
            der::seq(&[der::oid(oid), der::seq(qualifiers)])
        }
    }
    pub fn cps_qualifier(uri: &str) -> Vec<u8> {
        der::seq(&[der::oid("1.3.6.1.5.5.7.2.1"), der::ia5(uri)])
    }
    /// A UserNotice qualifier from an optional noticeRef TLV and an optional explicitText TLV.
    pub fn user_notice(notice_ref: Option<Vec<u8>>, explicit_text: Option<Vec<u8>>) -> Vec<u8> {
        let parts: Vec<Vec<u8>> = notice_ref.into_iter().chain(explicit_text).collect();
        der::seq(&[der::oid("1.3.6.1.5.5.7.2.2"), der::seq(&parts)])
    }
    pub fn eku(oids: &[&ObjectIdentifier]) -> Vec<u8> {
        let items: Vec<Vec<u8>> = oids.iter().map(|o| der::oid_of(o)).collect();
        der::seq(&items)
    }
    /// keyUsage from bit positions (0 = digitalSignature … 8 = decipherOnly).
    pub fn key_usage(bits: &[u32]) -> Vec<u8> {
        der::named_bits(bits)
    }
    pub fn general_names(names: &[Vec<u8>]) -> Vec<u8> {
        der::seq(names)
    }
    pub fn basic_constraints(ca: bool, path_len: Option<i64>) -> Vec<u8> {
        let mut items = Vec::new();
        if ca {
            items.push(der::boolean(true));
        }
        if let Some(p) = path_len {
            items.push(der::int(p));
        }
        der::seq(&items)
    }
    pub fn aki_key_id(id: &[u8]) -> Vec<u8> {
        der::seq(&[der::implicit(0, id)])
    }
    pub fn ski(id: &[u8]) -> Vec<u8> {
        der::octets(id)
    }
    pub fn crl_distribution_points(uris: &[&str]) -> Vec<u8> {
        let names: Vec<Vec<u8>> = uris.iter().map(|u| super::gn::uri(u)).collect();
        der::seq(&[der::seq(&[der::explicit(
            0,
            &der::explicit(0, &names.concat()),
        )])])
    }
    /// AIA from (accessMethod, URI) pairs.
    pub fn aia(entries: &[(&str, &str)]) -> Vec<u8> {
        let items: Vec<Vec<u8>> = entries
            .iter()
            .map(|(m, u)| der::seq(&[der::oid(m), super::gn::uri(u)]))
            .collect();
        der::seq(&items)
    }
    pub const OCSP: &str = "1.3.6.1.5.5.7.48.1";
    pub const CA_ISSUERS: &str = "1.3.6.1.5.5.7.48.2";
}

/// keyUsage bit positions.
pub mod ku {
    pub const DIGITAL_SIGNATURE: u32 = 0;
    pub const NON_REPUDIATION: u32 = 1;
    pub const KEY_ENCIPHERMENT: u32 = 2;
    pub const DATA_ENCIPHERMENT: u32 = 3;
    pub const KEY_AGREEMENT: u32 = 4;
    pub const KEY_CERT_SIGN: u32 = 5;
    pub const CRL_SIGN: u32 = 6;
    pub const ENCIPHER_ONLY: u32 = 7;
    pub const DECIPHER_ONLY: u32 = 8;
}

/// The key identifier the factory uses: SHA-256 of the subjectPublicKey bits truncated to 160
/// bits (RFC 7093 method 1).
pub fn key_id(key: &KeyPair) -> Vec<u8> {
    Sha256::digest(key.public_key_bytes())[..20].to_vec()
}

/// Builds one certificate. Fields hold complete TLVs; `None` omits an optional field.
#[derive(Clone, Debug)]
pub struct CertBuilder {
    pub version: Option<Vec<u8>>,
    pub serial: Vec<u8>,
    /// `tbsCertificate.signature`; None = the issuer key's algorithm.
    pub tbs_signature: Option<Vec<u8>>,
    /// `signatureAlgorithm`; None = same bytes as `tbsCertificate.signature`.
    pub signature_algorithm: Option<Vec<u8>>,
    pub issuer: Vec<u8>,
    pub not_before: Vec<u8>,
    pub not_after: Vec<u8>,
    /// Replaces the whole Validity SEQUENCE when set.
    pub validity_raw: Option<Vec<u8>>,
    pub subject: Vec<u8>,
    pub spki: Vec<u8>,
    pub issuer_unique_id: Option<Vec<u8>>,
    pub subject_unique_id: Option<Vec<u8>>,
    pub extensions: Vec<ExtSpec>,
    /// Replaces the whole `[3]` extensions field when set.
    pub extensions_raw: Option<Vec<u8>>,
    /// The key that signs (the issuing CA's).
    pub issuer_key: (KeyAlg, u64),
    /// The signature algorithm used to sign; None = the issuer key's default.
    pub sign_with: Option<SigAlg>,
    /// Replaces the signature BIT STRING content when set.
    pub signature_raw: Option<Vec<u8>>,
    /// Byte-string replacements applied to the finished DER, in order.
    pub patches: Vec<(Vec<u8>, Vec<u8>)>,
    subject_key: KeyAlg,
    /// Seed of the subject key (with `subject_key`), so the certificate can issue others.
    subject_seed: u64,
}

impl CertBuilder {
    /// A subscriber certificate that satisfies every SBR lint for `cert_type` (for example
    /// `"mailbox-strict"`), with an RSA-2048 key.
    pub fn subscriber(cert_type: &str) -> CertBuilder {
        let t: CertType = cert_type.parse().expect("certificate type");
        Self::subscriber_with_key(t, KeyAlg::Rsa2048)
    }

    /// As [`subscriber`](Self::subscriber), with a key of the given algorithm.
    pub fn subscriber_with_key(t: CertType, key_alg: KeyAlg) -> CertBuilder {
        let issuer_key = KeyPair::get(KeyAlg::Rsa2048, ISSUER_SEED);
        let key = KeyPair::get(key_alg, SUBJECT_SEED);
        let not_before = if t.generation == Generation::Legacy {
            LEGACY_NOT_BEFORE
        } else {
            DEFAULT_NOT_BEFORE
        };
        let not_after = not_before + 365 * 86_400 - 1;
        let mailbox = "alice@example.com";
        let subject = match t.validation {
            Validation::Mailbox => name(&[("CN", mailbox)]),
            Validation::Organization => name(&[
                ("C", "GB"),
                ("O", "Example Ltd"),
                ("organizationIdentifier", "NTRGB-12345678"),
                ("CN", "Example Ltd"),
            ]),
            Validation::Sponsored => name(&[
                ("C", "GB"),
                ("O", "Example Ltd"),
                ("organizationIdentifier", "NTRGB-12345678"),
                ("GN", "Alice"),
                ("SN", "Smith"),
                ("CN", "Alice Smith"),
            ]),
            Validation::Individual => name(&[
                ("C", "GB"),
                ("GN", "Alice"),
                ("SN", "Smith"),
                ("CN", "Alice Smith"),
            ]),
        };
        let ku_bits: &[u32] = match key_alg {
            KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096 => {
                &[ku::DIGITAL_SIGNATURE, ku::KEY_ENCIPHERMENT]
            }
            KeyAlg::P256 | KeyAlg::P384 | KeyAlg::P521 => {
                &[ku::DIGITAL_SIGNATURE, ku::KEY_AGREEMENT]
            }
            KeyAlg::MlKem512 | KeyAlg::MlKem768 | KeyAlg::MlKem1024 => &[ku::KEY_ENCIPHERMENT],
            _ => &[ku::DIGITAL_SIGNATURE],
        };
        let policy = t.policy_oid();
        let mut b = CertBuilder {
            version: Some(der::explicit(0, &der::int(2))),
            serial: der::uint(&Sha256::digest(format!("{t} {key_alg:?}").as_bytes())[..16]),
            tbs_signature: None,
            signature_algorithm: None,
            issuer: name(&[
                ("C", "GB"),
                ("O", "Example CA Ltd"),
                ("CN", "Example S/MIME CA"),
            ]),
            not_before: der::time(not_before),
            not_after: der::time(not_after),
            validity_raw: None,
            subject,
            spki: key.spki_der(),
            issuer_unique_id: None,
            subject_unique_id: None,
            extensions: Vec::new(),
            extensions_raw: None,
            issuer_key: (KeyAlg::Rsa2048, ISSUER_SEED),
            sign_with: None,
            signature_raw: None,
            patches: Vec::new(),
            subject_key: key_alg,
            subject_seed: SUBJECT_SEED,
        };
        b = b
            .ext(&oid::KEY_USAGE, true, ext::key_usage(ku_bits))
            .ext(
                &oid::EXT_KEY_USAGE,
                false,
                ext::eku(&[&oid::KP_EMAIL_PROTECTION]),
            )
            .ext(&oid::CERTIFICATE_POLICIES, false, ext::policies(&[&policy]))
            .ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                ext::general_names(&[gn::rfc822(mailbox)]),
            )
            .ext(
                &oid::AUTHORITY_KEY_IDENTIFIER,
                false,
                ext::aki_key_id(&key_id(issuer_key)),
            )
            .ext(&oid::SUBJECT_KEY_IDENTIFIER, false, ext::ski(&key_id(key)))
            .ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&["http://crl.example.com/smime.crl"]),
            )
            .ext(
                &oid::AUTHORITY_INFO_ACCESS,
                false,
                ext::aia(&[
                    (ext::OCSP, "http://ocsp.example.com"),
                    (ext::CA_ISSUERS, "http://ca.example.com/smime.crt"),
                ]),
            );
        b
    }

    /// The subscriber key algorithm.
    pub fn key_alg(&self) -> KeyAlg {
        self.subject_key
    }

    /// Replaces the extension with this OID in place, or appends it.
    pub fn ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Self {
        set_ext(&mut self.extensions, ExtSpec::new(o, critical, value));
        self
    }

    /// Appends an extension even if one with the same OID exists (duplicate-extension tests).
    pub fn push_ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Self {
        self.extensions.push(ExtSpec {
            oid: o.as_bytes().to_vec(),
            critical,
            value,
        });
        self
    }

    pub fn without_ext(mut self, o: &ObjectIdentifier) -> Self {
        self.extensions.retain(|e| e.oid != o.as_bytes());
        self
    }

    /// Sets the criticality of an existing extension.
    pub fn critical(mut self, o: &ObjectIdentifier, critical: bool) -> Self {
        for e in self.extensions.iter_mut().filter(|e| e.oid == o.as_bytes()) {
            e.critical = critical;
        }
        self
    }

    /// certificatePolicies with these bare policy OIDs.
    pub fn policies(self, oids: &[&str]) -> Self {
        self.ext(&oid::CERTIFICATE_POLICIES, false, ext::policies(oids))
    }

    pub fn eku(self, oids: &[&ObjectIdentifier]) -> Self {
        self.ext(&oid::EXT_KEY_USAGE, false, ext::eku(oids))
    }

    pub fn subject(mut self, attrs: &[(&str, &str)]) -> Self {
        self.subject = name(attrs);
        self
    }

    pub fn subject_raw(mut self, name: Vec<u8>) -> Self {
        self.subject = name;
        self
    }

    pub fn issuer_raw(mut self, name: Vec<u8>) -> Self {
        self.issuer = name;
        self
    }

    pub fn version_raw(mut self, v: Option<Vec<u8>>) -> Self {
        self.version = v;
        self
    }

    pub fn serial_raw(mut self, tlv: Vec<u8>) -> Self {
        self.serial = tlv;
        self
    }

    pub fn validity(mut self, not_before: UnixTime, not_after: UnixTime) -> Self {
        self.not_before = der::time(not_before);
        self.not_after = der::time(not_after);
        self
    }

    pub fn times_raw(mut self, not_before: Vec<u8>, not_after: Vec<u8>) -> Self {
        self.not_before = not_before;
        self.not_after = not_after;
        self
    }

    pub fn spki_raw(mut self, spki: Vec<u8>) -> Self {
        self.spki = spki;
        self
    }

    pub fn tbs_signature_raw(mut self, alg: Vec<u8>) -> Self {
        self.tbs_signature = Some(alg);
        self
    }

    pub fn signature_algorithm_raw(mut self, alg: Vec<u8>) -> Self {
        self.signature_algorithm = Some(alg);
        self
    }

    /// Replaces the first occurrence of `from` in the TBSCertificate with `to` (before signing).
    pub fn patch(mut self, from: &[u8], to: &[u8]) -> Self {
        self.patches.push((from.to_vec(), to.to_vec()));
        self
    }

    fn tbs_signature_bytes(&self) -> (Vec<u8>, SigAlg) {
        let key = KeyPair::get(self.issuer_key.0, self.issuer_key.1);
        let alg = self
            .sign_with
            .or_else(|| key.default_sig_alg())
            .expect("the issuer key can sign");
        let bytes = self
            .tbs_signature
            .clone()
            .unwrap_or_else(|| alg.der().to_vec());
        (bytes, alg)
    }

    /// The DER TBSCertificate.
    pub fn build_tbs(&self) -> Vec<u8> {
        let (sig, _) = self.tbs_signature_bytes();
        let mut parts = Vec::new();
        parts.extend(self.version.clone());
        parts.push(self.serial.clone());
        parts.push(sig);
        parts.push(self.issuer.clone());
        parts.push(
            self.validity_raw
                .clone()
                .unwrap_or_else(|| der::seq(&[self.not_before.clone(), self.not_after.clone()])),
        );
        parts.push(self.subject.clone());
        parts.push(self.spki.clone());
        parts.extend(self.issuer_unique_id.clone());
        parts.extend(self.subject_unique_id.clone());
        if let Some(raw) = &self.extensions_raw {
            parts.push(raw.clone());
        } else if !self.extensions.is_empty() {
            parts.push(der::explicit(3, &extensions_der(&self.extensions)));
        }
        apply_patches(der::seq(&parts), &self.patches)
    }

    /// The signed DER certificate.
    pub fn build(&self) -> Vec<u8> {
        let tbs = self.build_tbs();
        let (tbs_sig, alg) = self.tbs_signature_bytes();
        let key = KeyPair::get(self.issuer_key.0, self.issuer_key.1);
        let signature = match &self.signature_raw {
            Some(raw) => raw.clone(),
            None => key.sign(alg, &tbs).expect("signing with the issuer key"),
        };
        let outer_alg = self.signature_algorithm.clone().unwrap_or(tbs_sig);
        der::seq(&[tbs, outer_alg, der::bits(&signature)])
    }

    /// PEM of [`build`](Self::build).
    pub fn build_pem(&self) -> String {
        pem("CERTIFICATE", &self.build())
    }
}

fn apply_patches(mut bytes: Vec<u8>, patches: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    for (from, to) in patches {
        if from.is_empty() {
            continue;
        }
        if let Some(pos) = bytes.windows(from.len()).position(|w| w == from.as_slice()) {
            bytes.splice(pos..pos + from.len(), to.iter().copied());
        }
    }
    bytes
}

/// PEM armour with 64-character lines.
pub fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// More extension values, for the subscriber extension profile lints.
pub mod ext_values {
    use super::der;

    /// cRLDistributionPoints with one DistributionPoint per entry, each a fullName made of the
    /// given GeneralName TLVs.
    pub fn crldp_full_names(points: &[Vec<Vec<u8>>]) -> Vec<u8> {
        let dps: Vec<Vec<u8>> = points
            .iter()
            .map(|names| der::seq(&[der::explicit(0, &der::explicit(0, &names.concat()))]))
            .collect();
        der::seq(&dps)
    }

    /// authorityInformationAccess from (accessMethod, accessLocation GeneralName TLV) pairs.
    pub fn aia_raw(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let items: Vec<Vec<u8>> = entries
            .iter()
            .map(|(m, loc)| der::seq(&[der::oid(m), loc.clone()]))
            .collect();
        der::seq(&items)
    }

    /// authorityKeyIdentifier with any of its three fields; `issuer` holds GeneralName TLVs.
    pub fn aki(key_id: Option<&[u8]>, issuer: &[Vec<u8>], serial: Option<&[u8]>) -> Vec<u8> {
        let mut items = Vec::new();
        if let Some(id) = key_id {
            items.push(der::implicit(0, id));
        }
        if !issuer.is_empty() {
            items.push(der::explicit(1, &issuer.concat()));
        }
        if let Some(s) = serial {
            items.push(der::implicit(2, s));
        }
        der::seq(&items)
    }

    /// Adobe time-stamp extension value: version 1, the location GeneralName TLV.
    pub fn adobe_timestamp(location: Vec<u8>) -> Vec<u8> {
        der::seq(&[der::int(1), location])
    }

    /// Adobe ArchiveRevInfo extension value: version 1.
    pub fn adobe_archive_rev_info() -> Vec<u8> {
        der::seq(&[der::int(1)])
    }

    /// ISO 17442 LEI: the 18-character prefix followed by its ISO 7064 MOD 97-10 check digits.
    pub fn lei_with_check_digits(prefix: &str) -> String {
        let rem = prefix.bytes().chain(*b"00").fold(0u32, |acc, c| match c {
            b'0'..=b'9' => (acc * 10 + u32::from(c - b'0')) % 97,
            _ => (acc * 100 + u32::from(c - b'A') + 10) % 97,
        });
        format!("{prefix}{:02}", 98 - rem)
    }
}

/// Conveniences for the name lints' tests.
impl CertBuilder {
    /// Replaces the subjectAltName (non-critical) with these GeneralName TLVs (see [`gn`]).
    pub fn san(self, names: &[Vec<u8>]) -> Self {
        self.ext(&oid::SUBJECT_ALT_NAME, false, ext::general_names(names))
    }
}

/// Seed of the root CA keys of the test hierarchy.
pub const ROOT_SEED: u64 = 2000;
/// notBefore / notAfter of the test root CA.
pub const ROOT_VALIDITY: (UnixTime, UnixTime) = (date(2024, 1, 1), date(2044, 1, 1));
/// notBefore / notAfter of the test S/MIME subordinate CA (inside the root's, around every
/// subscriber's).
pub const SUB_CA_VALIDITY: (UnixTime, UnixTime) = (date(2024, 6, 1), date(2034, 6, 1));

/// The three certificates of a test hierarchy: root → S/MIME sub-CA → subscriber.
#[derive(Clone, Debug)]
pub struct Hierarchy {
    pub root: CertBuilder,
    pub sub_ca: CertBuilder,
    pub subscriber: CertBuilder,
}

impl Hierarchy {
    /// Root, sub-CA and a mailbox-strict subscriber, every key of algorithm `alg`.
    pub fn new(alg: KeyAlg) -> Hierarchy {
        let root = CertBuilder::root_ca(alg);
        let sub_ca = CertBuilder::sub_ca(alg).issued_by(&root);
        let t: CertType = "mailbox-strict".parse().expect("type");
        let subscriber = CertBuilder::subscriber_with_key(t, alg).issued_by(&sub_ca);
        Hierarchy {
            root,
            sub_ca,
            subscriber,
        }
    }
}

/// CA certificates and issuing by a given CA.
impl CertBuilder {
    /// A self-signed root CA that satisfies SBR 7.1.2.1 and 7.1.4.3, keyed `(alg, ROOT_SEED)`.
    pub fn root_ca(alg: KeyAlg) -> CertBuilder {
        let subject = name(&[
            ("C", "GB"),
            ("O", "Example CA Ltd"),
            ("CN", "Example Root CA"),
        ]);
        Self::ca(alg, ROOT_SEED, subject, ROOT_VALIDITY)
            .ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                ext::basic_constraints(true, None),
            )
            .ext(
                &oid::KEY_USAGE,
                true,
                ext::key_usage(&[ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN, ku::CRL_SIGN]),
            )
            .ext(
                &oid::SUBJECT_KEY_IDENTIFIER,
                false,
                ext::ski(&key_id(KeyPair::get(alg, ROOT_SEED))),
            )
            .self_signed()
    }

    /// An S/MIME subordinate CA that satisfies SBR 7.1.2.2 and 7.1.4.3, keyed
    /// `(alg, ISSUER_SEED)` with the subject every subscriber names as issuer. It is issued by
    /// the RSA-2048 root until [`issued_by`](Self::issued_by) says otherwise.
    pub fn sub_ca(alg: KeyAlg) -> CertBuilder {
        let subject = name(&[
            ("C", "GB"),
            ("O", "Example CA Ltd"),
            ("CN", "Example S/MIME CA"),
        ]);
        Self::ca(alg, ISSUER_SEED, subject, SUB_CA_VALIDITY)
            .ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                ext::basic_constraints(true, Some(0)),
            )
            .ext(
                &oid::KEY_USAGE,
                true,
                ext::key_usage(&[ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN, ku::CRL_SIGN]),
            )
            .ext(
                &oid::EXT_KEY_USAGE,
                false,
                ext::eku(&[&oid::KP_EMAIL_PROTECTION]),
            )
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                ext::policies(&["2.23.140.1.5.1.3", "2.23.140.1.5.2.3"]),
            )
            .ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&["http://crl.example.com/root.crl"]),
            )
            .ext(
                &oid::AUTHORITY_INFO_ACCESS,
                false,
                ext::aia(&[(ext::CA_ISSUERS, "http://ca.example.com/root.crt")]),
            )
            .ext(&oid::AUTHORITY_KEY_IDENTIFIER, false, Vec::new())
            .ext(
                &oid::SUBJECT_KEY_IDENTIFIER,
                false,
                ext::ski(&key_id(KeyPair::get(alg, ISSUER_SEED))),
            )
            .issued_by(&CertBuilder::root_ca(KeyAlg::Rsa2048))
    }

    /// A publicly-trusted S/MIME sub-CA shaped like those issued before the SBR took effect
    /// and still in service: an RSA-4096 key `(Rsa4096, ISSUER_SEED)`, notBefore `not_before`
    /// and ten years of validity, basicConstraints with pathLen 0, id-kp-clientAuth and
    /// id-kp-emailProtection, `policies` (the first with a CPS qualifier), OCSP and caIssuers
    /// in AIA and an HTTP CRL. Issued by the RSA-2048 root.
    pub fn public_sub_ca(not_before: UnixTime, policies: &[&str]) -> CertBuilder {
        let subject = name(&[
            ("C", "BE"),
            ("O", "Example Trust nv-sa"),
            ("CN", "Example PersonalSign CA 2020"),
        ]);
        let cps = [ext::cps_qualifier("https://www.example.com/repository/")];
        let infos: Vec<Vec<u8>> = policies
            .iter()
            .enumerate()
            .map(|(i, o)| ext::policy_info(o, if i == 0 { &cps[..] } else { &[] }))
            .collect();
        let alg = KeyAlg::Rsa4096;
        let not_after = not_before + 10 * 365 * 86_400;
        Self::ca(alg, ISSUER_SEED, subject, (not_before, not_after))
            .ext(
                &oid::KEY_USAGE,
                true,
                ext::key_usage(&[ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN, ku::CRL_SIGN]),
            )
            .ext(
                &oid::EXT_KEY_USAGE,
                false,
                ext::eku(&[&oid::KP_CLIENT_AUTH, &oid::KP_EMAIL_PROTECTION]),
            )
            .ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                ext::basic_constraints(true, Some(0)),
            )
            .ext(
                &oid::SUBJECT_KEY_IDENTIFIER,
                false,
                ext::ski(&key_id(KeyPair::get(alg, ISSUER_SEED))),
            )
            .ext(&oid::AUTHORITY_KEY_IDENTIFIER, false, Vec::new())
            .ext(
                &oid::AUTHORITY_INFO_ACCESS,
                false,
                ext::aia(&[
                    (ext::OCSP, "http://ocsp.example.com/rootr3"),
                    (
                        ext::CA_ISSUERS,
                        "http://secure.example.com/cacert/root-r3.crt",
                    ),
                ]),
            )
            .ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&["http://crl.example.com/root-r3.crl"]),
            )
            .ext(&oid::CERTIFICATE_POLICIES, false, der::seq(&infos))
            .issued_by(&CertBuilder::root_ca(KeyAlg::Rsa2048))
    }

    fn ca(alg: KeyAlg, seed: u64, subject: Vec<u8>, validity: (UnixTime, UnixTime)) -> Self {
        let key = KeyPair::get(alg, seed);
        let mut b = CertBuilder::subscriber("mailbox-strict");
        b.serial = der::uint(&Sha256::digest(format!("CA {alg:?} {seed}").as_bytes())[..16]);
        b.subject = subject.clone();
        b.issuer = subject;
        b.spki = key.spki_der();
        b.subject_key = alg;
        b.subject_seed = seed;
        b.extensions.clear();
        // ML-DSA certificates exist only from SMC013's effective date (2025-08-22) on.
        let pqc = matches!(alg, KeyAlg::MlDsa44 | KeyAlg::MlDsa65 | KeyAlg::MlDsa87);
        let start = if pqc {
            validity.0.max(PQC_CA_NOT_BEFORE)
        } else {
            validity.0
        };
        b.validity(start, validity.1)
    }

    /// The subject key as `(algorithm, seed)`.
    pub fn subject_key_id(&self) -> (KeyAlg, u64) {
        (self.subject_key, self.subject_seed)
    }

    /// Signs with the certificate's own key and names its own subject as issuer.
    pub fn self_signed(mut self) -> Self {
        self.issuer = self.subject.clone();
        self.issuer_key = (self.subject_key, self.subject_seed);
        self
    }

    /// Makes `issuer` the issuing CA: its subject becomes this certificate's issuer, its key
    /// signs, and an authorityKeyIdentifier (if present) names its key.
    pub fn issued_by(mut self, issuer: &CertBuilder) -> Self {
        self.issuer = issuer.subject.clone();
        self.issuer_key = (issuer.subject_key, issuer.subject_seed);
        let aki = ext::aki_key_id(&key_id(KeyPair::get(
            issuer.subject_key,
            issuer.subject_seed,
        )));
        for e in self
            .extensions
            .iter_mut()
            .filter(|e| e.oid == oid::AUTHORITY_KEY_IDENTIFIER.as_bytes())
        {
            e.value = aki.clone();
        }
        self
    }
}

/// Conveniences for the key and algorithm lints' tests.
impl CertBuilder {
    /// Replaces the SubjectPublicKeyInfo with `algorithm` (an AlgorithmIdentifier TLV) and
    /// these key octets, and keeps subjectKeyIdentifier derived from them so that only the key
    /// changes.
    pub fn subject_key_raw(self, algorithm: &[u8], unused_bits: u8, key: &[u8]) -> Self {
        let id = Sha256::digest(key)[..20].to_vec();
        self.spki_raw(keys::spki(algorithm, unused_bits, key)).ext(
            &oid::SUBJECT_KEY_IDENTIFIER,
            false,
            ext::ski(&id),
        )
    }
}
