use super::*;

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

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext, ku};

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
}
