use super::*;

fn check_validity_outside_issuer(ctx: &LintContext<'_>) -> Outcome {
    let Some(issuer) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let times = (
        ctx.cert.not_before_time(),
        ctx.cert.not_after_time(),
        issuer.not_before_time(),
        issuer.not_after_time(),
    );
    let (Some(nb), Some(na), Some(inb), Some(ina)) = times else {
        return Outcome::NotApplicable;
    };
    let mut problems = Vec::new();
    if nb < inb {
        problems.push("notBefore is before the issuing CA's notBefore");
    }
    if na > ina {
        problems.push("notAfter is after the issuing CA's notAfter");
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// The certificate's validity period lies within the issuing CA certificate's (given with
    /// `--issuer`).
    ///
    /// ## Why
    /// RFC 5280 §6.1.3(a)(2) path validation needs every certificate in the path to be valid at
    /// the time of validation, so the part of a validity period outside the issuer's can never
    /// validate: the certificate promises more than its chain can deliver. Neither RFC 5280 nor
    /// the SBR forbids issuing it, hence a warning.
    ///
    /// ## Example
    /// A subscriber certificate that expires a year after its sub-CA.
    W_SMIME_VALIDITY_OUTSIDE_ISSUER {
        name: "w_smime_validity_outside_issuer",
        description: "Validity period extends beyond the issuing CA certificate's",
        citation: "RFC 5280 6.1.3(a)(2)",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_validity_outside_issuer,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::chain::assert_chain_lint;

    use smimelint_cert::time::date;

    use smimelint_factory::{Hierarchy, KeyAlg};

    #[test]
    fn validity_outside_issuer() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        assert_chain_lint(
            "w_smime_validity_outside_issuer",
            &h.subscriber
                .clone()
                .validity(date(2034, 1, 1), date(2034, 12, 1))
                .build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }
}
