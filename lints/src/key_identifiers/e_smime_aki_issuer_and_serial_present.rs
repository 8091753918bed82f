use super::*;

fn check_aki_issuer_and_serial_present(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, aki) = ctx.cert.aki() else {
        return Outcome::NotApplicable;
    };
    match (aki.issuer.is_some(), aki.serial.is_some()) {
        (false, false) => Outcome::Pass,
        (true, false) => fail!("authorityKeyIdentifier has authorityCertIssuer"),
        (false, true) => fail!("authorityKeyIdentifier has authorityCertSerialNumber"),
        (true, true) => {
            fail!("authorityKeyIdentifier has authorityCertIssuer and authorityCertSerialNumber")
        }
    }
}

lint! {
    /// ## What it checks
    /// The authorityKeyIdentifier extension has neither authorityCertIssuer nor
    /// authorityCertSerialNumber.
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): these fields SHALL NOT be present. They tie the certificate to one
    /// particular issuer certificate, which breaks path building after the CA is re-issued or
    /// cross-certified.
    ///
    /// ## Example
    /// `SEQUENCE { [0] keyId, [1] { directoryName … }, [2] 01 }`.
    E_SMIME_AKI_ISSUER_AND_SERIAL_PRESENT {
        name: "e_smime_aki_issuer_and_serial_present",
        description: "authorityKeyIdentifier has authorityCertIssuer or authorityCertSerialNumber",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.authority_key_identifier_has_issuer_cert",
            "pkix.aki_with_cert_issuer_but_serial_number_absent",
            "pkix.aki_with_serial_number_but_cert_issuer_absent",
        ],
        zlint: ["e_authority_key_identifier_correct"],
        catalog: ["e_smime_aki_issuer_and_serial_present"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_issuer_and_serial_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext_values, gn, key_id, name, KeyAlg, KeyPair, ISSUER_SEED};

    #[test]
    fn aki_issuer_and_serial_present() {
        let issuer = vec![gn::directory_name(&name(&[("CN", "Example Root")]))];
        let id = issuer_id();
        assert_lint(
            "e_smime_aki_issuer_and_serial_present",
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(Some(&id), &issuer, Some(&[0x01])),
                )
                .build(),
            &base()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext_values::aki(Some(&id), &[], None),
                )
                .build(),
            &[],
        );
    }

    fn issuer_id() -> Vec<u8> {
        key_id(KeyPair::get(KeyAlg::Rsa2048, ISSUER_SEED))
    }
}
