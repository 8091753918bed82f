//! authorityKeyIdentifier and subjectKeyIdentifier in subscriber certificates
//! (SBR 7.1.2.3(g), 7.1.2.3(n)).

use super::prelude::*;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

fn check_aki_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::AUTHORITY_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has an authorityKeyIdentifier extension (2.5.29.35).
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): authorityKeyIdentifier SHALL be present. It identifies the issuing CA's
    /// key, which path building needs when a CA has several keys or cross-certificates.
    ///
    /// ## Example
    /// A subscriber certificate without 2.5.29.35.
    E_SMIME_AKI_MISSING {
        name: "e_smime_aki_missing",
        description: "Subscriber certificate has no authorityKeyIdentifier extension",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_key_identifier_extension_absent"],
        zlint: [],
        catalog: ["e_smime_aki_missing", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_missing,
    }
}

fn check_aki_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::AUTHORITY_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// The authorityKeyIdentifier extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): "This extension SHALL NOT be marked critical", as RFC 5280 §4.2.1.1 also
    /// requires.
    ///
    /// ## Example
    /// authorityKeyIdentifier with critical TRUE.
    E_SMIME_AKI_CRITICAL {
        name: "e_smime_aki_critical",
        description: "authorityKeyIdentifier is marked critical",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_key_identifier_critical"],
        zlint: ["e_authority_key_identifier_correct"],
        catalog: ["e_smime_aki_critical", "e_smime_rfc5280_aki_ski_criticality"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_critical,
    }
}

fn check_aki_key_identifier_missing(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.aki() {
        Ext::Present(_, aki) if aki.key_id.is_none() => {
            fail!("authorityKeyIdentifier has no keyIdentifier")
        }
        Ext::Present(..) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// The authorityKeyIdentifier extension contains the keyIdentifier field.
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): "The keyIdentifier field SHALL be present."
    ///
    /// ## Example
    /// An authorityKeyIdentifier that is an empty SEQUENCE.
    E_SMIME_AKI_KEY_IDENTIFIER_MISSING {
        name: "e_smime_aki_key_identifier_missing",
        description: "authorityKeyIdentifier has no keyIdentifier",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_key_identifier_keyid_missing"],
        zlint: ["e_authority_key_identifier_correct"],
        catalog: ["e_smime_aki_key_identifier_missing", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_key_identifier_missing,
    }
}

fn check_aki_issuer_and_serial_present(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, aki) = ctx.cert.aki() else {
        return Outcome::NotApplicable;
    };
    match (aki.issuer.is_some(), aki.serial.is_some()) {
        (false, false) => Outcome::Pass,
        (true, false) => fail!("authorityKeyIdentifier has authorityCertIssuer"),
        (false, true) => fail!("authorityKeyIdentifier has authorityCertSerialNumber"),
        (true, true) => {
            fail!("authorityKeyIdentifier has authorityCertIssuer and authorityCertSerialNumber")
        }
    }
}

lint! {
    /// ## What it checks
    /// The authorityKeyIdentifier extension has neither authorityCertIssuer nor
    /// authorityCertSerialNumber.
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): these fields SHALL NOT be present. They tie the certificate to one
    /// particular issuer certificate, which breaks path building after the CA is re-issued or
    /// cross-certified.
    ///
    /// ## Example
    /// `SEQUENCE { [0] keyId, [1] { directoryName … }, [2] 01 }`.
    E_SMIME_AKI_ISSUER_AND_SERIAL_PRESENT {
        name: "e_smime_aki_issuer_and_serial_present",
        description: "authorityKeyIdentifier has authorityCertIssuer or authorityCertSerialNumber",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.authority_key_identifier_has_issuer_cert",
            "pkix.aki_with_cert_issuer_but_serial_number_absent",
            "pkix.aki_with_serial_number_but_cert_issuer_absent",
        ],
        zlint: ["e_authority_key_identifier_correct"],
        catalog: ["e_smime_aki_issuer_and_serial_present"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_issuer_and_serial_present,
    }
}

