//! The OCSP samples: every defect is applied to [`OcspBuilder::new`] (signed by the P-256 test
//! sub-CA) or [`OcspBuilder::delegated`] for a mailbox-strict subscriber.

use super::{Kind, RevocationSample};
use crate::crl::reason;
use crate::ocsp::{
    by_key, by_name, responder_cert, status, CertStatus, OcspBuilder, NOCHECK, PRODUCED_AT,
};
use crate::{der, oid, CertBuilder, KeyAlg, SigAlg};
use const_oid::ObjectIdentifier;

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

/// `(name, description, builder)` for every OCSP sample.
pub(super) fn builders() -> Vec<(&'static str, &'static str, OcspBuilder)> {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
    let b = || OcspBuilder::new(&ca, &leaf);
    let delegated = || OcspBuilder::delegated(&ca, &leaf);
    let responder = || responder_cert(&ca);
    let root = CertBuilder::root_ca(KeyAlg::Rsa2048);
    let unknown = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.8");
    let revoked = PRODUCED_AT - 2 * DAY;
    let validity = |secs: i64| b().each_response(move |s| s.next_update(Some(PRODUCED_AT + secs)));
    let mut v = Vec::new();
    let mut add = |name, description, builder| v.push((name, description, builder));
    add(
        "ocsp-good",
        "successful, signed by the CA, responderID byKey, good for four days",
        b(),
    );
    add(
        "ocsp-good-rsa2048",
        "the good response from an RSA-2048 CA",
        {
            let rsa_ca = CertBuilder::sub_ca(KeyAlg::Rsa2048);
            OcspBuilder::new(&rsa_ca, &leaf.clone().issued_by(&rsa_ca))
        },
    );
    add(
        "ocsp-good-delegated",
        "signed by a delegated responder with id-kp-OCSPSigning and nocheck",
        delegated(),
    );
    add(
        "ocsp-good-by-name",
        "responderID byName",
        b().responder_id_raw(by_name(&ca.subject)),
    );
    add(
        "ocsp-good-revoked",
        "revoked with revocationReason keyCompromise",
        b().each_response(move |s| s.revoked(revoked, Some(reason::KEY_COMPROMISE))),
    );
    add(
        "ocsp-good-unknown",
        "certStatus unknown",
        b().each_response(|s| s.status(CertStatus::Unknown)),
    );
    add(
        "ocsp-good-nonce",
        "a 16-octet nonce responseExtension",
        b().nonce(&[0x3c; 16]),
    );
    add(
        "ocsp-bad-unsuccessful-with-bytes",
        "responseStatus malformedRequest (1) with responseBytes",
        b().status_raw(der::tlv(0x0a, &[status::MALFORMED_REQUEST])),
    );
    add(
        "ocsp-bad-status-value-4",
        "responseStatus 4, which RFC 6960 leaves unused",
        b().unsuccessful(4),
    );
    add(
        "ocsp-bad-successful-without-bytes",
        "responseStatus successful without responseBytes",
        b().response_bytes(false),
    );
    add(
        "ocsp-bad-response-type",
        "responseType other than id-pkix-ocsp-basic",
        b().response_type(&ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.99")),
    );
    add(
        "ocsp-bad-version-v1-explicit",
        "version v1 encoded although it is the DEFAULT",
        b().version_raw(Some(der::explicit(0, &der::int(0)))),
    );
    add(
        "ocsp-bad-version-v2",
        "version 1 (v2), which RFC 6960 does not define",
        b().version_raw(Some(der::explicit(0, &der::int(1)))),
    );
    add(
        "ocsp-bad-responder-key-mismatch",
        "responderID byKey names the root's key, not the signer's",
        b().responder_id_raw(by_key(&root)),
    );
    add(
        "ocsp-bad-responder-name-mismatch",
        "responderID byName names the root, not the signer",
        b().responder_id_raw(by_name(&root.subject)),
    );
    add(
        "ocsp-bad-responder-key-hash-32",
        "responderID byKey with a 32-octet hash (KeyHash is SHA-1)",
        b().responder_id_raw(der::explicit(2, &der::octets(&[0x4b; 32]))),
    );
    add(
        "ocsp-bad-produced-at-utc",
        "producedAt as UTCTime",
        b().produced_at_raw(der::time(PRODUCED_AT)),
    );
    add(
        "ocsp-bad-produced-at-no-z",
        "producedAt GeneralizedTime without Z",
        b().produced_at_raw(der::generalized_time("20251015120000")),
    );
    add(
        "ocsp-bad-this-update-utc",
        "thisUpdate as UTCTime",
        b().each_response(|s| s.this_update_raw(der::time(PRODUCED_AT))),
    );
    add(
        "ocsp-bad-next-update-absent",
        "nextUpdate omitted (SBR 4.9.10 needs a validity interval)",
        b().each_response(|s| s.next_update(None)),
    );
    add(
        "ocsp-bad-validity-7-hours",
        "validity interval of seven hours (SBR 4.9.10: at least eight)",
        validity(7 * HOUR),
    );
    add(
        "ocsp-bad-validity-11-days",
        "validity interval of eleven days (SBR 4.9.10: at most ten)",
        validity(11 * DAY),
    );
    add(
        "ocsp-bad-next-update-before-this-update",
        "nextUpdate an hour before thisUpdate",
        validity(-HOUR),
    );
    add(
        "ocsp-bad-this-update-after-produced-at",
        "thisUpdate a day after producedAt",
        b().each_response(|s| {
            s.this_update(PRODUCED_AT + DAY)
                .next_update(Some(PRODUCED_AT + 5 * DAY))
        }),
    );
    add(
        "ocsp-bad-revoked-reason-unspecified",
        "revocationReason unspecified (0) (SBR 7.3 and 7.2.2)",
        b().each_response(move |s| s.revoked(revoked, Some(reason::UNSPECIFIED))),
    );
    add(
        "ocsp-bad-revoked-reason-value-7",
        "revocationReason 7, not a CRLReason value",
        b().each_response(move |s| s.revoked(revoked, Some(7))),
    );
    add(
        "ocsp-bad-revoked-ca-without-reason",
        "a revoked sub-CA certificate without revocationReason (SBR 7.3)",
        OcspBuilder::new(&root, &ca).each_response(move |s| s.revoked(revoked, None)),
    );
    add(
        "ocsp-bad-single-reason-code",
        "a reasonCode singleExtension (SBR 7.3.2)",
        b().each_response(|s| {
            s.revoked(revoked, Some(reason::KEY_COMPROMISE))
                .reason_code_ext(reason::KEY_COMPROMISE)
        }),
    );
    add(
        "ocsp-bad-single-unknown-critical-extension",
        "an unknown critical singleExtension",
        b().each_response(move |s| s.ext(&unknown, true, der::null())),
    );
    add(
        "ocsp-bad-nonce-33-octets",
        "a nonce of 33 octets (RFC 8954: at most 32)",
        b().nonce(&[0x3c; 33]),
    );
    add(
        "ocsp-bad-unknown-critical-extension",
        "an unknown critical responseExtension",
        b().ext(&unknown, true, der::null()),
    );
    add(
        "ocsp-bad-signature-hash-p256-sha512",
        "P-256 key signing with ecdsa-with-SHA512 (SBR 7.1.3.2 pairing)",
        b().sign_with(SigAlg::EcdsaSha512),
    );
    add(
        "ocsp-bad-signature-algorithm-mismatch",
        "signatureAlgorithm ecdsa-with-SHA384 over an ecdsa-with-SHA256 signature",
        b().signature_algorithm_raw(SigAlg::EcdsaSha384.der().to_vec()),
    );
    add(
        "ocsp-bad-signature-invalid",
        "signed by a key other than the CA's",
        b().signing_key(KeyAlg::P256, 77),
    );
    add(
        "ocsp-bad-certs-empty",
        "certs present but an empty SEQUENCE",
        b().certs_raw(Some(der::explicit(0, &der::seq(&[])))),
    );
    add(
        "ocsp-bad-delegated-without-cert",
        "delegated responder's certificate not in certs",
        delegated().certs_raw(Some(Vec::new())),
    );
    add(
        "ocsp-bad-responder-without-ocsp-signing",
        "responder certificate without id-kp-OCSPSigning (SBR 4.9.9)",
        b().responder(&responder().eku(&[&oid::KP_EMAIL_PROTECTION])),
    );
    add(
        "ocsp-bad-responder-without-nocheck",
        "responder certificate without id-pkix-ocsp-nocheck (SBR 4.9.9)",
        b().responder(&responder().without_ext(&NOCHECK)),
    );
    add(
        "ocsp-bad-responder-other-issuer",
        "responder certificate issued by the root, not the CA",
        b().responder(&responder().issued_by(&root)),
    );
    add(
        "ocsp-bad-cert-id-name-hash",
        "CertID issuerNameHash not over the issuer's name",
        b().each_response(|s| {
            let mut id = s.cert_id.clone();
            id[15] ^= 0xff;
            s.cert_id_raw(id)
        }),
    );
    v
}

pub(super) fn samples() -> Vec<RevocationSample> {
    builders()
        .into_iter()
        .map(|(name, description, b)| RevocationSample {
            name: name.to_string(),
            kind: Kind::Ocsp,
            description,
            der: b.build(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::test_support::{children, verify_signed};
    use smimelint_cert::verify::Verdict;

    #[test]
    fn good_responses_decode_and_verify() {
        for (name, _, b) in super::builders()
            .into_iter()
            .filter(|s| s.0.contains("-good"))
        {
            let resp = b.build();
            let top = children(&resp);
            assert_eq!(top[0].value(), [0], "{name}: successful");
            let bytes = children(top[1].value());
            assert_eq!(bytes[1].value(), b.build_basic(), "{name}");
            assert_eq!(
                verify_signed(&b.build_basic(), b.signer),
                Verdict::Valid,
                "{name}"
            );
        }
    }
}
