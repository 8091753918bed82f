use super::*;

lint! {
    /// ## What it checks
    /// A Legacy subscriber certificate's validity period is at most 1185 days:
    /// `notAfter − notBefore + 1 s ≤ 1185 × 86,400 s` (notAfter inclusive, as in
    /// `e_smime_validity_exceeds_825_days`).
    ///
    /// ## Why
    /// SBR 6.3.2: Legacy certificates have a maximum validity period of 1185 days, counted in
    /// 86,400-second days with any excess counting as another day.
    ///
    /// ## Example
    /// notBefore `2023-04-28T00:00:00Z`, notAfter `2026-07-26T00:00:00Z`: 1185 days and 1
    /// second.
    E_SMIME_VALIDITY_EXCEEDS_1185_DAYS {
        name: "e_smime_validity_exceeds_1185_days",
        description: "Legacy validity period is longer than 1185 days",
        citation: "SBR 6.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_validity_period_exceeds_1185_days"],
        zlint: [],
        catalog: ["e_smime_validity_exceeds_1185_days"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_validity_exceeds_max,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::validity::{cert, details, DAY};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    #[test]
    fn legacy_at_most_1185_days() {
        let lint = "e_smime_validity_exceeds_1185_days";
        let over = cert("sponsored-legacy", 1185 * DAY);
        assert_lint(lint, &over, &cert("sponsored-legacy", 1000 * DAY), &[]);
        assert_eq!(
            status_of(&cert("sponsored-legacy", 1185 * DAY - 1), lint),
            Status::Pass
        );
        assert!(details(&over, lint).contains("counts as 1186 days"));
    }
}
