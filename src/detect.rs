//! Certificate kind (subscriber / root / subordinate CA) and S/MIME type detection.
//!
//! Order of authority for subscribers: `--type` override, then the reserved policy OID
//! 2.23.140.1.5.T.G, then the user's policy map, then (unless disabled) a guess from the
//! subject attributes, the same heuristic pkilint uses.

use crate::cert::{oid, Cert, Ext};
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Subscriber,
    RootCa,
    SubordinateCa,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Subscriber, Kind::RootCa, Kind::SubordinateCa];
    pub const ALL_BITS: u8 = 0b111;
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Subscriber => "subscriber",
            Kind::RootCa => "root-ca",
            Kind::SubordinateCa => "subordinate-ca",
        }
    }
}

/// Certificate type (validation level) of SBR §1.2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Validation {
    Mailbox,
    Organization,
    Sponsored,
    Individual,
}

impl Validation {
    pub const ALL: [Validation; 4] = [
        Validation::Mailbox,
        Validation::Organization,
        Validation::Sponsored,
        Validation::Individual,
    ];
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Validation::Mailbox => "mailbox",
            Validation::Organization => "organization",
            Validation::Sponsored => "sponsored",
            Validation::Individual => "individual",
        }
    }
    /// The T in 2.23.140.1.5.T.G.
    fn arc(self) -> u8 {
        self as u8 + 1
    }
}

/// Generation of SBR §1.2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Generation {
    Legacy,
    Multipurpose,
    Strict,
}

impl Generation {
    pub const ALL: [Generation; 3] = [
        Generation::Legacy,
        Generation::Multipurpose,
        Generation::Strict,
    ];
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Generation::Legacy => "legacy",
            Generation::Multipurpose => "multipurpose",
            Generation::Strict => "strict",
        }
    }
    /// The G in 2.23.140.1.5.T.G.
    fn arc(self) -> u8 {
        self as u8 + 1
    }
}

/// Type and generation, e.g. `mailbox-strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CertType {
    pub validation: Validation,
    pub generation: Generation,
}

impl CertType {
    pub fn all() -> impl Iterator<Item = CertType> {
        Validation::ALL.into_iter().flat_map(|validation| {
            Generation::ALL.into_iter().map(move |generation| CertType {
                validation,
                generation,
            })
        })
    }

    /// DER content bytes of the reserved policy OID 2.23.140.1.5.T.G.
    pub fn policy_oid_bytes(self) -> [u8; 7] {
        [
            0x67,
            0x81,
            0x0c,
            0x01,
            0x05,
            self.validation.arc(),
            self.generation.arc(),
        ]
    }

    /// Dotted form of the reserved policy OID.
    pub fn policy_oid(self) -> String {
        format!(
            "2.23.140.1.5.{}.{}",
            self.validation.arc(),
            self.generation.arc()
        )
    }

    /// The type a reserved policy OID stands for.
    pub fn from_policy_oid(bytes: &[u8]) -> Option<CertType> {
        CertType::all().find(|t| t.policy_oid_bytes() == bytes)
    }
}

impl fmt::Display for CertType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.validation.as_str(),
            self.generation.as_str()
        )
    }
}

impl std::str::FromStr for CertType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let norm = s.trim().to_ascii_lowercase().replace('_', "-");
        CertType::all()
            .find(|t| t.to_string() == norm)
            .ok_or_else(|| {
                format!(
                    "unknown certificate type '{s}' (expected e.g. mailbox-strict, \
                     organization-multipurpose, sponsored-legacy, individual-strict)"
                )
            })
    }
}

impl Serialize for CertType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where the type came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TypeSource {
    Policy,
    Override,
    Map,
    Guess,
}

/// What a certificate is linted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    pub kind: Kind,
    pub cert_type: Option<CertType>,
    pub source: Option<TypeSource>,
}

/// User-supplied mapping of CA-specific policy OIDs to types (`--policy-map`).
#[derive(Clone, Debug, Default)]
pub struct PolicyMap {
    entries: Vec<(Vec<u8>, CertType)>,
}

impl PolicyMap {
    /// Parses lines of `OID TYPE`; `#` starts a comment.
    pub fn parse(text: &str) -> Result<PolicyMap, String> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(oid), Some(ty), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("line {}: expected 'OID TYPE'", n + 1));
            };
            let oid = const_oid::ObjectIdentifier::new(oid)
                .map_err(|e| format!("line {}: bad OID '{oid}': {e}", n + 1))?;
            let ty: CertType = ty.parse().map_err(|e| format!("line {}: {e}", n + 1))?;
            entries.push((oid.as_bytes().to_vec(), ty));
        }
        Ok(PolicyMap { entries })
    }

    pub fn insert(&mut self, oid: &const_oid::ObjectIdentifier, ty: CertType) {
        self.entries.push((oid.as_bytes().to_vec(), ty));
    }

    fn lookup(&self, oid: &[u8]) -> Option<CertType> {
        self.entries.iter().find(|(o, _)| o == oid).map(|(_, t)| *t)
    }
}

/// Options that steer detection.
#[derive(Clone, Debug)]
pub struct DetectOptions<'o> {
    pub override_type: Option<CertType>,
    pub policy_map: Option<&'o PolicyMap>,
    pub guess: bool,
}

impl Default for DetectOptions<'_> {
    fn default() -> Self {
        DetectOptions {
            override_type: None,
            policy_map: None,
            guess: true,
        }
    }
}

