use super::*;
use crate::support::eku;

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
