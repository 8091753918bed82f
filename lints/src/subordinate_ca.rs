//! Subordinate CA certificates (SBR 7.1.2.2, 7.1.6.3). basicConstraints, keyUsage and
//! subjectKeyIdentifier, which 7.1.2.1 and 7.1.2.2 share, are in `root_ca.rs`; the
//! certificatePolicies qualifier rules of 7.1.2.2(a) are the `policies.rs` lints, which apply
//! to every certificate.

use super::crldp::{full_name_uris, is_http};
use super::eku;
use super::prelude::*;
use smimelint_cert::GeneralName;
use smimelint_engine::detect::CertType;

fn check_certificate_policies_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has a certificatePolicies extension.
    ///
    /// ## Why
    /// SBR 7.1.2.2(a): certificatePolicies SHALL be present. Its reserved S/MIME policy OIDs
    /// (7.1.6.3) are how the issuing CA asserts that the sub-CA operates under the SBR.
    ///
    /// ## Example
    /// A sub-CA with extKeyUsage emailProtection and no 2.5.29.32.
    E_SMIME_SUBCA_CERTIFICATE_POLICIES_MISSING {
        name: "e_smime_subca_certificate_policies_missing",
        description: "Subordinate CA certificate has no certificatePolicies extension",
        citation: "SBR 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_certificate_policies_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_certificate_policies_missing,
    }
}

fn check_certificate_policies_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's certificatePolicies extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(a): "This extension SHOULD NOT be marked critical."
    ///
    /// ## Example
    /// certificatePolicies with critical TRUE in a sub-CA.
    W_SMIME_SUBCA_CERTIFICATE_POLICIES_CRITICAL {
        name: "w_smime_subca_certificate_policies_critical",
        description: "Subordinate CA certificatePolicies is marked critical",
        citation: "SBR 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_certificate_policies_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_certificate_policies_critical,
    }
}

fn check_policy_oids_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, policies) = ctx.cert.policies() else {
        return Outcome::NotApplicable;
    };
    let reserved = policies
        .iter()
        .any(|p| CertType::from_policy_oid(p.oid).is_some());
    let any_policy = policies.iter().any(|p| p.oid == oid::ANY_POLICY.as_bytes());
    if reserved || any_policy {
        Outcome::Pass
    } else {
        fail!(
            "certificatePolicies has neither a reserved S/MIME policy OID (2.23.140.1.5.T.G) \
             nor anyPolicy: {}",
            policies
                .iter()
                .map(|p| oid::dotted(p.oid))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// The certificatePolicies of a CA certificate contain at least one reserved S/MIME policy
    /// OID of SBR 7.1.6.1 (2.23.140.1.5.T.G) or anyPolicy. Runs on subordinate CAs, and on roots
    /// that have the extension (7.1.6.2 applies 7.1.6.3 to them).
    ///
    /// ## Why
    /// SBR 7.1.6.3: a sub-CA certificate SHALL include one or more reserved policy identifiers
    /// (CA-documented OIDs MAY be added); only for a sub-CA that is an Affiliate of the issuing
    /// CA may anyPolicy stand instead. Whether anyPolicy is allowed is reported separately by
    /// `n_smime_subca_any_policy_affiliate_only`, because affiliation is not visible in the
    /// certificate. Several reserved OIDs are fine in a CA certificate.
    ///
    /// ## Example
    /// A sub-CA whose only policy is the CA's own 1.3.6.1.4.1.99999.1.
    E_SMIME_SUBCA_POLICY_OIDS_INVALID {
        name: "e_smime_subca_policy_oids_invalid",
        description: "CA certificatePolicies has no reserved S/MIME policy OID and no anyPolicy",
        citation: "SBR 7.1.6.3; 7.1.6.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_policy_oids_invalid"],
        applies: Applies::CA,
        check: check_policy_oids_invalid,
    }
}

fn check_any_policy_affiliate_only(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, policies) = ctx.cert.policies() else {
        return Outcome::NotApplicable;
    };
    if policies.iter().any(|p| p.oid == oid::ANY_POLICY.as_bytes()) {
        fail!("certificatePolicies has anyPolicy: allowed only if the subordinate CA is an Affiliate of the issuing CA")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// Reports anyPolicy (2.5.29.32.0) in a CA certificate's certificatePolicies.
    ///
    /// ## Why
    /// SBR 7.1.6.3: a certificate issued to a sub-CA that is not an Affiliate of the issuing CA
    /// SHALL NOT contain anyPolicy; for an Affiliate, anyPolicy is one of the two permitted
    /// options. Affiliation cannot be decided from the certificate, so smimelint reports a
    /// notice for the CA to confirm.
    ///
    /// ## Example
    /// A sub-CA with `certificatePolicies: anyPolicy`.
    N_SMIME_SUBCA_ANY_POLICY_AFFILIATE_ONLY {
        name: "n_smime_subca_any_policy_affiliate_only",
        description: "CA certificatePolicies has anyPolicy (allowed only for an Affiliate of the issuer)",
        citation: "SBR 7.1.6.3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_any_policy_affiliate_only,
    }
}

