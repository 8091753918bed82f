//! Which log entries are S/MIME certificates. CT logs are almost entirely TLS server
//! certificates; a scan lints only those that show an S/MIME marker and counts the rest.

use smimelint_cert::{oid, Cert, GeneralName};

/// Policy OID arc reserved for the SBR (2.23.140.1.5), as DER content bytes.
const SBR_POLICY_ARC: &[u8] = &[0x67, 0x81, 0x0c, 0x01, 0x05];

/// Why an entry was not linted (the keys of the summary's `skipped` map).
pub mod reason {
    /// The EKU holds serverAuth and nothing marks the certificate as S/MIME: a TLS certificate.
    pub const SERVER_AUTH: &str = "not_smime_server_auth_eku";
    /// The EKU holds neither emailProtection nor serverAuth (code signing, client auth …).
    pub const OTHER_EKU: &str = "not_smime_other_eku";
    /// No EKU, no SBR policy OID and no mailbox address.
    pub const NO_MARKER: &str = "not_smime_no_marker";
}

/// None when `cert` is an S/MIME certificate — it has the emailProtection EKU, a policy OID
/// under 2.23.140.1.5, or a mailbox address (rfc822Name or SmtpUTF8Mailbox) in its SAN —
/// otherwise the reason it is skipped. Undecodable extensions count as absent here; the
/// certificate is then judged on the rest (and linted if anything marks it S/MIME).
pub fn skip_reason(cert: &Cert<'_>) -> Option<&'static str> {
    let eku = cert.eku();
    let ekus = eku.value().map(Vec::as_slice).unwrap_or_default();
    if ekus
        .iter()
        .any(|o| *o == oid::KP_EMAIL_PROTECTION.as_bytes())
    {
        return None;
    }
    let policies = cert.policies();
    if policies
        .value()
        .is_some_and(|ps| ps.iter().any(|p| p.oid.starts_with(SBR_POLICY_ARC)))
    {
        return None;
    }
    let san = cert.san();
    if san.value().is_some_and(|names| {
        names.iter().any(|n| match n {
            GeneralName::Rfc822Name(_) => true,
            GeneralName::OtherName { type_id, .. } => {
                *type_id == oid::ON_SMTP_UTF8_MAILBOX.as_bytes()
            }
            _ => false,
        })
    }) {
        return None;
    }
    Some(
        if ekus.iter().any(|o| *o == oid::KP_SERVER_AUTH.as_bytes()) {
            reason::SERVER_AUTH
        } else if eku.is_present() {
            reason::OTHER_EKU
        } else {
            reason::NO_MARKER
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_factory::{ext, gn, CertBuilder};

    fn reason_of(der: &[u8]) -> Option<&'static str> {
        skip_reason(&Cert::parse(der).unwrap())
    }

    /// A certificate with no S/MIME marker at all: no EKU, a non-SBR policy, a DNS SAN.
    fn bare() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
            .without_ext(&oid::EXT_KEY_USAGE)
            .policies(&["2.23.140.1.2.1"])
            .ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                ext::general_names(&[gn::dns("example.com")]),
            )
    }

    #[test]
    fn each_marker_alone_makes_a_certificate_smime() {
        assert_eq!(reason_of(&bare().build()), Some(reason::NO_MARKER));
        assert_eq!(
            reason_of(&bare().eku(&[&oid::KP_EMAIL_PROTECTION]).build()),
            None
        );
        assert_eq!(
            reason_of(&bare().policies(&["2.23.140.1.5.1.3"]).build()),
            None
        );
        let mailbox = bare().ext(
            &oid::SUBJECT_ALT_NAME,
            false,
            ext::general_names(&[gn::rfc822("a@example.com")]),
        );
        assert_eq!(reason_of(&mailbox.build()), None);
        let utf8 = bare().ext(
            &oid::SUBJECT_ALT_NAME,
            false,
            ext::general_names(&[gn::smtp_utf8_mailbox("ä@example.com")]),
        );
        assert_eq!(reason_of(&utf8.build()), None);
        assert_eq!(
            reason_of(&CertBuilder::subscriber("mailbox-strict").build()),
            None
        );
    }

    #[test]
    fn skip_reasons_tell_tls_from_other_uses() {
        assert_eq!(
            reason_of(
                &bare()
                    .eku(&[&oid::KP_SERVER_AUTH, &oid::KP_CLIENT_AUTH])
                    .build()
            ),
            Some(reason::SERVER_AUTH)
        );
        assert_eq!(
            reason_of(&bare().eku(&[&oid::KP_CLIENT_AUTH]).build()),
            Some(reason::OTHER_EKU)
        );
    }
}
