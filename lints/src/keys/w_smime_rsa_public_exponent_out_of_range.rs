use super::*;
use smimelint_cert::keymath::bignum::bit_length;

fn check_rsa_public_exponent_out_of_range(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let e = key.exponent;
        // 2^16 + 1 = 0x010001; 2^256 − 1 has 256 bits.
        let too_small = e.len() < 3 || (e.len() == 3 && e < [0x01, 0x00, 0x01].as_slice());
        let too_large = bit_length(e) > 256;
        match (too_small, too_large) {
            (false, false) => Outcome::Pass,
            (true, _) => fail!(
                "RSA public exponent {} is below 2^16+1 (65537)",
                int_text(e)
            ),
            (false, true) => fail!(
                "RSA public exponent has {} bits; it should be at most 2^256-1",
                bit_length(e)
            ),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA public exponent is in the range [2^16 + 1, 2^256 − 1].
    ///
    /// ## Why
    /// SBR 6.1.6: "the public exponent SHOULD be in the range between 2^16 + 1 and 2^256 - 1"
    /// (NIST SP 800-89 §5.3.3). Small exponents such as 3 make padding mistakes exploitable.
    ///
    /// ## Example
    /// publicExponent 3.
    W_SMIME_RSA_PUBLIC_EXPONENT_OUT_OF_RANGE {
        name: "w_smime_rsa_public_exponent_out_of_range",
        description: "The RSA public exponent is outside [2^16+1, 2^256-1]",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_exponent_not_in_recommended_range"],
        zlint: ["w_rsa_public_exponent_not_in_range"],
        catalog: ["w_smime_rsa_public_exponent_out_of_range"],
        applies: Applies::ALL,
        check: check_rsa_public_exponent_out_of_range,
    }
}
