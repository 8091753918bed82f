use super::*;
use smimelint_cert::time::format_iso;

fn check_next_update_before_this_update(ctx: &CrlContext<'_>) -> Outcome {
    let (Some(this), Some(next)) = (ctx.crl.this_update_time(), ctx.crl.next_update_time()) else {
        return Outcome::NotApplicable;
    };
    if next < this {
        fail!(
            "nextUpdate {} is before thisUpdate {}",
            format_iso(next),
            format_iso(this)
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// nextUpdate is not earlier than thisUpdate.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.5: nextUpdate "indicates the date by which the next CRL will be issued.
    /// The next CRL could be issued before the indicated date, but it will not be issued any
    /// later". A nextUpdate before thisUpdate describes a CRL that expired before it was issued.
    ///
    /// ## Example
    /// thisUpdate `251015000000Z`, nextUpdate `251014000000Z`.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_negative_validity_period`).
    E_CRL_NEXT_UPDATE_BEFORE_THIS_UPDATE {
        name: "e_crl_next_update_before_this_update",
        description: "The CRL's nextUpdate is before its thisUpdate",
        citation: "RFC 5280 5.1.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_negative_validity_period"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_next_update_before_this_update,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_next_update_before_this_update";

    #[test]
    fn next_update_follows_this_update() {
        let bad = base().next_update(Some(THIS_UPDATE - DAY)).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