fn check_ski_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::SUBJECT_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a subjectKeyIdentifier extension (2.5.29.14).
    ///
    /// ## Why
    /// SBR 7.1.2.3(n): subjectKeyIdentifier SHOULD be present (RFC 5280 §4.2.1.2 also
    /// recommends it for end-entity certificates). CMS messages may identify the signer or
    /// recipient by it.
    ///
    /// ## Example
    /// A subscriber certificate without 2.5.29.14.
    W_SMIME_SKI_MISSING {
        name: "w_smime_ski_missing",
        description: "Subscriber certificate has no subjectKeyIdentifier extension",
        citation: "SBR 7.1.2.3(n)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_skid_end_entity_missing"],
        zlint: [],
        catalog: ["w_smime_ski_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_ski_missing,
    }
}

fn check_ski_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::SUBJECT_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// The subjectKeyIdentifier extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(n): "This extension SHALL NOT be marked critical", as RFC 5280 §4.2.1.2 also
    /// requires.
    ///
    /// ## Example
    /// subjectKeyIdentifier with critical TRUE.
    E_SMIME_SKI_CRITICAL {
        name: "e_smime_ski_critical",
        description: "subjectKeyIdentifier is marked critical",
        citation: "SBR 7.1.2.3(n)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_skid_extension_critical"],
        zlint: [],
        catalog: ["e_smime_ski_critical", "e_smime_rfc5280_aki_ski_criticality"],
        applies: Applies::SUBSCRIBER,
        check: check_ski_critical,
    }
}

/// Whether `ski` is what one of the well-known key identifier methods gives for this key:
/// RFC 5280 §4.2.1.2 (1) and (2), RFC 7093 §2 (1)–(3), and RFC 7093 (4) with SHA-1 or SHA-2
/// over the whole SubjectPublicKeyInfo. Hashes are computed only for identifiers of a matching
/// length.
fn key_derived(ski: &[u8], key_bits: &[u8], spki_der: &[u8]) -> bool {
    match ski.len() {
        20 => {
            Sha1::digest(key_bits)[..] == *ski
                || Sha256::digest(key_bits)[..20] == *ski
                || Sha384::digest(key_bits)[..20] == *ski
                || Sha512::digest(key_bits)[..20] == *ski
                || Sha1::digest(spki_der)[..] == *ski
        }
        8 => {
            // RFC 5280 method (2): 0100 followed by the least significant 60 bits of SHA-1.
            let h = Sha1::digest(key_bits);
            ski[0] == 0x40 | (h[12] & 0x0f) && ski[1..] == h[13..]
        }
        32 => Sha256::digest(spki_der)[..] == *ski,
        48 => Sha384::digest(spki_der)[..] == *ski,
        64 => Sha512::digest(spki_der)[..] == *ski,
        _ => false,
    }
}

fn check_ski_not_key_derived(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, ski) = ctx.cert.ski() else {
        return Outcome::NotApplicable;
    };
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    if key_derived(ski, spki.public_key, spki.tlv.raw) {
        Outcome::Pass
    } else {
        fail!(
            "subjectKeyIdentifier {} ({} octets) matches no known derivation from the public key",
            smimelint_cert::der_text::hex(ski),
            ski.len()
        )
    }
}

lint! {
    /// ## What it checks
    /// The subjectKeyIdentifier is one of the usual derivations from the certificate's public key:
    /// SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1), its 60-bit form with the
    /// `0100` prefix (method 2), the leftmost 160 bits of SHA-256, SHA-384 or SHA-512 of those
    /// bits (RFC 7093 methods 1–3), or SHA-1/SHA-256/SHA-384/SHA-512 of the whole
    /// SubjectPublicKeyInfo (RFC 7093 method 4).
    ///
    /// ## Why
    /// SBR 7.1.2.3(n): the extension SHOULD contain a value derived from the public key. Other
    /// derivations are possible (RFC 5280 allows any method producing unique values), so a
    /// mismatch is only a notice: look at how the CA computes it.
    ///
    /// ## Example
    /// A random 16-octet keyIdentifier; a copy of the issuer's key identifier.
    ///
    /// ## Differences from pkilint
    /// pkilint recognises RFC 5280 methods 1 and 2 and RFC 7093 methods 1–3; smimelint also
    /// accepts RFC 7093 method 4 (a hash of the whole SubjectPublicKeyInfo), so such identifiers
    /// get no notice here.
    N_SMIME_SKI_NOT_KEY_DERIVED {
        name: "n_smime_ski_not_key_derived",
        description: "subjectKeyIdentifier is not derived from the public key by a known method",
        citation: "SBR 7.1.2.3(n); RFC 5280 4.2.1.2; RFC 7093 2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.unknown_subject_key_identifier_calculation_method"],
        zlint: [],
        catalog: ["n_smime_ski_not_key_derived"],
        applies: Applies::SUBSCRIBER,
        check: check_ski_not_key_derived,
    }
}

