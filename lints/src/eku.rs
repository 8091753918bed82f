//! extKeyUsage of subscriber certificates (SBR 7.1.2.3(f), 7.1.2.4).
//!
//! The presence lint reads the extension list; the others read the decoded `ctx.cert.eku()`
//! view and return NA when the extension is absent (reported by `e_smime_eku_missing`) or
//! undecodable (reported by `e_asn1_field_invalid`).
//!
//! Each KeyPurposeId is reported by one lint only: the four purposes the SBR forbids in every
//! generation by `e_smime_eku_prohibited_purpose`; in Strict every other purpose by
//! `e_smime_eku_strict_extra_purpose`; in Multipurpose and Legacy id-kp-OCSPSigning by
//! `w_smime_eku_ocsp_signing` and the rest by `n_smime_eku_additional_purpose`.
//!
//! Criticality: there is no lint. SBR 7.1.2.3(f) says nothing about it for subscriber
//! certificates, and RFC 5280 4.2.1.12 lets the issuer mark the extension critical or not. RFC
//! 5280's only constraint, that the extension SHOULD NOT be critical when it contains
//! anyExtendedKeyUsage, can only arise in a certificate that `e_smime_eku_prohibited_purpose`
//! already reports for that anyExtendedKeyUsage.

use super::prelude::*;
use const_oid::ObjectIdentifier;

/// KeyPurposeIds that SBR 7.1.2.3(f) forbids in every generation.
static PROHIBITED: [&ObjectIdentifier; 4] = [
    &oid::KP_SERVER_AUTH,
    &oid::KP_CODE_SIGNING,
    &oid::KP_TIME_STAMPING,
    &oid::ANY_EKU,
];

pub(super) fn is_prohibited(kp: &[u8]) -> bool {
    PROHIBITED.iter().any(|o| o.as_bytes() == kp)
}

fn is(kp: &[u8], o: &ObjectIdentifier) -> bool {
    kp == o.as_bytes()
}

/// `name (dotted)` for known purposes, else the dotted OID.
pub(super) fn describe(kp: &[u8]) -> String {
    match oid::purpose_name(kp) {
        Some(name) => format!("{name} ({})", oid::dotted(kp)),
        None => oid::dotted(kp),
    }
}

/// Describes the purposes selected by `pick`, comma-separated.
pub(super) fn describe_all<'a>(purposes: &[&'a [u8]], pick: impl Fn(&'a [u8]) -> bool) -> String {
    purposes
        .iter()
        .copied()
        .filter(|kp| pick(kp))
        .map(describe)
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_eku_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has an extKeyUsage extension (2.5.29.37).
    ///
    /// ## Why
    /// SBR 7.1.2.3(f): the extension SHALL be present. Without it the key is not restricted to
    /// e-mail protection and the certificate is not an S/MIME certificate in the sense of SBR
    /// 1.1 (which requires id-kp-emailProtection).
    ///
    /// ## Example
    /// A certificate with keyUsage and subjectAltName but no extKeyUsage.
    E_SMIME_EKU_MISSING {
        name: "e_smime_eku_missing",
        description: "A subscriber certificate has no extKeyUsage extension",
        citation: "SBR 7.1.2.3(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.extended_key_usage_extension_missing"],
        zlint: ["e_smime_legacy_multipurpose_eku_check", "e_smime_strict_eku_check"],
        catalog: ["e_smime_eku_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_eku_missing,
    }
}

fn check_eku_email_protection_missing(ctx: &LintContext<'_>) -> Outcome {
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    if purposes.iter().any(|kp| is(kp, &oid::KP_EMAIL_PROTECTION)) {
        Outcome::Pass
    } else if purposes.is_empty() {
        fail!("extKeyUsage is empty; id-kp-emailProtection (1.3.6.1.5.5.7.3.4) is required")
    } else {
        fail!(
            "extKeyUsage lacks id-kp-emailProtection (1.3.6.1.5.5.7.3.4); it holds {}",
            describe_all(purposes, |_| true)
        )
    }
}

lint! {
    /// ## What it checks
    /// extKeyUsage contains id-kp-emailProtection (1.3.6.1.5.5.7.3.4). Applies to every type
    /// and generation.
    ///
    /// ## Why
    /// SBR 7.1.2.3(f): id-kp-emailProtection SHALL be present, in all three generations. Mail
    /// clients check for it before using the certificate for signing or encryption.
    ///
    /// ## Example
    /// extKeyUsage holding only id-kp-clientAuth.
    E_SMIME_EKU_EMAIL_PROTECTION_MISSING {
        name: "e_smime_eku_email_protection_missing",
        description: "extKeyUsage does not contain id-kp-emailProtection",
        citation: "SBR 7.1.2.3(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.emailprotection_eku_missing"],
        zlint: ["e_smime_strict_eku_check", "e_smime_legacy_multipurpose_eku_check"],
        catalog: ["e_smime_eku_email_protection_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_eku_email_protection_missing,
    }
}

