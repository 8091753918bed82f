use super::*;
use smimelint_cert::keymath::bignum::bit_length;

fn check_rsa_modulus_too_small(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.modulus) {
        bits if bits < 2048 => fail!("RSA modulus has {bits} bits; at least 2048 are required"),
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is at least 2048 bits long (its bit length, leading zero octets
    /// ignored).
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the modulus size, when encoded, is at least 2048
    /// bits". 1024-bit moduli are within reach of factoring.
    ///
    /// ## Example
    /// A 1024-bit RSA key.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this and a size not divisible by 8 under one code,
    /// `cabf.rsa_modulus_invalid_length`.
    E_SMIME_RSA_MODULUS_TOO_SMALL {
        name: "e_smime_rsa_modulus_too_small",
        description: "The RSA modulus is shorter than 2048 bits",
        citation: "SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_invalid_length"],
        zlint: ["e_rsa_mod_less_than_2048_bits"],
        catalog: ["e_smime_rsa_modulus_too_small"],
        applies: Applies::ALL,
        check: check_rsa_modulus_too_small,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, good, rsa, with_key};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::keys::rsa_key_of_size;
    use smimelint_factory::KeyAlg;

    #[test]
    fn rsa_modulus_size() {
        let small = rsa_key_of_size(1024, 1);
        let bad = rsa(&small.n, &small.e);
        assert_lint("e_smime_rsa_modulus_too_small", &bad, &good(), &[]);
        assert_eq!(
            details(&bad, "e_smime_rsa_modulus_too_small"),
            "RSA modulus has 1024 bits; at least 2048 are required"
        );
        let odd_size = rsa_key_of_size(2052, 1);
        let bad = rsa(&odd_size.n, &odd_size.e);
        assert_lint("e_smime_rsa_modulus_not_multiple_of_8", &bad, &good(), &[]);
        for alg in [KeyAlg::Rsa3072, KeyAlg::Rsa4096] {
            let der = with_key(alg).build();
            assert_eq!(
                status_of(&der, "e_smime_rsa_modulus_too_small"),
                Status::Pass
            );
            assert_eq!(
                status_of(&der, "w_smime_rsa_modulus_prime_power"),
                Status::Pass
            );
            assert_eq!(
                status_of(&der, "w_smime_rsa_modulus_small_factor"),
                Status::Pass
            );
        }
    }
}
