use super::*;
use smimelint_engine::detect::CertType;

/// In the S/MIME arc 2.23.140.1.5 (or the arc itself) but not one of the twelve reserved OIDs.
fn is_unlisted_smime_oid(o: &[u8]) -> bool {
    (o == oid::SMIME_POLICY_ARC.as_bytes() || oid::is_under(o, &oid::SMIME_POLICY_ARC))
        && CertType::from_policy_oid(o).is_none()
}

fn check_unlisted_oid_in_smime_arc(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    if !list.iter().any(|p| is_unlisted_smime_oid(p.oid)) {
        return Outcome::Pass;
    }
    fail!(
        "policy OID(s) under the S/MIME arc 2.23.140.1.5 that SBR 7.1.6.1 does not reserve: {}",
        dotted_list(
            list.iter()
                .map(|p| p.oid)
                .filter(|o| is_unlisted_smime_oid(o))
        )
    )
}

lint! {
    /// ## What it checks
    /// No policy identifier lies in the CA/Browser Forum S/MIME arc `2.23.140.1.5` without
    /// being one of the twelve OIDs reserved by SBR 7.1.6.1 (`2.23.140.1.5.{1..4}.{1..3}`).
    /// Checked in subscriber and CA certificates: a Root CA certificate that carries the
    /// extension follows the Subordinate CA rules (SBR 7.1.6.2).
    ///
    /// ## Why
    /// The arc belongs to the CA/Browser Forum, so such an OID is neither a reserved identifier
    /// nor one the CA can document in its own CP/CPS (SBR 7.1.6.3, 7.1.6.4). It is almost
    /// always a typo for a reserved OID, in which case the certificate does not say which
    /// profile it follows. The SBR has no sentence forbidding it outright, hence a warning.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.4` (there is no fourth generation) or `2.23.140.1.5.5.1` (no fifth type).
    ///
    /// ## Differences from pkilint
    /// pkilint 0.13.3 reports nothing for such an OID.
    W_SMIME_UNLISTED_OID_IN_SMIME_ARC {
        name: "w_smime_unlisted_oid_in_smime_arc",
        description: "A policy OID in the S/MIME arc 2.23.140.1.5 is not one of the reserved OIDs",
        citation: "SBR 7.1.6.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_unlisted_oid_in_smime_arc"],
        applies: Applies::ALL,
        check: check_unlisted_oid_in_smime_arc,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, details, MAILBOX_STRICT};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    #[test]
    fn unlisted_oid_in_smime_arc() {
        let bad = base()
            .policies(&[MAILBOX_STRICT, "2.23.140.1.5.1.4"])
            .build();
        assert_lint(
            "w_smime_unlisted_oid_in_smime_arc",
            &bad,
            &base().build(),
            &[],
        );
        assert!(details(&bad, "w_smime_unlisted_oid_in_smime_arc").contains("2.23.140.1.5.1.4"));
        let arc_itself = base().policies(&[MAILBOX_STRICT, "2.23.140.1.5"]).build();
        assert_eq!(
            status_of(&arc_itself, "w_smime_unlisted_oid_in_smime_arc"),
            Status::Warn
        );
        // Neighbouring arcs are not the S/MIME arc.
        for other in ["2.23.140.1.50.1", "2.23.140.1.2.1", "2.23.140.1.640.1"] {
            let cert = base().policies(&[MAILBOX_STRICT, other]).build();
            assert_eq!(
                status_of(&cert, "w_smime_unlisted_oid_in_smime_arc"),
                Status::Pass,
                "{other}"
            );
        }
    }
}
