//! Lints that compare a certificate with its issuing CA's certificate (`--issuer FILE`, the
//! `issuer` option of the API and service). Without an issuer every lint here is NA.

use super::prelude::*;
use smimelint_cert::verify::{self, KeyKind, Verdict};
use smimelint_der::walk::hex;

fn check_issuer_dn_not_byte_identical(ctx: &LintContext<'_>) -> Outcome {
    let (Some(issuer), Some(name)) = (ctx.issuer, ctx.cert.issuer) else {
        return Outcome::NotApplicable;
    };
    let Some(subject) = issuer.subject else {
        return Outcome::NotApplicable;
    };
    if name.raw == subject.raw {
        Outcome::Pass
    } else {
        fail!(
            "the issuer field ({} octets) differs from the issuing CA's subject ({} octets){}",
            name.raw.len(),
            subject.raw.len(),
            first_difference(name.raw, subject.raw)
        )
    }
}

/// Where two encodings first differ, for messages.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => format!(" from octet {i}"),
        None => String::new(),
    }
}

lint! {
    /// ## What it checks
    /// The certificate's issuer field is byte-for-byte identical to the subject field of the
    /// issuing CA's certificate (given with `--issuer`).
    ///
    /// ## Why
    /// SBR 7.1.4.1: in every certification path, the encoded issuer DN of a certificate SHALL be
    /// identical to the encoded subject DN of its issuing CA certificate. Software that compares
    /// names as bytes (rather than with RFC 5280 §7.1 matching) fails to build the path when,
    /// for example, one side uses PrintableString and the other UTF8String.
    ///
    /// ## Example
    /// Issuer `O=Example CA Ltd` as UTF8String while the CA's subject has it as PrintableString.
    E_SMIME_ISSUER_DN_NOT_BYTE_IDENTICAL {
        name: "e_smime_issuer_dn_not_byte_identical",
        description: "Issuer DN is not byte-identical to the issuing CA's subject DN",
        citation: "SBR 7.1.4.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_issuer_dn_not_byte_identical"],
        applies: Applies::ALL,
        check: check_issuer_dn_not_byte_identical,
    }
}

fn check_aki_does_not_match_issuer_ski(ctx: &LintContext<'_>) -> Outcome {
    let Some(issuer) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let (Ext::Present(_, aki), Ext::Present(_, ski)) = (ctx.cert.aki(), issuer.ski()) else {
        return Outcome::NotApplicable;
    };
    let Some(key_id) = aki.key_id else {
        return Outcome::NotApplicable;
    };
    if key_id == *ski {
        Outcome::Pass
    } else {
        fail!(
            "authorityKeyIdentifier keyIdentifier {} differs from the issuing CA's \
             subjectKeyIdentifier {}",
            hex(key_id),
            hex(ski)
        )
    }
}

lint! {
    /// ## What it checks
    /// The keyIdentifier of the certificate's authorityKeyIdentifier equals the
    /// subjectKeyIdentifier of the issuing CA's certificate (given with `--issuer`).
    ///
    /// ## Why
    /// SBR 7.1.2.1(e) and 7.1.2.2(i): a CA's subjectKeyIdentifier SHALL be the value included in
    /// the keyIdentifier of the certificates it issues. Path building uses the pair to find the
    /// issuing key; a mismatch sends it to the wrong certificate or none.
    ///
    /// ## Example
    /// A subscriber whose AKI was computed with SHA-256 while the CA's SKI uses SHA-1.
    E_SMIME_AKI_DOES_NOT_MATCH_ISSUER_SKI {
        name: "e_smime_aki_does_not_match_issuer_ski",
        description: "authorityKeyIdentifier does not match the issuing CA's subjectKeyIdentifier",
        citation: "SBR 7.1.2.1(e); 7.1.2.2(i)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_aki_does_not_match_issuer_ski"],
        applies: Applies::ALL,
        check: check_aki_does_not_match_issuer_ski,
    }
}

/// The issuing CA's key, when there is an issuer and its key is one smimelint knows.
fn issuer_key<'c>(ctx: &LintContext<'c>) -> Option<(&'c smimelint_cert::spki::Spki<'c>, KeyKind)> {
    let Some(Ok(spki)) = ctx.issuer?.spki_view() else {
        return None;
    };
    KeyKind::of(spki).ok().map(|k| (spki, k))
}

