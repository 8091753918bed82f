use super::*;
use smimelint_cert::spki::KeyFamily;

lint! {
    /// ## What it checks
    /// For an id-alg-ml-kem-512/768/1024 key, keyEncipherment is the only bit set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-ml-kem column added by ballot SMC013 (v1.0.11, in every generation):
    /// "keyEncipherment SHALL be the only key usage set". ML-KEM is a key encapsulation
    /// mechanism; it cannot sign.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on an ML-KEM-768 key.
    E_SMIME_KEY_USAGE_ML_KEM {
        name: "e_smime_key_usage_ml_kem",
        description: "keyUsage of an ML-KEM key is not keyEncipherment alone",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_mlkem"
        ],
        zlint: [],
        catalog: ["e_smime_key_usage_ml_kem"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::MlKem as u8 }, false>,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::{ku, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::{DIGITAL_SIGNATURE, *};
    use smimelint_factory::KeyAlg;

    #[test]
    fn ml_kem() {
        let b = || with_key("sponsored-multipurpose", KeyAlg::MlKem768);
        assert_lint(
            "e_smime_key_usage_ml_kem",
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
            &b().build(),
            &[],
        );
        assert_lint(
            "e_smime_key_usage_ml_kem",
            &ku(b(), &[KEY_ENCIPHERMENT, DATA_ENCIPHERMENT]).build(),
            &b().build(),
            &[],
        );
    }
}
