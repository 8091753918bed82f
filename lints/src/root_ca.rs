//! Root CA certificates (SBR 7.1.2.1, 7.1.6.2), and the basicConstraints, keyUsage and
//! subjectKeyIdentifier rules that 7.1.2.2 repeats word for word for subordinate CAs.
//!
//! pkilint has no CA profile: given a CA certificate it applies the subscriber rules (and
//! reports `cabf.smime.is_ca_certificate`, prohibited keyCertSign/cRLSign, a missing SAN, …).
//! smimelint classifies cA TRUE certificates as root (self-issued and self-signed) or
//! subordinate CA and applies SBR 7.1.2.1 / 7.1.2.2 instead.

use super::prelude::*;
use smimelint_cert::ext::KeyUsage;

fn check_basic_constraints_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::BASIC_CONSTRAINTS) else {
        return fail!("the certificate has no basicConstraints extension");
    };
    match (e.critical, ctx.cert.basic_constraints()) {
        (false, _) => fail!("basicConstraints is not marked critical"),
        (true, Ext::Present(_, bc)) if bc.ca => Outcome::Pass,
        (true, Ext::Present(..)) => fail!("basicConstraints cA is not TRUE"),
        // An undecodable value is reported by the structure lints.
        (true, _) => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A CA certificate has basicConstraints, marked critical, with cA TRUE.
    ///
    /// ## Why
    /// SBR 7.1.2.1(a) (root) and 7.1.2.2(d) (subordinate CA): the extension SHALL be present and
    /// marked critical, and cA SHALL be TRUE. Path validation (RFC 5280 §6.1.4(k)) accepts an
    /// issuer only when cA is TRUE, and criticality keeps software that ignores the extension
    /// from using the certificate at all.
    ///
    /// ## Example
    /// A sub-CA with `basicConstraints: cA TRUE` not marked critical.
    E_SMIME_CA_BASIC_CONSTRAINTS_INVALID {
        name: "e_smime_ca_basic_constraints_invalid",
        description: "CA certificate basicConstraints is absent, not critical, or has cA FALSE",
        citation: "SBR 7.1.2.1(a); 7.1.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.basic_constraints_extension_not_critical"],
        zlint: [],
        catalog: ["e_smime_ca_basic_constraints_invalid"],
        applies: Applies::CA,
        check: check_basic_constraints_invalid,
    }
}

fn check_root_path_len_present(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.basic_constraints() {
        Ext::Present(_, bc) if bc.path_len.is_some() => {
            fail!("the root CA certificate has a pathLenConstraint")
        }
        Ext::Present(..) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A root CA certificate's basicConstraints has no pathLenConstraint.
    ///
    /// ## Why
    /// SBR 7.1.2.1(a): "The pathLenConstraint field SHOULD NOT be present." A root limits its
    /// hierarchy through its sub-CA certificates, which may carry one (7.1.2.2(d)).
    ///
    /// ## Example
    /// A root with `basicConstraints: cA TRUE, pathLenConstraint 1`.
    W_SMIME_ROOT_PATH_LEN_PRESENT {
        name: "w_smime_root_path_len_present",
        description: "Root CA certificate has a pathLenConstraint",
        citation: "SBR 7.1.2.1(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_root_path_len_present"],
        applies: Applies::ROOT_CA,
        check: check_root_path_len_present,
    }
}

/// keyCertSign and cRLSign.
const CA_KEY_USAGE: u32 = (1 << 5) | (1 << 6);
const DIGITAL_SIGNATURE: u32 = 1;

fn check_key_usage_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::KEY_USAGE) else {
        return fail!("the certificate has no keyUsage extension");
    };
    if !e.critical {
        return fail!("keyUsage is not marked critical");
    }
    match ctx.cert.key_usage() {
        Ext::Present(_, ku) if ku.bits & CA_KEY_USAGE == CA_KEY_USAGE => Outcome::Pass,
        Ext::Present(_, ku) => fail!(
            "keyUsage lacks {}",
            KeyUsage::names(CA_KEY_USAGE & !ku.bits)
        ),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A CA certificate has keyUsage, marked critical, with keyCertSign and cRLSign set.
    ///
    /// ## Why
    /// SBR 7.1.2.1(b) and 7.1.2.2(e): the extension SHALL be present and critical, and the
    /// keyCertSign and cRLSign bits SHALL be set: a CA signs certificates and the CRLs that
    /// revoke them.
    ///
    /// ## Example
    /// A sub-CA with `keyUsage: keyCertSign` only (no cRLSign).
    E_SMIME_CA_KEY_USAGE_INVALID {
        name: "e_smime_ca_key_usage_invalid",
        description: "CA certificate keyUsage is absent, not critical, or lacks keyCertSign/cRLSign",
        citation: "SBR 7.1.2.1(b); 7.1.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.ca_certificate_no_ku_extension", "pkix.ca_certificate_keycertsign_keyusage_not_set"],
        zlint: [],
        catalog: ["e_smime_ca_key_usage_invalid"],
        applies: Applies::CA,
        check: check_key_usage_invalid,
    }
}

