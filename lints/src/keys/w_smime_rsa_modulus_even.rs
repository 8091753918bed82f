use super::*;
use smimelint_cert::keymath::bignum::bit_length;

fn check_rsa_modulus_even(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        if key.modulus.last().is_some_and(|b| b & 1 == 0) {
            fail!("RSA modulus ({} bits) is even", bit_length(key.modulus))
        } else {
            Outcome::Pass
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is odd.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD be "an odd number" (NIST SP 800-89 §5.3.3). A product of
    /// two large primes is odd; an even modulus has the factor 2 and is not an RSA modulus.
    ///
    /// ## Example
    /// A modulus ending in the octet `00`.
    W_SMIME_RSA_MODULUS_EVEN {
        name: "w_smime_rsa_modulus_even",
        description: "The RSA modulus is even",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_has_small_prime_factor"],
        zlint: ["w_rsa_mod_not_odd"],
        catalog: ["w_smime_rsa_modulus_even"],
        applies: Applies::ALL,
        check: check_rsa_modulus_even,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, good, real_rsa, rsa};

    use smimelint_cert::keymath::bignum::Big;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    #[test]
    fn rsa_modulus_quality() {
        let (n, e, primes) = real_rsa();
        let big_n = Big::from_be(&n);
        // n × 256: 2056 bits, even (the factor 2 is the even lint's finding only).
        let even = rsa(&big_n.mul(&Big::from_u64(256)).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_even", &even, &good(), &[]);
        // n × 251: 2056 bits, divisible by 251.
        let times_251 = rsa(&big_n.mul(&Big::from_u64(251)).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_small_factor", &times_251, &good(), &[]);
        assert_eq!(
            details(&times_251, "w_smime_rsa_modulus_small_factor"),
            "RSA modulus is divisible by 251"
        );
        // The square of one of the key's 1024-bit primes: a 2048-bit prime power.
        let p = Big::from_be(&primes[0]);
        let square = p.mul(&p);
        assert_eq!(square.bits(), 2048);
        let square = rsa(&square.to_be(), &e);
        assert_lint("w_smime_rsa_modulus_prime_power", &square, &good(), &[]);
        // Beyond 8192 bits the check does not run.
        let huge: Vec<u8> = n.iter().cycle().take(2100).copied().collect();
        assert_eq!(
            status_of(&rsa(&huge, &e), "w_smime_rsa_modulus_prime_power"),
            Status::NotApplicable
        );
        assert_eq!(
            details(&square, "w_smime_rsa_modulus_prime_power"),
            "RSA modulus (2048 bits) is a perfect power: m^2 with m of 1024 bits"
        );
    }
}
