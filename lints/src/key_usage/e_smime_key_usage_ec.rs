use super::*;
use smimelint_cert::spki::KeyFamily;

lint! {
    /// ## What it checks
    /// For an id-ecPublicKey key, keyUsage is one of: signing only (digitalSignature, optionally
    /// nonRepudiation), key management only (keyAgreement, optionally encipherOnly or
    /// decipherOnly), or dual use (digitalSignature and keyAgreement with the same options).
    /// nonRepudiation needs digitalSignature; encipherOnly and decipherOnly need keyAgreement;
    /// keyEncipherment, dataEncipherment and every other bit are not set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-ecPublicKey column (the same in every generation); "Other bit positions
    /// SHALL NOT be set". RFC 8813 likewise forbids keyEncipherment and dataEncipherment for EC
    /// keys.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on a P-256 key; `decipherOnly` without keyAgreement.
    E_SMIME_KEY_USAGE_EC {
        name: "e_smime_key_usage_ec",
        description: "keyUsage bits of an EC key do not match the SBR table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_ec"
        ],
        zlint: ["e_ecpublickey_key_usages", "e_ec_other_key_usages"],
        catalog: ["e_smime_key_usage_ec"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::Ec as u8 }, false>,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::{ku, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::{DIGITAL_SIGNATURE, *};
    use smimelint_factory::KeyAlg;

    #[test]
    fn ec() {
        let b = || with_key("mailbox-strict", KeyAlg::P256);
        let name = "e_smime_key_usage_ec";
        assert_lint(
            name,
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_AGREEMENT]).build(),
            &[],
        );
        assert_lint(
            name,
            &ku(b(), &[DIGITAL_SIGNATURE, DECIPHER_ONLY]).build(),
            &ku(b(), &[KEY_AGREEMENT, DECIPHER_ONLY]).build(),
            &[],
        );
        assert_lint(
            name,
            &ku(b(), &[NON_REPUDIATION, KEY_AGREEMENT]).build(),
            &ku(
                b(),
                &[
                    DIGITAL_SIGNATURE,
                    NON_REPUDIATION,
                    KEY_AGREEMENT,
                    ENCIPHER_ONLY,
                ],
            )
            .build(),
            &[],
        );
    }
}
