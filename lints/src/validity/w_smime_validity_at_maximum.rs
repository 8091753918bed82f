use super::*;

fn check_validity_at_maximum(ctx: &LintContext<'_>) -> Outcome {
    let (Some(g), Some(seconds)) = (ctx.generation(), inclusive_seconds(ctx.cert)) else {
        return Outcome::NotApplicable;
    };
    let max = max_days(g);
    if seconds == max * DAY {
        fail!(
            "validity period is exactly the {max}-day maximum of {} certificates",
            g.as_str()
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate's validity period is not exactly the maximum for its
    /// generation (825 days for Strict and Multipurpose, 1185 for Legacy, notAfter
    /// inclusive). Longer periods are the error lints' findings.
    ///
    /// ## Why
    /// SBR 6.3.2: "Subscriber Certificates SHOULD NOT be issued for the maximum permissible
    /// time by default, in order to account for such adjustments" — a maximum-length
    /// certificate is one leap second or clock adjustment away from exceeding the limit.
    ///
    /// ## Example
    /// notBefore `2023-04-28T00:00:00Z`, notAfter `2025-07-30T23:59:59Z` (Multipurpose):
    /// exactly 825 days.
    W_SMIME_VALIDITY_AT_MAXIMUM {
        name: "w_smime_validity_at_maximum",
        description: "Validity period is exactly the maximum the SBR allows",
        citation: "SBR 6.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_validity_period_at_maximum"],
        zlint: [],
        catalog: ["w_smime_validity_at_maximum"],
        applies: Applies::SUBSCRIBER,
        check: check_validity_at_maximum,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::validity::{cert, DAY};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    #[test]
    fn not_the_full_maximum() {
        let lint = "w_smime_validity_at_maximum";
        assert_lint(
            lint,
            &cert("individual-strict", 825 * DAY - 1),
            &cert("individual-strict", 825 * DAY - 2),
            &[],
        );
        assert_lint(
            lint,
            &cert("individual-legacy", 1185 * DAY - 1),
            &cert("individual-legacy", 825 * DAY - 1),
            &[],
        );
        // Over the maximum is the error lint's finding only.
        assert_eq!(
            status_of(&cert("individual-strict", 825 * DAY), lint),
            Status::Pass
        );
    }
}
