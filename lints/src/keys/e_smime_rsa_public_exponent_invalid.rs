use super::*;

fn check_rsa_public_exponent_invalid(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let e = key.exponent;
        let even = e.last().is_some_and(|b| b & 1 == 0);
        let below_3 = e.len() == 1 && e[0] < 3;
        match (even, below_3) {
            (false, false) => Outcome::Pass,
            (true, _) => fail!("RSA public exponent {} is even", int_text(e)),
            (false, true) => fail!("RSA public exponent {} is less than 3", int_text(e)),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA public exponent is odd and at least 3.
    ///
    /// ## Why
    /// SBR 6.1.6: "the CA SHALL confirm that the value of the public exponent is an odd number
    /// equal to 3 or more". An even exponent has no inverse modulo λ(n); e = 1 does not
    /// encrypt at all.
    ///
    /// ## Example
    /// publicExponent 1; publicExponent 65536.
    E_SMIME_RSA_PUBLIC_EXPONENT_INVALID {
        name: "e_smime_rsa_public_exponent_invalid",
        description: "The RSA public exponent is even or less than 3",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_exponent_prohibited_value"],
        zlint: ["e_rsa_public_exponent_not_odd", "e_rsa_public_exponent_too_small"],
        catalog: ["e_smime_rsa_public_exponent_invalid"],
        applies: Applies::ALL,
        check: check_rsa_public_exponent_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, good, real_rsa, rsa};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn rsa_exponent() {
        let (n, _, _) = real_rsa();
        let even = rsa(&n, &[0x01, 0x00, 0x02]);
        assert_lint("e_smime_rsa_public_exponent_invalid", &even, &good(), &[]);
        assert_eq!(
            details(&even, "e_smime_rsa_public_exponent_invalid"),
            "RSA public exponent 65538 is even"
        );
        let one = rsa(&n, &[1]);
        assert_lint(
            "e_smime_rsa_public_exponent_invalid",
            &one,
            &good(),
            &["w_smime_rsa_public_exponent_out_of_range"],
        );
        let three = rsa(&n, &[3]);
        assert_lint(
            "w_smime_rsa_public_exponent_out_of_range",
            &three,
            &good(),
            &[],
        );
        // 2^256 + 1 is odd but too large.
        let mut huge = vec![0u8; 33];
        huge[0] = 1;
        huge[32] = 1;
        let huge = rsa(&n, &huge);
        assert_lint(
            "w_smime_rsa_public_exponent_out_of_range",
            &huge,
            &good(),
            &[],
        );
        assert!(details(&huge, "w_smime_rsa_public_exponent_out_of_range").contains("257 bits"));
    }
}