fn check_signature_algorithm_issuer_key_mismatch(ctx: &LintContext<'_>) -> Outcome {
    let (Some((_, key)), Some(alg)) = (issuer_key(ctx), ctx.cert.tbs_signature) else {
        return Outcome::NotApplicable;
    };
    // An algorithm outside the SBR list is reported by the algorithm lints.
    let Ok(alg) = verify::signature_algorithm(&alg) else {
        return Outcome::NotApplicable;
    };
    if alg.matches_key(key) {
        Outcome::Pass
    } else {
        fail!(
            "signed with {} but the issuing CA's key is {}",
            alg.name(),
            key.name()
        )
    }
}

lint! {
    /// ## What it checks
    /// The signature algorithm (`tbsCertificate.signature`) fits the issuing CA's key: an RSA
    /// scheme for an RSA key, ecdsa-with-SHA256 / SHA384 / SHA512 for a P-256 / P-384 / P-521
    /// key, Ed25519 / Ed448 for those keys, and ML-DSA-44/65/87 for the ML-DSA key of the same
    /// parameter set. Also works on a TBSCertificate (pre-issuance).
    ///
    /// ## Why
    /// SBR 7.1.3.2 pairs each signature algorithm with a key type and, for ECDSA, the hash with
    /// the curve (7.1.3.2.2). A certificate that names another algorithm than the issuer's key
    /// can produce either cannot verify, or uses a hash/curve pairing the SBR does not allow.
    ///
    /// ## Example
    /// ecdsa-with-SHA256 from a CA with a P-384 key.
    E_SMIME_SIGNATURE_ALGORITHM_ISSUER_KEY_MISMATCH {
        name: "e_smime_signature_algorithm_issuer_key_mismatch",
        description: "Signature algorithm does not match the issuing CA's key",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_signature_algorithm_key_mismatch"],
        applies: Applies::ALL,
        check: check_signature_algorithm_issuer_key_mismatch,
    }
}

