use super::*;
use smimelint_cert::spki::KeyFamily;

lint! {
    /// ## What it checks
    /// For an id-ml-dsa-44/65/87 key, digitalSignature is set, nonRepudiation may be set, and no
    /// other bit is set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-ml-dsa column added by ballot SMC013 (v1.0.11, in every generation):
    /// "Bit positions SHALL be set for digitalSignature and MAY be set for nonRepudiation. Other
    /// bit positions SHALL NOT be set." ML-DSA is a signature scheme only.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on an ML-DSA-44 key.
    E_SMIME_KEY_USAGE_ML_DSA {
        name: "e_smime_key_usage_ml_dsa",
        description: "keyUsage bits of an ML-DSA key do not match the SBR table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_mldsa"
        ],
        zlint: [],
        catalog: ["e_smime_key_usage_ml_dsa"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::MlDsa as u8 }, false>,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::{ku, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::{DIGITAL_SIGNATURE, *};
    use smimelint_factory::KeyAlg;

    #[test]
    fn ml_dsa() {
        let b = || with_key("organization-strict", KeyAlg::MlDsa44);
        assert_lint(
            "e_smime_key_usage_ml_dsa",
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
            &ku(b(), &[DIGITAL_SIGNATURE, NON_REPUDIATION]).build(),
            &[],
        );
        assert_lint(
            "e_smime_key_usage_ml_dsa",
            &ku(b(), &[NON_REPUDIATION]).build(),
            &b().build(),
            &[],
        );
    }
}