/// In Strict: anything but emailProtection, except the always-prohibited purposes.
fn is_strict_extra(kp: &[u8]) -> bool {
    !is(kp, &oid::KP_EMAIL_PROTECTION) && !is_prohibited(kp)
}

fn check_eku_strict_extra_purpose(ctx: &LintContext<'_>) -> Outcome {
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    if !purposes.iter().any(|kp| is_strict_extra(kp)) {
        return Outcome::Pass;
    }
    fail!(
        "Strict extKeyUsage holds purposes other than id-kp-emailProtection: {}",
        describe_all(purposes, is_strict_extra)
    )
}

lint! {
    /// ## What it checks
    /// In a Strict generation certificate, extKeyUsage contains no KeyPurposeId other than
    /// id-kp-emailProtection. The four purposes forbidden in every generation (serverAuth,
    /// codeSigning, timeStamping, anyExtendedKeyUsage) are reported by
    /// `e_smime_eku_prohibited_purpose` instead, so that each value is reported once.
    ///
    /// ## Why
    /// SBR 7.1.2.3(f), Strict row: id-kp-emailProtection SHALL be present; other values SHALL
    /// NOT be present. Strict certificates are single-purpose by design.
    ///
    /// ## Example
    /// A `2.23.140.1.5.1.3` certificate whose extKeyUsage is `{ emailProtection, clientAuth }`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports every non-emailProtection purpose of a Strict certificate under one
    /// code, `cabf.smime.prohibited_eku_present`, which this lint and
    /// `e_smime_eku_prohibited_purpose` share.
    E_SMIME_EKU_STRICT_EXTRA_PURPOSE {
        name: "e_smime_eku_strict_extra_purpose",
        description: "A Strict certificate's extKeyUsage holds a purpose other than emailProtection",
        citation: "SBR 7.1.2.3(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_eku_present"],
        zlint: ["e_smime_strict_eku_check"],
        catalog: ["e_smime_eku_strict_extra_purpose"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict]),
        check: check_eku_strict_extra_purpose,
    }
}

fn check_eku_prohibited_purpose(ctx: &LintContext<'_>) -> Outcome {
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    if !purposes.iter().any(|kp| is_prohibited(kp)) {
        return Outcome::Pass;
    }
    fail!(
        "extKeyUsage holds prohibited purposes: {}",
        describe_all(purposes, is_prohibited)
    )
}

lint! {
    /// ## What it checks
    /// extKeyUsage contains none of id-kp-serverAuth (1.3.6.1.5.5.7.3.1), id-kp-codeSigning
    /// (1.3.6.1.5.5.7.3.3), id-kp-timeStamping (1.3.6.1.5.5.7.3.8) and anyExtendedKeyUsage
    /// (2.5.29.37.0), in every generation.
    ///
    /// ## Why
    /// SBR 7.1.2.3(f): these values SHALL NOT be present. An S/MIME key must not also
    /// authenticate TLS servers, sign code or time-stamps; anyExtendedKeyUsage would allow all
    /// of these.
    ///
    /// ## Example
    /// extKeyUsage `{ emailProtection, serverAuth }`.
    E_SMIME_EKU_PROHIBITED_PURPOSE {
        name: "e_smime_eku_prohibited_purpose",
        description: "extKeyUsage holds serverAuth, codeSigning, timeStamping or anyExtendedKeyUsage",
        citation: "SBR 7.1.2.3(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_eku_present"],
        zlint: ["e_smime_legacy_multipurpose_eku_check", "e_smime_strict_eku_check"],
        catalog: ["e_smime_eku_prohibited_purpose"],
        applies: Applies::SUBSCRIBER,
        check: check_eku_prohibited_purpose,
    }
}

