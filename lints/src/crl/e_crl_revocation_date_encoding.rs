use super::*;

fn check_revocation_date_encoding(entry: &RevokedEntry<'_>) -> Outcome {
    let Some(t) = &entry.revocation_date else {
        return Outcome::NotApplicable;
    };
    let problems = time_problems("revocationDate", t);
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Every entry's revocationDate is a UTCTime `YYMMDDHHMMSSZ` for dates through 2049 and a
    /// GeneralizedTime `YYYYMMDDHHMMSSZ` from 2050: seconds present, in UTC (`Z`), no fraction.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.6 encodes revocationDate as §5.1.2.4 encodes thisUpdate, which follows
    /// §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, each in the one form of
    /// §4.1.2.5.1 and §4.1.2.5.2.
    ///
    /// ## Example
    /// revocationDate `GeneralizedTime "20251013000000Z"` (a 2025 date must be UTCTime), or
    /// `UTCTime "2510130000Z"` (no seconds).
    ///
    /// ## Differences from pkilint
    /// Same rule, split by pkilint into `pkix.wrong_time_useful_type`,
    /// `pkix.utctime_incorrect_syntax` and `pkix.generalizedtime_incorrect_syntax`.
    E_CRL_REVOCATION_DATE_ENCODING {
        name: "e_crl_revocation_date_encoding",
        description: "A CRL entry's revocationDate is not encoded as RFC 5280 requires",
        citation: "RFC 5280 5.1.2.6, 4.1.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [
            "pkix.wrong_time_useful_type",
            "pkix.utctime_incorrect_syntax",
            "pkix.generalizedtime_incorrect_syntax",
        ],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_revocation_date_encoding,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_revocation_date_encoding";

    #[test]
    fn revocation_date_follows_the_time_rule() {
        let generalized = entry().date_raw(der::generalized(THIS_UPDATE - DAY));
        assert_only(&with_entry(generalized), LINT);
        let no_seconds = entry().date_raw(der::utc_time("2510130000Z"));
        assert_only(&with_entry(no_seconds), LINT);
        assert_eq!(status_of(&with_entry(entry()), LINT), Status::Pass);
        // From 2050 GeneralizedTime is the right type.
        let late = entry().date_raw(der::generalized(smimelint_cert::time::date(2050, 1, 2)));
        assert_eq!(status_of(&with_entry(late), LINT), Status::Pass);
    }
}
