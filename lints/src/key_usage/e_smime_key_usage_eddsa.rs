use super::*;
use smimelint_cert::spki::KeyFamily;

lint! {
    /// ## What it checks
    /// For an id-Ed25519 or id-Ed448 key, digitalSignature is set, nonRepudiation may be set, and
    /// no other bit is set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-Ed25519 and id-Ed448 column (added in v1.0.1, SMC03); "Other bit
    /// positions SHALL NOT be set". EdDSA keys can only sign.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on an Ed25519 key.
    E_SMIME_KEY_USAGE_EDDSA {
        name: "e_smime_key_usage_eddsa",
        description: "keyUsage bits of an EdDSA key do not match the SBR table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC03",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_edwards_curve",
            "pkix.key_usage_value_required_but_missing_for_edwards_curve",
        ],
        zlint: ["e_edwardspublickey_key_usages"],
        catalog: ["e_smime_key_usage_eddsa"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::EdDsa as u8 }, false>,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::{ku, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::{DIGITAL_SIGNATURE, *};
    use smimelint_factory::KeyAlg;

    #[test]
    fn eddsa() {
        for alg in [KeyAlg::Ed25519, KeyAlg::Ed448] {
            let b = || with_key("organization-strict", alg);
            assert_lint(
                "e_smime_key_usage_eddsa",
                &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
                &ku(b(), &[DIGITAL_SIGNATURE, NON_REPUDIATION]).build(),
                &[],
            );
        }
    }
}
