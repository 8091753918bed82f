use super::*;
use smimelint_cert::keymath::bignum::bit_length;

fn check_rsa_modulus_too_large(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.modulus) {
        bits if bits > MAX_EXAMINED_RSA_BITS => fail!(
            "RSA modulus has {bits} bits; moduli over {MAX_EXAMINED_RSA_BITS} bits are not examined"
        ),
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is at most 8192 bits long; a longer one gets a notice saying that its
    /// number-theory checks were not run.
    ///
    /// ## Why
    /// The SBR sets no upper bound on the modulus, so a longer key is no defect and this is a
    /// notice, never a warning: real subscriber certificates carry keys of over 16,000 bits.
    /// But the SHOULDs of SBR 6.1.6 can only be verified at a bounded cost:
    /// `w_smime_rsa_modulus_prime_power` takes time growing with about the cube of the size (a
    /// modulus crafted to pass its residue filters costs about 2 ms at 8192 bits). Above 8192
    /// bits that check is NA and this notice says the key went unexamined.
    ///
    /// ## Example
    /// A 16,384-bit modulus.
    N_SMIME_RSA_MODULUS_TOO_LARGE_TO_EXAMINE {
        name: "n_smime_rsa_modulus_too_large_to_examine",
        description: "The RSA modulus is longer than 8192 bits: its number-theory checks are not run",
        citation: "SBR 6.1.6",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_rsa_modulus_too_large,
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
    fn rsa_modulus_too_large() {
        let (_, e, _) = real_rsa();
        // Residue 1 modulo every prime below 3000: no filter rules it out as a perfect power.
        let crafted = crafted_rsa_modulus(16_384, 3000);
        assert_eq!(Big::from_be(&crafted).bits(), 16_384);
        assert_eq!(Big::from_be(&crafted).rem_u64(2999), 1);
        let bad = rsa(&crafted, &e);
        assert_lint(
            "n_smime_rsa_modulus_too_large_to_examine",
            &bad,
            &good(),
            &[],
        );
        assert_eq!(
            details(&bad, "n_smime_rsa_modulus_too_large_to_examine"),
            "RSA modulus has 16384 bits; moduli over 8192 bits are not examined"
        );
        assert_eq!(
            status_of(&bad, "w_smime_rsa_modulus_prime_power"),
            Status::NotApplicable
        );
        // 8192 bits is the largest examined size, and 8200 the next multiple of 8.
        let at_bound = rsa(&crafted_rsa_modulus(8192, 3000), &e);
        assert_eq!(
            status_of(&at_bound, "n_smime_rsa_modulus_too_large_to_examine"),
            Status::Pass
        );
        assert_eq!(
            status_of(&at_bound, "w_smime_rsa_modulus_prime_power"),
            Status::Pass
        );
        let over = rsa(&crafted_rsa_modulus(8200, 3000), &e);
        assert!(status_of(&over, "n_smime_rsa_modulus_too_large_to_examine").is_finding());
    }
}
