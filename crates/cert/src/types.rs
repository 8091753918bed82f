//! Certificate kinds, S/MIME types and generations (SBR 1.2), and the reserved policy
//! identifiers that name them (SBR 7.1.6.1).

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
    /// The T in 2.23.140.1.5.T.G (SBR 7.1.6.1), written out so that reordering the enum
    /// cannot change an OID.
    fn arc(self) -> u8 {
        match self {
            Validation::Mailbox => 1,
            Validation::Organization => 2,
            Validation::Sponsored => 3,
            Validation::Individual => 4,
        }
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
    /// The G in 2.23.140.1.5.T.G (SBR 7.1.6.1), written out like [`Validation::arc`].
    fn arc(self) -> u8 {
        match self {
            Generation::Legacy => 1,
            Generation::Multipurpose => 2,
            Generation::Strict => 3,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// SBR 7.1.6.1, the reserved policy identifiers as the text lists them.
    #[test]
    fn policy_oids_are_the_sbr_list() {
        let sbr = [
            ("mailbox-legacy", "2.23.140.1.5.1.1"),
            ("mailbox-multipurpose", "2.23.140.1.5.1.2"),
            ("mailbox-strict", "2.23.140.1.5.1.3"),
            ("organization-legacy", "2.23.140.1.5.2.1"),
            ("organization-multipurpose", "2.23.140.1.5.2.2"),
            ("organization-strict", "2.23.140.1.5.2.3"),
            ("sponsored-legacy", "2.23.140.1.5.3.1"),
            ("sponsored-multipurpose", "2.23.140.1.5.3.2"),
            ("sponsored-strict", "2.23.140.1.5.3.3"),
            ("individual-legacy", "2.23.140.1.5.4.1"),
            ("individual-multipurpose", "2.23.140.1.5.4.2"),
            ("individual-strict", "2.23.140.1.5.4.3"),
        ];
        assert_eq!(CertType::all().count(), sbr.len());
        for (name, dotted) in sbr {
            let t: CertType = name.parse().unwrap();
            assert_eq!(t.policy_oid(), dotted);
            let oid = const_oid::ObjectIdentifier::new(dotted).unwrap();
            assert_eq!(t.policy_oid_bytes(), oid.as_bytes());
            assert_eq!(CertType::from_policy_oid(oid.as_bytes()), Some(t));
        }
    }
}