fn check_crldp_invalid(ctx: &LintContext<'_>) -> Outcome {
    match require_noncritical(ctx, &oid::CRL_DISTRIBUTION_POINTS) {
        Outcome::Pass => {}
        problem => return problem,
    }
    match ctx.cert.crl_distribution_points() {
        Ext::Present(_, points) if full_name_uris(points).any(is_http) => Outcome::Pass,
        Ext::Present(..) => fail!("cRLDistributionPoints has no HTTP URL"),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has cRLDistributionPoints, not marked critical, with at
    /// least one `http` URL in a distribution point's fullName.
    ///
    /// ## Why
    /// SBR 7.1.2.2(b): the extension SHALL be present, SHALL NOT be critical, and SHALL contain
    /// the HTTP URL of the CA's CRL service, so relying parties can check whether the sub-CA is
    /// revoked.
    ///
    /// ## Example
    /// A sub-CA whose only CRL location is `ldap://…`.
    E_SMIME_SUBCA_CRLDP_INVALID {
        name: "e_smime_subca_crldp_invalid",
        description: "Subordinate CA cRLDistributionPoints is absent, critical, or has no HTTP URL",
        citation: "SBR 7.1.2.2(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_crldp_invalid"],
        applies: Applies::SUBORDINATE_CA,
        check: check_crldp_invalid,
    }
}

fn check_aia_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has an authorityInformationAccess extension.
    ///
    /// ## Why
    /// SBR 7.1.2.2(c): the extension SHOULD be present, so relying parties can fetch the issuing
    /// CA's certificate.
    ///
    /// ## Example
    /// A sub-CA without 1.3.6.1.5.5.7.1.1.
    W_SMIME_SUBCA_AIA_MISSING {
        name: "w_smime_subca_aia_missing",
        description: "Subordinate CA certificate has no authorityInformationAccess extension",
        citation: "SBR 7.1.2.2(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_aia_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aia_missing,
    }
}

fn check_aia_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's authorityInformationAccess is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(c): "This extension SHALL NOT be marked critical" (RFC 5280 §4.2.2.1 agrees).
    ///
    /// ## Example
    /// AIA with critical TRUE in a sub-CA.
    E_SMIME_SUBCA_AIA_CRITICAL {
        name: "e_smime_subca_aia_critical",
        description: "Subordinate CA authorityInformationAccess is marked critical",
        citation: "SBR 7.1.2.2(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_aia_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aia_critical,
    }
}

fn check_aia_ca_issuers_http_missing(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, entries) = ctx.cert.aia() else {
        return Outcome::NotApplicable;
    };
    let http_ca_issuers = entries.iter().any(|ad| {
        ad.method == oid::AD_CA_ISSUERS.as_bytes()
            && matches!(ad.location, GeneralName::Uri(u) if is_http(u))
    });
    if http_ca_issuers {
        Outcome::Pass
    } else {
        fail!("authorityInformationAccess has no HTTP caIssuers (1.3.6.1.5.5.7.48.2) URL")
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's authorityInformationAccess has an id-ad-caIssuers entry
    /// with an `http` URL.
    ///
    /// ## Why
    /// SBR 7.1.2.2(c): it SHOULD contain the HTTP URL of the issuing CA certificate. An OCSP
    /// URL is optional (MAY).
    ///
    /// ## Example
    /// An AIA with only an OCSP entry.
    W_SMIME_SUBCA_AIA_CA_ISSUERS_HTTP_MISSING {
        name: "w_smime_subca_aia_ca_issuers_http_missing",
        description: "Subordinate CA authorityInformationAccess has no HTTP caIssuers URL",
        citation: "SBR 7.1.2.2(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_aia_ca_issuers_http_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aia_ca_issuers_http_missing,
    }
}

