use super::*;

fn check_rsa_modulus_small_factor(ctx: &LintContext<'_>) -> Outcome {
    let Some(n) = ctx.rsa_modulus() else {
        return Outcome::NotApplicable;
    };
    let factors: Vec<String> = n.small_factors().map(|p| p.to_string()).collect();
    if factors.is_empty() {
        Outcome::Pass
    } else {
        fail!("RSA modulus is divisible by {}", factors.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// The RSA modulus has no odd prime factor below 752: its remainder by each of the 131 odd
    /// primes 3 … 751 is not zero. The factor 2 is `w_smime_rsa_modulus_even`'s finding, so an
    /// even modulus is reported once.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD "have no factors smaller than 752" (NIST SP 800-89
    /// §5.3.3, partial public-key validation). A modulus with a small factor is trivially
    /// factored.
    ///
    /// ## Example
    /// A modulus that is 251 times a 2048-bit RSA modulus.
    ///
    /// ## Differences from pkilint
    /// pkilint's `cabf.rsa_modulus_has_small_prime_factor` also counts the factor 2;
    /// smimelint reports an even modulus once, as `w_smime_rsa_modulus_even`.
    W_SMIME_RSA_MODULUS_SMALL_FACTOR {
        name: "w_smime_rsa_modulus_small_factor",
        description: "The RSA modulus has a prime factor smaller than 752",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_has_small_prime_factor"],
        zlint: ["w_rsa_mod_factors_smaller_than_752"],
        catalog: ["w_smime_rsa_modulus_small_factor"],
        applies: Applies::ALL,
        check: check_rsa_modulus_small_factor,
    }
}
