use super::*;
use crate::support::eku::{describe_all, is_prohibited};

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

    use crate::test_support::eku::{cert, clean, details, PRIVATE_EKU};
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

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