fn check_signature_invalid(ctx: &LintContext<'_>) -> Outcome {
    match ctx.issuer_signature() {
        Some(Verdict::Valid) => Outcome::Pass,
        Some(Verdict::Invalid(why)) => fail!("{why}"),
        Some(Verdict::Unsupported(_)) | None => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// The certificate's signature verifies with the issuing CA's public key (given with
    /// `--issuer`). Supported: RSA PKCS#1 v1.5 and RSASSA-PSS with SHA-256/384/512, ECDSA on
    /// P-256/P-384/P-521, Ed25519, Ed448 and ML-DSA-44/65/87. Any other algorithm, or a
    /// TBSCertificate (no signature), is NA: never a pass.
    ///
    /// ## Why
    /// RFC 5280 §6.1.3(a)(1): a certificate is valid in a path only if its signature verifies
    /// with the working public key, that of its issuer. A signature that does not verify means
    /// the wrong issuer was given, the certificate was altered after signing, or the CA signed
    /// with another key.
    ///
    /// ## Example
    /// A subscriber certificate checked against a sub-CA certificate for a different key.
    E_SMIME_SIGNATURE_INVALID {
        name: "e_smime_signature_invalid",
        description: "Signature does not verify with the issuing CA's public key",
        citation: "RFC 5280 6.1.3(a)(1)",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_signature_invalid,
    }
}

fn check_validity_outside_issuer(ctx: &LintContext<'_>) -> Outcome {
    let Some(issuer) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let times = (
        ctx.cert.not_before_time(),
        ctx.cert.not_after_time(),
        issuer.not_before_time(),
        issuer.not_after_time(),
    );
    let (Some(nb), Some(na), Some(inb), Some(ina)) = times else {
        return Outcome::NotApplicable;
    };
    let mut problems = Vec::new();
    if nb < inb {
        problems.push("notBefore is before the issuing CA's notBefore");
    }
    if na > ina {
        problems.push("notAfter is after the issuing CA's notAfter");
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// The certificate's validity period lies within the issuing CA certificate's (given with
    /// `--issuer`).
    ///
    /// ## Why
    /// RFC 5280 §6.1.3(a)(2) path validation needs every certificate in the path to be valid at
    /// the time of validation, so the part of a validity period outside the issuer's can never
    /// validate: the certificate promises more than its chain can deliver. Neither RFC 5280 nor
    /// the SBR forbids issuing it, hence a warning.
    ///
    /// ## Example
    /// A subscriber certificate that expires a year after its sub-CA.
    W_SMIME_VALIDITY_OUTSIDE_ISSUER {
        name: "w_smime_validity_outside_issuer",
        description: "Validity period extends beyond the issuing CA certificate's",
        citation: "RFC 5280 6.1.3(a)(2)",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_validity_outside_issuer,
    }
}

/// Whether a CA certificate's certificatePolicies hold one of the policy OIDs of SBR 7.1.6.1.
fn has_reserved_policy(issuer: &smimelint_cert::Cert<'_>) -> bool {
    matches!(issuer.policies(), Ext::Present(_, p)
        if p.iter().any(|i| smimelint_engine::detect::CertType::from_policy_oid(i.oid).is_some()))
}

/// The conditions of SBR 1.6.1 that make the issuing CA certificate an Extant S/MIME CA, or
/// `None` when one of them does not hold. Condition 3 (an RFC 5280 profile) is left to linting
/// the CA certificate itself: a CA that fails it is neither Extant nor compliant.
fn extant_conditions(issuer: &smimelint_cert::Cert<'_>) -> Option<String> {
    // (1) notBefore before 2023-09-01.
    let not_before = issuer.not_before_time().filter(|t| *t < dates::SBR_1_0_0)?;
    // (2) no extKeyUsage, anyExtendedKeyUsage or id-kp-emailProtection.
    let eku = match issuer.eku() {
        Ext::Absent => "has no extKeyUsage",
        Ext::Present(_, p) if p.contains(&oid::KP_EMAIL_PROTECTION.as_bytes()) => {
            "has id-kp-emailProtection in extKeyUsage"
        }
        Ext::Present(_, p) if p.contains(&oid::ANY_EKU.as_bytes()) => {
            "has anyExtendedKeyUsage in extKeyUsage"
        }
        _ => return None,
    };
    // (4) anyPolicy or specific OIDs, none of them reserved by 7.1.6.1.
    let Ext::Present(_, policies) = issuer.policies() else {
        return None;
    };
    if policies.is_empty() || has_reserved_policy(issuer) {
        return None;
    }
    let any = policies.iter().any(|i| i.oid == oid::ANY_POLICY.as_bytes());
    Some(format!(
        "is an Extant S/MIME CA (SBR 1.6.1): notBefore {} is before 2023-09-01, it {eku}, and its \
         certificatePolicies hold {} but no policy OID reserved by SBR 7.1.6.1",
        smimelint_der::time::format_date(not_before),
        if any {
            "anyPolicy"
        } else {
            "only the CA's own policy OIDs"
        }
    ))
}

/// Why the issuing CA's certificate is not that of an SBR-compliant S/MIME sub-CA: the marks of
/// 7.1.2.2 and 7.1.6.3 that Appendix B relies on, each missing one named with its section.
/// Being an Extant S/MIME CA is not itself a defect (a CA certificate can match SBR 1.6.1 and
/// the 7.1.2.2 profile at once, e.g. anyPolicy with id-kp-emailProtection); it is named first
/// when the issuer also lacks a mark, since that is why it may not issue after 2024-09-15.
fn issuer_not_compliant(issuer: &smimelint_cert::Cert<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if !issuer.is_ca() {
        out.push("is not a CA certificate (no basicConstraints cA TRUE)".to_string());
    }
    let email = matches!(issuer.eku(), Ext::Present(_, p)
        if p.contains(&oid::KP_EMAIL_PROTECTION.as_bytes()));
    if !email {
        out.push("has no extKeyUsage with id-kp-emailProtection (SBR 7.1.2.2(g))".to_string());
    }
    if let Ext::Present(_, p) = issuer.eku() {
        let prohibited: Vec<&str> = [
            (&oid::KP_SERVER_AUTH, "id-kp-serverAuth"),
            (&oid::KP_CODE_SIGNING, "id-kp-codeSigning"),
            (&oid::KP_TIME_STAMPING, "id-kp-timeStamping"),
            (&oid::ANY_EKU, "anyExtendedKeyUsage"),
        ]
        .into_iter()
        .filter(|(o, _)| p.contains(&o.as_bytes()))
        .map(|(_, n)| n)
        .collect();
        if !prohibited.is_empty() {
            out.push(format!(
                "has {} in extKeyUsage (SBR 7.1.2.2(g))",
                prohibited.join(", ")
            ));
        }
    }
    let any_policy = matches!(issuer.policies(), Ext::Present(_, p)
        if p.iter().any(|i| i.oid == oid::ANY_POLICY.as_bytes()));
    if !has_reserved_policy(issuer) && !any_policy {
        out.push(
            "has no policy OID reserved by SBR 7.1.6.1 nor anyPolicy (SBR 7.1.6.3)".to_string(),
        );
    }
    if !out.is_empty() {
        if let Some(why) = extant_conditions(issuer) {
            out.insert(0, why);
        }
    }
    out
}

fn check_issued_by_non_compliant_ca(ctx: &LintContext<'_>) -> Outcome {
    let Some(issuer) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let problems = issuer_not_compliant(issuer);
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("the issuing CA certificate {}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate with notBefore on or after 2024-09-15 is issued by a CA
    /// certificate (given with `--issuer`) that carries the marks of an SBR-compliant S/MIME
    /// subordinate CA: basicConstraints cA TRUE; extKeyUsage with id-kp-emailProtection and
    /// without serverAuth, codeSigning, timeStamping or anyExtendedKeyUsage (7.1.2.2(g)); and a
    /// policy OID reserved by 7.1.6.1 or anyPolicy (7.1.6.3). The issuer's full CA profile is
    /// checked by linting the issuer certificate itself.
    ///
    /// When the issuer lacks a mark and is an Extant S/MIME CA, the finding says so and names
    /// the conditions of SBR 1.6.1 that hold, all of them together: notBefore before
    /// 2023-09-01; no extKeyUsage, or one with anyExtendedKeyUsage or id-kp-emailProtection; and
    /// certificatePolicies with anyPolicy or specific OIDs none of which is reserved by 7.1.6.1.
    /// A CA certificate issued before 2023-09-01 that already carries a reserved policy OID (an
    /// early adopter) is not Extant, and passes when it has the marks.
    ///
    /// ## Why
    /// SBR Appendix B: on or after September 15, 2024, all newly issued end-entity S/MIME
    /// certificates SHALL be issued from S/MIME subordinate CAs that comply with the SBR; Extant
    /// CAs (§1.6.1) could issue until then. The requirement is compliance, not a notBefore: a CA
    /// certificate issued before 2023-09-01 whose profile meets 7.1.2.2 (for instance
    /// id-kp-emailProtection and anyPolicy for an affiliate, or the reserved OIDs) is compliant
    /// even where it also matches the Extant definition, which exists to let non-compliant CAs
    /// finish the transition. Treating every pre-2023-09-01 CA as Extant called most current
    /// public S/MIME CAs non-compliant.
    ///
    /// ## Example
    /// A 2025 subscriber certificate issued by a 2019 sub-CA without extKeyUsage.
    E_SMIME_ISSUED_BY_NON_COMPLIANT_CA {
        name: "e_smime_issued_by_non_compliant_ca",
        description: "Subscriber certificate issued by a CA certificate that is not an SBR-compliant S/MIME sub-CA",
        citation: "SBR Appendix B; 1.6.1; 7.1.2.2(g); 7.1.6.3",
        source: Source::Sbr,
        effective: dates::EXTANT_CA_TRANSITION,
        ballot: "SMC03",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_issued_by_non_compliant_ca"],
        applies: Applies::SUBSCRIBER,
        check: check_issued_by_non_compliant_ca,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_der::time::date;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{findings_with_issuer, lint_with_issuer, status_with_issuer};
    use smimelint_factory::{der, ext, CertBuilder, Hierarchy, KeyAlg, SigAlg};

    const CHAIN_LINTS: [&str; 6] = [
        "e_smime_issued_by_non_compliant_ca",
        "e_smime_issuer_dn_not_byte_identical",
        "e_smime_aki_does_not_match_issuer_ski",
        "e_smime_signature_algorithm_issuer_key_mismatch",
        "e_smime_signature_invalid",
        "w_smime_validity_outside_issuer",
    ];

    /// `lint` reports its level on `bad` (and nothing else but `also`) and passes on `good`,
    /// both linted against `issuer`.
    #[track_caller]
    fn assert_chain_lint(lint: &str, bad: &[u8], good: &[u8], issuer: &[u8], also: &[&str]) {
        let level = smimelint_engine::registry::find(lint)
            .expect("lint")
            .level()
            .status();
        assert_eq!(
            status_with_issuer(bad, issuer, lint),
            level,
            "{lint} on bad"
        );
        let mut expected: Vec<&str> = also.iter().copied().chain([lint]).collect();
        expected.sort_unstable();
        assert_eq!(findings_with_issuer(bad, issuer), expected);
        assert_eq!(
            status_with_issuer(good, issuer, lint),
            Status::Pass,
            "{lint} on good"
        );
    }

    #[test]
    fn hierarchies_verify_in_every_algorithm() {
        for alg in [
            KeyAlg::Rsa2048,
            KeyAlg::P256,
            KeyAlg::P384,
            KeyAlg::P521,
            KeyAlg::Ed25519,
            KeyAlg::Ed448,
            KeyAlg::MlDsa44,
            KeyAlg::MlDsa65,
            KeyAlg::MlDsa87,
        ] {
            let h = Hierarchy::new(alg);
            let (root, sub, leaf) = (h.root.build(), h.sub_ca.build(), h.subscriber.build());
            for (cert, issuer) in [(&root, &root), (&sub, &root), (&leaf, &sub)] {
                assert_eq!(
                    findings_with_issuer(cert, issuer),
                    Vec::<&str>::new(),
                    "{alg:?}"
                );
                for lint in CHAIN_LINTS {
                    // The root has no authorityKeyIdentifier (RFC 5280 §4.2.1.1 lets a
                    // self-signed certificate omit it).
                    let na = (cert == issuer && lint.contains("aki"))
                        || (cert != &leaf && lint == "e_smime_issued_by_non_compliant_ca");
                    let expected = if na {
                        Status::NotApplicable
                    } else {
                        Status::Pass
                    };
                    assert_eq!(
                        status_with_issuer(cert, issuer, lint),
                        expected,
                        "{alg:?} {lint}"
                    );
                }
            }
        }
    }

    #[test]
    fn rsa_pss_signatures_verify() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        for sig in [
            SigAlg::RsaPssSha256,
            SigAlg::RsaPssSha384,
            SigAlg::RsaPssSha512,
        ] {
            let mut leaf = h.subscriber.clone();
            leaf.sign_with = Some(sig);
            assert_eq!(
                status_with_issuer(&leaf.build(), &sub, "e_smime_signature_invalid"),
                Status::Pass,
                "{sig:?}"
            );
        }
    }

    #[test]
    fn without_an_issuer_chain_lints_are_na() {
        let leaf = Hierarchy::new(KeyAlg::Rsa2048).subscriber.build();
        for lint in CHAIN_LINTS {
            assert_eq!(
                smimelint_engine::testing::status_of(&leaf, lint),
                Status::NotApplicable,
                "{lint}"
            );
        }
    }

    #[test]
    fn issuer_dn_not_byte_identical() {
        let h = Hierarchy::new(KeyAlg::P384);
        let sub = h.sub_ca.build();
        // The same name with O as PrintableString: equal under RFC 5280 §7.1, not byte-identical.
        let issuer = smimelint_factory::name_raw(&[
            (&oid::AT_COUNTRY, der::printable("GB")),
            (&oid::AT_ORGANIZATION, der::printable("Example CA Ltd")),
            (&oid::AT_COMMON_NAME, der::utf8("Example S/MIME CA")),
        ]);
        assert_chain_lint(
            "e_smime_issuer_dn_not_byte_identical",
            &h.subscriber.clone().issuer_raw(issuer).build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }

    #[test]
    fn aki_does_not_match_issuer_ski() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        assert_chain_lint(
            "e_smime_aki_does_not_match_issuer_ski",
            &h.subscriber
                .clone()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext::aki_key_id(&[7; 20]),
                )
                .build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }

    #[test]
    fn signature_algorithm_issuer_key_mismatch() {
        let h = Hierarchy::new(KeyAlg::P384);
        let sub = h.sub_ca.build();
        let mut bad = h.subscriber.clone();
        // A valid ECDSA signature with the P-384 key, but SHA-256: SBR 7.1.3.2.2 wants SHA-384.
        bad.sign_with = Some(SigAlg::EcdsaSha256);
        assert_chain_lint(
            "e_smime_signature_algorithm_issuer_key_mismatch",
            &bad.build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
        // On a TBSCertificate too.
        assert_eq!(
            status_with_issuer(
                &bad.build_tbs(),
                &sub,
                "e_smime_signature_algorithm_issuer_key_mismatch"
            ),
            Status::Error
        );
    }

    #[test]
    fn signature_invalid() {
        for alg in [KeyAlg::Rsa2048, KeyAlg::P384, KeyAlg::MlDsa65] {
            let h = Hierarchy::new(alg);
            let sub = h.sub_ca.build();
            let good = h.subscriber.build();
            // Flip one bit of the last signature octet.
            let mut bad = good.clone();
            let last = bad.len() - 1;
            bad[last] ^= 1;
            assert_chain_lint("e_smime_signature_invalid", &bad, &good, &sub, &[]);
        }
    }

    #[test]
    fn signature_from_another_key_is_invalid() {
        let h = Hierarchy::new(KeyAlg::MlDsa44);
        let sub = h.sub_ca.build();
        let mut other = h.subscriber.clone();
        other.issuer_key = (KeyAlg::MlDsa44, 4242);
        assert_chain_lint(
            "e_smime_signature_invalid",
            &other.build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }

    #[test]
    fn unsupported_or_unsigned_is_na() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        let tbs = h.subscriber.build_tbs();
        assert_eq!(
            status_with_issuer(&tbs, &sub, "e_smime_signature_invalid"),
            Status::NotApplicable
        );
        // sha1WithRSAEncryption: not verified, so NA (the algorithm lints report it).
        let sha1 = der::seq(&[der::oid("1.2.840.113549.1.1.5"), der::null()]);
        let leaf = h
            .subscriber
            .clone()
            .tbs_signature_raw(sha1.clone())
            .signature_algorithm_raw(sha1)
            .build();
        assert_eq!(
            status_with_issuer(&leaf, &sub, "e_smime_signature_invalid"),
            Status::NotApplicable
        );
    }

    #[test]
    fn validity_outside_issuer() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        assert_chain_lint(
            "w_smime_validity_outside_issuer",
            &h.subscriber
                .clone()
                .validity(date(2034, 1, 1), date(2034, 12, 1))
                .build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }

    #[test]
    fn issued_by_non_compliant_ca() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let bad_ca = h.sub_ca.clone().without_ext(&oid::EXT_KEY_USAGE).build();
        let good_ca = h.sub_ca.build();
        let leaf = h.subscriber.build();
        let lint = "e_smime_issued_by_non_compliant_ca";
        assert_eq!(status_with_issuer(&leaf, &bad_ca, lint), Status::Error);
        assert_eq!(findings_with_issuer(&leaf, &bad_ca), vec![lint]);
        assert_eq!(status_with_issuer(&leaf, &good_ca, lint), Status::Pass);
    }

    /// The details of the non-compliant-CA finding for a subscriber issued after 2024-09-15 by
    /// `ca`, after checking that it is the only finding of the chain.
    fn non_compliant_ca_details(ca: &CertBuilder) -> Option<String> {
        let lint = "e_smime_issued_by_non_compliant_ca";
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let leaf = h.subscriber.clone().issued_by(ca).build();
        let ca = ca.build();
        let result = lint_with_issuer(&leaf, &ca);
        let issues: Vec<&str> = result.issues().map(|f| f.lint).collect();
        let f = result.findings.iter().find(|f| f.lint == lint)?;
        match f.status {
            Status::Pass => {
                assert!(issues.is_empty(), "{issues:?}");
                None
            }
            Status::Error => {
                assert_eq!(issues, vec![lint]);
                f.details.clone()
            }
            other => panic!("{lint}: {other:?}"),
        }
    }

    const RESERVED: [&str; 2] = ["2.23.140.1.5.1.3", "2.23.140.1.5.2.3"];
    const OWN: [&str; 2] = ["1.3.6.1.4.1.99999.1.40", "1.3.6.1.4.1.99999.1.40.10"];

    #[test]
    fn public_cas_shaped_like_real_ones_that_comply() {
        // Issued before 2023-09-01 with id-kp-emailProtection and the reserved OIDs: the
        // fourth condition of SBR 1.6.1 fails, so not Extant, and the profile complies.
        for nb in [date(2023, 6, 15), date(2023, 1, 20)] {
            let ca = CertBuilder::public_sub_ca(nb, &[RESERVED[0], RESERVED[1], OWN[0]]);
            assert_eq!(non_compliant_ca_details(&ca), None, "{nb}");
        }
        // anyPolicy (7.1.6.3, affiliates) with id-kp-emailProtection, issued April 2023: the
        // Extant definition matches, but so does the 7.1.2.2 profile.
        let ca = CertBuilder::public_sub_ca(date(2023, 4, 19), &["2.5.29.32.0"]);
        assert_eq!(non_compliant_ca_details(&ca), None);
        // The CA certificate itself is clean against a root of its time, but for the RFC 5280
        // notice on its CPS qualifier, as real ones are.
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048)
            .validity(date(2009, 3, 18), date(2039, 3, 18))
            .build();
        let ca = CertBuilder::public_sub_ca(date(2023, 6, 15), &RESERVED).build();
        assert_eq!(
            findings_with_issuer(&ca, &root),
            vec!["n_smime_policy_qualifier_present"]
        );
    }

    #[test]
    fn public_cas_shaped_like_real_ones_that_do_not_comply() {
        // An Extant S/MIME CA: 2020, id-kp-emailProtection, only the CA's own policy OIDs.
        let extant = CertBuilder::public_sub_ca(date(2020, 9, 16), &OWN);
        let d = non_compliant_ca_details(&extant).expect("error");
        assert!(d.contains("Extant S/MIME CA (SBR 1.6.1)"), "{d}");
        assert!(d.contains("notBefore 2020-09-16"), "{d}");
        assert!(d.contains("id-kp-emailProtection in extKeyUsage"), "{d}");
        assert!(d.contains("only the CA's own policy OIDs"), "{d}");
        assert!(d.contains("(SBR 7.1.6.3)"), "{d}");
        // Extant through the absence of extKeyUsage (condition 2), which 7.1.2.2(g) requires.
        let no_eku = extant.clone().without_ext(&oid::EXT_KEY_USAGE);
        let d = non_compliant_ca_details(&no_eku).expect("error");
        assert!(d.contains("it has no extKeyUsage"), "{d}");
        assert!(d.contains("7.1.2.2(g)"), "{d}");
        // Not Extant (its extKeyUsage lacks emailProtection: condition 2 fails) and not
        // compliant either.
        let client_only = extant.clone().eku(&[&oid::KP_CLIENT_AUTH]);
        let d = non_compliant_ca_details(&client_only).expect("error");
        assert!(!d.contains("Extant"), "{d}");
        assert!(
            d.contains("no extKeyUsage with id-kp-emailProtection"),
            "{d}"
        );
        // Reserved OIDs after the SBR, but serverAuth, which 7.1.2.2(g) prohibits.
        let server = CertBuilder::public_sub_ca(date(2024, 1, 10), &RESERVED)
            .eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH]);
        let d = non_compliant_ca_details(&server).expect("error");
        assert!(!d.contains("Extant"), "{d}");
        assert!(d.contains("id-kp-serverAuth in extKeyUsage"), "{d}");
    }
}
