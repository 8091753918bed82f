use super::*;

/// SBR 4.9.7: nextUpdate at most ten days after thisUpdate.
const MAX_SECONDS: i64 = 10 * DAY;

fn check_next_update_over_10_days(ctx: &CrlContext<'_>) -> Outcome {
    let (Some(this), Some(next)) = (ctx.crl.this_update_time(), ctx.crl.next_update_time()) else {
        return Outcome::NotApplicable;
    };
    let span = next - this;
    if span > MAX_SECONDS {
        fail!(
            "nextUpdate is {span} s ({:.2} days) after thisUpdate; at most 864000 s (10 days) for subscriber certificates",
            span as f64 / DAY as f64
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// In a CRL for subscriber certificates, nextUpdate is at most ten days (864,000 seconds)
    /// after thisUpdate. Exactly ten days passes.
    ///
    /// The scope comes from `--scope subscriber` or an issuingDistributionPoint with
    /// onlyContainsUserCerts; when it is unknown the lint does not run (see
    /// `n_crl_scope_unknown`).
    ///
    /// ## Why
    /// SBR 4.9.7: "For the status of Subscriber Certificates: ... the value of the `nextUpdate`
    /// field SHALL NOT be more than ten days beyond the value of the `thisUpdate` field."
    /// Relying parties cache a CRL until nextUpdate, so a long interval hides revocations.
    ///
    /// ## Example
    /// thisUpdate `251015000000Z`, nextUpdate `251026000000Z` (eleven days).
    ///
    /// ## Differences from pkilint
    /// Same bound (`cabf.crl_invalid_validity_period`, BR profile with `-t CRL`); pkilint
    /// applies it whenever told the CRL is a subscriber CRL.
    E_CRL_NEXT_UPDATE_OVER_10_DAYS {
        name: "e_crl_next_update_over_10_days",
        description: "A CRL for subscriber certificates has nextUpdate more than ten days after thisUpdate",
        citation: "SBR 4.9.7",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.crl_invalid_validity_period"],
        zlint: ["e_crl_next_update_invalid"],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        crl_check: check_next_update_over_10_days,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_engine::revocation_context::Scope;

    const LINT: &str = "e_crl_next_update_over_10_days";

    #[test]
    fn subscriber_crls_last_at_most_ten_days() {
        let crl = |secs: i64| base().next_update(Some(THIS_UPDATE + secs)).build();
        let over = crl(10 * DAY + 1);
        assert_eq!(
            status_in_scope(&over, Scope::Subscriber, LINT),
            Status::Error
        );
        assert_eq!(
            status_in_scope(&crl(10 * DAY), Scope::Subscriber, LINT),
            Status::Pass
        );
        assert_eq!(
            status_in_scope(&over, Scope::Ca, LINT),
            Status::NotApplicable
        );
        assert_eq!(status_of(&over, LINT), Status::NotApplicable);
        // The IDP's onlyContainsUserCerts sets the scope.
        let idp = Idp {
            only_user_certs: true,
            ..Idp::uris(&["http://crl.example.com/smime.crl"])
        };
        let scoped = base()
            .idp(&idp, true)
            .next_update(Some(THIS_UPDATE + 11 * DAY))
            .build();
        assert_only(&scoped, LINT);
    }
}
