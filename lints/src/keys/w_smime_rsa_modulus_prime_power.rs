use super::*;

fn check_rsa_modulus_prime_power(ctx: &LintContext<'_>) -> Outcome {
    let Some(n) = ctx.rsa_modulus() else {
        return Outcome::NotApplicable;
    };
    if n.bits() > MAX_EXAMINED_RSA_BITS {
        return Outcome::NotApplicable;
    }
    match n.perfect_power() {
        None => Outcome::Pass,
        Some(how) => fail!("RSA modulus ({} bits) is {how}", n.bits()),
    }
}

lint! {
    /// ## What it checks
    /// The RSA modulus is not a perfect power m^k (k ≥ 2). Every prime power p^k with k ≥ 2 is
    /// one, and a product of two distinct primes never is, so no genuine RSA modulus is
    /// reported. How: a power of 2 or of a prime below 752 is found from the small-factor
    /// remainders by exact division; otherwise m > 751, so only prime exponents
    /// k ≤ log(n)/log(752) can work. For each, the remainders modulo primes q ≡ 1 (mod k)
    /// rule out almost every non-power at once (a k-th power is a k-th power residue mod q;
    /// at least two such q per exponent, below 752 where possible), and the few left are
    /// settled by an exact integer k-th root. A modulus built to pass those public filters
    /// (n ≡ 1 modulo each) meets a further 24 filter primes per exponent drawn at random per
    /// process, which no modulus can target; a true power passes every filter, so the draw
    /// changes the cost, never the result.
    ///
    /// A prime modulus (p^1) is not detected: that needs a primality test on every
    /// certificate. Moduli longer than 8192 bits are not examined (NA; see
    /// `n_smime_rsa_modulus_too_large_to_examine`): the cost grows quickly with the size.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD be "not the power of a prime" (NIST SP 800-89 §5.3.3).
    /// The k-th root of a prime power gives its factor directly.
    ///
    /// ## Example
    /// A 2048-bit modulus that is the square of a 1024-bit prime.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check for prime powers.
    W_SMIME_RSA_MODULUS_PRIME_POWER {
        name: "w_smime_rsa_modulus_prime_power",
        description: "The RSA modulus is a power of a prime (a perfect power)",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_rsa_modulus_prime_power"],
        applies: Applies::ALL,
        check: check_rsa_modulus_prime_power,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, good, real_rsa, rsa};

    use smimelint_cert::keymath::bignum::Big;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    use smimelint_factory::keys::crafted_rsa_modulus;

    #[test]
    fn filter_passing_moduli_are_settled_exactly() {
        let (_, e, _) = real_rsa();
        // m ≡ 1 modulo every prime below 2000, so m^k passes every residue filter for every
        // k, as does the non-power at_bound of rsa_modulus_too_large; only the root decides.
        let m = Big::from_be(&crafted_rsa_modulus(4096, 2000));
        let square = rsa(&m.mul(&m).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_prime_power", &square, &good(), &[]);
        assert_eq!(
            details(&square, "w_smime_rsa_modulus_prime_power"),
            "RSA modulus (8192 bits) is a perfect power: m^2 with m of 4096 bits"
        );
        let m = Big::from_be(&crafted_rsa_modulus(1024, 500));
        let seventh = (0..7).fold(Big::from_u64(1), |acc, _| acc.mul(&m));
        let seventh = rsa(&seventh.to_be(), &e);
        assert!(details(&seventh, "w_smime_rsa_modulus_prime_power")
            .ends_with("is a perfect power: m^7 with m of 1024 bits"));
        // One more than the square of an m ≡ 1 modulo every prime below 500: not a power
        // (no two positive squares are consecutive), yet ≡ 2 modulo each of those primes.
        let near = rsa(&m.mul(&m).add(&Big::from_u64(1)).to_be(), &e);
        assert_eq!(
            status_of(&near, "w_smime_rsa_modulus_prime_power"),
            Status::Pass
        );
    }
}
