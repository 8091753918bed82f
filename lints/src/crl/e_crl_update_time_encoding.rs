use super::*;

fn check_update_time_encoding(ctx: &CrlContext<'_>) -> Outcome {
    let crl = ctx.crl;
    if crl.this_update.is_none() && crl.next_update.is_none() {
        return Outcome::NotApplicable;
    }
    let mut problems = Vec::new();
    for (name, field) in [
        ("thisUpdate", &crl.this_update),
        ("nextUpdate", &crl.next_update),
    ] {
        if let Some(t) = field {
            problems.extend(time_problems(name, t));
        }
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// thisUpdate and nextUpdate are each a UTCTime `YYMMDDHHMMSSZ` for dates through 2049 and
    /// a GeneralizedTime `YYYYMMDDHHMMSSZ` from 2050: seconds present, in UTC (`Z`), no
    /// fraction.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.4 and §5.1.2.5: "CRL issuers conforming to this profile MUST encode
    /// thisUpdate [nextUpdate] as UTCTime for dates through the year 2049" and as
    /// GeneralizedTime from 2050, in the forms of §4.1.2.5.1 and §4.1.2.5.2.
    ///
    /// ## Example
    /// thisUpdate `GeneralizedTime "20251015000000Z"`, or `UTCTime "2510150000Z"`.
    ///
    /// ## Differences from pkilint
    /// Same rule, split by pkilint into `pkix.wrong_time_useful_type`,
    /// `pkix.utctime_incorrect_syntax` and `pkix.generalizedtime_incorrect_syntax`.
    E_CRL_UPDATE_TIME_ENCODING {
        name: "e_crl_update_time_encoding",
        description: "The CRL's thisUpdate or nextUpdate is not encoded as RFC 5280 requires",
        citation: "RFC 5280 5.1.2.4, 5.1.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [
            "pkix.wrong_time_useful_type",
            "pkix.utctime_incorrect_syntax",
            "pkix.generalizedtime_incorrect_syntax",
            "pkix.invalid_time_syntax",
        ],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_update_time_encoding,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_cert::time::date;

    const LINT: &str = "e_crl_update_time_encoding";

    #[test]
    fn update_times_follow_the_time_rule() {
        let cases = [
            base().this_update_raw(der::generalized(THIS_UPDATE)),
            base().next_update_raw(Some(der::generalized(THIS_UPDATE + 7 * DAY))),
            base().this_update_raw(der::utc_time("2510150000Z")),
            base().next_update_raw(Some(der::utc_time("251022000000+0000"))),
        ];
        for b in &cases {
            assert_only(&b.build(), LINT);
        }
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
        let late = base()
            .this_update(date(2050, 1, 1))
            .next_update(Some(date(2050, 1, 5)))
            .build();
        assert_eq!(status_of(&late, LINT), Status::Pass);
    }
}