/// Decides how a certificate is linted.
pub fn detect(cert: &Cert<'_>, opts: &DetectOptions<'_>) -> Profile {
    if cert.is_ca() {
        // Root: self-issued and self-signed. A self-issued certificate whose key identifiers
        // point elsewhere or whose signature fails with its own key is a subordinate CA (a key
        // rollover certificate); when the signature cannot be checked (TBSCertificate,
        // unsupported algorithm) self-issued decides.
        let kind = if cert.is_self_issued() && crate::verify::is_self_signed(cert) != Some(false) {
            Kind::RootCa
        } else {
            Kind::SubordinateCa
        };
        return Profile {
            kind,
            cert_type: None,
            source: None,
        };
    }
    let subscriber = |t: CertType, s: TypeSource| Profile {
        kind: Kind::Subscriber,
        cert_type: Some(t),
        source: Some(s),
    };
    if let Some(t) = opts.override_type {
        return subscriber(t, TypeSource::Override);
    }
    if let Ext::Present(_, policies) = cert.policies() {
        if let Some(t) = policies
            .iter()
            .find_map(|p| CertType::from_policy_oid(p.oid))
        {
            return subscriber(t, TypeSource::Policy);
        }
        if let Some(map) = opts.policy_map {
            if let Some(t) = policies.iter().find_map(|p| map.lookup(p.oid)) {
                return subscriber(t, TypeSource::Map);
            }
        }
    }
    if opts.guess {
        if let Some(t) = guess(cert) {
            return subscriber(t, TypeSource::Guess);
        }
    }
    Profile {
        kind: Kind::Subscriber,
        cert_type: None,
        source: None,
    }
}

/// pkilint's heuristic, from the subject attributes: organizationName with a possible
/// Personal Name → sponsored; organizationName alone → organization; givenName, surname or
/// pseudonym without organizationName → individual; otherwise mailbox. Generation: Legacy, the
/// most lenient. A commonName counts as a possible Personal Name only when it is none of the
/// other things a commonName holds: not a Mailbox Address (an `@`), not a DNS name (a host
/// name is not a person's name), and not the organizationName.
fn guess(cert: &Cert<'_>) -> Option<CertType> {
    let Some(Ok(subject)) = cert.subject_name() else {
        return None;
    };
    let org = subject.has(&oid::AT_ORGANIZATION);
    let personal = subject.has(&oid::AT_GIVEN_NAME)
        || subject.has(&oid::AT_SURNAME)
        || subject.has(&oid::AT_PSEUDONYM);
    let cn_is_person = subject.all(&oid::AT_COMMON_NAME).any(|cn| {
        let Some(text) = cn.text() else { return false };
        !text.contains('@')
            && !looks_like_dns_name(&text)
            && !subject
                .all(&oid::AT_ORGANIZATION)
                .any(|o| o.text().as_deref() == Some(&*text))
    });
    let validation = match (org, personal || cn_is_person) {
        (true, true) => Validation::Sponsored,
        (true, false) => Validation::Organization,
        (false, true) if personal => Validation::Individual,
        _ => Validation::Mailbox,
    };
    Some(CertType {
        validation,
        generation: Generation::Legacy,
    })
}

/// A host name: dot-separated LDH labels ending in an alphabetic top-level label, e.g.
/// `mail.example.com`. `Doe.John.J.5001` (a directory-style personal name) is not one.
fn looks_like_dns_name(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    let labels: Vec<&str> = s.split('.').collect();
    let ldh = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    labels.len() >= 2
        && labels.iter().all(ldh)
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_names_are_not_taken_for_personal_names() {
        assert!(looks_like_dns_name("mail.example.com"));
        assert!(looks_like_dns_name("host-1.example.co.uk."));
        assert!(!looks_like_dns_name("Alice Smith"));
        assert!(!looks_like_dns_name("Muri.Richard.J.50018874"));
        assert!(!looks_like_dns_name("localhost"));
        let guessed = |attrs: &[(&str, &str)]| {
            let der = crate::factory::CertBuilder::subscriber("mailbox-strict")
                .subject(attrs)
                .policies(&["1.3.6.1.4.1.99999.1.1"])
                .build();
            let cert = Cert::parse(&der).unwrap();
            guess(&cert).map(|t| t.to_string())
        };
        // A host name in commonName next to organizationName is no Personal Name: not sponsored.
        assert_eq!(
            guessed(&[("O", "Example Ltd"), ("CN", "mail.example.com")]).as_deref(),
            Some("organization-legacy")
        );
        // A person's name still is.
        assert_eq!(
            guessed(&[("O", "Example Ltd"), ("CN", "Alice Smith")]).as_deref(),
            Some("sponsored-legacy")
        );
    }

    #[test]
    fn type_names_round_trip() {
        for t in CertType::all() {
            assert_eq!(t.to_string().parse::<CertType>(), Ok(t));
            assert_eq!(CertType::from_policy_oid(&t.policy_oid_bytes()), Some(t));
            let oid = const_oid::ObjectIdentifier::new(&t.policy_oid()).unwrap();
            assert_eq!(oid.as_bytes(), t.policy_oid_bytes());
        }
        assert_eq!(CertType::all().count(), 12);
        assert!("mailbox".parse::<CertType>().is_err());
    }

    #[test]
    fn policy_map_parses() {
        let m =
            PolicyMap::parse("# ours\n1.2.3.4 mailbox-strict\n\n1.2.3.5 sponsored-legacy # x\n")
                .unwrap();
        let oid = const_oid::ObjectIdentifier::new_unwrap("1.2.3.5");
        assert_eq!(
            m.lookup(oid.as_bytes()).map(|t| t.to_string()).as_deref(),
            Some("sponsored-legacy")
        );
        assert!(PolicyMap::parse("1.2.3 mailbox").is_err());
        assert!(PolicyMap::parse("x.y mailbox-strict").is_err());
    }
}
