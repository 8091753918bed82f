use super::*;
use crate::support::eku::{describe_all, is_prohibited};

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

#[cfg(test)]
mod tests {

    use crate::support::eku::PROHIBITED;
    use crate::test_support::eku::{cert, clean, details};
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};

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
}
