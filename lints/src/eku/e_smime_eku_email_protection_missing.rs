use super::*;
use crate::support::eku::describe_all;

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

#[cfg(test)]
mod tests {

    use crate::test_support::eku::{cert, clean, details};
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

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
}
