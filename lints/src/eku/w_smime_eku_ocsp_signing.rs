use super::*;

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

#[cfg(test)]
mod tests {

    use crate::test_support::eku::{cert, clean};
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

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
}
