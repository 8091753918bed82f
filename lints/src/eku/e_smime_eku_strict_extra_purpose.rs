use super::*;
use crate::support::eku::{describe_all, is_prohibited};

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

#[cfg(test)]
mod tests {

    use crate::test_support::eku::{cert, clean, details, PRIVATE_EKU};
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

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
}