#[cfg(test)]
mod tests {
    use super::key_derived;
    use sha1::Sha1;
    use sha2::{Digest, Sha256};
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{
        der, ext, ext_values, gn, key_id, name, CertBuilder, KeyAlg, KeyPair, ISSUER_SEED,
        SUBJECT_SEED,
    };

    fn base() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }
    fn issuer_id() -> Vec<u8> {
        key_id(KeyPair::get(KeyAlg::Rsa2048, ISSUER_SEED))
    }

    #[test]
    fn aki_missing() {
        assert_lint(
            "e_smime_aki_missing",
            &base().without_ext(&oid::AUTHORITY_KEY_IDENTIFIER).build(),
            &base().build(),
            &[],
        );
    }

    #[test]
    fn aki_critical() {
        assert_lint(
            "e_smime_aki_critical",
            &base()
                .critical(&oid::AUTHORITY_KEY_IDENTIFIER, true)
                .build(),
            &base().build(),
            &[],
        );
    }

    #[test]
    fn aki_key_identifier_missing() {
        let issuer = vec![gn::directory_name(&name(&[("CN", "Example S/MIME CA")]))];
        assert_lint(
            "e_smime_aki_key_identifier_missing",
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(None, &[], None),
                )
                .build(),
            &base().build(),
            &[],
        );
        // Issuer and serial instead of a key identifier break both rules.
        assert_lint(
            "e_smime_aki_key_identifier_missing",
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(None, &issuer, Some(&[0x01])),
                )
                .build(),
            &base().build(),
            &["e_smime_aki_issuer_and_serial_present"],
        );
    }

    #[test]
    fn aki_issuer_and_serial_present() {
        let issuer = vec![gn::directory_name(&name(&[("CN", "Example Root")]))];
        let id = issuer_id();
        assert_lint(
            "e_smime_aki_issuer_and_serial_present",
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(Some(&id), &issuer, Some(&[0x01])),
                )
                .build(),
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(Some(&id), &[], None),
                )
                .build(),
            &[],
        );
    }

    #[test]
    fn ski_missing() {
        assert_lint(
            "w_smime_ski_missing",
            &base().without_ext(&oid::SUBJECT_KEY_IDENTIFIER).build(),
            &base().build(),
            &[],
        );
    }

    #[test]
    fn ski_critical() {
        assert_lint(
            "e_smime_ski_critical",
            &base().critical(&oid::SUBJECT_KEY_IDENTIFIER, true).build(),
            &base().build(),
            &[],
        );
    }

    #[test]
    fn ski_not_key_derived() {
        let key = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED);
        let sha1_id = Sha1::digest(key.public_key_bytes()).to_vec();
        assert_lint(
            "n_smime_ski_not_key_derived",
            &base()
                .ext(&oid::SUBJECT_KEY_IDENTIFIER, false, ext::ski(&[0x42; 16]))
                .build(),
            &base()
                .ext(&oid::SUBJECT_KEY_IDENTIFIER, false, ext::ski(&sha1_id))
                .build(),
            &[],
        );
    }

    #[test]
    fn derivation_methods() {
        let key = KeyPair::get(KeyAlg::P256, SUBJECT_SEED);
        let bits = key.public_key_bytes();
        let spki = key.spki_der();
        let sha1 = Sha1::digest(&bits);
        let mut m2 = sha1[12..].to_vec();
        m2[0] = 0x40 | (m2[0] & 0x0f);
        assert!(key_derived(&sha1, &bits, &spki));
        assert!(key_derived(&m2, &bits, &spki));
        assert!(key_derived(&Sha256::digest(&bits)[..20], &bits, &spki));
        assert!(key_derived(&Sha256::digest(&spki), &bits, &spki));
        assert!(!key_derived(&Sha256::digest(&bits), &bits, &spki));
        assert!(!key_derived(&der::int(5), &bits, &spki));
    }
}
