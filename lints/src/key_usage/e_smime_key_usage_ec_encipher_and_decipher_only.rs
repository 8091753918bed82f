use super::*;
use smimelint_cert::spki::KeyFamily;

lint! {
    /// ## What it checks
    /// An id-ecPublicKey certificate does not set both encipherOnly and decipherOnly.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e) allows "encipherOnly **or** decipherOnly". Under RFC 5280 §4.2.1.3 each bit
    /// restricts key agreement to one direction, so both together leave nothing usable.
    ///
    /// ## Example
    /// `keyAgreement, encipherOnly, decipherOnly`.
    E_SMIME_KEY_USAGE_EC_ENCIPHER_AND_DECIPHER_ONLY {
        name: "e_smime_key_usage_ec_encipher_and_decipher_only",
        description: "keyUsage of an EC key sets both encipherOnly and decipherOnly",
        citation: "SBR 7.1.2.3(e); RFC 5280 4.2.1.3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.both_encipheronly_and_decipheronly_ku_set"],
        zlint: [],
        catalog: ["e_smime_key_usage_ec_encipher_and_decipher_only"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::Ec as u8 }, true>,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::{ku, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::*;
    use smimelint_factory::KeyAlg;

    #[test]
    fn ec_encipher_and_decipher_only() {
        let b = || with_key("mailbox-legacy", KeyAlg::P384);
        assert_lint(
            "e_smime_key_usage_ec_encipher_and_decipher_only",
            &ku(b(), &[KEY_AGREEMENT, ENCIPHER_ONLY, DECIPHER_ONLY]).build(),
            &ku(b(), &[KEY_AGREEMENT, ENCIPHER_ONLY]).build(),
            &[],
        );
    }
}
