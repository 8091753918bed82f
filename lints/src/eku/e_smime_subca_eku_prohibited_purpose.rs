use super::*;
use crate::support::eku;

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
