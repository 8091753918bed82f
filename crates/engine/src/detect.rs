//! Certificate kind (subscriber / root / subordinate CA) and S/MIME type detection.
//!
//! Order of authority for subscribers: `--type` override, then the reserved policy OID
//! 2.23.140.1.5.T.G, then the user's policy map, then (unless disabled) a guess from the
//! subject attributes, the same heuristic pkilint uses.

use serde::Serialize;
pub use smimelint_cert::types::{CertType, Generation, Kind, Validation};
use smimelint_cert::verify::SelfSignatures;
use smimelint_cert::{oid, Cert, Ext};

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
    /// Parses one mapping per line: the first dotted OID on the line and the last certificate
    /// type named after it (`1.2.3.4 mailbox-strict`). `#` starts a comment; blank lines are
    /// skipped. pkilint's `--mapping` files (`1.2.3.4=MAILBOX-STRICT`, `1.2.3.4, mailbox-strict`,
    /// any separator, any case) read the same way.
    pub fn parse(text: &str) -> Result<PolicyMap, String> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (oid, ty) = Self::parse_line(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            entries.push((oid.as_bytes().to_vec(), ty));
        }
        Ok(PolicyMap { entries })
    }

    fn parse_line(line: &str) -> Result<(const_oid::ObjectIdentifier, CertType), String> {
        let words: Vec<&str> = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
            .filter(|w| !w.is_empty())
            .collect();
        let Some(at) = words
            .iter()
            .position(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        else {
            return Err(format!("expected 'OID TYPE', found no OID in '{line}'"));
        };
        let oid = const_oid::ObjectIdentifier::new(words[at])
            .map_err(|e| format!("bad OID '{}': {e}", words[at]))?;
        let ty = words[at + 1..]
            .iter()
            .rev()
            .find_map(|w| w.parse::<CertType>().ok())
            .ok_or_else(|| {
                format!(
                    "expected 'OID TYPE', found no certificate type after {oid} (e.g. \
                     mailbox-strict, SPONSORED-LEGACY)"
                )
            })?;
        Ok((oid, ty))
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
    /// Where self-signature verdicts are remembered between certificates; without it every
    /// CA certificate is verified afresh.
    pub self_signatures: Option<&'o SelfSignatures>,
}

impl Default for DetectOptions<'_> {
    fn default() -> Self {
        DetectOptions {
            override_type: None,
            policy_map: None,
            guess: true,
            self_signatures: None,
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
        let self_signed = |c| match opts.self_signatures {
            Some(cache) => cache.is_self_signed(c),
            None => smimelint_cert::verify::is_self_signed(c),
        };
        let kind = if cert.is_self_issued() && self_signed(cert) != Some(false) {
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
            let der = smimelint_factory::CertBuilder::subscriber("mailbox-strict")
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
        assert!(PolicyMap::parse("mailbox-strict 1.2.3.4").is_err());
        assert!(PolicyMap::parse("1.2.3.4 mailbox-strict\n1.2.3.5 nothing").is_err());
    }

    /// pkilint's `--mapping` file: each line upper-cased and searched for
    /// `(?P<oid>\d+(\.\d+)*)\D.*(?P<type>MAILBOX-STRICT|…)` (pkilint 0.13.3,
    /// bin/lint_cabf_smime_cert.py), so any separator and any case, the last type named wins.
    #[test]
    fn policy_map_reads_pkilint_mapping_files() {
        let m = PolicyMap::parse(
            "1.3.6.1.4.1.99999.1=MAILBOX-STRICT\n\
             1.3.6.1.4.1.99999.2, organization-multipurpose\n\
             1.3.6.1.4.1.99999.3 : Sponsored-Legacy\n\
             1.3.6.1.4.1.99999.4\tINDIVIDUAL-STRICT\n\
             1.3.6.1.4.1.99999.5 -> was MAILBOX-LEGACY now MAILBOX-MULTIPURPOSE\n",
        )
        .unwrap();
        let found = |arc: u32| {
            let oid =
                const_oid::ObjectIdentifier::new(&format!("1.3.6.1.4.1.99999.{arc}")).unwrap();
            m.lookup(oid.as_bytes()).map(|t| t.to_string())
        };
        assert_eq!(found(1).as_deref(), Some("mailbox-strict"));
        assert_eq!(found(2).as_deref(), Some("organization-multipurpose"));
        assert_eq!(found(3).as_deref(), Some("sponsored-legacy"));
        assert_eq!(found(4).as_deref(), Some("individual-strict"));
        assert_eq!(found(5).as_deref(), Some("mailbox-multipurpose"));
        assert_eq!(found(6), None);
    }
}