fn check_eku_ocsp_signing(ctx: &LintContext<'_>) -> Outcome {
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    if purposes.iter().any(|kp| is(kp, &oid::KP_OCSP_SIGNING)) {
        fail!("extKeyUsage holds id-kp-OCSPSigning (1.3.6.1.5.5.7.3.9)")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A Multipurpose or Legacy certificate's extKeyUsage does not contain id-kp-OCSPSigning
    /// (1.3.6.1.5.5.7.3.9). (In Strict it is reported by `e_smime_eku_strict_extra_purpose`.)
    ///
    /// ## Why
    /// OCSPSigning marks a delegated OCSP responder certificate (RFC 6960 4.2.2.2), which SBR
    /// 4.9.9 describes as issued by the CA, with id-pkix-ocsp-nocheck; a subscriber's mailbox
    /// certificate has no reason to carry it, and SBR 7.1.2.4 forbids data the CA has no
    /// reason to include. The Multipurpose/Legacy row of 7.1.2.3(f) lets other values be
    /// present, however, and OCSPSigning is not among the four it forbids, so this is a
    /// warning.
    ///
    /// ## Example
    /// A `2.23.140.1.5.2.2` certificate with extKeyUsage `{ emailProtection, OCSPSigning }`.
    ///
    /// ## Differences from pkilint
    /// pkilint treats OCSPSigning like serverAuth and reports
    /// `cabf.smime.prohibited_eku_present` (ERROR) for Multipurpose and Legacy certificates.
    /// The SBR list of forbidden values does not include it.
    W_SMIME_EKU_OCSP_SIGNING {
        name: "w_smime_eku_ocsp_signing",
        description: "A Multipurpose or Legacy certificate's extKeyUsage holds id-kp-OCSPSigning",
        citation: "SBR 7.1.2.3(f), 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_eku_present"],
        zlint: [],
        catalog: ["w_smime_eku_ocsp_signing"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_eku_ocsp_signing,
    }
}

/// In Multipurpose and Legacy: a purpose the SBR neither requires nor forbids.
fn is_additional(kp: &[u8]) -> bool {
    !is(kp, &oid::KP_EMAIL_PROTECTION) && !is(kp, &oid::KP_OCSP_SIGNING) && !is_prohibited(kp)
}

fn check_eku_additional_purpose(ctx: &LintContext<'_>) -> Outcome {
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    if !purposes.iter().any(|kp| is_additional(kp)) {
        return Outcome::Pass;
    }
    fail!(
        "extKeyUsage holds additional purposes to review: {}",
        describe_all(purposes, is_additional)
    )
}

lint! {
    /// ## What it checks
    /// Reports, for review, every KeyPurposeId of a Multipurpose or Legacy certificate other
    /// than id-kp-emailProtection, the four forbidden purposes and id-kp-OCSPSigning (which
    /// have their own lints): for example id-kp-clientAuth, id-kp-documentSigning
    /// (1.3.6.1.5.5.7.3.36) or Microsoft EFS (1.3.6.1.4.1.311.10.3.4).
    ///
    /// ## Why
    /// SBR 7.1.2.3(f) allows other values in these generations, but SBR 7.1.2.4 forbids values
    /// that do not apply in the context of the public Internet unless the OID arc is the
    /// applicant's, the applicant can otherwise show the right to assert it, or it comes from
    /// an open standard (clause iii, added by SMC06). A linter cannot decide that; the CA must.
    ///
    /// ## Example
    /// A `2.23.140.1.5.4.2` certificate with extKeyUsage `{ emailProtection, clientAuth }`.
    N_SMIME_EKU_ADDITIONAL_PURPOSE {
        name: "n_smime_eku_additional_purpose",
        description: "A Multipurpose or Legacy certificate's extKeyUsage holds additional purposes",
        citation: "SBR 7.1.2.3(f), 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: [],
        zlint: [],
        catalog: ["n_smime_eku_additional_purpose"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_eku_additional_purpose,
    }
}

#[cfg(test)]
mod tests {
    use super::PROHIBITED;
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::CertBuilder;

    fn cert(cert_type: &str, purposes: &[&ObjectIdentifier]) -> Vec<u8> {
        CertBuilder::subscriber(cert_type).eku(purposes).build()
    }

    fn clean(cert_type: &str) -> Vec<u8> {
        CertBuilder::subscriber(cert_type).build()
    }

    fn details(cert: &[u8], lint: &str) -> String {
        lint_all(cert)
            .findings
            .into_iter()
            .find(|f| f.lint == lint)
            .and_then(|f| f.details)
            .unwrap_or_default()
    }

    const PRIVATE_EKU: &str = "1.3.6.1.4.1.99999.3.1";

    #[test]
    fn eku_missing() {
        let bad = CertBuilder::subscriber("mailbox-strict")
            .without_ext(&oid::EXT_KEY_USAGE)
            .build();
        assert_lint("e_smime_eku_missing", &bad, &clean("mailbox-strict"), &[]);
    }

    #[test]
    fn eku_email_protection_missing() {
        let lint = "e_smime_eku_email_protection_missing";
        let bad = cert("organization-multipurpose", &[&oid::KP_CLIENT_AUTH]);
        assert_lint(
            lint,
            &bad,
            &clean("organization-multipurpose"),
            &["n_smime_eku_additional_purpose"],
        );
        assert!(details(&bad, lint).contains("id-kp-clientAuth (1.3.6.1.5.5.7.3.2)"));
        // Every generation requires it.
        for t in ["mailbox-strict", "sponsored-legacy"] {
            let c = cert(t, &[&oid::KP_CLIENT_AUTH]);
            assert_eq!(status_of(&c, lint), Status::Error, "{t}");
        }
        assert_eq!(status_of(&cert("mailbox-strict", &[]), lint), Status::Error);
    }

    #[test]
    fn eku_strict_extra_purpose() {
        let lint = "e_smime_eku_strict_extra_purpose";
        let private = ObjectIdentifier::new_unwrap(PRIVATE_EKU);
        let bad = cert(
            "mailbox-strict",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH],
        );
        assert_lint(lint, &bad, &clean("mailbox-strict"), &[]);
        // Unknown purposes count too.
        let unknown = cert("individual-strict", &[&oid::KP_EMAIL_PROTECTION, &private]);
        assert_eq!(status_of(&unknown, lint), Status::Error);
        assert!(details(&unknown, lint).contains(PRIVATE_EKU));
        let ocsp = cert(
            "individual-strict",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_OCSP_SIGNING],
        );
        assert_eq!(status_of(&ocsp, lint), Status::Error);
        // The always-prohibited purposes are reported once, by e_smime_eku_prohibited_purpose.
        let server = cert(
            "mailbox-strict",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH],
        );
        assert_eq!(status_of(&server, lint), Status::Pass);
        // Other generations may add purposes.
        let mp = cert(
            "mailbox-multipurpose",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH],
        );
        assert_eq!(status_of(&mp, lint), Status::NotApplicable);
    }

    #[test]
    fn eku_prohibited_purpose() {
        let lint = "e_smime_eku_prohibited_purpose";
        let bad = cert(
            "mailbox-multipurpose",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH],
        );
        assert_lint(lint, &bad, &clean("mailbox-multipurpose"), &[]);
        assert!(details(&bad, lint).contains("id-kp-serverAuth (1.3.6.1.5.5.7.3.1)"));
        for purpose in PROHIBITED {
            let name = oid::purpose_name(purpose.as_bytes()).unwrap();
            for t in [
                "sponsored-strict",
                "sponsored-multipurpose",
                "sponsored-legacy",
            ] {
                let c = cert(t, &[&oid::KP_EMAIL_PROTECTION, purpose]);
                assert_eq!(status_of(&c, lint), Status::Error, "{name} in {t}");
                // Reported by this lint alone.
                let r = lint_all(&c);
                let issues: Vec<&str> = r.issues().map(|f| f.lint).collect();
                assert_eq!(issues, [lint], "{name} in {t}");
            }
        }
        let all_four: Vec<&ObjectIdentifier> = PROHIBITED.to_vec();
        let d = details(&cert("mailbox-strict", &all_four), lint);
        assert!(
            d.contains("anyExtendedKeyUsage (2.5.29.37.0)") && d.contains("id-kp-timeStamping"),
            "{d}"
        );
    }

    #[test]
    fn eku_ocsp_signing() {
        let lint = "w_smime_eku_ocsp_signing";
        let bad = cert(
            "organization-multipurpose",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_OCSP_SIGNING],
        );
        assert_lint(lint, &bad, &clean("organization-multipurpose"), &[]);
        let legacy = cert(
            "organization-legacy",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_OCSP_SIGNING],
        );
        assert_eq!(status_of(&legacy, lint), Status::Warn);
        let strict = cert(
            "organization-strict",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_OCSP_SIGNING],
        );
        assert_eq!(status_of(&strict, lint), Status::NotApplicable);
    }

    #[test]
    fn eku_additional_purpose() {
        let lint = "n_smime_eku_additional_purpose";
        let private = ObjectIdentifier::new_unwrap(PRIVATE_EKU);
        let bad = cert(
            "individual-legacy",
            &[
                &oid::KP_EMAIL_PROTECTION,
                &oid::KP_CLIENT_AUTH,
                &oid::KP_DOCUMENT_SIGNING,
                &private,
            ],
        );
        assert_lint(lint, &bad, &clean("individual-legacy"), &[]);
        let d = details(&bad, lint);
        assert!(d.contains("id-kp-clientAuth (1.3.6.1.5.5.7.3.2)"), "{d}");
        assert!(
            d.contains("id-kp-documentSigning (1.3.6.1.5.5.7.3.36)"),
            "{d}"
        );
        assert!(
            d.contains(PRIVATE_EKU) && !d.contains("emailProtection"),
            "{d}"
        );
        // OCSPSigning and the prohibited purposes have their own lints.
        let ocsp = cert(
            "individual-multipurpose",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_OCSP_SIGNING],
        );
        assert_eq!(status_of(&ocsp, lint), Status::Pass);
        let strict = cert(
            "individual-strict",
            &[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH],
        );
        assert_eq!(status_of(&strict, lint), Status::NotApplicable);
    }
}