fn check_name_constraints_not_critical(ctx: &LintContext<'_>) -> Outcome {
    require_critical(ctx, &oid::NAME_CONSTRAINTS)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's nameConstraints, when present, is marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(f): the extension SHOULD be marked critical. Unlike RFC 5280 §4.2.1.10 (MUST),
    /// the SBR tolerates non-critical name constraints while some relying-party software cannot
    /// process them, hence a warning.
    ///
    /// ## Example
    /// nameConstraints with critical FALSE.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `pkix.certificate_name_constraints_extension_not_critical` as an error,
    /// following RFC 5280's MUST. SBR 7.1.2.2(f) and its footnote make criticality a SHOULD and
    /// allow non-critical name constraints, so smimelint warns.
    W_SMIME_SUBCA_NAME_CONSTRAINTS_NOT_CRITICAL {
        name: "w_smime_subca_name_constraints_not_critical",
        description: "Subordinate CA nameConstraints is not marked critical",
        citation: "SBR 7.1.2.2(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_name_constraints_extension_not_critical"],
        zlint: [],
        catalog: ["w_smime_subca_name_constraints_not_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_name_constraints_not_critical,
    }
}

fn check_eku_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has an extKeyUsage extension.
    ///
    /// ## Why
    /// SBR 7.1.2.2(g): extKeyUsage SHALL be present in every sub-CA certificate, technically
    /// constrained ones included, except a Cross Certificate that shares subject DN and public
    /// key with an SBR root. That exception cannot be seen in one certificate: if the finding
    /// is on such a cross certificate, it can be waived.
    ///
    /// ## Example
    /// A sub-CA without 2.5.29.37.
    E_SMIME_SUBCA_EKU_MISSING {
        name: "e_smime_subca_eku_missing",
        description: "Subordinate CA certificate has no extKeyUsage extension",
        citation: "SBR 7.1.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_eku_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_eku_missing,
    }
}

fn check_eku_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's extKeyUsage is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(g): the extension SHOULD NOT be marked critical (cross certificates
    /// included).
    ///
    /// ## Example
    /// extKeyUsage emailProtection with critical TRUE in a sub-CA.
    W_SMIME_SUBCA_EKU_CRITICAL {
        name: "w_smime_subca_eku_critical",
        description: "Subordinate CA extKeyUsage is marked critical",
        citation: "SBR 7.1.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_eku_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_eku_critical,
    }
}

