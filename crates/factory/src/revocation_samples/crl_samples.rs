//! The CRL samples: every defect is applied to [`CrlBuilder::new`] of the P-256 test sub-CA.

use super::{Kind, RevocationSample};
use crate::crl::ext::{self as crl_ext, reason};
use crate::crl::{CrlBuilder, Entry, Idp, THIS_UPDATE};
use crate::{der, gn, CertBuilder, KeyAlg, SigAlg};
use const_oid::ObjectIdentifier;

const DAY: i64 = 86_400;

fn entry(serial: u8) -> Entry {
    Entry::new(&[0x61, serial], THIS_UPDATE - 2 * DAY).reason(reason::KEY_COMPROMISE, false)
}

/// The default CRL with its entries replaced by this one.
fn with_entry(base: CrlBuilder, e: Entry) -> CrlBuilder {
    base.entries(vec![e])
}

/// `(name, description, builder)` for every CRL sample.
pub(super) fn builders() -> Vec<(&'static str, &'static str, CrlBuilder)> {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let b = || CrlBuilder::new(&ca);
    let unknown = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.7");
    let idp = |i: Idp| b().idp(&i, true);
    // onlyContainsUserCerts FALSE written out after the distributionPoint.
    let dp = Idp::uris(&["http://crl.example.com/smime.crl"]).der();
    let false_encoded = der::tlv(0x30, &[&dp[2..], &der::implicit(1, &[0])[..]].concat());
    let user_idp = Idp {
        only_user_certs: true,
        ..Idp::uris(&["http://crl.example.com/smime.crl"])
    };
    vec![
        (
            "crl-good",
            "v2 CRL by a P-256 CA: AKI, cRLNumber, three entries with reasonCode",
            b(),
        ),
        (
            "crl-good-rsa2048",
            "the good CRL from an RSA-2048 CA",
            CrlBuilder::new(&CertBuilder::sub_ca(KeyAlg::Rsa2048)),
        ),
        (
            "crl-good-empty",
            "no entries: revokedCertificates omitted",
            b().entries(Vec::new()),
        ),
        (
            "crl-good-idp",
            "critical issuingDistributionPoint: fullName URI, onlyContainsUserCerts",
            idp(user_idp.clone()),
        ),
        (
            "crl-good-delta",
            "delta CRL: critical deltaCRLIndicator",
            b().delta_crl_indicator(&[0x0f]),
        ),
        (
            "crl-good-invalidity-date",
            "an entry with a GeneralizedTime invalidityDate",
            with_entry(b(), entry(1).invalidity_date(THIS_UPDATE - 5 * DAY)),
        ),
        (
            "crl-bad-version-absent",
            "version absent (v1) although extensions are present",
            b().version_raw(None),
        ),
        (
            "crl-bad-version-v1-explicit",
            "version present with value v1 (0)",
            b().version_raw(Some(der::int(0))),
        ),
        (
            "crl-bad-version-v3",
            "version 2 (v3), which a CRL cannot have",
            b().version_raw(Some(der::int(2))),
        ),
        (
            "crl-bad-signature-algorithm-mismatch",
            "signatureAlgorithm (ecdsa-with-SHA384) differs from tbsCertList.signature",
            b().signature_algorithm_raw(SigAlg::EcdsaSha384.der().to_vec()),
        ),
        (
            "crl-bad-signature-hash-p256-sha512",
            "P-256 key signing with ecdsa-with-SHA512 (SBR 7.1.3.2 pairing)",
            b().sign_with(SigAlg::EcdsaSha512),
        ),
        (
            "crl-bad-signature-invalid",
            "signed by a key other than the issuer's",
            b().signing_key(KeyAlg::P256, 77),
        ),
        (
            "crl-bad-issuer-empty",
            "issuer is an empty SEQUENCE",
            b().issuer_raw(der::seq(&[])),
        ),
        (
            "crl-bad-issuer-other-ca",
            "issuer names the root, not the CA that signed",
            b().issuer_raw(CertBuilder::root_ca(KeyAlg::P256).subject),
        ),
        (
            "crl-bad-this-update-generalized",
            "thisUpdate in 2025 encoded as GeneralizedTime",
            b().this_update_raw(der::generalized(THIS_UPDATE)),
        ),
        (
            "crl-bad-next-update-generalized",
            "nextUpdate in 2025 encoded as GeneralizedTime",
            b().next_update_raw(Some(der::generalized(THIS_UPDATE + 7 * DAY))),
        ),
        (
            "crl-bad-this-update-no-seconds",
            "thisUpdate UTCTime without seconds",
            b().this_update_raw(der::utc_time("2510150000Z")),
        ),
        (
            "crl-bad-next-update-absent",
            "nextUpdate omitted",
            b().next_update(None),
        ),
        (
            "crl-bad-next-update-11-days",
            "nextUpdate eleven days after thisUpdate (SBR 4.9.7: at most ten)",
            b().next_update(Some(THIS_UPDATE + 11 * DAY)),
        ),
        (
            "crl-bad-next-update-before-this-update",
            "nextUpdate one day before thisUpdate",
            b().next_update(Some(THIS_UPDATE - DAY)),
        ),
        (
            "crl-bad-revoked-empty",
            "revokedCertificates present but empty",
            b().empty_revoked(),
        ),
        (
            "crl-bad-entry-reason-critical",
            "reasonCode marked critical (SBR 7.2.2)",
            with_entry(b(), entry(1).reason(reason::KEY_COMPROMISE, true)),
        ),
        (
            "crl-bad-entry-reason-unspecified",
            "reasonCode unspecified (0) (SBR 7.2.2)",
            with_entry(b(), entry(1).reason(reason::UNSPECIFIED, false)),
        ),
        (
            "crl-bad-entry-reason-remove-from-crl",
            "reasonCode removeFromCRL (8) in a complete CRL",
            with_entry(b(), entry(1).reason(reason::REMOVE_FROM_CRL, false)),
        ),
        (
            "crl-bad-entry-reason-value-7",
            "reasonCode 7, not a CRLReason value",
            with_entry(b(), entry(1).reason(7, false)),
        ),
        (
            "crl-bad-entry-serial-negative",
            "userCertificate serial is negative",
            with_entry(b(), entry(1).serial_raw(&[0xc3, 0x01])),
        ),
        (
            "crl-bad-entry-serial-zero",
            "userCertificate serial is zero",
            with_entry(b(), entry(1).serial_raw(&[0])),
        ),
        (
            "crl-bad-entry-serial-not-minimal",
            "userCertificate serial INTEGER with a redundant leading zero",
            with_entry(b(), entry(1).serial_raw(&[0, 0x61, 1])),
        ),
        (
            "crl-bad-entry-serial-21-octets",
            "userCertificate serial of 21 octets (RFC 5280 §4.1.2.2: at most 20)",
            with_entry(b(), entry(1).serial_raw(&[0x41; 21])),
        ),
        (
            "crl-bad-entry-serial-duplicate",
            "two entries for the same serial",
            b().entries(vec![entry(1), entry(1).reason(reason::SUPERSEDED, false)]),
        ),
        (
            "crl-bad-entry-date-generalized",
            "revocationDate in 2025 encoded as GeneralizedTime",
            with_entry(b(), entry(1).date_raw(der::generalized(THIS_UPDATE - DAY))),
        ),
        (
            "crl-bad-entry-date-after-this-update",
            "revocationDate a day after thisUpdate",
            with_entry(
                b(),
                Entry::new(&[0x61, 1], THIS_UPDATE + DAY).reason(reason::KEY_COMPROMISE, false),
            ),
        ),
        (
            "crl-bad-entry-invalidity-date-utc",
            "invalidityDate encoded as UTCTime (RFC 5280 §5.3.2: GeneralizedTime)",
            with_entry(
                b(),
                entry(1).invalidity_date_raw(der::time(THIS_UPDATE - 5 * DAY)),
            ),
        ),
        (
            "crl-bad-entry-certificate-issuer-non-critical",
            "certificateIssuer not critical in an indirect CRL",
            with_entry(
                idp(Idp {
                    indirect_crl: true,
                    ..Idp::uris(&["http://crl.example.com/smime.crl"])
                }),
                entry(1).certificate_issuer(&[gn::directory_name(&ca.subject)], false),
            ),
        ),
        (
            "crl-bad-entry-extensions-empty",
            "crlEntryExtensions present but empty",
            with_entry(
                b(),
                Entry {
                    empty_extensions: true,
                    ..entry(1).without_ext(&crl_ext::REASON_CODE)
                },
            ),
        ),
        (
            "crl-bad-entry-unknown-critical-extension",
            "an unknown critical entry extension",
            with_entry(b(), entry(1).ext(&unknown, true, der::null())),
        ),
        (
            "crl-bad-aki-missing",
            "authorityKeyIdentifier absent (RFC 5280 §5.2.1)",
            b().without_ext(&crl_ext::AUTHORITY_KEY_IDENTIFIER),
        ),
        (
            "crl-bad-aki-critical",
            "authorityKeyIdentifier marked critical",
            b().critical(&crl_ext::AUTHORITY_KEY_IDENTIFIER, true),
        ),
        (
            "crl-bad-aki-issuer-serial",
            "authorityKeyIdentifier with issuer and serial but no keyIdentifier",
            b().aki_issuer_serial(
                &[gn::directory_name(
                    &CertBuilder::root_ca(KeyAlg::Rsa2048).subject,
                )],
                &ca.serial[2..],
            ),
        ),
        (
            "crl-bad-aki-key-id-mismatch",
            "authorityKeyIdentifier keyIdentifier is not the CA's subjectKeyIdentifier",
            b().aki_key_id(&[0x5e; 20]),
        ),
        (
            "crl-bad-crl-number-missing",
            "cRLNumber absent (RFC 5280 §5.2.3)",
            b().without_ext(&crl_ext::CRL_NUMBER),
        ),
        (
            "crl-bad-crl-number-critical",
            "cRLNumber marked critical",
            b().critical(&crl_ext::CRL_NUMBER, true),
        ),
        (
            "crl-bad-crl-number-negative",
            "cRLNumber is negative",
            b().crl_number(&[0xf0]),
        ),
        (
            "crl-bad-crl-number-21-octets",
            "cRLNumber of 21 octets (RFC 5280 §5.2.3: at most 20)",
            b().crl_number(&[0x11; 21]),
        ),
        (
            "crl-bad-crl-number-duplicate",
            "cRLNumber twice",
            b().push_ext(&crl_ext::CRL_NUMBER, false, crl_ext::crl_number(&[0x10, 1])),
        ),
        (
            "crl-bad-delta-indicator-non-critical",
            "deltaCRLIndicator not critical (RFC 5280 §5.2.4)",
            b().delta_crl_indicator(&[0x0f])
                .critical(&crl_ext::DELTA_CRL_INDICATOR, false),
        ),
        (
            "crl-bad-idp-non-critical",
            "issuingDistributionPoint not critical (RFC 5280 §5.2.5)",
            b().idp(&user_idp, false),
        ),
        (
            "crl-bad-idp-empty",
            "issuingDistributionPoint is an empty SEQUENCE",
            idp(Idp::default()),
        ),
        (
            "crl-bad-idp-user-and-ca",
            "issuingDistributionPoint with onlyContainsUserCerts and onlyContainsCACerts",
            idp(Idp {
                only_ca_certs: true,
                ..user_idp.clone()
            }),
        ),
        (
            "crl-bad-idp-attribute-certs",
            "issuingDistributionPoint with onlyContainsAttributeCerts TRUE",
            idp(Idp {
                only_attribute_certs: true,
                ..Idp::uris(&["http://crl.example.com/smime.crl"])
            }),
        ),
        (
            "crl-bad-idp-false-encoded",
            "issuingDistributionPoint with a DEFAULT FALSE boolean encoded",
            b().ext(&crl_ext::ISSUING_DISTRIBUTION_POINT, true, false_encoded),
        ),
        (
            "crl-bad-unknown-critical-extension",
            "an unknown critical CRL extension",
            b().ext(&unknown, true, der::null()),
        ),
        (
            "crl-bad-extensions-empty",
            "crlExtensions present but an empty SEQUENCE",
            b().extensions_raw(Some(der::explicit(0, &der::seq(&[])))),
        ),
        (
            "crl-bad-freshest-crl-in-delta",
            "freshestCRL in a delta CRL (RFC 5280 §5.2.6)",
            b().delta_crl_indicator(&[0x0f]).ext(
                &crl_ext::FRESHEST_CRL,
                false,
                crate::ext::crl_distribution_points(&["http://crl.example.com/delta.crl"]),
            ),
        ),
        (
            "crl-bad-signature-value-empty",
            "signatureValue is an empty BIT STRING",
            b().signature_raw(Vec::new()),
        ),
    ]
}

pub(super) fn samples() -> Vec<RevocationSample> {
    builders()
        .into_iter()
        .map(|(name, description, b)| RevocationSample {
            name: name.to_string(),
            kind: Kind::Crl,
            description,
            der: b.build(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::test_support::verify_signed;
    use ::der::Decode;
    use smimelint_cert::verify::Verdict;
    use x509_cert::crl::CertificateList;

    #[test]
    fn good_crls_parse_and_verify() {
        for (name, _, b) in super::builders()
            .into_iter()
            .filter(|s| s.0.contains("-good"))
        {
            let der = b.build();
            let parsed: Result<CertificateList, _> = CertificateList::from_der(&der);
            parsed.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(verify_signed(&der, b.signer), Verdict::Valid, "{name}");
        }
    }
}