fn check_key_usage_no_digital_signature(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.key_usage() {
        Ext::Present(_, ku) if ku.bits & DIGITAL_SIGNATURE == 0 => fail!(
            "keyUsage has no digitalSignature: the CA key must not sign OCSP responses directly"
        ),
        Ext::Present(..) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// Reports a CA certificate whose keyUsage lacks digitalSignature.
    ///
    /// ## Why
    /// SBR 7.1.2.1(b) and 7.1.2.2(e): if the CA private key signs OCSP responses, digitalSignature
    /// SHALL be set. Whether it does cannot be seen in the certificate, so this is a notice for
    /// the CA to confirm that its OCSP responses come from a delegated responder.
    ///
    /// ## Example
    /// A root with `keyUsage: keyCertSign, cRLSign`.
    N_SMIME_CA_KEY_USAGE_NO_DIGITAL_SIGNATURE {
        name: "n_smime_ca_key_usage_no_digital_signature",
        description: "CA keyUsage lacks digitalSignature (required if the CA key signs OCSP responses)",
        citation: "SBR 7.1.2.1(b); 7.1.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["n_smime_ca_key_usage_no_digital_signature"],
        applies: Applies::CA,
        check: check_key_usage_no_digital_signature,
    }
}

fn check_root_certificate_policies_present(ctx: &LintContext<'_>) -> Outcome {
    forbid_extension(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A root CA certificate has no certificatePolicies extension.
    ///
    /// ## Why
    /// SBR 7.1.2.1(c) and 7.1.6.2: the extension SHOULD NOT be present in a root. When it is,
    /// it must follow the subordinate CA rules of 7.1.6.3, which
    /// `e_smime_subca_policy_oids_invalid` checks for roots too.
    ///
    /// ## Example
    /// A root with `certificatePolicies: anyPolicy`.
    W_SMIME_ROOT_CERTIFICATE_POLICIES_PRESENT {
        name: "w_smime_root_certificate_policies_present",
        description: "Root CA certificate has a certificatePolicies extension",
        citation: "SBR 7.1.2.1(c); 7.1.6.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_root_certificate_policies_present"],
        applies: Applies::ROOT_CA,
        check: check_root_certificate_policies_present,
    }
}

fn check_root_eku_present(ctx: &LintContext<'_>) -> Outcome {
    forbid_extension(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A root CA certificate has no extKeyUsage extension.
    ///
    /// ## Why
    /// SBR 7.1.2.1(d): "This extension SHALL NOT be present." Purposes are restricted in the
    /// sub-CA certificates (7.1.2.2(g)); an EKU in a root would constrain or confuse every
    /// hierarchy under it.
    ///
    /// ## Example
    /// A root with `extKeyUsage: emailProtection`.
    E_SMIME_ROOT_EKU_PRESENT {
        name: "e_smime_root_eku_present",
        description: "Root CA certificate has an extKeyUsage extension",
        citation: "SBR 7.1.2.1(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_root_eku_present"],
        applies: Applies::ROOT_CA,
        check: check_root_eku_present,
    }
}

fn check_ski_invalid(ctx: &LintContext<'_>) -> Outcome {
    require_noncritical(ctx, &oid::SUBJECT_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// A CA certificate has a subjectKeyIdentifier extension that is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.1(e) and 7.1.2.2(i): the extension SHALL be present and SHALL NOT be critical
    /// (as RFC 5280 §4.2.1.2 also requires for CAs). Its value is what the authorityKeyIdentifier
    /// of every certificate the CA issues points to (`e_smime_aki_does_not_match_issuer_ski`).
    ///
    /// ## Example
    /// A root without 2.5.29.14.
    E_SMIME_CA_SKI_INVALID {
        name: "e_smime_ca_ski_invalid",
        description: "CA certificate subjectKeyIdentifier is absent or critical",
        citation: "SBR 7.1.2.1(e); 7.1.2.2(i)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_skid_ca_missing"],
        zlint: [],
        catalog: ["e_smime_ca_ski_invalid", "e_smime_rfc5280_aki_ski_criticality", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::CA,
        check: check_ski_invalid,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext, ku, CertBuilder, KeyAlg};

    fn root() -> CertBuilder {
        CertBuilder::root_ca(KeyAlg::Rsa2048)
    }

    #[test]
    fn roots_are_self_issued_and_self_signed() {
        use smimelint_engine::detect::Kind;
        use smimelint_engine::testing::{findings, lint_all};
        let kind = |b: &CertBuilder| lint_all(&b.build()).kind;
        for alg in [KeyAlg::Rsa2048, KeyAlg::P384, KeyAlg::MlDsa65] {
            let r = CertBuilder::root_ca(alg);
            assert_eq!(kind(&r), Some(Kind::RootCa), "{alg:?}");
            assert_eq!(findings(&r.build()), Vec::<&str>::new(), "{alg:?}");
        }
        // Self-issued but signed by another key (a key-rollover certificate): subordinate.
        let mut rollover = root();
        rollover.issuer_key = (KeyAlg::Rsa2048, 77);
        assert_eq!(kind(&rollover), Some(Kind::SubordinateCa));
        // Unsigned: self-issued decides.
        let tbs = lint_all(&root().build_tbs());
        assert_eq!(tbs.kind, Some(Kind::RootCa));
    }

    #[test]
    fn basic_constraints_invalid() {
        let good = root().build();
        assert_lint(
            "e_smime_ca_basic_constraints_invalid",
            &root().critical(&oid::BASIC_CONSTRAINTS, false).build(),
            &good,
            &[],
        );
        let sub = CertBuilder::sub_ca(KeyAlg::Rsa2048);
        assert_lint(
            "e_smime_ca_basic_constraints_invalid",
            &sub.clone().critical(&oid::BASIC_CONSTRAINTS, false).build(),
            &sub.build(),
            &[],
        );
    }

    #[test]
    fn root_path_len_present() {
        assert_lint(
            "w_smime_root_path_len_present",
            &root()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    true,
                    ext::basic_constraints(true, Some(1)),
                )
                .build(),
            &root().build(),
            &[],
        );
    }

    #[test]
    fn key_usage_invalid() {
        let ku = |bits: &[u32], critical: bool| {
            root()
                .ext(&oid::KEY_USAGE, critical, ext::key_usage(bits))
                .build()
        };
        let all = [ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN, ku::CRL_SIGN];
        assert_lint(
            "e_smime_ca_key_usage_invalid",
            &ku(&[ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN], true),
            &ku(&all, true),
            &[],
        );
        assert_lint(
            "e_smime_ca_key_usage_invalid",
            &ku(&all, false),
            &ku(&all, true),
            &[],
        );
        assert_lint(
            "e_smime_ca_key_usage_invalid",
            &root().without_ext(&oid::KEY_USAGE).build(),
            &ku(&all, true),
            &[],
        );
    }

    #[test]
    fn key_usage_no_digital_signature() {
        assert_lint(
            "n_smime_ca_key_usage_no_digital_signature",
            &root()
                .ext(
                    &oid::KEY_USAGE,
                    true,
                    ext::key_usage(&[ku::KEY_CERT_SIGN, ku::CRL_SIGN]),
                )
                .build(),
            &root().build(),
            &[],
        );
    }

    #[test]
    fn root_certificate_policies_present() {
        assert_lint(
            "w_smime_root_certificate_policies_present",
            &root().policies(&["2.23.140.1.5.1.3"]).build(),
            &root().build(),
            &[],
        );
    }

    #[test]
    fn root_eku_present() {
        assert_lint(
            "e_smime_root_eku_present",
            &root().eku(&[&oid::KP_EMAIL_PROTECTION]).build(),
            &root().build(),
            &[],
        );
    }

    #[test]
    fn ski_invalid() {
        assert_lint(
            "e_smime_ca_ski_invalid",
            &root().without_ext(&oid::SUBJECT_KEY_IDENTIFIER).build(),
            &root().build(),
            &[],
        );
        assert_lint(
            "e_smime_ca_ski_invalid",
            &root().critical(&oid::SUBJECT_KEY_IDENTIFIER, true).build(),
            &root().build(),
            &[],
        );
    }
}
