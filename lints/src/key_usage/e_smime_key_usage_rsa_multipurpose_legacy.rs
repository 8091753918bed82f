use super::*;
use smimelint_cert::spki::KeyFamily;

lint! {
    /// ## What it checks
    /// For an rsaEncryption key in a Multipurpose or Legacy certificate, keyUsage is one of:
    /// signing only (digitalSignature, optionally nonRepudiation), key management only
    /// (keyEncipherment, optionally dataEncipherment), or dual use (both, optionally
    /// nonRepudiation and dataEncipherment). nonRepudiation needs digitalSignature,
    /// dataEncipherment needs keyEncipherment, and no other bit is set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), Multipurpose and Legacy row of the rsaEncryption column; "Other bit
    /// positions SHALL NOT be set".
    ///
    /// ## Example
    /// `digitalSignature, dataEncipherment` (dataEncipherment without keyEncipherment);
    /// `keyAgreement`.
    E_SMIME_KEY_USAGE_RSA_MULTIPURPOSE_LEGACY {
        name: "e_smime_key_usage_rsa_multipurpose_legacy",
        description: "keyUsage bits of an RSA key do not match the Multipurpose/Legacy table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_rsa"
        ],
        zlint: ["e_rsa_key_usage_legacy_multipurpose", "e_rsa_other_key_usages"],
        catalog: ["e_smime_key_usage_rsa_multipurpose_legacy"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_row::<{ KeyFamily::Rsa as u8 }, false>,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::ku;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::{DIGITAL_SIGNATURE, *};
    use smimelint_factory::CertBuilder;

    #[test]
    fn rsa_multipurpose_legacy() {
        let name = "e_smime_key_usage_rsa_multipurpose_legacy";
        for t in ["mailbox-multipurpose", "organization-legacy"] {
            let b = || CertBuilder::subscriber(t);
            assert_lint(
                name,
                &ku(b(), &[DIGITAL_SIGNATURE, DATA_ENCIPHERMENT]).build(),
                &ku(
                    b(),
                    &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT, DATA_ENCIPHERMENT],
                )
                .build(),
                &[],
            );
            assert_lint(
                name,
                &ku(b(), &[KEY_ENCIPHERMENT, ENCIPHER_ONLY]).build(),
                &ku(b(), &[KEY_ENCIPHERMENT, DATA_ENCIPHERMENT]).build(),
                &[],
            );
        }
    }
}
