use super::*;

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
        smimelint_cert::time::format_date(not_before),
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
        let prohibited: Vec<&str> = crate::support::eku::PROHIBITED
            .iter()
            .filter(|o| p.contains(&o.as_bytes()))
            .filter_map(|o| oid::purpose_name(o.as_bytes()))
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

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{findings_with_issuer, status_with_issuer};
    use smimelint_factory::{Hierarchy, KeyAlg};

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
}