fn check_eku_email_protection_missing(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.eku() {
        Ext::Present(_, purposes) if purposes.contains(&oid::KP_EMAIL_PROTECTION.as_bytes()) => {
            Outcome::Pass
        }
        Ext::Present(_, purposes) => fail!(
            "extKeyUsage has no id-kp-emailProtection (found {})",
            eku::describe_all(purposes, |_| true)
        ),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's extKeyUsage contains id-kp-emailProtection.
    ///
    /// ## Why
    /// SBR 7.1.2.2(g): for sub-CAs that issue S/MIME certificates, id-kp-emailProtection SHALL
    /// be present. smimelint lints CA certificates as S/MIME CAs; a finding on a CA that issues
    /// no S/MIME certificates can be waived.
    ///
    /// ## Example
    /// A sub-CA with `extKeyUsage: clientAuth`.
    E_SMIME_SUBCA_EKU_EMAIL_PROTECTION_MISSING {
        name: "e_smime_subca_eku_email_protection_missing",
        description: "Subordinate CA extKeyUsage lacks id-kp-emailProtection",
        citation: "SBR 7.1.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_eku_email_protection_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_eku_email_protection_missing,
    }
}

fn check_eku_prohibited_purpose(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, purposes) = ctx.cert.eku() else {
        return Outcome::NotApplicable;
    };
    if purposes.iter().any(|kp| eku::is_prohibited(kp)) {
        fail!(
            "extKeyUsage has {}",
            eku::describe_all(purposes, eku::is_prohibited)
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's extKeyUsage contains none of id-kp-serverAuth,
    /// id-kp-codeSigning, id-kp-timeStamping and anyExtendedKeyUsage.
    ///
    /// ## Why
    /// SBR 7.1.2.2(g): these values SHALL NOT be present in a sub-CA that issues S/MIME
    /// certificates (other values MAY be), and anyExtendedKeyUsage SHALL NOT be present in a
    /// cross certificate either. Mixing TLS or code signing into an S/MIME hierarchy puts it
    /// under other root programs' rules.
    ///
    /// ## Example
    /// A sub-CA with `extKeyUsage: emailProtection, serverAuth`.
    E_SMIME_SUBCA_EKU_PROHIBITED_PURPOSE {
        name: "e_smime_subca_eku_prohibited_purpose",
        description: "Subordinate CA extKeyUsage has serverAuth, codeSigning, timeStamping or anyExtendedKeyUsage",
        citation: "SBR 7.1.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_eku_prohibited_purpose"],
        applies: Applies::SUBORDINATE_CA,
        check: check_eku_prohibited_purpose,
    }
}

fn check_aki_invalid(ctx: &LintContext<'_>) -> Outcome {
    match require_noncritical(ctx, &oid::AUTHORITY_KEY_IDENTIFIER) {
        Outcome::Pass => {}
        problem => return problem,
    }
    let Ext::Present(_, aki) = ctx.cert.aki() else {
        return Outcome::NotApplicable;
    };
    let mut problems = Vec::new();
    if aki.key_id.is_none() {
        problems.push("has no keyIdentifier");
    }
    if aki.issuer.is_some() {
        problems.push("has authorityCertIssuer");
    }
    if aki.serial.is_some() {
        problems.push("has authorityCertSerialNumber");
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("authorityKeyIdentifier {}", problems.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has authorityKeyIdentifier, not marked critical, with a
    /// keyIdentifier and without authorityCertIssuer and authorityCertSerialNumber.
    ///
    /// ## Why
    /// SBR 7.1.2.2(h) requires all of this. The keyIdentifier lets path building find the
    /// issuing key; issuer name and serial would tie the sub-CA to one particular issuer
    /// certificate and break when the root is re-issued or cross-certified.
    ///
    /// ## Example
    /// `authorityKeyIdentifier: SEQUENCE { [0] keyId, [2] serial }`.
    E_SMIME_SUBCA_AKI_INVALID {
        name: "e_smime_subca_aki_invalid",
        description: "Subordinate CA authorityKeyIdentifier is absent, critical, or has the wrong fields",
        citation: "SBR 7.1.2.2(h)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_aki_invalid", "e_smime_rfc5280_aki_ski_criticality", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aki_invalid,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_engine::testing::{assert_lint, findings};
    use smimelint_factory::{der, ext, ext_values, gn, CertBuilder, KeyAlg};

    fn sub() -> CertBuilder {
        CertBuilder::sub_ca(KeyAlg::Rsa2048)
    }

    fn good() -> Vec<u8> {
        sub().build()
    }

    #[test]
    fn clean_sub_ca_is_classified_and_clean() {
        let r = smimelint_engine::testing::lint_all(&good());
        assert_eq!(r.kind, Some(smimelint_engine::detect::Kind::SubordinateCa));
        assert_eq!(findings(&good()), Vec::<&str>::new());
    }

    #[test]
    fn certificate_policies_missing() {
        assert_lint(
            "e_smime_subca_certificate_policies_missing",
            &sub().without_ext(&oid::CERTIFICATE_POLICIES).build(),
            &good(),
            &[],
        );
    }

    #[test]
    fn certificate_policies_critical() {
        assert_lint(
            "w_smime_subca_certificate_policies_critical",
            &sub().critical(&oid::CERTIFICATE_POLICIES, true).build(),
            &good(),
            &[],
        );
    }

    #[test]
    fn policy_oids_invalid() {
        assert_lint(
            "e_smime_subca_policy_oids_invalid",
            &sub().policies(&["1.3.6.1.4.1.99999.1"]).build(),
            &sub()
                .policies(&["1.3.6.1.4.1.99999.1", "2.23.140.1.5.4.2"])
                .build(),
            &[],
        );
        // A root with certificatePolicies follows the same rule (7.1.6.2).
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048).policies(&["1.3.6.1.4.1.99999.1"]);
        assert_lint(
            "e_smime_subca_policy_oids_invalid",
            &root.build(),
            &good(),
            &["w_smime_root_certificate_policies_present"],
        );
    }

    #[test]
    fn any_policy_affiliate_only() {
        let any = sub().policies(&["2.5.29.32.0"]).build();
        assert_lint(
            "n_smime_subca_any_policy_affiliate_only",
            &any,
            &good(),
            &[],
        );
        assert_eq!(
            smimelint_engine::testing::status_of(&any, "e_smime_subca_policy_oids_invalid"),
            smimelint_engine::registry::Status::Pass
        );
    }

    #[test]
    fn qualifier_rules_apply_to_sub_cas() {
        let bad = sub()
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::user_notice(
                        Some(der::seq(&[der::utf8("Org"), der::seq(&[der::int(1)])])),
                        Some(der::utf8("Notice")),
                    )],
                )]),
            )
            .build();
        let ok = sub()
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::user_notice(None, Some(der::utf8("Notice")))],
                )]),
            )
            .build();
        assert_lint(
            "e_smime_user_notice_has_notice_ref",
            &bad,
            &ok,
            &["n_smime_policy_qualifier_present"],
        );
        let cps = |uri: &str| {
            sub()
                .ext(
                    &oid::CERTIFICATE_POLICIES,
                    false,
                    der::seq(&[ext::policy_info(
                        "2.23.140.1.5.1.3",
                        &[ext::cps_qualifier(uri)],
                    )]),
                )
                .build()
        };
        assert_lint(
            "e_smime_cps_qualifier_not_http_url",
            &cps("ldap://ldap.example.com/cps"),
            &cps("https://example.com/cps"),
            &["n_smime_policy_qualifier_present"],
        );
        let empty_notice = sub()
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::user_notice(None, None)],
                )]),
            )
            .build();
        assert_lint(
            "e_smime_user_notice_missing_explicit_text",
            &empty_notice,
            &ok,
            &["n_smime_policy_qualifier_present"],
        );
    }

    #[test]
    fn crldp_invalid() {
        let lint = "e_smime_subca_crldp_invalid";
        assert_lint(
            lint,
            &sub().without_ext(&oid::CRL_DISTRIBUTION_POINTS).build(),
            &good(),
            &[],
        );
        assert_lint(
            lint,
            &sub().critical(&oid::CRL_DISTRIBUTION_POINTS, true).build(),
            &good(),
            &[],
        );
        assert_lint(
            lint,
            &sub()
                .ext(
                    &oid::CRL_DISTRIBUTION_POINTS,
                    false,
                    ext::crl_distribution_points(&["ldap://ldap.example.com/cn=CA"]),
                )
                .build(),
            &good(),
            &[],
        );
    }

    #[test]
    fn aia_missing_critical_and_ca_issuers() {
        assert_lint(
            "w_smime_subca_aia_missing",
            &sub().without_ext(&oid::AUTHORITY_INFO_ACCESS).build(),
            &good(),
            &[],
        );
        assert_lint(
            "e_smime_subca_aia_critical",
            &sub().critical(&oid::AUTHORITY_INFO_ACCESS, true).build(),
            &good(),
            &[],
        );
        assert_lint(
            "w_smime_subca_aia_ca_issuers_http_missing",
            &sub()
                .ext(
                    &oid::AUTHORITY_INFO_ACCESS,
                    false,
                    ext::aia(&[(ext::OCSP, "http://ocsp.example.com")]),
                )
                .build(),
            &good(),
            &[],
        );
        assert_lint(
            "w_smime_subca_aia_ca_issuers_http_missing",
            &sub()
                .ext(
                    &oid::AUTHORITY_INFO_ACCESS,
                    false,
                    ext_values::aia_raw(&[(ext::CA_ISSUERS, gn::uri("ldap://x.example/ca"))]),
                )
                .build(),
            &good(),
            &[],
        );
    }

    #[test]
    fn name_constraints_not_critical() {
        let nc = |critical: bool| {
            sub()
                .ext(
                    &oid::NAME_CONSTRAINTS,
                    critical,
                    der::seq(&[der::tlv(0xa0, &der::seq(&[gn::rfc822("example.com")]))]),
                )
                .build()
        };
        assert_lint(
            "w_smime_subca_name_constraints_not_critical",
            &nc(false),
            &nc(true),
            &[],
        );
    }

    #[test]
    fn eku_rules() {
        assert_lint(
            "e_smime_subca_eku_missing",
            &sub().without_ext(&oid::EXT_KEY_USAGE).build(),
            &good(),
            &[],
        );
        assert_lint(
            "w_smime_subca_eku_critical",
            &sub().critical(&oid::EXT_KEY_USAGE, true).build(),
            &good(),
            &[],
        );
        assert_lint(
            "e_smime_subca_eku_email_protection_missing",
            &sub().eku(&[&oid::KP_CLIENT_AUTH]).build(),
            &sub()
                .eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH])
                .build(),
            &[],
        );
        assert_lint(
            "e_smime_subca_eku_prohibited_purpose",
            &sub()
                .eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH])
                .build(),
            &good(),
            &[],
        );
    }

    #[test]
    fn aki_invalid() {
        let lint = "e_smime_subca_aki_invalid";
        assert_lint(
            lint,
            &sub().without_ext(&oid::AUTHORITY_KEY_IDENTIFIER).build(),
            &good(),
            &[],
        );
        assert_lint(
            lint,
            &sub().critical(&oid::AUTHORITY_KEY_IDENTIFIER, true).build(),
            &good(),
            &[],
        );
        let id = smimelint_factory::key_id(smimelint_factory::KeyPair::get(
            KeyAlg::Rsa2048,
            smimelint_factory::ROOT_SEED,
        ));
        assert_lint(
            lint,
            &sub()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(Some(&id), &[], Some(&[0x01])),
                )
                .build(),
            &good(),
            &[],
        );
    }
}
