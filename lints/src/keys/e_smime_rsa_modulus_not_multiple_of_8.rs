use super::*;
use smimelint_cert::keymath::bignum::bit_length;

fn check_rsa_modulus_not_multiple_of_8(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.modulus) {
        bits if !bits.is_multiple_of(8) => {
            fail!("RSA modulus has {bits} bits, not a multiple of 8")
        }
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The bit length of the RSA modulus is divisible by 8.
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the modulus size, in bits, is evenly divisible by
    /// 8". Key generators produce whole-octet moduli; an odd size points at a broken or
    /// hand-made key.
    ///
    /// ## Example
    /// A 2047-bit modulus (top octet `7f`).
    E_SMIME_RSA_MODULUS_NOT_MULTIPLE_OF_8 {
        name: "e_smime_rsa_modulus_not_multiple_of_8",
        description: "The RSA modulus size in bits is not divisible by 8",
        citation: "SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_invalid_length"],
        zlint: [],
        catalog: ["e_smime_rsa_modulus_not_multiple_of_8"],
        applies: Applies::ALL,
        check: check_rsa_modulus_not_multiple_of_8,
    }
}
